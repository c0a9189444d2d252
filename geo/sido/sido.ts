/**
 * Which 시·도 a zone belongs to: the one the filing names, else the one holding most parcel
 * area, from the embedded KOSTAT (SGIS) 2018 boundaries with 군위군 in 대구 (public/data/README.md
 * says how they were built and how far to trust them; the report explains its answer).
 */
import { FilingError } from "../errors";
import type { ParcelGeometry } from "../types";
import { addParcelShares, sidoIndex } from "./boundary-index";
import { parcelsNearSido } from "./near";
import { sidoByCode } from "./table";

export { SIDO, type SidoInfo, sidoByCode } from "./table";

export interface SidoShare {
  code: string;
  km2: number;
}

export interface SidoDecision {
  code: string | null;
  from: "filing" | "option" | "parcels" | "none";
  /** Parcel area in each 시·도, km², largest first. */
  shares: SidoShare[];
  /** Parcels lie in more than one 시·도 (slivers under SLIVER_SHARE of the total ignored). */
  spans: boolean;
  /**
   * The 시·도 the filing or option named when the boundaries put the parcels elsewhere
   * (SIDO_MISMATCH): `code` is then the parcels' own 시·도 and `from` is "parcels".
   */
  claimed?: { code: string; from: "filing" | "option" };
}

/**
 * How near (m) a parcel must come to the named 시·도 for the name to decide: the embedded borders
 * are simplified to about 150 m, so closer than this the boundaries can't prove the name wrong.
 */
export const CLAIM_NEAR_M = 500;

/**
 * Shares under 0.1% of the parcel area don't count as spanning: the embedded boundaries are
 * simplified to about 150 m, so a parcel drawn up to a real border often pokes a sliver across
 * the drawn one.
 */
export const SLIVER_SHARE = 0.001;

interface Measured {
  shares: SidoShare[];
  totalKm2: number;
  /** Each parcel's area (m²) by 시·도 code, and its whole area (m²). */
  perParcel: { byCode: Map<string, number>; areaM2: number }[];
}

function sharesAndTotal(geoms: ParcelGeometry[]): Measured {
  const ix = sidoIndex();
  const acc = new Map<string, number>();
  const perParcel: Measured["perParcel"] = [];
  let totalM2 = 0;
  for (const g of geoms) {
    const own = new Map<number, number>();
    const areaM2 = addParcelShares(ix, g, own);
    totalM2 += areaM2;
    const byCode = new Map<string, number>();
    for (const [k, m2] of own) {
      const code = ix.sido[k]?.code;
      if (!code || !(m2 > 0)) continue;
      byCode.set(code, (byCode.get(code) ?? 0) + m2);
      acc.set(code, (acc.get(code) ?? 0) + m2);
    }
    perParcel.push({ byCode, areaM2 });
  }
  return { shares: sortShares(acc), totalKm2: totalM2 / 1e6, perParcel };
}

function sortShares(acc: Map<string, number>): SidoShare[] {
  const shares: SidoShare[] = [];
  for (const [code, m2] of acc) shares.push({ code, km2: m2 / 1e6 });
  return shares.sort((a, b) => b.km2 - a.km2 || a.code.localeCompare(b.code));
}

/**
 * Whether the boundaries allow the named 시·도: each parcel's area counts for the named one when
 * the parcel lies partly in it, within CLAIM_NEAR_M of it, or in no 시·도 at all (reclaimed land);
 * otherwise for the 시·도 that hold it. The name stands when it then holds at least as much area
 * as any other 시·도 (FILING.md: the name decides only for land no layer holds and near a border).
 */
function claimHolds(geoms: ParcelGeometry[], m: Measured, code: string): boolean {
  const tally = new Map<string, number>();
  const far: number[] = [];
  m.perParcel.forEach((p, i) => {
    if (p.byCode.size === 0 || (p.byCode.get(code) ?? 0) > 0) {
      tally.set(code, (tally.get(code) ?? 0) + p.areaM2);
    } else far.push(i);
  });
  if (far.length > 0) {
    const near = new Set(
      parcelsNearSido(
        far.map((i) => geoms[i] as ParcelGeometry),
        code,
        CLAIM_NEAR_M,
      ).map((n) => far[n.parcel]),
    );
    for (const i of far) {
      const p = m.perParcel[i];
      if (!p) continue;
      if (near.has(i)) tally.set(code, (tally.get(code) ?? 0) + p.areaM2);
      else for (const [c, m2] of p.byCode) tally.set(c, (tally.get(c) ?? 0) + m2);
    }
  }
  const mine = tally.get(code) ?? 0;
  for (const [c, m2] of tally) if (c !== code && m2 > mine) return false;
  return true;
}

/**
 * Ellipsoidal area (km²) of the parcels inside each 시·도, largest first; parts at sea or
 * outside Korea are in no share. Fast enough for every drag frame: a parcel wholly inside one
 * 시·도 costs one index look-up and one ray cast; only parcels across a border are clipped.
 */
export function sidoShares(geoms: ParcelGeometry[]): SidoShare[] {
  return sharesAndTotal(geoms).shares;
}

/**
 * The zone's 시·도: a named code stands unless the boundaries put the parcels in another 시·도
 * (then `claimed` keeps the name and the parcels' 시·도 applies; KR-51/KR-52 are read as 강원/전북
 * and returned as the canonical KR-42/KR-45); else the 시·도 holding most parcel area; else none
 * (all at sea).
 * Throws FilingError UNKNOWN_SIDO for a code that names no 시·도.
 */
export function decideSido(
  geoms: ParcelGeometry[],
  given?: { code?: string; from: "filing" | "option" },
): SidoDecision {
  const named = given?.code === undefined ? undefined : sidoByCode(given.code);
  if (given?.code !== undefined && !named) {
    throw new FilingError({
      code: "UNKNOWN_SIDO",
      params: { kind: "UNKNOWN_CODE", code: given.code },
    });
  }
  const measured = sharesAndTotal(geoms);
  const { shares, totalKm2 } = measured;
  const spans = shares.filter((s) => s.km2 >= SLIVER_SHARE * totalKm2).length > 1;
  const top = shares[0];
  if (named && given) {
    if (!top || top.code === named.code || claimHolds(geoms, measured, named.code)) {
      return { code: named.code, from: given.from, shares, spans };
    }
    return {
      code: top.code,
      from: "parcels",
      shares,
      spans,
      claimed: { code: named.code, from: given.from },
    };
  }
  return top
    ? { code: top.code, from: "parcels", shares, spans }
    : { code: null, from: "none", shares, spans };
}
