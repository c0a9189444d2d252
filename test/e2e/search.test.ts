/**
 * The search box (issue 21): a 시·군·구 by name and a point as typed (DMS, TM with its CRS) move
 * the map there, offline, from the app's own boundaries.
 */
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { type AppPage, openAppAt } from "./browser";
import { START, viewOf } from "./tools-helpers";

let app: AppPage;

beforeAll(async () => {
  app = await openAppAt(inject("baseUrl"), START);
});

afterAll(async () => {
  await app?.close();
});

async function search(text: string): Promise<void> {
  const input = app.page.getByTestId("search-input");
  await input.fill(text);
  await app.page.getByTestId("search-results").locator("button").first().waitFor();
  await input.press("Enter");
}

describe("search", () => {
  it("진주시 by name: the map moves over the city (about 35.2°N 128.1°E), zoomed to it", async () => {
    await search("진주");
    expect(await app.page.getByTestId("search-results").count()).toBe(0);
    await expect
      .poll(async () => {
        const [, lat, lon] = await viewOf(app.page);
        return Math.abs(lat - 35.2) < 0.15 && Math.abs(lon - 128.1) < 0.15;
      })
      .toBe(true);
    const [zoom] = await viewOf(app.page);
    // A city some 30 km across: neither the whole country nor a street.
    expect(zoom).toBeGreaterThan(8);
    expect(zoom).toBeLessThan(12);
  });

  it("a result list names the kind and the 시·도 of a 시·군·구 many share", async () => {
    await app.page.getByTestId("search-input").fill("대구 중구");
    const rows = app.page.getByTestId("search-results").locator("button");
    await rows.first().waitFor();
    expect(await rows.allTextContents()).toEqual([
      expect.stringMatching(/^중구 .*시·군·구.*대구광역시/),
    ]);
    await rows.first().click();
    await expect
      .poll(async () => {
        const [, lat, lon] = await viewOf(app.page);
        return Math.abs(lat - 35.87) < 0.05 && Math.abs(lon - 128.6) < 0.05;
      })
      .toBe(true);
  });

  it("degrees-minutes-seconds as typed: the map centres on the point", async () => {
    await search(`35°10'12"N 128°5'E`);
    await expect
      .poll(async () => {
        const [, lat, lon] = await viewOf(app.page);
        return Math.abs(lat - 35.17) < 1e-4 && Math.abs(lon - (128 + 5 / 60)) < 1e-4;
      })
      .toBe(true);
  });

  it("TM metres with their CRS: EPSG:5186 200000 600000 is 38°N 127°E", async () => {
    await search("EPSG:5186 200000 600000");
    await expect
      .poll(async () => {
        const [, lat, lon] = await viewOf(app.page);
        return Math.abs(lat - 38) < 1e-4 && Math.abs(lon - 127) < 1e-4;
      })
      .toBe(true);
  });

  it("logged no console errors", () => {
    expect(app.errors).toEqual([]);
  });
});
