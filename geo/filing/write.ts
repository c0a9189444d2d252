/**
 * Write a Zone as the RFC 7946 filing of FILING.md: parcels as Polygon/MultiPolygon features,
 * the envelope (if any) as a feature with `role: "envelope"`, and the `czd` member.
 */
import type { Feature, FeatureCollection, Geometry } from "geojson";
import type { Envelope, Zone, ZoneMeta } from "../types";

function envelopeFeature(envelope: Envelope): Feature {
  switch (envelope.shape) {
    case "circle":
      return {
        type: "Feature",
        properties: { role: "envelope", shape: "circle", radiusKm: envelope.radiusKm },
        geometry: { type: "Point", coordinates: envelope.center },
      };
    case "belt":
      return {
        type: "Feature",
        properties: { role: "envelope", shape: "belt", halfWidthKm: envelope.halfWidthKm },
        geometry: { type: "LineString", coordinates: envelope.axis },
      };
    case "polygon":
      return {
        type: "Feature",
        properties: { role: "envelope", shape: "polygon" },
        geometry: envelope.polygon,
      };
  }
}

/**
 * The filing for `zone`. `areasKm2[i]` (ellipsoidal, km²) goes into parcel i's `areaKm2`;
 * `report` (the last compliance report) into `czd.report`. Parcels keep their other properties.
 * Geometries are written as they are: the checker, not the writer, judges them.
 */
export function zoneToFiling(
  zone: Zone,
  extra: { report?: unknown; areasKm2?: number[] } = {},
): FeatureCollection & { czd: ZoneMeta } {
  const features: Feature[] = zone.parcels.map((parcel, i) => {
    const areaKm2 = extra.areasKm2?.[i];
    const properties: Record<string, unknown> = { id: parcel.id };
    if (parcel.name !== undefined) properties.name = parcel.name;
    Object.assign(properties, parcel.properties);
    // The parcel's own id and name win over stray copies in its properties.
    properties.id = parcel.id;
    if (parcel.name !== undefined) properties.name = parcel.name;
    if (areaKm2 !== undefined) properties.areaKm2 = areaKm2;
    const geometry: Geometry = parcel.geometry;
    return { type: "Feature", properties, geometry };
  });
  if (zone.envelope) features.push(envelopeFeature(zone.envelope));
  const czd: ZoneMeta = { ...zone.meta };
  if (extra.report !== undefined) czd.report = extra.report;
  return { type: "FeatureCollection", features, czd };
}
