/**
 * The drag scene of the browser benchmarks: the built app in headless Chromium, a filing of
 * parcels and a hub CSV brought in through the app's own file inputs (as a planner would), the
 * view set by the URL hash, a parcel picked with the select tool and one of its vertices dragged
 * through a number of pointer events. Pixels come from the hash view (Web Mercator, 256-px tiles).
 */
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Polygon, Position } from "geojson";
import type { Page } from "playwright-core";
import { type AppPage, openApp, waitForMap } from "../test/e2e/browser";
import { CENTER, createHubs, createParcels, createRandom } from "./data";
import { PROBE_SCRIPT } from "./drag-probe";

export interface SceneSpec {
  label: string;
  parcels: number;
  vertices: number;
  hubs: number;
  /** The view's zoom (13 when not given: all 20 parcels in view). */
  zoom?: number;
  /** Centre the view on parcel P1 instead of the grid (at zoom 14 the grid is wider than the map). */
  onParcel?: boolean;
}

export const SCENES: SceneSpec[] = [
  { label: "1 parcel × 256 vertices, no hubs", parcels: 1, vertices: 256, hubs: 0 },
  { label: "20 parcels × 256 vertices, no hubs", parcels: 20, vertices: 256, hubs: 0 },
  { label: "20 parcels × 256 vertices + 100,000 hubs", parcels: 20, vertices: 256, hubs: 100_000 },
  {
    label: "the same at zoom 14 on P1, hub layer in view",
    parcels: 20,
    vertices: 256,
    hubs: 100_000,
    zoom: 14,
    onParcel: true,
  },
];

/** The view of the drag: hash zoom 13 on the grid's centre shows all 20 parcels. */
const ZOOM = 13;

export type Px = [number, number];

const roundRing = (ring: Position[]): Position[] =>
  ring.map(([lon = 0, lat = 0]) => [Number(lon.toFixed(7)), Number(lat.toFixed(7))]);

/** The filing and hub files of a scene, written to a fresh folder. */
function writeFiles(spec: SceneSpec): { filing: string; hubs: string | null; ring: Position[] } {
  const dir = mkdtempSync(join(tmpdir(), "czd-drag-bench-"));
  const random = createRandom(20180214);
  // Seven decimals (about 1 cm), as a surveyed filing has them. With full doubles terra-draw
  // refuses the parcels ("excessive precision", over its 9 decimals) and they can't be dragged.
  const polygons = createParcels(random, spec.vertices)
    .slice(0, spec.parcels)
    .map((p): Polygon => ({ type: "Polygon", coordinates: p.coordinates.map(roundRing) }));
  const features = polygons.map((geometry, i) => ({
    type: "Feature",
    properties: { id: `P${i + 1}`, name: `P${i + 1}` },
    geometry,
  }));
  const filing = join(dir, "drag-bench.geojson");
  writeFileSync(filing, JSON.stringify({ type: "FeatureCollection", features }));
  let hubs: string | null = null;
  if (spec.hubs > 0) {
    hubs = join(dir, "hubs.csv");
    const rows = createHubs(random, spec.hubs).map((h) => {
      const [lon = 0, lat = 0] = h.geometry.type === "Point" ? h.geometry.coordinates : [];
      return `${h.name},${h.type},${lon.toFixed(6)},${lat.toFixed(6)}`;
    });
    writeFileSync(hubs, `name,type,lon,lat\n${rows.join("\n")}\n`);
  }
  const ring = (polygons[0]?.coordinates[0] ?? []) as Position[];
  return { filing, hubs, ring };
}

/** Page pixels of a lon/lat, for a map whose centre (hash view) and box are known. */
function toPx(
  box: { x: number; y: number; width: number; height: number },
  [lon = 0, lat = 0]: Position,
  zoom: number,
  centre: Position,
): Px {
  const scale = 256 * 2 ** zoom;
  const mx = (l: number) => ((l + 180) / 360) * scale;
  const my = (φ: number) => {
    const s = Math.sin((φ * Math.PI) / 180);
    return (0.5 - Math.log((1 + s) / (1 - s)) / (4 * Math.PI)) * scale;
  };
  return [
    box.x + box.width / 2 + mx(lon) - mx(centre[0] ?? 0),
    box.y + box.height / 2 + my(lat) - my(centre[1] ?? 0),
  ];
}

export interface OpenScene {
  app: AppPage;
  page: Page;
  /** The dragged vertex (the first of parcel P1) and a point inside P1, in page pixels. */
  vertex: Px;
  inside: Px;
}

