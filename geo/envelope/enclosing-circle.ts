/**
 * The smallest circle on the WGS84 ellipsoid that holds a set of points: the envelope the
 * checker infers when a filing gives none (FILING.md: "the smallest enclosing circle decides").
 *
 * Method. In an azimuthal equidistant projection centred on the true centre, distances and
 * azimuths from the centre are exact, so the true circle is a planar circle about the origin
 * and it is also the planar smallest circle there (its support points surround the origin in
 * azimuth). So: project about a guess, take the planar smallest circle (Welzl), move the guess
 * to its centre, repeat; each step shrinks the error by the projection's distortion, ~(r/R)²,
 * and two or three steps leave it under a millimetre.
 *
 * Speed (5,000 vertices a drag frame): a first circle comes from a rough plane after the
 * Akl–Toussaint cut; the iteration then runs only on the points near that circle's rim, and
 * one pass over every point checks none sticks out (any that do join the rim and it runs
 * again). That pass reads the rough plane, whose stretch is bounded (rough-plane.ts), so only
 * points it can't prove well inside get the local solution. The radius is the exact geodesic
 * reach (GeographicLib) from the final centre.
 */
import type { Position } from "geojson";
import { FilingError } from "../errors";
import { WGS84 } from "../measure";
import { outsideExtremeOctagon } from "./extreme-cut";
import { LOCAL_LIMIT_M, offsetsAbout, rankSlackM, reachFromOffsetsM } from "./reach";
import { type RoughPlane, roughPlane, stretchBound } from "./rough-plane";

/** Planar circle: centre (x, y) and radius r, in metres. */
interface PlanarCircle {
  x: number;
  y: number;
  r: number;
}

const MAX_STEPS = 8;
/** Rounds of adding points the rim guess missed; one is the rule, two are rare. */
const MAX_ROUNDS = 4;
/** Stop when the centre moves less than this, m. */
const STEP_TOLERANCE_M = 1e-4;

function holds(c: PlanarCircle, x: number, y: number): boolean {
  const dx = x - c.x;
  const dy = y - c.y;
  // A relative slack keeps rounding from re-triggering a rebuild for a point on the circle.
  return dx * dx + dy * dy <= c.r * c.r * (1 + 1e-12) + 1e-12;
}

function circleOf2(ax: number, ay: number, bx: number, by: number): PlanarCircle {
  return { x: (ax + bx) / 2, y: (ay + by) / 2, r: Math.hypot(ax - bx, ay - by) / 2 };
}

function circleOf3(
  ax: number,
  ay: number,
  bx: number,
  by: number,
  cx: number,
  cy: number,
): PlanarCircle {
  const bxr = bx - ax;
  const byr = by - ay;
  const cxr = cx - ax;
  const cyr = cy - ay;
  const d = 2 * (bxr * cyr - byr * cxr);
  if (Math.abs(d) < 1e-12) {
    // Collinear: the circle on the two points farthest apart.
    const candidates = [
      circleOf2(ax, ay, bx, by),
      circleOf2(ax, ay, cx, cy),
      circleOf2(bx, by, cx, cy),
    ];
    return candidates.reduce((best, c) => (c.r > best.r ? c : best));
  }
  const b2 = bxr * bxr + byr * byr;
  const c2 = cxr * cxr + cyr * cyr;
  const ux = (cyr * b2 - byr * c2) / d;
  const uy = (bxr * c2 - cxr * b2) / d;
  return { x: ax + ux, y: ay + uy, r: Math.hypot(ux, uy) };
}

/**
 * Welzl's smallest enclosing circle (the iterative form) over the points `order` names in `xy`.
 * Expected linear time for a random order, so `order` should be shuffled.
 */
