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
  /** 필지 by PNU, when either version names them (`properties.pnu`); null when neither does. */
  pnu: { added: string[]; removed: string[]; kept: number } | null;
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

function pnusOf(zone: Zone): Set<string> | null {
  let named = false;
  const set = new Set<string>();
  for (const p of zone.parcels) {
    const list = p.properties.pnu;
    if (!Array.isArray(list)) continue;
    named = true;
    for (const v of list) if (typeof v === "string") set.add(v);
  }
  return named ? set : null;
}

function pnuDiff(a: Zone, b: Zone): ZoneDiff["pnu"] {
  const older = pnusOf(a);
  const newer = pnusOf(b);
  if (!older && !newer) return null;
  const o = older ?? new Set<string>();
  const n = newer ?? new Set<string>();
  return {
    added: [...n].filter((x) => !o.has(x)).sort(),
    removed: [...o].filter((x) => !n.has(x)).sort(),
    kept: [...n].filter((x) => o.has(x)).length,
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
