/**
 * The select tool's handles on the envelope, and what dragging one makes of it: a circle's
 * centre (moves it) and radius handle (its distance from the centre is the radius), a belt's
 * axis vertices, its midpoints (a new vertex) and width handle (its distance from the axis is
 * the half-width), a polygon's vertices and midpoints; a vertex can also be removed. Pure: positions [lon, lat] in, an
 * envelope the checker takes out (geo/types.ts Envelope), distances geodesic as it measures.
 */
import type { Position } from "geojson";
import {
  azimuthDeg,
  destination,
  distanceM,
  distanceToLineM,
  type Envelope,
} from "../../geo/index";

export type HandleKind = "centre" | "radius" | "vertex" | "midpoint" | "width";

export interface Handle {
  kind: HandleKind;
  /** The vertex's index; for a midpoint, the index of the vertex before it. */
  index: number;
  position: Position;
}

/** Sizes are kept to the metre: a dragged radius reads 12.345 km, not 15 digits. */
const KM_DECIMALS = 3;
const MIN_KM = 10 ** -KM_DECIMALS;

const roundKm = (km: number) => Math.max(MIN_KM, Number(km.toFixed(KM_DECIMALS)));

/** The point halfway along the geodesic from `a` to `b`. */
function midpoint(a: Position, b: Position): Position {
  return destination(a, azimuthDeg(a, b), distanceM(a, b) / 2);
}

function midpoints(line: Position[]): Handle[] {
  const out: Handle[] = [];
  for (let i = 1; i < line.length; i++) {
    const a = line[i - 1] as Position;
    const b = line[i] as Position;
    out.push({ kind: "midpoint", index: i - 1, position: midpoint(a, b) });
  }
  return out;
}

/** The outer ring's vertices without the closing repeat. */
function ringVertices(envelope: Extract<Envelope, { shape: "polygon" }>): Position[] {
  return (envelope.polygon.coordinates[0] ?? []).slice(0, -1);
}

/** Where the belt's width handle sits: square off the first segment's middle, at the half-width. */
function widthHandle(axis: Position[], halfWidthKm: number): Position | null {
  const a = axis[0];
  const b = axis[1];
  if (!a || !b) return null;
  const mid = midpoint(a, b);
  return destination(mid, azimuthDeg(mid, b) + 90, halfWidthKm * 1000);
}

/** Every handle of the envelope, those drawn last (and picked first) last. */
export function envelopeHandles(envelope: Envelope): Handle[] {
  if (envelope.shape === "circle") {
    const rim = destination(envelope.center, 90, envelope.radiusKm * 1000);
    return [
      { kind: "centre", index: 0, position: envelope.center },
      { kind: "radius", index: 0, position: rim },
    ];
  }
  if (envelope.shape === "belt") {
    const vertices = envelope.axis.map(
      (p, index): Handle => ({ kind: "vertex", index, position: p }),
    );
    const width = widthHandle(envelope.axis, envelope.halfWidthKm);
    return [
      ...midpoints(envelope.axis),
      ...(width ? [{ kind: "width" as const, index: 0, position: width }] : []),
      ...vertices,
    ];
  }
  const ring = ringVertices(envelope);
  const closed = ring.length > 0 ? [...ring, ring[0] as Position] : [];
  return [
    ...midpoints(closed),
    ...ring.map((p, index): Handle => ({ kind: "vertex", index, position: p })),
  ];
}

function replaced(line: Position[], index: number, to: Position): Position[] {
  return line.map((p, i) => (i === index ? to : p));
}

function inserted(line: Position[], after: number, to: Position): Position[] {
  return [...line.slice(0, after + 1), to, ...line.slice(after + 1)];
}

/** The envelope with `handle` dragged to `to`; the same envelope when the handle has no meaning. */
export function dragHandle(envelope: Envelope, handle: Handle, to: Position): Envelope {
  const at: Position = [to[0] ?? 0, to[1] ?? 0];
  if (envelope.shape === "circle") {
    if (handle.kind === "centre") return { ...envelope, center: at };
    if (handle.kind === "radius") {
      return { ...envelope, radiusKm: roundKm(distanceM(envelope.center, at) / 1000) };
    }
    return envelope;
  }
  if (envelope.shape === "belt") {
    const { axis } = envelope;
    if (handle.kind === "vertex") return { ...envelope, axis: replaced(axis, handle.index, at) };
    if (handle.kind === "midpoint") return { ...envelope, axis: inserted(axis, handle.index, at) };
    if (handle.kind === "width") {
      return { ...envelope, halfWidthKm: roundKm(distanceToLineM(at, axis) / 1000) };
    }
    return envelope;
  }
  const ring = ringVertices(envelope);
  let next: Position[];
  if (handle.kind === "vertex") next = replaced(ring, handle.index, at);
  else if (handle.kind === "midpoint") next = inserted(ring, handle.index, at);
  else return envelope;
  const holes = envelope.polygon.coordinates.slice(1);
  return {
    shape: "polygon",
    polygon: { type: "Polygon", coordinates: [[...next, next[0] as Position], ...holes] },
  };
}

/**
 * The envelope without the vertex `handle` stands on; null when it is not a vertex or the shape
 * would fall below its least (a belt's axis of two positions, a polygon of three corners).
 */
export function removeVertex(envelope: Envelope, handle: Handle): Envelope | null {
  if (handle.kind !== "vertex") return null;
  if (envelope.shape === "belt") {
    if (envelope.axis.length <= 2) return null;
    return { ...envelope, axis: envelope.axis.filter((_, i) => i !== handle.index) };
  }
  if (envelope.shape !== "polygon") return null;
  const ring = ringVertices(envelope);
  if (ring.length <= 3) return null;
  const next = ring.filter((_, i) => i !== handle.index);
  const holes = envelope.polygon.coordinates.slice(1);
  return {
    shape: "polygon",
    polygon: { type: "Polygon", coordinates: [[...next, next[0] as Position], ...holes] },
  };
}
