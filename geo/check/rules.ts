/**
 * The rules other than the envelope: area cap, area methods, geometry, overlaps, ids, 시·도 and
 * hubs. Each is `(ctx) => FindingValue[]`: values only, messages.ts writes the sentences.
 */

import { searchOverlaps } from "../geometry";
import type { HubCounts } from "../hubs";
import { areaCapKm2For } from "../rules";
import { CLAIM_NEAR_M, parcelsNearOtherSido, sidoByCode } from "../sido";
import type { FindingValue, Report } from "../types";
import type { CheckContext } from "./context";
import { round } from "./round";

export function areaCap(ctx: CheckContext): FindingValue[] {
  const cap = areaCapKm2For(ctx.ruleSet, ctx.sidoCode);
  if (ctx.totalKm2 <= cap) return [];
  const overKm2 = ctx.totalKm2 - cap;
  return [
    {
      code: "AREA_CAP",
      severity: "error",
      parcels: [...ctx.ids],
      figures: {
        totalKm2: round(ctx.totalKm2, 6),
        capKm2: cap,
        overKm2: round(overKm2, 6),
        overM2: Math.round(overKm2 * 1e6),
      },
    },
  ];
}

/** A filing measured in TM may land on the other side of the cap: the reviewer must see that. */
export function areaMethods(ctx: CheckContext): FindingValue[] {
  const cap = areaCapKm2For(ctx.ruleSet, ctx.sidoCode);
  // A parcel far outside the TM plane's zone (a damaged file's stray vertex) has no planar area.
  if (!Number.isFinite(ctx.tmTotalKm2)) return [];
  if (ctx.totalKm2 > cap === ctx.tmTotalKm2 > cap) return [];
  return [
    {
      code: "AREA_METHOD_DISAGREES",
      severity: "warning",
      parcels: [],
      figures: {
        totalKm2: round(ctx.totalKm2, 6),
        tmTotalKm2: round(ctx.tmTotalKm2, 6),
        tmCrs: ctx.tmCrs,
        capKm2: cap,
      },
    },
  ];
}

export function geometry(ctx: CheckContext): FindingValue[] {
  if (!ctx.ruleSet.validGeometry) return [];
  const findings: FindingValue[] = [];
  ctx.problems.forEach((parcelProblems, i) => {
    for (const problem of parcelProblems) {
      const at = problem.at
        ? { lon: round(problem.at[0] ?? 0, 6), lat: round(problem.at[1] ?? 0, 6) }
        : {};
      const figures = { kind: problem.kind, part: problem.part, ring: problem.ring, ...at };
      findings.push({
        code: "INVALID_GEOMETRY",
        severity: "error",
        parcels: [ctx.ids[i] ?? ""],
        figures,
      });
    }
  });
  return findings;
}

export function overlaps(ctx: CheckContext): FindingValue[] {
  if (ctx.ruleSet.overlapAllowed) return [];
  const usable = ctx.problems.flatMap((p, i) => (p.length === 0 ? [i] : []));
  const search = searchOverlaps(ctx.geoms, usable);
  const findings: FindingValue[] = search.overlaps.map((o) => ({
    code: "OVERLAP",
    severity: "error",
    parcels: [ctx.ids[o.a] ?? "", ctx.ids[o.b] ?? ""],
    figures: { areaM2: Math.round(o.areaM2 * 100) / 100 },
  }));
  if (!search.complete) {
    // Not every pair was compared, so no one can say the parcels don't overlap: an error.
    findings.push({
      code: "OVERLAP_LIMIT",
      severity: "error",
      parcels: [],
      figures: { checkedPairs: search.checkedPairs, found: search.overlaps.length },
    });
  }
  return findings;
}

/** Ids must be unique (FILING.md): a reviewer could not tell two parcels of one id apart. */
export function duplicateIds(ctx: CheckContext): FindingValue[] {
  const seen = new Map<string, number>();
  for (const id of ctx.ids) seen.set(id, (seen.get(id) ?? 0) + 1);
  return [...seen]
    .filter(([, count]) => count > 1)
    .map(([id, count]) => ({
      code: "DUPLICATE_ID",
      severity: "error",
      parcels: [id],
      figures: { id, count },
    }));
}

/** A zone with no parcel designates nothing: the app's empty zone, never a read filing. */
export function noParcel(ctx: CheckContext): FindingValue[] {
  if (ctx.geoms.length > 0) return [];
  return [{ code: "NO_PARCEL", severity: "error", parcels: [], figures: {} }];
}

export function sido(ctx: CheckContext): FindingValue[] {
  if (ctx.geoms.length === 0) return [];
  // With eligibility in the rule set, a zone in no 시·도 is REGION_NOT_ELIGIBLE instead.
  if (ctx.sidoCode === null && ctx.ruleSet.eligibleSido === undefined) {
    return [
      {
        code: "SIDO_UNKNOWN",
        severity: "warning",
        parcels: [],
        figures: { limitKm: ctx.radiusLimitKm },
      },
    ];
  }
  if (ctx.sidoCode === null || !ctx.sidoSpans) return [];
  const shares = ctx.sidoShares
    .map((s) => `${sidoByCode(s.code)?.name ?? s.code} ${round(s.km2, 3)}㎢`)
    .join(", ");
  const sharesEn = ctx.sidoShares
    .map((s) => `${sidoByCode(s.code)?.nameEn ?? s.code} ${round(s.km2, 3)} km²`)
    .join(", ");
  const figures = { shares, sharesEn };
  return [{ code: "SIDO_SPAN", severity: "warning", parcels: [...ctx.ids], figures }];
}

