/**
 * Undo while drawing (issue 7, item 2): Ctrl+Z inside a polygon being drawn takes back its last
 * vertex (and cancels the polygon when none is left), never an earlier parcel, and leaves the
 * redo stack as it was.
 */
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { type AppPage, openAppAt, panelTotalKm2 } from "./browser";
import {
  clickAt,
  drawWith,
  METRES_PER_PX,
  newZone,
  parcelCount,
  pickTool,
  START,
  squareAt,
} from "./tools-helpers";

let app: AppPage;
let page: Page;

beforeAll(async () => {
  app = await openAppAt(inject("baseUrl"), START);
  page = app.page;
});

afterAll(async () => {
  await app?.close();
});

const km2 = (px2: number) => (px2 * METRES_PER_PX * METRES_PER_PX) / 1e6;

describe("Ctrl+Z while drawing", () => {
  it("removes the last vertex of the polygon in progress, not the parcel drawn before", async () => {
    await newZone(page);
    await drawWith(page, "parcel-polygon", await squareAt(page, -200, 0, 100));
    await expect.poll(() => parcelCount(page)).toBe(1);
    const first = await panelTotalKm2(page);
    // A second square 80 px wide, but its third click goes astray (40 px too far down)…
    const [a, b, c, d] = await squareAt(page, 150, 0, 80);
    if (!a || !b || !c || !d) throw new Error("no square");
    await pickTool(page, "parcel-polygon");
    await clickAt(page, a);
    await clickAt(page, b);
    await clickAt(page, [c[0], c[1] + 40]);
    await page.keyboard.press("Control+z");
    await page.waitForTimeout(200);
    expect(await parcelCount(page)).toBe(1);
    expect(await panelTotalKm2(page)).toBe(first);
    // …is taken back and clicked again right: the square is what gets added.
    await clickAt(page, c);
    await clickAt(page, d);
    await page.keyboard.press("Enter");
    await expect.poll(() => parcelCount(page)).toBe(2);
    const added = (await panelTotalKm2(page)) - first;
    expect(added).toBeGreaterThan(km2(80 * 80) * 0.95);
    expect(added).toBeLessThan(km2(80 * 80) * 1.05);
  });

  it("cancels the polygon when its last vertex is taken back; the redo stack survives", async () => {
    await newZone(page);
    await drawWith(page, "parcel-polygon", await squareAt(page, -200, 0, 100));
    await drawWith(page, "parcel-polygon", await squareAt(page, 0, 150, 60));
    await expect.poll(() => parcelCount(page)).toBe(2);
    const both = await panelTotalKm2(page);
    await page.keyboard.press("Control+z");
    await expect.poll(() => parcelCount(page)).toBe(1);
    const one = await panelTotalKm2(page);
    const [a, b, c] = await squareAt(page, 150, 0, 80);
    if (!a || !b || !c) throw new Error("no square");
    await pickTool(page, "parcel-polygon");
    for (const p of [a, b, c]) await clickAt(page, p);
    for (let i = 0; i < 3; i += 1) await page.keyboard.press("Control+z");
    await page.waitForTimeout(200);
    expect(await parcelCount(page)).toBe(1);
    expect(await panelTotalKm2(page)).toBe(one);
    // Enter now finishes nothing: the polygon is gone.
    await page.keyboard.press("Enter");
    await page.waitForTimeout(200);
    expect(await parcelCount(page)).toBe(1);
    expect(await page.getByTestId("redo").isEnabled()).toBe(true);
    await page.keyboard.press("Control+Shift+z");
    await expect.poll(() => parcelCount(page)).toBe(2);
    expect(await panelTotalKm2(page)).toBe(both);
  });

  it("logged no console errors", () => {
    expect(app.errors).toEqual([]);
  });
});
