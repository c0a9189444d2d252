import { booleanPointInPolygon } from "@turf/turf";
import fc from "fast-check";
import type { MultiPolygon, Polygon, Position } from "geojson";
import { describe, expect, it } from "vitest";
import { countHubs, indexHubSources, indexHubs } from "../../geo/hubs";
import type { Hub } from "../../geo/types";
import { createPolygon, createRect } from "../support/shapes";

function createPoint(name: string, type: string, lon: number, lat: number): Hub {
  return { name, type, geometry: { type: "Point", coordinates: [lon, lat] } };
}

function createAreaHub(name: string, type: string, geometry: Polygon | MultiPolygon): Hub {
  return { name, type, geometry };
}

/** The 0.1° square [128, 35]–[128.1, 35.1] near 진주. */
const square = createPolygon(createRect(128, 35, 128.1, 35.1));

describe("countHubs: point hubs", () => {
  it("counts a hub strictly inside and reports all six types plus total", () => {
    const index = indexHubs([createPoint("a", "technopark", 128.05, 35.05)]);
    expect(countHubs(index, [square])).toEqual({
      counts: {
        innovation_city: 0,
        industrial_complex: 0,
        free_economic_zone: 0,
        technopark: 1,
        enterprise_city: 0,
        rnd_special_zone: 0,
        total: 1,
      },
      partial: [],
      sources: [],
    });
  });

  it("does not count a hub on an edge or at a vertex", () => {
    const index = indexHubs([
      createPoint("south edge", "technopark", 128.05, 35),
      createPoint("east edge", "technopark", 128.1, 35.05),
      createPoint("corner", "technopark", 128, 35),
      createPoint("top corner", "technopark", 128.1, 35.1),
    ]);
    expect(countHubs(index, [square]).counts.total).toBe(0);
  });

  it("does not count a hub on a slanted edge", () => {
    const triangle = createPolygon([
      [128, 35],
      [129, 36],
      [129, 35],
      [128, 35],
    ]);
    const index = indexHubs([
      createPoint("on hypotenuse", "technopark", 128.5, 35.5),
      createPoint("inside", "technopark", 128.75, 35.25),
      createPoint("outside", "technopark", 128.25, 35.75),
    ]);
    expect(countHubs(index, [triangle]).counts.total).toBe(1);
  });

  it("does not count a hub in a hole or on the hole's edge", () => {
    const holed = createPolygon(
      createRect(128, 35, 128.1, 35.1),
      createRect(128.04, 35.04, 128.06, 35.06),
    );
    const index = indexHubs([
      createPoint("in hole", "technopark", 128.05, 35.05),
      createPoint("on hole edge", "technopark", 128.04, 35.05),
      createPoint("in the ring of land", "technopark", 128.02, 35.02),
    ]);
    const { counts } = countHubs(index, [holed]);
    expect(counts.technopark).toBe(1);
    expect(counts.total).toBe(1);
  });

  it("counts a hub in two overlapping parcels once", () => {
    const other = createPolygon(createRect(128.05, 35.05, 128.2, 35.2));
    const index = indexHubs([createPoint("shared", "innovation_city", 128.07, 35.07)]);
    const { counts } = countHubs(index, [square, other]);
    expect(counts.innovation_city).toBe(1);
    expect(counts.total).toBe(1);
  });

  it("counts a hub on one parcel's edge that lies inside another", () => {
    const other = createPolygon(createRect(128.05, 35.05, 128.2, 35.2));
    const index = indexHubs([createPoint("edge of square", "technopark", 128.1, 35.07)]);
    expect(countHubs(index, [square, other]).counts.total).toBe(1);
  });

  it("counts other type ids under their own key", () => {
    const index = indexHubs([
      createPoint("세종", "happy_city", 128.01, 35.01),
      createPoint("세종 2", "happy_city", 128.02, 35.01),
      createPoint("산단", "industrial_complex", 128.03, 35.01),
      createPoint("far", "medical_complex", 127, 36),
    ]);
    const { counts } = countHubs(index, [square]);
    expect(counts.happy_city).toBe(2);
    expect(counts.industrial_complex).toBe(1);
    expect(counts.medical_complex).toBeUndefined();
    expect(counts.total).toBe(3);
  });

  it("tests each part of a MultiPolygon parcel", () => {
    const multi: MultiPolygon = {
      type: "MultiPolygon",
      coordinates: [[createRect(128, 35, 128.01, 35.01)], [createRect(128.5, 35, 128.51, 35.01)]],
    };
    const index = indexHubs([
      createPoint("first", "technopark", 128.005, 35.005),
      createPoint("second", "technopark", 128.505, 35.005),
      createPoint("between", "technopark", 128.25, 35.005),
    ]);
    expect(countHubs(index, [multi]).counts.total).toBe(2);
  });

  it("counts nothing with no hubs or no parcels", () => {
    expect(countHubs(indexHubs([]), [square]).counts.total).toBe(0);
    const index = indexHubs([createPoint("a", "technopark", 128.05, 35.05)]);
    expect(countHubs(index, []).counts.total).toBe(0);
  });
});

