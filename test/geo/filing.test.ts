import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { readFiling } from "../../geo/filing/filing";
import {
  allPositions,
  createFiling,
  createSquare,
  expectFilingError,
  parcelFeature,
} from "../support/filing";
import { EXAMPLES } from "../support/paths";

describe("the shared examples", () => {
  it.each(["jinju-two-parcels", "jincheon-cap-15003", "busan-radius-over"])(
    "reads %s as two WGS84 parcels P1, P2",
    (name) => {
      const zone = readFiling(readFileSync(join(EXAMPLES, `${name}.geojson`), "utf8"));
      expect(zone.sourceCrs).toBe("EPSG:4326");
      expect(zone.parcels.map((p) => [p.id, p.name])).toEqual([
        ["P1", "지구 1"],
        ["P2", "지구 2"],
      ]);
      expect(zone.envelope).toBeNull();
      expect(zone.meta).toEqual({});
    },
  );

  it("reprojects jinju-epsg5179 from its crs member to lon/lat near Jinju (128.1°E 35.2°N)", () => {
    const zone = readFiling(readFileSync(join(EXAMPLES, "jinju-epsg5179.geojson"), "utf8"));
    expect(zone.sourceCrs).toBe("EPSG:5179");
    expect(zone.parcels).toHaveLength(1);
    for (const [lon, lat] of allPositions(zone) as [number, number][]) {
      expect(Math.abs(lon - 128.1)).toBeLessThan(0.1);
      expect(Math.abs(lat - 35.2)).toBeLessThan(0.1);
    }
  });
});

describe("malformed input", () => {
  it("NOT_JSON says where parsing stopped", () => {
    const err = expectFilingError('{"type": "FeatureCollection",\n "features": [,]}', "NOT_JSON");
    // The stray comma is on line 2, column 15.
    expect(err.en).toContain("line 2, column 15");
    expect(err.ko).toContain("2행 15열");
  });

  it("NOT_JSON places an error V8 reports by position", () => {
    const err = expectFilingError('{"type": "FeatureCollection",\n "features": [1 2]}', "NOT_JSON");
    expect(err.en).toContain("line 2, column 17");
  });

  it("NOT_JSON for an empty file; a UTF-8 byte-order mark is fine", () => {
    expectFilingError("  \n", "NOT_JSON");
    const text = `\uFEFF${JSON.stringify(createFiling([parcelFeature({ id: "A" })]))}`;
    expect(readFiling(text).parcels[0]?.id).toBe("A");
  });

  it.each([
    ["a number", 42],
    ["an array", []],
    ["an object without type", { features: [] }],
    ["TopoJSON", { type: "Topology", objects: {} }],
    ["a collection without features", { type: "FeatureCollection" }],
    [
      "a feature list entry that is not a Feature",
      createFiling([{ type: "Polygon", coordinates: [] }]),
    ],
  ])("NOT_GEOJSON for %s", (_label, input) => {
    expectFilingError(input, "NOT_GEOJSON");
  });

  it("EMPTY for a collection without features", () => {
    expectFilingError(createFiling([]), "EMPTY");
  });

  it("NO_PARCEL when only points, lines and the envelope are there", () => {
    expectFilingError(
      createFiling([
        {
          type: "Feature",
          properties: { name: "허브" },
          geometry: { type: "Point", coordinates: [127, 37] },
        },
        { type: "Feature", properties: {}, geometry: null },
      ]),
      "NO_PARCEL",
    );
  });

  it.each([
    ["NaN", [Number.NaN, 37]],
    ["a string", ["127.1", 37]],
    ["null", null],
    ["one number", [127.1]],
    ["Infinity", [Number.POSITIVE_INFINITY, 37]],
  ])("BAD_COORDINATES for a position with %s, naming the feature", (_label, bad) => {
    const ring: unknown[] = createSquare(127.3, 36.5);
    ring[2] = bad;
    const err = expectFilingError(
      createFiling([
        parcelFeature({ id: "OK" }),
        {
          type: "Feature",
          id: "feat-2",
          properties: { id: "청주-2" },
          geometry: { type: "Polygon", coordinates: [ring] },
        },
      ]),
      "BAD_COORDINATES",
    );
    expect(err.en).toContain("features[1]");
    expect(err.en).toContain("청주-2");
    expect(err.en).toContain("coordinates[0][2]");
  });

  it("BAD_COORDINATES for a polygon with no rings and for an empty ring", () => {
    expectFilingError(
      createFiling([
        { type: "Feature", properties: {}, geometry: { type: "Polygon", coordinates: [] } },
      ]),
      "BAD_COORDINATES",
    );
    expectFilingError(
      createFiling([
        {
          type: "Feature",
          properties: {},
          geometry: { type: "MultiPolygon", coordinates: [[[]]] },
        },
      ]),
      "BAD_COORDINATES",
    );
  });

  it("UNKNOWN_CRS names the CRS and lists the supported ones", () => {
    const err = expectFilingError(
      createFiling([parcelFeature({ id: "A" })], {
        crs: { type: "name", properties: { name: "urn:ogc:def:crs:EPSG::32652" } },
      }),
      "UNKNOWN_CRS",
    );
    expect(err.en).toContain("urn:ogc:def:crs:EPSG::32652");
    expect(err.en).toContain("EPSG:5186");
    expect(err.ko).toContain("EPSG:5174");
  });

  it("NOT_LONLAT for metres without a crs member, saying so and never guessing", () => {
    const metres = createSquare(0, 0, 500).map(([x, y]) => [
      (x as number) + 200000,
      (y as number) + 450000,
    ]);
    const err = expectFilingError(createFiling([parcelFeature({ id: "A" }, metres)]), "NOT_LONLAT");
    expect(err.en).toMatch(/metres/);
    expect(err.en).toMatch(/crs member/);
    expect(err.en).toMatch(/WGS84/);
    expect(err.ko).toMatch(/crs/);
  });

  it("allows lon/lat far from Korea without guessing anything", () => {
    const zone = readFiling(createFiling([parcelFeature({ id: "A" }, createSquare(2.35, 48.85))]));
    expect(zone.parcels[0]?.geometry.coordinates[0]).toEqual([createSquare(2.35, 48.85)][0]);
  });
});

