/**
 * The cadastre on a pitched map (src/map/cadastre-overlay.ts `onPitched`): the overlay of
 * compositor-placed square tiles can't follow a pitched view, so MapLibre's raster layer draws the
 * cadastre alone, at rest and while the map is dragged: the 필지 are still drawn (the 지목 colours
 * change the picture), never twice (a held drag shows the picture the map then settles to, the
 * overlay staying out), and once the map is level again the overlay takes the drags again.
 */
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { type AppPage, openAppAt } from "./browser";
import { dragShifts, hashAt, JINJU, lotNear, overlayShown, readCadastre } from "./cadastre-helpers";
import { changedBlocks, changedShare, unchangedShot } from "./pixels";

/** The view: centred on a 진주 lot at zoom 16 in the URL (MapLibre 15), the raster tiles' zoom. */
const lot = lotNear(readCadastre(JINJU), [128.1065, 35.18]);

let app: AppPage;
let page: Page;

/** The middle of the map, clear of its controls. */
const part = async () => {
  const box = await page.getByTestId("map").boundingBox();
  if (!box) throw new Error("no map box");
  return { x: box.x + 150, y: box.y + 120, width: box.width - 400, height: box.height - 300 };
};
const shot = async () => page.screenshot({ clip: await part() });

/** The picture once it has stayed the same for a moment (tiles in, no easing left). */
function settled(): Promise<Buffer> {
  return unchangedShot(page, shot, { pauseMs: 300, timeoutMs: 20_000 });
}

/** Whether the overlay is placed at all (`none` when pitched: MapLibre's raster layer draws). */
const overlayDisplay = () =>
  page.getByTestId("cadastre-overlay").evaluate((el) => getComputedStyle(el).display);

/** Tilts the map with the keyboard (Shift+↑ / Shift+↓, 10° a press, MapLibre's own keys). */
async function tilt(key: "Shift+ArrowUp" | "Shift+ArrowDown", presses: number): Promise<void> {
  await page.locator(".maplibregl-canvas").focus();
  for (let i = 0; i < presses; i++) {
    await page.keyboard.press(key);
    await page.waitForTimeout(400);
  }
}

beforeAll(async () => {
  app = await openAppAt(inject("baseUrl"), hashAt(lot, 16));
  page = app.page;
});

afterAll(async () => {
  await app?.close();
});

describe("the cadastre on a pitched map", () => {
  it("opens the small cadastre, drawn level by MapLibre's raster layer at rest", async () => {
    const before = await shot();
    await page.getByTestId("import-cadastre").setInputFiles(JINJU);
    await page
      .locator('[data-testid="cadastre"][data-status="ready"]')
      .waitFor({ timeout: 60_000 });
    await expect.poll(async () => changedShare(page, before, await shot())).toBeGreaterThan(0.02);
    expect(await overlayShown(page)).toBe("false/hidden");
    expect(await overlayDisplay()).not.toBe("none");
  });

  it("pitched, still draws the 필지 with the raster layer, the overlay out of the way", async () => {
    const level = await settled();
    await tilt("Shift+ArrowUp", 4);
    const pitched = await settled();
    // The view tilted: the picture is not the level one.
    expect(await changedShare(page, level, pitched)).toBeGreaterThan(0.05);
    expect(await overlayDisplay()).toBe("none");
    // Drawn: the 지목 colours fill the lots of the pitched view, and go again.
    await page.getByTestId("cadastre-jimok").click();
    await expect
      .poll(async () => changedShare(page, pitched, await shot()), { timeout: 20_000 })
      .toBeGreaterThan(0.3);
    await page.getByTestId("cadastre-jimok").click();
    await expect
      .poll(async () => changedShare(page, pitched, await shot()), { timeout: 20_000 })
      .toBeLessThan(0.02);
  });

  it("pitched, a held drag shows the cadastre once: the picture the map then settles to", async () => {
    // Filled lots: a second drawing over the raster layer changes most blocks (72 % when the
    // overlay was made to ignore the pitch).
    await page.getByTestId("cadastre-jimok").click();
    await settled();
    const box = await page.getByTestId("map").boundingBox();
    if (!box) throw new Error("no map box");
    const [x, y] = [box.x + box.width / 2, box.y + box.height / 2];
    await page.mouse.move(x, y);
    await page.mouse.down();
    await page.mouse.move(x + 120, y + 70, { steps: 12 });
    // Held still (no inertia: the camera stays where the drag left it) until the tiles the drag
    // brought into view are drawn.
    const held = await settled();
    expect(await overlayDisplay()).toBe("none");
    expect(await overlayShown(page)).toBe("false/hidden");
    await page.mouse.up();
    const after = await settled();
    expect(await overlayDisplay()).toBe("none");
    // The same picture, block by block (MapLibre draws raster tiles pixel-aligned only at rest,
    // so lines move by a fraction of a pixel when the drag ends: not compared pixel by pixel).
    expect(await changedBlocks(page, held, after)).toBeLessThan(0.01);
    await page.getByTestId("cadastre-jimok").click();
    await settled();
  });

  it("level again, the overlay takes the drags once more", async () => {
    await tilt("Shift+ArrowDown", 6);
    await settled();
    await expect.poll(overlayDisplay).not.toBe("none");
    await dragShifts(page);
    expect(app.errors).toEqual([]);
  });
});
