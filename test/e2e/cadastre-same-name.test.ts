/**
 * Two open files of one name (진주's LSMD_CONT_LDREG_48170, and another edition of it with other
 * 필지) each get a × of its own name, in Korean and English: before, both were "진주시 지적도
 * 닫기". The second one's × closes that one: the other stays open, its 필지 found by the 지번
 * search, and its × named by its 시·군 alone again.
 */
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { type AppPage, openAppAt } from "./browser";
import {
  hashAt,
  JINJU,
  jinjuOtherEdition,
  lotNear,
  openJinju,
  readCadastre,
} from "./cadastre-helpers";

const jinjuLot = lotNear(readCadastre(JINJU), [128.1065, 35.18]);
/** The same lot in the other edition: 본번 9xxx. */
const otherPnu = `${jinjuLot.pnu.slice(0, 11)}9${jinjuLot.pnu.slice(12)}`;

let app: AppPage;
let page: Page;

const count = () => page.getByTestId("cadastre-count").textContent();
const closeNames = () =>
  page
    .getByTestId("cadastre-layer-close")
    .evaluateAll((els) => els.map((el) => el.getAttribute("aria-label")));

beforeAll(async () => {
  app = await openAppAt(inject("baseUrl"), hashAt(jinjuLot));
  page = app.page;
});

afterAll(async () => {
  await app?.close();
});

describe("two open files of one name", () => {
  it("gives each its own × name, in Korean and English", async () => {
    await openJinju(page);
    await page.getByTestId("import-cadastre").setInputFiles(jinjuOtherEdition());
    await expect.poll(count, { timeout: 60_000 }).toMatch(/^5,476 /);
    expect(await page.getByTestId("cadastre-layer").allTextContents()).toEqual(["48170", "48170"]);
    expect(await closeNames()).toEqual([
      "진주시 지적도 닫기 (1번째 파일)",
      "진주시 지적도 닫기 (2번째 파일)",
    ]);
    await page.getByTestId("lang-toggle").click();
    expect(await closeNames()).toEqual([
      "Close 진주시 cadastre (file 1)",
      "Close 진주시 cadastre (file 2)",
    ]);
    await page.getByTestId("lang-toggle").click();
  });

  it("closes the one its name names", async () => {
    await page
      .getByRole("button", { name: "진주시 지적도 닫기 (2번째 파일)", exact: true })
      .click();
    await expect.poll(count, { timeout: 30_000 }).toMatch(/^2,738 /);
    expect(await closeNames()).toEqual(["진주시 지적도 닫기"]);
    // The first edition is the one left: its 필지 found by the 지번 search, the other's not.
    const input = page.getByTestId("search-input");
    await input.fill(jinjuLot.pnu);
    await expect.poll(() => page.getByTestId("search-pilji").count()).toBe(1);
    await input.fill(otherPnu);
    await expect.poll(() => page.getByTestId("search-results").textContent()).toContain("없습니다");
    await input.fill("");
    expect(app.errors).toEqual([]);
  });
});
