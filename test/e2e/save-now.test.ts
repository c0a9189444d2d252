/**
 * Saved before it is shown as saved (issue 7, item 7): an edit reaches IndexedDB at once, so a
 * reload or a crash right after it keeps it (5 of 5 tries each), and "저장됨" shows only once
 * the record holding the edit is in IndexedDB.
 */
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { type AppPage, openAppAt, waitForMap } from "./browser";
import { drawWith, parcelCount, START, squareAt } from "./tools-helpers";

let app: AppPage;
const baseUrl = () => inject("baseUrl");
const TRIES = 5;

beforeAll(async () => {
  app = await openAppAt(baseUrl(), START);
});

afterAll(async () => {
  await app?.close();
});

/** Parcel counts of the zone records in IndexedDB (idb-keyval's default database). */
function storedParcelCounts(page: Page): Promise<number[]> {
  return page.evaluate(
    () =>
      new Promise<number[]>((resolve, reject) => {
        const open = indexedDB.open("keyval-store");
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const all = open.result.transaction("keyval").objectStore("keyval").getAll();
          all.onerror = () => reject(all.error);
          all.onsuccess = () =>
            resolve(
              (all.result as { zone?: { parcels: unknown[] } | null }[])
                .filter((v) => v?.zone)
                .map((v) => v.zone?.parcels.length ?? 0),
            );
        };
      }),
  );
}

/** A small square at a spot of its own for try `i`, finished with Enter. */
async function drawOne(page: Page, i: number): Promise<void> {
  await drawWith(page, "parcel-polygon", await squareAt(page, -300 + i * 70, -150, 40));
}

describe("an edit is saved before anything else can happen", () => {
  it("shows 저장됨 only once the record with the edit is in IndexedDB", async () => {
    const page = app.page;
    await drawOne(page, 0);
    await page.locator('[data-testid="save-status"][data-state="saved"]').waitFor();
    expect(await storedParcelCounts(page)).toEqual([await parcelCount(page)]);
  });

  it(`keeps an edit through a reload right after it, ${TRIES} of ${TRIES} tries`, async () => {
    const page = app.page;
    for (let i = 1; i <= TRIES; i += 1) {
      const before = await parcelCount(page);
      await drawOne(page, i);
      await page.reload();
      await waitForMap(page);
      expect(await parcelCount(page)).toBe(before + 1);
    }
  });

  it(`keeps an edit through the tab being closed right after it, ${TRIES} of ${TRIES} tries`, async () => {
    let page = app.page;
    for (let i = 1; i <= TRIES; i += 1) {
      const before = await parcelCount(page);
      await drawOne(page, i);
      await page.close({ runBeforeUnload: false });
      page = await app.context.newPage();
      page.on("pageerror", (e) => app.errors.push(String(e)));
      await page.goto(`${baseUrl()}${START}`);
      await waitForMap(page);
      expect(await parcelCount(page)).toBe(before + 1);
    }
  });

  it("logged no console errors", () => {
    expect(app.errors).toEqual([]);
  });
});
