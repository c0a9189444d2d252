/**
 * The cadastre kept parsed between visits: opened once, a reload brings it back from what the
 * Worker kept in IndexedDB, without reading the Shapefile again (no reading progress is ever
 * shown, and the panel says where the 필지 came from), and its 필지 are picked as before. The same
 * file picked again comes from what was kept; a damaged kept entry is forgotten with a notice
 * asking for the file again; closing the cadastre forgets it; files an earlier version kept are
 * read once more and kept parsed.
 */
import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import type { Pilji } from "../../geo/cadastre/types";
import { openCadastre, readPilji } from "../../geo/io/lsmd-read";
import { type AppPage, openAppAt, waitForMap } from "./browser";
import { clickAt, exportFiling, mapCentre, parcelCount } from "./tools-helpers";

const CADASTRE = resolve("test/fixtures/cadastre/LSMD_CONT_LDREG_48170.zip");
/** The neighbouring 사천 (485 필지), picked with 진주: 3,223 together. */
const SACHEON = resolve("test/fixtures/cadastre/LSMD_CONT_LDREG_48240.zip");
const layer = openCadastre([{ name: "c.zip", bytes: readFileSync(CADASTRE) }])[0];
const pilji = layer ? [...readPilji(layer)] : [];
/** A 대 lot of an urban block, the view centred on the mean of its outer ring's vertices. */
const lot = pilji.find((p) => p.jimok === "대" && p.pnu[10] === "1" && p.jibun.endsWith("-1"));
const centre = (p: Pilji): [number, number] => {
  const ring =
    (p.geometry.type === "Polygon" ? p.geometry.coordinates[0] : p.geometry.coordinates[0]?.[0]) ??
    [];
  const n = ring.length - 1;
  const mean = (k: number) => ring.slice(0, n).reduce((s, q) => s + (q[k] ?? 0), 0) / n;
  return [mean(0), mean(1)];
};
const [LON = 0, LAT = 0] = lot ? centre(lot) : [];

/**
 * Records, from the page's first script, whether the reading progress bar ever appeared: it
 * shows while the Worker reads a Shapefile, and never while it restores what it kept.
 */
const WATCH_PROGRESS = `(() => {
  window.czdReadShown = false;
  new MutationObserver(() => {
    if (document.querySelector('[data-testid="cadastre-progress"][data-what="read"]')) window.czdReadShown = true;
  }).observe(document, { childList: true, subtree: true });
})()`;

let app: AppPage;
let page: Page;

const ready = () =>
  page.locator('[data-testid="cadastre"][data-status="ready"]').waitFor({ timeout: 60_000 });
const panel = () => page.getByTestId("cadastre");
/** The Worker has written what it read (it waits a moment for the map's first tiles, then packs). */
const keptNow = () =>
  page.locator('[data-testid="cadastre"][data-kept="true"]').waitFor({ timeout: 30_000 });
const readShown = () =>
  page.evaluate(() => (window as unknown as { czdReadShown: boolean }).czdReadShown);

/** The keys in the kept cadastre's IndexedDB store. */
const keptKeys = () =>
  page.evaluate(
    () =>
      new Promise<string[]>((done, fail) => {
        const open = indexedDB.open("czd-cadastre-kept");
        open.onerror = () => fail(open.error);
        open.onsuccess = () => {
          const db = open.result;
          if (!db.objectStoreNames.contains("kept")) return done([]);
          const req = db.transaction("kept").objectStore("kept").getAllKeys();
          req.onsuccess = () => done(req.result.map(String));
          req.onerror = () => fail(req.error);
        };
      }),
  );

/** Entries in the store where the first versions kept the picked files. */
const oldFileCount = () =>
  page.evaluate(
    () =>
      new Promise<number>((done) => {
        const open = indexedDB.open("czd-cadastre");
        open.onsuccess = () => {
          const db = open.result;
          if (!db.objectStoreNames.contains("files")) return done(0);
          const req = db.transaction("files").objectStore("files").count();
          req.onsuccess = () => done(req.result);
        };
        open.onerror = () => done(0);
      }),
  );

beforeAll(async () => {
  app = await openAppAt(inject("baseUrl"), `#18/${LAT}/${LON}`);
  page = app.page;
  await page.addInitScript(WATCH_PROGRESS);
});

afterAll(async () => {
  await app?.close();
});

