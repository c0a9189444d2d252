/** `czd convert` and `czd report` as a user runs them: files in, files out, exit codes. */
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { main } from "../../geo/cli";
import { importZone } from "../../geo/io/registry";

const FIXTURES = join(__dirname, "../fixtures/io");
const FILING = join(FIXTURES, "jincheon-korean.geojson");

async function run(args: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = "";
  let err = "";
  const code = await main(
    args,
    (s) => {
      out += s;
    },
    (s) => {
      err += s;
    },
  );
  return { code, out, err };
}

describe("czd convert", () => {
  let dir = "";
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), "czd-cli-"));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it("GeoJSON → Shapefile (CP949) → GeoJSON in EPSG:5179 keeps names", async () => {
    const zip = join(dir, "z.zip");
    expect((await run(["convert", FILING, "--to", "shp-cp949", "-o", zip])).code).toBe(0);
    const r = await run(["convert", zip, "--to", "geojson-5179"]);
    expect(r.code).toBe(0);
    const doc = JSON.parse(r.out);
    expect(doc.crs.properties.name).toBe("urn:ogc:def:crs:EPSG::5179");
    expect(doc.features.map((f: { properties: { name: string } }) => f.properties.name)).toEqual([
      "진천 똠방 산업지구",
      "음성 쀍 연구지구",
    ]);
  });

  it("writes a CSV table with a BOM", async () => {
    const csv = join(dir, "t.csv");
    expect((await run(["convert", FILING, "--to", "csv", "-o", csv])).code).toBe(0);
    const text = readFileSync(csv, "utf8");
    expect(text.startsWith("\uFEFFid,name,area_m2,area_km2,tm_area_m2,tm_crs\r\n")).toBe(true);
    expect(text).toContain("P1,진천 똠방 산업지구,");
  });

  it("a truncated input: exit 2, one ko / en line naming it, no output file", async () => {
    const zip = join(dir, "z.zip");
    await run(["convert", FILING, "--to", "shp", "-o", zip]);
    const cut = join(dir, "cut.zip");
    writeFileSync(cut, readFileSync(zip).subarray(0, 200));
    const out = join(dir, "never.geojson");
    const r = await run(["convert", cut, "--to", "geojson", "-o", out]);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(
      /^czd: 'cut\.zip': 올바른 ZIP 파일이 아닙니다.* \/ 'cut\.zip': Not a valid ZIP file/,
    );
    expect(r.err.trim().split("\n")).toHaveLength(1);
    expect(existsSync(out)).toBe(false);
  });

  it("an unknown --to format is refused before anything is read", async () => {
    const r = await run(["convert", FILING, "--to", "kml", "--lang", "en"]);
    expect(r.code).toBe(2);
    expect(r.err).toBe(
      "czd: Unknown format 'kml' (formats: geojson, geojson-5186, geojson-5179, shp, shp-cp949, csv)\n",
    );
  });
});

describe("czd report", () => {
  it("writes HTML to stdout and exits as check does", async () => {
    const r = await run(["report", join(FIXTURES, "jinju-two-parcels.geojson"), "--lang", "en"]);
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/^<!doctype html>/);
    expect(r.out).toContain("Compliant");
  });

  it("reads a zipped Shapefile filing too", async () => {
    const dir = mkdtempSync(join(tmpdir(), "czd-cli-"));
    try {
      const zip = join(dir, "z.zip");
      await run(["convert", FILING, "--to", "shp", "-o", zip]);
      const zone = await importZone(readFileSync(zip), "z.zip");
      expect(zone.sourceCrs).toBe("EPSG:5186");
      const r = await run(["report", zip]);
      expect(r.code).toBe(1);
      expect(r.out).toContain("EPSG:5186");
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
