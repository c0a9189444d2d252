/**
 * One search of the belt proposal, about one centre: the firms within the axis length and
 * half-width of it, in its local plane; the straight axis through it (turned over TURNS
 * directions and slid), the most promising bent ones (belt-bend.ts) and polylines traced from it
 * and from other heavy places (belt-trace.ts); each trimmed to the firms it covers (belt-axis.ts),
 * ranked by their weight in the plane, and the best few measured exactly.
 */
import type { Position } from "geojson";
import { distanceToLineM } from "../envelope";
import { type LocalOffset, lineLengthM, localOffset } from "../measure";
import { planeSlackM, straightAxis, toLonLat, trimToFirms, withinLength } from "./belt-axis";
import { bentAxes } from "./belt-bend";
import { type PlanePoint, traceAxes } from "./belt-trace";
import { firmsWithin } from "./disk";
import type { FirmGrid } from "./grid";

/** Directions tried for the straight axis, over half a turn. */
const TURNS = 90;
/** Axes whose weight in the plane is within this share of the best are measured exactly … */
const EXACT_SHARE = 0.01;
/** … at most this many. */
const EXACT_MAX = 2;
/** Traces: from the centre and the heaviest places apart from it. */
const TRACE_SEEDS = 2;

interface Near {
  east: Float64Array;
  north: Float64Array;
  weight: Float64Array;
  lon: Float64Array;
  lat: Float64Array;
}

/** The firms within `reachM` of `c`, with their offsets in its plane. */
function nearFirms(g: FirmGrid, c: Position, reachM: number): Near {
  const ids = firmsWithin(g, c[0] ?? 0, c[1] ?? 0, reachM);
  const out: LocalOffset = { east: 0, north: 0 };
  const near: Near = {
    east: new Float64Array(ids.length),
    north: new Float64Array(ids.length),
    weight: new Float64Array(ids.length),
    lon: new Float64Array(ids.length),
    lat: new Float64Array(ids.length),
  };
  ids.forEach((j, k) => {
    localOffset(c[0] ?? 0, c[1] ?? 0, g.lon[j] as number, g.lat[j] as number, out);
    near.east[k] = out.east;
    near.north[k] = out.north;
    near.weight[k] = g.weight[j] as number;
    near.lon[k] = g.lon[j] as number;
    near.lat[k] = g.lat[j] as number;
  });
  return near;
}

/** The best window [s, s + L] with s ≤ 0 ≤ s + L over firms at positions t with weights w. */
function bestWindow(t: number[], w: number[], lengthM: number): { s: number; weight: number } {
  const order = t.map((_, i) => i).sort((a, b) => (t[a] as number) - (t[b] as number));
  const ts = order.map((i) => t[i] as number);
  const prefix = [0];
  for (const i of order) prefix.push((prefix[prefix.length - 1] as number) + (w[i] as number));
  const firstAtLeast = (v: number): number => {
    let lo = 0;
    let hi = ts.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if ((ts[mid] as number) < v) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  };
  const weightOf = (s: number) =>
    (prefix[firstAtLeast(s + lengthM + 1e-9)] as number) - (prefix[firstAtLeast(s)] as number);
  const starts = [0, -lengthM];
  for (const v of ts) {
    if (v >= -lengthM && v <= 0) starts.push(v);
    if (v >= 0 && v <= lengthM) starts.push(v - lengthM);
  }
  let best = { s: 0, weight: -1 };
  for (const s of starts) {
    const wt = weightOf(s);
    if (wt > best.weight) best = { s, weight: wt };
  }
  return best;
}

