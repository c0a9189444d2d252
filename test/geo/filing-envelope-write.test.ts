import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { check } from "@placemarkio/check-geojson";
import { describe, expect, it } from "vitest";
import type { FilingErrorCode } from "../../geo/errors";
import { readFiling, zoneToFiling } from "../../geo/filing/filing";
import type { Zone } from "../../geo/types";
import {
  allPositions,
  createFiling,
  createSquare,
  expectFilingError,
  parcelFeature,
} from "../support/filing";

const FIXTURES = join(__dirname, "../fixtures/filing");

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
