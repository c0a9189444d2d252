/**
 * The screenshots in docs/: the built app (dist/, `npx vite build` first) in Debian's Chromium at
 * 1366×768, offline on its embedded data, every main screen in Korean and in English:
 * the map with the 진주 example zone, drawing, the parcel table, the proposals panel, reviewer
 * mode, the print view, the small cadastre open with 필지 picked, search results and help.
 * Written to docs/screenshots/<screen>.<lang>.png (listed in docs/screenshots.md); the map in
 * both languages also to docs/screenshot.png and docs/screenshot-en.png, which the README shows.
 * Run: `npx vite build && npx tsx scripts/screenshots.ts`.
 */
import { mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import type { Page } from "playwright-core";
import { openApp, panelSettled, waitForMap } from "../test/e2e/browser";
import { serveDir } from "../test/e2e/static-server";
import { createFirmRows, firmCsv, JINJU_CLUMPS } from "../test/support/firms";

const ROOT = join(dirname(fileURLToPath(import.meta.url)), "..");
const EXAMPLES = join(ROOT, "test/fixtures/examples");
const CADASTRE = join(ROOT, "test/fixtures/cadastre/LSMD_CONT_LDREG_48170.zip");
const OUT = join(ROOT, "docs/screenshots");
mkdirSync(OUT, { recursive: true });
const tmp = mkdtempSync(join(tmpdir(), "czd-shots-"));
const firms = join(tmp, "firms.csv");
writeFileSync(firms, firmCsv(createFirmRows(5, 3000, JINJU_CLUMPS)));

type Lang = "ko" | "en";

async function shot(page: Page, name: string, lang: Lang): Promise<void> {
  const file = join(OUT, `${name}.${lang}.png`);
  await page.screenshot({ path: file });
  console.log(`wrote ${file}`);
}

/** A fresh page in `lang` at `hash`, the map drawn. */
async function open(url: string, lang: Lang, hash = "") {
  const app = await openApp(url);
  const { page } = app;
  await page.setViewportSize({ width: 1366, height: 768 });
  await page.goto(`${url}${hash}`);
  await waitForMap(page);
  await page.evaluate(() => {
    window.print = () => undefined;
  });
  if (lang === "en") await page.getByTestId("lang-toggle").click();
  return app;
}

async function screens(url: string, lang: Lang): Promise<void> {
  const app = await open(url, lang);
  const { page } = app;
  try {
    await page
      .getByTestId("import-file")
      .setInputFiles(join(EXAMPLES, "jinju-two-parcels.geojson"));
    await panelSettled(page);
    await page.waitForTimeout(2000); // the map's fly to the imported zone, then its labels
    await shot(page, "map", lang);
    await page.screenshot({
      path: join(ROOT, "docs", lang === "ko" ? "screenshot.png" : "screenshot-en.png"),
    });

    // The parcel table, scrolled into view in the right-hand panel.
    await page.getByTestId("parcel-list").scrollIntoViewIfNeeded();
    await shot(page, "parcel-table", lang);

    // Drawing: the polygon tool, three corners placed, the live measures beside the pointer.
    await page.getByTestId("tool-parcel-polygon").click();
    const box = await page.getByTestId("map").boundingBox();
    if (!box) throw new Error("no map");
    const [cx, cy] = [box.x + box.width / 2, box.y + box.height / 2];
    for (const [dx, dy] of [
      [-220, -40],
      [-120, -150],
      [-40, -30],
    ] as const) {
      await page.mouse.click(cx + dx, cy + dy);
      await page.waitForTimeout(150);
    }
    await page.mouse.move(cx - 150, cy + 60, { steps: 5 });
    await page.waitForTimeout(400);
    await shot(page, "drawing", lang);
    await page.keyboard.press("Escape");
    await page.getByTestId("tool-parcel-polygon").click();

    // Search results for a 시·군·구.
    await page.getByTestId("search-input").fill(lang === "en" ? "Jinju" : "진주");
    await page.getByTestId("search-results").locator("button").first().waitFor();
    await shot(page, "search", lang);
    await page.getByTestId("search-input").press("Escape");
    await page.getByTestId("search-input").fill("");

    // Help.
    await page.getByTestId("help").click();
    await page.getByTestId("help-panel").waitFor();
    await shot(page, "help", lang);
    await page.getByTestId("help-close").click();

    // The proposals panel with proposals from a synthetic firm list.
    await page.getByTestId("proposals-panel").locator("summary").click();
    await page.getByTestId("import-firms").setInputFiles(firms);
    await page.getByTestId("firms-summary").waitFor({ timeout: 60_000 });
    await page.getByTestId("propose").click();
    await page.getByTestId("proposals").waitFor({ timeout: 60_000 });
    await page.waitForTimeout(800);
    await shot(page, "proposals", lang);
    await page.getByTestId("proposals-panel").locator("summary").click();

    // Reviewer mode with a filing that fails, then its print view.
    await page.getByTestId("reviewer-mode").click();
    await page
      .getByTestId("reviewer-file")
      .setInputFiles(join(EXAMPLES, "jincheon-cap-15003.geojson"));
    await page.getByTestId("review-report").waitFor();
    await page.waitForTimeout(800);
    await shot(page, "reviewer", lang);
    await page.getByTestId("print-view").click();
    await page.getByTestId("print-sheet").waitFor();
    await page.waitForTimeout(500);
    await shot(page, "print", lang);
    await page.getByTestId("print-close").click();
  } finally {
    await app.close();
  }
}

/** The small cadastre open at 상대동, 필지 picked into a 구역, the 지번 labels showing. */
async function cadastre(url: string, lang: Lang): Promise<void> {
  const app = await open(url, lang, "#18/35.1755/128.1228");
  const { page } = app;
  try {
    await page.getByTestId("import-cadastre").setInputFiles(CADASTRE);
    await page
      .locator('[data-testid="cadastre"][data-status="ready"]')
      .waitFor({ timeout: 60_000 });
    await page.getByTestId("search-input").fill("상대동 12");
    await page.getByTestId("search-pilji").first().click();
    await page.waitForTimeout(1500);
    await page.getByTestId("cadastre-pick").click();
    await page.waitForTimeout(800);
    const box = await page.getByTestId("map").boundingBox();
    if (!box) throw new Error("no map");
    const [cx, cy] = [box.x + box.width / 2, box.y + box.height / 2];
    for (const [dx, dy] of [
      [0, 0],
      [60, 0],
      [0, 60],
    ] as const) {
      await page.mouse.click(cx + dx, cy + dy);
      await page.waitForTimeout(600);
    }
    await page.waitForTimeout(1200);
    await shot(page, "cadastre", lang);
  } finally {
    await app.close();
  }
}

const server = await serveDir(join(ROOT, "dist"));
try {
  for (const lang of ["ko", "en"] as const) {
    await screens(server.url, lang);
    await cadastre(server.url, lang);
  }
} finally {
  await server.close();
}
