/**
 * A .prj (and a GeoJSON `crs` member) read as WKT, datum and all (issue 18): a Tokyo-datum
 * lon/lat .prj contains "TOWGS84" and was taken for WGS84 (368 m off, exit 0). And the Korea 2000
 * and Korean 1985 belts offices send (issue 21: EPSG:5181, Kakao's), in and out, with the names
 * ESRI tools write, round-tripped through GDAL. Generators mutate real WKT (fixed seeds).
 */
import { execFileSync } from "node:child_process";
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import fc from "fast-check";
import JSZip from "jszip";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { isFilingError } from "../../geo/errors";
import { readFiling } from "../../geo/index";
import { crsFromPrj, readPrj } from "../../geo/io/prj";
import { exportZone, importZone } from "../../geo/io/registry";
import { normalizeCrs } from "../../geo/measure";
import { geodesicAreaM2 } from "../../geo/measure/measure";

const FIXTURE = join(__dirname, "../fixtures/io/jincheon-korean.geojson");
const ORACLE = JSON.parse(
  readFileSync(join(__dirname, "../fixtures/io/jincheon-korean.expected.json"), "utf8"),
) as { parcelKm2: number[] };

/** The Tokyo datum's lon/lat as an OGC WKT 1 .prj with its TOWGS84 (EPSG:4301, Korea's shift). */
const TOKYO_PRJ =
  'GEOGCS["Tokyo",DATUM["Tokyo",SPHEROID["Bessel 1841",6377397.155,299.1528128,AUTHORITY["EPSG","7004"]],TOWGS84[-146.414,507.337,680.507,0,0,0,0],AUTHORITY["EPSG","6301"]],PRIMEM["Greenwich",0,AUTHORITY["EPSG","8901"]],UNIT["degree",0.0174532925199433,AUTHORITY["EPSG","9122"]],AUTHORITY["EPSG","4301"]]';

const CENTRAL_2010 =
  'PROJCS["Korea_2000_Korea_Central_Belt_2010",GEOGCS["GCS_Korea_2000",DATUM["D_Korea_2000",SPHEROID["GRS_1980",6378137.0,298.257222101]],PRIMEM["Greenwich",0.0],UNIT["Degree",0.0174532925199433]],PROJECTION["Transverse_Mercator"],PARAMETER["False_Easting",200000.0],PARAMETER["False_Northing",600000.0],PARAMETER["Central_Meridian",127.0],PARAMETER["Scale_Factor",1.0],PARAMETER["Latitude_Of_Origin",38.0],UNIT["Meter",1.0]]';

describe("a .prj is read as WKT, datum and all", () => {
  it("the Tokyo-datum lon/lat .prj with TOWGS84 is refused, naming the datum", () => {
    const reading = readPrj(TOKYO_PRJ);
    expect("problem" in reading && reading.problem.en).toMatch(/datum Tokyo.*not WGS84/);
    expect("problem" in reading && reading.problem.ko).toContain("Tokyo");
    expect(crsFromPrj(TOKYO_PRJ)).toBeNull();
  });

  it("a GeoJSON crs member holding that WKT is refused too, in one line", () => {
    const filing = {
      type: "FeatureCollection",
      crs: { type: "name", properties: { name: TOKYO_PRJ } },
      features: [
        {
          type: "Feature",
          properties: { id: "P1" },
          geometry: {
            type: "Polygon",
            coordinates: [
              [
                [127, 36],
                [127.01, 36],
                [127.01, 36.01],
                [127, 36],
              ],
            ],
          },
        },
      ],
    };
    try {
      readFiling(JSON.stringify(filing));
      expect.unreachable();
    } catch (e) {
      expect(isFilingError(e) && e.code).toBe("UNKNOWN_CRS");
      expect(isFilingError(e) && e.en).toMatch(/Tokyo/);
    }
  });

  it("ESRI and EPSG names of the belts are read as codes", () => {
    expect(normalizeCrs("Korea_2000_Korea_Central_Belt")).toBe("EPSG:5181");
    expect(normalizeCrs("Korea 2000 / Central Belt")).toBe("EPSG:5181");
    expect(normalizeCrs("Korea_2000_Korea_Central_Belt_2010")).toBe("EPSG:5186");
    expect(normalizeCrs("Korean_1985_Modified_Korea_Central_Belt")).toBe("EPSG:5174");
    expect(normalizeCrs("Korean 1985 / Central Belt")).toBe("EPSG:2097");
    expect(normalizeCrs("urn:ogc:def:crs:EPSG::5181")).toBe("EPSG:5181");
  });

  it("generated: a changed datum, shift, ellipsoid, unit, meridian or origin is never taken for the plane", () => {
    const mutations: [RegExp, (v: number) => string][] = [
      [/DATUM\["D_Korea_2000",/, (v) => `DATUM["D_Korea_2000",TOWGS84[${v},0,0,0,0,0,0],`],
      [/6378137\.0/, (v) => String(6378137 + v)],
      [/UNIT\["Meter",1\.0\]\]$/, (v) => `UNIT["Foot",${1 + Math.abs(v) / 1000}]]`],
      [/PRIMEM\["Greenwich",0\.0\]/, (v) => `PRIMEM["Other",${v / 100}]`],
      [/"Central_Meridian",127\.0/, (v) => `"Central_Meridian",${127 + v / 1e4}`],
      [/"False_Northing",600000\.0/, (v) => `"False_Northing",${600000 + v}`],
      [/"Scale_Factor",1\.0/, (v) => `"Scale_Factor",${1 + v / 1e5}`],
    ];
    fc.assert(
      fc.property(
        fc.nat({ max: mutations.length - 1 }),
        fc.oneof(fc.integer({ min: 1, max: 900 }), fc.integer({ min: -900, max: -1 })),
        (k, v) => {
          const [pattern, replace] = mutations[k] as (typeof mutations)[number];
          const wkt = CENTRAL_2010.replace(pattern, replace(v));
          expect(wkt).not.toBe(CENTRAL_2010);
          expect(crsFromPrj(wkt)).toBeNull();
          const reading = readPrj(wkt);
          expect("problem" in reading && reading.problem.en).toMatch(/export it again/);
        },
      ),
      { seed: 1821, numRuns: 120 },
    );
    expect(crsFromPrj(CENTRAL_2010)).toBe("EPSG:5186");
  });

  it("generated: text that is not WKT, or WKT nested past reason, is a problem, not a throw", () => {
    fc.assert(
      fc.property(
        fc.oneof(fc.string({ maxLength: 200 }), fc.constant(`${"A[".repeat(5000)}`)),
        (t) => {
          const reading = readPrj(t);
          expect("crs" in reading || typeof reading.problem.en === "string").toBe(true);
        },
      ),
      { seed: 1822, numRuns: 200 },
    );
  });
});

