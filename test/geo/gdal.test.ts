/**
 * Interoperability with a real GIS reader: GDAL's ogrinfo must open every export with the right
 * CRS, parcel count, areas and Korean names, and files ogr2ogr writes must import with the
 * oracle's areas (shared/examples/expected.json: GeographicLib and PROJ) to within 1 m².
 */
import { execFileSync } from "node:child_process";
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { zipSync } from "fflate";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { exportZone, importZone } from "../../geo/io/registry";
import { geodesicAreaM2 } from "../../geo/measure/measure";
import type { Zone } from "../../geo/types";

const FIXTURE = join(__dirname, "../fixtures/io/jincheon-korean.geojson");
// The oracle's figures for shared/examples/jincheon-cap-15003.geojson, whose geometry it keeps.
const ORACLE = JSON.parse(
  readFileSync(join(__dirname, "../fixtures/io/jincheon-korean.expected.json"), "utf8"),
) as { parcelKm2: number[]; tmKm2: Record<string, number> };
const NAMES = ["진천 똠방 산업지구", "음성 쀍 연구지구"];

function has(cmd: string): boolean {
  try {
    execFileSync(cmd, ["--version"], { stdio: "ignore" });
    return true;
  } catch {
    return false;
  }
}

const gdal = has("ogrinfo") && has("ogr2ogr");
const ogr = (args: string[]): string =>
  execFileSync("ogrinfo", ["-ro", ...args], { encoding: "utf8" });

