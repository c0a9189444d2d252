/**
 * A fast ellipsoidal area for lon/lat polygons, used to split parcel area among 시·도 on every
 * drag frame. Positions go through the ellipsoid's equal-area cylindrical projection
 * (x = λ, y = a²·q(φ)/2 with q the authalic function of WGS84), where a planar shoelace gives
 * the true ellipsoidal area of a polygon whose edges are straight in that projection. Parcel
 * edges are short (tens to hundreds of metres), so such edges and geodesic edges enclose areas
 * that differ by far less than a square metre per km²; GeographicLib, which geo/measure/ uses for
 * the report, costs about a microsecond a vertex and would not fit a drag frame.
 */
import type { MultiPolygon, Polygon, Position } from "geojson";

const A_M = 6378137;
const F = 1 / 298.257223563;
const E2 = F * (2 - F);
const RAD = Math.PI / 180;
/** a²(1 − e²)/2, so that y·Δλ is in m². */
const K_M2 = (A_M * A_M * (1 - E2)) / 2;
// q/(1 − e²) = s/(1 − e²s²) + atanh(e·s)/e = Σ (2k+2)/(2k+1)·e^2k·s^(2k+1); the sixth term is
// below 1e-13 of the first, so the series replaces a log per vertex.
const C1 = (4 / 3) * E2;
const C2 = (6 / 5) * E2 ** 2;
const C3 = (8 / 7) * E2 ** 3;
const C4 = (10 / 9) * E2 ** 4;
const C5 = (12 / 11) * E2 ** 5;

function series(s: number): number {
  const t = s * s;
  return s * (2 + t * (C1 + t * (C2 + t * (C3 + t * (C4 + t * C5)))));
}

/** Truncated product of two power series in d, up to d^6. */
function mul(p: number[], q: number[]): number[] {
  const out = [0, 0, 0, 0, 0, 0, 0];
  for (let i = 0; i <= 6; i++) {
    for (let j = 0; i + j <= 6; j++) out[i + j] = (out[i + j] ?? 0) + (p[i] ?? 0) * (q[j] ?? 0);
  }
  return out;
}

const plus = (c: number, p: number[]): number[] => p.map((v, i) => (i === 0 ? v + c : v));

/**
 * A reference latitude φ0 with y(φ0 + d) − y(φ0) as a degree-6 polynomial in d (radians), so a
 * vertex costs six multiplications instead of a sine and a logarithm.
 */
export interface Frame {
  lat0Rad: number;
  series0: number;
  /** Coefficients of d^1 … d^6, m² per radian of longitude (fields, not an array: hot path). */
  b1: number;
  b2: number;
  b3: number;
  b4: number;
  b5: number;
  b6: number;
}

export function frameAt(latDeg: number): Frame {
  const lat0Rad = latDeg * RAD;
  const s0 = Math.sin(lat0Rad);
  const c0 = Math.cos(lat0Rad);
  // sin(φ0 + d) as a series in d, then the authalic series composed with it.
  const sinD = [s0, c0, -s0 / 2, -c0 / 6, s0 / 24, c0 / 120, -s0 / 720];
  const t = mul(sinD, sinD);
  let acc = [C5, 0, 0, 0, 0, 0, 0];
  for (const c of [C4, C3, C2, C1, 2]) acc = plus(c, mul(t, acc));
  const [, b1 = 0, b2 = 0, b3 = 0, b4 = 0, b5 = 0, b6 = 0] = mul(sinD, acc).map((v) => v * K_M2);
  return { lat0Rad, series0: series(s0), b1, b2, b3, b4, b5, b6 };
}

/** The projection's y at a latitude, relative to the frame's, in m² per radian of longitude. */
export function yRel(frame: Frame, latDeg: number): number {
  const d = latDeg * RAD - frame.lat0Rad;
  if (Math.abs(d) < 0.02) {
    // Within ~120 km of the frame the d^7 remainder is below 0.01 m² per radian.
    const f = frame;
    return d * (f.b1 + d * (f.b2 + d * (f.b3 + d * (f.b4 + d * (f.b5 + d * f.b6)))));
  }
  return K_M2 * (series(Math.sin(latDeg * RAD)) - frame.series0);
}

/** Signed area of a directed piece P→Q, m²: its term of the shoelace sum (CCW rings > 0). */
export function pieceM2(frame: Frame, p: Position, q: Position): number {
  const dx = ((q[0] ?? 0) - (p[0] ?? 0)) * RAD;
  return (-dx * (yRel(frame, p[1] ?? 0) + yRel(frame, q[1] ?? 0))) / 2;
}

/** Signed area of one closed ring in a frame, m²: > 0 counter-clockwise. */
export function ringSignedM2(frame: Frame, ring: Position[]): number {
  const first = ring[0];
  if (!first) return 0;
  // The hot loop of every drag frame: yRel inlined with the coefficients in locals.
  const { lat0Rad, b1, b2, b3, b4, b5, b6 } = frame;
  let sum = 0;
  let prevX = (first[0] ?? 0) * RAD;
  let prevY = yRel(frame, first[1] ?? 0);
  for (let i = 1; i < ring.length; i++) {
    const p = ring[i] as Position;
    const x = (p[0] as number) * RAD;
    const lat = p[1] as number;
    const d = lat * RAD - lat0Rad;
    const y =
      d > -0.02 && d < 0.02
        ? d * (b1 + d * (b2 + d * (b3 + d * (b4 + d * (b5 + d * b6)))))
        : yRel(frame, lat);
    sum -= (x - prevX) * (y + prevY);
    prevX = x;
    prevY = y;
  }
  return sum / 2;
}

/** Unsigned area of one closed ring, m². */
export function ringAreaM2(ring: Position[]): number {
  const first = ring[0];
  return first && ring.length >= 4 ? Math.abs(ringSignedM2(frameAt(first[1] ?? 0), ring)) : 0;
}

/** Ellipsoidal area of a polygon or multipolygon, holes subtracted, m². */
export function geometryAreaM2(g: Polygon | MultiPolygon): number {
  const polygons = g.type === "Polygon" ? [g.coordinates] : g.coordinates;
  let total = 0;
  for (const rings of polygons) {
    for (let i = 0; i < rings.length; i++) {
      const a = ringAreaM2(rings[i] ?? []);
      total += i === 0 ? a : -a;
    }
  }
  return total;
}
