/**
 * The smallest circle holding every parcel, as the map draws it when no envelope is given: the
 * checker judges such a zone by that circle, so the planner sees it and the limit around it.
 */
import type { Feature, FeatureCollection, Polygon, Position } from "geojson";
import { distanceM, type Report } from "../../geo/index";
import { destination } from "./scene-shapes";

/** Whether the inferred circle's radius is within the rule set's limit. */
export type EnclosingState = "within" | "over";

/** Vertices of a drawn circle: at 50 km radius a chord strays 15 m from the arc, under a pixel. */
const RING_VERTICES = 128;
/** The checker's own slack when it compares a radius with its limit, km. */
const TOLERANCE_KM = 1e-5;
const MAX_STEPS = 6;
const CLOSE_ENOUGH_M = 1e-3;

/**
 * The point at ellipsoidal (WGS84) distance `distanceM` from `center` along the great circle of
 * spherical bearing `bearingDeg`. geo's public face offers distanceM but no direct problem, so
 * the spherical step is rescaled by the measured distance until they agree to a millimetre.
 */
function pointAtDistance(center: Position, bearingDeg: number, targetM: number): Position {
  let stepM = targetM;
  let p = destination(center, stepM / 1000, bearingDeg);
  for (let i = 0; i < MAX_STEPS; i += 1) {
    const measuredM = distanceM(center, p);
    if (Math.abs(measuredM - targetM) < CLOSE_ENOUGH_M || measuredM === 0) break;
    stepM *= targetM / measuredM;
    p = destination(center, stepM / 1000, bearingDeg);
  }
  return p;
}

/** A closed ring of `vertices` points at radiusKm (on the WGS84 ellipsoid) around center. */
export function geodesicCircle(
  center: Position,
  radiusKm: number,
  vertices = RING_VERTICES,
): Polygon {
  const ring: Position[] = [];
  for (let i = 0; i < vertices; i += 1) {
    ring.push(pointAtDistance(center, (360 * i) / vertices, radiusKm * 1000));
  }
  ring.push(ring[0] ?? center);
  return { type: "Polygon", coordinates: [ring] };
}

/** The parts of a report's envelope section the drawn circle depends on, or null when none. */
export interface EnclosingKey {
  center: Position;
  radiusKm: number;
  limitKm: number;
}

/** The inferred circle of a report: only when no envelope is given and a parcel exists. */
export function enclosingKey(envelope: Report["envelope"]): EnclosingKey | null {
  const { given, center, radiusKm, limitKm } = envelope;
  if (given || !center || radiusKm === undefined || limitKm === undefined) return null;
  return { center, radiusKm, limitKm };
}

/** Whether two keys would draw the same circles (so the map need not be told). */
export function sameEnclosing(a: EnclosingKey | null, b: EnclosingKey | null): boolean {
  if (!a || !b) return a === b;
  return (
    a.center[0] === b.center[0] &&
    a.center[1] === b.center[1] &&
    a.radiusKm === b.radiusKm &&
    a.limitKm === b.limitKm
  );
}

/**
 * The inferred circle (role "enclosing", with its state) and the limit circle around the same
 * centre (role "limit"); an empty collection when there is nothing to infer.
 */
export function enclosingCollection(key: EnclosingKey | null): FeatureCollection {
  if (!key) return { type: "FeatureCollection", features: [] };
  const state: EnclosingState = key.radiusKm > key.limitKm + TOLERANCE_KM ? "over" : "within";
  const circle = (role: string, radiusKm: number): Feature => ({
    type: "Feature",
    properties: { role, state, radiusKm, limitKm: key.limitKm },
    geometry: geodesicCircle(key.center, radiusKm),
  });
  return {
    type: "FeatureCollection",
    features: [circle("enclosing", key.radiusKm), circle("limit", key.limitKm)],
  };
}
