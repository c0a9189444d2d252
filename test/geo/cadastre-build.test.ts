/**
 * The synthetic 연속지적도 (scripts/build-cadastre.ts): rebuilt byte for byte as the fixture, in
 * the real schema, and read by GDAL as a Korean GIS office's tools would read the real one.
 */
import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { JIMOK } from "../../geo/cadastre/jimok";
import { jibunOf, parsePnu, splitJibun } from "../../geo/cadastre/pnu";
import { buildCadastre } from "../../scripts/build-cadastre";

const FIXTURE = "test/fixtures/cadastre/LSMD_CONT_LDREG_48170.zip";
/** 사천시 (KOSTAT 38060, 행정표준코드 48240), 진주's neighbour to the south. */
const NEIGHBOUR = "test/fixtures/cadastre/LSMD_CONT_LDREG_48240.zip";
const dir = mkdtempSync(join(tmpdir(), "czd-cadastre-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Every feature's fields as ogrinfo prints them. */
function ogrFeatures(path: string): Record<string, string>[] {
  const text = execFileSync(
    "ogrinfo",
    ["-ro", "-al", "-q", "-geom=NO", "--config", "SHAPE_ENCODING", "CP949", path],
    { encoding: "utf8", maxBuffer: 64 * 1024 * 1024 },
  );
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

describe("scripts/build-cadastre.ts", () => {
  it("rebuilds the test fixture byte for byte", async () => {
    const built = await buildCadastre({
      kostatCode: "38030",
      centre: [128.1076, 35.18],
      windowM: 1600,
      outDir: dir,
      zip: true,
    });
    expect(built.count).toBe(2738);
    expect(readFileSync(built.path).equals(readFileSync(FIXTURE))).toBe(true);
  }, 60_000);

  it("is read by ogrinfo in EPSG:5186 with the five LSMD fields and Korean JIBUN", () => {
    const info = execFileSync(
      "ogrinfo",
      ["-ro", "-so", `/vsizip/${FIXTURE}`, "LSMD_CONT_LDREG_48170"],
      { encoding: "utf8" },
    );
    expect(info).toContain("Feature Count: 2738");
    expect(info).toMatch(/ID\["EPSG",5186\]\]\s*Data axis/);
    for (const f of [
      "PNU: String (19.0)",
      "JIBUN: String",
      "BCHK: String",
      "SGG_OID: Integer",
      "COL_ADM_SE: String (5.0)",
    ]) {
      expect(info).toContain(f);
    }
  });

  it("gives every 필지 a unique PNU of a real 진주 법정동 whose JIBUN says the same 지번 and a 지목", () => {
    const rows = ogrFeatures(`/vsizip/${FIXTURE}/LSMD_CONT_LDREG_48170.shp`);
    expect(rows).toHaveLength(2738);
    const codes = JSON.parse(readFileSync("public/data/bjd-codes.json", "utf8")).names;
    expect(new Set(rows.map((r) => r.PNU)).size).toBe(rows.length);
    const jimok = new Set<string>();
    for (const r of rows) {
      const p = parsePnu(r.PNU as string);
      expect(codes[p.bjd]).toBeDefined();
      const j = splitJibun(r.JIBUN as string);
      expect(j.jibun).toBe(jibunOf(p));
      expect(Object.keys(JIMOK)).toContain(j.jimok);
      jimok.add(j.jimok);
      expect(r.COL_ADM_SE).toBe("48170");
    }
    // Lots, roads, streams and ditches all appear.
    for (const j of ["대", "도", "천", "구", "답"]) expect(jimok.has(j)).toBe(true);
  });

  it("rebuilds the neighbouring 사천 fixture byte for byte: a small window at the 진주 border, read by ogrinfo", async () => {
    const built = await buildCadastre({
      kostatCode: "38060",
      centre: [128.0706, 35.1255],
      windowM: 800,
      outDir: dir,
      zip: true,
    });
    expect(built.count).toBe(485);
    expect(readFileSync(built.path).equals(readFileSync(NEIGHBOUR))).toBe(true);
    const rows = ogrFeatures(`/vsizip/${NEIGHBOUR}/LSMD_CONT_LDREG_48240.shp`);
    expect(rows).toHaveLength(485);
    const codes = JSON.parse(readFileSync("public/data/bjd-codes.json", "utf8")).names;
    for (const r of rows) {
      expect(r.PNU?.slice(0, 5)).toBe("48240");
      expect(codes[parsePnu(r.PNU as string).bjd]).toBeDefined();
      expect(r.COL_ADM_SE).toBe("48240");
    }
  }, 60_000);
});
