/**
 * The planner's path through the built app, offline: draw, read the panel, export, check the
 * file with the geo core, re-import, reload, undo/redo, a broken import, the basemap pixels.
 */
import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { checkFiling, loadRuleSet, readFiling } from "../../geo/index";
import { COLOURS } from "../../src/map/ids";
import { type AppPage, openAppAt, panelTotalKm2, waitForMap } from "./browser";
import { countColours } from "./pixels";

const START = "#12/37.33/127.955";
let app: AppPage;
let page: Page;

async function drawSquare(dx: number, dy: number, sizePx: number): Promise<void> {
  await page.getByTestId("tool-parcel-polygon").click();
  const box = await page.getByTestId("map").boundingBox();
  if (!box) throw new Error("no map box");
  const x0 = box.x + box.width / 2 + dx - sizePx / 2;
  const y0 = box.y + box.height / 2 + dy - sizePx / 2;
  const corners: [number, number][] = [
    [x0, y0],
    [x0 + sizePx, y0],
    [x0 + sizePx, y0 + sizePx],
    [x0, y0 + sizePx],
  ];
  for (const [x, y] of corners) {
    await page.mouse.move(x, y, { steps: 4 });
    await page.mouse.click(x, y);
    await page.waitForTimeout(150);
  }
  await page.keyboard.press("Enter");
}

async function parcelCount(): Promise<number> {
  return page.getByTestId("parcel-list").locator("tr").count();
}

async function exportFiling(): Promise<{ path: string; text: string }> {
  const [download] = await Promise.all([
    page.waitForEvent("download"),
    page.getByTestId("export-geojson").click(),
  ]);
  // Saved under the name the app gives it: `czd check` picks its reader by the extension.
  const path = join(mkdtempSync(join(tmpdir(), "czd-dl-")), download.suggestedFilename());
  await download.saveAs(path);
  return { path, text: readFileSync(path, "utf8") };
}

async function waitSaved(): Promise<void> {
  await page.locator('[data-testid="save-status"][data-state="saved"]').waitFor();
}

beforeAll(async () => {
  app = await openAppAt(inject("baseUrl"), START);
  page = app.page;
});

afterAll(async () => {
  await app?.close();
});

