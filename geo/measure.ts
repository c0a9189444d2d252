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

/**
 * Planar area (m²) in a TM plane such as "EPSG:5186" (the default) or "EPSG:5179": the
 * figure a filing measured in GIS would carry. Vertices are projected and joined by straight
 * lines in that plane; holes subtracted.
 */
export function tmAreaM2(g: Polygon | MultiPolygon, crs = "EPSG:5186"): number {
  const project = fromLonLat(crs);
  return areaBy(g, (ring) => planarRingAreaM2(ring.map(project)));
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
