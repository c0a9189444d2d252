/**
 * What a 지구 변경 changes: two checked versions of a zone in, the changes out — parcels added,
 * removed and reshaped, 필지 (PNU) added and removed, and every figure of the two reports as
 * old → new with the difference. Figures are the reports' own values (never re-measured), so
 * the diff agrees with `czd check` of either file. Pure: values in, a value out.
 */
import { distanceM } from "../measure";
import type { Parcel, Report, Zone } from "../types";
import { type ZoneRole, zoneRoleOf } from "../zone-roles";
import { matchParcels, sameGeometry } from "./match";

/** One version: the file's name as given, its zone and its report. */
export interface DiffSide {
  file: string;
  zone: Zone;
  report: Report;
}

export interface ParcelRef {
  id: string;
  name?: string;
  km2: number;
}

export interface ReshapedParcel {
  oldId: string;
  newId: string;
  matchedBy: "id" | "overlap";
  oldKm2: number;
  newKm2: number;
  deltaKm2: number;
}

/**
 * A 필지 whose 편입 면적 changed: whole (null) ↔ in part, or a part of another size (m², as the
 * filings' `partialPnu` give it). `deltaM2` only between two parts: a whole 필지's m² is the
 * cadastre's, which a filing does not carry.
 */
export interface PnuChange {
  pnu: string;
  oldM2: number | null;
  newM2: number | null;
  deltaM2: number | null;
}

export interface PnuDiff {
  added: string[];
  removed: string[];
  /** 필지 in both versions with the same 편입 (whole, or the same m² in part). */
  kept: number;
  changed: PnuChange[];
  /** m² inside of each 필지 only partly included, by PNU, in each version (a 필지 added in part). */
  partialM2: { old: Record<string, number>; new: Record<string, number> };
}

/** One line of the figures table: numbers get a difference, words (a 시·도, a shape) don't. */
export interface FigureRow {
  key: string;
  old: number | string | null;
  new: number | string | null;
  delta?: number;
  changed: boolean;
}

export interface ZoneDiff {
  old: { file: string; verdict: Report["verdict"] };
  new: { file: string; verdict: Report["verdict"] };
  parcels: {
    added: ParcelRef[];
    removed: ParcelRef[];
    reshaped: ReshapedParcel[];
    kept: ParcelRef[];
    /** Matched parcels whose role (`properties.zoneRole`) changed; null: no role. */
    roleChanged: { id: string; oldRole: ZoneRole | null; newRole: ZoneRole | null }[];
  };
  /** 필지 by PNU, when either version names them (`pnu`, `partialPnu`); null when neither does. */
  pnu: PnuDiff | null;
  figures: FigureRow[];
  findings: { added: string[]; removed: string[] };
}

/** Differences to 1e-9 of the unit: the reports round their figures, so this is exact for them. */
const sub = (a: number, b: number): number => Math.round((b - a) * 1e9) / 1e9;

function ref(zone: Zone, report: Report, k: number): ParcelRef {
  const p = zone.parcels[k] as Parcel;
  const km2 = report.area.parcels[k]?.km2 ?? Number.NaN;
  return { id: p.id, ...(p.name ? { name: p.name } : {}), km2 };
}

/** Each 필지 a version names: null when whole, else the m² inside (summed over 구역). */
function pnusOf(zone: Zone): Map<string, number | null> | null {
  let named = false;
  const out = new Map<string, number | null>();
  for (const p of zone.parcels) {
    const whole = p.properties.pnu;
    const partial = p.properties.partialPnu;
    if (Array.isArray(whole)) {
      named = true;
      for (const v of whole) if (typeof v === "string") out.set(v, null);
    }
    if (!Array.isArray(partial)) continue;
    named = true;
    for (const v of partial) {
      const { pnu, m2 } = (v ?? {}) as { pnu?: unknown; m2?: unknown };
      if (typeof pnu !== "string" || typeof m2 !== "number" || !Number.isFinite(m2)) continue;
      const had = out.get(pnu);
      if (had === null) continue;
      out.set(pnu, Math.round(((had ?? 0) + m2) * 100) / 100);
    }
  }
  return named ? out : null;
}

