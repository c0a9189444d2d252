/**
 * The envelope figures of FILING.md: the smallest enclosing circle on the ellipsoid, reach from
 * a centre or from a belt's axis, and containment in a polygon envelope. All distances are
 * geodesic on WGS84 (GeographicLib); see each module for its method and accuracy.
 */
import type { MultiPolygon, Polygon, Position } from "geojson";

export { beltReachM, distanceToLineM, REACH_TOLERANCE_M } from "./belt";
export { polygonContains } from "./contains";
export { smallestEnclosingCircle } from "./enclosing-circle";
export { rankSlackM, reachM } from "./reach";

/**
 * Every outer-ring position of the parcels, [lon, lat]: what a circle or belt must hold. Holes
 * lie inside their outer ring, so they can't reach farther out.
 */
export function parcelPositions(geoms: (Polygon | MultiPolygon)[]): Position[] {
  const out: Position[] = [];
  for (const g of geoms) {
    const parts = g.type === "Polygon" ? [g.coordinates] : g.coordinates;
    for (const rings of parts) {
      const outer = rings[0];
      // One push per position: spreading a 150k-vertex ring into push() overflows the stack.
      if (outer !== undefined) for (const p of outer) out.push(p);
    }
  }
  return out;
}

/** Each part's outer ring: the boundary a belt's reach is measured along (holes lie inside). */
export function parcelRings(geoms: (Polygon | MultiPolygon)[]): Position[][] {
  const out: Position[][] = [];
  for (const g of geoms) {
    const parts = g.type === "Polygon" ? [g.coordinates] : g.coordinates;
    for (const rings of parts) if (rings[0] !== undefined) out.push(rings[0]);
  }
  return out;
}
export { circleRing, envelopeOutline } from "./outline";
