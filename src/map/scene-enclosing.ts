/**
 * The smallest circle holding every parcel, as the map draws it when no envelope is given: the
 * checker judges such a zone by that circle, so the planner sees it and the limit around it.
 */
import type { Feature, FeatureCollection, Position } from "geojson";
import { type Envelope, envelopeOutline, type Report, shapeOverLimit } from "../../geo/index";
import type { EnclosingProps, EnclosingState } from "./contract";

/** The parts of a report's envelope section the drawn circle depends on, or null when none. */
export interface EnclosingKey {
  center: Position;
  radiusKm: number;
  limitKm: number;
  /** The checker's own verdict on the circle (its RADIUS finding), so map and panel agree. */
  state: EnclosingState;
}

/**
 * Whether the report judged a filed envelope of the zone's shape over its own limit: the map
 * colours it as the report's map does. False until a report about a filed envelope comes back.
 */
export function envelopeOver(report: Report, envelope: Envelope | null): boolean {
  return (
    envelope !== null &&
    report.envelope.given &&
    report.envelope.shape === envelope.shape &&
    shapeOverLimit(report)
  );
}

/** The inferred circle of a report: only when no envelope is given and a parcel exists. */
export function enclosingKey(report: Report): EnclosingKey | null {
  const { given, center, radiusKm, limitKm } = report.envelope;
  if (given || !center || radiusKm === undefined || limitKm === undefined) return null;
  return { center, radiusKm, limitKm, state: shapeOverLimit(report) ? "over" : "within" };
}

/** Whether two keys would draw the same circles (so the map need not be told). */
export function sameEnclosing(a: EnclosingKey | null, b: EnclosingKey | null): boolean {
  if (!a || !b) return a === b;
  return (
    a.center[0] === b.center[0] &&
    a.center[1] === b.center[1] &&
    a.radiusKm === b.radiusKm &&
    a.limitKm === b.limitKm &&
    a.state === b.state
  );
}

/**
 * The inferred circle (role "enclosing", with its state) and the limit circle around the same
 * centre (role "limit"); an empty collection when there is nothing to infer.
 */
export function enclosingCollection(key: EnclosingKey | null): FeatureCollection {
  if (!key) return { type: "FeatureCollection", features: [] };
  const { state } = key;
  const circle = (role: EnclosingProps["role"], radiusKm: number): Feature => ({
    type: "Feature",
    properties: { role, state, radiusKm, limitKm: key.limitKm } satisfies EnclosingProps,
    // The checker's own circle outline, the one an envelope circle of this size is drawn with.
    geometry: envelopeOutline({ shape: "circle", center: key.center, radiusKm }),
  });
  return {
    type: "FeatureCollection",
    features: [circle("enclosing", key.radiusKm), circle("limit", key.limitKm)],
  };
}
