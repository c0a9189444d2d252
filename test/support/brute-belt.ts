/**
 * Belts found by brute force, for the belt tests: firms in a local azimuthal-equidistant plane
 * (centimetres off at these sizes; counted inside only 1 m within the half-width, so brute force
 * never counts a firm the true belt would miss).
 */
import type { Position } from "geojson";
import { type LocalOffset, localOffset } from "../../geo/measure";

const MARGIN_M = 1;

export interface PlaneFirms {
  x: number[];
  y: number[];
  w: number[];
}

export function planeFirms(points: readonly Position[], weights: readonly number[]): PlaneFirms {
  const n = points.length;
  const c = [
    points.reduce((s, p) => s + (p[0] ?? 0), 0) / n,
    points.reduce((s, p) => s + (p[1] ?? 0), 0) / n,
  ];
  const out: LocalOffset = { east: 0, north: 0 };
  const f: PlaneFirms = { x: [], y: [], w: [...weights] };
  for (const p of points) {
    localOffset(c[0] ?? 0, c[1] ?? 0, p[0] ?? 0, p[1] ?? 0, out);
    f.x.push(out.east);
    f.y.push(out.north);
  }
  return f;
}

function segDist(x: number, y: number, ax: number, ay: number, bx: number, by: number): number {
  const dx = bx - ax;
  const dy = by - ay;
  const len2 = dx * dx + dy * dy;
  const u = len2 > 0 ? Math.min(1, Math.max(0, ((x - ax) * dx + (y - ay) * dy) / len2)) : 0;
  return Math.hypot(x - ax - u * dx, y - ay - u * dy);
}

/** Weight within `halfWidthM` (less the margin) of the plane polyline [x0, y0, x1, y1, …]. */
export function coverage(f: PlaneFirms, poly: readonly number[], halfWidthM: number): number {
  const reach = halfWidthM - MARGIN_M;
  let sum = 0;
  for (let k = 0; k < f.x.length; k++) {
    const x = f.x[k] as number;
    const y = f.y[k] as number;
    let d = Math.hypot(x - (poly[0] as number), y - (poly[1] as number));
    for (let i = 0; i + 3 < poly.length; i += 2) {
      const [ax, ay, bx, by] = poly.slice(i, i + 4) as [number, number, number, number];
      d = Math.min(d, segDist(x, y, ax, ay, bx, by));
    }
    if (d <= reach) sum += f.w[k] as number;
  }
  return sum;
}

/**
 * The heaviest belt whose axis is a polyline through up to three of `vertices` (firms and the
 * midpoints of pairs of firms, by default), or up to four firms (two bends), of plane length at
 * most `lengthM`. Without `midpoints`, firms alone (up to four).
 */
export function bestPolylineBelt(
  f: PlaneFirms,
  halfWidthM: number,
  lengthM: number,
  midpoints = true,
): number {
  const n = f.x.length;
  const vx = [...f.x];
  const vy = [...f.y];
  for (let i = 0; i < (midpoints ? n : 0); i++) {
    for (let j = i + 1; j < n; j++) {
      vx.push(((f.x[i] as number) + (f.x[j] as number)) / 2);
      vy.push(((f.y[i] as number) + (f.y[j] as number)) / 2);
    }
  }
  let best = 0;
  const walk = (poly: number[], used: number, depth: number, pool: number) => {
    best = Math.max(best, coverage(f, poly, halfWidthM));
    if (depth === 0) return;
    const lx = poly[poly.length - 2] as number;
    const ly = poly[poly.length - 1] as number;
    for (let v = 0; v < pool; v++) {
      const step = Math.hypot((vx[v] as number) - lx, (vy[v] as number) - ly);
      if (step === 0 || used + step > lengthM) continue;
      walk([...poly, vx[v] as number, vy[v] as number], used + step, depth - 1, pool);
    }
  };
  for (let v = 0; v < vx.length; v++) walk([vx[v] as number, vy[v] as number], 0, 2, vx.length);
  for (let v = 0; v < n; v++) walk([vx[v] as number, vy[v] as number], 0, 3, n);
  return best;
}

/**
 * The heaviest straight belt with an axis of length `lengthM` on a line through two firms (of
 * every `stride`-th firm), slid along that line to its best place.
 */
export function bestStraightBelt(
  f: PlaneFirms,
  halfWidthM: number,
  lengthM: number,
  stride: number,
): number {
  let best = 0;
  const n = f.x.length;
  for (let i = 0; i < n; i += stride) {
    for (let j = i + stride; j < n; j += stride) {
      const dx = (f.x[j] as number) - (f.x[i] as number);
      const dy = (f.y[j] as number) - (f.y[i] as number);
      const len = Math.hypot(dx, dy);
      if (len === 0) continue;
      const [ux, uy] = [dx / len, dy / len];
      const hits: [number, number][] = [];
      for (let k = 0; k < n; k++) {
        const px = (f.x[k] as number) - (f.x[i] as number);
        const py = (f.y[k] as number) - (f.y[i] as number);
        if (Math.abs(px * uy - py * ux) <= halfWidthM) {
          hits.push([px * ux + py * uy, f.w[k] as number]);
        }
      }
      hits.sort((a, b) => a[0] - b[0]);
      // Windows of length L + 2w: the rectangle holds the belt with its round caps, so this is
      // at least what any belt on this line covers — generous to the straight axis.
      let sum = 0;
      let lo = 0;
      for (let hi = 0; hi < hits.length; hi++) {
        sum += (hits[hi] as [number, number])[1];
        while (
          ((hits[hi] as number[])[0] as number) >
          ((hits[lo] as number[])[0] as number) + lengthM + 2 * halfWidthM
        ) {
          sum -= (hits[lo] as [number, number])[1];
          lo++;
        }
        best = Math.max(best, sum);
      }
    }
  }
  return best;
}
