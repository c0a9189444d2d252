/**
 * The Akl–Toussaint cut: a point strictly inside the octagon spanned by a set's eight extreme
 * points (in x, y, x + y and x − y) is inside the set's convex hull, so no smallest enclosing
 * circle can rest on it. Dropping those points in one pass leaves a few hundred of 5,000
 * parcel vertices for the circle search.
 */

/** Indices of the points in `xy` ([x0, y0, x1, …]) that are not strictly inside the octagon. */
export function outsideExtremeOctagon(xy: Float64Array): number[] {
  const n = xy.length / 2;
  // Extremes in the directions +x, +x+y, +y, −x+y, −x, −x−y, −y, +x−y (counter-clockwise),
  // kept in plain locals: arrays here cost ten times as much at 5,000 points a frame.
  let e0 = 0;
  let e1 = 0;
  let e2 = 0;
  let e3 = 0;
  let e4 = 0;
  let e5 = 0;
  let e6 = 0;
  let e7 = 0;
  let t0 = -Infinity;
  let t1 = -Infinity;
  let t2 = -Infinity;
  let t3 = -Infinity;
  let t4 = -Infinity;
  let t5 = -Infinity;
  let t6 = -Infinity;
  let t7 = -Infinity;
  for (let i = 0; i < n; i++) {
    const x = xy[2 * i] as number;
    const y = xy[2 * i + 1] as number;
    if (x > t0) {
      t0 = x;
      e0 = i;
    }
    if (x + y > t1) {
      t1 = x + y;
      e1 = i;
    }
    if (y > t2) {
      t2 = y;
      e2 = i;
    }
    if (y - x > t3) {
      t3 = y - x;
      e3 = i;
    }
    if (-x > t4) {
      t4 = -x;
      e4 = i;
    }
    if (-x - y > t5) {
      t5 = -x - y;
      e5 = i;
    }
    if (-y > t6) {
      t6 = -y;
      e6 = i;
    }
    if (x - y > t7) {
      t7 = x - y;
      e7 = i;
    }
  }
  const best = [e0, e1, e2, e3, e4, e5, e6, e7];
  // The octagon's corners, repeats merged (one point may be extreme in two directions).
  const corners: number[] = [];
  for (const i of best) {
    if (corners[corners.length - 1] !== i && corners[0] !== i) corners.push(i);
  }
  const m = corners.length;
  if (m < 3) return Array.from({ length: n }, (_, i) => i);
  // Each edge as a half-plane a·x + b·y + c > 0 (left of it, the octagon running
  // counter-clockwise), so the test per point is three reads and two products an edge.
  const half = new Float64Array(3 * m);
  corners.forEach((c0, k) => {
    const c1 = corners[(k + 1) % m] as number;
    const x0 = xy[2 * c0] as number;
    const y0 = xy[2 * c0 + 1] as number;
    const ex = (xy[2 * c1] as number) - x0;
    const ey = (xy[2 * c1 + 1] as number) - y0;
    half[3 * k] = -ey;
    half[3 * k + 1] = ex;
    half[3 * k + 2] = ey * x0 - ex * y0;
  });
  const kept: number[] = [];
  for (let i = 0; i < n; i++) {
    const x = xy[2 * i] as number;
    const y = xy[2 * i + 1] as number;
    let k = 0;
    // Strictly left of every edge, no tolerance: a point on an edge is kept.
    while (
      k < m &&
      (half[3 * k] as number) * x + (half[3 * k + 1] as number) * y + (half[3 * k + 2] as number) >
        0
    ) {
      k++;
    }
    if (k < m) kept.push(i);
  }
  return kept;
}
