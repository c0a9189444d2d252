/**
 * Stopping the cadastre half-way. An add cancelled (사천 picked while 진주 is open, the request
 * caught before the Worker reads it, then 취소): 진주 is back, whole and usable — its count, its
 * file listed, a 구역 picked before kept, another 필지 picked after. A restore on reload shows the
 * read's progress bar, its total (the kept entries' bytes, read first) from what was kept, and
 * can be cancelled: nothing is shown, the
 * 구역 stay, what was kept stays kept, and the next reload restores it.
 */
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { type AppPage, openAppAt, waitForMap } from "./browser";
import {
  cadastrePanel,
  HOLD_REQUESTS,
  hashAt,
  holdRequests,
  JINJU,
  keptStoreOf,
  lotNear,
  openJinju,
  pickAtCentre,
  readCadastre,
  SACHEON,
} from "./cadastre-helpers";
import { exportFiling, parcelCount } from "./tools-helpers";

const jinju = readCadastre(JINJU);
const jinjuLot = lotNear(jinju, [128.1065, 35.18]);
/** The 대 lot next to it, picked after the cancel. */
const jinjuNext = lotNear(
  jinju.filter((p) => p.pnu !== jinjuLot.pnu),
  [128.1065, 35.18],
);

let app: AppPage;
let page: Page;

const panel = () => page.getByTestId("cadastre");
const status = () => cadastrePanel(page).status();
const count = () => cadastrePanel(page).count();
const layers = () => cadastrePanel(page).layers();
const ready = () => cadastrePanel(page).ready();
const holding = () =>
  page.evaluate(() => (window as unknown as { czdHolding(): number }).czdHolding());
const pickedPnus = async () =>
  (await exportFiling(page)).features.flatMap((f) => (f.properties?.pnu as string[]) ?? []);

beforeAll(async () => {
  app = await openAppAt(inject("baseUrl"), hashAt(jinjuLot));
  page = app.page;
  await page.addInitScript(HOLD_REQUESTS);
  await page.reload();
  await waitForMap(page);
});

afterAll(async () => {
  await app?.close();
});

describe("a cadastre stopped half-way", () => {
  it("cancels an add, and the cadastre open before is whole and usable", async () => {
    await openJinju(page);
    await page.getByTestId("cadastre-pick").click();
    await pickAtCentre(page, jinjuLot);
    await expect.poll(() => parcelCount(page)).toBe(1);

    await page.evaluate(() => (window as unknown as { czdHold(k: string): void }).czdHold("open"));
    await page.getByTestId("import-cadastre").setInputFiles(SACHEON);
    await page.locator('[data-testid="cadastre-progress"][data-what="read"]').waitFor();
    expect(await holding()).toBe(1);
    await page.getByTestId("cadastre-cancel").click();
    await page.evaluate(() => (window as unknown as { czdRelease(): void }).czdRelease());

    await ready();
    expect(await count()).toMatch(/^2,738 /);
    expect(await layers()).toEqual(["48170"]);
    expect((await keptStoreOf(page)).layers).toEqual(["LSMD_CONT_LDREG_48170"]);
    // Usable: a 구역 picked before is there, and another 필지 is picked now.
    expect(await parcelCount(page)).toBe(1);
    // Still picking, as before the add.
    expect(await page.getByTestId("cadastre-pick").getAttribute("aria-pressed")).toBe("true");
    await page.getByTestId("cadastre-new").click();
    await page.evaluate((h) => {
      window.location.hash = h;
    }, hashAt(jinjuNext));
    await pickAtCentre(page, jinjuNext);
    await expect.poll(() => parcelCount(page)).toBe(2);
    expect((await pickedPnus()).sort()).toEqual([jinjuLot.pnu, jinjuNext.pnu].sort());
    expect(app.errors).toEqual([]);
  });

  it("shows a restore's progress, with its total, and cancels it", async () => {
    await holdRequests(page, ["restore"]);
    await page.reload();
    await waitForMap(page);
    const bar = page.locator('[data-testid="cadastre-progress"][data-what="restore"]');
    await bar.waitFor({ timeout: 30_000 });
    // The first thing a restore does is read the kept entries from IndexedDB: by their bytes.
    const { bytes } = await keptStoreOf(page);
    expect(bytes).toBeGreaterThan(100_000);
    expect(await bar.getAttribute("max")).toBe(String(bytes));
    const label = page.getByTestId("cadastre-restoring");
    expect(await label.getAttribute("data-unit")).toBe("bytes");
    expect(await label.textContent()).toBe(
      `저장해 둔 지적도를 저장소에서 읽는 중 0.0 / ${(bytes / 1e6).toFixed(1)} MB`,
    );
    await expect.poll(holding).toBe(1);
    await page.getByTestId("cadastre-cancel").click();
    await expect.poll(status).toBe("none");
    await expect
      .poll(() => page.getByTestId("notice").textContent())
      .toContain("불러오기를 멈췄습니다");
    // The 구역 stay, and so does what was kept.
    await expect.poll(() => parcelCount(page)).toBe(2);
    expect((await keptStoreOf(page)).layers).toEqual(["LSMD_CONT_LDREG_48170"]);
  });

  it("restores it at the next reload", async () => {
    await holdRequests(page, []);
    await page.reload();
    await waitForMap(page);
    await ready();
    expect(await panel().getAttribute("data-from")).toBe("kept");
    expect(await count()).toMatch(/^2,738 /);
    expect(app.errors).toEqual([]);
  });
});
