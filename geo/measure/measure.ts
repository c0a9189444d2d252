/**
 * Areas and distances on the WGS84 ellipsoid (GeographicLib), and planar areas in a Korean TM
 * plane. Ellipsoidal figures decide the 15 km² cap: Turf's spherical area is off by up to
 * ~7,000 m² on a 15 km² zone, enough to flip a verdict at the cap.
 */
import type { MultiPolygon, Polygon, Position } from "geojson";
import { fromLonLat } from "./crs";
import { Geodesic, WGS84 } from "./geodesic";
import { signedRingAreaM2 } from "./ring-area";

/** Unsigned ellipsoidal area of one ring (m²), geodesic edges, closed whether or not repeated. */
export function ringAreaM2(ring: Position[]): number {
  return Math.abs(signedRingAreaM2(ring));
}

function polygonsOf(g: Polygon | MultiPolygon): Position[][][] {
  return g.type === "Polygon" ? [g.coordinates] : g.coordinates;
}

/** Outer ring minus holes, each taken unsigned so ring orientation never matters. */
function areaBy(g: Polygon | MultiPolygon, ringArea: (ring: Position[]) => number): number {
  let total = 0;
  for (const rings of polygonsOf(g)) {
    rings.forEach((ring, i) => {
      total += i === 0 ? ringArea(ring) : -ringArea(ring);
    });
  }
  return total;
}

/**
 * Ellipsoidal area (m²) of a polygon or multipolygon with geodesic edges, holes subtracted,
 * as GeographicLib's PolygonArea gives it (to well under 0.01 m² on a 15 km² zone).
 */
export function geodesicAreaM2(g: Polygon | MultiPolygon): number {
  return areaBy(g, ringAreaM2);
}

/** Planar (shoelace) area of a ring of [easting, northing] positions, m², unsigned. */
function planarRingAreaM2(ring: Position[]): number {
  const n = ring.length;
  const origin = ring[0];
  if (origin === undefined || n < 3) return 0;
  const x0 = origin[0] ?? 0;
  const y0 = origin[1] ?? 0;
  // Shoelace about the first vertex: TM coordinates are ~1e6 m, and their products would lose
  // the square metres to rounding.
  let twice = 0;
  for (let i = 1; i < n - 1; i++) {
    const p = ring[i] as Position;
    const q = ring[i + 1] as Position;
    twice += ((p[0] ?? 0) - x0) * ((q[1] ?? 0) - y0) - ((q[0] ?? 0) - x0) * ((p[1] ?? 0) - y0);
  }
  return Math.abs(twice) / 2;
}

/** Rings with at least this many vertices are worth an interpolant (16 exact projections). */
const INTERPOLATE_MIN_VERTICES = 64;
/**
 * Rings spanning at most this many degrees in longitude and latitude use the interpolant: over
 * 0.05° the degree-3 fit stays within ~5e-9 m of the projection (rounding, not truncation),
 * which moves a parcel's area by under 1e-11 of itself; at 0.1° truncation reaches 3e-8 m.
 */
const INTERPOLATE_MAX_SPAN_DEG = 0.05;
/** Chebyshev nodes cos(π(k + ½)/4) on [−1, 1], and W[4i + k] = T_i(node k)·(i ? 2 : 1)/4. */
const NODES = [0, 1, 2, 3].map((k) => Math.cos((Math.PI * (k + 0.5)) / 4));
const WEIGHTS = Float64Array.from({ length: 16 }, (_, n) => {
  const i = Math.floor(n / 4);
  return (Math.cos(i * Math.acos(NODES[n % 4] as number)) * (i === 0 ? 1 : 2)) / 4;
});

/**
 * planarRingAreaM2 of a ring's projection, for rings of many vertices in a small box: the TM
 * projection (a few sines, a logarithm and two six-term series a vertex) is replaced by its
 * tensor Chebyshev interpolant of degree 3 over the ring's lon/lat box, fitted to 16 exact
 * projections. Returns undefined when the ring is too short, too large or not finite, for
 * the caller to project every vertex.
 */
