/**
 * The firm weight within a geodesic distance of a point, exactly (GeographicLib where it
 * matters) or as a cheap upper bound. The grid settles whole cells by the plane's proven
 * distortion (plane.ts); only firms near the rim get a distance, the fast local solution first
 * and the exact inverse when that is too close to call.
 */

import { rankSlackM } from "../envelope";
import { Geodesic, type LocalOffset, localOffset, WGS84 } from "../measure";
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
 * How `weightWithin` counts: `exact` is the weight within the geodesic reach; `cells` an upper
 * bound, cheaper and looser (every firm in a cell the outer ellipse meets).
 */
export type WithinMode = "exact" | "cells";

/** Firm weight within geodesic `reachM` of (lon, lat), or an upper bound on it (`mode`). */
export function weightWithin(
  g: FirmGrid,
  lon: number,
  lat: number,
  reachM: number,
  mode: WithinMode = "exact",
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
  if (mode === "cells") return scanEllipse(g, q, null);
  const inner2 = q.inner * q.inner;
  const outer2 = q.outer * q.outer;
  // The firm's own place in the ellipse settles most rim firms before any distance.
  return scanEllipse(g, q, (j) => {
    const dx = q.sx * ((g.x[j] as number) - q.cx);
    const dy = q.sy * ((g.y[j] as number) - q.cy);
    const r2 = dx * dx + dy * dy;
    if (r2 <= inner2) return true;
    if (r2 > outer2) return false;
    return within(g, lon, lat, reachM, j);
  });
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
