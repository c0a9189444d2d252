/**
 * The cadastre below its labels' zoom, drawn as raster tiles in the cadastre Worker
 * (src/workers/cadastre-raster.ts): at zoom 16 the outlines are on the map with no vector layer
 * drawn and no 지번 label, the 지목 colours fill the lots there too, and a click while picking
 * adds the 필지 under it — found by the Worker, since no vector feature is drawn to hit. The tiles
 * are canvases the compositor places over the map (src/map/cadastre-overlay.ts), not a WebGL
 * layer: after a drag they lie exactly where the map's own drawing moved.
 */
import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import type { FeatureCollection, Position } from "geojson";
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import type { Pilji } from "../../geo/cadastre/types";
import { openCadastre, readPilji } from "../../geo/io/lsmd-read";
import { type AppPage, openAppAt } from "./browser";
import { saveDownload } from "./files";
import { changedShare } from "./pixels";
import { clickAt, mapCentre, parcelCount } from "./tools-helpers";

const CADASTRE = resolve("test/fixtures/cadastre/LSMD_CONT_LDREG_48170.zip");
const ZOOM = 16;
const layer = openCadastre([{ name: "c.zip", bytes: readFileSync(CADASTRE) }])[0];
const pilji = layer ? [...readPilji(layer)] : [];
/** A large 대 lot (easy to hit at zoom 16) and a point inside it: its vertices' mean. */
const lot = pilji
  .filter((p) => p.jimok === "대" && p.geometry.type === "Polygon")
  .sort((a, b) =>
    b.geometry.coordinates.flat().length > a.geometry.coordinates.flat().length ? 1 : -1,
  )[0] as Pilji;
const ring = (lot?.geometry.type === "Polygon" ? lot.geometry.coordinates[0] : []) ?? [];
const centre: Position = [
  ring.slice(1).reduce((s, q) => s + (q[0] ?? 0), 0) / (ring.length - 1),
  ring.slice(1).reduce((s, q) => s + (q[1] ?? 0), 0) / (ring.length - 1),
];

let app: AppPage;
let page: Page;

const shot = async () => {
  const box = await page.getByTestId("map").boundingBox();
  if (!box) throw new Error("no map box");
  return page.screenshot({ clip: box });
};

/** Whether the overlay of compositor-placed tiles is seen (it is only while the map moves). */
const overlayShown = () =>
  page
    .getByTestId("cadastre-overlay")
    .evaluate((el) => `${(el as HTMLElement).dataset.shown}/${getComputedStyle(el).visibility}`);

beforeAll(async () => {
  app = await openAppAt(inject("baseUrl"), `#${ZOOM}/${centre[1]}/${centre[0]}`);
  page = app.page;
});

afterAll(async () => {
  await app?.close();
});

describe("the cadastre as raster tiles", () => {
  it("draws the outlines at zoom 16 from the Worker's raster tiles, with no 지번 label", async () => {
    const before = await shot();
    await page.getByTestId("import-cadastre").setInputFiles(CADASTRE);
    await page
      .locator('[data-testid="cadastre"][data-status="ready"]')
      .waitFor({ timeout: 60_000 });
    await expect.poll(async () => changedShare(page, before, await shot())).toBeGreaterThan(0.02);
    // Drawn by MapLibre's raster layer at rest: the overlay above the map's layers is hidden.
    expect(await overlayShown()).toBe("false/hidden");
    expect(await page.locator(".pilji-label").count()).toBe(0);
    expect(app.errors).toEqual([]);
  });

  it("colours the lots by 지목 at zoom 16 as well", async () => {
    const plain = await shot();
    await page.getByTestId("cadastre-jimok").click();
    await expect.poll(async () => changedShare(page, plain, await shot())).toBeGreaterThan(0.3);
    await page.getByTestId("cadastre-jimok").click();
    await expect.poll(async () => changedShare(page, plain, await shot())).toBeLessThan(0.02);
  });

  it("adds the 필지 under a click while picking: the Worker finds it", async () => {
    await page.getByTestId("cadastre-pick").click();
    await clickAt(page, await mapCentre(page));
    await expect.poll(() => parcelCount(page), { timeout: 15_000 }).toBe(1);
    // The 구역 made is that lot: the exported filing's 필지 list names it.
    const dir = mkdtempSync(join(tmpdir(), "czd-cadastre-raster-"));
    await expect
      .poll(async () => {
        const saved = await saveDownload(page, dir, () =>
          page.getByTestId("export-geojson").click(),
        );
        const filing = JSON.parse(new TextDecoder().decode(saved.bytes)) as FeatureCollection;
        return filing.features[0]?.properties?.pnu;
      })
      .toEqual([lot.pnu]);
  });

  /**
   * A drag by (dx, dy): while it is held the overlay draws the cadastre alone (the picture is the
   * old one shifted, not doubled by MapLibre's raster layer under it); after it the map at rest
   * draws it with the raster layer alone, the overlay hidden, again the old picture shifted.
   */
  const dragShifts = async () => {
    const box = await page.getByTestId("map").boundingBox();
    if (!box) throw new Error("no map box");
    const [dx, dy] = [120, 70];
    // A middle part of the map, clear of its controls, before and after the drag.
    const part = {
      x: box.x + 150,
      y: box.y + 120,
      width: box.width - 400,
      height: box.height - 300,
    };
    // The picture at rest (the 구역 picked before drawn, its tiles in) before the drag.
    let before = await page.screenshot({ clip: part });
    await expect
      .poll(
        async () => {
          const again = await page.screenshot({ clip: part });
          const share = await changedShare(page, before, again);
          before = again;
          return share;
        },
        { timeout: 15_000 },
      )
      .toBe(0);
    // At rest: MapLibre's raster layer draws the cadastre, in its place among the map's layers.
    expect(await overlayShown()).toBe("false/hidden");
    const [x, y] = [box.x + box.width / 2, box.y + box.height / 2];
    await page.mouse.move(x, y);
    await page.mouse.down();
    await page.mouse.move(x + dx, y + dy, { steps: 12 });
    // Still a moment before letting go: no inertia, the map moved by the pointer's path only.
    await page.waitForTimeout(400);
    const moved = { ...part, x: part.x + dx, y: part.y + dy };
    // Held: the overlay draws the tiles, the raster layer (at opacity 0) does not as well.
    expect(await overlayShown()).toBe("true/visible");
    const held = await page.screenshot({ clip: moved });
    await page.mouse.up();
    expect(await changedShare(page, before, held)).toBeLessThan(0.01);
    await expect.poll(overlayShown, { timeout: 15_000 }).toBe("false/hidden");
    await expect
      .poll(async () => changedShare(page, before, await page.screenshot({ clip: moved })), {
        timeout: 15_000,
      })
      .toBeLessThan(0.01);
    // And the drag changed the picture where it was (the check above is not of a still map).
    await expect(
      changedShare(page, before, await page.screenshot({ clip: part })),
    ).resolves.toBeGreaterThan(0.05);
    expect(app.errors).toEqual([]);
  };

  it("moves the tiles with the map: after a drag the picture is the old one, shifted", async () => {
    // The overlay's canvases are placed (hidden at rest) so a move starts with them in.
    expect(await page.locator('[data-testid="cadastre-overlay"] canvas').count()).toBeGreaterThan(
      0,
    );
    await dragShifts();
  });

  it("shows the 지목 colours once, not doubled, while the map is dragged and after", async () => {
    // Filled lots: a doubled drawing (overlay over the raster layer) darkens nearly every pixel.
    await page.getByTestId("cadastre-jimok").click();
    await dragShifts();
    await page.getByTestId("cadastre-jimok").click();
  });
});
