/**
 * A freehand 구역 listed before a 시·군 was added is listed again after the add: drawn over both
 * 진주 and 사천 with only 진주 open, it names 진주's 필지; once 사천 is added it names both, with
 * no undo step of its own (one undo takes back the drawing itself).
 */
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { innerPoint } from "../../geo/cadastre/select";
import { type AppPage, openAppAt } from "./browser";
import { JINJU, lotNear, readCadastre, SACHEON } from "./cadastre-helpers";
import { drawWith, exportFiling, parcelCount, squareAt } from "./tools-helpers";

const jinju = readCadastre(JINJU);
const sacheon = readCadastre(SACHEON);
const [jx = 0, jy = 0] = innerPoint(lotNear(jinju, [128.1065, 35.18]).geometry);
const [sx = 0, sy = 0] = innerPoint(lotNear(sacheon, [128.0706, 35.1245]).geometry);
/** Both fixtures in view (about 31 m a pixel): they lie within ±110 px of the centre. */
const BOTH = `#12/${((jy + sy) / 2).toFixed(5)}/${((jx + sx) / 2).toFixed(5)}`;
const jinjuPnus = new Set(jinju.map((p) => p.pnu));
const sacheonPnus = new Set(sacheon.map((p) => p.pnu));

let app: AppPage;
let page: Page;

const count = () => page.getByTestId("cadastre-count").textContent();
const ready = () =>
  page.locator('[data-testid="cadastre"][data-status="ready"]').waitFor({ timeout: 60_000 });
/** The drawn 구역's 필지 named whole, by 시·군. */
async function listed(): Promise<{ jinju: number; sacheon: number } | null> {
  const f = (await exportFiling(page)).features.find((x) => x.properties?.role !== "envelope");
  const pnu = f?.properties?.pnu as string[] | undefined;
  if (!pnu) return null;
  return {
    jinju: pnu.filter((p) => jinjuPnus.has(p)).length,
    sacheon: pnu.filter((p) => sacheonPnus.has(p)).length,
  };
}

beforeAll(async () => {
  app = await openAppAt(inject("baseUrl"), BOTH);
  page = app.page;
});

afterAll(async () => {
  await app?.close();
});

describe("a freehand 구역 listed before a 시·군 was added", () => {
  it("names 진주's 필지 while only 진주 is open", async () => {
    await page.getByTestId("import-cadastre").setInputFiles(JINJU);
    await ready();
    await drawWith(page, "parcel-polygon", await squareAt(page, 0, 0, 600));
    await expect.poll(() => parcelCount(page)).toBe(1);
    await expect.poll(listed, { timeout: 30_000 }).toEqual({ jinju: 2738, sacheon: 0 });
  });

  it("names both once 사천 is added, with no undo step of its own", async () => {
    await page.getByTestId("import-cadastre").setInputFiles(SACHEON);
    await expect.poll(count, { timeout: 60_000 }).toMatch(/^3,223 /);
    await expect.poll(listed, { timeout: 30_000 }).toEqual({ jinju: 2738, sacheon: 485 });
    // One undo takes back the drawing, not a listing.
    await page.getByTestId("undo").click();
    await expect.poll(() => parcelCount(page)).toBe(0);
    expect(app.errors).toEqual([]);
  });
});
