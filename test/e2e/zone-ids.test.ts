/**
 * Zones keep their identity (issue 25): delete 가 and 나, add 라, and the list is [다, 라] after
 * a reload and in the other tab; two tabs adding a zone at once keep both; a project saved by the
 * version before (zone records of the Z1 form, a removal marker) opens unchanged.
 */
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { type AppPage, openAppAt, waitForMap } from "./browser";
import { openTabOf, zoneNames } from "./tabs-helpers";
import { START } from "./tools-helpers";

let app: AppPage;
const baseUrl = () => inject("baseUrl");

beforeAll(async () => {
  app = await openAppAt(baseUrl(), START);
});

afterAll(async () => {
  await app?.close();
});

/** Every record in idb-keyval's default database (where autosave keeps the project). */
function storedRecords(page: Page): Promise<Record<string, unknown>> {
  return page.evaluate(
    () =>
      new Promise<Record<string, unknown>>((resolve, reject) => {
        const open = indexedDB.open("keyval-store");
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const store = open.result.transaction("keyval").objectStore("keyval");
          const keys = store.getAllKeys();
          const values = store.getAll();
          values.onerror = () => reject(values.error);
          values.onsuccess = () =>
            resolve(Object.fromEntries(keys.result.map((k, i) => [String(k), values.result[i]])));
        };
      }),
  );
}

/** Replace every stored record with `records` (none: an empty project). */
function replaceRecords(page: Page, records: Record<string, unknown>): Promise<void> {
  return page.evaluate(
    (put) =>
      new Promise<void>((resolve, reject) => {
        const open = indexedDB.open("keyval-store");
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const tx = open.result.transaction("keyval", "readwrite");
          const store = tx.objectStore("keyval");
          store.clear();
          for (const [k, v] of Object.entries(put)) store.put(v, k);
          tx.oncomplete = () => resolve();
          tx.onerror = () => reject(tx.error);
        };
      }),
    records,
  );
}

/** Start from `records` (a fresh project when empty): written, then the page reloaded. */
async function startFrom(page: Page, records: Record<string, unknown> = {}): Promise<void> {
  await replaceRecords(page, records);
  await page.reload();
  await waitForMap(page);
}

const addZone = (page: Page) => page.getByTestId("zone-list").locator(":scope > button").click();

async function nameZone(page: Page, name: string): Promise<void> {
  await page.getByTestId("zone-name").fill(name);
  await page.locator('[data-testid="save-status"][data-state="saved"]').waitFor();
}

async function removeZone(page: Page, name: string): Promise<void> {
  page.once("dialog", (d) => void d.accept());
  const item = page
    .getByTestId("zones")
    .locator("li")
    .filter({ hasText: `${name} (` });
  await item.getByTestId("remove-zone").click();
  await expect.poll(() => zoneNames(page)).not.toContain(name);
}

