/**
 * Complete translations both ways (issue 11): with a filled zone, English mode shows no Hangul in
 * the header, toolbar, panels, status bar, help, reviewer view and MapLibre's controls, and Korean
 * mode no stray English UI words.
 *
 * What may stay in the other script, and why: the language button names the other language in
 * its own words (한국어 / English); zone names, typed by the planner or given when the zone was
 * made (the first zone of a Korean first visit is 지구 1, and stays so: it is the zone's name, not
 * a label), with the file name made from it and its SHA-256; key names (Ctrl, Enter, Esc) in the
 * help's <kbd> and in its sentences; 시·군·구 names, which the embedded KOSTAT boundaries carry in Korean only (the 시·도 all
 * have English names and show them); in Korean mode, codes, acronyms and format names (NO_HUB, EPSG, GeoJSON, PMTiles,
 * CSV, OSM, VWorld, km²) and the rule-set ids and versions (phase-3 · 2023-01-illustrative).
 */
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { type AppPage, openAppAt } from "./browser";
import { createSquareFiling } from "./files";

const ZONE_NAMES = ["진천 시험", "지구 1"];
let app: AppPage;
let page: Page;

beforeAll(async () => {
  app = await openAppAt(inject("baseUrl"), "#11/36.86/127.45");
  page = app.page;
  await page.getByTestId("import-file").setInputFiles({
    name: "square.geojson",
    mimeType: "application/geo+json",
    buffer: createSquareFiling(127.44, 36.85, 0.02),
  });
  await page
    .getByTestId("total-area")
    .filter({ hasNotText: /^0\.000/ })
    .waitFor();
  await page.getByTestId("zone-name").fill(ZONE_NAMES[0] ?? "");
});

afterAll(async () => {
  await app?.close();
});

/** The visible text and the labels (title, aria-label, placeholder) of the app's chrome. */
async function chromeText(): Promise<string> {
  return page.evaluate(() => {
    const roots = [
      ...document.querySelectorAll(
        "header, [role=toolbar], [data-testid=zone-list], [data-testid=validation-panel], footer.status, .maplibregl-ctrl-top-right, .maplibregl-ctrl-bottom-left, [data-testid=help-panel], .review-provenance, [data-testid=review-report]",
      ),
    ];
    const skip = document.querySelector("[data-testid=lang-toggle]");
    const parts: string[] = [];
    for (const root of roots) {
      for (const el of [root, ...root.querySelectorAll("*")]) {
        if (el === skip) continue;
        for (const a of ["title", "aria-label", "placeholder"]) {
          const v = el.getAttribute(a);
          if (v) parts.push(v);
        }
        if (el instanceof HTMLOptionElement) parts.push(el.text);
      }
      const clone = root.cloneNode(true) as HTMLElement;
      for (const s of clone.querySelectorAll(
        "[data-testid=lang-toggle], [data-testid=sigungu], kbd, [data-testid=review-file-name], [data-testid=review-sha256]",
      ))
        s.remove();
      parts.push(clone.textContent ?? "");
    }
    return parts.join("\n");
  });
}

/** The chrome's text without the names the planner gave and the 시·군·구 place names. */
async function chromeWithoutNames(): Promise<string> {
  const places = ((await page.getByTestId("sigungu").textContent()) ?? "").match(/[가-힣]+/g);
  let text = await chromeText();
  for (const name of [...ZONE_NAMES, ...(places ?? [])]) text = text.replaceAll(name, "");
  return text;
}

async function switchTo(lang: "ko" | "en"): Promise<void> {
  // Help is a modal: the page behind it takes no click until it is closed (Esc).
  if ((await page.getByTestId("help-panel").count()) > 0) await page.keyboard.press("Escape");
  await page.getByTestId("help-panel").waitFor({ state: "detached" });
  if ((await page.locator("html").getAttribute("lang")) !== lang)
    await page.getByTestId("lang-toggle").click();
  await expect.poll(() => page.locator("html").getAttribute("lang")).toBe(lang);
}

/** The reviewer's view of the current zone and the help panel, open beside the panels. */
async function openEverything(): Promise<void> {
  if ((await page.getByTestId("review-report").count()) === 0) {
    await page.getByTestId("reviewer-mode").click();
    await page.getByTestId("review-current").click();
    await page.getByTestId("review-report").waitFor();
  }
  if ((await page.getByTestId("help-panel").count()) === 0) await page.getByTestId("help").click();
}

describe("English mode", () => {
  it("shows no Hangul but the zone name the planner typed", async () => {
    await switchTo("en");
    await openEverything();
    const text = await chromeWithoutNames();
    const hangul = text.split("\n").filter((line) => /[가-힣]/.test(line));
    expect(hangul).toEqual([]);
    expect(text).toContain("Province: Chungcheongbuk-do");
    expect(text).toContain("Zoom in");
  });

  it("names the 시·군·구 in Korean only: each is a place name", async () => {
    const line = (await page.getByTestId("sigungu").textContent()) ?? "";
    expect(line).toMatch(/^Districts: /);
    for (const word of line.match(/[가-힣]+/g) ?? []) expect(word).toMatch(/[시군구]$/);
  });
});

describe("Korean mode", () => {
  it("shows no English words but codes, acronyms and ids", async () => {
    await switchTo("ko");
    await openEverything();
    const ids = /phase-[\w-]+|\d{4}-\d{2}-[a-z]+/g;
    const text = (await chromeWithoutNames()).replace(ids, "");
    const words = (text.match(/[A-Za-z][A-Za-z-]*[A-Za-z]/g) ?? []).filter(
      (w) =>
        !/^[A-Z0-9_-]+$/.test(w) &&
        // Key names, as the keys are labelled (the help's hints name Enter and Esc in sentences).
        ![
          "GeoJSON",
          "VWorld",
          "Shapefile",
          "PMTiles",
          "MapLibre",
          "km",
          "Enter",
          "Esc",
          "Ctrl",
          "Shift",
          "Delete",
        ].includes(w),
    );
    expect(words).toEqual([]);
    expect(text).toContain("충청북도");
    expect(text).toContain("확대");
  });
});
