import { readFileSync } from "node:fs";
import { join } from "node:path";
import fc from "fast-check";
import type { FeatureCollection, Polygon, Position } from "geojson";
import proj4 from "proj4";
import { describe, expect, it } from "vitest";
import { FilingError } from "../../geo/errors";
import {
  fromLonLat,
  normalizeCrs,
  reprojectGeometry,
  SUPPORTED_CRS,
  toLonLat,
} from "../../geo/measure/crs";
import { EXAMPLES } from "../support/paths";

/** The PROJ strings epsg.io gives for these codes: an independent implementation to compare with. */
const EPSG_IO_PROJ4: Record<string, string> = {
  "EPSG:5179":
    "+proj=tmerc +lat_0=38 +lon_0=127.5 +k=0.9996 +x_0=1000000 +y_0=2000000 +ellps=GRS80 +units=m +no_defs",
  "EPSG:5185":
    "+proj=tmerc +lat_0=38 +lon_0=125 +k=1 +x_0=200000 +y_0=600000 +ellps=GRS80 +units=m +no_defs",
  "EPSG:5186":
    "+proj=tmerc +lat_0=38 +lon_0=127 +k=1 +x_0=200000 +y_0=600000 +ellps=GRS80 +units=m +no_defs",
  "EPSG:5187":
    "+proj=tmerc +lat_0=38 +lon_0=129 +k=1 +x_0=200000 +y_0=600000 +ellps=GRS80 +units=m +no_defs",
  "EPSG:5188":
    "+proj=tmerc +lat_0=38 +lon_0=131 +k=1 +x_0=200000 +y_0=600000 +ellps=GRS80 +units=m +no_defs",
  // \`gdalsrsinfo -o proj4 EPSG:5180\` (PROJ's EPSG database), towgs84 of zeros left out.
  "EPSG:5180":
    "+proj=tmerc +lat_0=38 +lon_0=125 +k=1 +x_0=200000 +y_0=500000 +ellps=GRS80 +units=m +no_defs",
  // \`gdalsrsinfo -o proj4 EPSG:5181\` (PROJ's EPSG database), towgs84 of zeros left out.
  "EPSG:5181":
    "+proj=tmerc +lat_0=38 +lon_0=127 +k=1 +x_0=200000 +y_0=500000 +ellps=GRS80 +units=m +no_defs",
  // \`gdalsrsinfo -o proj4 EPSG:5182\` (PROJ's EPSG database), towgs84 of zeros left out.
  "EPSG:5182":
    "+proj=tmerc +lat_0=38 +lon_0=127 +k=1 +x_0=200000 +y_0=550000 +ellps=GRS80 +units=m +no_defs",
  // \`gdalsrsinfo -o proj4 EPSG:5183\` (PROJ's EPSG database), towgs84 of zeros left out.
  "EPSG:5183":
    "+proj=tmerc +lat_0=38 +lon_0=129 +k=1 +x_0=200000 +y_0=500000 +ellps=GRS80 +units=m +no_defs",
  // \`gdalsrsinfo -o proj4 EPSG:5184\` (PROJ's EPSG database), towgs84 of zeros left out.
  "EPSG:5184":
    "+proj=tmerc +lat_0=38 +lon_0=131 +k=1 +x_0=200000 +y_0=500000 +ellps=GRS80 +units=m +no_defs",
};
const TM_CRS = Object.keys(EPSG_IO_PROJ4);

/** Ground distance between two lon/lat points, metres (local flat approximation, fine at mm). */
function groundDistanceM(a: Position, b: Position): number {
  const lat = ((a[1] as number) * Math.PI) / 180;
  const dxM = ((a[0] as number) - (b[0] as number)) * 111320 * Math.cos(lat);
  const dyM = ((a[1] as number) - (b[1] as number)) * 110574;
  return Math.hypot(dxM, dyM);
}

function planeDistanceM(a: Position, b: Position): number {
  return Math.hypot((a[0] as number) - (b[0] as number), (a[1] as number) - (b[1] as number));
}

