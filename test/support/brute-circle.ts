/**
 * The exact best circle by brute force, for checking the proposals on small instances: some
 * optimal circle has a firm on its rim (or two), so its centre is a firm or one of the two
 * centres at radius R from a pair of firms, found here by Newton's method on the ellipsoid.
 */
import type { Position } from "geojson";
import { azimuthDeg, destination, distanceM } from "../../geo/measure/measure";

function centresThrough(p: Position, q: Position, radiusM: number): Position[] {
  const d = distanceM(p, q);
  if (d > 2 * radiusM || d === 0) return [];
  const az = azimuthDeg(p, q);
  const mid = destination(p, az, d / 2);
  const h = Math.sqrt(Math.max(0, radiusM * radiusM - (d / 2) * (d / 2)));
  const azMid = azimuthDeg(mid, q);
  return [azMid + 90, azMid - 90].map((turn) => {
    let c = destination(mid, turn, h);
    for (let k = 0; k < 6; k++) {
      const ap = (azimuthDeg(c, p) * Math.PI) / 180;
      const aq = (azimuthDeg(c, q) * Math.PI) / 180;
      const rp = radiusM - distanceM(c, p);
      const rq = radiusM - distanceM(c, q);
      // Moving c by (e, n) shortens the distance to p by e·sin ap + n·cos ap.
      const a11 = -Math.sin(ap);
      const a12 = -Math.cos(ap);
      const a21 = -Math.sin(aq);
      const a22 = -Math.cos(aq);
      const det = a11 * a22 - a12 * a21;
      if (Math.abs(det) < 1e-12) break;
      const e = (rp * a22 - a12 * rq) / det;
      const n = (a11 * rq - a21 * rp) / det;
      const step = Math.hypot(e, n);
      if (step < 1e-7) break;
      c = destination(c, (Math.atan2(e, n) * 180) / Math.PI, step);
    }
    return c;
  });
}

/** The best weight any circle of `radiusM` covers (firms on the rim, within 0.1 mm, count). */
export function bruteBestCircle(
  points: Position[],
  weights: number[],
  radiusM: number,
): { weight: number; center: Position } {
  const candidates: Position[] = [...points];
  for (let i = 0; i < points.length; i++) {
    for (let j = i + 1; j < points.length; j++) {
      candidates.push(...centresThrough(points[i] as Position, points[j] as Position, radiusM));
    }
  }
  let best = { weight: 0, center: points[0] ?? [0, 0] };
  for (const c of candidates) {
    let w = 0;
    points.forEach((p, i) => {
      // Degrees first: only firms near the rim need the geodesic.
      const dLat = Math.abs((p[1] ?? 0) - (c[1] ?? 0)) * 110_900;
      if (dLat > radiusM * 1.01) return;
      if (distanceM(c, p) <= radiusM + 1e-4) w += weights[i] ?? 0;
    });
    if (w > best.weight) best = { weight: w, center: c };
  }
  return best;
}