const byPnu = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

function pnuDiff(a: Zone, b: Zone): PnuDiff | null {
  const older = pnusOf(a);
  const newer = pnusOf(b);
  if (!older && !newer) return null;
  const o = older ?? new Map<string, number | null>();
  const n = newer ?? new Map<string, number | null>();
  const changed: PnuChange[] = [];
  let kept = 0;
  for (const [pnu, newM2] of n) {
    if (!o.has(pnu)) continue;
    const oldM2 = o.get(pnu) ?? null;
    if (oldM2 === newM2) kept++;
    else {
      const deltaM2 =
        oldM2 !== null && newM2 !== null ? Math.round((newM2 - oldM2) * 100) / 100 : null;
      changed.push({ pnu, oldM2, newM2, deltaM2 });
    }
  }
  const partial = (m: Map<string, number | null>): Record<string, number> =>
    Object.fromEntries(
      [...m].filter((e): e is [string, number] => e[1] !== null).sort((x, y) => byPnu(x[0], y[0])),
    );
  return {
    added: [...n.keys()].filter((x) => !o.has(x)).sort(),
    removed: [...o.keys()].filter((x) => !n.has(x)).sort(),
    kept,
    changed: changed.sort((x, y) => byPnu(x.pnu, y.pnu)),
    partialM2: { old: partial(o), new: partial(n) },
  };
}

function num(key: string, a: number | undefined, b: number | undefined): FigureRow {
  const old = a ?? null;
  const nw = b ?? null;
  return {
    key,
    old,
    new: nw,
    ...(old !== null && nw !== null ? { delta: sub(old, nw) } : {}),
    changed: old !== nw,
  };
}

function word(key: string, a: string | null | undefined, b: string | null | undefined): FigureRow {
  return { key, old: a ?? null, new: b ?? null, changed: (a ?? null) !== (b ?? null) };
}

const centreText = (c: number[] | undefined): string | undefined =>
  c ? `${(c[1] ?? 0).toFixed(5)}°N ${(c[0] ?? 0).toFixed(5)}°E` : undefined;

function envelopeRows(a: Report, b: Report): FigureRow[] {
  const ea = a.envelope;
  const eb = b.envelope;
  const moved =
    ea.center && eb.center ? Math.round(distanceM(ea.center, eb.center)) / 1000 : undefined;
  const rows = [
    word("envelope.shape", ea.shape, eb.shape),
    word("envelope.given", String(ea.given), String(eb.given)),
    word("envelope.center", centreText(ea.center), centreText(eb.center)),
    ...(moved !== undefined
      ? [{ key: "envelope.centerMovedKm", old: null, new: moved, delta: moved, changed: moved > 0 }]
      : []),
    num("envelope.radiusKm", ea.radiusKm, eb.radiusKm),
    num("envelope.reachKm", ea.reachKm, eb.reachKm),
    num("envelope.limitKm", ea.limitKm, eb.limitKm),
    num("envelope.halfWidthKm", ea.halfWidthKm, eb.halfWidthKm),
    num("envelope.axisLengthKm", ea.axisLengthKm, eb.axisLengthKm),
    num("envelope.areaKm2", ea.areaKm2, eb.areaKm2),
  ];
  // A line neither version has (a belt's half-width for two circles) says nothing.
  return rows.filter((r) => r.old !== null || r.new !== null);
}

function hubRows(a: Report, b: Report): FigureRow[] {
  const types = [...new Set([...Object.keys(a.hubs.counts), ...Object.keys(b.hubs.counts)])].filter(
    (t) => t !== "total",
  );
  return [
    ...types.map((t) => num(`hubs.${t}`, a.hubs.counts[t] ?? 0, b.hubs.counts[t] ?? 0)),
    num("hubs.total", a.hubs.counts.total, b.hubs.counts.total),
  ];
}