/** Shoelace area of a ring in a plane, km². */
function shoelaceKm2(ring: Position[]): number {
  let twice = 0;
  for (let i = 0; i + 1 < ring.length; i++) {
    const p = ring[i] as Position;
    const q = ring[i + 1] as Position;
    twice += (p[0] as number) * (q[1] as number) - (q[0] as number) * (p[1] as number);
  }
  return Math.abs(twice) / 2 / 1e6;
}

const koreaLonLat = fc.tuple(
  fc.double({ min: 124, max: 132, noNaN: true }),
  fc.double({ min: 33, max: 39, noNaN: true }),
);

describe("normalizeCrs", () => {
  it.each([
    ["EPSG:5186", "EPSG:5186"],
    ["epsg:5186", "EPSG:5186"],
    [" EPSG:5179 ", "EPSG:5179"],
    ["urn:ogc:def:crs:EPSG::5186", "EPSG:5186"],
    ["urn:ogc:def:crs:EPSG:6.3:5186", "EPSG:5186"],
    ["urn:ogc:def:crs:EPSG::5174", "EPSG:5174"],
    ["http://www.opengis.net/def/crs/EPSG/0/5187", "EPSG:5187"],
    ["urn:ogc:def:crs:OGC:1.3:CRS84", "EPSG:4326"],
    ["CRS84", "EPSG:4326"],
    ["EPSG:4326", "EPSG:4326"],
    ["EPSG:900913", "EPSG:3857"],
    ["EPSG:3857", "EPSG:3857"],
  ])("%s → %s", (name, crs) => {
    expect(normalizeCrs(name)).toBe(crs);
  });

  it.each(["EPSG:32652", "EPSG:4301", "urn:ogc:def:crs:EPSG::32652", "Korea TM", "", "EPSG:"])(
    "%s is not supported",
    (name) => {
      expect(normalizeCrs(name)).toBeNull();
    },
  );

  it("lists every supported CRS, WGS84 first, each normalizing to itself", () => {
    expect(SUPPORTED_CRS[0]).toBe("EPSG:4326");
    expect([...SUPPORTED_CRS].sort()).toEqual(
      [
        "EPSG:3857",
        "EPSG:4326",
        "EPSG:5173",
        "EPSG:5174",
        "EPSG:5175",
        "EPSG:5176",
        "EPSG:5177",
        "EPSG:2096",
        "EPSG:2097",
        "EPSG:2098",
        "EPSG:5179",
        "EPSG:5180",
        "EPSG:5181",
        "EPSG:5182",
        "EPSG:5183",
        "EPSG:5184",
        "EPSG:5185",
        "EPSG:5186",
        "EPSG:5187",
        "EPSG:5188",
      ].sort(),
    );
    for (const crs of SUPPORTED_CRS) expect(normalizeCrs(crs)).toBe(crs);
  });
});

