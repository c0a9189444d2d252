/**
 * A filing reprojected from a projected CRS (EPSG:5186) carries 14 decimals: the select tool must
 * still edit its parcels. terra-draw's default precision (9 decimals) refused them, so a drag on a
 * vertex panned the map instead and the area never changed.
 */
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { type AppPage, openAppAt, panelTotalKm2 } from "./browser";
import { createSquareFiling } from "./files";
import { goToStart, mapCentre, type Px, pickTool, START, viewOf } from "./tools-helpers";

let app: AppPage;
let page: Page;

beforeAll(async () => {
  app = await openAppAt(inject("baseUrl"), START);
  page = app.page;
});

afterAll(async () => {
  await app?.close();
});

const [LAT, LON] = START.slice(1).split("/").slice(1).map(Number) as [number, number];
const HALF = 0.015;
/** CSS pixels per degree of longitude at the START view (hash zoom 12, 256-px tiles). */
const PX_PER_DEG = (256 * 2 ** 12) / 360;
const mercY = (lat: number) => Math.log(Math.tan(Math.PI / 4 + (lat * Math.PI) / 360));

/** A square around START whose corners carry 14-15 decimals, as a reprojection writes them. */
function preciseFiling(): Buffer {
  const d = HALF + 1.234567890123e-11;
  return createSquareFiling(LON - d, LAT - d, 2 * d);
}

/** The page pixel of a lon/lat at the START view. */
function toPx([cx, cy]: Px, lon: number, lat: number): Px {
  const x = cx + (lon - LON) * PX_PER_DEG;
  const y = cy - ((mercY(lat) - mercY(LAT)) * 180 * PX_PER_DEG) / Math.PI;
  return [x, y];
}

describe("a filing with 14-decimal coordinates", () => {
  it("has a vertex dragged with the select tool: the area changes, the map stays, one undo step", async () => {
    const text = preciseFiling().toString();
    expect(text).toMatch(/\.\d{14}[,\]]/);
    await page.getByTestId("import-file").setInputFiles({
      name: "reprojected.geojson",
      mimeType: "application/geo+json",
      buffer: preciseFiling(),
    });
    await expect.poll(() => page.getByTestId("parcel-list").locator("tr").count()).toBe(1);
    // The import zooms the map to the parcel (an animation): let it end, then go back to START.
    await page.waitForTimeout(1500);
    await goToStart(page);
    await page.waitForTimeout(500);
    const centre = await mapCentre(page);
    const before = await panelTotalKm2(page);
    expect(before).toBeGreaterThan(0);
    await pickTool(page, "select");
    await page.mouse.move(centre[0], centre[1], { steps: 2 });
    await page.mouse.click(centre[0], centre[1]);
    await page.waitForTimeout(300);
    expect((await viewOf(page))[0]).toBeCloseTo(12, 6);
    const [x, y] = toPx(centre, LON + HALF, LAT + HALF);
    await page.mouse.move(x, y, { steps: 2 });
    await page.mouse.down();
    await page.mouse.move(x + 40, y - 30, { steps: 8 });
    // The panel follows the drag before the button is let go.
    await expect.poll(() => panelTotalKm2(page)).toBeGreaterThan(before + 0.5);
    const during = await panelTotalKm2(page);
    await page.mouse.up();
    await expect.poll(() => panelTotalKm2(page)).toBe(during);
    const [zoom, lat, lon] = await viewOf(page);
    // The drag moved the vertex, not the map.
    expect(zoom).toBeCloseTo(12, 6);
    expect(lat).toBeCloseTo(LAT, 5);
    expect(lon).toBeCloseTo(LON, 5);
    const dragged = await panelTotalKm2(page);
    await page.getByTestId("undo").click();
    await expect.poll(() => panelTotalKm2(page)).toBe(before);
    await page.getByTestId("redo").click();
    await expect.poll(() => panelTotalKm2(page)).toBe(dragged);
  });
});
