/**
 * Everything the rules need, measured once per check: ellipsoidal and TM areas, the 시·도 and the
 * radius limit that applies there. Validators read this; none measures again.
 */
import { FilingError } from "../errors";
import type { RingProblem } from "../geometry";
import { normalizeCrs, tmPlanes } from "../measure";
import { isMetroSido, radiusLimitKm } from "../rules";
import { excerpt } from "../sanitize";
import { decideSido, type SigunguShare, sidoByCode, sigunguShares } from "../sido";
import type { ParcelGeometry, RuleSet, Zone } from "../types";
import { geodesicAreaOnce, measurableOnce, ringProblemsOnce, tmAreaOnce } from "./area-memo";

export interface CheckContext {
  ruleSet: RuleSet;
  geoms: ParcelGeometry[];
  ids: string[];
  areasM2: number[];
  /** Ring problems per parcel, found once: the geometry rule reports them, overlaps skip them. */
  problems: (readonly RingProblem[])[];
  totalKm2: number;
  tmCrs: string;
  tmTotalKm2: number;
  sidoCode: string | null;
  sidoName?: string;
  sidoNameEn?: string;
  sidoFrom: "filing" | "option" | "parcels" | "none";
  sidoShares: { code: string; km2: number }[];
  sidoSpans: boolean;
  /** The 시·도 the filing or `--sido` named when the boundaries put the parcels elsewhere. */
  sidoClaimed?: { code: string; from: "filing" | "option" };
  /** Parcel area in each 시·군·구; undefined until the 시·군·구 boundaries are provided. */
  sigungu?: SigunguShare[];
  /** The 시·도 is one of the rule set's metropolitan cities, so the smaller radius applies. */
  metro: boolean;
  radiusLimitKm: number;
}

export interface ContextOptions {
  ruleSet: RuleSet;
  tmCrs?: string;
  /** A 시·도 code given on the command line; it wins over the filing's `czd.sido`. */
  sido?: string;
}

/**
 * The plane the planar area is measured in: one of the Korean TM planes (FILING.md), never
 * lon/lat (EPSG:4326 gave "planar 0 km²") or Web Mercator (areas ~1.5× too large in Korea).
 */
function planarCrs(asked: string): string {
  const crs = normalizeCrs(asked);
  if (crs !== null && tmPlanes().some((p) => p.crs === crs)) return crs;
  const params = { kind: "NOT_A_TM_PLANE", crs: excerpt(asked, 40) } as const;
  throw new FilingError({ code: "UNKNOWN_CRS", params });
}

/** Measures a zone once for every rule. */
export function measureZone(zone: Zone, opts: ContextOptions): CheckContext {
  const geoms = zone.parcels.map((p) => p.geometry);
  const problems = geoms.map(ringProblemsOnce);
  // Crossed rings are measured as the land they enclose, never as signed sums of their lobes.
  const measured = geoms.map((g, i) => measurableOnce(g, problems[i] ?? []));
  const areasM2 = measured.map(geodesicAreaOnce);
  const tmCrs = planarCrs(opts.tmCrs ?? "EPSG:5186");
  const tmTotalM2 = measured.reduce((sum, g) => sum + tmAreaOnce(g, tmCrs), 0);
  const named = opts.sido
    ? { code: opts.sido, from: "option" as const }
    : typeof zone.meta.sido === "string" && zone.meta.sido !== ""
      ? { code: zone.meta.sido, from: "filing" as const }
      : undefined;
  const sido = decideSido(measured, named);
  const info = sido.code ? sidoByCode(sido.code) : undefined;
  const sidoCode = info?.code ?? null;
  const ctx: CheckContext = {
    ruleSet: opts.ruleSet,
    geoms,
    ids: zone.parcels.map((p) => p.id),
    areasM2,
    problems,
    totalKm2: areasM2.reduce((a, b) => a + b, 0) / 1e6,
    tmCrs,
    tmTotalKm2: tmTotalM2 / 1e6,
    sidoCode,
    sidoFrom: sido.from,
    sidoShares: sido.shares,
    sidoSpans: sido.spans,
    metro: isMetroSido(opts.ruleSet, sidoCode),
    radiusLimitKm: radiusLimitKm(opts.ruleSet, sidoCode),
  };
  const sigungu = sigunguShares(measured, areasM2);
  if (sigungu) ctx.sigungu = sigungu;
  if (sido.claimed) ctx.sidoClaimed = sido.claimed;
  if (info) {
    ctx.sidoName = info.name;
    ctx.sidoNameEn = info.nameEn;
  }
  return ctx;
}
