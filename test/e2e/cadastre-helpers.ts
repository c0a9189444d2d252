/**
 * Helpers of the cadastre browser tests: the small 진주 and 사천 fixtures read in Node, a lot to
 * centre the view on, moving the view by its hash, picking the lot at the centre, the kept
 * store, and the raster overlay seen during a drag.
 */
import { execFileSync } from "node:child_process";
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import type { Position } from "geojson";
import type { Page } from "playwright-core";
import { expect } from "vitest";
import { innerPoint } from "../../geo/cadastre/select";
import type { Pilji } from "../../geo/cadastre/types";
import { openCadastre, readPilji } from "../../geo/io/lsmd-read";
import { changedBlocks, changedShare, settledShot } from "./pixels";
import { clickAt, mapCentre } from "./tools-helpers";

export const JINJU = resolve("test/fixtures/cadastre/LSMD_CONT_LDREG_48170.zip");
export const SACHEON = resolve("test/fixtures/cadastre/LSMD_CONT_LDREG_48240.zip");

/**
 * 진주's fixture as loose files of the same name (LSMD_CONT_LDREG_48170.*) whose 필지 have other
 * PNUs (본번 9xxx; the fixture's are 1–72): another file of one 시·군 and one code, as two
 * editions of it would be. Its files' paths.
 */
export function jinjuOtherEdition(): string[] {
  const dir = mkdtempSync(join(tmpdir(), "czd-cadastre-edition-"));
  execFileSync("unzip", ["-q", JINJU, "-d", dir]);
  const dbf = join(dir, "LSMD_CONT_LDREG_48170.dbf");
  const b = readFileSync(dbf);
  const [count, header, record] = [b.readUInt32LE(4), b.readUInt16LE(8), b.readUInt16LE(10)];
  // The PNU field's offset in a record (after the deletion flag), from the field descriptors.
  let at = 1;
  for (let i = 32; b[i] !== 0x0d; i += 32) {
    if (b.toString("latin1", i, i + 11).replace(/\0.*$/, "") === "PNU") break;
    at += b[i + 16] ?? 0;
  }
  for (let k = 0; k < count; k++) b[header + k * record + at + 11] = "9".charCodeAt(0);
  writeFileSync(dbf, b);
  return readdirSync(dir).map((f) => join(dir, f));
}

/** Every 필지 of a cadastre file, read in Node. */
export const readCadastre = (path: string): Pilji[] =>
  openCadastre([{ name: "c.zip", bytes: readFileSync(path) }]).flatMap((l) => [...readPilji(l)]);

/** The 대 lot nearest a point: the view is centred on its inner point. */
export function lotNear(pilji: Pilji[], [x = 0, y = 0]: Position): Pilji {
  const d = (p: Pilji) => {
    const [px = 0, py = 0] = innerPoint(p.geometry);
    return Math.hypot(px - x, py - y);
  };
  const lot = pilji.filter((p) => p.jimok === "대").sort((a, b) => d(a) - d(b))[0];
  if (!lot) throw new Error("no 대 lot");
  return lot;
}

/** The view's hash centred on a 필지's inner point at zoom 18 (or another). */
export const hashAt = (p: Pilji, zoom = 18): string => {
  const [lon = 0, lat = 0] = innerPoint(p.geometry);
  return `#${zoom}/${lat.toFixed(5)}/${lon.toFixed(5)}`;
};

/** The view's hash once it has stayed the same for half a second (a flight has ended). */
export async function settledHash(page: Page): Promise<string> {
  let last = "";
  for (;;) {
    const now = new URL(page.url()).hash;
    if (now === last) return now;
    last = now;
    await page.waitForTimeout(500);
  }
}

/** Moves the view to a hash and waits for it to settle there. */
export async function go(page: Page, hash: string): Promise<void> {
  await settledHash(page);
  await page.evaluate((h) => {
    window.location.hash = h;
  }, hash);
  await expect.poll(() => settledHash(page)).toBe(hash);
}

/** Clicks the lot at the view's centre once its tiles are drawn (its 지번 label shows). */
export async function pickAtCentre(page: Page, lot: Pilji): Promise<void> {
  await expect
    .poll(() => page.locator(".pilji-label").allTextContents(), { timeout: 20_000 })
    .toContain(`${lot.jibun}${lot.jimok}`);
  await clickAt(page, await mapCentre(page));
}

