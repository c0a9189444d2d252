/**
 * Many hubs drawn as raster tiles (src/map/hub-raster-layer.ts, src/workers/hub-raster.ts): a
 * CSV of 3,000 hubs imported through the app's own input is on the map in its type's colour,
 * drawn by the hub Worker; a hub still shows its name on hover and a popup on click (the
 * transparent circle layer is what the pointer finds); hiding the layer takes its hubs off the
 * map (no stale tile), showing it brings them back. On a slow machine, where the map is drawn at a
 * lower pixel ratio while it moves, the tiles draw the hubs that rest as circles, none vanishing.
 */
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { HUB_COLOURS } from "../../src/map/ids";
import { type AppPage, openAppAt } from "./browser";
import { countColours } from "./pixels";
import { mapCentre } from "./tools-helpers";

/** Hash zoom 13 (256-px tiles) on a spot with no built-in hub near. */
const LAT = 35.9;
const LON = 127.3;
const VIEW = `#13/${LAT}/${LON}`;
const PX_PER_DEG_LON = (256 * 2 ** 13) / 360;
const CENTRE_NAME = "격자 가운데 거점";
const BLUE = HUB_COLOURS.technopark as string;
const RED = HUB_COLOURS.innovation_city as string;

/**
 * 19,760 technoparks in a grid 7 px apart filling the view (more than the one hub per 56 px²
 * from which tiles draw them), none within 35 px of its centre, and one innovation city there.
 */
function hubCsv(): string {
  const step = 7 / PX_PER_DEG_LON;
  // A degree of latitude is longer on the map than one of longitude, by 1 / cos(lat).
  const latStep = step * Math.cos((LAT * Math.PI) / 180);
  const rows: string[] = [`${CENTRE_NAME},innovation_city,${LON},${LAT}`];
  for (let i = -70; i <= 70; i++) {
    for (let j = -70; j <= 70; j++) {
      if (Math.abs(i) <= 5 && Math.abs(j) <= 5) continue;
      rows.push(
        `격자 ${i} ${j},technopark,${(LON + i * step).toFixed(6)},${(LAT + j * latStep).toFixed(6)}`,
      );
    }
  }
  return `name,type,lon,lat\n${rows.join("\n")}\n`;
}
/** The hubs in the CSV. */
const HUBS = 141 * 141 - 121 + 1;
const drawnBy = () => page.locator("[data-hubs-drawn]").getAttribute("data-hubs-drawn");

let app: AppPage;
let page: Page;

const shot = async () => {
  const box = await page.getByTestId("map").boundingBox();
  if (!box) throw new Error("no map box");
  return page.screenshot({ clip: box });
};
const blueAndRed = async (tolerance?: number) =>
  countColours(page, await shot(), [BLUE, RED], tolerance);

beforeAll(async () => {
  app = await openAppAt(inject("baseUrl"), VIEW);
  page = app.page;
});

afterAll(async () => {
  await app?.close();
});

