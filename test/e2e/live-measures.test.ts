/**
 * Live measures while drawing (issue 11): before Enter, the tooltip beside the pointer and the
 * panel show the shape's own figures — the ellipsoidal area of the polygon clicked, a circle's
 * radius, a belt axis's length and half-width — and the zone's total as if it were finished,
 * which is then the panel's total once it is. Expected figures come from geo's own functions
 * over the clicked pixels turned into [lon, lat] at START, not from the app.
 */
import type { Position } from "geojson";
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { distanceM, geodesicAreaM2 } from "../../geo/index";
import { type AppPage, openAppAt, panelTotalKm2 } from "./browser";
import {
  clickAt,
  METRES_PER_PX,
  mapCentre,
  newZone,
  type Px,
  parcelCount,
  pickTool,
  START,
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

/** Web Mercator at START: 256-px tiles at hash zoom 12, the map's centre at START's lon/lat. */
const WORLD_PX = 256 * 2 ** 12;
const [, START_LAT, START_LON] = START.slice(1).split("/").map(Number) as [number, number, number];
const mercY = (lat: number) => Math.log(Math.tan(Math.PI / 4 + (lat * Math.PI) / 360));

async function lonLatOf(page: Page, [x, y]: Px): Promise<Position> {
  const [cx, cy] = await mapCentre(page);
  const lon = START_LON + ((x - cx) * 360) / WORLD_PX;
  const my = mercY(START_LAT) - ((y - cy) * 2 * Math.PI) / WORLD_PX;
  return [lon, ((2 * Math.atan(Math.exp(my)) - Math.PI / 2) * 180) / Math.PI];
}

/** Whole pixels about the map's centre, so the clicked point is the pixel converted. */
async function at(dx: number, dy: number): Promise<Px> {
  const [cx, cy] = await mapCentre(page);
  return [Math.round(cx + dx), Math.round(cy + dy)];
}

/** The first number in a figure line of the tooltip ("tip-…") or the panel ("live-…"). */
async function figure(testId: string): Promise<number> {
  const text = (await page.getByTestId(testId).textContent()) ?? "";
  const m = /(\d+\.\d+)/.exec(text);
  if (!m) throw new Error(`no figure in "${text}"`);
  return Number(m[1]);
}

describe("measures while drawing, before Enter", () => {
  it("shows a polygon's ellipsoidal area and the total with it, which Enter then makes the panel's", async () => {
    await newZone(page);
    const corners = [await at(-60, -40), await at(60, -40), await at(60, 50), await at(-60, 50)];
    await pickTool(page, "parcel-polygon");
    for (const p of corners) await clickAt(page, p);
    // The pointer rests on the last corner: the shape in progress is the four corners clicked.
    const ring = await Promise.all([...corners, corners[0] as Px].map((p) => lonLatOf(page, p)));
    const expected = geodesicAreaM2({ type: "Polygon", coordinates: [ring] }) / 1e6;
    await expect.poll(() => page.getByTestId("live-tooltip").isVisible()).toBe(true);
    const shown = await figure("tip-area");
    expect(shown).toBeGreaterThan(1);
    expect(Math.abs(shown - expected)).toBeLessThan(0.0006);
    expect(await figure("live-area")).toBe(shown);
    const totalWith = await figure("live-total");
    expect(totalWith).toBe(shown);
    expect(await parcelCount(page)).toBe(0);

    await page.keyboard.press("Enter");
    await expect.poll(() => parcelCount(page)).toBe(1);
    expect(await panelTotalKm2(page)).toBe(totalWith);
    await expect.poll(() => page.getByTestId("live-measures").count()).toBe(0);
    expect(await page.getByTestId("live-tooltip").count()).toBe(0);
  });

  it("adds the next parcel to the zone's total while it is drawn", async () => {
    const before = await panelTotalKm2(page);
    await pickTool(page, "parcel-rectangle");
    await clickAt(page, await at(150, -40));
    const corner = await at(230, 40);
    await page.mouse.move(corner[0], corner[1], { steps: 4 });
    await expect.poll(() => page.getByTestId("tip-area").count()).toBe(1);
    const area = await figure("tip-area");
    expect(area).toBeGreaterThan(1);
    // Each figure rounded to 3 decimals on its own: the sum within two roundings.
    expect(Math.abs((await figure("tip-total")) - (before + area))).toBeLessThanOrEqual(0.0011);
    await page.keyboard.press("Escape");
    await expect.poll(() => page.getByTestId("live-tooltip").count()).toBe(0);
    expect(await parcelCount(page)).toBe(1);
  });

  it("shows the radius of a parcel circle being drawn", async () => {
    await newZone(page);
    await pickTool(page, "parcel-circle");
    const centre = await at(0, 0);
    await clickAt(page, centre);
    const edge = await at(80, 0);
    await page.mouse.move(edge[0], edge[1], { steps: 4 });
    await expect.poll(() => page.getByTestId("tip-radius").count()).toBe(1);
    const expected = distanceM(await lonLatOf(page, centre), await lonLatOf(page, edge)) / 1000;
    // terra-draw lays the circle out in Web Mercator: its ground radius is the pixel one's
    // within the scale's change across it (under 1% at 2.4 km).
    expect(Math.abs((await figure("tip-radius")) - expected) / expected).toBeLessThan(0.01);
    expect(await figure("tip-area")).toBeGreaterThan(15);
    await page.keyboard.press("Escape");
  });

  it("shows a belt axis's length and half-width", async () => {
    await newZone(page);
    await page.getByTestId("rule-set").selectOption("phase-3");
    const a = await at(-150, 0);
    const b = await at(100, 0);
    await pickTool(page, "envelope-belt");
    await clickAt(page, a);
    await clickAt(page, b);
    await expect.poll(() => page.getByTestId("tip-axis").count()).toBe(1);
    const expected = distanceM(await lonLatOf(page, a), await lonLatOf(page, b)) / 1000;
    expect(Math.abs((await figure("tip-axis")) - expected)).toBeLessThan(0.006);
    expect(await figure("tip-half-width")).toBe(5);
    expect(await figure("live-axis")).toBe(await figure("tip-axis"));
    await page.keyboard.press("Escape");
  });

  it("shows the envelope circle a click would place: its radius and the reach of the parcels", async () => {
    await newZone(page);
    await pickTool(page, "parcel-polygon");
    const corners = [await at(-20, -20), await at(20, -20), await at(20, 20), await at(-20, 20)];
    for (const p of corners) await clickAt(page, p);
    await page.keyboard.press("Enter");
    await expect.poll(() => parcelCount(page)).toBe(1);
    await pickTool(page, "envelope-circle");
    const pointer = await at(-200, 0);
    await page.mouse.move(pointer[0], pointer[1], { steps: 4 });
    await expect.poll(() => page.getByTestId("tip-reach").count()).toBe(1);
    expect(await figure("tip-radius")).toBe(20);
    // The farthest corner is 220 px across and 20 px up or down.
    const far = (Math.hypot(220, 20) * METRES_PER_PX) / 1000;
    expect(Math.abs((await figure("tip-reach")) - far) / far).toBeLessThan(0.02);
    await pickTool(page, "select");
    await expect.poll(() => page.getByTestId("live-tooltip").count()).toBe(0);
  });

  it("logged no console errors", () => {
    expect(app.errors).toEqual([]);
  });
});
