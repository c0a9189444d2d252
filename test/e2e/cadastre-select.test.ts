/**
 * Selections by area on the cadastre in the app: a dragged box, "필지 in view" from the keyboard,
 * all 필지 inside the envelope, a freehand 구역 listing the 필지 it covers (whole and in part) and
 * "touching 필지" making it whole; each one undo step. The filing exported after them gives, with
 * `czd parcels`, the very 조서 the app exports, its total `czd check`'s area to 1 m².
 */
import { mkdtempSync, readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import type { Feature, FeatureCollection, Polygon, Position } from "geojson";
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { coveredPilji, pnuProperties } from "../../geo/cadastre/parcel";
import { piljiInside } from "../../geo/cadastre/select";
import { piljiTouching, piljiWhollyInside } from "../../geo/cadastre/select-cover";
import { envelopeOutline } from "../../geo/envelope";
import { openCadastre, readPilji } from "../../geo/io/lsmd-read";
import { runCzd } from "../support/czd";
import { type AppPage, openAppAt } from "./browser";
import { saveDownload } from "./files";
import {
  clickAt,
  drawWith,
  mapCentre,
  parcelCount,
  pickTool,
  typeEnvelopeSize,
} from "./tools-helpers";

const CADASTRE = resolve("test/fixtures/cadastre/LSMD_CONT_LDREG_48170.zip");
const ZOOM = 18;
/** The view's centre: central 진주 in the fixture's window (made-up 필지, real codes). */
const [LON0, LAT0] = [128.1065, 35.18];

const layer = openCadastre([{ name: "c.zip", bytes: readFileSync(CADASTRE) }])[0];
const pilji = layer ? [...readPilji(layer)] : [];

const mercY = (lat: number) => Math.log(Math.tan(Math.PI / 4 + (lat * Math.PI) / 360));
const WORLD = 256 * 2 ** ZOOM;
const HASH = `#${ZOOM}/${LAT0.toFixed(5)}/${LON0.toFixed(5)}`;

let app: AppPage;
let page: Page;
let dir: string;

/** Page pixels of a position, and back, the map centred on LON0, LAT0 at hash zoom ZOOM. */
async function pixelOf([lon = 0, lat = 0]: Position): Promise<[number, number]> {
  const [cx, cy] = await mapCentre(page);
  return [
    cx + ((lon - LON0) / 360) * WORLD,
    cy + ((mercY(LAT0) - mercY(lat)) / (2 * Math.PI)) * WORLD,
  ];
}

async function lonLatOf([x, y]: [number, number]): Promise<Position> {
  const [cx, cy] = await mapCentre(page);
  const my = mercY(LAT0) - ((y - cy) / WORLD) * 2 * Math.PI;
  return [
    LON0 + ((x - cx) / WORLD) * 360,
    ((2 * Math.atan(Math.exp(my)) - Math.PI / 2) * 180) / Math.PI,
  ];
}

async function boxPolygon(
  a: [number, number],
  c: [number, number],
  grow: number,
): Promise<Polygon> {
  const [x0, x1] = [Math.min(a[0], c[0]) - grow, Math.max(a[0], c[0]) + grow];
  const [y0, y1] = [Math.min(a[1], c[1]) - grow, Math.max(a[1], c[1]) + grow];
  const ring = await Promise.all(
    (
      [
        [x0, y0],
        [x1, y0],
        [x1, y1],
        [x0, y1],
        [x0, y0],
      ] as [number, number][]
    ).map(lonLatOf),
  );
  return { type: "Polygon", coordinates: [ring] };
}

async function exported(): Promise<FeatureCollection> {
  const saved = await saveDownload(page, dir, () => page.getByTestId("export-geojson").click());
  return JSON.parse(new TextDecoder().decode(saved.bytes)) as FeatureCollection;
}
const parcels = async () =>
  (await exported()).features.filter((f) => f.properties?.role !== "envelope");
const sorted = (v: unknown): string[] => (Array.isArray(v) ? [...v].map(String).sort() : []);

/** The view's hash once it has stayed the same for half a second (a flight has ended). */
async function settledHash(): Promise<string> {
  let last = "";
  for (;;) {
    const now = new URL(page.url()).hash;
    if (now === last) return now;
    last = now;
    await page.waitForTimeout(500);
  }
}

/** Undo, and back to the test's view (the app shows what an undo changed). */
async function undo(): Promise<void> {
  await page.getByTestId("undo").click();
  await page.waitForTimeout(500);
  await settledHash();
  await page.evaluate((hash) => {
    window.location.hash = hash;
  }, HASH);
  await expect.poll(settledHash).toBe(HASH);
}

async function openSelections(): Promise<void> {
  const menu = page.getByTestId("cadastre-select");
  if ((await menu.getAttribute("open")) === null) await menu.locator("summary").click();
}

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), "czd-cadastre-select-"));
  app = await openAppAt(inject("baseUrl"), HASH);
  page = app.page;
  await page.getByTestId("import-cadastre").setInputFiles(CADASTRE);
  await page.locator('[data-testid="cadastre"][data-status="ready"]').waitFor({ timeout: 60_000 });
});

