/**
 * The map's first frame (src/map/zone-map.ts): zoomed out it is drawn from the coarse 시·도 file
 * the page reads as the map starts, and the full file is handed to the map only after it; zoomed
 * in (where the coarse file is not drawn) the full file is in the first frame. No frame is drawn
 * before that land (src/map/hold-frames.ts). The checker reads the full file either way (test/app/sido-lite-use.test.ts).
 */
import type { Page } from "playwright-core";
import { afterEach, describe, expect, inject, it } from "vitest";
import { COLOURS } from "../../src/map/ids";
import { type AppPage, openApp, waitForFirstRender } from "./browser";
import { countColours } from "./pixels";

let app: AppPage | undefined;

afterEach(async () => {
  await app?.close();
  app = undefined;
});

/** ms since navigation: the first render, and when the full 시·도 were indexed (null: not yet). */
function moments(page: Page): Promise<{ first: number; indexed: number | null }> {
  return page.evaluate(() => ({
    first: Number(
      document.querySelector("[data-first-render-ms]")?.getAttribute("data-first-render-ms"),
    ),
    indexed: performance.getEntriesByName("czd:sido-indexed")[0]?.startTime ?? null,
  }));
}

async function landAndSea(page: Page): Promise<[number, number]> {
  const png = await page.getByTestId("map").screenshot({ path: "test-results/first-frame.png" });
  const [land = 0, sea = 0] = await countColours(page, png, [COLOURS.land, COLOURS.sea]);
  return [land, sea];
}

/**
 * Records when MapLibre first draws into its canvas (ms since navigation): its frames are held
 * until the first view's land is in (src/map/hold-frames.ts), so it draws no frame of sea alone.
 */
async function recordFirstDraw(page: Page): Promise<void> {
  await page.addInitScript(() => {
    const w = window as unknown as { czdFirstDraw?: number };
    for (const proto of [WebGLRenderingContext.prototype, WebGL2RenderingContext.prototype]) {
      for (const name of ["drawElements", "drawArrays"] as const) {
        const draw = proto[name] as (...args: unknown[]) => void;
        Object.defineProperty(proto, name, {
          value(this: unknown, ...args: unknown[]) {
            w.czdFirstDraw ??= performance.now();
            return draw.apply(this, args);
          },
        });
      }
    }
  });
}

