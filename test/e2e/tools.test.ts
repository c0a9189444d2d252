/**
 * The parcel tools through the mouse and keyboard: circle and rectangle areas against hand
 * figures, Esc cancelling a polygon, vertex snapping, select-and-delete with undo, and a finding
 * that takes the map to its parcels. Expected areas come from the pixel size at START, not the app.
 */
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { type AppPage, openAppAt, panelTotalKm2 } from "./browser";
import {
  clickAt,
  drawWith,
  exportFiling,
  findingCodes,
  METRES_PER_PX,
  mapCentre,
  newZone,
  parcelCount,
  pickTool,
  START,
  squareAt,
  viewOf,
} from "./tools-helpers";

let app: AppPage;
let page: Page;

/** km² of a shape `widthPx` × `heightPx` pixels at START. */
const km2 = (widthPx: number, heightPx: number) =>
  (widthPx * METRES_PER_PX * heightPx * METRES_PER_PX) / 1e6;

beforeAll(async () => {
  app = await openAppAt(inject("baseUrl"), START);
  page = app.page;
});

afterAll(async () => {
  await app?.close();
});

describe("parcel tools, by mouse", () => {
  it("draws a circle (click the centre, click the rim) whose area is π·r² for its pixel radius", async () => {
    const [cx, cy] = await mapCentre(page);
    await pickTool(page, "parcel-circle");
    await clickAt(page, [cx, cy]);
    await clickAt(page, [cx + 60, cy]);
    await expect.poll(() => parcelCount(page)).toBe(1);
    // r = 60 px × 30.4 m = 1.82 km: π·r² ≈ 10.4 km².
    const expected = (Math.PI * (60 * METRES_PER_PX) ** 2) / 1e6;
    const total = await panelTotalKm2(page);
    expect(total).toBeGreaterThan(expected * 0.95);
    expect(total).toBeLessThan(expected * 1.05);
  });

  it("draws a 100 × 50 px rectangle (two opposite corners) of about 4.6 km²", async () => {
    await newZone(page);
    const [cx, cy] = await mapCentre(page);
    await pickTool(page, "parcel-rectangle");
    await clickAt(page, [cx - 50, cy - 25]);
    await clickAt(page, [cx + 50, cy + 25]);
    await expect.poll(() => parcelCount(page)).toBe(1);
    const expected = km2(100, 50);
    expect(expected).toBeGreaterThan(4.5);
    const total = await panelTotalKm2(page);
    expect(total).toBeGreaterThan(expected * 0.95);
    expect(total).toBeLessThan(expected * 1.05);
  });

  it("cancels a polygon with Esc: no parcel is added and the total stays", async () => {
    const before = await panelTotalKm2(page);
    await pickTool(page, "parcel-polygon");
    for (const p of await squareAt(page, 200, 0, 80)) await clickAt(page, p);
    await page.keyboard.press("Escape");
    // Enter after Esc must not finish the cancelled shape either.
    await page.keyboard.press("Enter");
    expect(await panelTotalKm2(page)).toBe(before);
    // A rectangle drawn next is the only thing added: one parcel more, its area alone added.
    const [cx, cy] = await mapCentre(page);
    await pickTool(page, "parcel-rectangle");
    await clickAt(page, [cx - 300, cy - 150]);
    await clickAt(page, [cx - 250, cy - 100]);
    await expect.poll(() => parcelCount(page)).toBe(2);
    const added = (await panelTotalKm2(page)) - before;
    expect(added).toBeGreaterThan(km2(50, 50) * 0.95);
    expect(added).toBeLessThan(km2(50, 50) * 1.05);
  });

  it("snaps a new parcel's first click, 4 px off an existing vertex, exactly onto it", async () => {
    await newZone(page);
    const first = await squareAt(page, 0, 0, 100);
    await drawWith(page, "parcel-polygon", first);
    await expect.poll(() => parcelCount(page)).toBe(1);
    // The second square shares the first one's top-right corner, clicked 3 px right, 2 px up.
    const [x, y] = first[1] ?? [0, 0];
    await drawWith(page, "parcel-polygon", [
      [x + 3, y - 2],
      [x + 80, y - 2],
      [x + 80, y - 80],
      [x + 3, y - 80],
    ]);
    await expect.poll(() => parcelCount(page)).toBe(2);
    const filing = await exportFiling(page);
    const rings = filing.features
      .filter((f) => f.properties?.role !== "envelope" && f.geometry.type === "Polygon")
      .map((f) => (f.geometry.type === "Polygon" ? (f.geometry.coordinates[0] ?? []) : []));
    const [a = [], b = []] = rings;
    const key = (p: number[]) => `${p[0]},${p[1]}`;
    const shared = b.filter((p) => a.some((q) => key(q) === key(p)));
    // The ring is closed, so a shared first vertex may appear twice; one distinct position.
    expect(new Set(shared.map(key)).size).toBe(1);
  });

  it("deletes a parcel picked with the select tool (Delete key); undo brings it back", async () => {
    const before = await panelTotalKm2(page);
    const [cx, cy] = await mapCentre(page);
    await pickTool(page, "select");
    await clickAt(page, [cx, cy]);
    await page.keyboard.press("Delete");
    await expect.poll(() => parcelCount(page)).toBe(1);
    const after = await panelTotalKm2(page);
    expect(after).toBeLessThan(before - 5);
    await page.getByTestId("undo").click();
    await expect.poll(() => parcelCount(page)).toBe(2);
    expect(await panelTotalKm2(page)).toBe(before);
    // The restored parcel is editable again: picked and deleted once more, then by the list's ✕.
    await clickAt(page, [cx, cy]);
    await page.keyboard.press("Delete");
    await expect.poll(() => parcelCount(page)).toBe(1);
    await page.getByTestId("undo").click();
    await expect.poll(() => parcelCount(page)).toBe(2);
    await page.getByTestId("tool-select").click();
    await page
      .getByLabel(/^구역 지우기/)
      .first()
      .click();
    await expect.poll(() => panelTotalKm2(page)).toBe(after);
    await page.getByTestId("undo").click();
    await expect.poll(() => panelTotalKm2(page)).toBe(before);
  });

  it("takes the map to a finding's parcels when the finding is clicked", async () => {
    await newZone(page);
    // Two overlapping squares up and left of the centre: an OVERLAP finding naming both.
    await drawWith(page, "parcel-polygon", await squareAt(page, -300, -200, 60));
    await drawWith(page, "parcel-polygon", await squareAt(page, -270, -170, 60));
    await expect.poll(() => findingCodes(page)).toContain("OVERLAP");
    await page.getByTestId("tool-parcel-polygon").click();
    const before = new URL(page.url()).hash;
    await page.getByTestId("findings").locator('li[data-code="OVERLAP"]').locator("button").click();
    await expect.poll(() => new URL(page.url()).hash).not.toBe(before);
    // The new view is centred on the two squares (≈ 285 px left, 185 px up of START's centre).
    const [zoom, lat, lon] = await viewOf(page);
    expect(zoom).toBeGreaterThan(12);
    const degPerPx = 360 / (256 * 2 ** 12);
    expect(lon).toBeCloseTo(127.955 - 285 * degPerPx, 2);
    expect(lat).toBeGreaterThan(37.33);
  });

  it("logged no console errors", () => {
    expect(app.errors).toEqual([]);
  });
});
