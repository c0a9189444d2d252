/**
 * The smallest enclosing circle on the map, seen in the pixels: blue around one small parcel,
 * red once a second parcel far away pushes its radius past the 20 km limit.
 */
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { COLOURS } from "../../src/map/ids";
import { type AppPage, openAppAt } from "./browser";
import { countColours } from "./pixels";
import { drawWith, parcelCount, squareAt } from "./tools-helpers";

/** Zoom 9 near Wonju: 243 m a pixel, so 300 px between parcels is ≈ 73 km (radius ≈ 37 km). */
const WIDE = "#9/37.33/127.955";

let app: AppPage;
let page: Page;

/** Pixels of the within (blue) and over (red) circle colours in a screenshot of the map. */
async function circlePixels(): Promise<{ within: number; over: number }> {
  const png = await page.getByTestId("map").screenshot();
  const [within = 0, over = 0] = await countColours(page, png, [
    COLOURS.enclosingWithin,
    COLOURS.enclosingOver,
  ]);
  return { within, over };
}

async function drawParcel(dx: number): Promise<void> {
  const before = await parcelCount(page);
  await drawWith(page, "parcel-polygon", await squareAt(page, dx, 0, 60));
  await expect.poll(() => parcelCount(page)).toBe(before + 1);
}

beforeAll(async () => {
  app = await openAppAt(inject("baseUrl"), WIDE);
  page = app.page;
});

afterAll(async () => {
  await app?.close();
});

describe("the inferred enclosing circle on the map", () => {
  it("is blue around one parcel and red once a far parcel puts it over the limit", async () => {
    expect(await circlePixels()).toEqual({ within: 0, over: 0 });
    await drawParcel(-150);
    // One 60 px parcel: a circle of ≈ 42 px radius, dashed, 2 px wide: well over 40 blue pixels.
    await expect.poll(async () => (await circlePixels()).within).toBeGreaterThan(40);
    expect((await circlePixels()).over).toBe(0);

    await drawParcel(150);
    // ≈ 180 px radius now: hundreds of red pixels, and no blue circle left.
    await expect.poll(async () => (await circlePixels()).over).toBeGreaterThan(200);
    expect((await circlePixels()).within).toBe(0);
  });

  it("logged no console errors", () => {
    expect(app.errors).toEqual([]);
  });
});
