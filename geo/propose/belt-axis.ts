/**
 * A belt axis in the search's local plane (azimuthal-equidistant metres about the best disk's
 * centre): trimmed to the firms it covers, then turned into longitude/latitude.
 *
 * Trim: every firm within the half-width (plus the plane's error, so no covered firm is missed)
 * is projected on the axis — the arc length of its nearest axis point — and each end is cut back
 * to the farthest projection, TRIM_MARGIN_M beyond it. A covered firm keeps its nearest point, so
 * it stays covered; and no end runs more than the half-width past the last covered firm. An axis
 * shorter than MIN_AXIS_M (one firm, or firms across the axis) is stretched to that about its
 * middle: a belt round one firm is a 10 km stadium of a 100 m axis, not a 100 km one.
 */
import type { Position } from "geojson";
import { rankSlackM } from "../envelope";
import { destination, lineLengthM } from "../measure";
import type { Offsets } from "./belt-bend";
import type { PlanePoint } from "./belt-trace";

/** Ends are cut this far (m) past the farthest covered firm's projection: clear of rounding. */
const TRIM_MARGIN_M = 20;
/** The shortest axis proposed (m). */
export const MIN_AXIS_M = 100;

/** The plane's own error and its bending of a geodesic axis at distance ρ (as belt.ts allows). */
export const planeSlackM = (rho: number): number => rankSlackM(rho) + rho ** 3 / 3e14;

function lengthOf(poly: readonly PlanePoint[]): number {
  let s = 0;
  for (let i = 1; i < poly.length; i++) {
    const [ax, ay] = poly[i - 1] as PlanePoint;
    const [bx, by] = poly[i] as PlanePoint;
    s += Math.hypot(bx - ax, by - ay);
  }
  return s;
}

/** The point at arc length `t` along `poly`. */
function pointAt(poly: readonly PlanePoint[], t: number): PlanePoint {
  let s = 0;
  for (let i = 1; i < poly.length; i++) {
    const [ax, ay] = poly[i - 1] as PlanePoint;
    const [bx, by] = poly[i] as PlanePoint;
    const len = Math.hypot(bx - ax, by - ay);
    if (s + len >= t && len > 0) {
      const u = (t - s) / len;
      return [ax + u * (bx - ax), ay + u * (by - ay)];
    }
    s += len;
  }
  return [...(poly[poly.length - 1] ?? [0, 0])] as PlanePoint;
}

/** The stretch of `poly` between arc lengths t0 ≤ t1. */
function cut(poly: readonly PlanePoint[], t0: number, t1: number): PlanePoint[] {
  const out: PlanePoint[] = [pointAt(poly, t0)];
  let s = 0;
  for (let i = 1; i < poly.length; i++) {
    const [ax, ay] = poly[i - 1] as PlanePoint;
    const [bx, by] = poly[i] as PlanePoint;
    s += Math.hypot(bx - ax, by - ay);
    if (s > t0 && s < t1) out.push([bx, by]);
  }
  out.push(pointAt(poly, t1));
  return out;
}

/** A straight axis from the centre's side: from t0 to t1 (m) along azimuth `azimuthDeg`. */
export function straightAxis(azimuthDeg: number, t0: number, t1: number): PlanePoint[] {
  const ux = Math.sin((azimuthDeg * Math.PI) / 180);
  const uy = Math.cos((azimuthDeg * Math.PI) / 180);
  return [
    [t0 * ux, t0 * uy],
    [t1 * ux, t1 * uy],
  ];
}

/** A trimmed axis and the weight within the half-width of it in the plane (to rank axes by). */
export interface Trimmed {
  poly: PlanePoint[];
  estimate: number;
}

