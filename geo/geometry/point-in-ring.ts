/** Ray casting in the plane of the coordinates: is the point inside the ring (even-odd)? */
import type { Position } from "geojson";

export function pointInRing(p: Position, ring: readonly Position[]): boolean {
  const [px = 0, py = 0] = p;
  let inside = false;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
    const [ax = 0, ay = 0] = ring[i] as Position;
    const [bx = 0, by = 0] = ring[j] as Position;
    if (ay > py !== by > py && px < ax + ((py - ay) * (bx - ax)) / (by - ay)) inside = !inside;
  }
  return inside;
}
