/**
 * What a finished shape adds to a zone, as one ZoneDiff: the one place that decides it, so the
 * live figures of a shape still being drawn (src/store/live-figures.ts) are those of its edit.
 */
import type { LineString, Point, Polygon } from "geojson";
import { DEFAULT_BELT_LIMITS, type RuleSet, radiusLimitKm } from "../../geo/index";
import type { ZoneDiff, ZoneDoc } from "./types";
import type { ToolId } from "./vocabulary";
import { nextParcelId } from "./zone-diff";

export type DrawnGeometry = Polygon | Point | LineString;

/** The diff a shape drawn with `tool` makes; null when the tool and the geometry don't match. */
export function drawnDiff(
  zone: ZoneDoc,
  ruleSet: RuleSet,
  tool: ToolId,
  geometry: DrawnGeometry,
): ZoneDiff | null {
  if (geometry.type === "Polygon" && tool.startsWith("parcel-")) {
    const id = nextParcelId(zone);
    return { put: [{ id, name: id, geometry, properties: { id, name: id } }] };
  }
  if (tool === "envelope-circle" && geometry.type === "Point") {
    // The circle radius the rule set allows for the zone's 시·도 (the rule set lists its 광역시).
    const radiusKm = radiusLimitKm(ruleSet, zone.sido);
    return { envelope: { shape: "circle", center: geometry.coordinates, radiusKm } };
  }
  if (tool === "envelope-belt" && geometry.type === "LineString") {
    const halfWidthKm = ruleSet.envelope.belt?.halfWidthKm ?? DEFAULT_BELT_LIMITS.halfWidthKm;
    return { envelope: { shape: "belt", axis: geometry.coordinates, halfWidthKm } };
  }
  if (tool === "envelope-polygon" && geometry.type === "Polygon") {
    return { envelope: { shape: "polygon", polygon: geometry } };
  }
  return null;
}