describe("many hubs as raster tiles", () => {
  it("draws 19,761 imported hubs in their colours as the hub Worker's tiles", async () => {
    const [blue0 = 0] = await blueAndRed();
    const file = join(mkdtempSync(join(tmpdir(), "czd-hub-raster-")), "grid-hubs.csv");
    writeFileSync(file, hubCsv());
    await page.getByTestId("import-hubs").setInputFiles(file);
    await expect.poll(() => page.getByTestId("hub-layers").textContent()).toContain(`(${HUBS})`);
    await page.evaluate((h) => {
      window.location.hash = h;
    }, VIEW);
    // Each technopark is a disc of radius 6 px: well over 20,000 blue pixels for the grid in view.
    await expect
      .poll(async () => (await blueAndRed())[0] ?? 0, { timeout: 20_000 })
      .toBeGreaterThan(blue0 + 20_000);
    expect((await blueAndRed())[1]).toBeGreaterThan(40);
    const started = await page.evaluate(() =>
      performance.getEntriesByType("resource").some((e) => e.name.includes("hubs.worker")),
    );
    expect(started).toBe(true);
    await expect.poll(drawnBy).toBe("raster");
    await page.getByTestId("map").screenshot({ path: "test-results/hub-raster.png" });
  });

  it("names the hub under the pointer and opens its popup on a click", async () => {
    const [x, y] = await mapCentre(page);
    const tip = page.locator('[data-testid="hub-tip"]');
    await expect
      .poll(
        async () => {
          await page.mouse.move(x + 30, y + 30);
          await page.mouse.move(x, y);
          return tip.textContent({ timeout: 1000 }).catch(() => null);
        },
        { timeout: 15_000 },
      )
      .toBe(CENTRE_NAME);
    await page.mouse.click(x, y);
    const popup = page.getByTestId("hub-popup");
    await expect
      .poll(() => popup.textContent({ timeout: 1000 }).catch(() => null), { timeout: 15_000 })
      .toMatch(new RegExp(`^${CENTRE_NAME}`));
    await page.keyboard.press("Escape");
    await page.locator(".maplibregl-popup-close-button").click();
  });

  it("draws them as circles where few are in view, and names them there too", async () => {
    const [, redBefore = 0] = await blueAndRed();
    await page.evaluate(() => {
      window.location.hash = "#16/35.9/127.3";
    });
    await expect.poll(drawnBy).toBe("circles");
    // Eight times closer: the grid's hubs are 56 px apart, each still a disc in its colour.
    await expect.poll(async () => (await blueAndRed())[0] ?? 0).toBeGreaterThan(2_000);
    expect((await blueAndRed())[1]).toBeGreaterThanOrEqual(Math.min(40, redBefore));
    const [x, y] = await mapCentre(page);
    const tip = page.locator('[data-testid="hub-tip"]');
    await expect
      .poll(
        async () => {
          await page.mouse.move(x + 30, y + 30);
          await page.mouse.move(x, y);
          return tip.textContent({ timeout: 1000 }).catch(() => null);
        },
        { timeout: 15_000 },
      )
      .toBe(CENTRE_NAME);
    await page.evaluate((h) => {
      window.location.hash = h;
    }, VIEW);
    await expect.poll(drawnBy).toBe("raster");
  });

  it("takes the hubs off the map when their layer is hidden, and back when shown", async () => {
    const box = page.getByTestId("hub-layers").locator("li", { hasText: "grid-hubs" });
    await box.locator("input[type=checkbox]").click();
    await expect.poll(async () => (await blueAndRed())[0] ?? 0).toBeLessThan(500);
    expect((await blueAndRed())[1]).toBeLessThan(10);
    await box.locator("input[type=checkbox]").click();
    await expect
      .poll(async () => (await blueAndRed())[0] ?? 0, { timeout: 20_000 })
      .toBeGreaterThan(20_000);
  });

  it("draws hubs that rest as circles by their tiles while a slow machine's map is lowered, none vanishing", async () => {
    await page.evaluate(() => {
      window.location.hash = "#16/35.9/127.3";
    });
    await expect.poll(drawnBy).toBe("circles");
    await expect.poll(async () => (await blueAndRed())[0] ?? 0).toBeGreaterThan(2_000);
    const [restBlue = 0] = await blueAndRed();
    // The lowered map is soft: its discs' edges blend with the land, so counted more loosely.
    const [restSoft = 0] = await blueAndRed(90);
    const width = () =>
      page.evaluate(
        () => (document.querySelector("canvas.maplibregl-canvas") as HTMLCanvasElement).width,
      );
    const full = await width();
    const [x, y] = await mapCentre(page);
    /** A pan of `moves` pointer moves; what drew the hubs at each (once the map is lowered). */
    const pan = async (moves: number, hold: () => Promise<void>) => {
      await page.mouse.move(x + 100, y + 60);
      await page.mouse.down();
      const seen: (string | null)[] = [];
      for (let i = 1; i <= moves; i++) {
        await page.mouse.move(x + 100 - 3 * i, y + 60 - 2 * i);
        if ((await width()) < full) seen.push(await drawnBy());
      }
      await hold();
      await page.mouse.up();
      await expect.poll(width).toBe(full);
      await expect.poll(drawnBy).toBe("circles");
      return seen;
    };
    // Slow for certain (as test/e2e/motion-resolution.test.ts): the map is lowered while it moves.
    const cdp = await app.context.newCDPSession(page);
    await cdp.send("Emulation.setCPUThrottlingRate", { rate: 4 });
    try {
      // The first pan finds the frames slow and is lowered midway; the tiles are asked for then
      // and take over once in: circles till then, the tiles after, never neither.
      const first = await pan(30, async () => {
        await expect.poll(drawnBy).toBe("raster");
      });
      expect(first.length).toBeGreaterThan(0);
      expect(first.slice(first.indexOf("raster"))).not.toContain("circles");
      // At rest the machine is known slow: the Worker draws the view's tiles ahead, so the next
      // pan, lowered from its start, has them within its first frames.
      await page.waitForTimeout(1500);
      const second = await pan(12, async () => {
        // Held still mid-pan (still lowered): the hubs are on the map, drawn by the tiles.
        expect(await width()).toBeLessThan(full);
        const [heldSoft = 0] = await blueAndRed(90);
        expect(heldSoft).toBeGreaterThan(restSoft * 0.5);
      });
      expect(second).toHaveLength(12);
      expect(second.indexOf("raster")).toBeGreaterThanOrEqual(0);
      expect(second.indexOf("raster")).toBeLessThan(4);
      expect(second.slice(second.indexOf("raster"))).not.toContain("circles");
    } finally {
      await cdp.send("Emulation.setCPUThrottlingRate", { rate: 1 });
    }
    // At rest: full resolution, and the circles again where few are in view.
    await expect.poll(async () => (await blueAndRed())[0] ?? 0).toBeGreaterThan(restBlue * 0.9);
  });

  it("logged no console errors", () => {
    expect(app.errors).toEqual([]);
  });
});
