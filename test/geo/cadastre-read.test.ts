/**
 * The 연속지적도 reader (geo/io/lsmd-read.ts): the fixture read zipped and as loose parts, in
 * 5186 and, re-projected by GDAL, in 5179 and 5174; foreign and damaged files refused in one line.
 */
import { execFileSync } from "node:child_process";
import { mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import JSZip from "jszip";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Pilji } from "../../geo/cadastre/types";
import { isFilingError } from "../../geo/errors";
import { openCadastre, readPilji } from "../../geo/io/lsmd-read";
import type { NamedBytes } from "../../geo/io/shp-parts";

const FIXTURE = "test/fixtures/cadastre/LSMD_CONT_LDREG_48170.zip";
const dir = mkdtempSync(join(tmpdir(), "czd-lsmd-"));
let parts: NamedBytes[] = [];

beforeAll(async () => {
  const zip = await JSZip.loadAsync(readFileSync(FIXTURE));
  parts = await Promise.all(
    Object.values(zip.files).map(async (f) => ({
      name: f.name,
      bytes: await f.async("uint8array"),
    })),
  );
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const readAll = (files: NamedBytes[]): Pilji[] =>
  openCadastre(files).flatMap((l) => [...readPilji(l)]);

/** The error thrown by `f`, which must be a FilingError. */
function refusal(f: () => unknown): { ko: string; en: string } {
  try {
    f();
  } catch (e) {
    if (isFilingError(e)) return e;
    throw e;
  }
  throw new Error("not refused");
}

/** The files GDAL writes when it re-projects the fixture. */
function ogrTo(srs: string, extra: string[] = []): NamedBytes[] {
  const out = join(dir, `${srs.replace(":", "")}${extra.length}`);
  execFileSync("ogr2ogr", [
    ...extra,
    "-t_srs",
    srs,
    "-lco",
    "ENCODING=CP949",
    "--config",
    "SHAPE_ENCODING",
    "CP949",
    out,
    `/vsizip/${FIXTURE}/LSMD_CONT_LDREG_48170.shp`,
  ]);
  return readdirSync(out)
    .filter((n) => !n.endsWith(".cpg"))
    .map((n) => ({ name: n, bytes: readFileSync(join(out, n)) }));
}

/** The first vertex of the first 필지 as GDAL puts it in WGS84. */
function gdalFirstVertex(): [number, number] {
  const json = execFileSync(
    "ogr2ogr",
    [
      "-f",
      "GeoJSON",
      "-t_srs",
      "EPSG:4326",
      "-limit",
      "1",
      "/vsistdout/",
      `/vsizip/${FIXTURE}/LSMD_CONT_LDREG_48170.shp`,
    ],
    { encoding: "utf8" },
  );
  const g = JSON.parse(json).features[0].geometry;
  return g.coordinates[0][0];
}

describe("openCadastre / readPilji", () => {
  it("reads every 필지 of the zipped fixture with its PNU, 지번, 지목 and fields", () => {
    const layers = openCadastre([
      { name: "LSMD_CONT_LDREG_48170.zip", bytes: readFileSync(FIXTURE) },
    ]);
    expect(layers.map((l) => [l.name, l.crs, l.count, l.encoding])).toEqual([
      ["LSMD_CONT_LDREG_48170", "EPSG:5186", 2738, "cp949"],
    ]);
    const all = [...readPilji(layers[0] as (typeof layers)[0])];
    expect(all).toHaveLength(2738);
    const first = all[0] as Pilji;
    expect(first).toMatchObject({ bchk: "1", sggOid: 1, colAdmSe: "48170" });
    expect(all.filter((p) => p.jimok === "천").length).toBeGreaterThan(0);
    const [lon, lat] = gdalFirstVertex();
    const ring = first.geometry.coordinates[0] as number[][];
    const [x, y] = ring[0] as number[];
    expect(Math.abs((x as number) - lon)).toBeLessThan(1e-8);
    expect(Math.abs((y as number) - lat)).toBeLessThan(1e-8);
  });

  it("reads the loose parts as it reads the ZIP", () => {
    const zipped = readAll([{ name: "a.zip", bytes: readFileSync(FIXTURE) }]);
    expect(readAll(parts)).toEqual(zipped);
  });

  it.each(["EPSG:5179", "EPSG:5174"])(
    "reads a copy GDAL re-projected to %s at the same places",
    (srs) => {
      const zipped = readAll([{ name: "a.zip", bytes: readFileSync(FIXTURE) }]);
      const other = readAll(ogrTo(srs));
      expect(other.map((p) => p.pnu)).toEqual(zipped.map((p) => p.pnu));
      expect(other.map((p) => `${p.jibun}${p.jimok}`)).toEqual(
        zipped.map((p) => `${p.jibun}${p.jimok}`),
      );
      const a = (zipped[100] as Pilji).geometry.coordinates[0]?.[0] as number[];
      const b = (other[100] as Pilji).geometry.coordinates[0]?.[0] as number[];
      // 1e-5° is about 1 m: 5174's datum shift is an approximation in both PROJ and proj4.
      expect(Math.abs((a[0] as number) - (b[0] as number))).toBeLessThan(1e-5);
      expect(Math.abs((a[1] as number) - (b[1] as number))).toBeLessThan(1e-5);
    },
  );

  it("refuses a layer without its .prj, naming the file", () => {
    const e = refusal(() => openCadastre(parts.filter((p) => !p.name.endsWith(".prj"))));
    expect(e.ko).toContain("LSMD_CONT_LDREG_48170.prj");
    expect(e.en).toContain("LSMD_CONT_LDREG_48170.prj: missing");
  });

  it("refuses a layer in lon/lat: a cadastre is in a Korean TM", () => {
    const files = ogrTo("EPSG:4326");
    const e = refusal(() => openCadastre(files));
    expect(e.en).toMatch(/\.prj: not a cadastral coordinate system/);
  });

  it("refuses a Shapefile without PNU and JIBUN: not a 연속지적도", () => {
    const files = ogrTo("EPSG:5186", ["-select", "BCHK,SGG_OID"]);
    const e = refusal(() => openCadastre(files));
    expect(e.ko).toMatch(/\.dbf: PNU, JIBUN 필드가 없어 연속지적도가 아닙니다/);
    expect(e.en).toContain("has no PNU, JIBUN field");
  });

  it("refuses a cut-off .shp, naming the record", () => {
    const cut = parts.map((p) =>
      p.name.endsWith(".shp") ? { ...p, bytes: p.bytes.subarray(0, p.bytes.length - 10) } : p,
    );
    const e = refusal(() => openCadastre(cut));
    expect(e.en).toMatch(/LSMD_CONT_LDREG_48170\.shp: truncated or damaged/);
  });

  it("refuses a .dbf whose record count differs from the shapes'", () => {
    const shorter = parts.map((p) => {
      if (!p.name.endsWith(".dbf")) return p;
      const bytes = p.bytes.slice();
      new DataView(bytes.buffer).setUint32(4, 2737, true);
      return { ...p, bytes };
    });
    const e = refusal(() => openCadastre(shorter));
    expect(e.ko).toContain("레코드 2737개가 .shp의 도형 2738개와 맞지 않습니다");
  });
});