function planarCircle(xy: Float64Array, order: Int32Array): PlanarCircle {
  const n = order.length;
  // Copied out in visiting order: the triple loop then walks memory straight through.
  const xs = new Float64Array(n);
  const ys = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const k = order[i] as number;
    xs[i] = xy[2 * k] as number;
    ys[i] = xy[2 * k + 1] as number;
  }
  let c: PlanarCircle = { x: xs[0] ?? 0, y: ys[0] ?? 0, r: 0 };
  for (let i = 1; i < n; i++) {
    const xi = xs[i] as number;
    const yi = ys[i] as number;
    if (holds(c, xi, yi)) continue;
    c = { x: xi, y: yi, r: 0 };
    for (let j = 0; j < i; j++) {
      const xj = xs[j] as number;
      const yj = ys[j] as number;
      if (holds(c, xj, yj)) continue;
      c = circleOf2(xi, yi, xj, yj);
      for (let k = 0; k < j; k++) {
        const xk = xs[k] as number;
        const yk = ys[k] as number;
        if (!holds(c, xk, yk)) c = circleOf3(xi, yi, xj, yj, xk, yk);
      }
    }
  }
  return c;
}

/** 0 … n−1 in a fixed-seed shuffled order: Welzl wants a random order, the report the same answer twice. */
function shuffledRange(n: number): Int32Array {
  const out = new Int32Array(n);
  for (let i = 0; i < n; i++) out[i] = i;
  let seed = 0x2545f491;
  for (let i = n - 1; i > 0; i--) {
    seed = (Math.imul(seed, 1103515245) + 12345) >>> 0;
    const j = seed % (i + 1);
    const t = out[i] as number;
    out[i] = out[j] as number;
    out[j] = t;
  }
  return out;
}

/** The centre of the points' lon/lat box, and the box's latitude range. */
function boxCentre(points: readonly Position[]): {
  centre: Position;
  latMin: number;
  latMax: number;
} {
  let minLon = Infinity;
  let maxLon = -Infinity;
  let minLat = Infinity;
  let maxLat = -Infinity;
  for (const p of points) {
    const lon = p[0] ?? 0;
    const lat = p[1] ?? 0;
    if (lon < minLon) minLon = lon;
    if (lon > maxLon) maxLon = lon;
    if (lat < minLat) minLat = lat;
    if (lat > maxLat) maxLat = lat;
  }
  return { centre: [(minLon + maxLon) / 2, (minLat + maxLat) / 2], latMin: minLat, latMax: maxLat };
}

/** The indices of points lying at least `r − marginM` from (x, y) in `xy`. */
function nearRim(xy: Float64Array, c: PlanarCircle, marginM: number): number[] {
  const near: number[] = [];
  const floor = Math.max(0, c.r - marginM);
  const floor2 = floor * floor;
  for (let i = 0; i < xy.length / 2; i++) {
    const dx = (xy[2 * i] as number) - c.x;
    const dy = (xy[2 * i + 1] as number) - c.y;
    if (dx * dx + dy * dy >= floor2) near.push(i);
  }
  return near;
}

function moved(center: Position, c: PlanarCircle): Position {
  const r = WGS84.Direct(
    center[1] ?? 0,
    center[0] ?? 0,
    (Math.atan2(c.x, c.y) * 180) / Math.PI,
    Math.sqrt(c.x * c.x + c.y * c.y),
  );
  return [r.lon2 ?? 0, r.lat2 ?? 0];
}

/**
 * The smallest circle on the ellipsoid holding every point: its centre [lon, lat] and its
 * geodesic radius in metres (the exact farthest distance from that centre).
 */
