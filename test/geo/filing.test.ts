import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { check } from "@placemarkio/check-geojson";
import type { Position } from "geojson";
import { describe, expect, it } from "vitest";
import { FilingError, type FilingErrorCode } from "../../geo/errors";
import { readFiling, zoneToFiling } from "../../geo/filing";
import type { Zone } from "../../geo/types";

const EXAMPLES = "/work/shared/examples";
const FIXTURES = join(__dirname, "../fixtures/filing");

/** The FilingError `read` throws; fails the test when it throws nothing or something else. */
function errorOf(read: () => unknown): FilingError {
  try {
    read();
  } catch (e) {
    if (e instanceof FilingError) return e;
    throw e;
  }
  throw new Error("expected a FilingError, got none");
}

function expectFilingError(input: unknown, code: FilingErrorCode): FilingError {
  const err = errorOf(() => readFiling(input));
  expect(err.code).toBe(code);
  expect(err.ko.length).toBeGreaterThan(5);
  expect(err.en.length).toBeGreaterThan(5);
  // The Korean text is Korean, the English text English (ids may be Korean in both).
  expect(err.ko).toMatch(/[가-힣]{2}/);
  expect(err.en).toMatch(/\b(the|is|are|a|an|not|no|must|needs)\b/i);
  expect(err.en).not.toBe(err.ko);
  return err;
}

const createSquare = (lon: number, lat: number, halfDeg = 0.01): Position[] => [
  [lon - halfDeg, lat - halfDeg],
  [lon + halfDeg, lat - halfDeg],
  [lon + halfDeg, lat + halfDeg],
  [lon - halfDeg, lat + halfDeg],
  [lon - halfDeg, lat - halfDeg],
];

const createFiling = (features: unknown[], extra: Record<string, unknown> = {}) => ({
  type: "FeatureCollection",
  ...extra,
  features,
});

const parcelFeature = (props: Record<string, unknown>, ring = createSquare(127.3, 36.5)) => ({
  type: "Feature",
  properties: props,
  geometry: { type: "Polygon", coordinates: [ring] },
});

function allPositions(zone: Zone): Position[] {
  return zone.parcels.flatMap((p) =>
    p.geometry.type === "Polygon" ? p.geometry.coordinates.flat() : p.geometry.coordinates.flat(2),
  );
}

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
        crs: { type: "name", properties: { name: "urn:ogc:def:crs:EPSG::2097" } },
      }),
      "UNKNOWN_CRS",
    );
    expect(err.en).toContain("urn:ogc:def:crs:EPSG::2097");
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

describe("the envelope", () => {
  const envelope = (shape: unknown, geometry: unknown, props: Record<string, unknown> = {}) => ({
    type: "Feature",
    properties: { role: "envelope", shape, ...props },
    geometry,
  });

  it("reads a circle, a belt and a polygon, none of them a parcel", () => {
    const circle = readFiling(
      createFiling([
        parcelFeature({}),
        envelope("circle", { type: "Point", coordinates: [127.3, 36.5] }, { radiusKm: 20 }),
      ]),
    );
    expect(circle.envelope).toEqual({ shape: "circle", center: [127.3, 36.5], radiusKm: 20 });
    expect(circle.parcels).toHaveLength(1);
    const axis = [
      [127.2, 36.4],
      [127.4, 36.6],
    ];
    const belt = readFiling(
      createFiling([
        parcelFeature({}),
        envelope("belt", { type: "LineString", coordinates: axis }, { halfWidthKm: 5 }),
      ]),
    );
    expect(belt.envelope).toEqual({ shape: "belt", axis, halfWidthKm: 5 });
    const ring = createSquare(127.3, 36.5, 0.2);
    const polygon = readFiling(
      createFiling([
        parcelFeature({}),
        envelope("polygon", { type: "Polygon", coordinates: [ring] }),
      ]),
    );
    expect(polygon.envelope).toEqual({
      shape: "polygon",
      polygon: { type: "Polygon", coordinates: [ring] },
    });
    expect(polygon.parcels).toHaveLength(1);
  });

  it.each([
    [
      "two envelopes",
      [
        envelope("circle", { type: "Point", coordinates: [127, 37] }, { radiusKm: 5 }),
        envelope("circle", { type: "Point", coordinates: [127, 37] }, { radiusKm: 6 }),
      ],
    ],
    ["a circle without radiusKm", [envelope("circle", { type: "Point", coordinates: [127, 37] })]],
    [
      "a circle with radiusKm 0",
      [envelope("circle", { type: "Point", coordinates: [127, 37] }, { radiusKm: 0 })],
    ],
    [
      "a circle with radiusKm as text",
      [envelope("circle", { type: "Point", coordinates: [127, 37] }, { radiusKm: "20" })],
    ],
    [
      "a circle on a Polygon",
      [
        envelope(
          "circle",
          { type: "Polygon", coordinates: [createSquare(127, 37)] },
          { radiusKm: 5 },
        ),
      ],
    ],
    [
      "a belt of one position",
      [envelope("belt", { type: "LineString", coordinates: [[127, 37]] }, { halfWidthKm: 5 })],
    ],
    [
      "a belt without halfWidthKm",
      [
        envelope("belt", {
          type: "LineString",
          coordinates: [
            [127, 37],
            [127.1, 37],
          ],
        }),
      ],
    ],
    [
      "a belt with a bad position",
      [
        envelope(
          "belt",
          {
            type: "LineString",
            coordinates: [
              [127, 37],
              ["x", 37],
            ],
          },
          { halfWidthKm: 5 },
        ),
      ],
    ],
    [
      "an unknown shape",
      [envelope("ellipse", { type: "Polygon", coordinates: [createSquare(127, 37)] })],
    ],
    ["no geometry", [envelope("polygon", null)]],
  ])("BAD_ENVELOPE for %s", (_label, envelopes) => {
    expectFilingError(createFiling([parcelFeature({}), ...envelopes]), "BAD_ENVELOPE");
  });

  it("reprojects the envelope with the parcels", () => {
    const zone = readFiling(
      createFiling(
        [
          parcelFeature(
            {},
            createSquare(0, 0, 500).map(([x, y]) => [
              (x as number) + 200000,
              (y as number) + 600000,
            ]),
          ),
          envelope("circle", { type: "Point", coordinates: [200000, 600000] }, { radiusKm: 10 }),
        ],
        { crs: { type: "name", properties: { name: "urn:ogc:def:crs:EPSG::5186" } } },
      ),
    );
    const center = zone.envelope?.shape === "circle" ? zone.envelope.center : [];
    expect(center[0]).toBeCloseTo(127, 9);
    expect(center[1]).toBeCloseTo(38, 9);
  });
});

