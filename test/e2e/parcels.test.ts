/**
 * The parcel table and what a GIS office hands over: a Shapefile's loose parts picked together
 * (as ogr2ogr writes them, CP949), the table sorted and a parcel renamed in it (one undo step),
 * the Shapefile exported with the new name, the imported attributes and the envelope as a
 * polygon layer, as GDAL's ogrinfo reads them; and the hint shown while files are dragged over.
 */
import { execFileSync } from "node:child_process";
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { type AppPage, openAppAt } from "./browser";
import { expectCheckedAsEmbedded } from "./czd-check";
import { saveDownload } from "./files";
import { clickAt, mapCentre, pickTool } from "./tools-helpers";

/** The example's two parcels (test/fixtures/io/README.md), names in Korean. */
const JINCHEON = "test/fixtures/io/jincheon-korean.geojson";
const NAMES = ["진천 똠방 산업지구", "음성 쀍 연구지구"];
const ATTRIBUTES = [
  { 지구명: "진천지구", 용도: "산업", 면적비고: "도로 포함" },
  { 지구명: "음성지구", 용도: "연구", 면적비고: "하천 제외" },
];

let app: AppPage;
let page: Page;
let dir: string;
/** The loose parts ogr2ogr wrote: zone.shp, .shx, .dbf, .prj, .cpg. */
let parts: string[];

const zoneCount = () => page.getByTestId("zones").locator("li").count();
const names = () => page.getByTestId("parcel-name").allTextContents();

/** What ogrinfo prints for each feature: field → value, Korean field names included. */
function ogrRows(text: string): Record<string, string>[] {
  return text
    .split(/^OGRFeature\(/m)
    .slice(1)
    .map((block) => {
      const row: Record<string, string> = {};
      for (const m of block.matchAll(/^\s+(\S+) \(\w+\) = (.*)$/gm)) {
        row[m[1] as string] = m[2] as string;
      }
      return row;
    });
}

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), "czd-parcels-"));
  // A filing with the attributes a Korean office's table has, through ogr2ogr as they'd get it.
  const filing = JSON.parse(readFileSync(JINCHEON, "utf8"));
  filing.features.forEach((f: { properties: Record<string, unknown> }, i: number) => {
    Object.assign(f.properties, ATTRIBUTES[i]);
  });
  const source = join(dir, "source.geojson");
  writeFileSync(source, JSON.stringify(filing));
  const out = join(dir, "parts");
  mkdirSync(out);
  execFileSync("ogr2ogr", [
    "-f",
    "ESRI Shapefile",
    "-t_srs",
    "EPSG:5186",
    "-lco",
    "ENCODING=CP949",
    out,
    source,
    "-nln",
    "zone",
  ]);
  parts = ["shp", "shx", "dbf", "prj", "cpg"].map((ext) => join(out, `zone.${ext}`));
  app = await openAppAt(inject("baseUrl"), "#11/36.9/127.5");
  page = app.page;
});

afterAll(async () => {
  await app?.close();
});