/** `poly` cut back at both ends to the firms within `halfWidthM` of it (see above). */
export function trimToFirms(
  poly: readonly PlanePoint[],
  near: Offsets,
  halfWidthM: number,
): Trimmed {
  const total = lengthOf(poly);
  let [xLo, xHi, yLo, yHi] = [Infinity, -Infinity, Infinity, -Infinity];
  for (const [x, y] of poly) {
    xLo = Math.min(xLo, x);
    xHi = Math.max(xHi, x);
    yLo = Math.min(yLo, y);
    yHi = Math.max(yHi, y);
  }
  const pad = halfWidthM + planeSlackM(halfWidthM + Math.max(-xLo, xHi, -yLo, yHi) * Math.SQRT2);
  const n = poly.length;
  const seg = new Float64Array(6 * n);
  for (let i = 0, s = 0; i < n; i++) {
    const [ax, ay] = poly[i] as PlanePoint;
    const [bx, by] = poly[Math.min(i + 1, n - 1)] as PlanePoint;
    const len2 = (bx - ax) ** 2 + (by - ay) ** 2;
    seg.set([ax, ay, bx - ax, by - ay, len2 > 0 ? 1 / len2 : 0, s], 6 * i);
    s += Math.sqrt(len2);
  }
  const w2 = halfWidthM * halfWidthM;
  let lo = Number.POSITIVE_INFINITY;
  let hi = Number.NEGATIVE_INFINITY;
  let estimate = 0;
  for (let k = 0; k < near.east.length; k++) {
    const x = near.east[k] as number;
    const y = near.north[k] as number;
    const wt = near.weight[k] as number;
    if (!(wt > 0) || x < xLo - pad || x > xHi + pad || y < yLo - pad || y > yHi + pad) continue;
    let d2 = Number.POSITIVE_INFINITY;
    let at = 0;
    for (let i = 0; i < n; i++) {
      const o = 6 * i;
      const px = x - (seg[o] as number);
      const py = y - (seg[o + 1] as number);
      const dx = seg[o + 2] as number;
      const dy = seg[o + 3] as number;
      const u = Math.min(1, Math.max(0, (px * dx + py * dy) * (seg[o + 4] as number)));
      const ex = px - u * dx;
      const ey = py - u * dy;
      const di2 = ex * ex + ey * ey;
      if (di2 < d2) {
        d2 = di2;
        at = (seg[o + 5] as number) + u * Math.sqrt(dx * dx + dy * dy);
      }
    }
    if (d2 <= w2) estimate += wt;
    else if (Math.sqrt(d2) > halfWidthM + planeSlackM(Math.sqrt(x * x + y * y))) continue;
    if (at < lo) lo = at;
    if (at > hi) hi = at;
  }
  return { poly: cutTo(poly, total, lo, hi), estimate };
}

/** `poly` between arc lengths lo − margin and hi + margin, at least MIN_AXIS_M long. */
function cutTo(poly: readonly PlanePoint[], total: number, lo: number, hi: number): PlanePoint[] {
  if (!(lo <= hi)) {
    lo = total / 2;
    hi = total / 2;
  }
  let t0 = Math.max(0, lo - TRIM_MARGIN_M);
  let t1 = Math.min(total, hi + TRIM_MARGIN_M);
  if (t1 - t0 < MIN_AXIS_M) {
    const mid = (t0 + t1) / 2;
    if (total >= MIN_AXIS_M) {
      t0 = Math.min(Math.max(0, mid - MIN_AXIS_M / 2), total - MIN_AXIS_M);
      t1 = t0 + MIN_AXIS_M;
    } else {
      // A point (or a stub): a short axis through it, along its ends' direction or east.
      const [px, py] = pointAt(poly, mid);
      const [ax, ay] = poly[0] ?? [0, 0];
      const [bx, by] = poly[poly.length - 1] ?? [1, 0];
      const len = Math.hypot(bx - ax, by - ay);
      const [ux, uy] = len > 0 ? [(bx - ax) / len, (by - ay) / len] : [1, 0];
      const h = MIN_AXIS_M / 2;
      return [
        [px - h * ux, py - h * uy],
        [px + h * ux, py + h * uy],
      ];
    }
  }
  return cut(poly, t0, t1);
}

/** The plane polyline as longitude/latitude: each vertex at its distance and azimuth from `c`. */
export function toLonLat(c: Position, poly: readonly PlanePoint[]): Position[] {
  return poly.map(([x, y]) => {
    const rho = Math.hypot(x, y);
    return rho > 0 ? destination(c, (Math.atan2(x, y) * 180) / Math.PI, rho) : [...c];
  });
}

/**
 * `axis` shortened at its last end until its geodesic length is at most `limitM` (the plane's
 * lengths differ from geodesic ones by metres over 100 km).
 */
export function withinLength(axis: Position[], limitM: number): Position[] {
  let out = axis;
  for (let i = 0; i < 5; i++) {
    const over = lineLengthM(out) - limitM;
    if (!(over > 0)) return out;
    const last = out[out.length - 1] as Position;
    const prev = out[out.length - 2] as Position;
    const seg = lineLengthM([prev, last]);
    if (seg > over + 1) {
      const f = 1 - (over + 1) / seg;
      out = [
        ...out.slice(0, -1),
        [
          (prev[0] as number) + f * ((last[0] as number) - (prev[0] as number)),
          (prev[1] as number) + f * ((last[1] as number) - (prev[1] as number)),
        ],
      ];
    } else out = out.slice(0, -1);
  }
  return out;
}
