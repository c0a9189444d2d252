/**
 * Tabs in sync (issue 7, item 3): tabs of one project (same origin, same IndexedDB) see each
 * other's edits within a second and never overwrite them: draw in A, draw in B, edit in A, open C.
 */
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { type AppPage, openAppAt, panelSettled, panelTotalKm2 } from "./browser";
import { openTabOf } from "./tabs-helpers";
import { drawWith, parcelCount, START, squareAt } from "./tools-helpers";

let app: AppPage;
const baseUrl = () => inject("baseUrl");

beforeAll(async () => {
  app = await openAppAt(baseUrl(), START);
});

afterAll(async () => {
  await app?.close();
});

/** Another tab; `lateMs`: messages from other tabs reach it that much later (a busy tab). */
function openTab(lateMs = 0): Promise<Page> {
  return openTabOf(app, `${baseUrl()}${START}`, lateMs);
}

/** Every parcel's name and area in the panel, as text: what the planner would compare. */
async function parcelsShown(page: Page): Promise<string[]> {
  await panelSettled(page);
  return page.getByTestId("parcel-list").locator("tr").allTextContents();
}

describe("two tabs of one project", () => {
  it("draw in A, draw in B, edit in A, open C: nothing is lost, each tab sees it all within a second", async () => {
    const a = app.page;
    const b = await openTab();
    await drawWith(a, "parcel-polygon", await squareAt(a, -200, 0, 80));
    await expect.poll(() => parcelCount(b), { timeout: 1000 }).toBe(1);
    await drawWith(b, "parcel-polygon", await squareAt(b, 0, 0, 80));
    await expect.poll(() => parcelCount(a), { timeout: 1000 }).toBe(2);
    await drawWith(a, "parcel-polygon", await squareAt(a, 200, 0, 80));
    await expect.poll(() => parcelCount(b), { timeout: 1000 }).toBe(3);
    const c = await openTab();
    expect(await parcelCount(c)).toBe(3);
    const shown = await parcelsShown(a);
    expect(await parcelsShown(b)).toEqual(shown);
    expect(await parcelsShown(c)).toEqual(shown);
    expect(await panelTotalKm2(c)).toBe(await panelTotalKm2(a));
    await c.close();
    await b.close();
  });

  it("undo in one tab takes back its own edit only, not the other tab's", async () => {
    const a = app.page;
    const b = await openTab();
    const before = await parcelCount(a);
    await drawWith(b, "parcel-polygon", await squareAt(b, 0, 150, 60));
    await expect.poll(() => parcelCount(a), { timeout: 1000 }).toBe(before + 1);
    await drawWith(a, "parcel-polygon", await squareAt(a, -200, 150, 60));
    await expect.poll(() => parcelCount(b), { timeout: 1000 }).toBe(before + 2);
    await a.keyboard.press("Control+z");
    await expect.poll(() => parcelCount(b), { timeout: 1000 }).toBe(before + 1);
    // B's parcel is still there in both tabs.
    expect(await parcelCount(a)).toBe(before + 1);
    await b.close();
  });

  it("resolves an edit both tabs made at once visibly: a notice, and the other version one undo back", async () => {
    const a = app.page;
    const name = (p: Page) => p.getByTestId("zone-name").inputValue();
    await a.getByTestId("zone-name").fill("지구 가");
    await a.locator('[data-testid="save-status"][data-state="saved"]').waitFor();
    const b = await openTab(3000);
    expect(await name(b)).toBe("지구 가");
    await a.getByTestId("zone-name").fill("A안");
    // B has not heard of A's edit yet when it makes its own.
    await b.getByTestId("zone-name").fill("B안");
    await expect.poll(() => b.getByTestId("notice").textContent()).toMatch(/동시에/);
    await expect.poll(() => name(a), { timeout: 1000 }).toBe("B안");
    expect(await a.getByTestId("notice").textContent()).toMatch(/동시에/);
    // Neither is lost: in the tab that resolved it, A's version is one undo step back, and
    // undo and redo there reach the other tab too.
    await b.getByTestId("undo").click();
    await expect.poll(() => name(b)).toBe("A안");
    await expect.poll(() => name(a), { timeout: 1000 }).toBe("A안");
    await b.getByTestId("redo").click();
    await expect.poll(() => name(b)).toBe("B안");
    await expect.poll(() => name(a), { timeout: 1000 }).toBe("B안");
    await b.close();
  });

  it("logged no console errors", () => {
    expect(app.errors).toEqual([]);
  });
});