/** Field values of every feature ogrinfo prints, in order. */
function features(text: string): Record<string, string>[] {
  return text
    .split(/^OGRFeature\(/m)
    .slice(1)
    .map((block) => {
      const row: Record<string, string> = {};
      for (const m of block.matchAll(/^\s+(\w+) \(\w+\) = (.*)$/gm))
        row[m[1] as string] = m[2] as string;
      return row;
    });
}

/** GDAL's own planar area of each parcel after PROJ reprojects it to EPSG:5186, m². */
function gdalTmAreasM2(path: string, layer: string): { name: string; m2: number }[] {
  const sql = `SELECT name, ST_Area(ST_Transform(geometry, 5186)) AS m2 FROM "${layer}"`;
  return features(ogr(["-q", "-dialect", "SQLite", "-sql", sql, path])).map((r) => ({
    name: r.name ?? "",
    m2: Number(r.m2),
  }));
}

// Skipped on a machine without GDAL, but CI (which installs it in .ci/run) must not skip them.
it.runIf(process.env.CI)("CI has ogrinfo and ogr2ogr", () => expect(gdal).toBe(true));

describe.skipIf(!gdal)("GDAL reads every export", () => {
  let dir = "";
  let zone: Zone;
  const oracleTmM2 = (ORACLE.tmKm2["EPSG:5186"] ?? 0) * 1e6;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), "czd-gdal-"));
    zone = await importZone(readFileSync(FIXTURE), "jincheon-korean.geojson");
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  async function write(id: string): Promise<string> {
    const e = await exportZone(zone, id, "jincheon");
    const path = join(dir, e.fileName);
    writeFileSync(path, e.data);
    return path;
  }

  const cases = [
    { id: "geojson", epsg: 4326, open: (p: string) => p, layer: "jincheon" },
    { id: "geojson-5186", epsg: 5186, open: (p: string) => p, layer: "jincheon-5186" },
    { id: "geojson-5179", epsg: 5179, open: (p: string) => p, layer: "jincheon-5179" },
    { id: "shp", epsg: 5186, open: (p: string) => `/vsizip/${p}`, layer: "jincheon" },
    { id: "shp-cp949", epsg: 5186, open: (p: string) => `/vsizip/${p}`, layer: "jincheon" },
  ];

  for (const c of cases) {
    it(`${c.id}: EPSG:${c.epsg}, 2 parcels, Korean names, areas within 1 m² of the oracle`, async () => {
      const path = c.open(await write(c.id));
      const summary = ogr(["-so", "-al", path]);
      expect(summary).toMatch(/Feature Count: 2/);
      expect(summary).toMatch(new RegExp(`ID\\["EPSG",${c.epsg}\\]\\]\\s*(Data axis|$)`, "m"));
      const areas = gdalTmAreasM2(path, c.layer);
      expect(areas.map((a) => a.name)).toEqual(NAMES);
      const total = areas.reduce((s, a) => s + a.m2, 0);
      expect(Math.abs(total - oracleTmM2)).toBeLessThan(1);
    });
  }

  it("shp: the ellipsoidal areas in the table match the oracle's parcels within 1 m²", async () => {
    const path = `/vsizip/${await write("shp")}`;
    const rows = features(ogr(["-q", "-al", "-geom=NO", path]));
    expect(rows.map((r) => r.id)).toEqual(["P1", "P2"]);
    rows.forEach((r, i) => {
      expect(Math.abs(Number(r.area_m2) - (ORACLE.parcelKm2[i] ?? 0) * 1e6)).toBeLessThan(1);
    });
  });

  it("shp: a circle envelope is a Polygon layer of its outline, its centre a POINT layer in EPSG:5186", async () => {
    const withCircle: Zone = {
      ...zone,
      envelope: { shape: "circle", center: [127.49, 36.91], radiusKm: 7.5 },
    };
    const e = await exportZone(withCircle, "shp", "ring");
    const path = join(dir, e.fileName);
    writeFileSync(path, e.data);
    const outline = ogr(["-al", "-geom=NO", `/vsizip/${path}`, "ring_envelope"]);
    expect(outline).toMatch(/Geometry: Polygon/);
    expect(features(outline)[0]).toMatchObject({ shape: "circle", radius_km: "7.500" });
    const text = ogr(["-al", `/vsizip/${path}`, "ring_envelope_centre"]);
    expect(text).toMatch(/Geometry: Point/);
    expect(text).toMatch(/ID\["EPSG",5186\]\]\s*Data axis/);
    expect(features(text)[0]).toMatchObject({
      role: "envelope_centre",
      shape: "circle",
      radius_km: "7.500",
    });
    // PROJ's own projection of the centre: `echo 127.49 36.91 | gdaltransform -s_srs EPSG:4326 -t_srs EPSG:5186`
    const point = /POINT \(([\d.]+) ([\d.]+)\)/.exec(text);
    const projected = execFileSync(
      "gdaltransform",
      ["-s_srs", "EPSG:4326", "-t_srs", "EPSG:5186", "-output_xy"],
      {
        input: "127.49 36.91\n",
        encoding: "utf8",
      },
    )
      .trim()
      .split(/\s+/)
      .map(Number);
    expect(Math.abs(Number(point?.[1]) - (projected[0] ?? 0))).toBeLessThan(0.01);
    expect(Math.abs(Number(point?.[2]) - (projected[1] ?? 0))).toBeLessThan(0.01);
  });

  it("shp: text fields as wide as their values, the zone's name in the parcels' table", async () => {
    const named: Zone = { ...zone, meta: { ...zone.meta, name: "진천 혁신지구" } };
    const e = await exportZone(named, "shp-cp949", "named");
    const path = join(dir, e.fileName);
    writeFileSync(path, e.data);
    const summary = ogr(["-so", `/vsizip/${path}`, "named"]);
    const width = (field: string) =>
      Number(new RegExp(`^${field}: String \\((\\d+)`, "m").exec(summary)?.[1]);
    // CP949: 2 bytes a Hangul syllable, 1 a space or digit.
    expect(width("name")).toBe(
      Math.max(
        ...NAMES.map(
          (n) => n.replace(/[^가-힣]/g, "").length * 2 + n.replace(/[가-힣]/g, "").length,
        ),
      ),
    );
    expect(width("id")).toBe(2);
    expect(
      features(ogr(["-q", "-al", "-geom=NO", `/vsizip/${path}`, "named"])).map((r) => r.zone_name),
    ).toEqual(["진천 혁신지구", "진천 혁신지구"]);
  });

  it("shp: the 필지 a 구역 names are a table GDAL lists as its own layer, one row a 필지", async () => {
    const [first, ...rest] = zone.parcels;
    if (!first) throw new Error("no parcel");
    const pnu = Array.from(
      { length: 30 },
      (_, i) => `43750250211${String(100 + i).padStart(4, "0")}0000`,
    );
    const named: Zone = {
      ...zone,
      parcels: [
        {
          ...first,
          properties: {
            ...first.properties,
            pnu,
            partialPnu: [{ pnu: "4375025021199990000", m2: 12.5 }],
          },
        },
        ...rest,
      ],
    };
    const e = await exportZone(named, "shp-cp949", "pilji");
    const path = join(dir, e.fileName);
    writeFileSync(path, e.data);
    const rows = features(ogr(["-q", "-al", `/vsizip/${path}`, "pilji_pilji"]));
    expect(rows).toHaveLength(31);
    expect(rows.slice(0, 30).map((r) => r.pnu)).toEqual(pnu);
    expect(rows[30]).toMatchObject({ parcel_id: first.id, part: "partial" });
    expect(Number(rows[30]?.incl_m2)).toBe(12.5);
  });

  it("csv: GDAL reads the table with Korean names and the oracle's areas", async () => {
    const rows = features(ogr(["-q", "-al", await write("csv")]));
    expect(rows.map((r) => r.name)).toEqual(NAMES);
    rows.forEach((r, i) => {
      expect(Math.abs(Number(r.area_m2) - (ORACLE.parcelKm2[i] ?? 0) * 1e6)).toBeLessThan(1);
    });
  });
});

