/** Small geometry factories the geo tests share: plain values, no state. */
import type { Polygon, Position } from "geojson";

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