/** Firm weight within `halfWidthM` of the axis: the local plane settles all but the rim. */
function coveredBy(
  near: Near,
  axis: Position[],
  c: Position,
  halfWidthM: number,
): { weight: number; count: number } {
  const out: LocalOffset = { east: 0, north: 0 };
  const pts = axis.map((p) => {
    localOffset(c[0] ?? 0, c[1] ?? 0, p[0] ?? 0, p[1] ?? 0, out);
    return [out.east, out.north] as const;
  });
  let sum = 0;
  let count = 0;
  for (let k = 0; k < near.east.length; k++) {
    const x = near.east[k] as number;
    const y = near.north[k] as number;
    let d = Number.POSITIVE_INFINITY;
    for (let i = 0; i + 1 < pts.length; i++) {
      const [ax, ay] = pts[i] as readonly [number, number];
      const [bx, by] = pts[i + 1] as readonly [number, number];
      const dx = bx - ax;
      const dy = by - ay;
      const len2 = dx * dx + dy * dy;
      const u = len2 > 0 ? Math.min(1, Math.max(0, ((x - ax) * dx + (y - ay) * dy) / len2)) : 0;
      const ex = x - ax - u * dx;
      const ey = y - ay - u * dy;
      d = Math.min(d, Math.sqrt(ex * ex + ey * ey));
    }
    // The local plane's own error and its bending of the axis, as the checker's belt reach allows.
    const slack = planeSlackM(Math.sqrt(x * x + y * y));
    const inside =
      d <= halfWidthM - slack ||
      (d <= halfWidthM + slack &&
        distanceToLineM([near.lon[k] as number, near.lat[k] as number], axis) <= halfWidthM);
    if (inside) {
      sum += near.weight[k] as number;
      count++;
    }
  }
  return { weight: sum, count };
}

/** The best straight axis through the centre (turned and slid) and the most promising bent ones. */
function pivotAxes(near: Near, halfWidthM: number, lengthM: number): PlanePoint[][] {
  let best = { azimuth: 0, s: 0, weight: -1 };
  for (let k = 0; k < TURNS; k++) {
    const azimuth = (180 * k) / TURNS;
    const ux = Math.sin((azimuth * Math.PI) / 180);
    const uy = Math.cos((azimuth * Math.PI) / 180);
    const t: number[] = [];
    const w: number[] = [];
    for (let i = 0; i < near.east.length; i++) {
      const x = near.east[i] as number;
      const y = near.north[i] as number;
      if (Math.abs(x * uy - y * ux) <= halfWidthM * 0.999) {
        t.push(x * ux + y * uy);
        w.push(near.weight[i] as number);
      }
    }
    const win = bestWindow(t, w, lengthM);
    if (win.weight > best.weight) best = { azimuth, s: win.s, weight: win.weight };
  }
  const candidates: PlanePoint[][] = [straightAxis(best.azimuth, best.s, best.s + lengthM)];
  for (const bend of bentAxes(near, halfWidthM, lengthM)) {
    candidates.push([
      ...straightAxis(bend.az1, bend.a, 0),
      ...straightAxis(bend.az2, 0, bend.b).slice(1),
    ]);
  }
  return candidates;
}

export interface BeltAxis {
  axis: Position[];
  weight: number;
  count: number;
}

/**
 * The heaviest trimmed axis (of length ≤ `lengthM`) through or near `c`: traced ones, and with
 * `pivoted` the straight and two-arm axes through `c` too.
 */
export function searchAbout(
  g: FirmGrid,
  c: Position,
  halfWidthM: number,
  lengthM: number,
  pivoted: boolean,
): BeltAxis {
  const near = nearFirms(g, c, lengthM + halfWidthM);
  const candidates = pivoted ? pivotAxes(near, halfWidthM, lengthM) : [];
  candidates.push(...traceAxes(near, halfWidthM, lengthM, [[0, 0]], TRACE_SEEDS));
  // Ranked by their weight in the plane; only those near the best are measured exactly.
  const trimmed = candidates
    .map((poly) => trimToFirms(poly, near, halfWidthM))
    .sort((p, q) => q.estimate - p.estimate);
  const top = (trimmed[0]?.estimate ?? 0) * (1 - EXACT_SHARE);
  let axis: Position[] = [];
  let measured = { weight: -1, count: 0 };
  let axisM = Number.POSITIVE_INFINITY;
  for (const t of trimmed.filter((t, i) => i < EXACT_MAX && t.estimate >= top)) {
    const other = withinLength(toLonLat(c, t.poly), lengthM);
    const m = coveredBy(near, other, c, halfWidthM);
    const otherM = lineLengthM(other);
    if (m.weight > measured.weight || (m.weight === measured.weight && otherM < axisM)) {
      axis = other;
      measured = m;
      axisM = otherM;
    }
  }
  return { axis, weight: measured.weight, count: measured.count };
}
