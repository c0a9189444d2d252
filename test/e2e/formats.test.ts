/**
 * Filings Korean GIS offices can open, and a report a reviewer can sign: a zipped CP949 Shapefile
 * and a CP949 hub CSV through the file pickers, a truncated zip refused, the other export
 * formats, reviewer mode's SHA-256, verdict and findings, and the print view as an A4 PDF.
 */
import { execFileSync } from "node:child_process";
import { createHash } from "node:crypto";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { checkFiling, exportZone, importZone, loadRuleSet, readFiling } from "../../geo/index";
import { type AppPage, openAppAt, panelTotalKm2, waitForMap } from "./browser";
import { createSquareFiling, saveDownload } from "./files";

/** shared/examples/expected.json, jincheon-cap-15003 (GeographicLib): total area, km². */
const JINCHEON_ORACLE_KM2 = 15.003000005745877;
/** The example's geometry with Korean names (test/fixtures/io/README.md). */
const JINCHEON = "test/fixtures/io/jincheon-korean.geojson";
const sha256 = (bytes: Uint8Array) => createHash("sha256").update(bytes).digest("hex");

let app: AppPage;
let page: Page;
let dir: string;
let shpZip: Uint8Array;

const zoneCount = () => page.getByTestId("zones").locator("li").count();
const noticeKind = () => page.getByTestId("notice").getAttribute("data-kind");

async function exportText(): Promise<string> {
  const saved = await saveDownload(page, dir, () => page.getByTestId("export-geojson").click());
  return readFileSync(saved.path, "utf8");
}

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), "czd-formats-"));
  // A CP949 Shapefile whose names need CP949's extension (똠, 쀍), from the geo core's writer.
  const zone = readFiling(readFileSync(JINCHEON, "utf8"));
  shpZip = (await exportZone(zone, "shp-cp949", "jincheon")).data as Uint8Array;
  app = await openAppAt(inject("baseUrl"), "#11/36.9/127.5");
  page = app.page;
});

afterAll(async () => {
  await app?.close();
});

describe("import and export formats", () => {
  it("imports a zipped CP949 Shapefile: Korean names intact, total as the geo core's", async () => {
    const zones = await zoneCount();
    const path = join(dir, "jincheon-cp949.zip");
    writeFileSync(path, shpZip);
    await page.getByTestId("import-file").setInputFiles(path);
    await expect.poll(zoneCount).toBe(zones + 1);
    expect(await page.getByTestId("parcel-list").textContent()).toContain("진천 똠방 산업지구");
    const core = checkFiling(await importZone(shpZip, "jincheon-cp949.zip"), {
      ruleSet: loadRuleSet("phase-1-2"),
    });
    const shown = await panelTotalKm2(page);
    expect(shown.toFixed(3)).toBe(core.area.totalKm2.toFixed(3));
    expect(Math.abs(shown - JINCHEON_ORACLE_KM2)).toBeLessThan(1e-3);
  });

  it("counts hubs from a CP949 CSV with Korean headers (이름, 유형, 위도, 경도)", async () => {
    // A parcel around 진주 뿌리산업단지 (128.04°E, 35.13°N), one of the file's two hubs.
    const filing = join(dir, "jinju-root.geojson");
    writeFileSync(filing, createSquareFiling(128.03, 35.12, 0.02));
    await page.getByTestId("import-file").setInputFiles(filing);
    await expect.poll(() => page.getByTestId("parcel-list").locator("tr").count()).toBe(1);
    await page.getByTestId("import-hubs").setInputFiles("test/fixtures/io/hubs-cp949.csv");
    await expect.poll(() => page.getByTestId("notice").textContent()).toContain("거점 2개");
    const row = page.getByTestId("hub-counts").locator("tr", { hasText: /^산업단지/ });
    // Counted by the check Worker once the layer reaches it: polled, not read once.
    await expect.poll(() => row.locator("td").nth(1).textContent()).toBe("1");
  });

  it("refuses a truncated zip in Korean and English, naming it, and changes nothing", async () => {
    const before = await exportText();
    const zones = await zoneCount();
    await page.getByTestId("import-file").setInputFiles({
      name: "truncated.zip",
      mimeType: "application/zip",
      buffer: Buffer.from(shpZip.subarray(0, Math.floor(shpZip.length / 2))),
    });
    await expect.poll(noticeKind).toBe("error");
    // The notice speaks the UI's language; the error stays, so the other one can be read too.
    const noticeText = async () =>
      (await page.getByTestId("notice").locator("p").textContent()) ?? "";
    const ko = await noticeText();
    await page.getByTestId("lang-toggle").click();
    const en = await noticeText();
    await page.getByTestId("lang-toggle").click();
    expect(ko).toMatch(/[가-힣]/);
    expect(ko).toContain("truncated.zip");
    expect(en).toMatch(/^[\x20-\x7e]+$/);
    expect(en).toContain("truncated.zip");
    expect(await zoneCount()).toBe(zones);
    expect(JSON.parse(await exportText()).features).toEqual(JSON.parse(before).features);
  });

  it("exports a zipped Shapefile, GeoJSON in EPSG:5186 and the CSV of areas, named after the zone", async () => {
    const shown = await panelTotalKm2(page);
    const pick = (id: string) => async () => {
      await page.getByTestId("export-menu").locator("summary").click();
      await page.getByTestId(`export-${id}`).click();
    };
    const shp = await saveDownload(page, dir, pick("shp"));
    expect(shp.name).toBe("jinju-root.zip");
    const reread = checkFiling(await importZone(shp.bytes, shp.name), {
      ruleSet: loadRuleSet("phase-1-2"),
    });
    expect(reread.area.totalKm2.toFixed(3)).toBe(shown.toFixed(3));
    const tm = await saveDownload(page, dir, pick("geojson-5186"));
    expect(tm.name).toBe("jinju-root-5186.geojson");
    const tmDoc = JSON.parse(new TextDecoder().decode(tm.bytes));
    expect(tmDoc.crs.properties.name).toMatch(/5186/);
    expect(tmDoc.features[0].geometry.coordinates[0][0][0]).toBeGreaterThan(100_000);
    const csv = await saveDownload(page, dir, pick("csv"));
    expect(csv.name).toBe("jinju-root.csv");
    const lines = new TextDecoder().decode(csv.bytes).trim().split(/\r\n/);
    expect(lines[0]).toMatch(/id,name,area_m2,area_km2/);
    expect(Number(lines[1]?.split(",")[3]).toFixed(3)).toBe(shown.toFixed(3));
  });
});

