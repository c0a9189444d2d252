/** The scene (contract.ts) built from the store as plain GeoJSON; the map adapter only draws it. */
import type { Feature, FeatureCollection, Polygon, Position } from "geojson";
import { type Envelope, envelopeOutline, geodesicAreaM2, type Parcel } from "../../geo/index";
import type { HubLayer } from "../store/types";
import type { EnvelopeProps, HubProps, ParcelLabel, ParcelProps } from "./contract";
import { labelPoint } from "./label-point";

const collection = (features: Feature[]): FeatureCollection => ({
  type: "FeatureCollection",
  features,
});

export function parcelsCollection(parcels: Parcel[], highlighted: string[]): FeatureCollection {
  const lit = new Set(highlighted);
  return collection(
    parcels.map((p) => ({
      type: "Feature",
      properties: {
        id: p.id,
        name: p.name ?? p.id,
        highlighted: lit.has(p.id),
      } satisfies ParcelProps,
      geometry: p.geometry,
    })),
  );
}

/** Each parcel's label: its name (else id) and ellipsoidal area at its interior point. */
export function parcelLabels(parcels: Parcel[]): ParcelLabel[] {
  return parcels.flatMap((p) => {
    const at = labelPoint({ type: "Feature", properties: {}, geometry: p.geometry });
    if (!at) return [];
    const [lon = 0, lat = 0] = at;
    const km2 = geodesicAreaM2(p.geometry) / 1e6;
    return [{ id: p.id, name: p.name ?? p.id, km2, at: [lon, lat] }];
  });
}

/** The zone's envelope, in the over-limit colour when `over` (the report's shapeOverLimit). */
export function envelopeCollection(envelope: Envelope | null, over = false): FeatureCollection {
  if (!envelope) return collection([]);
  const props: EnvelopeProps = {
    role: "envelope",
    shape: envelope.shape,
    state: over ? "over" : "within",
  };
  if (envelope.shape === "circle") {
    return collection([
      {
        type: "Feature",
        properties: props,
        geometry: envelopeOutline(envelope),
      },
      {
        type: "Feature",
        properties: props,
        geometry: { type: "Point", coordinates: envelope.center },
      },
    ]);
  }
  if (envelope.shape === "belt") {
    const parts = [envelopeOutline(envelope)];
    return collection([
      ...parts.map((g): Feature => ({ type: "Feature", properties: props, geometry: g })),
      {
        type: "Feature",
        properties: props,
        geometry: { type: "LineString", coordinates: envelope.axis },
      },
    ]);
  }
  return collection([{ type: "Feature", properties: props, geometry: envelope.polygon }]);
}

export function hubsCollection(layers: HubLayer[]): FeatureCollection {
  const features: Feature[] = [];
  for (const layer of layers) {
    if (!layer.visible) continue;
    for (const hub of layer.hubs) {
      features.push({
        type: "Feature",
        properties: {
          name: hub.name,
          type: hub.type,
          approximate: layer.approximate,
        } satisfies HubProps,
        geometry: hub.geometry,
      });
    }
  }
  return collection(features);
}

export function editableParcels(parcels: Parcel[]): Feature<Polygon>[] {
  const out: Feature<Polygon>[] = [];
  for (const p of parcels) {
    if (p.geometry.type !== "Polygon" || p.geometry.coordinates.length !== 1) continue;
    out.push({ type: "Feature", id: p.id, properties: { id: p.id }, geometry: p.geometry });
  }
  return out;
}

/** The bounding box [west, south, east, north] of the named parcels, or null. */
export function parcelsBbox(
  parcels: Parcel[],
  ids: string[],
): [number, number, number, number] | null {
  const want = new Set(ids);
  const box: [number, number, number, number] = [180, 90, -180, -90];
  const grow = (p: Position) => {
    const [x = 0, y = 0] = p;
    box[0] = Math.min(box[0], x);
    box[1] = Math.min(box[1], y);
    box[2] = Math.max(box[2], x);
    box[3] = Math.max(box[3], y);
  };
  for (const p of parcels) {
    if (!want.has(p.id)) continue;
    const polys = p.geometry.type === "Polygon" ? [p.geometry.coordinates] : p.geometry.coordinates;
    for (const poly of polys) for (const ring of poly) ring.forEach(grow);
  }
  return box[0] <= box[2] ? box : null;
}
