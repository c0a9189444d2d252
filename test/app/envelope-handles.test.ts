import type { Position } from "geojson";
import { describe, expect, it } from "vitest";
import { distanceM, distanceToLineM, type Envelope } from "../../geo/index";
import {
  dragHandle,
  envelopeHandles,
  type Handle,
  removeVertex,
} from "../../src/map/envelope-handles";

const circle: Envelope = { shape: "circle", center: [127.9, 37.3], radiusKm: 5 };
const belt: Envelope = {
  shape: "belt",
  axis: [
    [127.8, 37.3],
    [127.9, 37.3],
    [128, 37.35],
  ],
  halfWidthKm: 4,
};
const polygon: Envelope = {
  shape: "polygon",
  polygon: {
    type: "Polygon",
    coordinates: [
      [
        [127.8, 37.2],
        [128, 37.2],
        [128, 37.4],
        [127.8, 37.4],
        [127.8, 37.2],
      ],
    ],
  },
};

function handle(envelope: Envelope, kind: Handle["kind"], index = 0): Handle {
  const found = envelopeHandles(envelope).find((h) => h.kind === kind && h.index === index);
  if (!found) throw new Error(`no ${kind} ${index}`);
  return found;
}

describe("envelopeHandles", () => {
  it("puts a circle's radius handle due east of the centre, at the radius", () => {
    const rim = handle(circle, "radius").position;
    expect(distanceM(circle.center, rim)).toBeCloseTo(5000, 3);
    expect(rim[1]).toBeCloseTo(37.3, 2);
    expect(handle(circle, "centre").position).toEqual(circle.center);
  });

  it("gives a belt its vertices, its midpoints and a width handle at the half-width", () => {
    const kinds = envelopeHandles(belt).map((h) => h.kind);
    expect(kinds.filter((k) => k === "vertex")).toHaveLength(3);
    expect(kinds.filter((k) => k === "midpoint")).toHaveLength(2);
    if (belt.shape !== "belt") throw new Error("not a belt");
    const width = handle(belt, "width").position;
    expect(distanceToLineM(width, belt.axis)).toBeCloseTo(4000, 0);
  });

  it("gives a polygon one handle a vertex (not the closing repeat) and one a side", () => {
    const kinds = envelopeHandles(polygon).map((h) => h.kind);
    expect(kinds.filter((k) => k === "vertex")).toHaveLength(4);
    expect(kinds.filter((k) => k === "midpoint")).toHaveLength(4);
  });
});

describe("dragHandle", () => {
  const to: Position = [127.95, 37.32];

  it("moves a circle's centre, keeping its radius; its radius handle sets the radius to the metre", () => {
    expect(dragHandle(circle, handle(circle, "centre"), to)).toEqual({ ...circle, center: to });
    const resized = dragHandle(circle, handle(circle, "radius"), to);
    if (resized.shape !== "circle") throw new Error("not a circle");
    expect(resized.center).toEqual(circle.center);
    expect(resized.radiusKm).toBe(Number((distanceM(circle.center, to) / 1000).toFixed(3)));
  });

  it("moves a belt vertex, inserts one at a midpoint, and sets the half-width from the axis", () => {
    if (belt.shape !== "belt") throw new Error("not a belt");
    const moved = dragHandle(belt, handle(belt, "vertex", 1), to);
    expect(moved).toEqual({ ...belt, axis: [belt.axis[0], to, belt.axis[2]] });
    const grown = dragHandle(belt, handle(belt, "midpoint", 1), to);
    expect(grown).toEqual({ ...belt, axis: [belt.axis[0], belt.axis[1], to, belt.axis[2]] });
    const widened = dragHandle(belt, handle(belt, "width"), to);
    expect(widened).toEqual({
      ...belt,
      halfWidthKm: Number((distanceToLineM(to, belt.axis) / 1000).toFixed(3)),
    });
  });

  it("keeps a polygon's ring closed when its first vertex moves, and inserts at a midpoint", () => {
    const moved = dragHandle(polygon, handle(polygon, "vertex", 0), to);
    if (moved.shape !== "polygon") throw new Error("not a polygon");
    const ring = moved.polygon.coordinates[0] ?? [];
    expect(ring).toHaveLength(5);
    expect(ring[0]).toEqual(to);
    expect(ring[4]).toEqual(to);
    const grown = dragHandle(polygon, handle(polygon, "midpoint", 3), to);
    if (grown.shape !== "polygon") throw new Error("not a polygon");
    expect(grown.polygon.coordinates[0]).toHaveLength(6);
    expect(grown.polygon.coordinates[0]?.[4]).toEqual(to);
  });

  it("never makes a size of zero", () => {
    const shrunk = dragHandle(circle, handle(circle, "radius"), circle.center);
    expect(shrunk).toMatchObject({ radiusKm: 0.001 });
  });
});

describe("removeVertex", () => {
  it("removes a belt's or a polygon's vertex, never below two axis positions or three corners", () => {
    if (belt.shape !== "belt" || polygon.shape !== "polygon") throw new Error("shapes");
    const shorter = removeVertex(belt, handle(belt, "vertex", 1));
    expect(shorter).toEqual({ ...belt, axis: [belt.axis[0], belt.axis[2]] });
    expect(shorter && removeVertex(shorter, handle(shorter, "vertex", 0))).toBeNull();
    const triangle = removeVertex(polygon, handle(polygon, "vertex", 0));
    if (triangle?.shape !== "polygon") throw new Error("not a polygon");
    const ring = triangle.polygon.coordinates[0] ?? [];
    expect(ring).toEqual([
      [128, 37.2],
      [128, 37.4],
      [127.8, 37.4],
      [128, 37.2],
    ]);
    expect(removeVertex(triangle, handle(triangle, "vertex", 1))).toBeNull();
    expect(removeVertex(circle, handle(circle, "centre"))).toBeNull();
    expect(removeVertex(polygon, handle(polygon, "midpoint", 0))).toBeNull();
  });
});
