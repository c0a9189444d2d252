/**
 * Parcels that touch a 시·도 border exactly: a vertex on a border vertex, an edge along a border
 * edge (a parcel traced from the boundary data), and one parcel of many parts across a border.
 * Their shares must add up to their area like any other parcel's.
 */
import type { MultiPolygon, Polygon, Position } from "geojson";
import { describe, expect, it } from "vitest";
import { geometryAreaM2 } from "../../geo/sido/area";
import { sidoShares } from "../../geo/sido/sido";
import boundaries from "../../public/data/sido.json";
import { createPartsGrid } from "../support/shapes";

const sumKm2 = (shares: { km2: number }[]) => shares.reduce((a, s) => a + s.km2, 0);
const areaKm2 = (g: Polygon | MultiPolygon) => geometryAreaM2(g) / 1e6;

/** The longest edge of 세종's boundary: two consecutive vertices of the data itself. */
function longSejongEdge(): [Position, Position] {
  const f = boundaries.features.find((b) => b.properties.code === "KR-50");
  const g = f?.geometry as Polygon | MultiPolygon | undefined;
  const rings = g?.type === "Polygon" ? g.coordinates : (g?.coordinates.flat() ?? []);
  let best: [Position, Position] = [
    [0, 0],
    [0, 0],
  ];
  let bestLen = 0;
  for (const ring of rings) {
    for (let i = 0; i + 1 < ring.length; i++) {
      const a = ring[i] as Position;
      const b = ring[i + 1] as Position;
      const len = Math.hypot((b[0] ?? 0) - (a[0] ?? 0), (b[1] ?? 0) - (a[1] ?? 0));
      if (len > bestLen) [best, bestLen] = [[a, b], len];
    }
  }
  return best;
}

/**
 * A thin triangle on one side of edge a→b (its apex `depth` of the edge's length away), so that
 * near a and b it stays within a few degrees of the edge and clear of the next border edges.
 */
function besideEdge(a: Position, b: Position, side: 1 | -1, depth = 0.02): Polygon {
  const [ax = 0, ay = 0] = a;
  const [bx = 0, by = 0] = b;
  const apex = [(ax + bx) / 2 - (by - ay) * side * depth, (ay + by) / 2 + (bx - ax) * side * depth];
  const ring = [[ax, ay], [bx, by], apex, [ax, ay]];
  return { type: "Polygon", coordinates: [side === 1 ? ring : ring.reverse()] };
}

describe("a parcel traced along a 시·도 border", () => {
  const [a, b] = longSejongEdge();

  it.each([1, -1] as const)("lies wholly on one side (side %i)", (side) => {
    const parcel = besideEdge(a, b, side);
    const shares = sidoShares([parcel]);
    expect(sumKm2(shares)).toBeCloseTo(areaKm2(parcel), 6);
    // Its edge is the border itself: not a square metre lands on the other side (the split may
    // move a touching parcel by a fraction of a millimetre, a few hundredths of a m² here).
    expect(shares.slice(1).every((s) => s.km2 < 1e-6)).toBe(true);
  });

  it("puts the two sides in two 시·도, one of them 세종", () => {
    const codes = [1, -1].map((side) => sidoShares([besideEdge(a, b, side as 1 | -1)])[0]?.code);
    expect(new Set(codes).size).toBe(2);
    expect(codes).toContain("KR-50");
  });

  it("splits a square with a corner on a border vertex exactly", () => {
    const [x = 0, y = 0] = a;
    const d = 0.0008;
    const square: Polygon = {
      type: "Polygon",
      coordinates: [
        [
          [x - d, y - d],
          [x + d, y - d],
          [x + d, y + d],
          [x - d, y + d],
          [x - d, y - d],
        ],
      ],
    };
    const corner: Polygon = {
      type: "Polygon",
      coordinates: [
        [
          [x, y],
          [x + d, y],
          [x + d, y + d],
          [x, y + d],
          [x, y],
        ],
      ],
    };
    for (const g of [square, corner]) {
      expect(sumKm2(sidoShares([g]))).toBeCloseTo(areaKm2(g), 6);
    }
  });
});

describe("one parcel of many parts across the 세종/충남/충북 borders", () => {
  const parcel = createPartsGrid(127.1, 36.45, 2000);

  it("has shares that add up to its area", () => {
    const shares = sidoShares([parcel]);
    expect(shares.length).toBeGreaterThan(1);
    expect(sumKm2(shares)).toBeCloseTo(areaKm2(parcel), 6);
  });

  it("splits as its parts do one by one", () => {
    const byPart = new Map<string, number>();
    for (const coordinates of parcel.coordinates) {
      for (const s of sidoShares([{ type: "Polygon", coordinates }])) {
        byPart.set(s.code, (byPart.get(s.code) ?? 0) + s.km2);
      }
    }
    for (const s of sidoShares([parcel])) expect(s.km2).toBeCloseTo(byPart.get(s.code) ?? 0, 6);
  });
});