describe("zones keep their identity", () => {
  it("opens a project saved by the version before unchanged (Z1-style ids, a removal marker)", async () => {
    const page = app.page;
    const square = [
      [127.95, 37.33],
      [127.96, 37.33],
      [127.96, 37.34],
      [127.95, 37.34],
      [127.95, 37.33],
    ];
    const parcel = {
      id: "P1",
      name: "가좌 1",
      geometry: { type: "Polygon", coordinates: [square] },
      properties: { id: "P1", name: "가좌 1" },
    };
    const zone = (id: string, name: string, parcels: unknown[]) => ({
      id,
      name,
      sido: null,
      ruleSetId: "phase-1-2",
      envelope: null,
      parcels,
      createdAt: "2026-12-01T02:00:00.000Z",
    });
    // The records as the version before this one writes them (src/persistence/persist.ts).
    const saved = {
      "czd-zone-v2:Z1": {
        version: 2,
        rev: 3,
        order: 1764554400000,
        zone: zone("Z1", "진주 지구", [parcel]),
        tab: "t1",
      },
      "czd-zone-v2:Z2": { version: 2, rev: 4, order: 1764554400001.001, zone: null, tab: "t1" },
      "czd-zone-v2:Z3": {
        version: 2,
        rev: 1,
        order: 1764554400002.002,
        zone: zone("Z3", "둘째 지구", []),
        tab: "t1",
      },
      "czd-meta-v2": { version: 2, activeZoneId: "Z3", customRuleSets: [], hubLayers: [] },
    };
    await startFrom(page, saved);
    expect(await zoneNames(page)).toEqual(["진주 지구", "둘째 지구"]);
    expect(await page.getByTestId("zone-name").inputValue()).toBe("둘째 지구");
    const items = page.getByTestId("zones").locator("li > button:first-child");
    expect(await items.allTextContents()).toEqual(["진주 지구 (1)", "둘째 지구 (0)"]);
    // Opening writes nothing over the zones, and the old removal marker, now seen by the only
    // open tab, is gone.
    await expect.poll(async () => "czd-zone-v2:Z2" in (await storedRecords(page))).toBe(false);
    const after = await storedRecords(page);
    expect(after["czd-zone-v2:Z1"]).toEqual(saved["czd-zone-v2:Z1"]);
    expect(after["czd-zone-v2:Z3"]).toEqual(saved["czd-zone-v2:Z3"]);
    // A zone added now does not take a deleted zone's id or place: it goes last.
    await addZone(page);
    await expect.poll(() => zoneNames(page)).toEqual(["진주 지구", "둘째 지구", "지구 3"]);
    await page.locator('[data-testid="save-status"][data-state="saved"]').waitFor();
    await page.reload();
    await waitForMap(page);
    expect(await zoneNames(page)).toEqual(["진주 지구", "둘째 지구", "지구 3"]);
  });

  it("zones 가, 나, 다; delete 가 and 나; add 라: [다, 라] here, after a reload and in the other tab", async () => {
    const a = app.page;
    await startFrom(a);
    const b = await openTabOf(app, `${baseUrl()}${START}`);
    await nameZone(a, "가");
    await addZone(a);
    await nameZone(a, "나");
    await addZone(a);
    await nameZone(a, "다");
    await expect.poll(() => zoneNames(b), { timeout: 2000 }).toEqual(["가", "나", "다"]);
    await removeZone(a, "가");
    await removeZone(a, "나");
    await addZone(a);
    await nameZone(a, "라");
    expect(await zoneNames(a)).toEqual(["다", "라"]);
    await expect.poll(() => zoneNames(b), { timeout: 2000 }).toEqual(["다", "라"]);
    await a.reload();
    await waitForMap(a);
    expect(await zoneNames(a)).toEqual(["다", "라"]);
    expect(await zoneNames(b)).toEqual(["다", "라"]);
    // Both tabs have seen both removals: their markers are gone.
    await expect
      .poll(async () => Object.keys(await storedRecords(a)).filter((k) => k.startsWith("czd-zone")))
      .toHaveLength(2);
    await b.close();
  });

  it("two tabs adding a zone at the same moment end with both zones in both tabs", async () => {
    const a = app.page;
    await startFrom(a);
    // B hears of A's edits 1.5 s late: each adds its zone before knowing of the other's.
    const b = await openTabOf(app, `${baseUrl()}${START}`, 1500);
    await addZone(a);
    await addZone(b);
    await nameZone(a, "A의 지구");
    await nameZone(b, "B의 지구");
    const both = ["A의 지구", "B의 지구", "지구 1"];
    await expect
      .poll(async () => [...(await zoneNames(a))].sort(), { timeout: 5000 })
      .toEqual(both);
    await expect
      .poll(async () => [...(await zoneNames(b))].sort(), { timeout: 5000 })
      .toEqual(both);
    expect(await zoneNames(b)).toEqual(await zoneNames(a));
    expect(await a.getByTestId("notice").count()).toBe(0);
    await b.close();
  });

  it("logged no console errors", () => {
    expect(app.errors).toEqual([]);
  });
});
