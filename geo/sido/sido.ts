/**
 * Which 시·도 a zone belongs to: the one the filing names, else the one holding most parcel
 * area, from the embedded KOSTAT (SGIS) 2018 boundaries with 군위군 in 대구 (public/data/README.md
 * says how they were built and how far to trust them; the report explains its answer).
 */
import { FilingError } from "../errors";
import type { ParcelGeometry } from "../types";
import { addParcelShares, sidoIndex } from "./boundary-index";
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
}

/**
 * Shares under 0.1% of the parcel area don't count as spanning: the embedded boundaries are
 * simplified to about 150 m, so a parcel drawn up to a real border often pokes a sliver across
 * the drawn one.
 */
export const SLIVER_SHARE = 0.001;

function sharesAndTotal(geoms: ParcelGeometry[]): { shares: SidoShare[]; totalKm2: number } {
  const ix = sidoIndex();
  const acc = new Map<number, number>();
  let totalM2 = 0;
  for (const g of geoms) totalM2 += addParcelShares(ix, g, acc);
  const shares: SidoShare[] = [];
  for (const [k, m2] of acc) {
    const code = ix.sido[k]?.code;
    if (code && m2 > 0) shares.push({ code, km2: m2 / 1e6 });
  }
  shares.sort((a, b) => b.km2 - a.km2 || a.code.localeCompare(b.code));
  return { shares, totalKm2: totalM2 / 1e6 };
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
 * The zone's 시·도: a named code wins (KR-51/KR-52 are read as 강원/전북 and returned as the
 * canonical KR-42/KR-45); else the 시·도 holding most parcel area; else none (all at sea).
 * Throws FilingError UNKNOWN_SIDO for a code that names no 시·도.
 */
export function decideSido(
  geoms: ParcelGeometry[],
  given?: { code?: string; from: "filing" | "option" },
): SidoDecision {
  const named = given?.code === undefined ? undefined : sidoByCode(given.code);
  if (given?.code !== undefined && !named) {
    throw new FilingError(
      "UNKNOWN_SIDO",
      `알 수 없는 시·도 코드 "${given.code}"입니다. ISO 3166-2:KR 코드(예: KR-27)를 쓰십시오.`,
      `Unknown 시·도 code "${given.code}": use an ISO 3166-2:KR code such as KR-27.`,
    );
  }
  const { shares, totalKm2 } = sharesAndTotal(geoms);
  const spans = shares.filter((s) => s.km2 >= SLIVER_SHARE * totalKm2).length > 1;
  if (named && given) return { code: named.code, from: given.from, shares, spans };
  const top = shares[0];
  return top
    ? { code: top.code, from: "parcels", shares, spans }
    : { code: null, from: "none", shares, spans };
}