/**
 * Back to the scene's view: an import moves the map to the new parcels (an animated fit that
 * may end after the hash was set), so the hash is set until the map stays there.
 */
async function settleView(page: Page, hash: string): Promise<void> {
  for (let i = 0; i < 10; i++) {
    await page.evaluate((h) => {
      window.location.hash = h === window.location.hash ? `${h}0` : h;
    }, hash);
    await page.waitForTimeout(1000);
    if (new URL(page.url()).hash === hash) return;
  }
  throw new Error(`the map did not stay at ${hash} (${page.url()})`);
}

/** The app at the scene's view, its files imported, the select tool on and parcel P1 picked. */
export async function openScene(baseUrl: string, spec: SceneSpec): Promise<OpenScene> {
  const files = writeFiles(spec);
  const app = await openApp(baseUrl);
  const { page } = app;
  await page.addInitScript(PROBE_SCRIPT);
  const zoom = spec.zoom ?? ZOOM;
  const ring = files.ring;
  const first = ring[0] ?? [0, 0];
  // The opposite vertex: halfway to it is inside the wobbly circle.
  const opposite = ring[Math.floor(ring.length / 2)] ?? first;
  const centre: Position = spec.onParcel
    ? [((first[0] ?? 0) + (opposite[0] ?? 0)) / 2, ((first[1] ?? 0) + (opposite[1] ?? 0)) / 2]
    : CENTER;
  const hash = `#${zoom}/${(centre[1] ?? 0).toFixed(5)}/${(centre[0] ?? 0).toFixed(5)}`;
  await page.goto(`${baseUrl}${hash}`);
  await waitForMap(page);
  await page.getByTestId("import-file").setInputFiles(files.filing);
  const rows = page.getByTestId("parcel-list").locator("tr");
  await waitFor(async () => (await rows.count()) === spec.parcels, "the filing's parcels listed");
  if (files.hubs) {
    await page.getByTestId("import-hubs").setInputFiles(files.hubs);
    const notice = page.getByTestId("notice");
    const said = `거점 ${spec.hubs}개`;
    await waitFor(
      async () => ((await notice.textContent()) ?? "").includes(said),
      "the hub import's notice",
      120_000,
    );
  }
  await settleView(page, hash);
  const box = await page.getByTestId("map").boundingBox();
  if (!box) throw new Error("no map box");
  // The hash rounds the centre to 5 decimals: pixels are taken from the centre the map shows.
  const shown: Position = [
    Number((centre[0] ?? 0).toFixed(5)),
    Number((centre[1] ?? 0).toFixed(5)),
  ];
  const vertex = toPx(box, first, zoom, shown);
  const other = toPx(box, opposite, zoom, shown);
  const inside: Px = [(vertex[0] + other[0]) / 2, (vertex[1] + other[1]) / 2];
  await page.getByTestId("tool-select").click();
  await page.mouse.move(inside[0], inside[1], { steps: 2 });
  await page.mouse.click(inside[0], inside[1]);
  await page.waitForTimeout(1000);
  if (new URL(page.url()).hash !== hash) throw new Error(`the view moved to ${page.url()}`);
  return { app, page, vertex, inside };
}

/** Poll `ok` until it holds or `timeoutMs` passes (then a harness failure naming `what`). */
export async function waitFor(
  ok: () => Promise<boolean>,
  what: string,
  timeoutMs = 60_000,
): Promise<void> {
  const until = Date.now() + timeoutMs;
  while (Date.now() < until) {
    if (await ok()) return;
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`timed out waiting for ${what}`);
}

/**
 * Drag the vertex through `events` pointer moves (one CDP mouse event each, each awaited as the
 * planner's hand would be by the next frame), then release it. Returns the wall time of the moves.
 */
export async function dragVertex(scene: OpenScene, events: number): Promise<number> {
  const { page, vertex } = scene;
  await page.mouse.move(vertex[0], vertex[1]);
  await page.mouse.down();
  const start = Date.now();
  for (let i = 1; i <= events; i++) {
    // Outwards (east) along a gentle wave, 12 px at most: the parcel stays simple and clear of
    // its neighbour 1.6 km east (a drag into it would add the clipper's cost to every event).
    const t = i / events;
    const dx = 12 * t;
    const dy = 8 * Math.sin(2 * Math.PI * t);
    await page.mouse.move(vertex[0] + dx, vertex[1] + dy);
  }
  const wallMs = Date.now() - start;
  await page.mouse.up();
  return wallMs;
}

export { median } from "./timing";

export function quantile(values: number[], q: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? Number.NaN;
}