describe("countHubs: area hubs", () => {
  it("counts an area hub half inside and lists it with share 0.5", () => {
    // Lon 128.05–128.15 over the same latitude band: exactly half its area west of 128.1.
    const hub = createAreaHub(
      "반쯤 산단",
      "industrial_complex",
      createPolygon(createRect(128.05, 35.02, 128.15, 35.04)),
    );
    const { counts, partial } = countHubs(indexHubs([hub]), [square]);
    expect(counts.industrial_complex).toBe(1);
    expect(counts.total).toBe(1);
    expect(partial).toHaveLength(1);
    expect(partial[0]?.name).toBe("반쯤 산단");
    expect(partial[0]?.type).toBe("industrial_complex");
    expect(partial[0]?.shareInside).toBeCloseTo(0.5, 3);
  });

  it("counts an area hub wholly inside without listing it as partial", () => {
    const hub = createAreaHub(
      "산단",
      "industrial_complex",
      createPolygon(createRect(128.02, 35.02, 128.04, 35.04)),
    );
    expect(countHubs(indexHubs([hub]), [square])).toMatchObject({
      counts: { industrial_complex: 1, total: 1 },
      partial: [],
    });
  });

  it("splits an area hub's share over two parcels without double counting overlap", () => {
    // Hub lon 128.08–128.12; parcels: the square (to 128.1) and one covering 128.09–128.2.
    // Union covers the hub from 128.08 to 128.12: all of it.
    const hub = createAreaHub(
      "산단",
      "industrial_complex",
      createPolygon(createRect(128.08, 35.02, 128.12, 35.04)),
    );
    const other = createPolygon(createRect(128.09, 35, 128.2, 35.1));
    const result = countHubs(indexHubs([hub]), [square, other]);
    expect(result.counts.total).toBe(1);
    expect(result.partial).toEqual([]);
  });

  it("does not count an area hub that only shares an edge or sits in a bbox notch", () => {
    const touching = createAreaHub(
      "touching",
      "industrial_complex",
      createPolygon(createRect(128.1, 35.02, 128.2, 35.04)),
    );
    // L-shaped parcel; the hub sits in the notch, inside the bbox but outside the land.
    const lShape = createPolygon([
      [128, 35],
      [128.1, 35],
      [128.1, 35.05],
      [128.05, 35.05],
      [128.05, 35.1],
      [128, 35.1],
      [128, 35],
    ]);
    const notch = createAreaHub(
      "notch",
      "technopark",
      createPolygon(createRect(128.07, 35.07, 128.09, 35.09)),
    );
    expect(countHubs(indexHubs([touching]), [square]).counts.total).toBe(0);
    expect(countHubs(indexHubs([notch]), [lShape]).counts.total).toBe(0);
  });
});

