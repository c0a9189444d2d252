/**
 * Whether a parcel lies within the belt, as the checker judges it (its edge-exact reach,
 * envelope/belt.ts `beltReachM`, kept `RIM_MARGIN_M` inside the half-width) — with a plane first.
 * In the local plane about the axis' middle, each parcel edge stays within
 * min over axis segments j of max(D_j(start), D_j(end)) of the axis (distance to a segment is
 * convex along a straight edge), and each vertex is D = min_j D_j from it. The plane is off from
 * the geodesic by at most `planeSlackM(ρ)` at ρ from its centre (the bound the belt search
 * already ranks firms by), a geodesic edge bows from its chord by less than its length² / (8R)
 * (taken 4× over), and the checker's reach lies at most REACH_TOLERANCE_M above the true farthest
 * distance. So a parcel whose every edge bound, those errors added, is within the limit is
 * inside by the checker's judgment too; one with a vertex beyond the limit by more than its
 * slack is outside by it too (the checker's reach is never below a vertex's distance). Only the
 * parcels between — within metres of the rim — are solved exactly. The same answers as the
 * checker's for every parcel, without a geodesic inverse for most.
 */
import type { Position } from "geojson";
import { beltReachM, parcelRings, REACH_TOLERANCE_M } from "../envelope";
import { type LocalOffset, localOffset } from "../measure";
import type { ParcelGeometry } from "../types";
import { planeSlackM } from "./belt-axis";
import { RIM_MARGIN_M } from "./box";

/** WGS84's equatorial radius (m), for an edge's bow from its chord. */
const EARTH_RADIUS_M = 6_378_137;
/** Added to every slack (m): GeographicLib's and the foot search's millimetre, and rounding. */
const EXTRA_M = 0.01;

/** The checker's judgment alone: the parcel's edge-exact reach within the half-width, less the rim. */
export function beltHoldsExactly(g: ParcelGeometry, axis: Position[], halfWidthM: number): boolean {
  return beltReachM(axis, parcelRings([g])) <= halfWidthM - RIM_MARGIN_M;
}

/** A test of parcels against one belt: the plane where it settles the answer, else the checker's reach. */
export function beltHolds(axis: Position[], halfWidthM: number): (g: ParcelGeometry) => boolean {
  const limit = halfWidthM - RIM_MARGIN_M;
  let [lonLo, lonHi, latLo, latHi] = [Infinity, -Infinity, Infinity, -Infinity];
  for (const p of axis) {
    lonLo = Math.min(lonLo, p[0] ?? 0);
    lonHi = Math.max(lonHi, p[0] ?? 0);
    latLo = Math.min(latLo, p[1] ?? 0);
    latHi = Math.max(latHi, p[1] ?? 0);
  }
  const lon0 = (lonLo + lonHi) / 2;
  const lat0 = (latLo + latHi) / 2;
  const out: LocalOffset = { east: 0, north: 0 };
  const ax = new Float64Array(axis.length);
  const ay = new Float64Array(axis.length);
  axis.forEach((p, i) => {
    localOffset(lon0, lat0, p[0] ?? 0, p[1] ?? 0, out);
    ax[i] = out.east;
    ay[i] = out.north;
  });
  const segments = Math.max(0, axis.length - 1);
  let prev = new Float64Array(segments);
  let here = new Float64Array(segments);
  /** Distances from (x, y) to each axis segment into `d`; returns the least. */
  const distances = (x: number, y: number, d: Float64Array): number => {
    let least = Number.POSITIVE_INFINITY;
    for (let j = 0; j < segments; j++) {
      const dx = (ax[j + 1] as number) - (ax[j] as number);
      const dy = (ay[j + 1] as number) - (ay[j] as number);
      const len2 = dx * dx + dy * dy;
      const px = x - (ax[j] as number);
      const py = y - (ay[j] as number);
      const u = len2 > 0 ? Math.min(1, Math.max(0, (px * dx + py * dy) / len2)) : 0;
      const dj = Math.hypot(px - u * dx, py - u * dy);
      d[j] = dj;
      if (dj < least) least = dj;
    }
    return least;
  };
  return (g) => {
    if (segments === 0) return beltHoldsExactly(g, axis, halfWidthM);
    let settled = true;
    for (const ring of parcelRings([g])) {
      let px = 0;
      let py = 0;
      let pRho = 0;
      for (let i = 0; i < ring.length; i++) {
        const p = ring[i] as Position;
        localOffset(lon0, lat0, p[0] ?? 0, p[1] ?? 0, out);
        const x = out.east;
        const y = out.north;
        const rho = Math.hypot(x, y);
        const least = distances(x, y, here);
        if (least - planeSlackM(rho) - EXTRA_M > limit) return false;
        if (i > 0 && settled) {
          let bound = Number.POSITIVE_INFINITY;
          for (let j = 0; j < segments; j++)
            bound = Math.min(bound, Math.max(prev[j] as number, here[j] as number));
          const edge2 = (x - px) ** 2 + (y - py) ** 2;
          const slack =
            planeSlackM(Math.max(rho, pRho)) + edge2 / (2 * EARTH_RADIUS_M) + REACH_TOLERANCE_M;
          if (bound + slack + EXTRA_M > limit) settled = false;
        }
        [prev, here] = [here, prev];
        px = x;
        py = y;
        pRho = rho;
      }
    }
    return settled || beltHoldsExactly(g, axis, halfWidthM);
  };
}