describe("known points", () => {
  it("puts the EPSG:5186 origin (200 km, 600 km) at 127°E 38°N", () => {
    const lonLat = toLonLat("EPSG:5186")([200000, 600000]);
    expect(lonLat[0]).toBeCloseTo(127, 10);
    expect(lonLat[1]).toBeCloseTo(38, 10);
    const en = fromLonLat("EPSG:5186")([127, 38]);
    expect(en[0]).toBeCloseTo(200000, 6);
    expect(en[1]).toBeCloseTo(600000, 6);
  });

  it("puts the EPSG:5179 origin (1000 km, 2000 km) at 127.5°E 38°N", () => {
    const lonLat = toLonLat("EPSG:5179")([1000000, 2000000]);
    expect(lonLat[0]).toBeCloseTo(127.5, 10);
    expect(lonLat[1]).toBeCloseTo(38, 10);
  });

  it("moves 1° of latitude along the 5186 meridian by the meridian arc (~110.987 km)", () => {
    // 111132.92 − 559.82·cos 2φ + 1.175·cos 4φ at φ = 37.5° gives 110 987.0 m a degree; k = 1.
    const en = fromLonLat("EPSG:5186")([127, 37]);
    expect(en[0]).toBeCloseTo(200000, 6);
    expect(600000 - (en[1] as number)).toBeGreaterThan(110986);
    expect(600000 - (en[1] as number)).toBeLessThan(110988);
  });

  it("maps Web Mercator's x = a·λ exactly", () => {
    const x = fromLonLat("EPSG:3857")([127, 37.5])[0] as number;
    expect(x).toBeCloseTo((6378137 * 127 * Math.PI) / 180, 6);
    expect(toLonLat("EPSG:3857")(fromLonLat("EPSG:3857")([127, 37.5]))[1]).toBeCloseTo(37.5, 10);
  });

  it("shifts an EPSG:5174 point by a few hundred metres against 5186 (Bessel datum)", () => {
    const lonLat = [127, 37.5];
    const old = fromLonLat("EPSG:5174")(lonLat);
    const now = fromLonLat("EPSG:5186")(lonLat);
    // Same meridian region; 5174's false northing is 100 km smaller than 5186's.
    const dE = (old[0] as number) - (now[0] as number);
    const dN = (old[1] as number) - ((now[1] as number) - 100000);
    const shiftM = Math.hypot(dE, dN);
    expect(shiftM).toBeGreaterThan(200);
    expect(shiftM).toBeLessThan(450);
    // The Korean 1985 datum lies south of WGS84's: the same ground has a smaller old northing.
    expect(dN).toBeLessThan(-200);
  });

  it.each([
    // PROJ 9's cs2cs EPSG:4326 → EPSG:5174 (EPSG's Molodensky-Badekas transformation), the oracle.
    [
      [127.5, 37.5],
      [244143.499, 444315.574],
    ],
    [
      [126.5, 34.8],
      [154170.412, 144714.367],
    ],
    [
      [129.3, 36.0],
      [407322.831, 280182.365],
    ],
  ])("projects %j to EPSG:5174 as PROJ does, within 1 cm", (lonLat, want) => {
    const got = fromLonLat("EPSG:5174")(lonLat);
    expect(
      Math.hypot(
        (got[0] as number) - (want[0] as number),
        (got[1] as number) - (want[1] as number),
      ),
    ).toBeLessThan(0.01);
  });

  it("brings EPSG:5174 back to within a centimetre", () => {
    const there = fromLonLat("EPSG:5174")([126.978, 37.5665]);
    const back = toLonLat("EPSG:5174")(there);
    expect(groundDistanceM(back, [126.978, 37.5665])).toBeLessThan(0.01);
  });

  it("carries an altitude through untouched", () => {
    expect(fromLonLat("EPSG:5186")([127, 38, 52.5])[2]).toBe(52.5);
    expect(toLonLat("EPSG:5174")([200000, 500000, 7])[2]).toBe(7);
  });

  it("refuses an unsupported CRS by name, as UNKNOWN_CRS in both languages", () => {
    const call = () => toLonLat("EPSG:32652");
    expect(call).toThrow(FilingError);
    try {
      fromLonLat("EPSG:32652");
    } catch (e) {
      const err = e as FilingError;
      expect(err.code).toBe("UNKNOWN_CRS");
      expect(err.ko).toContain("EPSG:32652");
      expect(err.en).toContain("EPSG:32652");
      expect(err.en).toContain("EPSG:5186");
    }
  });
});

