/**
 * The envelope feature of a filing (`properties.role: "envelope"`): a circle (Point + radiusKm),
 * a belt (LineString axis + halfWidthKm) or a polygon. Anything else is BAD_ENVELOPE.
 */
import type { Geometry, LineString, Point, Polygon } from "geojson";
import { FilingError } from "../errors";
import { ringProblems } from "../geometry";
import { ringProblemText } from "../messages";
import type { Envelope } from "../types";
import { checkCoordinates, checkPosition, isObject, type Json } from "./structure";

/** Most positions a belt's axis may have: a corridor drawn by a planner has tens. */
export const MAX_AXIS_POSITIONS = 1000;

function badEnvelope(label: string, ko: string, en: string): FilingError {
  return new FilingError(
    "BAD_ENVELOPE",
    `지정 범위 피처 ${label}: ${ko}`,
    `Envelope feature ${label}: ${en}`,
  );
}

/** A positive finite number of kilometres, or BAD_ENVELOPE naming the property. */
function positiveKm(props: Json, key: string, label: string): number {
  const value = props[key];
  if (typeof value !== "number" || !Number.isFinite(value) || value <= 0) {
    throw badEnvelope(
      label,
      `properties.${key}에 0보다 큰 수(km)가 있어야 합니다 (현재: ${JSON.stringify(value) ?? "없음"})`,
      `properties.${key} must be a number of kilometres greater than 0 (found ${JSON.stringify(value) ?? "nothing"})`,
    );
  }
  return value;
}

/** The envelope's structural checks, turned into BAD_ENVELOPE so the message names the envelope. */
function asEnvelopeError(label: string, check: () => void): void {
  try {
    check();
  } catch (e) {
    if (e instanceof FilingError) throw badEnvelope(label, e.ko, e.en);
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
    throw badEnvelope(
      label,
      `shape "${shape}"의 geometry는 ${type}이어야 합니다 (현재: ${found ?? "없음"})`,
      `shape "${shape}" needs a ${type} geometry (found ${found ?? "none"})`,
    );
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
      throw badEnvelope(
        label,
        "띠(belt)의 축 LineString에는 위치가 두 개 이상 있어야 합니다",
        "a belt's axis LineString needs at least two positions",
      );
    }
    if (line.coordinates.length > MAX_AXIS_POSITIONS) {
      // Reach is exact per axis segment: a 50,000-position zigzag axis took minutes.
      throw badEnvelope(
        label,
        `띠(belt)의 축에 위치가 ${line.coordinates.length}개입니다: ${MAX_AXIS_POSITIONS}개 이하로 단순화하십시오`,
        `a belt's axis has ${line.coordinates.length} positions: simplify it to at most ${MAX_AXIS_POSITIONS}`,
      );
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
      throw badEnvelope(
        label,
        `다각형이 올바르지 않습니다: ${ringProblemText(problem.kind, "ko")}`,
        `the polygon is invalid: ${ringProblemText(problem.kind, "en")}`,
      );
    }
    return { shape, polygon: lonLat };
  }
  throw badEnvelope(
    label,
    `properties.shape은 "circle", "belt", "polygon" 중 하나여야 합니다 (현재: ${JSON.stringify(shape) ?? "없음"})`,
    `properties.shape must be "circle", "belt" or "polygon" (found ${JSON.stringify(shape) ?? "nothing"})`,
  );
}
