/**
 * One commit path (issue 7, item 1): a vertex drag reaches the store as one undo step however it
 * ends (released over the right-hand panel, outside the window, on blur), Esc cancels it, and the
 * exported filing's areaKm2 and embedded report are those of the geometry written beside them:
 * `czd check` on the export gives its embedded report.
 */
import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { FeatureCollection } from "geojson";
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import type { Report } from "../../geo/index";
import { type AppPage, openAppAt, panelTotalKm2, waitForMap } from "./browser";
import { czdCheckJson } from "./czd-check";
import { saveDownload } from "./files";
import {
  clickAt,
  drawWith,
  newZone,
  type Px,
  parcelCount,
  pickTool,
  START,
  squareAt,
} from "./tools-helpers";

let app: AppPage;
let page: Page;
const dir = mkdtempSync(join(tmpdir(), "czd-commit-"));

beforeAll(async () => {
  app = await openAppAt(inject("baseUrl"), START);
  page = app.page;
});

afterAll(async () => {
  await app?.close();
});

/** A fresh zone with one 100 px square at the centre, selected with the select tool. */
async function selectedSquare(): Promise<Px[]> {
  await newZone(page);
  const corners = await squareAt(page, 0, 0, 100);
  await drawWith(page, "parcel-polygon", corners);
  await expect.poll(() => parcelCount(page)).toBe(1);
  await pickTool(page, "select");
  const [x0, y0] = corners[0] ?? [0, 0];
  await clickAt(page, [x0 + 50, y0 + 50]);
  return corners;
}

/** Press on the top-right corner and drag it 80 px right and 60 px up, still over the map. */
async function startDrag(corners: Px[]): Promise<void> {
  const [x, y] = corners[1] ?? [0, 0];
  await page.mouse.move(x, y, { steps: 2 });
  await page.mouse.down();
  await page.mouse.move(x + 80, y - 60, { steps: 8 });
}

async function exportAndCheck(): Promise<{ filing: FeatureCollection; embedded: Report }> {
  const saved = await saveDownload(page, dir, () => page.getByTestId("export-geojson").click());
  const filing = JSON.parse(readFileSync(saved.path, "utf8")) as FeatureCollection & {
    czd: { report: Report };
  };
  const embedded = filing.czd.report;
  // The checker's defaults (the stamped rule set, the embedded 혁신도시): the report, exactly.
  const { report } = await czdCheckJson(saved.path);
  expect(report).toEqual(embedded);
  // Each parcel's areaKm2 is that of the geometry beside it, as the checker measures it.
  const areas = filing.features
    .filter((f) => f.properties?.role !== "envelope")
    .map((f) => f.properties?.areaKm2);
  expect(areas).toEqual(report.area.parcels.map((p) => p.km2));
  return { filing, embedded };
}

describe("a vertex drag is one edit however it ends", () => {
  it("released over the right-hand panel: store, export, `czd check` and reload agree", async () => {
    const corners = await selectedSquare();
    const before = await panelTotalKm2(page);
    await startDrag(corners);
    const panel = await page.getByTestId("validation-panel").boundingBox();
    if (!panel) throw new Error("no panel");
    const [x, y] = corners[1] ?? [0, 0];
    await page.mouse.move(panel.x + panel.width / 2, y - 60, { steps: 8 });
    await page.mouse.up();
    const shown = await panelTotalKm2(page);
    expect(shown).toBeGreaterThan(before + 0.5);
    const { embedded } = await exportAndCheck();
    expect(embedded.area.totalKm2.toFixed(3)).toBe(shown.toFixed(3));
    // Back over the map with no button held: the vertex stays where it was let go.
    await page.mouse.move(x - 200, y + 150, { steps: 6 });
    await page.waitForTimeout(200);
    expect(await panelTotalKm2(page)).toBe(shown);
    await page.locator('[data-testid="save-status"][data-state="saved"]').waitFor();
    await page.reload();
    await waitForMap(page);
    expect(await panelTotalKm2(page)).toBe(shown);
  });

  it("released outside the window: one undo step, and undo restores the square", async () => {
    const corners = await selectedSquare();
    const before = await panelTotalKm2(page);
    await startDrag(corners);
    await page.mouse.move(1500, 300, { steps: 8 });
    await page.mouse.up();
    await page.mouse.move(700, 450, { steps: 4 });
    const shown = await panelTotalKm2(page);
    expect(shown).toBeGreaterThan(before + 0.5);
    const { embedded } = await exportAndCheck();
    expect(embedded.area.totalKm2.toFixed(3)).toBe(shown.toFixed(3));
    await page.getByTestId("undo").click();
    await expect.poll(() => panelTotalKm2(page)).toBe(before);
    await page.getByTestId("redo").click();
    await expect.poll(() => panelTotalKm2(page)).toBe(shown);
  });

  it("ended by the window losing focus: the edit is kept where it was", async () => {
    const corners = await selectedSquare();
    const before = await panelTotalKm2(page);
    await startDrag(corners);
    await page.evaluate(() => window.dispatchEvent(new Event("blur")));
    const shown = await panelTotalKm2(page);
    expect(shown).toBeGreaterThan(before + 0.5);
    // The button is let go elsewhere; back over the map, the vertex no longer follows the mouse.
    await page.mouse.move(1500, 300, { steps: 4 });
    await page.mouse.up();
    await page.mouse.move(500, 600, { steps: 6 });
    await page.waitForTimeout(200);
    expect(await panelTotalKm2(page)).toBe(shown);
    const { embedded } = await exportAndCheck();
    expect(embedded.area.totalKm2.toFixed(3)).toBe(shown.toFixed(3));
    await page.getByTestId("undo").click();
    await expect.poll(() => panelTotalKm2(page)).toBe(before);
  });

  it("cancelled by Esc: the square is restored and no undo step is made", async () => {
    const corners = await selectedSquare();
    const before = await panelTotalKm2(page);
    const { filing } = await exportAndCheck();
    await startDrag(corners);
    await expect.poll(() => panelTotalKm2(page)).toBeGreaterThan(before + 0.5);
    await page.keyboard.press("Escape");
    await page.mouse.up();
    await expect.poll(() => panelTotalKm2(page)).toBe(before);
    const after = await exportAndCheck();
    expect(after.filing.features).toEqual(filing.features);
    // The last undo step is still the square's drawing, and redo brings back the square as drawn.
    await page.getByTestId("undo").click();
    await expect.poll(() => parcelCount(page)).toBe(0);
    await page.getByTestId("redo").click();
    await expect.poll(() => panelTotalKm2(page)).toBe(before);
  });

  it("logged no console errors", () => {
    expect(app.errors).toEqual([]);
  });
});