describe("the planner's map, offline", () => {
  it("renders the embedded basemap: 시·도 land and sea colours are in the map's pixels", async () => {
    await page.goto(`${inject("baseUrl")}#7.3/36.2/127.8`);
    await waitForMap(page);
    await page.waitForTimeout(500);
    const png = await page.getByTestId("map").screenshot({ path: "test-results/basemap.png" });
    const [land = 0, sea = 0] = await countColours(page, png, [COLOURS.land, COLOURS.sea]);
    const box = await page.getByTestId("map").boundingBox();
    const total = (box?.width ?? 0) * (box?.height ?? 0);
    expect(land / total).toBeGreaterThan(0.1);
    expect(sea / total).toBeGreaterThan(0.1);
    await expect.poll(() => page.locator(".sido-label").count()).toBe(17);
    expect(await page.locator(".sido-label", { hasText: "충청북도" }).count()).toBe(1);
  });

  it("reads about 9 km² for a 100 px square drawn by mouse at zoom 12 near 37.3°N", async () => {
    await page.goto(`${inject("baseUrl")}${START}`);
    await page.reload();
    await waitForMap(page);
    await drawSquare(0, 0, 100);
    await expect.poll(() => parcelCount()).toBe(1);
    // 100 px × 156543 m·cos(37.33°)/2^12 per px ≈ 3.04 km a side: 9.2 km².
    const total = await panelTotalKm2(page);
    expect(total).toBeGreaterThan(8.5);
    expect(total).toBeLessThan(10);
  });

  it("exports a filing whose geo-core total equals the panel's to 3 decimals", async () => {
    const shown = await panelTotalKm2(page);
    const { text } = await exportFiling();
    const filing = JSON.parse(text);
    expect(filing.type).toBe("FeatureCollection");
    expect(filing.czd.ruleSet).toBe("phase-1-2");
    expect(typeof filing.czd.ruleSetVersion).toBe("string");
    expect(typeof filing.czd.dataDate).toBe("string");
    const report = checkFiling(readFiling(text), { ruleSet: loadRuleSet("phase-1-2") });
    expect(report.area.totalKm2.toFixed(3)).toBe(shown.toFixed(3));
  });

  it("gives the same total through `czd check` on the downloaded file", async () => {
    const shown = await panelTotalKm2(page);
    const { path } = await exportFiling();
    // `czd check` exits 0 (compliant) or 1 (not); either way it prints the JSON report.
    const run = spawnSync(
      "node_modules/.bin/tsx",
      ["geo/cli/bin.ts", "check", path, "--format", "json"],
      {
        encoding: "utf8",
      },
    );
    expect([0, 1]).toContain(run.status);
    expect(JSON.parse(run.stdout).area.totalKm2.toFixed(3)).toBe(shown.toFixed(3));
  });

  it("re-imports the exported filing as a new zone with the same total", async () => {
    const shown = await panelTotalKm2(page);
    const { path } = await exportFiling();
    await page.getByTestId("import-file").setInputFiles(path);
    await expect.poll(() => page.getByTestId("zones").locator("li").count()).toBe(2);
    expect((await panelTotalKm2(page)).toFixed(3)).toBe(shown.toFixed(3));
  });

  it("restores the drawing exactly after a reload (autosave)", async () => {
    await waitSaved();
    const before = JSON.parse((await exportFiling()).text);
    await page.reload();
    await waitForMap(page);
    const after = JSON.parse((await exportFiling()).text);
    expect(after.features).toEqual(before.features);
    expect(await page.getByTestId("zones").locator("li").count()).toBe(2);
  });

  it("undo removes the last edit and redo restores it (buttons and keyboard)", async () => {
    await drawSquare(-150, 0, 60);
    await expect.poll(() => parcelCount()).toBe(2);
    await page.getByTestId("undo").click();
    await expect.poll(() => parcelCount()).toBe(1);
    await page.getByTestId("redo").click();
    await expect.poll(() => parcelCount()).toBe(2);
    await page.keyboard.press("Control+z");
    await expect.poll(() => parcelCount()).toBe(1);
    await page.keyboard.press("Control+Shift+z");
    await expect.poll(() => parcelCount()).toBe(2);
  });

  it("re-validates while a vertex is dragged with the select tool, and the drag is one undo step", async () => {
    // An import zooms the map to what came in; go back to the view the square was drawn in.
    await page.evaluate((hash) => {
      window.location.hash = hash;
    }, START);
    await page.waitForTimeout(500);
    const box = await page.getByTestId("map").boundingBox();
    if (!box) throw new Error("no map box");
    const cx = box.x + box.width / 2;
    const cy = box.y + box.height / 2;
    const before = await panelTotalKm2(page);
    await page.getByTestId("tool-select").click();
    await page.mouse.click(cx, cy);
    await page.mouse.move(cx + 50, cy + 50);
    await page.mouse.down();
    await page.mouse.move(cx + 90, cy + 90, { steps: 6 });
    await expect.poll(() => panelTotalKm2(page)).toBeGreaterThan(before + 0.5);
    await page.mouse.up();
    await page.getByTestId("tool-select").click();
    const dragged = await panelTotalKm2(page);
    expect(dragged).toBeGreaterThan(before + 0.5);
    await page.getByTestId("undo").click();
    await expect.poll(() => panelTotalKm2(page)).toBe(before);
    await page.getByTestId("redo").click();
    await expect.poll(() => panelTotalKm2(page)).toBe(dragged);
  });

  it("refuses a broken import with a Korean and English message and changes nothing", async () => {
    await waitSaved();
    const before = (await exportFiling()).text;
    const zones = await page.getByTestId("zones").locator("li").count();
    await page.getByTestId("import-file").setInputFiles({
      name: "broken.geojson",
      mimeType: "application/geo+json",
      buffer: Buffer.from("this is not JSON {"),
    });
    const notice = page.getByTestId("notice");
    await expect.poll(() => notice.getAttribute("data-kind")).toBe("error");
    const text = (await notice.textContent()) ?? "";
    expect(text).toMatch(/[가-힣]/);
    expect(text).toMatch(/JSON/);
    expect(await page.getByTestId("zones").locator("li").count()).toBe(zones);
    const after = (await exportFiling()).text;
    expect(JSON.parse(after).features).toEqual(JSON.parse(before).features);
  });

  it("switches to English with the toggle", async () => {
    await page.getByTestId("lang-toggle").click();
    await expect
      .poll(() => page.getByTestId("validation-panel").textContent())
      .toMatch(/Validation/);
    await page.getByTestId("lang-toggle").click();
  });

  it("logged no console errors", () => {
    expect(app.errors).toEqual([]);
  });
});
