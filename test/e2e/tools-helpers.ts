/** Mouse-and-keyboard helpers for the drawing tool tests: pixels on the map, panel readings. */
import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { FeatureCollection } from "geojson";
import type { Page } from "playwright-core";
import { expect } from "vitest";
import { panelSettled } from "./browser";
import { expectCheckedAsEmbedded } from "./czd-check";

/** The view the tests draw in: hash zoom 12 (256-px tiles) near 37.33°N. */
export const START = "#12/37.33/127.955";
const START_LAT = 37.33;
const START_HASH_ZOOM = 12;
const START_LON = 127.955;

/** Ground metres per CSS pixel at START: Web Mercator, 256-px tiles, WGS84 equatorial radius. */
export const METRES_PER_PX =
  (2 * Math.PI * 6378137 * Math.cos((START_LAT * Math.PI) / 180)) / (256 * 2 ** START_HASH_ZOOM);

export type Px = [number, number];

/** The map's centre in page pixels. */
export async function mapCentre(page: Page): Promise<Px> {
  const box = await page.getByTestId("map").boundingBox();
  if (!box) throw new Error("no map box");
  return [box.x + box.width / 2, box.y + box.height / 2];
}

/** Back to the START view (an import or a finding click moves the map). */
export async function goToStart(page: Page): Promise<void> {
  await page.evaluate((hash) => {
    window.location.hash = hash;
  }, START);
  await expect.poll(async () => isStart(await viewOf(page))).toBe(true);
}

/** The view the URL hash names: [hash zoom, lat, lon]. */
export async function viewOf(page: Page): Promise<[number, number, number]> {
  const [zoom = 0, lat = 0, lon = 0] = new URL(page.url()).hash.slice(1).split("/").map(Number);
  return [zoom, lat, lon];
}

const isStart = ([zoom, lat, lon]: [number, number, number]) =>
  Math.abs(zoom - START_HASH_ZOOM) < 1e-6 &&
  Math.abs(lat - START_LAT) < 1e-5 &&
  Math.abs(lon - START_LON) < 1e-5;

/** A fresh, empty zone made active with the zone list's add button; the view back at START. */
export async function newZone(page: Page): Promise<void> {
  const zones = page.getByTestId("zones").locator("li");
  const before = await zones.count();
  await page.getByTestId("zone-list").locator(":scope > button").click();
  await expect.poll(() => zones.count()).toBe(before + 1);
  await goToStart(page);
}

/** Pick a tool unless it is already on. */
export async function pickTool(page: Page, tool: string): Promise<void> {
  const button = page.getByTestId(`tool-${tool}`);
  if ((await button.getAttribute("aria-pressed")) !== "true") await button.click();
}

/** Move to a point and click there, with a pause so two clicks never make a double click. */
export async function clickAt(page: Page, [x, y]: Px): Promise<void> {
  await page.mouse.move(x, y, { steps: 4 });
  await page.mouse.click(x, y);
  await page.waitForTimeout(150);
}

/** Click each point with a tool, then press Enter (polygon, line) to finish. */
export async function drawWith(page: Page, tool: string, points: Px[]): Promise<void> {
  await pickTool(page, tool);
  for (const p of points) await clickAt(page, p);
  await page.keyboard.press("Enter");
}

/** The corners of a square of `sizePx` centred `dx, dy` pixels from the map's centre. */
export async function squareAt(page: Page, dx: number, dy: number, sizePx: number): Promise<Px[]> {
  const [cx, cy] = await mapCentre(page);
  const x0 = cx + dx - sizePx / 2;
  const y0 = cy + dy - sizePx / 2;
  return [
    [x0, y0],
    [x0 + sizePx, y0],
    [x0 + sizePx, y0 + sizePx],
    [x0, y0 + sizePx],
  ];
}

export async function parcelCount(page: Page): Promise<number> {
  return page.getByTestId("parcel-list").locator("tr").count();
}

/** The codes of the findings the validation panel lists, in order. */
export async function findingCodes(page: Page): Promise<string[]> {
  await panelSettled(page);
  const list = page.getByTestId("findings");
  if ((await list.count()) === 0) return [];
  return list
    .locator("li")
    .evaluateAll((items) => items.map((li) => li.getAttribute("data-code") ?? ""));
}

/** The panel's reach line as numbers: reach and limit in km (circle or belt). */
export async function reachKm(page: Page): Promise<{ reachKm: number; limitKm: number }> {
  await panelSettled(page);
  const text = (await page.getByTestId("reach").textContent()) ?? "";
  const m = /([\d.]+) km \/ \S+ ([\d.]+) km/.exec(text);
  if (!m) throw new Error(`no reach in "${text}"`);
  return { reachKm: Number(m[1]), limitKm: Number(m[2]) };
}

/** Type a number into the envelope size field as a planner would: select all, type, Enter. */
export async function typeEnvelopeSize(page: Page, km: string): Promise<void> {
  const field = page.getByTestId("envelope-size");
  await field.click();
  await page.keyboard.press("Control+a");
  await page.keyboard.type(km);
  await page.keyboard.press("Enter");
}

/** The filing the export button downloads, parsed. */
export async function exportFiling(page: Page): Promise<FeatureCollection> {
  const [download] = await Promise.all([
    page.waitForEvent("download"),
    page.getByTestId("export-geojson").click(),
  ]);
  const path = join(mkdtempSync(join(tmpdir(), "czd-tools-")), download.suggestedFilename());
  await download.saveAs(path);
  const filing = JSON.parse(readFileSync(path, "utf8")) as FeatureCollection;
  await expectCheckedAsEmbedded(path, filing);
  return filing;
}