describe("agreement with independent implementations", () => {
  it.each(TM_CRS)("%s matches proj4 with the epsg.io definition to 1 mm", (crs) => {
    const reference = proj4("+proj=longlat +datum=WGS84 +no_defs", EPSG_IO_PROJ4[crs] as string);
    fc.assert(
      fc.property(koreaLonLat, (lonLat) => {
        const ours = fromLonLat(crs)(lonLat);
        const theirs = reference.forward([lonLat[0], lonLat[1]]);
        return planeDistanceM(ours, theirs) < 0.001;
      }),
      { numRuns: 300 },
    );
  });

  it.each(["jinju-two-parcels.geojson", "jincheon-cap-15003.geojson", "busan-radius-over.geojson"])(
    "gives PROJ's TM areas for %s (oracle in expected.json)",
    (file) => {
      const fcoll = JSON.parse(readFileSync(join(EXAMPLES, file), "utf8")) as FeatureCollection;
      const expected = JSON.parse(readFileSync(join(EXAMPLES, "expected.json"), "utf8"))[file];
      for (const crs of ["EPSG:5186", "EPSG:5179", "EPSG:5187"]) {
        let totalKm2 = 0;
        for (const feature of fcoll.features) {
          const projected = reprojectGeometry(feature.geometry as Polygon, fromLonLat(crs));
          totalKm2 += shoelaceKm2(projected.coordinates[0] as Position[]);
        }
        // 1 m² is far inside the README's 10 m² for a correct checker.
        expect(Math.abs(totalKm2 - expected.tmKm2[crs])).toBeLessThan(1e-6);
      }
    },
  );

  it("takes the EPSG:5179 Jinju filing to PROJ's EPSG:5186 area", () => {
    const file = "jinju-epsg5179.geojson";
    const fcoll = JSON.parse(readFileSync(join(EXAMPLES, file), "utf8")) as FeatureCollection;
    const expected = JSON.parse(readFileSync(join(EXAMPLES, "expected.json"), "utf8"))[file];
    const polygon = fcoll.features[0]?.geometry as Polygon;
    const ring = polygon.coordinates[0] as Position[];
    const lonLat = ring.map(toLonLat("EPSG:5179"));
    // Jinju (진주) lies near 128.1°E 35.2°N.
    expect(Math.abs((lonLat[0]?.[0] as number) - 128.1)).toBeLessThan(0.1);
    expect(Math.abs((lonLat[0]?.[1] as number) - 35.2)).toBeLessThan(0.1);
    const km2 = shoelaceKm2(lonLat.map(fromLonLat("EPSG:5186")));
    expect(Math.abs(km2 - expected.tmKm2["EPSG:5186"])).toBeLessThan(1e-6);
  });
});

describe("round trips", () => {
  it.each(TM_CRS)("%s: lon/lat in Korea → TM → lon/lat moves no vertex 1 mm", (crs) => {
    const there = fromLonLat(crs);
    const back = toLonLat(crs);
    fc.assert(
      fc.property(koreaLonLat, (lonLat) => groundDistanceM(back(there(lonLat)), lonLat) < 0.001),
      { numRuns: 500 },
    );
  });
});

describe("reprojectGeometry", () => {
  const createSquare = (): Polygon => ({
    type: "Polygon",
    bbox: [127, 37, 127.01, 37.01],
    coordinates: [
      [
        [127, 37],
        [127.01, 37],
        [127.01, 37.01],
        [127, 37.01],
        [127, 37],
      ],
    ],
  });

  it("returns a new geometry and leaves the input as it was", () => {
    const square = createSquare();
    const before = structuredClone(square);
    const out = reprojectGeometry(square, fromLonLat("EPSG:5186"));
    expect(square).toEqual(before);
    expect(out).not.toBe(square);
    expect(out.bbox).toBeUndefined();
    expect(out.coordinates[0]?.[0]?.[0]).toBeGreaterThan(100000);
  });

  it("walks GeometryCollections and MultiPolygons", () => {
    const double = (p: Position): Position => [(p[0] as number) * 2, (p[1] as number) * 2];
    const out = reprojectGeometry(
      {
        type: "GeometryCollection",
        geometries: [
          { type: "Point", coordinates: [1, 2] },
          { type: "MultiPolygon", coordinates: [createSquare().coordinates] },
          {
            type: "LineString",
            coordinates: [
              [3, 4],
              [5, 6],
            ],
          },
        ],
      },
      double,
    );
    expect(out.geometries[0]).toEqual({ type: "Point", coordinates: [2, 4] });
    expect(out.geometries[2]).toEqual({
      type: "LineString",
      coordinates: [
        [6, 8],
        [10, 12],
      ],
    });
    const multi = out.geometries[1];
    expect(multi?.type === "MultiPolygon" && multi.coordinates[0]?.[0]?.[1]).toEqual([254.02, 74]);
  });
});
