/**
 * Reflow and layout (issues 24 and 21): at 320 CSS px and at 200% zoom (a 1280×720 window at
 * 200% is 640×360 CSS px) nothing scrolls sideways, no element spills out of the window and the
 * map stays usable (the panels stack under it below ~900 px, the map keeps 60% of the height);
 * at 1366×768 and 1920×1080 the toolbar is one row, the title does not wrap, the findings are in
 * view without scrolling, the export menu drops over the page without growing the header, the
 * proposals button leaves the scale bar uncovered, and the English parcel table shows its ✕.
 */
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { type AppPage, openAppAt, panelSettled } from "./browser";
import { createSquareFiling } from "./files";

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
  await page.locator('[data-testid="parcel-list"] tr').first().waitFor();
  await panelSettled(page);
});

afterAll(async () => {
  await app?.close();
});

interface Layout {
  width: number;
  height: number;
  scrollWidth: number;
  /** Visible elements whose box reaches past the window's right edge (their selectors). */
  spilling: string[];
  map: { width: number; height: number };
}

async function layout(): Promise<Layout> {
  return page.evaluate(() => {
    const width = document.documentElement.clientWidth;
    const spilling: string[] = [];
    for (const el of document.querySelectorAll(".app *")) {
      const r = el.getBoundingClientRect();
      if (r.width === 0 || r.height === 0 || el.closest(".maplibregl-map")) continue;
      // Inside a box that scrolls sideways on its own (a wide table), a wide child is fine.
      let scroller = el.parentElement;
      while (scroller && !/auto|scroll/.test(getComputedStyle(scroller).overflowX))
        scroller = scroller.parentElement;
      if (scroller && scroller !== document.documentElement && scroller.closest(".app")) continue;
      if (r.right > width + 0.5 || r.left < -0.5) {
        const id = el.getAttribute("data-testid") ?? el.className ?? "";
        spilling.push(`${el.tagName.toLowerCase()}.${String(id).slice(0, 40)}`);
      }
    }
    const map = document.querySelector('[data-testid="map"]')?.getBoundingClientRect();
    return {
      width,
      height: document.documentElement.clientHeight,
      scrollWidth: document.documentElement.scrollWidth,
      spilling: spilling.slice(0, 10),
      map: { width: map?.width ?? 0, height: map?.height ?? 0 },
    };
  });
}

/** The map takes a drawn shape: a parcel by 좌표 입력 shows, and a tool can be picked there. */
async function mapUsable(): Promise<void> {
  const canvas = page.locator('[data-testid="map"] canvas');
  await canvas.focus();
  expect(await page.evaluate(() => document.activeElement?.tagName)).toBe("CANVAS");
  const box = await canvas.boundingBox();
  expect(box?.width ?? 0).toBeGreaterThan(200);
}

describe("reflow", () => {
  for (const [name, w, h] of [
    ["320 px wide", 320, 640],
    ["200% zoom of 1280×720", 640, 360],
    ["200% zoom of 1366×768", 683, 384],
  ] as const) {
    it(`${name}: no sideways scrolling, nothing spills, the map usable`, async () => {
      await page.setViewportSize({ width: w, height: h });
      await page.waitForTimeout(300);
      const l = await layout();
      expect(l.scrollWidth).toBeLessThanOrEqual(l.width);
      expect(l.spilling).toEqual([]);
      expect(l.map.width).toBeGreaterThanOrEqual(l.width - 2);
      expect(l.map.height).toBeGreaterThanOrEqual(0.6 * h - 1);
      await mapUsable();
    });
  }

  it("help at 320 px scrolls within the window and its 닫기 is reachable", async () => {
    await page.setViewportSize({ width: 320, height: 480 });
    await page.getByTestId("help").click();
    const help = page.getByTestId("help-panel");
    const box = await help.boundingBox();
    expect(box?.height ?? 0).toBeLessThanOrEqual(480);
    expect((box?.x ?? 0) + (box?.width ?? 0)).toBeLessThanOrEqual(320);
    await page.getByTestId("help-close").click();
    await help.waitFor({ state: "detached" });
  });
});

describe("words", () => {
  it("Korean: no rule-set ids or finding codes, areas in ㎢; English: km²", async () => {
    await page.setViewportSize({ width: 1366, height: 768 });
    const panel = page.getByTestId("validation-panel");
    const ko = (await panel.textContent()) ?? "";
    expect(ko).not.toMatch(/phase-\d|\d{4}-\d{2}(-[a-z]+)?\b/);
    expect(ko).not.toMatch(/\b[A-Z]+_[A-Z_]+\b/);
    expect(ko).toContain("1·2단계");
    expect(ko).toContain("㎢");
    expect(ko).not.toContain("km²");
    expect(await page.getByTestId("findings").locator("li").count()).toBeGreaterThan(0);
    await page.getByTestId("lang-toggle").click();
    const en = (await panel.textContent()) ?? "";
    expect(en).toContain("km²");
    expect(en).not.toContain("㎢");
    await page.getByTestId("lang-toggle").click();
  });
});

/** Switch the UI to `lang` with the header's toggle (a no-op when it is already). */
async function useLang(lang: "ko" | "en"): Promise<void> {
  if ((await page.evaluate(() => document.documentElement.lang)) !== lang)
    await page.getByTestId("lang-toggle").click();
  await expect.poll(() => page.evaluate(() => document.documentElement.lang)).toBe(lang);
}