describe.skipIf(!gdal)("files ogr2ogr writes import with the source's areas", () => {
  let dir = "";
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), "czd-ogr2ogr-"));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  async function zipDir(folder: string, drop: RegExp | null): Promise<Uint8Array> {
    const files: Record<string, Uint8Array> = {};
    for (const f of readdirSync(folder)) {
      if (drop?.test(f)) continue;
      files[f] = readFileSync(join(folder, f));
    }
    return zipSync(files);
  }

  function check(zone: Zone): void {
    expect(zone.parcels.map((p) => p.name)).toEqual(NAMES);
    expect(zone.parcels.map((p) => p.id)).toEqual(["P1", "P2"]);
    zone.parcels.forEach((p, i) => {
      const m2 = geodesicAreaM2(p.geometry);
      expect(Math.abs(m2 - (ORACLE.parcelKm2[i] ?? 0) * 1e6)).toBeLessThan(1);
    });
  }

  it("a Shapefile in EPSG:5186 with a CP949 table and no .cpg", async () => {
    const out = join(dir, "cp949");
    mkdirSync(out);
    execFileSync("ogr2ogr", [
      "-f",
      "ESRI Shapefile",
      "-t_srs",
      "EPSG:5186",
      "-lco",
      "ENCODING=CP949",
      out,
      FIXTURE,
      "-nln",
      "zone",
    ]);
    const bytes = await zipDir(out, /\.cpg$/i);
    const dbf = readFileSync(join(out, "zone.dbf"));
    expect(dbf.includes(Buffer.from([0x8c, 0x63]))).toBe(true); // 똠 in CP949, per iconv
    const zone = await importZone(bytes, "zone-cp949.zip");
    expect(zone.sourceCrs).toBe("EPSG:5186");
    check(zone);
  });

  for (const column of ["구역명", "NAME"]) {
    it(`a CP949 Shapefile naming its parcels in a ${column} column`, async () => {
      const out = join(dir, `named-${column}`);
      mkdirSync(out);
      // The fixture with its names moved to the column a 지자체 file uses.
      const source = JSON.parse(readFileSync(FIXTURE, "utf8")) as {
        features: { properties: Record<string, unknown> }[];
      };
      for (const f of source.features) {
        f.properties[column] = f.properties.name;
        delete f.properties.name;
      }
      const moved = join(dir, `named-${column}.geojson`);
      writeFileSync(moved, JSON.stringify(source));
      execFileSync("ogr2ogr", [
        "-f",
        "ESRI Shapefile",
        "-t_srs",
        "EPSG:5186",
        "-lco",
        "ENCODING=CP949",
        out,
        moved,
        "-nln",
        "zone",
      ]);
      const imported = await importZone(await zipDir(out, null), "zone-cp949.zip");
      expect(imported.parcels.map((p) => p.name)).toEqual(NAMES);
    });
  }

  it("a Shapefile in EPSG:5179 with a UTF-8 table and its .cpg", async () => {
    const out = join(dir, "utf8");
    mkdirSync(out);
    execFileSync("ogr2ogr", [
      "-f",
      "ESRI Shapefile",
      "-t_srs",
      "EPSG:5179",
      "-lco",
      "ENCODING=UTF-8",
      out,
      FIXTURE,
      "-nln",
      "zone",
    ]);
    const zone = await importZone(await zipDir(out, null), "zone-utf8.zip");
    expect(zone.sourceCrs).toBe("EPSG:5179");
    check(zone);
  });

  it("a Shapefile in EPSG:5174 (Bessel, the old cadastre) within 1 m²", async () => {
    const out = join(dir, "bessel");
    mkdirSync(out);
    execFileSync("ogr2ogr", [
      "-f",
      "ESRI Shapefile",
      "-t_srs",
      "EPSG:5174",
      "-lco",
      "ENCODING=CP949",
      out,
      FIXTURE,
      "-nln",
      "zone",
    ]);
    const zone = await importZone(await zipDir(out, /\.cpg$/i), "zone-5174.zip");
    expect(zone.sourceCrs).toBe("EPSG:5174");
    expect(zone.parcels.map((p) => p.name)).toEqual(NAMES);
    zone.parcels.forEach((p, i) => {
      expect(Math.abs(geodesicAreaM2(p.geometry) - (ORACLE.parcelKm2[i] ?? 0) * 1e6)).toBeLessThan(
        1,
      );
    });
  });

  for (const epsg of [5186, 5179]) {
    it(`GeoJSON in EPSG:${epsg} with a crs member`, async () => {
      const path = join(dir, `zone-${epsg}.geojson`);
      execFileSync("ogr2ogr", ["-f", "GeoJSON", "-t_srs", `EPSG:${epsg}`, path, FIXTURE]);
      const text = readFileSync(path, "utf8");
      expect(JSON.parse(text).crs.properties.name).toBe(`urn:ogc:def:crs:EPSG::${epsg}`);
      const zone = await importZone(readFileSync(path), `zone-${epsg}.geojson`);
      expect(zone.sourceCrs).toBe(`EPSG:${epsg}`);
      check(zone);
    });
  }
});
