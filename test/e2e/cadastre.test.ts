/**
 * The cadastre in the app: open the small synthetic 연속지적도, pick 필지 by clicking (each pick
 * one undo step), export the filing and the 지번 조서; `czd parcels` on the exported filing gives
 * the same 조서 byte for byte, and its total is `czd check`'s area to 1 m². A reload brings the
 * cadastre back from IndexedDB without picking the file again.
 */
import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import type { Position } from "geojson";
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { piljiInside } from "../../geo/cadastre/select";
import type { Pilji } from "../../geo/cadastre/types";
import { openCadastre, readPilji } from "../../geo/io/lsmd-read";
import { runCzd } from "../support/czd";
import { type AppPage, openAppAt, waitForMap } from "./browser";
import { saveDownload } from "./files";
import { clickAt, drawWith, mapCentre, parcelCount } from "./tools-helpers";

const CADASTRE = resolve("test/fixtures/cadastre/LSMD_CONT_LDREG_48170.zip");
const ZOOM = 18;

const layer = openCadastre([{ name: "c.zip", bytes: readFileSync(CADASTRE) }])[0];
const pilji = layer ? [...readPilji(layer)] : [];

/** Four lots of one urban block (one 본번, 부번 0–3): neighbours, so their union is one 구역. */
const block = (() => {
  const byBon = new Map<string, Pilji[]>();
  for (const p of pilji) {
    if (p.pnu[10] !== "1" || p.jimok === "도") continue;
    const key = p.pnu.slice(0, 15);
    byBon.set(key, [...(byBon.get(key) ?? []), p]);
  }
  const lots = [...byBon.values()].find((l) => l.length >= 6 && l.every((p) => p.jimok === "대"));
  if (!lots) throw new Error("no block of 대 lots in the fixture");
  return lots.sort((a, b) => (a.pnu < b.pnu ? -1 : 1)).slice(0, 4);
})();

const inside = (p: Pilji): Position => {
  const ring =
    (p.geometry.type === "Polygon" ? p.geometry.coordinates[0] : p.geometry.coordinates[0]?.[0]) ??
    [];
  const n = ring.length - 1;
  return [
    ring.slice(0, n).reduce((s, q) => s + (q[0] ?? 0), 0) / n,
    ring.slice(0, n).reduce((s, q) => s + (q[1] ?? 0), 0) / n,
  ];
};
const [LON0 = 0, LAT0 = 0] = inside(block[0] as Pilji);
const mercY = (lat: number) => Math.log(Math.tan(Math.PI / 4 + (lat * Math.PI) / 360));

let app: AppPage;
let page: Page;
let dir: string;

/** Page pixels of a position, the map centred on the first lot at hash zoom ZOOM (256-px tiles). */
async function pixelOf([lon = 0, lat = 0]: Position): Promise<[number, number]> {
  const [cx, cy] = await mapCentre(page);
  const world = 256 * 2 ** ZOOM;
  return [
    cx + ((lon - LON0) / 360) * world,
    cy + ((mercY(LAT0) - mercY(lat)) / (2 * Math.PI)) * world,
  ];
}

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), "czd-cadastre-e2e-"));
  app = await openAppAt(inject("baseUrl"), `#${ZOOM}/${LAT0}/${LON0}`);
  page = app.page;
});

afterAll(async () => {
  await app?.close();
});

