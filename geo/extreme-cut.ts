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
  const ax = new Float64Array(m + 1);
  const ay = new Float64Array(m + 1);
  corners.forEach((c, k) => {
    ax[k] = xy[2 * c] as number;
    ay[k] = xy[2 * c + 1] as number;
  });
  ax[m] = ax[0] as number;
  ay[m] = ay[0] as number;
  const kept: number[] = [];
  for (let i = 0; i < n; i++) {
    const x = xy[2 * i] as number;
    const y = xy[2 * i + 1] as number;
    let k = 0;
    // Left of every counter-clockwise edge, strictly: a point on an edge is kept.
    while (
      k < m &&
      ((ax[k + 1] as number) - (ax[k] as number)) * (y - (ay[k] as number)) -
        ((ay[k + 1] as number) - (ay[k] as number)) * (x - (ax[k] as number)) >
        0
    ) {
      k++;
    }
    if (k < m) kept.push(i);
  }
  return kept;
}
