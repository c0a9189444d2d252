/**
 * Ring orientation. RFC 7946 wants outer rings counter-clockwise and holes clockwise; the
 * Shapefile spec wants the opposite, and readers (shpjs, older GDAL) tell holes from islands by
 * it. Planar signed area decides, which is right in lon/lat and TM alike for parcel-sized rings.
 */
import type { Geometry, Position } from "geojson";

/** Shoelace area, positive for a counter-clockwise ring. */
function signedArea(ring: Position[]): number {
  let twice = 0;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
    const p = ring[j] as Position;
    const q = ring[i] as Position;
    twice += ((p[0] ?? 0) - (q[0] ?? 0)) * ((p[1] ?? 0) + (q[1] ?? 0));
  }
  return twice / 2;
}

function orient(rings: Position[][], outerCcw: boolean): Position[][] {
  return rings.map((ring, i) => {
    const ccw = signedArea(ring) > 0;
    const wantCcw = i === 0 ? outerCcw : !outerCcw;
    return ccw === wantCcw ? ring : ring.slice().reverse();
  });
}

/** A copy with polygon rings oriented as RFC 7946 asks (`shapefile`: the Shapefile way). */
export function rewind<G extends Geometry>(g: G, shapefile = false): G {
  const outerCcw = !shapefile;
  if (g.type === "Polygon") return { ...g, coordinates: orient(g.coordinates, outerCcw) };
  if (g.type === "MultiPolygon") {
    return { ...g, coordinates: g.coordinates.map((p) => orient(p, outerCcw)) };
  }
  return g;
}