describe("the parcel table and the Shapefile", () => {
  it("refuses a .shp picked without its .dbf, naming what to pick", async () => {
    const zones = await zoneCount();
    const [shp, shx, , prj] = parts;
    await page.getByTestId("import-file").setInputFiles([shp, shx, prj] as string[]);
    await expect.poll(() => page.getByTestId("notice").getAttribute("data-kind")).toBe("error");
    expect(await page.getByTestId("notice").textContent()).toContain("zone.dbf가 없습니다");
    expect(await zoneCount()).toBe(zones);
  });

  it("opens a .shp picked with its .shx, .dbf, .prj and .cpg, without zipping", async () => {
    const zones = await zoneCount();
    await page.getByTestId("import-file").setInputFiles(parts);
    await expect.poll(zoneCount).toBe(zones + 1);
    await expect.poll(names).toEqual(NAMES);
    expect(await page.getByTestId("parcel-list").locator("tr").count()).toBe(2);
  });

  it("sorts by a column, and reverses on a second click", async () => {
    const areas = async () =>
      (await page.getByTestId("parcel-km2").allTextContents()).map(Number.parseFloat);
    const byArea = page.getByTestId("parcel-sort-km2");
    await byArea.click();
    const up = await areas();
    expect(up).toEqual([...up].sort((a, b) => a - b));
    expect(await byArea.locator("xpath=..").getAttribute("aria-sort")).toBe("ascending");
    await byArea.click();
    expect(await areas()).toEqual([...up].reverse());
    await page.getByTestId("parcel-sort-name").click();
    expect(await names()).toEqual([...NAMES].sort((a, b) => a.localeCompare(b, "ko")));
  });

  it("renames a parcel in place with the keyboard, one undo step", async () => {
    const first = page.getByTestId("parcel-name").filter({ hasText: NAMES[0] });
    await first.focus();
    await page.keyboard.press("F2");
    const input = page.getByTestId("parcel-name-input");
    await input.fill("진천 첨단 구역");
    await input.press("Enter");
    await expect.poll(names).toContain("진천 첨단 구역");
    // The keyboard is back on the renamed parcel's name; Esc on a second edit keeps the name.
    const focused = () => page.evaluate(() => document.activeElement?.textContent ?? "");
    await expect.poll(focused).toBe("진천 첨단 구역");
    await page.keyboard.press("F2");
    await page.getByTestId("parcel-name-input").fill("버릴 이름");
    await page.keyboard.press("Escape");
    await expect.poll(() => page.getByTestId("parcel-name-input").count()).toBe(0);
    expect(await names()).toContain("진천 첨단 구역");
    expect(await names()).not.toContain("버릴 이름");
    await page.keyboard.press("Control+z");
    await expect.poll(names).toContain(NAMES[0]);
    await page.keyboard.press("Control+y");
    await expect.poll(names).toContain("진천 첨단 구역");
  });

  it("exports the Shapefile with the new name, the imported attributes and the envelope as a polygon", async () => {
    // An envelope for the zone: a circle centred on the map (the parcels), 20 km by default.
    await pickTool(page, "envelope-circle");
    await clickAt(page, await mapCentre(page));
    await page.getByTestId("tool-envelope-circle").click();
    await expect.poll(() => page.getByTestId("envelope-size").inputValue()).toBe("20");
    const pick = async () => {
      await page.getByTestId("export-menu").locator("summary").click();
      await page.getByTestId("export-shp").click();
    };
    const shp = await saveDownload(page, dir, pick);
    const zip = `/vsizip/${shp.path}`;
    const stem = shp.name.replace(/\.zip$/, "");
    const table = ogrRows(
      execFileSync("ogrinfo", ["-ro", "-al", "-geom=NO", zip, stem], { encoding: "utf8" }),
    );
    const renamed = table.find((r) => r.name === "진천 첨단 구역");
    expect(renamed).toMatchObject({ 지구명: "진천지구", 용도: "산업" });
    // 면적비고 is 12 bytes in UTF-8: cut to dBase's 10, on a character boundary.
    expect(renamed?.면적비).toBe("도로 포함");
    expect(table.find((r) => r.name === NAMES[1])).toMatchObject({ 지구명: "음성지구" });
    const envelope = execFileSync("ogrinfo", ["-ro", "-so", zip, `${stem}_envelope`], {
      encoding: "utf8",
    });
    expect(envelope).toMatch(/Geometry: Polygon/);
    expect(envelope).toMatch(/radius_km: Real/);
  });

  it("files the new name and the attributes, its embedded report what czd check says", async () => {
    const saved = await saveDownload(page, dir, () => page.getByTestId("export-geojson").click());
    const filing = JSON.parse(readFileSync(saved.path, "utf8"));
    const props = filing.features.map((f: { properties: Record<string, unknown> }) => f.properties);
    expect(props).toContainEqual(
      expect.objectContaining({
        name: "진천 첨단 구역",
        지구명: "진천지구",
        면적비고: "도로 포함",
      }),
    );
    await expectCheckedAsEmbedded(saved.path, filing);
  });
});

describe("dropping files", () => {
  it("shows what can be dropped while files are dragged over the page, gone when they leave", async () => {
    const hint = page.getByTestId("drop-hint");
    expect(await hint.count()).toBe(0);
    await page.evaluate(() => {
      const data = new DataTransfer();
      data.items.add(new File(["{}"], "zone.geojson"));
      window.dispatchEvent(new DragEvent("dragenter", { dataTransfer: data }));
    });
    await hint.waitFor();
    expect(await hint.textContent()).toContain("Shapefile");
    await page.evaluate(() => {
      const data = new DataTransfer();
      data.items.add(new File(["{}"], "zone.geojson"));
      window.dispatchEvent(new DragEvent("dragleave", { dataTransfer: data }));
    });
    await expect.poll(() => hint.count()).toBe(0);
  });

  it("opens a Shapefile's parts dropped together as one zone, and hides the hint", async () => {
    const zones = await zoneCount();
    const files = parts.map((p) => ({
      name: p.split("/").pop() ?? p,
      bytes: [...readFileSync(p)],
    }));
    await page.evaluate((list) => {
      const data = new DataTransfer();
      for (const f of list) data.items.add(new File([new Uint8Array(f.bytes)], f.name));
      window.dispatchEvent(new DragEvent("dragenter", { dataTransfer: data }));
      window.dispatchEvent(new DragEvent("drop", { dataTransfer: data, cancelable: true }));
    }, files);
    await expect.poll(zoneCount).toBe(zones + 1);
    // The table keeps the order picked above (by name): compare as sets.
    await expect.poll(async () => (await names()).sort()).toEqual([...NAMES].sort());
    expect(await page.getByTestId("drop-hint").count()).toBe(0);
  });
});
