/**
 * Envelope outlines as the map draws them: geodesic on the WGS84 ellipsoid with geo's own
 * direct problem, so a drawn 20 km circle is the circle the checker measures (a spherical
 * outline would stray by up to ~100 m at that radius).
 */
import type { Polygon, Position } from "geojson";
import { azimuthDeg, destination } from "../../geo/index";

/** A circle of radiusKm around center as a `steps`-gon of geodesic points. */
export function circlePolygon(center: Position, radiusKm: number, steps = 96): Polygon {
  const ring: Position[] = [];
  for (let i = 0; i < steps; i += 1) {
    ring.push(destination(center, (360 * i) / steps, radiusKm * 1000));
  }
  ring.push(ring[0] ?? center);
  return { type: "Polygon", coordinates: [ring] };
}

/** The belt around an axis as polygons: one quad per segment and a disc per vertex. */
export function beltPolygons(axis: Position[], halfWidthKm: number): Polygon[] {
  const out: Polygon[] = axis.map((p) => circlePolygon(p, halfWidthKm, 32));
  const halfWidthM = halfWidthKm * 1000;
  for (let i = 0; i + 1 < axis.length; i += 1) {
    const a = axis[i];
    const b = axis[i + 1];
    if (!a || !b) continue;
    const h = azimuthDeg(a, b);
    const ring = [
      destination(a, h - 90, halfWidthM),
      destination(b, h - 90, halfWidthM),
      destination(b, h + 90, halfWidthM),
      destination(a, h + 90, halfWidthM),
    ];
    out.push({ type: "Polygon", coordinates: [[...ring, ring[0] ?? a]] });
  }
  return out;
}