describe("the cadastre in the app", () => {
  it("opens the 연속지적도 in a Worker and shows how many 필지 it read", async () => {
    await page.getByTestId("import-cadastre").setInputFiles(CADASTRE);
    await page
      .locator('[data-testid="cadastre"][data-status="ready"]')
      .waitFor({ timeout: 60_000 });
    expect(await page.getByTestId("cadastre-count").textContent()).toMatch(/^2,738 /);
    // At zoom 18 the 필지 in view are labelled with their 지번 and 지목 부호.
    await expect.poll(() => page.locator(".pilji-label").count()).toBeGreaterThan(10);
    const labels = await page.locator(".pilji-label").allTextContents();
    expect(labels).toContain(`${block[0]?.jibun}대`);
  });

  it("adds a clicked 필지 to the 구역, one undo step a click", async () => {
    await page.getByTestId("cadastre-pick").click();
    await page.waitForTimeout(1500);
    for (const p of block) await clickAt(page, await pixelOf(inside(p)));
    await expect.poll(() => parcelCount(page)).toBe(1);
    // Picks are unions made in the Worker: wait for the fourth before undoing it.
    await expect
      .poll(async () => (await exportedFiling()).features[0]?.properties?.pnu?.length)
      .toBe(4);
    await page.keyboard.press("Control+z");
    const filing = await exportedFiling();
    expect(filing.features[0]?.properties?.pnu).toEqual(block.slice(0, 3).map((p) => p.pnu));
    expect(filing.features[0]?.geometry.type).toBe("Polygon");
  });

  it("exports the 지번 조서 that czd parcels gives for the exported filing, byte for byte", async () => {
    const filing = await saveDownload(page, dir, () => page.getByTestId("export-geojson").click());
    await page.getByTestId("export-menu").locator("summary").click();
    const joso = await saveDownload(page, dir, () => page.getByTestId("export-joso-csv").click());
    expect(joso.name).toMatch(/-지번조서\.csv$/);
    const out = join(dir, "cli.csv");
    const r = runCzd("parcels", filing.path, "--cadastre", CADASTRE, "-o", out);
    expect(r.stderr).toBe("");
    expect(Buffer.from(joso.bytes).equals(readFileSync(out))).toBe(true);
    const rows = new TextDecoder().decode(joso.bytes).trimEnd().split("\r\n");
    expect(rows).toHaveLength(1 + 3 + 2);
    const total = Number(rows[rows.length - 1]?.split(",")[6]);
    const check = JSON.parse(
      runCzd("check", filing.path, "--format", "json", "--hubs", "none").stdout,
    );
    expect(Math.abs(total - check.area.totalKm2 * 1e6)).toBeLessThanOrEqual(1);
  });

  it("turns a lasso drawn with the polygon tool into the 필지 inside it, one undo step", async () => {
    // A box 50–85 m north of the picked lots: the next block up, none of the picked lots.
    const [w, e, s, n] = [LON0 - 0.0002, LON0 + 0.0002, LAT0 + 0.00045, LAT0 + 0.00077];
    const lasso: Position[] = [
      [w, s],
      [e, s],
      [e, n],
      [w, n],
      [w, s],
    ];
    const expected = piljiInside({ type: "Polygon", coordinates: [lasso] }, pilji);
    expect(expected.length).toBeGreaterThan(1);
    expect(expected.filter((x) => block.some((p) => p.pnu === x))).toEqual([]);
    const corners = await Promise.all(lasso.slice(0, 4).map((p) => pixelOf(p)));
    await drawWith(page, "parcel-polygon", corners);
    // Taking up the polygon tool ended picking: the lasso's clicks picked no 필지.
    expect(await page.getByTestId("cadastre-pick").getAttribute("aria-pressed")).toBe("false");
    await expect.poll(() => parcelCount(page)).toBe(2);
    await page.getByTestId("cadastre-snap").click();
    await expect
      .poll(async () => (await exportedFiling()).features[1]?.properties?.pnu)
      .toEqual(expected);
    await page.keyboard.press("Control+z");
    // Back to the freehand 구역, which lists the 필지 it covers, some of them in part.
    const undone = await exportedFiling();
    expect(undone.features[1]?.properties?.pnu).not.toEqual(expected);
    expect(Array.isArray(undone.features[1]?.properties?.partialPnu)).toBe(true);
  });

  it("brings the cadastre back after a reload, from IndexedDB", async () => {
    await page.reload();
    await waitForMap(page);
    await page
      .locator('[data-testid="cadastre"][data-status="ready"]')
      .waitFor({ timeout: 60_000 });
    expect(await page.getByTestId("cadastre-count").textContent()).toMatch(/^2,738 /);
    expect(app.errors).toEqual([]);
  });
});

async function exportedFiling() {
  const saved = await saveDownload(page, dir, () => page.getByTestId("export-geojson").click());
  return JSON.parse(new TextDecoder().decode(saved.bytes)) as GeoJSON.FeatureCollection;
}
