/**
 * checkFiling: rules × zone → findings → the report of FILING.md. Measures once (check-context),
 * runs each rule, then asks messages.ts for the sentences.
 */

import { countHubs, type HubIndex } from "../hubs";
import { findingMessage, sidoReason } from "../messages";
import { record } from "../own";
import { areaCapKm2For, isBuiltinRuleSet, isUnknownRuleSet, unknownRuleSetError } from "../rules";
import { type FindingValue, HUB_TYPES, type Report, type RuleSet, type Zone } from "../types";
import { type RoleArea, roleAreas, zoneRoleOf } from "../zone-roles";
import { type CheckContext, measureZone } from "./context";
import { checkEnvelope } from "./envelope";
import { round } from "./round";
import * as rules from "./rules";

export interface CheckOptions {
  ruleSet: RuleSet;
  /** Hubs indexed once with indexHubs; without them the counts are zero and `hubs.given` false. */
  hubs?: HubIndex;
  /** The TM plane for the planar area (default EPSG:5186). */
  tmCrs?: string;
  /** A 시·도 code that wins over the filing's own (`--sido`). */
  sido?: string;
}

const SEVERITY_ORDER = { error: 0, warning: 1, info: 2 } as const;

function emptyCounts(): Report["hubs"]["counts"] {
  const counts = record<number>();
  for (const t of HUB_TYPES) counts[t] = 0;
  return Object.assign(counts, { total: 0 });
}

function sidoSection(ctx: CheckContext): Report["sido"] {
  const section: Report["sido"] = {
    code: ctx.sidoCode,
    name: ctx.sidoName ?? null,
    from: ctx.sidoFrom,
    metro: ctx.metro,
    shares: ctx.sidoShares.map((s) => ({ code: s.code, km2: round(s.km2, 6) })),
    why: { ko: sidoReason(ctx, "ko"), en: sidoReason(ctx, "en") },
  };
  if (ctx.sidoClaimed) section.claimed = ctx.sidoClaimed.code;
  if (ctx.sigungu) {
    section.sigungu = ctx.sigungu.map((s) => ({
      code: s.code,
      name: s.name,
      km2: round(s.km2, 6),
    }));
  }
  return section;
}

/** Area by parcel role (코어 / 연계 / 협력), only in a report whose parcels carry roles. */
function rolesSection(zone: Zone, areasM2: readonly number[]): { roles?: RoleArea[] } {
  const roles = roleAreas(
    zone.parcels,
    zone.parcels.map((_, i) => (areasM2[i] ?? 0) / 1e6),
  );
  return roles ? { roles } : {};
}

/** Checks a zone against a rule set and returns the compliance report (areas in km², ellipsoidal). */
export function checkFiling(zone: Zone, opts: CheckOptions): Report {
  if (isUnknownRuleSet(opts.ruleSet)) throw unknownRuleSetError(opts.ruleSet.id);
  const ctx = measureZone(zone, opts);
  const tally = opts.hubs ? countHubs(opts.hubs, ctx.geoms) : undefined;
  // With no parcel, NO_PARCEL says it all: no hub warning on top.
  const hubFindings = ctx.geoms.length > 0 ? rules.hubs(tally) : [];
  const envelope = checkEnvelope(ctx, zone.envelope);
  const values: FindingValue[] = [
    ...rules.noParcel(ctx),
    ...rules.geometry(ctx),
    ...rules.duplicateIds(ctx),
    ...rules.areaCap(ctx),
    ...envelope.findings,
    ...rules.overlaps(ctx),
    ...rules.areaMethods(ctx),
    ...rules.sidoMismatch(ctx),
    ...rules.sido(ctx),
    ...rules.eligibility(ctx),
    ...rules.sidoDecidesRadius(ctx, envelope.section),
    ...hubFindings,
  ];
  values.sort((a, b) => SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity]);
  const findings = values.map((f) => ({
    ...f,
    message: findingMessage(f, "ko"),
    messageEn: findingMessage(f, "en"),
  }));
  const hubs: Report["hubs"] = tally
    ? { counts: tally.counts, partial: tally.partial, given: true, sources: tally.sources }
    : { counts: emptyCounts(), partial: [], given: false, sources: [] };
  return {
    verdict: findings.some((f) => f.severity === "error") ? "fail" : "pass",
    ruleSet: opts.ruleSet.id,
    ruleSetVersion: opts.ruleSet.version,
    ruleSetCustom: !isBuiltinRuleSet(opts.ruleSet),
    sido: sidoSection(ctx),
    area: {
      totalKm2: round(ctx.totalKm2, 6),
      parcels: zone.parcels.map((p, i) => {
        const entry: Report["area"]["parcels"][number] = {
          id: p.id,
          km2: round((ctx.areasM2[i] ?? 0) / 1e6, 6),
        };
        if (p.name !== undefined) entry.name = p.name;
        const role = zoneRoleOf(p);
        if (role) entry.zoneRole = role;
        return entry;
      }),
      tm: { crs: ctx.tmCrs, totalKm2: round(ctx.tmTotalKm2, 6) },
      capKm2: areaCapKm2For(opts.ruleSet, ctx.sidoCode),
      ...rolesSection(zone, ctx.areasM2),
    },
    envelope: envelope.section,
    hubs,
    findings,
  };
}

/** The figures a shape being drawn shows: checkFiling's own, without the rules that search. */
export interface ZoneFigures {
  totalKm2: number;
  capKm2: number;
  envelope: Report["envelope"];
}

/**
 * The report's area total, cap and envelope section, measured exactly as checkFiling measures
 * them but without the overlap search and the hub count: what the app recomputes on every
 * pointer move while a shape is drawn, which a zone of many piled parcels would otherwise hold
 * for seconds (the search is bounded by a work budget, not by a frame).
 */
export function zoneFigures(zone: Zone, opts: CheckOptions): ZoneFigures {
  if (isUnknownRuleSet(opts.ruleSet)) throw unknownRuleSetError(opts.ruleSet.id);
  const ctx = measureZone(zone, opts);
  return {
    totalKm2: round(ctx.totalKm2, 6),
    capKm2: areaCapKm2For(opts.ruleSet, ctx.sidoCode),
    envelope: checkEnvelope(ctx, zone.envelope).section,
  };
}