/** The cadastre panel as the tests read it: its count, files, status and notice, and two waits. */
export function cadastrePanel(page: Page) {
  return {
    count: () => page.getByTestId("cadastre-count").textContent(),
    layers: () => page.getByTestId("cadastre-layer").allTextContents(),
    status: () => page.getByTestId("cadastre").getAttribute("data-status"),
    notice: () => page.getByTestId("notice").textContent(),
    /** A cadastre is open (read, added to, or restored). */
    ready: () =>
      page.locator('[data-testid="cadastre"][data-status="ready"]').waitFor({ timeout: 60_000 }),
    /** The Worker has written what it holds (it waits a moment for the map's first tiles, then packs). */
    keptNow: () =>
      page.locator('[data-testid="cadastre"][data-kept="true"]').waitFor({ timeout: 30_000 }),
  };
}

/** Opens 진주 onto no cadastre, and waits until it is open (2,738 필지) and kept. */
export async function openJinju(page: Page): Promise<void> {
  const panel = cadastrePanel(page);
  await page.getByTestId("import-cadastre").setInputFiles(JINJU);
  await panel.ready();
  expect(await panel.count()).toMatch(/^2,738 /);
  await panel.keptNow();
}

/**
 * Adds 사천 to the cadastre open (진주), and waits until it is in (3,223 필지) and kept; `added`
 * runs as soon as it is in, before the wait for the keeping (the notice of the add is still up).
 */
export async function addSacheon(page: Page, added?: () => Promise<void>): Promise<void> {
  const panel = cadastrePanel(page);
  await page.getByTestId("import-cadastre").setInputFiles(SACHEON);
  await expect.poll(panel.count, { timeout: 60_000 }).toMatch(/^3,223 /);
  await added?.();
  await panel.keptNow();
}

/**
 * The set-up of the add, close, close-odd and cancel tests: 진주 opened onto no cadastre, then
 * 사천 added to it. `between` runs once 진주 is kept, `added` once 사천 is in (addSacheon).
 */
export async function openJinjuThenSacheon(
  page: Page,
  hooks: { between?: () => Promise<void>; added?: () => Promise<void> } = {},
): Promise<void> {
  await openJinju(page);
  await hooks.between?.();
  await addSacheon(page, hooks.added);
}

/**
 * The keys in the kept cadastre's IndexedDB store, the layers its manifest names, and the bytes
 * it says its entries hold (layers and index).
 */
export const keptStoreOf = (page: Page) =>
  page.evaluate(
    () =>
      new Promise<{ keys: string[]; layers: string[]; bytes: number }>((done, fail) => {
        const open = indexedDB.open("czd-cadastre-kept");
        open.onerror = () => fail(open.error);
        open.onsuccess = () => {
          const db = open.result;
          if (!db.objectStoreNames.contains("kept"))
            return done({ keys: [], layers: [], bytes: 0 });
          const store = db.transaction("kept").objectStore("kept");
          const keys = store.getAllKeys();
          const manifest = store.get("manifest");
          manifest.onsuccess = () => {
            const layers = (manifest.result?.layers ?? []) as { name: string; bytes: number }[];
            done({
              keys: keys.result.map(String).sort(),
              layers: layers.map((l) => l.name),
              bytes: layers.reduce((n, l) => n + l.bytes, 0) + (manifest.result?.index?.bytes ?? 0),
            });
          };
          manifest.onerror = () => fail(manifest.error);
        };
      }),
  );

/**
 * Records every key the cadastre Worker puts into IndexedDB from now on (`puts()` reads them):
 * what an add or a close writes.
 */
export async function watchKeptPuts(page: Page): Promise<{ puts: () => Promise<string[]> }> {
  const worker = page.workers().find((w) => w.url().includes("cadastre"));
  if (!worker) throw new Error("no cadastre Worker");
  await worker.evaluate(() => {
    const scope = self as unknown as { czdPuts: string[] };
    scope.czdPuts = [];
    const put = IDBObjectStore.prototype.put;
    IDBObjectStore.prototype.put = function (
      this: IDBObjectStore,
      value: unknown,
      key?: IDBValidKey,
    ) {
      scope.czdPuts.push(String(key));
      return put.call(this, value, key);
    };
  });
  return {
    puts: () => worker.evaluate(() => (self as unknown as { czdPuts: string[] }).czdPuts),
  };
}

