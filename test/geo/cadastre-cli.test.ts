/**
 * `czd parcels`: the 지번 조서 of a filing whose 구역 are made of 필지 (named by PNU) or drawn
 * freehand over the cadastre; its zone total is `czd check`'s total area to 1 m².
 */
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { FeatureCollection, Polygon } from "geojson";
import JSZip from "jszip";
import { beforeAll, describe, expect, it } from "vitest";
import { parcelFromPilji } from "../../geo/cadastre/parcel";
import type { Pilji } from "../../geo/cadastre/types";
import { decodeCp949 } from "../../geo/io/cp949";
import { openCadastre, readPilji } from "../../geo/io/lsmd-read";
import { runCzd, runMain } from "../support/czd";

const CADASTRE = "test/fixtures/cadastre/LSMD_CONT_LDREG_48170.zip";
const dir = mkdtempSync(join(tmpdir(), "czd-parcels-"));
const layer = openCadastre([{ name: "c.zip", bytes: readFileSync(CADASTRE) }])[0];
const pilji = layer ? [...readPilji(layer)] : [];

/** The 필지 whose every vertex lies in the box. */
const inBox = (box: [number, number, number, number]): Pilji[] =>
  pilji.filter((p) =>
    (p.geometry as Polygon).coordinates[0]?.every(
      ([x = 0, y = 0]) => x >= box[0] && y >= box[1] && x <= box[2] && y <= box[3],
    ),
  );

const FREEHAND: Polygon = {
  type: "Polygon",
  coordinates: [
    [
      [128.1052, 35.1788],
      [128.1081, 35.1791],
      [128.1077, 35.1812],
      [128.1049, 35.1806],
      [128.1052, 35.1788],
    ],
  ],
};

let filing = "";
beforeAll(() => {
  const chosen = inBox([128.1085, 35.1815, 128.1105, 35.1835]);
  const made = parcelFromPilji(chosen, { id: "P1", name: "1구역" });
  const collection: FeatureCollection = {
    type: "FeatureCollection",
    features: [
      made as NonNullable<typeof made>,
      { type: "Feature", properties: { id: "P2", name: "2구역" }, geometry: FREEHAND },
    ],
  };
  filing = join(dir, "zone.geojson");
  writeFileSync(filing, JSON.stringify(collection));
});

const rowsOf = (csv: string) =>
  csv
    .replace(/^\uFEFF/, "")
    .trimEnd()
    .split("\r\n")
    .map((l) => l.split(","));

