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
import { dragShifts, overlayShown } from "./cadastre-helpers";
import { saveDownload } from "./files";
import { changedShare, settledShot } from "./pixels";
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
    expect(await overlayShown(page)).toBe("false/hidden");
    expect(await page.locator(".pilji-label").count()).toBe(0);
    expect(app.errors).toEqual([]);
  });

  it("colours the lots by 지목 at zoom 16 as well", async () => {
    // At rest: the import's move may still have the map drawn lower for a moment.
    const box = await page.getByTestId("map").boundingBox();
    if (!box) throw new Error("no map box");
    const plain = await settledShot(page, box);
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

  it("moves the tiles with the map: after a drag the picture is the old one, shifted", async () => {
    // The overlay's canvases are placed (hidden at rest) so a move starts with them in.
    expect(await page.locator('[data-testid="cadastre-overlay"] canvas').count()).toBeGreaterThan(
      0,
    );
    await dragShifts(page);
    expect(app.errors).toEqual([]);
  });

  it("shows the 지목 colours once, not doubled, while the map is dragged and after", async () => {
    // Filled lots: a doubled drawing (overlay over the raster layer) darkens nearly every pixel.
    await page.getByTestId("cadastre-jimok").click();
    await dragShifts(page);
    expect(app.errors).toEqual([]);
    await page.getByTestId("cadastre-jimok").click();
  });
});
