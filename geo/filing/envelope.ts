/**
 * The envelope feature of a filing (`properties.role: "envelope"`): a circle (Point + radiusKm),
 * a belt (LineString axis + halfWidthKm) or a polygon. Anything else is BAD_ENVELOPE.
 */
import type { Geometry, LineString, Point, Polygon } from "geojson";
import { FilingError } from "../errors";
import type { ErrorParams } from "../errors/params";
import { ringProblems } from "../geometry";
import type { Envelope } from "../types";
import { checkCoordinates, checkPosition, isObject, type Json } from "./structure";

/** Most positions a belt's axis may have: a corridor drawn by a planner has tens. */
export const MAX_AXIS_POSITIONS = 1000;

function badEnvelope(params: ErrorParams["BAD_ENVELOPE"]): FilingError {
  return new FilingError({ code: "BAD_ENVELOPE", params });
}

/** A positive finite number of kilometres, or BAD_ENVELOPE naming the property. */
function positiveKm(props: Json, key: string, label: string): number {
  const value = props[key];
  if (typeof value !== "number" || !Number.isFinite(value) || value <= 0) {
    throw badEnvelope({ kind: "NOT_KM", label, key, found: JSON.stringify(value) });
  }
  return value;
}

/** The envelope's structural checks, turned into BAD_ENVELOPE so the message names the envelope. */
function asEnvelopeError(label: string, check: () => void): void {
  try {
    check();
  } catch (e) {
    if (e instanceof FilingError) throw badEnvelope({ kind: "IN_ENVELOPE", label, inner: e.data });
    throw e;
  }
}

function geometryOfType<T extends Geometry>(
  feature: Json,
  type: T["type"],
  shape: string,
  label: string,
): T {
  const g = feature.geometry;
  if (!isObject(g) || g.type !== type) {
    const found = isObject(g) && typeof g.type === "string" ? g.type : undefined;
    throw badEnvelope({ kind: "GEOMETRY_TYPE", label, shape, type, found });
  }
  return g as unknown as T;
}

/**
 * Read an envelope feature. `toLonLat` checks and reprojects its geometry as the parcels were
 * (the legacy crs member applies to every feature).
 */
export function readEnvelope(
  feature: Json,
  label: string,
  toLonLat: <G extends Geometry>(g: G) => G,
): Envelope {
  const props = isObject(feature.properties) ? feature.properties : {};
  const shape = props.shape;
  if (shape === "circle") {
    const point = geometryOfType<Point>(feature, "Point", shape, label);
    asEnvelopeError(label, () => checkPosition(point.coordinates, label, "coordinates"));
    const radiusKm = positiveKm(props, "radiusKm", label);
    return { shape, center: toLonLat(point).coordinates, radiusKm };
  }
  if (shape === "belt") {
    const line = geometryOfType<LineString>(feature, "LineString", shape, label);
    if (!Array.isArray(line.coordinates) || line.coordinates.length < 2) {
      throw badEnvelope({ kind: "AXIS_TOO_SHORT", label });
    }
    if (line.coordinates.length > MAX_AXIS_POSITIONS) {
      // Reach is exact per axis segment: a 50,000-position zigzag axis took minutes.
      const count = line.coordinates.length;
      throw badEnvelope({ kind: "AXIS_TOO_LONG", label, count, limit: MAX_AXIS_POSITIONS });
    }
    asEnvelopeError(label, () => {
      line.coordinates.forEach((p, i) => {
        checkPosition(p, label, `coordinates[${i}]`);
      });
    });
    const halfWidthKm = positiveKm(props, "halfWidthKm", label);
    return { shape, axis: toLonLat(line).coordinates, halfWidthKm };
  }
  if (shape === "polygon") {
    const polygon = geometryOfType<Polygon>(feature, "Polygon", shape, label);
    asEnvelopeError(label, () => checkCoordinates(polygon, label));
    const lonLat = toLonLat(polygon);
    // The envelope's ring is held to the parcels' rules: an unclosed or crossing ring has no inside.
    const problem = ringProblems(lonLat)[0];
    if (problem) {
      throw badEnvelope({ kind: "POLYGON_INVALID", label, problem: problem.kind });
    }
    return { shape, polygon: lonLat };
  }
  throw badEnvelope({ kind: "UNKNOWN_SHAPE", label, found: JSON.stringify(shape) });
}
