import { write } from "@mapbox/shp-write";
import { zipSync } from "fflate";
import { describe, expect, it } from "vitest";
import { prjFor } from "../../geo/io/prj";
import { encodeText } from "../../geo/io/text";
import { firmsFromCsvText } from "../../geo/propose/csv-chunks";
import { parseIndustry, parseWeight, readFirms } from "../../geo/propose/read";
import { createFirmRows, firmCsv, JINJU_CLUMPS } from "../support/firms";

describe("reading firms", () => {
  it("reads a CSV in chunks exactly as in one piece", async () => {
    const csv = firmCsv(createFirmRows(9, 2_345, JINJU_CLUMPS));
    const shares: number[] = [];
    const chunked = firmsFromCsvText(csv, {
      weight: "종업원수",
      rows: 500,
      onProgress: (s) => shares.push(s),
    });
    const whole = await readFirms(new TextEncoder().encode(csv), "firms.csv", {
      weight: "종업원수",
    });
    expect(chunked.lon).toEqual(whole.lon);
    expect(chunked.lat).toEqual(whole.lat);
    expect(chunked.weight).toEqual(whole.weight);
    expect(shares).toHaveLength(5);
    expect(shares.at(-1)).toBe(1);
    expect([...shares].sort((a, b) => a - b)).toEqual(shares);
  });

  it("names the line of a bad row in the whole file, not in its chunk", () => {
    const rows = createFirmRows(1, 30, JINJU_CLUMPS);
    const lines = firmCsv(rows).trimEnd().split("\n");
    lines[25] = "기업25,35.1,동쪽,10";
    expect(() => firmsFromCsvText(`${lines.join("\n")}\n`, { rows: 10 })).toThrow(/Line 26/);
    lines[25] = "기업25,35.1,128.1,많음";
    expect(() =>
      firmsFromCsvText(`${lines.join("\n")}\n`, { rows: 10, weight: "종업원수" }),
    ).toThrow(/Line 26 \(firm 25\)/);
  });

  it("reads CP949 and x/y columns in a TM plane", async () => {
    const csv = "기업명,x,y,종업원수\n진주기업,250000,280000,12\n";
    const firms = await readFirms(encodeText(csv, "cp949"), "tm.csv", {
      crs: "EPSG:5186",
      weight: "종업원수",
    });
    expect(firms.weight[0]).toBe(12);
    expect(firms.lon[0]).toBeGreaterThan(127);
    expect(firms.lat[0]).toBeGreaterThan(34);
  });

  it("takes thousands separators and empty cells in a weight column", () => {
    expect(parseWeight("1,200")).toBe(1200);
    expect(parseWeight("")).toBe(0);
    expect(parseWeight(" 7 ")).toBe(7);
    expect(Number.isNaN(parseWeight("many"))).toBe(true);
  });

  it("keeps only the firms of the industries asked for, in every chunk", async () => {
    const rows = createFirmRows(4, 1_000, JINJU_CLUMPS);
    const industries = ["제조업", "정보통신업", "도소매업"];
    const csv = `기업명,위도,경도,업종\n${rows.map((r, i) => `기업${i},${r.lat},${r.lon},${industries[i % 3]}`).join("\n")}\n`;
    const industry = parseIndustry("업종=제조업, 정보통신업");
    const chunked = firmsFromCsvText(csv, { industry, rows: 100 });
    expect(chunked.lon.length).toBe(667);
    const whole = await readFirms(new TextEncoder().encode(csv), "f.csv", { industry });
    expect(whole.lon).toEqual(chunked.lon);
    expect(() => firmsFromCsvText(csv, { industry: parseIndustry("업종=광업") })).toThrow(
      /No firm has 업종 = 광업/,
    );
    expect(() => firmsFromCsvText(csv, { industry: parseIndustry("산업=제조업") })).toThrow(
      /No industry column '산업'/,
    );
    expect(() => parseIndustry("제조업")).toThrow(/column=value/);
  });
});

describe("reading firms from a zipped Shapefile", () => {
  it("takes its points and a numeric weight field", async () => {
    const rows = createFirmRows(8, 50, JINJU_CLUMPS);
    let layer: { shp: DataView; shx: DataView; dbf: DataView } | null = null;
    write(
      rows.map((r) => ({ staff: r.staff })),
      "POINT",
      rows.map((r) => [r.lon, r.lat]),
      (err: unknown, files: { shp: DataView; shx: DataView; dbf: DataView }) => {
        if (err) throw err;
        layer = files;
      },
    );
    const files = layer as unknown as { shp: DataView; shx: DataView; dbf: DataView };
    const bytes = (v: DataView) => new Uint8Array(v.buffer, v.byteOffset, v.byteLength);
    const data = zipSync({
      "firms.shp": bytes(files.shp),
      "firms.shx": bytes(files.shx),
      "firms.dbf": bytes(files.dbf),
      "firms.prj": new TextEncoder().encode(prjFor("EPSG:4326") ?? ""),
    });
    const firms = await readFirms(data, "firms.zip", { weight: "staff" });
    expect(firms.lon.length).toBe(50);
    expect([...firms.weight]).toEqual(rows.map((r) => r.staff));
    expect(firms.lon[3]).toBeCloseTo(rows[3]?.lon ?? 0, 9);
  });
});