describe("zoneToFiling", () => {
  const createZone = (): Zone => ({
    parcels: [
      {
        id: "SJ-1",
        name: "세종 1지구",
        geometry: { type: "Polygon", coordinates: [createSquare(127.28, 36.48)] },
        properties: { landUse: "산업" },
      },
      {
        id: "SJ-2",
        geometry: { type: "MultiPolygon", coordinates: [[createSquare(127.31, 36.5, 0.005)]] },
        properties: {},
      },
    ],
    envelope: {
      shape: "belt",
      axis: [
        [127.27, 36.47],
        [127.32, 36.51],
      ],
      halfWidthKm: 4,
    },
    meta: {
      name: "세종 클러스터",
      sido: "KR-50",
      ruleSet: "phase-3",
      createdAt: "2024-05-02T09:00:00+09:00",
    },
    sourceCrs: "EPSG:4326",
  });

  it("round-trips: readFiling(zoneToFiling(zone)) equals zone, through JSON text too", () => {
    const zone = createZone();
    expect(readFiling(zoneToFiling(zone))).toStrictEqual(zone);
    expect(readFiling(JSON.stringify(zoneToFiling(zone, { areasKm2: [4.9, 0.98] })))).toStrictEqual(
      zone,
    );
    for (const env of [
      { shape: "circle" as const, center: [127.3, 36.49], radiusKm: 10 },
      {
        shape: "polygon" as const,
        polygon: { type: "Polygon" as const, coordinates: [createSquare(127.3, 36.5, 0.1)] },
      },
      null,
    ]) {
      const other = { ...createZone(), envelope: env };
      expect(readFiling(zoneToFiling(other))).toStrictEqual(other);
    }
  });

  it("writes ids, names, areas, the envelope and the czd member with the report", () => {
    const filing = zoneToFiling(createZone(), {
      areasKm2: [4.9, 0.98],
      report: { verdict: "pass" },
    });
    expect(filing.features.map((f) => f.properties)).toEqual([
      { id: "SJ-1", name: "세종 1지구", landUse: "산업", areaKm2: 4.9 },
      { id: "SJ-2", areaKm2: 0.98 },
      { role: "envelope", shape: "belt", halfWidthKm: 4 },
    ]);
    expect(filing.czd).toEqual({ ...createZone().meta, report: { verdict: "pass" } });
  });

  it("writes RFC 7946 GeoJSON that check-geojson accepts", () => {
    const text = JSON.stringify(
      zoneToFiling(createZone(), { areasKm2: [4.9, 0.98], report: { verdict: "pass" } }),
    );
    expect(() => check(text)).not.toThrow();
    expect(() =>
      check(
        '{"type":"FeatureCollection","features":[{"type":"Feature","geometry":{"type":"Polygon","coordinates":[[[1,2]]]}}]}',
      ),
    ).toThrow();
  });
});

describe("fixtures", () => {
  const passDir = join(FIXTURES, "pass");
  const failDir = join(FIXTURES, "fail");

  it.each(readdirSync(passDir))("pass/%s", (file) => {
    const text = readFileSync(join(passDir, file), "utf8");
    const expected = (JSON.parse(text) as { expected: Record<string, unknown> }).expected as {
      sourceCrs: string;
      parcels: string[];
      envelope: string | null;
      near: [number, number];
      firstVertex?: [number, number];
    };
    const zone = readFiling(text);
    expect(zone.sourceCrs).toBe(expected.sourceCrs);
    expect(zone.parcels.map((p) => p.id)).toEqual(expected.parcels);
    expect(zone.envelope?.shape ?? null).toBe(expected.envelope);
    const positions = allPositions(zone) as [number, number][];
    const meanLon = positions.reduce((s, p) => s + p[0], 0) / positions.length;
    const meanLat = positions.reduce((s, p) => s + p[1], 0) / positions.length;
    expect(Math.abs(meanLon - expected.near[0])).toBeLessThan(0.05);
    expect(Math.abs(meanLat - expected.near[1])).toBeLessThan(0.05);
    if (expected.firstVertex) {
      // Written with Snyder's TM series (USGS PP 1395), an independent method: agree to ~1 cm.
      const first = positions[0] as [number, number];
      expect(Math.abs(first[0] - expected.firstVertex[0])).toBeLessThan(1e-7);
      expect(Math.abs(first[1] - expected.firstVertex[1])).toBeLessThan(1e-7);
    }
  });

  it.each(readdirSync(failDir))("fail/%s", (file) => {
    const code = file.split(".")[0] as FilingErrorCode;
    expectFilingError(readFileSync(join(failDir, file), "utf8"), code);
  });
});
