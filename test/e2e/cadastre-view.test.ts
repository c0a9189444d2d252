/**
 * The cadastre drawn on the map (vector tiles cut in the cadastre Worker): outlines at zoom 15,
 * no 지번 labels there but labels of the 필지 in view at zoom 18, and the 지목 colours — a toggle
 * worked from the keyboard, a legend in Korean and English, each 필지 filled in its 지목's colour,
 * and the plain map back when it is turned off.
 */
import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import type { Position } from "geojson";
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import type { Pilji } from "../../geo/cadastre/types";
import { openCadastre, readPilji } from "../../geo/io/lsmd-read";
import { type AppPage, openAppAt } from "./browser";
import { changedShare, settledShot } from "./pixels";
import { mapCentre } from "./tools-helpers";

const CADASTRE = resolve("test/fixtures/cadastre/LSMD_CONT_LDREG_48170.zip");
const layer = openCadastre([{ name: "c.zip", bytes: readFileSync(CADASTRE) }])[0];
const pilji = layer ? [...readPilji(layer)] : [];
const labels = new Set(pilji.map((p) => `${p.jibun}${p.jimok}`));

const inner = (p: Pilji): Position => {
  const ring =
    (p.geometry.type === "Polygon" ? p.geometry.coordinates[0] : p.geometry.coordinates[0]?.[0]) ??
    [];
  const n = ring.length - 1;
  return [
    ring.slice(0, n).reduce((s, q) => s + (q[0] ?? 0), 0) / n,
    ring.slice(0, n).reduce((s, q) => s + (q[1] ?? 0), 0) / n,
  ];
};
/** A 대 lot of an urban block (its neighbours 대 too), the view centred on its inner point. */
const lot = pilji.find((p) => p.jimok === "대" && p.pnu[10] === "1" && p.jibun.endsWith("-1"));
const [LON = 0, LAT = 0] = lot ? inner(lot) : [];

let app: AppPage;
let page: Page;

const shot = async () => {
  const box = await page.getByTestId("map").boundingBox();
  if (!box) throw new Error("no map box");
  return page.screenshot({ clip: box });
};
const go = (hash: string) =>
  page.evaluate((h) => {
    window.location.hash = h;
  }, hash);
/** The colour 12 px below the map's centre (inside the lot there, clear of its label). */
async function centrePixel(): Promise<[number, number, number]> {
  const [x, y] = await mapCentre(page);
  const png = await page.screenshot({ clip: { x: x - 2, y: y + 10, width: 5, height: 5 } });
  return page.evaluate(
    async (url) => {
      const img = new Image();
      img.src = url;
      await img.decode();
      const c = document.createElement("canvas");
      c.width = img.width;
      c.height = img.height;
      const ctx = c.getContext("2d");
      ctx?.drawImage(img, 0, 0);
      const d = ctx?.getImageData(2, 2, 1, 1).data ?? [0, 0, 0];
      return [d[0] ?? 0, d[1] ?? 0, d[2] ?? 0] as [number, number, number];
    },
    `data:image/png;base64,${png.toString("base64")}`,
  );
}

beforeAll(async () => {
  app = await openAppAt(inject("baseUrl"), `#15/${LAT}/${LON}`);
  page = app.page;
});

afterAll(async () => {
  await app?.close();
});

describe("the cadastre on the map", () => {
  it("draws the 필지 outlines at zoom 15, without 지번 labels", async () => {
    expect(lot).toBeDefined();
    const before = await shot();
    await page.getByTestId("import-cadastre").setInputFiles(CADASTRE);
    await page
      .locator('[data-testid="cadastre"][data-status="ready"]')
      .waitFor({ timeout: 60_000 });
    // The tiles come from the Worker: the map changes where the 필지 are outlined.
    await expect.poll(async () => changedShare(page, before, await shot())).toBeGreaterThan(0.02);
    await page.waitForTimeout(500);
    expect(await page.locator(".pilji-label").count()).toBe(0);
  });

  it("labels the 필지 in view with their 지번 and 지목 부호 at zoom 18", async () => {
    await go(`#18/${LAT}/${LON}`);
    await expect.poll(() => page.locator(".pilji-label").count()).toBeGreaterThan(10);
    const shown = await page.locator(".pilji-label").allTextContents();
    expect(shown.every((t) => labels.has(t))).toBe(true);
    expect(shown).toContain(`${lot?.jibun}대`);
    // Back out to zoom 15: the labels go.
    await go(`#15/${LAT}/${LON}`);
    await expect.poll(() => page.locator(".pilji-label").count()).toBe(0);
  });

  it("colours the 필지 by 지목 from the keyboard, with a legend in Korean and English", async () => {
    await go(`#18/${LAT}/${LON}`);
    await expect.poll(() => page.locator(".pilji-label").count()).toBeGreaterThan(10);
    // At rest: after the jump a slow machine's map is drawn lower for a moment.
    const box = await page.getByTestId("map").boundingBox();
    if (!box) throw new Error("no map box");
    const plain = await settledShot(page, box);
    const [r0, g0] = await centrePixel();
    const toggle = page.getByTestId("cadastre-jimok");
    expect(await toggle.getAttribute("aria-pressed")).toBe("false");
    await expect.poll(() => page.getByTestId("jimok-legend").count()).toBe(0);
    await toggle.focus();
    await page.keyboard.press("Enter");
    expect(await toggle.getAttribute("aria-pressed")).toBe("true");
    const legend = page.getByTestId("jimok-legend");
    expect(await legend.locator("li").count()).toBe(29);
    // Dark text on the legend's white, not the header's white text.
    expect(await legend.evaluate((e) => getComputedStyle(e).color)).toBe("rgb(34, 34, 34)");
    expect(await legend.evaluate((e) => getComputedStyle(e).backgroundColor)).toBe(
      "rgb(255, 255, 255)",
    );
    expect(await legend.locator('li[data-jimok="과"]').textContent()).toBe("과 과수원");
    expect(await legend.locator('li[data-jimok="대"]').textContent()).toBe("대 ");
    // Most of the view is filled now, and the 대 lot under the centre in 대's red (#e57373).
    await expect.poll(async () => changedShare(page, plain, await shot())).toBeGreaterThan(0.3);
    const [r, g, b] = await centrePixel();
    expect(r - g).toBeGreaterThan(40);
    expect(r - b).toBeGreaterThan(40);
    expect(r - g).toBeGreaterThan(r0 - g0 + 30);
    await page.getByTestId("lang-toggle").click();
    expect(await legend.locator('li[data-jimok="대"]').textContent()).toBe("대 Building site");
    expect(await toggle.textContent()).toBe("Land-use colours");
    await page.getByTestId("lang-toggle").click();
    // Off again with the space bar: no legend, the plain map back.
    await toggle.focus();
    await page.keyboard.press("Space");
    expect(await toggle.getAttribute("aria-pressed")).toBe("false");
    expect(await page.getByTestId("jimok-legend").count()).toBe(0);
    await expect.poll(async () => changedShare(page, plain, await shot())).toBeLessThan(0.02);
    expect(app.errors).toEqual([]);
  });
});
