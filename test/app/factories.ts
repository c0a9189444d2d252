/** Test data builders: fresh objects per call, no shared mutable state. */
import type { Polygon, Position } from "geojson";
import type { Parcel } from "../../geo/index";

/** An axis-aligned lon/lat square ring, counter-clockwise. */
export function createSquare(lon: number, lat: number, sizeDeg: number): Polygon {
  const ring: Position[] = [
    [lon, lat],
    [lon + sizeDeg, lat],
    [lon + sizeDeg, lat + sizeDeg],
    [lon, lat + sizeDeg],
    [lon, lat],
  ];
  return { type: "Polygon", coordinates: [ring] };
}

export function createParcel(id: string, geometry: Parcel["geometry"]): Parcel {
  return { id, name: id, geometry, properties: { id } };
}