function has(cmd: string): boolean {
  try {
    execFileSync(cmd, ["--version"], { stdio: "ignore" });
    return true;
  } catch {
    return false;
  }
}
const gdal = has("ogrinfo") && has("ogr2ogr") && has("gdalsrsinfo");

describe.skipIf(!gdal)("the Korean belts through GDAL", () => {
  let dir = "";
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), "czd-datums-"));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  const CODES = [
    5179, 5180, 5181, 5182, 5183, 5184, 5185, 5186, 5187, 5188, 5173, 5174, 5175, 5176, 5177, 2096,
    2097, 2098,
  ];

  it("GDAL's WKT 1, ESRI WKT and WKT 2 of every belt name that belt; Tokyo and Korean 1985 lon/lat are refused", () => {
    for (const code of CODES) {
      for (const form of ["wkt1", "wkt_esri", "wkt2_2019"]) {
        const wkt = execFileSync("gdalsrsinfo", ["-o", form, `EPSG:${code}`], { encoding: "utf8" });
        expect({ code, form, crs: crsFromPrj(wkt) }).toEqual({ code, form, crs: `EPSG:${code}` });
      }
    }
    for (const code of [4301, 4162]) {
      for (const form of ["wkt1", "wkt_esri", "wkt2_2019"]) {
        const wkt = execFileSync("gdalsrsinfo", ["-o", form, `EPSG:${code}`], { encoding: "utf8" });
        expect(crsFromPrj(wkt)).toBeNull();
      }
    }
  });

  async function zipDir(folder: string): Promise<Uint8Array> {
    const zip = new JSZip();
    for (const f of readdirSync(folder)) zip.file(f, readFileSync(join(folder, f)));
    return zip.generateAsync({ type: "uint8array" });
  }

  for (const code of [5181, 5185, 5187, 5188, 5174, 2097]) {
    it(`EPSG:${code} in: a Shapefile and a GeoJSON ogr2ogr writes import with the oracle's areas`, async () => {
      const out = join(dir, `in-${code}`);
      mkdirSync(out);
      execFileSync("ogr2ogr", [
        "-f",
        "ESRI Shapefile",
        "-t_srs",
        `EPSG:${code}`,
        "-lco",
        "ENCODING=UTF-8",
        out,
        FIXTURE,
        "-nln",
        "zone",
      ]);
      const path = join(dir, `zone-${code}.geojson`);
      execFileSync("ogr2ogr", ["-f", "GeoJSON", "-t_srs", `EPSG:${code}`, path, FIXTURE]);
      for (const zone of [
        await importZone(await zipDir(out), `zone-${code}.zip`),
        await importZone(readFileSync(path), `zone-${code}.geojson`),
      ]) {
        expect(zone.sourceCrs).toBe(`EPSG:${code}`);
        zone.parcels.forEach((p, i) => {
          expect(
            Math.abs(geodesicAreaM2(p.geometry) - (ORACLE.parcelKm2[i] ?? 0) * 1e6),
          ).toBeLessThan(1);
        });
      }
    });

    it(`EPSG:${code} out: GDAL opens our Shapefile in that CRS, and it comes back with the same areas`, async () => {
      const zone = await importZone(readFileSync(FIXTURE), "jincheon-korean.geojson");
      const e = await exportZone(zone, "shp", `out${code}`, { crs: `EPSG:${code}` });
      const path = join(dir, e.fileName);
      writeFileSync(path, e.data);
      const info = execFileSync("ogrinfo", ["-ro", "-so", "-al", `/vsizip/${path}`], {
        encoding: "utf8",
      });
      expect(info).toMatch(new RegExp(`ID\\["EPSG",${code}\\]\\]\\s*(Data axis|$)`, "m"));
      const back = await importZone(e.data as Uint8Array, e.fileName);
      expect(back.sourceCrs).toBe(`EPSG:${code}`);
      back.parcels.forEach((p, i) => {
        expect(
          Math.abs(geodesicAreaM2(p.geometry) - (ORACLE.parcelKm2[i] ?? 0) * 1e6),
        ).toBeLessThan(1);
      });
    });
  }
});