/**
 * The named 시·도 (`czd.sido` or `--sido`) is a claim: where the boundaries put the parcels in
 * another 시·도, more than CLAIM_NEAR_M from the named one, the parcels' 시·도 applies (its
 * eligibility and radius) and the filing fails: a filing can't name its way past the rules.
 */
export function sidoMismatch(ctx: CheckContext): FindingValue[] {
  const claimed = ctx.sidoClaimed;
  if (!claimed || ctx.sidoCode === null) return [];
  const named = sidoByCode(claimed.code);
  const share = ctx.sidoShares.find((s) => s.code === ctx.sidoCode);
  return [
    {
      code: "SIDO_MISMATCH",
      severity: "error",
      parcels: [...ctx.ids],
      figures: {
        claimedCode: claimed.code,
        claimedName: named?.name ?? claimed.code,
        claimedNameEn: named?.nameEn ?? claimed.code,
        from: claimed.from,
        sidoCode: ctx.sidoCode,
        sidoName: ctx.sidoName ?? ctx.sidoCode,
        sidoNameEn: ctx.sidoNameEn ?? ctx.sidoCode,
        km2: round(share?.km2 ?? 0, 3),
        withinM: CLAIM_NEAR_M,
        limitKm: ctx.radiusLimitKm,
      },
    },
  ];
}

/** A parcel this close to another 시·도 may lie in it: the embedded borders are simplified. */
export const NEAR_BORDER_M = 500;

/**
 * A circle between the metropolitan and the general radius passes or fails on the 시·도 alone.
 * When that 시·도 was only inferred from the embedded boundaries and a parcel lies within
 * NEAR_BORDER_M of another 시·도, the reviewer must confirm it: a warning, with the distance.
 */
export function sidoDecidesRadius(ctx: CheckContext, envelope: Report["envelope"]): FindingValue[] {
  const circle = ctx.ruleSet.envelope.circle;
  const radiusKm = envelope.radiusKm;
  if (ctx.sidoFrom !== "parcels" || envelope.shape !== "circle" || radiusKm === undefined)
    return [];
  if (radiusKm <= circle.metroRadiusKm || radiusKm > circle.radiusKm || ctx.sidoCode === null)
    return [];
  const near = parcelsNearOtherSido(ctx.geoms, ctx.sidoCode, NEAR_BORDER_M);
  const [nearest] = near;
  if (!nearest) return [];
  const other = sidoByCode(nearest.code);
  return [
    {
      code: "SIDO_DECIDES_RADIUS",
      severity: "warning",
      parcels: near.map((n) => ctx.ids[n.parcel] ?? String(n.parcel)),
      figures: {
        radiusKm,
        metroLimitKm: circle.metroRadiusKm,
        limitKm: circle.radiusKm,
        sidoName: ctx.sidoName ?? "",
        sidoNameEn: ctx.sidoNameEn ?? "",
        nearest: ctx.ids[nearest.parcel] ?? "",
        distanceM: Math.round(nearest.distanceM),
        otherName: other?.name ?? nearest.code,
        otherNameEn: other?.nameEn ?? nearest.code,
        count: near.length,
        withinM: NEAR_BORDER_M,
      },
    },
  ];
}

/**
 * The programme is for the rule set's `eligibleSido` (the 14 outside the capital region): a zone
 * elsewhere, or in no 시·도 at all, fails. A zone in no 시·도 whose filing or `--sido` names an
 * eligible one (reclaimed land newer than the 2018 boundaries) gets a warning instead.
 */
export function eligibility(ctx: CheckContext): FindingValue[] {
  const eligible = ctx.ruleSet.eligibleSido;
  if (ctx.geoms.length === 0 || eligible === undefined) return [];
  if (ctx.sidoCode === null) {
    return [
      {
        code: "REGION_NOT_ELIGIBLE",
        severity: "error",
        parcels: [...ctx.ids],
        figures: { eligibleCount: eligible.length },
      },
    ];
  }
  if (!eligible.includes(ctx.sidoCode)) {
    return [
      {
        code: "REGION_NOT_ELIGIBLE",
        severity: "error",
        parcels: [...ctx.ids],
        figures: {
          sidoName: ctx.sidoName ?? ctx.sidoCode,
          sidoNameEn: ctx.sidoNameEn ?? ctx.sidoCode,
          eligibleCount: eligible.length,
        },
      },
    ];
  }
  if (ctx.sidoFrom !== "parcels" && ctx.sidoShares.length === 0) {
    return [
      {
        code: "SIDO_OUTSIDE_BOUNDARIES",
        severity: "warning",
        parcels: [...ctx.ids],
        figures: { sidoName: ctx.sidoName ?? "", sidoNameEn: ctx.sidoNameEn ?? "" },
      },
    ];
  }
  return [];
}

export function hubs(counts: HubCounts | undefined): FindingValue[] {
  if (!counts) return [];
  const findings: FindingValue[] = [];
  if (counts.counts.total === 0) {
    findings.push({ code: "NO_HUB", severity: "warning", parcels: [], figures: {} });
  }
  for (const hub of counts.partial) {
    findings.push({
      code: "HUB_PARTIAL",
      severity: "info",
      parcels: [],
      figures: { name: hub.name, type: hub.type, sharePct: round(hub.shareInside * 100, 1) },
    });
  }
  return findings;
}
