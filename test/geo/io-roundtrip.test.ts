/** Export then import gives back the same parcels: ids, names (Korean too) and areas. */
import fc from "fast-check";
import type { Polygon, Position } from "geojson";
import { describe, expect, it } from "vitest";
import { exportZone, importZone } from "../../geo/io/registry";
import { geodesicAreaM2 } from "../../geo/measure/measure";
import type { Envelope, Parcel, Zone } from "../../geo/types";

/** A rectangle with an optional rectangular hole, [lon, lat], counter-clockwise outer ring. */
function createParcel(
  id: string,
  name: string,
  lon: number,
  lat: number,
  wDeg: number,
  hDeg: number,
  hole: boolean,
): Parcel {
  const ring = (x0: number, y0: number, x1: number, y1: number): Position[] => [
    [x0, y0],
    [x1, y0],
    [x1, y1],
    [x0, y1],
    [x0, y0],
  ];
  const rings = [ring(lon, lat, lon + wDeg, lat + hDeg)];
  if (hole)
    rings.push(ring(lon + wDeg / 4, lat + hDeg / 4, lon + wDeg / 2, lat + hDeg / 2).reverse());
  const geometry: Polygon = { type: "Polygon", coordinates: rings };
  return { id, name, geometry, properties: {} };
}

const hangul = fc.integer({ min: 0xac00, max: 0xd7a3 }).map((cp) => String.fromCharCode(cp));
const name = fc
  .array(fc.oneof(hangul, fc.constantFrom(" ", "1", "A")), { minLength: 1, maxLength: 12 })
  .map((cs) => cs.join("").trim() || "지구");

const zoneArb = fc
  .array(
    fc.record({
      name,
      lon: fc.double({ min: 126.2, max: 128.8, noNaN: true }),
      lat: fc.double({ min: 34.6, max: 37.8, noNaN: true }),
      w: fc.double({ min: 0.002, max: 0.03, noNaN: true }),
      h: fc.double({ min: 0.002, max: 0.03, noNaN: true }),
      hole: fc.boolean(),
    }),
    { minLength: 1, maxLength: 4 },
  )
  .map(
    (specs): Zone => ({
      parcels: specs.map((s, i) =>
        createParcel(`P${i + 1}`, s.name, s.lon, s.lat, s.w, s.h, s.hole),
      ),
      envelope: null,
      meta: {},
      sourceCrs: "EPSG:4326",
    }),
  );

const FORMATS = ["geojson", "geojson-5186", "geojson-5179", "shp", "shp-cp949"];

describe("export then import", () => {
  for (const id of FORMATS) {
    it(`${id}: same ids, names and areas (within 0.01 m²)`, async () => {
      await fc.assert(
        fc.asyncProperty(zoneArb, async (zone) => {
          const file = await exportZone(zone, id, "zone");
          const bytes =
            typeof file.data === "string" ? new TextEncoder().encode(file.data) : file.data;
          const back = await importZone(bytes, file.fileName);
          expect(back.parcels.map((p) => p.id)).toEqual(zone.parcels.map((p) => p.id));
          expect(back.parcels.map((p) => p.name)).toEqual(zone.parcels.map((p) => p.name));
          back.parcels.forEach((p, i) => {
            const before = geodesicAreaM2((zone.parcels[i] as Parcel).geometry);
            expect(Math.abs(geodesicAreaM2(p.geometry) - before)).toBeLessThan(0.01);
            expect(p.geometry.type === "Polygon" ? p.geometry.coordinates.length : 0).toBe(
              (zone.parcels[i] as Parcel).geometry.coordinates.length,
            );
          });
        }),
        { numRuns: 20 },
      );
    });
  }

  it("keeps a circle envelope and the czd member through GeoJSON in a TM plane", async () => {
    const zone: Zone = {
      parcels: [createParcel("A", "가", 127.1, 36.5, 0.01, 0.01, false)],
      envelope: { shape: "circle", center: [127.105, 36.505], radiusKm: 5 },
      meta: { name: "시험 지구", sido: "KR-44" },
      sourceCrs: "EPSG:4326",
    };
    const file = await exportZone(zone, "geojson-5186", "z");
    const back = await importZone(new TextEncoder().encode(file.data as string), file.fileName);
    expect(back.meta).toMatchObject({ name: "시험 지구", sido: "KR-44" });
    expect(back.envelope?.shape).toBe("circle");
    if (back.envelope?.shape !== "circle") return;
    expect(back.envelope.radiusKm).toBe(5);
    expect(back.envelope.center[0]).toBeCloseTo(127.105, 9);
    expect(back.envelope.center[1]).toBeCloseTo(36.505, 9);
  });

  const envelopes: Envelope[] = [
    { shape: "circle", center: [127.105, 36.505], radiusKm: 5.25 },
    {
      shape: "belt",
      axis: [
        [127.1, 36.5],
        [127.2, 36.6],
        [127.3, 36.62],
      ],
      halfWidthKm: 4.5,
    },
    {
      shape: "polygon",
      polygon: {
        type: "Polygon",
        coordinates: [
          [
            [127, 36.4],
            [127.2, 36.4],
            [127.2, 36.6],
            [127, 36.6],
            [127, 36.4],
          ],
        ],
      },
    },
  ];
  for (const envelope of envelopes) {
    it(`keeps a ${envelope.shape} envelope through a Shapefile (its own layer)`, async () => {
      const zone: Zone = {
        parcels: [createParcel("A", "가", 127.1, 36.5, 0.01, 0.01, false)],
        envelope,
        meta: {},
        sourceCrs: "EPSG:4326",
      };
      const file = await exportZone(zone, "shp-cp949", "z");
      const back = await importZone(file.data as Uint8Array, file.fileName);
      const got = back.envelope;
      expect(got?.shape).toBe(envelope.shape);
      const flat = (e: Envelope | null): number[] =>
        e === null
          ? []
          : e.shape === "circle"
            ? [...e.center, e.radiusKm]
            : e.shape === "belt"
              ? [...e.axis.flat(), e.halfWidthKm]
              : e.polygon.coordinates.flat(2);
      const want = flat(envelope);
      const have = flat(got ?? null);
      expect(have).toHaveLength(want.length);
      have.forEach((v, i) => {
        expect(v).toBeCloseTo(want[i] as number, 9);
      });
    });
  }
});