describe("desktop layout", () => {
  for (const [lang, w, h] of [
    ["ko", 1366, 768],
    ["ko", 1920, 1080],
    ["en", 1366, 768],
    ["en", 1920, 1080],
  ] as const) {
    it(`${lang} ${w}×${h}: one toolbar row, the title on one line, findings in view, nothing spills`, async () => {
      await useLang(lang);
      await page.setViewportSize({ width: w, height: h });
      await page.waitForTimeout(300);
      const l = await layout();
      expect(l.scrollWidth).toBeLessThanOrEqual(l.width);
      expect(l.spilling).toEqual([]);
      const rows = await page.evaluate(() => {
        // A row is the controls whose boxes overlap vertically (a select is shorter than a
        // button and centred beside it, so tops alone differ by a few pixels in one row).
        const bar = document.querySelector("[role=toolbar]");
        const boxes = [...(bar?.children ?? [])]
          .map((c) => c.getBoundingClientRect())
          .filter((r) => r.width > 0)
          .sort((a, b) => a.top - b.top);
        let rowCount = 0;
        let rowBottom = Number.NEGATIVE_INFINITY;
        for (const r of boxes) {
          if (r.top >= rowBottom - 1) rowCount += 1;
          rowBottom = Math.max(rowBottom, r.bottom);
        }
        const title = document.querySelector("header h1") as HTMLElement;
        const lineHeight = Number.parseFloat(getComputedStyle(title).lineHeight) || 20;
        return { toolbar: rowCount, titleLines: Math.round(title.offsetHeight / lineHeight) };
      });
      expect(rows.toolbar).toBe(1);
      expect(rows.titleLines).toBe(1);
      const findings = await page
        .locator("[data-testid=validation-panel] h3")
        .first()
        .boundingBox();
      expect((findings?.y ?? h) + (findings?.height ?? 0)).toBeLessThanOrEqual(h);
      // Every toolbar control keeps an accessible name and a visible label or a tooltip (KWCAG).
      const unnamed = await page.evaluate(() =>
        [...document.querySelectorAll("[role=toolbar] button, [role=toolbar] select")]
          .filter((el) => {
            const text = (el.textContent ?? "").trim();
            const named = el.getAttribute("aria-label") || el.closest("label") || text;
            const shown = el.getAttribute("title") || el.closest("label") || text.length > 1;
            return !named || !shown;
          })
          .map((el) => el.getAttribute("data-testid")),
      );
      expect(unnamed).toEqual([]);
    });
  }
  it("back to Korean", async () => {
    await useLang("ko");
  });

  it("the export menu opens over the page: the header keeps its height and the title one line", async () => {
    await page.setViewportSize({ width: 1366, height: 768 });
    const header = page.locator("header");
    const before = (await header.boundingBox())?.height ?? 0;
    await page.getByTestId("export-menu").locator("summary").click();
    await page.locator(".export-menu-items").waitFor();
    expect((await header.boundingBox())?.height).toBe(before);
    await page.keyboard.press("Escape");
    expect(await page.getByTestId("export-menu").getAttribute("open")).toBeNull();
  });

  it("no native Choose File button among the styled ones: every file input is drawn by its label", async () => {
    await page.getByTestId("proposals-panel").locator("summary").click();
    const inputs = await page.evaluate(() =>
      [...document.querySelectorAll("input[type=file]")].map((el) => {
        const r = el.getBoundingClientRect();
        const label = el.closest("label")?.getBoundingClientRect();
        return {
          id: el.getAttribute("data-testid"),
          w: r.width,
          h: r.height,
          label: label?.width ?? 0,
        };
      }),
    );
    // The filing, hubs, rules and firms pickers (the reviewer's shows in reviewer mode only).
    expect(inputs.length).toBeGreaterThanOrEqual(4);
    for (const i of inputs) {
      expect(i.w, `${i.id}`).toBeLessThanOrEqual(1);
      expect(i.label, `${i.id}`).toBeGreaterThan(20);
    }
    await page.getByTestId("proposals-panel").locator("summary").click();
  });

  it("the proposals panel does not cover the scale bar", async () => {
    const scale = await page.locator(".maplibregl-ctrl-scale").boundingBox();
    const panel = await page.getByTestId("proposals-panel").boundingBox();
    if (!scale || !panel) throw new Error("no scale bar or proposals panel");
    const overlap =
      scale.x < panel.x + panel.width &&
      panel.x < scale.x + scale.width &&
      scale.y < panel.y + panel.height &&
      panel.y < scale.y + scale.height;
    expect(overlap).toBe(false);
  });

  it("the English parcel table shows its delete buttons inside the panel", async () => {
    await page.getByTestId("lang-toggle").click();
    const panel = await page.getByTestId("validation-panel").boundingBox();
    const del = await page.getByTestId("parcel-delete").first().boundingBox();
    if (!panel || !del) throw new Error("no panel or delete button");
    expect(del.x + del.width).toBeLessThanOrEqual(panel.x + panel.width);
    await page.getByTestId("lang-toggle").click();
  });

  it("logged no console errors", () => {
    expect(app.errors).toEqual([]);
  });
});
