/**
 * The map comes before the app: the page's first script makes it from MapLibre alone, so it
 * renders while React, the panels and the checker are still on their way, and the app then
 * takes that same map into its layout (src/map/early-map.ts).
 */
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { type AppPage, openApp, waitForFirstRender, waitForMap } from "./browser";

let app: AppPage;
let releaseApp: () => void = () => undefined;
const held: string[] = [];

beforeAll(async () => {
  app = await openApp(inject("baseUrl"));
  const appArrives = new Promise<void>((ok) => {
    releaseApp = ok;
  });
  // The app's own chunk (main.tsx, with React) is held back until the test lets it through.
  await app.page.route(/\/assets\/main-[^/]*\.js$/, async (route) => {
    held.push(route.request().url());
    await appArrives;
    await route.continue();
  });
  await app.page.goto(`${inject("baseUrl")}#9/36.85/127.45`);
});

afterAll(async () => {
  releaseApp();
  await app?.close();
});

describe("the map before the app", () => {
  it("renders the map while the app's script is held back", async () => {
    await waitForFirstRender(app.page);
    expect(held.length).toBeGreaterThan(0);
    expect(await app.page.locator(".app").count()).toBe(0);
    const box = await app.page.getByTestId("map").boundingBox();
    expect(box?.width).toBe(1400);
  });

  it("puts that same map into the app's layout once the app arrives", async () => {
    const canvas = await app.page.locator(".maplibregl-canvas").elementHandle();
    releaseApp();
    await waitForMap(app.page);
    expect(await app.page.locator(".maplibregl-canvas").count()).toBe(1);
    expect(await canvas?.evaluate((c) => c.closest(".app .map") !== null)).toBe(true);
    const box = await app.page.getByTestId("map").boundingBox();
    expect(box?.width ?? 0).toBeLessThan(1400);
    await app.page.getByTestId("total-area").waitFor();
  });

  it("shows no error while the app comes late", () => {
    expect(app.errors).toEqual([]);
  });
});
