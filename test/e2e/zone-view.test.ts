/**
 * The map goes to the zone (issue 11): picking another zone flies there, and opening the app
 * without a view in the URL fits the active zone instead of showing the whole country.
 */
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { parseHash } from "../../src/map/hash";
import { type AppPage, openAppAt, waitForMap } from "./browser";
import { createSquareFiling } from "./files";

type Box = [w: number, s: number, e: number, n: number];

/** Two zones some 200 km apart: near 진천 and near 진주, each one square parcel. */
const JINCHEON: Box = [127.44, 36.85, 127.46, 36.87];
const JINJU: Box = [128.1, 35.17, 128.12, 35.19];

let app: AppPage;
let page: Page;

async function importSquare(box: Box, name: string): Promise<void> {
  await page.getByTestId("import-file").setInputFiles({
    name,
    mimeType: "application/geo+json",
    buffer: createSquareFiling(box[0], box[1], box[2] - box[0]),
  });
}

/** The map centre as the URL hash writes it after each move. */
async function centre(): Promise<[number, number] | null> {
  const view = parseHash(await page.evaluate(() => window.location.hash));
  return view ? [view.lon, view.lat] : null;
}

async function centreInside(box: Box): Promise<boolean> {
  const c = await centre();
  return c !== null && c[0] >= box[0] && c[0] <= box[2] && c[1] >= box[1] && c[1] <= box[3];
}

beforeAll(async () => {
  app = await openAppAt(inject("baseUrl"), "#8/36.0/127.5");
  page = app.page;
  await importSquare(JINCHEON, "jincheon.geojson");
  await page.getByTestId("zones").locator("li").nth(1).waitFor();
  await importSquare(JINJU, "jinju.geojson");
  await page.getByTestId("zones").locator("li").nth(2).waitFor();
});

afterAll(async () => {
  await app?.close();
});

const zoneButton = (n: number) =>
  page.getByTestId("zones").locator("li").nth(n).locator("button").first();

describe("the map follows the active zone", () => {
  it("flies to a zone picked in the list, and back", async () => {
    await zoneButton(1).click();
    await expect.poll(() => centreInside(JINCHEON), { timeout: 10_000 }).toBe(true);
    await zoneButton(2).click();
    await expect.poll(() => centreInside(JINJU), { timeout: 10_000 }).toBe(true);
    await zoneButton(1).click();
    await expect.poll(() => centreInside(JINCHEON), { timeout: 10_000 }).toBe(true);
  });

  it("opens without a hash at the active zone, not at the whole country", async () => {
    await page.locator('[data-testid="save-status"][data-state="saved"]').waitFor();
    await page.goto(inject("baseUrl"));
    await waitForMap(page);
    await expect.poll(() => centreInside(JINCHEON), { timeout: 10_000 }).toBe(true);
    const view = parseHash(await page.evaluate(() => window.location.hash));
    expect(view?.zoom).toBeGreaterThan(11);
  });

  it("keeps the view a link names", async () => {
    await page.goto(`${inject("baseUrl")}#9/35.5/129.0`);
    await page.reload();
    await waitForMap(page);
    await page.waitForTimeout(500);
    expect(await centre()).toEqual([129, 35.5]);
  });
});