describe("the first frame", () => {
  it("draws nothing before the coarse 시·도 are indexed: the first frame drawn is the land", async () => {
    const base = inject("baseUrl");
    app = await openApp(base);
    const { page } = app;
    await recordFirstDraw(page);
    await page.goto(`${base}#7/36.2/127.8`);
    await waitForFirstRender(page);
    const { firstDraw, indexed, first } = await page.evaluate(() => ({
      firstDraw: (window as unknown as { czdFirstDraw?: number }).czdFirstDraw ?? null,
      indexed: performance.getEntriesByName("czd:sido-lite-indexed")[0]?.startTime ?? null,
      first: Number(
        document.querySelector("[data-first-render-ms]")?.getAttribute("data-first-render-ms"),
      ),
    }));
    expect(indexed).not.toBeNull();
    expect(firstDraw).not.toBeNull();
    expect(firstDraw ?? 0).toBeGreaterThan(indexed ?? Number.POSITIVE_INFINITY);
    expect(firstDraw ?? Number.POSITIVE_INFINITY).toBeLessThan(first);
    const [land] = await landAndSea(page);
    expect(land).toBeGreaterThan(0.03 * 1400 * 900);
    expect(app.errors).toEqual([]);
  });

  it("asks for the app's chunks only once MapLibre's worker script and terra-draw's chunk are in and the map has loaded", async () => {
    const base = inject("baseUrl");
    app = await openApp(base);
    const { page } = app;
    await page.goto(`${base}#7/36.2/127.8`);
    await waitForFirstRender(page);
    // Asked for with the map, the app's score of chunks queued ahead of the map's own scripts;
    // asked for before its `load`, their parsing took the cores while the worker tiled the land.
    const at = await page.evaluate(() => {
      const entries = performance.getEntriesByType("resource") as PerformanceResourceTiming[];
      const find = (re: RegExp) => entries.find((e) => re.test(new URL(e.name).pathname));
      return {
        worker: find(/\/maplibre-gl-worker-[\w-]+\.mjs$/)?.responseEnd ?? null,
        draw: find(/\/draw-[\w-]+\.js$/)?.responseEnd ?? null,
        app: find(/\/main-[\w-]+\.js$/)?.startTime ?? null,
        loaded: performance.getEntriesByName("czd:map-load")[0]?.startTime ?? null,
      };
    });
    expect(at.worker).not.toBeNull();
    expect(at.draw).not.toBeNull();
    expect(at.app).not.toBeNull();
    expect(at.loaded).not.toBeNull();
    expect(at.app ?? 0).toBeGreaterThanOrEqual(
      Math.max(at.worker ?? 0, at.draw ?? 0, at.loaded ?? 0),
    );
    expect(app.errors).toEqual([]);
  });

  it("still brings the app when MapLibre's worker cannot load (the map never loads)", async () => {
    const base = inject("baseUrl");
    app = await openApp(base);
    const { page } = app;
    await page.route(/maplibre-gl-worker-[^/]*\.mjs$/, (route) => route.abort());
    await page.goto(`${base}#7/36.2/127.8`);
    // The app's chunks wait for the map's load, at most 4 s (src/map/early-map.ts).
    await page.locator(".app").waitFor({ timeout: 20_000 });
    expect(await page.locator('[data-testid="map"][data-ready="true"]').count()).toBe(0);
  });

  it("registers the service worker (which precaches the whole build) only after the first render", async () => {
    const base = inject("baseUrl");
    app = await openApp(base, { serviceWorkers: "allow" });
    const { page } = app;
    await page.addInitScript(() => {
      const sw = navigator.serviceWorker;
      const register = sw.register.bind(sw);
      sw.register = (...args: Parameters<typeof register>) => {
        (window as unknown as { czdSwAt?: number }).czdSwAt ??= performance.now();
        return register(...args);
      };
    });
    await page.goto(`${base}#7/36.2/127.8`);
    await waitForFirstRender(page);
    await page.waitForFunction(() => (window as unknown as { czdSwAt?: number }).czdSwAt);
    const { registered, first } = await page.evaluate(() => ({
      registered: (window as unknown as { czdSwAt?: number }).czdSwAt ?? 0,
      first: Number(
        document.querySelector("[data-first-render-ms]")?.getAttribute("data-first-render-ms"),
      ),
    }));
    expect(registered).toBeGreaterThanOrEqual(first);
  });

  it("zoomed out: land and sea from the coarse file, the full one indexed only after, and on zooming in", async () => {
    const base = inject("baseUrl");
    app = await openApp(base);
    const { page } = app;
    await page.goto(`${base}#7/36.2/127.8`);
    await waitForFirstRender(page);
    const canvas = page.locator(".maplibregl-canvas");
    expect(await canvas.evaluate((c) => getComputedStyle(c).visibility)).toBe("visible");
    const pixels = 1400 * 900;
    const [land, sea] = await landAndSea(page);
    // The peninsula is about 6% of the window at this zoom; a frame of sea alone has none.
    expect(land).toBeGreaterThan(0.03 * pixels);
    expect(sea).toBeGreaterThan(0.1 * pixels);
    const { first, indexed } = await moments(page);
    expect(first).toBeGreaterThan(0);
    if (indexed !== null) expect(indexed).toBeGreaterThan(first);
    // Two steps in (MapLibre zoom 6 → 8): past zoom 7 the map draws the full file.
    await page.locator(".maplibregl-ctrl-zoom-in").click();
    await page.locator(".maplibregl-ctrl-zoom-in").click();
    await expect
      .poll(async () => (await moments(page)).indexed, { timeout: 20_000 })
      .not.toBeNull();
    await expect.poll(async () => (await landAndSea(page))[0]).toBeGreaterThan(0.1 * pixels);
    expect(app.errors).toEqual([]);
  });

  it("zoomed in: the full file is in the first frame", async () => {
    const base = inject("baseUrl");
    app = await openApp(base);
    const { page } = app;
    await page.goto(`${base}#10/35.69/128.45`);
    await waitForFirstRender(page);
    const { first, indexed } = await moments(page);
    expect(indexed).not.toBeNull();
    expect(indexed ?? Number.POSITIVE_INFINITY).toBeLessThan(first);
    const [land] = await landAndSea(page);
    expect(land).toBeGreaterThan(0.1 * 1400 * 900);
    expect(app.errors).toEqual([]);
  });
});
