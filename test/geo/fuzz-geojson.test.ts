/**
 * Fuzzing the filing reader and checker through `czd check` (issue 8): generated filings with
 * hostile values, any JSON at all, and a valid filing truncated or with bytes changed. Every run
 * must end in an honest report or one clear line (test/support/fuzz.ts). Seeds are fixed, so a
 * failure replays.
 */
import fc from "fast-check";
import type { Position } from "geojson";
import { describe, expect, it } from "vitest";
import { expectHonest, runCli, tempFile } from "../support/fuzz";
import { createGeodesicCircle } from "../support/zones";

const HOSTILE_TEXT = fc.oneof(
  fc.string({ maxLength: 12 }),
  fc.constantFrom(
    "=cmd|' /C calc'!A0",
    '+HYPERLINK("http://x")',
    "-2+3",
    "@SUM(1)",
    "\u001b[2J\u001b[H적합",
    "a\nb\rc\td",
    "\u202eevil",
    "phase-1-2",
    "phase-4",
    "EPSG:5186",
    "KR-11",
    "",
  ),
);

const NUMBER = fc.oneof(
  fc.double({ min: -200, max: 200, noNaN: true }),
  fc.constantFrom(0, 90, -90, 180, -180, 1e308, -1e308, 5e-324, 127.5, 36.5, 1e7),
);

const POSITION: fc.Arbitrary<Position> = fc.oneof(
  fc.tuple(NUMBER, NUMBER),
  fc.tuple(
    fc.double({ min: 124, max: 131, noNaN: true }),
    fc.double({ min: 33, max: 39, noNaN: true }),
  ),
);

const RING = fc.array(POSITION, { minLength: 0, maxLength: 8 }).map((ring) => {
  const first = ring[0];
  return first && ring.length > 2 ? [...ring, first] : ring;
});

const GEOMETRY = fc.oneof(
  fc.record({ type: fc.constant("Polygon"), coordinates: fc.array(RING, { maxLength: 3 }) }),
  fc.record({
    type: fc.constant("MultiPolygon"),
    coordinates: fc.array(fc.array(RING, { maxLength: 2 }), { maxLength: 3 }),
  }),
  fc.record({ type: fc.constantFrom("Point", "LineString", "Bogus"), coordinates: fc.anything() }),
  fc.constant(null),
);

const FEATURE = fc.record({
  type: fc.constantFrom("Feature", "Feature", "feature"),
  properties: fc.oneof(
    fc.record({ id: HOSTILE_TEXT, name: HOSTILE_TEXT }),
    fc.record({
      role: fc.constant("envelope"),
      shape: fc.constantFrom("circle", "belt", "polygon", "star"),
      radiusKm: NUMBER,
      halfWidthKm: NUMBER,
    }),
    fc.constant(null),
  ),
  geometry: GEOMETRY,
});

/** A simple (star-shaped) parcel of a few hundred metres somewhere in Korea, with hostile labels. */
const PARCEL = fc
  .record({
    lon: fc.double({ min: 126.2, max: 129.2, noNaN: true }),
    lat: fc.double({ min: 34.6, max: 37.9, noNaN: true }),
    radii: fc.array(fc.double({ min: 0.0005, max: 0.01, noNaN: true }), {
      minLength: 3,
      maxLength: 9,
    }),
    id: HOSTILE_TEXT,
    name: HOSTILE_TEXT,
  })
  .map(({ lon, lat, radii, id, name }) => {
    const ring: Position[] = radii.map((r, i) => {
      const a = (2 * Math.PI * i) / radii.length;
      return [lon + r * Math.cos(a), lat + r * Math.sin(a)];
    });
    ring.push(ring[0] as Position);
    return {
      type: "Feature",
      properties: { id, name },
      geometry: { type: "Polygon", coordinates: [ring] },
    };
  });

const FILING = fc.record({
  type: fc.constantFrom("FeatureCollection", "FeatureCollection", "FeatureCollection", "Topology"),
  features: fc.array(
    fc.oneof({ weight: 4, arbitrary: PARCEL }, { weight: 1, arbitrary: FEATURE }),
    {
      maxLength: 5,
    },
  ),
  crs: fc.option(
    fc.record({ type: fc.constant("name"), properties: fc.record({ name: HOSTILE_TEXT }) }),
    { nil: undefined, freq: 4 },
  ),
  czd: fc.option(fc.record({ ruleSet: HOSTILE_TEXT, sido: HOSTILE_TEXT, name: HOSTILE_TEXT }), {
    nil: undefined,
  }),
});

/** A small valid filing: two 16-vertex parcels near Jinju. */
function createValidFiling(): string {
  const parcel = (id: string, lon: number) => ({
    type: "Feature",
    properties: { id, name: `지구 ${id}` },
    geometry: createGeodesicCircle([lon, 35.17], 800, 16),
  });
  return JSON.stringify({
    type: "FeatureCollection",
    features: [parcel("P1", 128.14), parcel("P2", 128.16)],
  });
}

const check = (path: string) => runCli(["check", path, "--format", "json"]);

describe("fuzz: czd check on generated and damaged GeoJSON", () => {
  it("generated filings with hostile values", async () => {
    const seen = new Set<number>();
    await fc.assert(
      fc.asyncProperty(FILING, async (filing) => {
        const run = await check(tempFile("gen.geojson", JSON.stringify(filing)));
        expectHonest(run);
        seen.add(run.code);
      }),
      { numRuns: 500, seed: 20260814 },
    );
    expect([...seen].sort()).toEqual([0, 1, 2]);
  });

  it("any JSON value at all", async () => {
    await fc.assert(
      fc.asyncProperty(fc.jsonValue(), async (value) => {
        expectHonest(await check(tempFile("any.geojson", JSON.stringify(value) ?? "null")));
      }),
      { numRuns: 300, seed: 7946 },
    );
  });

  it("a valid filing truncated anywhere", async () => {
    const text = createValidFiling();
    await fc.assert(
      fc.asyncProperty(fc.integer({ min: 0, max: text.length - 1 }), async (cut) => {
        expectHonest(await check(tempFile("cut.geojson", text.slice(0, cut))));
      }),
      { numRuns: 200, seed: 5186 },
    );
  });

  it("a valid filing with bytes changed", async () => {
    const bytes = new TextEncoder().encode(createValidFiling());
    const edit = fc.array(fc.tuple(fc.nat(bytes.length - 1), fc.integer({ min: 0, max: 255 })), {
      minLength: 1,
      maxLength: 6,
    });
    await fc.assert(
      fc.asyncProperty(edit, async (changes) => {
        const mutated = bytes.slice();
        for (const [at, value] of changes) mutated[at] = value;
        expectHonest(await check(tempFile("mutated.geojson", mutated)));
      }),
      { numRuns: 300, seed: 1 },
    );
  });
});
