/** Small geometry factories the geo tests share: plain values, no state. */
import type { MultiPolygon, Polygon, Position } from "geojson";

/** A closed axis-aligned ring from (x0, y0) to (x1, y1), counter-clockwise. */
export function createRect(x0: number, y0: number, x1: number, y1: number): Position[] {
  return [
    [x0, y0],
    [x1, y0],
    [x1, y1],
    [x0, y1],
    [x0, y0],
  ];
}

/** A Polygon of the given rings (the first is the outer ring). */
export function createPolygon(...rings: Position[][]): Polygon {
  return { type: "Polygon", coordinates: rings };
}

/**
 * One MultiPolygon of n small squares (0.0008°, about 70 × 90 m, 0.0025° apart) in a square grid
 * from (lon, lat): a parcel of many parts, e.g. across a 시·도 border.
 */
export function createPartsGrid(lon: number, lat: number, n: number): MultiPolygon {
  const side = Math.ceil(Math.sqrt(n));
  const s = 0.0008;
  const coordinates: Position[][][] = [];
  for (let i = 0; i < n; i++) {
    const x = lon + (i % side) * 0.0025;
    const y = lat + Math.floor(i / side) * 0.0025;
    coordinates.push([createRect(x, y, x + s, y + s)]);
  }
  return { type: "MultiPolygon", coordinates };
}