describe("czd parcels", () => {
  it("lists every 필지 with 소재지, 지번, 지목 and areas, and totals equal to czd check's area", () => {
    const out = join(dir, "조서.csv");
    const r = runCzd("parcels", filing, "--cadastre", CADASTRE, "-o", out);
    expect(r.stderr).toBe("");
    expect(r.status).toBe(0);
    const bytes = readFileSync(out);
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const rows = rowsOf(bytes.toString("utf8"));
    expect(rows[0]).toEqual([
      "연번",
      "구역",
      "소재지",
      "지번",
      "지목",
      "도면 면적(㎡)",
      "편입 면적(㎡)",
      "비고",
    ]);
    const body = rows.filter((row) => /^\d+$/.test(row[0] ?? ""));
    const p1 = body.filter((row) => row[1] === "1구역");
    const p2 = body.filter((row) => row[1] === "2구역");
    expect(p1.length).toBeGreaterThan(10);
    expect(p1.every((row) => row[5] === row[6] && row[7] === "")).toBe(true);
    expect(p2.some((row) => row[7] === "일부 편입")).toBe(true);
    expect(body.map((row) => Number(row[0]))).toEqual(body.map((_, i) => i + 1));
    for (const row of body) {
      expect(row[2]).toMatch(/^경상남도 진주시 \S+동$/);
      expect(row[3]).toMatch(/^산?\d+(-\d+)?$/);
      expect([
        "대",
        "도로",
        "하천",
        "구거",
        "공장용지",
        "학교용지",
        "주차장",
        "주유소용지",
        "창고용지",
        "종교용지",
        "공원",
        "체육용지",
        "잡종지",
        "답",
        "전",
        "임야",
      ]).toContain(row[4]);
    }
    const total = rows[rows.length - 1] as string[];
    expect(total.slice(0, 4)).toEqual(["", "합계", "", `${body.length}필지`]);
    const check = runCzd("check", filing, "--format", "json", "--hubs", "none");
    const totalKm2 = JSON.parse(check.stdout).area.totalKm2 as number;
    expect(Math.abs(Number(total[6]) - totalKm2 * 1e6)).toBeLessThanOrEqual(1);
    const subtotals = rows.filter((row) => row[1]?.endsWith(" 소계"));
    expect(subtotals.map((row) => row[1])).toEqual(["1구역 소계", "2구역 소계"]);
  });

  it("writes the same 조서 in CP949, from the loose .shp as from the ZIP", async () => {
    const utf8 = await runMain("parcels", filing, "--cadastre", CADASTRE);
    const zip = await JSZip.loadAsync(readFileSync(CADASTRE));
    for (const [name, f] of Object.entries(zip.files))
      writeFileSync(join(dir, name), await f.async("uint8array"));
    const out = join(dir, "조서-cp949.csv");
    const cp949 = await runMain(
      "parcels",
      filing,
      "--cadastre",
      join(dir, "LSMD_CONT_LDREG_48170.shp"),
      "--encoding",
      "cp949",
      "-o",
      out,
    );
    expect(cp949.code).toBe(0);
    expect(decodeCp949(readFileSync(out))).toBe(utf8.stdout.replace(/^\uFEFF/, ""));
  });

  it("writes an XLSX workbook with the same cells", async () => {
    const out = join(dir, "조서.xlsx");
    const r = await runMain(
      "parcels",
      filing,
      "--cadastre",
      CADASTRE,
      "--format",
      "xlsx",
      "-o",
      out,
    );
    expect(r.code).toBe(0);
    const book = await JSZip.loadAsync(readFileSync(out));
    const workbook = await book.file("xl/workbook.xml")?.async("string");
    expect(workbook).toContain("지번조서");
    const xml = (await book.file("xl/worksheets/sheet1.xml")?.async("string")) ?? "";
    const strings = (await book.file("xl/sharedStrings.xml")?.async("string")) ?? "";
    const text = xml + strings;
    for (const word of ["합계", "1구역 소계", "일부 편입", "경상남도 진주시"])
      expect(text).toContain(word);
  });

  it("refuses a filing naming a PNU the cadastre lacks, in one line, exit 2", async () => {
    const bad = join(dir, "bad.geojson");
    const collection = JSON.parse(readFileSync(filing, "utf8"));
    collection.features[0].properties.pnu.push("4817099999100010000");
    writeFileSync(bad, JSON.stringify(collection));
    const r = await runMain("parcels", bad, "--cadastre", CADASTRE);
    expect(r.code).toBe(2);
    expect(r.stderr.trim().split("\n")).toHaveLength(1);
    expect(r.stderr).toContain("PNU 4817099999100010000가 연속지적도에 없습니다");
  });

  it("refuses a cadastre that is not one, naming the file", async () => {
    const r = await runMain("parcels", filing, "--cadastre", filing);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(
      /zone\.geojson: 연속지적도\(LSMD_CONT_LDREG_….shp 또는 .zip\)가 아닙니다/,
    );
  });

  it("appends the 조서 to the A4 report when given the cadastre, and only then", async () => {
    const out = join(dir, "report.html");
    const r = await runMain("report", filing, "--hubs", "none", "--cadastre", CADASTRE, "-o", out);
    expect(r.stderr).toBe("");
    const html = readFileSync(out, "utf8");
    expect(html).toContain("부록: 지번 조서");
    const csv = (await runMain("parcels", filing, "--cadastre", CADASTRE)).stdout;
    const rows = rowsOf(csv).length - 1;
    const table = html.slice(html.indexOf('<table class="joso">'));
    expect(table.match(/<tr/g)?.length).toBe(rows + 1);
    expect(table).toContain("<td>합계</td>");
    const plain = join(dir, "plain.html");
    await runMain("report", filing, "--hubs", "none", "-o", plain);
    expect(readFileSync(plain, "utf8")).not.toContain("지번 조서");
  });
});
