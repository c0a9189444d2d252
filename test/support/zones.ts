/**
 * Test factories: zones built from geodesic shapes whose areas the tests know from GeographicLib
 * directly (the oracle), not from the code under test.
 */
import geodesic from "geographiclib-geodesic";
import type { Polygon, Position } from "geojson";
import { circleRing } from "../../geo/envelope";
import type { Envelope, Parcel, Zone } from "../../geo/types";

const WGS84 = geodesic.Geodesic.WGS84;

/** A polygon of `n` vertices on a geodesic circle of radius `radiusM` around [lon, lat]. */
export function createGeodesicCircle(center: Position, radiusM: number, n = 64): Polygon {
  return { type: "Polygon", coordinates: [circleRing(center, radiusM, n)] };
}

/** GeographicLib's own area of a simple polygon, in m²: the oracle. */
export function oracleAreaM2(polygon: Polygon): number {
  const p = WGS84.Polygon(false);
  const ring = polygon.coordinates[0] ?? [];
  for (const [lon, lat] of ring.slice(0, -1)) p.AddPoint(lat ?? 0, lon ?? 0);
  return Math.abs(p.Compute(false, true).area ?? 0);
}

/** A geodesic circle polygon whose GeographicLib area is `areaM2` (to well under 0.01 m²). */
export function createPolygonOfArea(center: Position, areaM2: number, n = 64): Polygon {
  let lo = 0;
  let hi = 2 * Math.sqrt(areaM2 / Math.PI) + 100;
  for (let i = 0; i < 80; i++) {
    const mid = (lo + hi) / 2;
    if (oracleAreaM2(createGeodesicCircle(center, mid, n)) < areaM2) lo = mid;
    else hi = mid;
  }
  return createGeodesicCircle(center, (lo + hi) / 2, n);
}

/** A point `distanceM` from [lon, lat] along `azimuthDeg`. */
export function offset(center: Position, azimuthDeg: number, distanceM: number): Position {
  const r = WGS84.Direct(center[1] ?? 0, center[0] ?? 0, azimuthDeg, distanceM);
  return [r.lon2 ?? 0, r.lat2 ?? 0];
}

export function createParcel(id: string, geometry: Polygon, name?: string): Parcel {
  const parcel: Parcel = { id, geometry, properties: { id } };
  if (name !== undefined) parcel.name = name;
  return parcel;
}

export function createZone(
  parcels: Parcel[],
  envelope: Envelope | null = null,
  sido?: string,
): Zone {
  return { parcels, envelope, meta: sido ? { sido } : {}, sourceCrs: "EPSG:4326" };
}