/**
 * Holds back, from the page's first script on, the requests of these kinds the page sends to a
 * Worker (`window.czdRelease()` sends them): a restore or an add caught mid-way, to be cancelled.
 * Kinds are read from sessionStorage `czdHold` (JSON list) at each page load, or added by
 * `window.czdHold(kind)`; `window.czdHolding()` counts the requests held.
 */
export const HOLD_REQUESTS = `(() => {
  const hold = new Set(JSON.parse(sessionStorage.getItem("czdHold") || "[]"));
  const held = [];
  const post = Worker.prototype.postMessage;
  Worker.prototype.postMessage = function (msg, ...rest) {
    if (msg && hold.has(msg.kind)) held.push(() => post.call(this, msg, ...rest));
    else post.call(this, msg, ...rest);
  };
  window.czdHold = (kind) => hold.add(kind);
  window.czdHolding = () => held.length;
  window.czdRelease = () => { hold.clear(); held.splice(0).forEach((send) => send()); };
})()`;

/** Requests of these kinds are held back from the next page load on (HOLD_REQUESTS). */
export const holdRequests = (page: Page, kinds: string[]) =>
  page.evaluate((k) => sessionStorage.setItem("czdHold", JSON.stringify(k)), kinds);

/** Whether the overlay of compositor-placed tiles is seen (it is only while the map moves). */
export const overlayShown = (page: Page) =>
  page
    .getByTestId("cadastre-overlay")
    .evaluate((el) => `${(el as HTMLElement).dataset.shown}/${getComputedStyle(el).visibility}`);

/**
 * A drag by (120, 70) px at the raster tiles' zoom: while it is held the overlay draws the
 * cadastre alone (the picture is the old one shifted, not doubled by MapLibre's raster layer
 * under it); after it the map at rest draws it with the raster layer alone, the overlay hidden,
 * again the old picture shifted.
 */
export async function dragShifts(page: Page): Promise<void> {
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
  // The picture at rest (what was drawn before, its tiles in) before the drag.
  const before = await settledShot(page, part);
  // At rest: MapLibre's raster layer draws the cadastre, in its place among the map's layers.
  expect(await overlayShown(page)).toBe("false/hidden");
  const [x, y] = [box.x + box.width / 2, box.y + box.height / 2];
  await page.mouse.move(x, y);
  await page.mouse.down();
  await page.mouse.move(x + dx, y + dy, { steps: 12 });
  // Still a moment before letting go: no inertia, the map moved by the pointer's path only.
  await page.waitForTimeout(400);
  const moved = { ...part, x: part.x + dx, y: part.y + dy };
  // Held: the overlay draws the tiles, the raster layer (at opacity 0) does not as well.
  expect(await overlayShown(page)).toBe("true/visible");
  const held = await page.screenshot({ clip: moved });
  await page.mouse.up();
  // Held, compared by 8-px blocks' mean colour: where frames are slow, MapLibre's canvas is drawn
  // at a lower pixel ratio while the map moves (src/map/motion-resolution.ts), which softens its
  // edges (6 % of pixels, 1–2.5 % of blocks, measured with the CPU throttled 4×) but keeps each
  // block's mean; the cadastre doubled darkens nearly every block, and missing, every block its
  // lines cross. At rest (below) the picture is compared pixel by pixel again.
  expect(await changedBlocks(page, before, held)).toBeLessThan(0.05);
  await expect.poll(() => overlayShown(page), { timeout: 15_000 }).toBe("false/hidden");
  await expect
    .poll(async () => changedShare(page, before, await page.screenshot({ clip: moved })), {
      timeout: 15_000,
    })
    .toBeLessThan(0.01);
  // And the drag changed the picture where it was (the check above is not of a still map).
  await expect(
    changedShare(page, before, await page.screenshot({ clip: part })),
  ).resolves.toBeGreaterThan(0.05);
}
