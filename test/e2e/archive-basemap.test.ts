/**
 * A PMTiles basemap: an archive an office places beside the app (basemap.pmtiles, here under a
 * sub-path) is found at start and drawn, the status bar naming it; an archive opened from disk
 * with the picker replaces the embedded map's land. The archives are built by the test from our
 * own 시·군·구 (test/support/pmtiles-writer.ts).
 */
import { cpSync, mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Page } from "playwright-core";
import { afterEach, describe, expect, inject, it } from "vitest";
import { GENERIC } from "../../src/map/archive-style";
import { sigunguVectorArchive, solidRasterArchive } from "../support/pmtiles-writer";
import { type AppPage, openApp, waitForMap } from "./browser";
import { countColours } from "./pixels";
import { serveDir } from "./static-server";

let app: AppPage | undefined;
let server: { close: () => Promise<void> } | undefined;

afterEach(async () => {
  await app?.close();
  await server?.close();
  app = undefined;
  server = undefined;
});

/** 진주: 시·군·구 polygons all round at hash zoom 10. */
const JINJU = "#10/35.18/128.1";
const RASTER_COLOUR = "#7048e8";

/** The share of the map's pixels near each colour. */
async function shares(page: Page, colours: string[]): Promise<number[]> {
  const map = page.getByTestId("map");
  const box = await map.boundingBox();
  if (!box) throw new Error("no map box");
  const counts = await countColours(page, await map.screenshot(), colours);
  return counts.map((c) => c / (box.width * box.height));
}

async function basemapShown(page: Page): Promise<string> {
  const status = page.getByTestId("basemap-name");
  await page
    .locator('[data-testid="basemap-name"][data-state="shown"]')
    .waitFor({ timeout: 30_000 });
  return (await status.textContent()) ?? "";
}

/** The built app under /apps/czd/ with `archive` beside it as basemap.pmtiles; its URL. */
async function serveWithArchive(archive: Buffer, ranges = true): Promise<string> {
  const root = mkdtempSync(join(tmpdir(), "czd-pmtiles-"));
  mkdirSync(join(root, "apps"));
  const dir = join(root, "apps", "czd");
  cpSync("dist", dir, { recursive: true });
  writeFileSync(join(dir, "basemap.pmtiles"), archive);
  const served = await serveDir(root, { ranges });
  server = served;
  return `${served.url}apps/czd/`;
}

describe("a PMTiles basemap", () => {
  it("finds basemap.pmtiles beside the app under a sub-path and draws its vector layers", async () => {
    const base = await serveWithArchive(sigunguVectorArchive(5, 8));
    app = await openApp(base);
    await app.page.goto(`${base}${JINJU}`);
    await waitForMap(app.page);
    const text = await basemapShown(app.page);
    expect(text).toContain("배경지도: basemap.pmtiles");
    expect(text).toContain("벡터");
    expect(text).toContain("앱 옆에 둔 파일");
    expect(await app.page.getByTestId("basemap-name").getAttribute("data-kind")).toBe("vector");
    await app.page.waitForTimeout(500);
    // The archive's 시·군·구 polygons, in the generic fill, cover the land around 진주.
    const [fill = 0] = await shares(app.page, [GENERIC.fill]);
    expect(fill).toBeGreaterThan(0.3);
    await app.page.getByTestId("lang-toggle").click();
    expect(await app.page.getByTestId("basemap-name").textContent()).toContain(
      "Basemap: basemap.pmtiles (vector, placed beside the app)",
    );
    expect(app.errors).toEqual([]);
  });

  it("opens a raster archive from disk with the picker, drawn only where its tiles are", async () => {
    const baseUrl = inject("baseUrl");
    app = await openApp(baseUrl);
    const { page } = app;
    await page.goto(`${baseUrl}${JINJU}`);
    await waitForMap(page);
    const status = page.getByTestId("basemap-name");
    // No archive beside the app in dist/: the embedded basemap alone.
    expect(await status.getAttribute("data-state")).toBe("embedded");
    const [before = 0] = await shares(page, [RASTER_COLOUR]);
    expect(before).toBe(0);
    // Tiles over the east half of the view only (진주's centre eastwards).
    const archive = solidRasterArchive(RASTER_COLOUR, [128.1, 34.8, 128.8, 35.6], 5, 10);
    await page.getByTestId("basemap-archive-file").setInputFiles({
      name: "jinju-raster.pmtiles",
      mimeType: "application/octet-stream",
      buffer: archive,
    });
    const text = await basemapShown(page);
    expect(text).toContain("jinju-raster.pmtiles");
    expect(text).toContain("래스터");
    expect(text).toContain("내 PC에서 연 파일");
    await page.waitForTimeout(500);
    const [after = 0] = await shares(page, [RASTER_COLOUR]);
    // About the east half of the map, less the borders drawn over it.
    expect(after).toBeGreaterThan(0.25);
    expect(after).toBeLessThan(0.6);
    expect(app.errors).toEqual([]);
  });

  it("says in the status bar when a file is not a PMTiles archive, and keeps the embedded map", async () => {
    const baseUrl = inject("baseUrl");
    app = await openApp(baseUrl);
    const { page } = app;
    await page.goto(`${baseUrl}${JINJU}`);
    await waitForMap(page);
    await page.getByTestId("basemap-archive-file").setInputFiles({
      name: "not-an-archive.pmtiles",
      mimeType: "application/octet-stream",
      buffer: Buffer.from("this is not a PMTiles archive, just text ".repeat(10)),
    });
    await page.locator('[data-testid="basemap-name"][data-state="failed"]').waitFor();
    const text = (await page.getByTestId("basemap-name").textContent()) ?? "";
    expect(text).toContain("배경지도 파일을 읽지 못함: not-an-archive.pmtiles");
    await waitForMap(page);
  });

  it("says so when the web server beside the app does not answer range requests", async () => {
    const base = await serveWithArchive(sigunguVectorArchive(5, 6), false);
    app = await openApp(base);
    await app.page.goto(`${base}${JINJU}`);
    await waitForMap(app.page);
    await app.page.locator('[data-testid="basemap-name"][data-state="failed"]').waitFor();
    expect(await app.page.getByTestId("basemap-name").textContent()).toContain(
      "웹 서버가 범위 요청(Range)에 답하지 않음",
    );
  });
});
