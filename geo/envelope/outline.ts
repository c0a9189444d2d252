/**
 * The one outline of an envelope, drawn alike by the app's map, the report's map and the
 * exports, so a planner and a reviewer see one shape: a circle as a polygon of geodesic
 * destinations, a belt as the union of its axis buffer (one ring, no seams between the
 * pieces), a polygon as itself. Positions [lon, lat]; distances geodesic on WGS84.
 */
import { featureCollection, polygon as turfPolygon, union } from "@turf/turf";
import type { Feature, MultiPolygon, Polygon, Position } from "geojson";
import { azimuthDeg, destination, distanceM, geodesicAreaM2 } from "../measure";
import type { Envelope } from "../types";

/** Vertices of a full circle: a chord falls short of the arc by radius × 5.4e-4 at most. */
const CIRCLE_STEPS = 96;
/** The longest stretch (m) of a belt side between two computed positions. */
const SIDE_STEP_M = 500;

/**
 * A circle of `radiusM` about `center` as a closed ring of `steps` geodesic destinations,
 * counter-clockwise (RFC 7946's exterior ring), starting due north: azimuths 0, then
 * 360·(steps − 1)/steps, … down to 360/steps. The one circle ring of the code base.
 */
export function circleRing(center: Position, radiusM: number, steps = CIRCLE_STEPS): Position[] {
  const ring: Position[] = [destination(center, 0, radiusM)];
  for (let i = steps - 1; i > 0; i -= 1) ring.push(destination(center, (360 * i) / steps, radiusM));
  ring.push(ring[0] ?? center);
  return ring;
}

/**
 * The strip along one axis segment out to `halfWidthM` on each side: positions along the
 * geodesic every SIDE_STEP_M, each offset at right angles to the axis there, so the sides
 * follow the true buffer rather than a chord between the segment's ends.
 */
function segmentStrip(a: Position, b: Position, halfWidthM: number): Position[] {
  const lengthM = distanceM(a, b);
  const heading = azimuthDeg(a, b);
  const steps = Math.max(1, Math.ceil(lengthM / SIDE_STEP_M));
  const left: Position[] = [];
  const right: Position[] = [];
  for (let i = 0; i <= steps; i += 1) {
    const p = i === steps ? b : destination(a, heading, (lengthM * i) / steps);
    // The axis's own heading at p: the reverse azimuth to a, turned round (at a, the start's).
    const h = i === 0 ? heading : azimuthDeg(p, a) + 180;
    left.push(destination(p, h - 90, halfWidthM));
    right.push(destination(p, h + 90, halfWidthM));
  }
  const ring = [...right, ...left.reverse()];
  ring.push(ring[0] ?? a);
  return ring;
}

/** The largest part of a (multi)polygon by area: slivers a union may leave are dropped. */
function onePolygon(g: Polygon | MultiPolygon): Polygon {
  if (g.type === "Polygon") return g;
  const parts = g.coordinates.map((rings): Polygon => ({ type: "Polygon", coordinates: rings }));
  const areas = parts.map(geodesicAreaM2);
  return parts[areas.indexOf(Math.max(...areas))] ?? { type: "Polygon", coordinates: [] };
}

/** The belt's outline: every point within `halfWidthKm` of its axis, as one polygon. */
function beltOutline(axis: Position[], halfWidthKm: number): Polygon {
  const halfWidthM = halfWidthKm * 1000;
  const pieces: Feature<Polygon>[] = axis.map((p) => turfPolygon([circleRing(p, halfWidthM)]));
  for (let i = 0; i + 1 < axis.length; i += 1) {
    const a = axis[i];
    const b = axis[i + 1];
    if (a && b && distanceM(a, b) > 0) pieces.push(turfPolygon([segmentStrip(a, b, halfWidthM)]));
  }
  const [first] = pieces;
  if (pieces.length === 1 && first) return first.geometry;
  const merged = union(featureCollection(pieces));
  return merged ? onePolygon(merged.geometry) : { type: "Polygon", coordinates: [] };
}

/** The envelope's outline as one polygon ([lon, lat]; a belt's may hold holes where its axis loops). */
export function envelopeOutline(envelope: Envelope): Polygon {
  if (envelope.shape === "circle") {
    return {
      type: "Polygon",
      coordinates: [circleRing(envelope.center, envelope.radiusKm * 1000)],
    };
  }
  if (envelope.shape === "belt") return beltOutline(envelope.axis, envelope.halfWidthKm);
  return envelope.polygon;
}