function interpolatedRingAreaM2(
  ring: Position[],
  project: (p: Position) => Position,
): number | undefined {
  const n = ring.length;
  if (n < INTERPOLATE_MIN_VERTICES) return undefined;
  let lonMin = Infinity;
  let lonMax = -Infinity;
  let latMin = Infinity;
  let latMax = -Infinity;
  for (let i = 0; i < n; i++) {
    const p = ring[i] as Position;
    // Math.min/max so a NaN spoils the box and the ring goes the exact way.
    lonMin = Math.min(lonMin, p[0] as number);
    lonMax = Math.max(lonMax, p[0] as number);
    latMin = Math.min(latMin, p[1] as number);
    latMax = Math.max(latMax, p[1] as number);
  }
  const lonHalf = (lonMax - lonMin) / 2;
  const latHalf = (latMax - latMin) / 2;
  if (!(lonHalf > 0 && latHalf > 0)) return undefined;
  if (!(2 * lonHalf <= INTERPOLATE_MAX_SPAN_DEG && 2 * latHalf <= INTERPOLATE_MAX_SPAN_DEG)) {
    return undefined;
  }
  const lonMid = lonMin + lonHalf;
  const latMid = latMin + latHalf;
  // Fitted to offsets from the box centre's projection: small numbers round finely.
  const [xc = 0, yc = 0] = project([lonMid, latMid]);
  const cx = new Float64Array(16);
  const cy = new Float64Array(16);
  for (let k = 0; k < 4; k++) {
    for (let l = 0; l < 4; l++) {
      const [x = 0, y = 0] = project([
        lonMid + lonHalf * (NODES[k] as number),
        latMid + latHalf * (NODES[l] as number),
      ]);
      for (let i = 0; i < 4; i++) {
        for (let j = 0; j < 4; j++) {
          const w = (WEIGHTS[4 * i + k] as number) * (WEIGHTS[4 * j + l] as number);
          cx[4 * i + j] = (cx[4 * i + j] as number) + w * (x - xc);
          cy[4 * i + j] = (cy[4 * i + j] as number) + w * (y - yc);
        }
      }
    }
  }
  let x0 = 0;
  let y0 = 0;
  let xPrev = 0;
  let yPrev = 0;
  let twice = 0;
  for (let m = 0; m < n; m++) {
    const p = ring[m] as Position;
    const u = ((p[0] as number) - lonMid) / lonHalf;
    const v = ((p[1] as number) - latMid) / latHalf;
    const u2 = 2 * u * u - 1;
    const u3 = u * (4 * u * u - 3);
    const v2 = 2 * v * v - 1;
    const v3 = v * (4 * v * v - 3);
    const x = interpolate(cx, u, u2, u3, v, v2, v3);
    const y = interpolate(cy, u, u2, u3, v, v2, v3);
    // The shoelace of planarRingAreaM2, about the first vertex, edges 1→2 … (n−2)→(n−1).
    if (m === 0) {
      x0 = x;
      y0 = y;
    } else if (m >= 2) {
      twice += (xPrev - x0) * (y - y0) - (x - x0) * (yPrev - y0);
    }
    xPrev = x;
    yPrev = y;
  }
  return Math.abs(twice) / 2;
}

/** Σ c[4i + j]·T_i(u)·T_j(v) with T_0 = 1, T_1 = u, T_2 = u2, T_3 = u3 (and the same for v). */
function interpolate(
  c: Float64Array,
  u: number,
  u2: number,
  u3: number,
  v: number,
  v2: number,
  v3: number,
): number {
  const r0 =
    (c[0] as number) + (c[1] as number) * v + (c[2] as number) * v2 + (c[3] as number) * v3;
  const r1 =
    (c[4] as number) + (c[5] as number) * v + (c[6] as number) * v2 + (c[7] as number) * v3;
  const r2 =
    (c[8] as number) + (c[9] as number) * v + (c[10] as number) * v2 + (c[11] as number) * v3;
  const r3 =
    (c[12] as number) + (c[13] as number) * v + (c[14] as number) * v2 + (c[15] as number) * v3;
  return r0 + r1 * u + r2 * u2 + r3 * u3;
}

/**
 * Planar area (m²) in a TM plane such as "EPSG:5186" (the default) or "EPSG:5179": the
 * figure a filing measured in GIS would carry. Vertices are projected and joined by straight
 * lines in that plane; holes subtracted. Long rings in a small box take their projected
 * vertices from an interpolant within ~5e-9 m of the projection (see interpolatedRingAreaM2).
 */
export function tmAreaM2(g: Polygon | MultiPolygon, crs = "EPSG:5186"): number {
  const project = fromLonLat(crs);
  return areaBy(
    g,
    (ring) => interpolatedRingAreaM2(ring, project) ?? planarRingAreaM2(ring.map(project)),
  );
}

/** Geodesic distance between two [lon, lat] positions, m. */
export function distanceM(a: Position, b: Position): number {
  const r = WGS84.Inverse(a[1] ?? 0, a[0] ?? 0, b[1] ?? 0, b[0] ?? 0, Geodesic.DISTANCE);
  return r.s12 ?? 0;
}

/** Initial azimuth of the geodesic from `a` to `b`, degrees clockwise from north. */
export function azimuthDeg(a: Position, b: Position): number {
  const r = WGS84.Inverse(a[1] ?? 0, a[0] ?? 0, b[1] ?? 0, b[0] ?? 0, Geodesic.AZIMUTH);
  return r.azi1 ?? 0;
}

/** The position `distanceM` metres from `p` along the geodesic leaving at `azimuthDeg`. */
export function destination(p: Position, azimuthDeg: number, distanceM: number): Position {
  const r = WGS84.Direct(
    p[1] ?? 0,
    p[0] ?? 0,
    azimuthDeg,
    distanceM,
    Geodesic.LATITUDE | Geodesic.LONGITUDE,
  );
  return [r.lon2 ?? 0, r.lat2 ?? 0];
}

/** Length of a polyline of geodesic segments, m. */
export function lineLengthM(line: Position[]): number {
  let total = 0;
  for (let i = 1; i < line.length; i++) {
    total += distanceM(line[i - 1] as Position, line[i] as Position);
  }
  return total;
}