export function smallestEnclosingCircle(points: Position[]): { center: Position; radiusM: number } {
  if (points.length === 0) {
    throw new FilingError({ code: "EMPTY", params: { kind: "NO_POINTS" } });
  }
  const box = boxCentre(points);
  let center = box.centre;
  const plane = roughPlane(points, center[0] ?? 0, center[1] ?? 0);
  const rough = plane.xy;
  const cut = outsideExtremeOctagon(rough);
  const cutOrder = shuffledRange(cut.length).map((k) => cut[k] as number);
  const first = planarCircle(rough, cutOrder);
  // Only points near the first circle's rim can hold the true one; any the rough plane's
  // distortion hides are caught by the check against every point below.
  let rim = nearRim(rough, first, 5 + 1e-2 * first.r);
  let near: number[] = [];
  let xyNear: Float64Array = new Float64Array(0);
  for (let round = 0; round < MAX_ROUNDS; round++) {
    const rimPoints = rim.map((i) => points[i] as Position);
    const order = shuffledRange(rimPoints.length);
    for (let step = 0; step < MAX_STEPS; step++) {
      const c = planarCircle(offsetsAbout(center, rimPoints), order);
      if (Math.sqrt(c.x * c.x + c.y * c.y) < STEP_TOLERANCE_M) break;
      center = moved(center, c);
    }
    // Check the rim guess against every point; add any that stick out and go again.
    const xyRim = offsetsAbout(center, rimPoints);
    const radius = planarCircle(xyRim, order).r;
    near = notProvenInside(plane, box, center, points.length, insideBelowM(xyRim, radius));
    xyNear = offsetsAbout(
      center,
      near.map((i) => points[i] as Position),
    );
    const outside = nearRim(xyNear, { x: 0, y: 0, r: radius + 0.01 }, 0).map(
      (k) => near[k] as number,
    );
    if (outside.length === 0) break;
    rim = [...new Set([...rim, ...outside])];
  }
  return {
    center,
    radiusM: reachFromOffsetsM(
      center,
      near.map((i) => points[i] as Position),
      xyNear,
    ),
  };
}

/**
 * A distance (m) from the centre below which a point can be left out of the final checks: it is
 * neither outside the rim's circle (local offset ≥ radius + 1 cm) nor the farthest point. With
 * rimMax the rim's largest local offset and S the local solution's error bound that reach.ts
 * ranks by (rankSlackM), a point whose geodesic distance is under min(rimMax, radius) − 3S has
 * a local offset under radius − 2S, and is nearer than the rim point at rimMax (≥ rimMax − S).
 * 0 (no skipping) where the local solution is too rough to rank by.
 */
function insideBelowM(xyRim: Float64Array, radius: number): number {
  let rimMax2 = 0;
  for (let i = 0; i < xyRim.length; i += 2) {
    const d2 = (xyRim[i] as number) ** 2 + (xyRim[i + 1] as number) ** 2;
    if (d2 > rimMax2) rimMax2 = d2;
  }
  const rimMax = Math.sqrt(rimMax2);
  const far = Math.max(rimMax, radius);
  if (!(far < LOCAL_LIMIT_M)) return 0;
  return Math.min(rimMax, radius) - 3 * rankSlackM(far);
}

/**
 * Indices, in order, of the points not proven nearer than `belowM` to `center` (geodesic): a
 * point is proven nearer when k·d + 1 mm < belowM, d its rough-plane distance from the centre
 * and k the plane's stretch bound over the latitudes of the points and the centre (see
 * stretchBound). k is raised by 1e-9 and a millimetre added, far above the rounding of the
 * plane's coordinates (~1e-15 of them). Skipping only ever drops points, never adds one.
 */
function notProvenInside(
  plane: RoughPlane,
  box: { latMin: number; latMax: number },
  center: Position,
  count: number,
  belowM: number,
): number[] {
  const lon = center[0] ?? 0;
  const lat = center[1] ?? 0;
  const k = stretchBound(plane, Math.min(box.latMin, lat), Math.max(box.latMax, lat)) * (1 + 1e-9);
  const cx = (lon - plane.lon0) * plane.eastPerDeg;
  const cy = (lat - plane.lat0) * plane.northPerDeg;
  // k·d + 1 mm < belowM  ⇔  d² < ((belowM − 1 mm)/k)², for belowM above a millimetre.
  const reach = (belowM - 1e-3) / k;
  const reach2 = reach > 0 ? reach * reach : -1;
  const { xy } = plane;
  const out: number[] = [];
  for (let i = 0; i < count; i++) {
    const dx = (xy[2 * i] as number) - cx;
    const dy = (xy[2 * i + 1] as number) - cy;
    if (!(dx * dx + dy * dy < reach2)) out.push(i);
  }
  return out;
}