afterAll(async () => {
  await app?.close();
});

/** The box's 필지 after the first test, and the freehand 구역's once whole, for the ones that follow. */
let boxed: string[] = [];
let touching: string[] = [];

describe("selecting 필지 by area", () => {
  it("takes the 필지 in a box dragged on the map, in one undo step", async () => {
    await openSelections();
    await page.getByTestId("cadastre-box").click();
    expect(await page.getByTestId("cadastre-box").getAttribute("aria-pressed")).toBe("true");
    const [cx, cy] = await mapCentre(page);
    const a: [number, number] = [cx - 260, cy + 40];
    const c: [number, number] = [cx - 60, cy + 190];
    // Inner points within 3 px of the box's edge may fall either way: the box is drawn in pixels.
    const surely = piljiInside(await boxPolygon(a, c, -3), pilji);
    const maybe = piljiInside(await boxPolygon(a, c, 3), pilji);
    expect(surely.length).toBeGreaterThan(3);
    const drag = async () => {
      await page.mouse.move(a[0], a[1]);
      await page.mouse.down();
      await page.mouse.move(c[0], c[1], { steps: 8 });
      await page.mouse.up();
    };
    await drag();
    await expect.poll(async () => (await parcels()).length).toBe(1);
    boxed = sorted((await parcels())[0]?.properties?.pnu);
    for (const x of surely) expect(boxed).toContain(x);
    for (const x of boxed) expect(maybe).toContain(x);
    // The map did not pan under the drag.
    expect(new URL(page.url()).hash).toContain(`${LAT0}`);
    await undo();
    await expect.poll(() => parcelCount(page)).toBe(0);
    await drag();
    await expect.poll(async () => sorted((await parcels())[0]?.properties?.pnu)).toEqual(boxed);
    expect(await settledHash()).toBe(HASH);
    await page.getByTestId("cadastre-box").click();
    expect(await page.getByTestId("cadastre-box").getAttribute("aria-pressed")).toBe("false");
  });

  it("offers the selections with accessible names, no axe (WCAG 2.1 A/AA) violation in the menu", async () => {
    await openSelections();
    const names = await page
      .getByTestId("cadastre-select")
      .locator("button, select")
      .evaluateAll((els) =>
        els.map((e) => (e.textContent ?? "").trim() || e.getAttribute("aria-label")),
      );
    expect(names.every((n) => n && n.length > 1)).toBe(true);
    expect(await page.getByRole("button", { name: "상자로 선택" }).count()).toBe(1);
    expect(await page.getByRole("button", { name: "닿는 필지 더하기" }).count()).toBe(1);
    expect(await page.getByRole("combobox", { name: /대상/ }).count()).toBe(1);
    await page.addScriptTag({
      content: readFileSync(createRequire(import.meta.url).resolve("axe-core/axe.min.js"), "utf8"),
    });
    const found = await page.evaluate(async () => {
      const axe = (window as unknown as { axe: { run: (...a: unknown[]) => Promise<unknown> } })
        .axe;
      const result = (await axe.run(
        { include: [['[data-testid="cadastre"]']] },
        { runOnly: { type: "tag", values: ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"] } },
      )) as { violations: { id: string }[] };
      return result.violations.map((v) => v.id);
    });
    expect(found).toEqual([]);
  });

  it("takes the 필지 in view from the keyboard, in one undo step", async () => {
    await page.getByTestId("cadastre-view").focus();
    await page.keyboard.press("Enter");
    await expect
      .poll(async () => sorted((await parcels())[0]?.properties?.pnu).length)
      .toBeGreaterThan(boxed.length + 20);
    await undo();
    await expect.poll(async () => sorted((await parcels())[0]?.properties?.pnu)).toEqual(boxed);
  });

  it("adds all 필지 wholly inside the envelope, in one undo step", async () => {
    const [cx, cy] = await mapCentre(page);
    await pickTool(page, "envelope-circle");
    await clickAt(page, [cx + 200, cy - 120]);
    await page.getByTestId("tool-envelope-circle").click();
    await typeEnvelopeSize(page, "0.05");
    const envelope = (await exported()).features.find((f) => f.properties?.role === "envelope");
    expect(envelope?.properties?.radiusKm).toBe(0.05);
    const [lon = 0, lat = 0] = (envelope?.geometry as GeoJSON.Point | undefined)?.coordinates ?? [];
    const outline = envelopeOutline({
      shape: "circle",
      center: [lon, lat],
      radiusKm: 0.05,
    });
    const inside = piljiWhollyInside(outline, pilji);
    expect(inside.length).toBeGreaterThan(1);
    expect(inside.filter((x) => boxed.includes(x))).toEqual([]);
    await openSelections();
    await page.getByTestId("cadastre-target").selectOption({ label: "지정 범위" });
    await page.getByTestId("cadastre-inside").click();
    await expect
      .poll(async () => sorted((await parcels())[0]?.properties?.pnu))
      .toEqual([...boxed, ...inside].sort());
    await undo();
    await expect.poll(async () => sorted((await parcels())[0]?.properties?.pnu)).toEqual(boxed);
  });

  it("lists the 필지 a freehand 구역 covers, whole and in part; touching 필지 make it whole", async () => {
    const [cx, cy] = await mapCentre(page);
    const corners: [number, number][] = [
      [cx + 60, cy + 60],
      [cx + 250, cy + 80],
      [cx + 230, cy + 230],
      [cx + 80, cy + 200],
    ];
    await drawWith(page, "parcel-polygon", corners);
    await expect.poll(async () => (await parcels())[1]?.properties?.partialPnu).toBeDefined();
    const freehand = (await parcels())[1] as Feature<Polygon>;
    const expected = pnuProperties(coveredPilji(freehand.geometry, pilji));
    expect(expected.partialPnu.length).toBeGreaterThan(3);
    expect(sorted(freehand.properties?.pnu)).toEqual([...expected.pnu].sort());
    expect(freehand.properties?.partialPnu).toEqual(expected.partialPnu);
    touching = piljiTouching(freehand.geometry, pilji);
    expect(touching.filter((x) => boxed.includes(x))).toEqual([]);

    await openSelections();
    await page.getByTestId("cadastre-target").selectOption(`parcel:${freehand.properties?.id}`);
    await page.getByTestId("cadastre-touching").click();
    await expect
      .poll(async () => sorted((await parcels())[1]?.properties?.pnu))
      .toEqual([...touching].sort());
    expect((await parcels())[1]?.properties?.partialPnu).toBeUndefined();
    await undo();
    await expect
      .poll(async () => (await parcels())[1]?.properties?.partialPnu)
      .toEqual(expected.partialPnu);
    await page.getByTestId("cadastre-touching").click();
    await expect
      .poll(async () => sorted((await parcels())[1]?.properties?.pnu))
      .toEqual([...touching].sort());
  });

  it("exports a filing whose czd parcels 조서 is the app's, byte for byte", async () => {
    const filing = await saveDownload(page, dir, () => page.getByTestId("export-geojson").click());
    await page.getByTestId("export-menu").locator("summary").click();
    const joso = await saveDownload(page, dir, () => page.getByTestId("export-joso-csv").click());
    const out = join(dir, "cli.csv");
    const r = runCzd("parcels", filing.path, "--cadastre", CADASTRE, "-o", out);
    expect(r.stderr).toBe("");
    expect(Buffer.from(joso.bytes).equals(readFileSync(out))).toBe(true);
    const rows = new TextDecoder().decode(joso.bytes).trimEnd().split("\r\n");
    // Header, one row a 필지, a 소계 per 구역 and the 합계.
    expect(rows).toHaveLength(1 + boxed.length + touching.length + 2 + 1);
    const total = Number(rows[rows.length - 1]?.split(",")[6]);
    const check = JSON.parse(
      runCzd("check", filing.path, "--format", "json", "--hubs", "none").stdout,
    );
    expect(Math.abs(total - check.area.totalKm2 * 1e6)).toBeLessThanOrEqual(1);
    expect(app.errors).toEqual([]);
  });

  it("lists a 구역's 필지 again after the select tool moves its vertex, in the edit's undo step", async () => {
    const before = (await parcels())[1] as Feature<Polygon>;
    expect(before.geometry.type).toBe("Polygon");
    expect(before.properties?.partialPnu).toBeUndefined();
    // The select tool's vertex keys (the drag's keyboard twin, src/actions/vertex-keys.ts): the
    // 구역 picked in the table, its first vertex moved 10 m east, then 10 m south.
    await page.getByTestId("tool-select").focus();
    await page.keyboard.press("Enter");
    await page.getByTestId("parcel-name").nth(1).focus();
    await page.keyboard.press("Enter");
    await expect.poll(() => page.getByTestId("vertex-status").textContent()).toMatch(/1\//);
    await page.locator('[data-testid="map"] canvas').focus();
    await page.keyboard.press("ArrowRight");
    await expect.poll(async () => (await parcels())[1]?.properties?.partialPnu).toBeDefined();
    const after = (await parcels())[1] as Feature<Polygon>;
    expect(after.geometry).not.toEqual(before.geometry);
    const expected = pnuProperties(coveredPilji(after.geometry, pilji));
    expect(expected.partialPnu.length).toBeGreaterThan(0);
    expect(sorted(after.properties?.pnu)).toEqual([...expected.pnu].sort());
    expect(after.properties?.partialPnu).toEqual(expected.partialPnu);
    await undo();
    const undone = (await parcels())[1];
    expect(undone?.geometry).toEqual(before.geometry);
    expect(undone?.properties?.partialPnu).toBeUndefined();
    expect(sorted(undone?.properties?.pnu)).toEqual([...touching].sort());
  });

  it("does the same after a vertex dragged with the mouse and the select tool", async () => {
    const before = (await parcels())[1] as Feature<Polygon>;
    const [cx, cy] = await mapCentre(page);
    const middle: [number, number] = [cx + 155, cy + 145];
    // The 구역's vertex nearest its middle (one far out may lie beyond the map's edge).
    const ring = before.geometry.coordinates[0] ?? [];
    const px = await Promise.all(ring.map((p) => pixelOf(p)));
    const dist = (p: [number, number]) => Math.hypot(p[0] - middle[0], p[1] - middle[1]);
    const [x, y] = px.reduce((a, b) => (dist(b) < dist(a) ? b : a));
    await pickTool(page, "select");
    await clickAt(page, middle);
    await page.waitForTimeout(300);
    await page.mouse.move(x, y, { steps: 2 });
    await page.mouse.down();
    await page.mouse.move(x + 40, y + 10, { steps: 8 });
    await page.mouse.up();
    await expect.poll(async () => (await parcels())[1]?.properties?.partialPnu).toBeDefined();
    const after = (await parcels())[1] as Feature<Polygon>;
    expect(after.geometry).not.toEqual(before.geometry);
    const expected = pnuProperties(coveredPilji(after.geometry, pilji));
    expect(sorted(after.properties?.pnu)).toEqual([...expected.pnu].sort());
    expect(after.properties?.partialPnu).toEqual(expected.partialPnu);
    await undo();
    const undone = (await parcels())[1];
    expect(undone?.geometry).toEqual(before.geometry);
    expect(undone?.properties?.partialPnu).toBeUndefined();
  });
});