/** Area by parcel role (코어 / 연계 / 협력), when either version's parcels carry roles. */
function roleRows(a: Report, b: Report): FigureRow[] {
  if (!a.area.roles && !b.area.roles) return [];
  // A version without roles has all its area under "none".
  const km2 = (r: Report, role: string): number =>
    r.area.roles
      ? (r.area.roles.find((g) => g.role === role)?.km2 ?? 0)
      : role === "none"
        ? r.area.totalKm2
        : 0;
  const roles = ["core", "link", "partner", "none"].filter(
    (role) => km2(a, role) > 0 || km2(b, role) > 0,
  );
  return roles.map((role) => num(`roles.${role}`, km2(a, role), km2(b, role)));
}

function codes(r: Report): string[] {
  return [...new Set(r.findings.filter((f) => f.severity !== "info").map((f) => f.code))];
}

/** The changes from `older` to `newer`. */
export function diffZones(older: DiffSide, newer: DiffSide): ZoneDiff {
  const a = older.report;
  const b = newer.report;
  const pairs = matchParcels(older.zone.parcels, newer.zone.parcels);
  const pairedOld = new Set(pairs.map((p) => p.old));
  const pairedNew = new Set(pairs.map((p) => p.new));
  const reshaped: ReshapedParcel[] = [];
  const roleChanged: ZoneDiff["parcels"]["roleChanged"] = [];
  const kept: ParcelRef[] = [];
  for (const p of pairs) {
    const po = older.zone.parcels[p.old] as Parcel;
    const pn = newer.zone.parcels[p.new] as Parcel;
    const ro = ref(older.zone, a, p.old);
    const rn = ref(newer.zone, b, p.new);
    const [oldRole, newRole] = [zoneRoleOf(po), zoneRoleOf(pn)];
    if (oldRole !== newRole) roleChanged.push({ id: pn.id, oldRole, newRole });
    if (p.by === "id" && sameGeometry(po.geometry, pn.geometry)) {
      kept.push(rn);
      continue;
    }
    reshaped.push({
      oldId: po.id,
      newId: pn.id,
      matchedBy: p.by,
      oldKm2: ro.km2,
      newKm2: rn.km2,
      deltaKm2: sub(ro.km2, rn.km2),
    });
  }
  const added = newer.zone.parcels.flatMap((_, j) =>
    pairedNew.has(j) ? [] : [ref(newer.zone, b, j)],
  );
  const removed = older.zone.parcels.flatMap((_, i) =>
    pairedOld.has(i) ? [] : [ref(older.zone, a, i)],
  );
  const codesA = codes(a);
  const codesB = codes(b);
  return {
    old: { file: older.file, verdict: a.verdict },
    new: { file: newer.file, verdict: b.verdict },
    parcels: { added, removed, reshaped, kept, roleChanged },
    pnu: pnuDiff(older.zone, newer.zone),
    figures: [
      word("verdict", a.verdict, b.verdict),
      word("ruleSet", a.ruleSet, b.ruleSet),
      word("sido", a.sido.code, b.sido.code),
      num("parcels.count", older.zone.parcels.length, newer.zone.parcels.length),
      num("area.totalKm2", a.area.totalKm2, b.area.totalKm2),
      num("area.tmKm2", a.area.tm.totalKm2, b.area.tm.totalKm2),
      num("area.capKm2", a.area.capKm2, b.area.capKm2),
      ...roleRows(a, b),
      ...envelopeRows(a, b),
      ...hubRows(a, b),
    ],
    findings: {
      added: codesB.filter((c) => !codesA.includes(c)),
      removed: codesA.filter((c) => !codesB.includes(c)),
    },
  };
}