describe("reviewer mode", () => {
  it("shows the opened file's SHA-256, the verdict and every finding beside the map", async () => {
    await page.getByTestId("reviewer-mode").click();
    await page.getByTestId("review-sha256").waitFor();
    await page.getByTestId("reviewer-file").setInputFiles(JINCHEON);
    const name = page.getByTestId("review-file-name");
    await expect.poll(() => name.textContent()).toBe("jincheon-korean.geojson");
    const bytes = readFileSync(JINCHEON);
    expect(await page.getByTestId("review-sha256").textContent()).toBe(sha256(bytes));
    expect(await page.getByTestId("review-verdict").textContent()).toBe("부적합");
    // The finding by its title, the code kept only as data (issue 21: no raw codes in Korean).
    const capFinding = page.locator('[data-testid=review-findings] li[data-code="AREA_CAP"]');
    expect(await capFinding.textContent()).toContain("면적 상한 초과");
    const total = Number(await page.getByTestId("review-total").textContent());
    expect(Math.abs(total - JINCHEON_ORACLE_KM2)).toBeLessThan(1e-5);
    expect(await page.getByTestId("review-map").isVisible()).toBe(true);
    await page.getByTestId("lang-toggle").click();
    expect(await page.getByTestId("review-verdict").textContent()).toBe("Not compliant");
    await page.getByTestId("lang-toggle").click();
  });

  it("hashes the current zone as the exact bytes its download holds", async () => {
    await page.getByTestId("review-current").click();
    const name = page.getByTestId("review-file-name");
    await expect.poll(() => name.textContent()).toBe("jinju-root.czd.geojson");
    const shown = await page.getByTestId("review-sha256").textContent();
    const file = await saveDownload(page, dir, () => page.getByTestId("review-download").click());
    expect(sha256(file.bytes)).toBe(shown);
  });

  it("opens a filing dropped in reviewer mode for review, without importing it", async () => {
    const zones = await zoneCount();
    const text = createSquareFiling(127.5, 36.9, 0.01).toString("utf8");
    await page.evaluate((body) => {
      const data = new DataTransfer();
      data.items.add(new File([body], "dropped.geojson", { type: "application/geo+json" }));
      window.dispatchEvent(new DragEvent("drop", { dataTransfer: data, cancelable: true }));
    }, text);
    const name = page.getByTestId("review-file-name");
    await expect.poll(() => name.textContent()).toBe("dropped.geojson");
    expect(await page.getByTestId("review-sha256").textContent()).toBe(sha256(Buffer.from(text)));
    expect(await zoneCount()).toBe(zones);
  });

  it("prints the A4 report with the hash, without the app around it", async () => {
    await page.getByTestId("reviewer-file").setInputFiles(JINCHEON);
    const hash = sha256(readFileSync(JINCHEON));
    await expect.poll(() => page.getByTestId("review-sha256").textContent()).toBe(hash);
    await page.evaluate(() => {
      const w = window as Window & { printCalls?: number };
      w.printCalls = 0;
      w.print = () => {
        w.printCalls = (w.printCalls ?? 0) + 1;
      };
    });
    await page.getByTestId("print-view").click();
    await expect.poll(() => page.getByTestId("print-sheet").textContent()).toContain(hash);
    const calls = () =>
      page.evaluate(() => (window as Window & { printCalls?: number }).printCalls);
    await expect.poll(calls).toBe(1);
    const pdfPath = join(dir, "report.pdf");
    writeFileSync(pdfPath, await page.pdf({ format: "A4", printBackground: true }));
    const info = execFileSync("pdfinfo", [pdfPath], { encoding: "utf8" });
    expect(Number(/Pages:\s+(\d+)/.exec(info)?.[1])).toBeGreaterThanOrEqual(1);
    expect(info).toMatch(/Page size:.*\(A4\)/);
    const text = execFileSync("pdftotext", ["-layout", pdfPath, "-"], { encoding: "utf8" });
    expect(text).toContain("클러스터 지구 검토 보고서");
    expect(text).toContain("AREA_CAP");
    expect(text.replace(/\s+/g, "")).toContain(hash);
    expect(text).not.toContain("신청서 내보내기");
    await page.getByTestId("print-close").click();
    expect(await page.getByTestId("print-sheet").count()).toBe(0);
  });

  it("goes back to the map with the planner's work as it was", async () => {
    await page.getByTestId("reviewer-mode").click();
    await waitForMap(page);
    expect(await page.getByTestId("parcel-list").locator("tr").count()).toBe(1);
    expect(await page.getByTestId("map").isVisible()).toBe(true);
  });

  it("logged no console errors", () => {
    expect(app.errors).toEqual([]);
  });
});