describe("parcels", () => {
  it("takes ids from properties.id, then feature.id, then P<n> by position", () => {
    const zone = readFiling(
      createFiling([
        parcelFeature({ id: 12, name: "숫자 id" }),
        { ...parcelFeature({ name: "feature id" }), id: "F-2" },
        parcelFeature({}),
        { type: "Feature", properties: {}, geometry: { type: "Point", coordinates: [127, 37] } },
        parcelFeature({ id: "dup" }),
        parcelFeature({ id: "dup" }),
      ]),
    );
    expect(zone.parcels.map((p) => p.id)).toEqual(["12", "F-2", "P3", "dup", "dup"]);
    expect(zone.parcels[0]?.name).toBe("숫자 id");
    expect(zone.parcels[2]?.name).toBeUndefined();
  });

  it("keeps other properties, and drops the derived areaKm2", () => {
    const zone = readFiling(
      createFiling([
        parcelFeature({
          id: "A",
          name: "가",
          landUse: "산업",
          areaKm2: 1.2,
          owner: { 시: "청주" },
        }),
      ]),
    );
    expect(zone.parcels[0]?.properties).toEqual({ landUse: "산업", owner: { 시: "청주" } });
  });

  it("passes self-crossing, unclosed and short rings through unchanged", () => {
    const bowTie = [
      [126.5, 33.25],
      [126.52, 33.27],
      [126.52, 33.25],
      [126.5, 33.27],
      [126.5, 33.25],
    ];
    const unclosed = createSquare(126.56, 33.26).slice(0, 4);
    const short = [
      [126.6, 33.25],
      [126.61, 33.25],
      [126.6, 33.25],
    ];
    const zone = readFiling(
      createFiling([bowTie, unclosed, short].map((r, i) => parcelFeature({ id: `J${i}` }, r))),
    );
    expect(zone.parcels.map((p) => p.geometry.coordinates[0])).toEqual([bowTie, unclosed, short]);
  });

  it("does not alias the input object", () => {
    const input = createFiling([parcelFeature({ id: "A" })]);
    const zone = readFiling(input);
    (zone.parcels[0]?.geometry.coordinates[0]?.[0] as number[])[0] = 0;
    expect(
      (input.features[0] as ReturnType<typeof parcelFeature>).geometry.coordinates[0]?.[0]?.[0],
    ).toBeCloseTo(127.29, 10);
  });

  it("wraps a bare Polygon and a bare Feature", () => {
    expect(
      readFiling({ type: "Polygon", coordinates: [createSquare(127, 37)] }).parcels[0]?.id,
    ).toBe("P1");
    expect(readFiling(parcelFeature({ id: "solo" })).parcels[0]?.id).toBe("solo");
  });

  it("joins a GeometryCollection's polygons into one MultiPolygon parcel", () => {
    const zone = readFiling(
      createFiling([
        {
          type: "Feature",
          properties: { id: "GC" },
          geometry: {
            type: "GeometryCollection",
            geometries: [
              { type: "Polygon", coordinates: [createSquare(127, 37)] },
              { type: "Point", coordinates: [127, 37] },
              {
                type: "MultiPolygon",
                coordinates: [[createSquare(127.1, 37)], [createSquare(127.2, 37)]],
              },
            ],
          },
        },
      ]),
    );
    const geometry = zone.parcels[0]?.geometry;
    expect(geometry?.type).toBe("MultiPolygon");
    expect(geometry?.coordinates).toHaveLength(3);
  });

  it("keeps the czd member as meta, and ignores one that is not an object", () => {
    const czd = {
      name: "세종 클러스터",
      sido: "KR-50",
      ruleSet: "phase-3",
      createdAt: "2024-05-02",
      extra: [1],
    };
    expect(readFiling(createFiling([parcelFeature({})], { czd })).meta).toEqual(czd);
    expect(readFiling(createFiling([parcelFeature({})], { czd: "세종" })).meta).toEqual({});
  });
});