describe("the cadastre kept parsed between visits", () => {
  it("keeps what the Worker read, written by the Worker", async () => {
    await page.getByTestId("import-cadastre").setInputFiles(CADASTRE);
    await ready();
    expect(await panel().getAttribute("data-from")).toBe("files");
    await keptNow();
    expect((await keptKeys()).sort()).toEqual(["layer-0", "manifest", "tiles-index"]);
    // The picked files themselves are no longer kept.
    expect(await oldFileCount()).toBe(0);
  });

  it("restores it on a reload without reading the Shapefile, and its 필지 are picked", async () => {
    await page.reload();
    await waitForMap(page);
    await ready();
    expect(await page.getByTestId("cadastre-count").textContent()).toMatch(/^2,738 /);
    expect(await panel().getAttribute("data-from")).toBe("kept");
    expect(await readShown()).toBe(false);
    // A 필지 picked on the map: the union is made by the Worker from the restored 필지.
    await page.getByTestId("cadastre-pick").click();
    await page.waitForTimeout(1500);
    await clickAt(page, await mapCentre(page));
    await expect.poll(() => parcelCount(page)).toBe(1);
    await expect
      .poll(async () => (await exportFiling(page)).features[0]?.properties?.pnu)
      .toEqual([lot?.pnu]);
    expect(app.errors).toEqual([]);
  });

  it("takes the same file picked again from what was kept", async () => {
    await page.getByTestId("cadastre-pick").click();
    await page.getByTestId("import-cadastre").setInputFiles(CADASTRE);
    await ready();
    expect(await panel().getAttribute("data-from")).toBe("kept");
    expect(await page.getByTestId("cadastre-count").textContent()).toMatch(/^2,738 /);
  });

  it("forgets a damaged kept entry and asks for the file again, without a half cadastre", async () => {
    // One byte of the kept 필지 changed, as a disk error would.
    await page.evaluate(
      () =>
        new Promise<void>((done, fail) => {
          const open = indexedDB.open("czd-cadastre-kept");
          open.onsuccess = () => {
            const store = open.result.transaction("kept", "readwrite").objectStore("kept");
            const get = store.get("layer-0");
            get.onsuccess = () => {
              const bytes = new Uint8Array(get.result as ArrayBuffer);
              bytes[bytes.length >> 1] = (bytes[bytes.length >> 1] ?? 0) ^ 0xff;
              const put = store.put(bytes.buffer, "layer-0");
              put.onsuccess = () => done();
              put.onerror = () => fail(put.error);
            };
          };
          open.onerror = () => fail(open.error);
        }),
    );
    await page.reload();
    await waitForMap(page);
    await expect.poll(() => page.getByTestId("notice").textContent()).toContain("다시 열어");
    expect(await page.getByTestId("notice").textContent()).toContain("LSMD_CONT_LDREG_48170");
    expect(await panel().getAttribute("data-status")).toBe("none");
    expect(await keptKeys()).toEqual([]);
    // The 구역 picked before is still there.
    expect(await parcelCount(page)).toBe(1);
    expect(app.errors).toEqual([]);
  });

  it("forgets what was kept when the cadastre is closed", async () => {
    await page.getByTestId("import-cadastre").setInputFiles(CADASTRE);
    await ready();
    await keptNow();
    await page.getByTestId("cadastre-close").click();
    await expect.poll(keptKeys).toEqual([]);
    await page.reload();
    await waitForMap(page);
    await page.waitForTimeout(1000);
    expect(await panel().getAttribute("data-status")).toBe("none");
  });
  it("reads once more the files an earlier version kept, keeps them parsed, and drops the files", async () => {
    // What the first versions left in IndexedDB: the picked files themselves.
    const zip = [...readFileSync(CADASTRE)];
    await page.evaluate(
      (bytes) =>
        new Promise<void>((done, fail) => {
          const put = (db: IDBDatabase) => {
            const tx = db.transaction("files", "readwrite");
            tx.objectStore("files").put([{ name: "c.zip", bytes: new Uint8Array(bytes) }], "files");
            tx.oncomplete = () => done();
            tx.onerror = () => fail(tx.error);
          };
          const open = (version?: number) => {
            const req = indexedDB.open("czd-cadastre", version);
            req.onupgradeneeded = () => req.result.createObjectStore("files");
            req.onsuccess = () => {
              const db = req.result;
              if (db.objectStoreNames.contains("files")) return put(db);
              db.close();
              open(db.version + 1);
            };
            req.onerror = () => fail(req.error);
          };
          open();
        }),
      zip,
    );
    await page.reload();
    await waitForMap(page);
    await ready();
    expect(await panel().getAttribute("data-from")).toBe("files");
    expect(await page.getByTestId("cadastre-count").textContent()).toMatch(/^2,738 /);
    await keptNow();
    await expect.poll(keptKeys).toEqual(["layer-0", "manifest", "tiles-index"]);
    await expect.poll(oldFileCount).toBe(0);
    expect(app.errors).toEqual([]);
  });
  it("keeps two neighbouring 시·군 picked together, each layer, and restores both", async () => {
    // Picked together onto no cadastre: with one open (the test before leaves 진주 open) a pick
    // adds to it, and the panel would read "ready" before the add had begun.
    await page.getByTestId("cadastre-close").click();
    await expect.poll(() => panel().getAttribute("data-status")).toBe("none");
    await page.getByTestId("import-cadastre").setInputFiles([CADASTRE, SACHEON]);
    await ready();
    expect(await page.getByTestId("cadastre-count").textContent()).toMatch(/^3,223 /);
    await keptNow();
    expect(await keptKeys()).toEqual(["layer-0", "layer-1", "manifest", "tiles-index"]);
    await page.reload();
    await waitForMap(page);
    await ready();
    expect(await panel().getAttribute("data-from")).toBe("kept");
    expect(await page.getByTestId("cadastre-count").textContent()).toMatch(/^3,223 /);
    expect(await readShown()).toBe(false);
    expect(app.errors).toEqual([]);
  });
});
