/**
 * A browser with no WebGL2 (office, VDI and 망분리 PCs without a usable GPU): MapLibre cannot make
 * the map. The app still comes, says in the map's place why there is no map (Korean, and English
 * by the toggle), and what needs no map works: a filing imported is checked, its area shown.
 * Before, the page stayed blank: the map's error stopped the first script before the app's.
 */
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { EXAMPLES } from "../support/paths";
import { type AppPage, openApp, panelTotalKm2 } from "./browser";

let app: AppPage;

beforeAll(async () => {
  const base = inject("baseUrl");
  app = await openApp(base);
  await app.page.addInitScript(() => {
    const getContext = HTMLCanvasElement.prototype.getContext;
    Object.defineProperty(HTMLCanvasElement.prototype, "getContext", {
      value(this: HTMLCanvasElement, kind: string, ...rest: unknown[]) {
        if (String(kind).startsWith("webgl")) return null;
        return (getContext as (...a: unknown[]) => unknown).call(this, kind, ...rest);
      },
    });
  });
  await app.page.goto(`${base}#9/36.9/127.5`);
});

afterAll(async () => {
  await app?.close();
});

describe("no WebGL2", () => {
  it("the app comes, and says in the map's place that there is no map, in the UI's language", async () => {
    const { page } = app;
    const message = page.getByTestId("map-unavailable");
    await message.waitFor({ timeout: 30_000 });
    expect(await message.getAttribute("role")).toBe("status");
    expect(await message.textContent()).toContain("WebGL2");
    expect(await message.textContent()).toMatch(/지도를 그릴 수 없습니다/);
    await page.getByTestId("lang-toggle").click();
    await expect.poll(() => message.textContent()).toMatch(/cannot draw the map/);
    await page.getByTestId("lang-toggle").click();
    // No map element of MapLibre's left on the page.
    expect(await page.locator(".maplibregl-map").count()).toBe(0);
  });

  it("the drawing tools stay in place, unavailable, and say why; pressing one chooses nothing", async () => {
    const { page } = app;
    const polygon = page.getByTestId("tool-parcel-polygon");
    expect(await polygon.getAttribute("aria-disabled")).toBe("true");
    const description = await polygon.evaluate((el) => {
      const id = el.getAttribute("aria-describedby") ?? "";
      return document.getElementById(id)?.textContent ?? "";
    });
    expect(description).toMatch(/지도가 없어 쓸 수 없습니다/);
    expect(await page.getByTestId("tool-select").getAttribute("aria-disabled")).toBe("true");
    // Forced: Playwright itself waits for an aria-disabled button to be enabled.
    await polygon.click({ force: true });
    await polygon.focus();
    await page.keyboard.press("Enter");
    expect(await polygon.getAttribute("aria-pressed")).toBe("false");
    // Coordinate entry needs no map: it stays available.
    expect(await page.getByTestId("coord-entry-open").getAttribute("aria-disabled")).toBeNull();
  });

  it("a filing imported is checked without a map: its parcels listed, its total area shown", async () => {
    const { page } = app;
    await page
      .getByTestId("import-file")
      .setInputFiles(join(EXAMPLES, "jincheon-cap-15003.geojson"));
    await expect
      .poll(() => page.getByTestId("parcel-list").locator("tr").count())
      .toBeGreaterThan(1);
    // shared/examples/expected.json: 15.003 km² (GeographicLib).
    expect(await panelTotalKm2(page)).toBeCloseTo(15.003, 3);
  });

  it("logged nothing but MapLibre's own refusal", () => {
    expect(app.errors.filter((e) => !/WebGL/.test(e))).toEqual([]);
  });
});
