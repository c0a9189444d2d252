/**
 * The firm weight within a geodesic distance of a point, exactly (GeographicLib where it
 * matters) or as a cheap upper bound. The grid settles whole cells by the plane's proven
 * distortion (plane.ts); only firms near the rim get a distance, the fast local solution first
 * and the exact inverse when that is too close to call.
 */
import { Geodesic, type LocalOffset, localOffset, WGS84 } from "../geodesic";
import { rankSlackM } from "../reach";
import type { FirmGrid } from "./grid";
import { scanEllipse } from "./grid";
import { ellipseAt, toX, toY } from "./plane";

const offset: LocalOffset = { east: 0, north: 0 };

/** Whether sorted firm j lies within `reachM` (geodesic) of (lon, lat). */
function within(g: FirmGrid, lon: number, lat: number, reachM: number, j: number): boolean {
  const plon = g.lon[j] as number;
  const plat = g.lat[j] as number;
  localOffset(lon, lat, plon, plat, offset);
  const d = Math.hypot(offset.east, offset.north);
  const slack = rankSlackM(d);
  if (d <= reachM - slack) return true;
  if (d > reachM + slack) return false;
  const s = WGS84.Inverse(lat, lon, plat, plon, Geodesic.DISTANCE).s12 ?? Number.POSITIVE_INFINITY;
  return s <= reachM;
}

/**
 * Firm weight within geodesic `reachM` of (lon, lat). `exact` false gives an upper bound instead:
 * every firm in a cell the outer ellipse meets counts, which skips all distances.
 */
export function weightWithin(
  g: FirmGrid,
  lon: number,
  lat: number,
  reachM: number,
  exact = true,
): number {
  const e = ellipseAt(g.plane, lat, reachM);
  const q = {
    cx: toX(g.plane, lon),
    cy: toY(g.plane, lat),
    sx: e.sx,
    sy: e.sy,
    inner: reachM / e.hi,
    outer: reachM / e.lo,
  };
  return scanEllipse(g, q, exact ? (j) => within(g, lon, lat, reachM, j) : null);
}

/** Sorted indices of the firms within geodesic `reachM` of (lon, lat). */
export function firmsWithin(g: FirmGrid, lon: number, lat: number, reachM: number): number[] {
  const e = ellipseAt(g.plane, lat, reachM);
  const ids: number[] = [];
  const q = {
    cx: toX(g.plane, lon),
    cy: toY(g.plane, lat),
    sx: e.sx,
    sy: e.sy,
    inner: -1,
    outer: reachM / e.lo,
  };
  scanEllipse(g, q, (j) => {
    if (within(g, lon, lat, reachM, j)) ids.push(j);
    return false;
  });
  return ids;
}
