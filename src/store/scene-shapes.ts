/** Envelope outlines for display only (the checker measures on the ellipsoid, not these). */
import type { Polygon, Position } from "geojson";

const EARTH_RADIUS_KM = 6371.0088;
const DEG = Math.PI / 180;

/** The point at distanceKm along bearingDeg from [lon, lat], on a sphere (display accuracy). */
export function destination(from: Position, distanceKm: number, bearingDeg: number): Position {
  const [lon = 0, lat = 0] = from;
  const d = distanceKm / EARTH_RADIUS_KM;
  const b = bearingDeg * DEG;
  const p1 = lat * DEG;
  const p2 = Math.asin(Math.sin(p1) * Math.cos(d) + Math.cos(p1) * Math.sin(d) * Math.cos(b));
  const l2 =
    lon * DEG +
    Math.atan2(Math.sin(b) * Math.sin(d) * Math.cos(p1), Math.cos(d) - Math.sin(p1) * Math.sin(p2));
  return [l2 / DEG, p2 / DEG];
}

/** A circle of radiusKm around center as a 96-gon. */
export function circlePolygon(center: Position, radiusKm: number, steps = 96): Polygon {
  const ring: Position[] = [];
  for (let i = 0; i < steps; i += 1) ring.push(destination(center, radiusKm, (360 * i) / steps));
  ring.push(ring[0] ?? center);
  return { type: "Polygon", coordinates: [ring] };
}

function bearing(a: Position, b: Position): number {
  const [l1 = 0, p1r = 0] = a;
  const [l2 = 0, p2r = 0] = b;
  const p1 = p1r * DEG;
  const p2 = p2r * DEG;
  const dl = (l2 - l1) * DEG;
  const y = Math.sin(dl) * Math.cos(p2);
  const x = Math.cos(p1) * Math.sin(p2) - Math.sin(p1) * Math.cos(p2) * Math.cos(dl);
  return Math.atan2(y, x) / DEG;
}

/** The belt around an axis as polygons: one quad per segment and a disc per vertex. */
export function beltPolygons(axis: Position[], halfWidthKm: number): Polygon[] {
  const out: Polygon[] = axis.map((p) => circlePolygon(p, halfWidthKm, 32));
  for (let i = 0; i + 1 < axis.length; i += 1) {
    const a = axis[i];
    const b = axis[i + 1];
    if (!a || !b) continue;
    const h = bearing(a, b);
    const ring = [
      destination(a, halfWidthKm, h - 90),
      destination(b, halfWidthKm, h - 90),
      destination(b, halfWidthKm, h + 90),
      destination(a, halfWidthKm, h + 90),
    ];
    out.push({ type: "Polygon", coordinates: [[...ring, ring[0] ?? a]] });
  }
  return out;
}