/** A star-shaped simple polygon: vertices at increasing angles and radii in [rMin, rMax]. */
const starArb = fc
  .record({
    cx: fc.integer({ min: -20, max: 20 }),
    cy: fc.integer({ min: -20, max: 20 }),
    radii: fc.array(fc.double({ min: 4, max: 15, noNaN: true }), { minLength: 3, maxLength: 24 }),
    hole: fc.boolean(),
  })
  .map(({ cx, cy, radii, hole }): Polygon => {
    const ring = (r: (i: number) => number, n: number, reverse: boolean): Position[] => {
      const pts: Position[] = [];
      for (let i = 0; i < n; i++) {
        const a = ((reverse ? -i : i) / n) * 2 * Math.PI;
        pts.push([cx + r(i) * Math.cos(a), cy + r(i) * Math.sin(a)]);
      }
      pts.push(pts[0] as Position);
      return pts;
    };
    const outer = ring((i) => radii[i] as number, radii.length, false);
    // Every edge of the outer ring stays ≥ 4·cos(60°) = 2 from the centre; a hole of radius 1.5 fits.
    return createPolygon(...(hole ? [outer, ring(() => 1.5, 7, true)] : [outer]));
  });

/** Axis-aligned integer rectangles: points on their edges and corners happen often, and exactly. */
const rectArb = fc
  .tuple(
    fc.integer({ min: -30, max: 25 }),
    fc.integer({ min: -30, max: 25 }),
    fc.integer({ min: 1, max: 20 }),
    fc.integer({ min: 1, max: 20 }),
  )
  .map(([x, y, w, h]) => createPolygon(createRect(x, y, x + w, y + h)));

const hubTypeArb = fc.constantFrom("innovation_city", "technopark", "happy_city");
const pointArb = fc.oneof(
  fc.tuple(fc.integer({ min: -40, max: 40 }), fc.integer({ min: -40, max: 40 }), hubTypeArb),
  fc.tuple(
    fc.double({ min: -40, max: 40, noNaN: true }),
    fc.double({ min: -40, max: 40, noNaN: true }),
    hubTypeArb,
  ),
);

describe("countHubs: agrees with Turf's booleanPointInPolygon", () => {
  it("total equals a brute-force count over random points and polygons", () => {
    fc.assert(
      fc.property(
        fc.array(fc.oneof(starArb, rectArb), { minLength: 1, maxLength: 4 }),
        fc.array(pointArb, { minLength: 0, maxLength: 200 }),
        (parcels, points) => {
          const hubs = points.map(([x, y, type], i) => createPoint(`h${i}`, type, x, y));
          const inside = hubs.filter((hub) =>
            parcels.some((p) =>
              booleanPointInPolygon(hub.geometry.coordinates as Position, p, {
                ignoreBoundary: true,
              }),
            ),
          );
          const expected: Record<string, number> = {};
          for (const hub of inside) expected[hub.type] = (expected[hub.type] ?? 0) + 1;
          const { counts } = countHubs(indexHubs(hubs), parcels);
          expect(counts.total).toBe(inside.length);
          for (const type of ["innovation_city", "technopark", "happy_city"]) {
            expect(counts[type] ?? 0).toBe(expected[type] ?? 0);
          }
        },
      ),
      { numRuns: 300 },
    );
  });
});

describe("countHubs: named sources (the report's hubs.sources)", () => {
  it("says how many hubs of each source counted, listing a source with none", () => {
    const index = indexHubSources([
      { name: "a.csv", hubs: [createPoint("in", "technopark", 128.05, 35.05)] },
      { name: "b.geojson", hubs: [createPoint("out", "technopark", 129, 36)] },
      {
        name: "c.zip",
        hubs: [
          createPoint("in too", "innovation_city", 128.02, 35.02),
          createAreaHub(
            "half",
            "industrial_complex",
            createPolygon(createRect(128.09, 35, 128.11, 35.01)),
          ),
        ],
      },
    ]);
    const tally = countHubs(index, [square]);
    expect(tally.counts.total).toBe(3);
    expect(tally.sources).toEqual([
      { name: "a.csv", count: 1 },
      { name: "b.geojson", count: 0 },
      { name: "c.zip", count: 2 },
    ]);
  });
});
