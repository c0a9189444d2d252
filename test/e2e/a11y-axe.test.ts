/**
 * KWCAG 2.2 / WCAG 2.1 A and AA as axe-core checks them (issue 24): the main screen with a
 * filing, help, reviewer mode, the proposals panel with proposals and the print view, each with
 * no violation; the print view is a modal (focus in, the app inert, Esc closes, focus back, one
 * h1). axe-core's own source is injected into the page, as its docs describe for Playwright.
 */
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { createFirmRows, firmCsv, JINJU_CLUMPS } from "../support/firms";
import { EXAMPLES } from "../support/paths";
import { type AppPage, openAppAt, panelSettled } from "./browser";

const AXE_SOURCE = readFileSync(
  createRequire(import.meta.url).resolve("axe-core/axe.min.js"),
  "utf8",
);
const TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"];

let app: AppPage;
let page: Page;

beforeAll(async () => {
  app = await openAppAt(inject("baseUrl"), "#10/35.18/128.1");
  page = app.page;
  await page.evaluate(() => {
    window.print = () => undefined;
  });
  await page.getByTestId("import-file").setInputFiles(join(EXAMPLES, "jinju-two-parcels.geojson"));
  await page.locator('[data-testid="parcel-list"] tr').nth(1).waitFor();
  await panelSettled(page);
});

afterAll(async () => {
  await app?.close();
});

interface Violation {
  id: string;
  help: string;
  nodes: string[];
}

/** axe's WCAG 2.1 A/AA violations on the page as it is, one line each with the nodes' selectors. */
async function violations(): Promise<Violation[]> {
  if (!(await page.evaluate(() => "axe" in window)))
    await page.addScriptTag({ content: AXE_SOURCE });
  return page.evaluate(async (tags) => {
    const axe = (window as unknown as { axe: { run: (...a: unknown[]) => Promise<unknown> } }).axe;
    const result = (await axe.run(document, {
      runOnly: { type: "tag", values: tags },
      resultTypes: ["violations"],
    })) as {
      violations: { id: string; help: string; nodes: { target: string[] }[] }[];
    };
    return result.violations.map((v) => ({
      id: v.id,
      help: v.help,
      nodes: v.nodes.map((n) => n.target.join(" ")),
    }));
  }, TAGS);
}

describe("axe-core, WCAG 2.1 A/AA", () => {
  it("catches what the app had: the old 적합 badge colours (3.81:1) are a violation", async () => {
    await page.evaluate(() => {
      const p = document.createElement("p");
      p.id = "axe-control";
      p.textContent = "적합";
      Object.assign(p.style, { color: "#2b8a3e", background: "#d3f9d8", fontSize: "11px" });
      document.querySelector("main")?.append(p);
    });
    const found = await violations();
    await page.evaluate(() => document.getElementById("axe-control")?.remove());
    expect(found.find((v) => v.id === "color-contrast")?.nodes).toEqual(["#axe-control"]);
  });

  it("the main screen with a filing", async () => {
    expect(await violations()).toEqual([]);
  });

  it("the main screen in English, a notice shown", async () => {
    await page.getByTestId("lang-toggle").click();
    await page.getByTestId("import-file").setInputFiles({
      name: "bad.geojson",
      mimeType: "application/geo+json",
      buffer: Buffer.from("{ not json"),
    });
    await page.getByTestId("notice").waitFor();
    expect(await violations()).toEqual([]);
    await page.getByTestId("notice-close").click();
    await page.getByTestId("lang-toggle").click();
  });

  it("help", async () => {
    await page.getByTestId("help").click();
    await page.getByTestId("help-panel").waitFor();
    expect(await violations()).toEqual([]);
    await page.keyboard.press("Escape");
  });

  it("좌표 입력 with an error shown", async () => {
    await page.getByTestId("coord-entry-open").click();
    await page.getByTestId("coord-text").fill("128.1 35.1");
    await page.getByTestId("coord-add").click();
    await expect.poll(() => page.getByTestId("coord-error").textContent()).not.toBe("");
    expect(await violations()).toEqual([]);
    await page.keyboard.press("Escape");
  });

  it("the proposals panel with proposals", async () => {
    const dir = mkdtempSync(join(tmpdir(), "czd-axe-"));
    writeFileSync(join(dir, "firms.csv"), firmCsv(createFirmRows(5, 3000, JINJU_CLUMPS)));
    await page.getByTestId("proposals-panel").locator("summary").click();
    await page.getByTestId("import-firms").setInputFiles(join(dir, "firms.csv"));
    await page.getByTestId("firms-summary").waitFor({ timeout: 60_000 });
    await page.getByTestId("propose").click();
    await page.getByTestId("proposals").waitFor({ timeout: 60_000 });
    expect(await violations()).toEqual([]);
    await page.getByTestId("proposals-panel").locator("summary").click();
  });

  it("reviewer mode", async () => {
    await page.getByTestId("reviewer-mode").click();
    await page.getByTestId("review-report").waitFor();
    expect(await violations()).toEqual([]);
  });

  it("the print view", async () => {
    await page.getByTestId("print-view").click();
    await page.getByTestId("print-sheet").waitFor();
    expect(await violations()).toEqual([]);
  });
});

describe("the print view, a modal", () => {
  it("has focus inside, the app inert and hidden (one h1), closes on Esc, focus back", async () => {
    const sheet = page.getByTestId("print-sheet");
    expect(await sheet.getAttribute("aria-modal")).toBe("true");
    expect(await sheet.evaluate((s) => s.contains(document.activeElement))).toBe(true);
    expect(await page.locator("#root").getAttribute("inert")).toBe("");
    expect(await page.locator("h1:visible").count()).toBe(1);
    for (let i = 0; i < 5; i++) {
      await page.keyboard.press("Tab");
      expect(await sheet.evaluate((s) => s.contains(document.activeElement))).toBe(true);
    }
    await page.keyboard.press("Escape");
    await sheet.waitFor({ state: "detached" });
    expect(await page.evaluate(() => document.activeElement?.getAttribute("data-testid"))).toBe(
      "print-view",
    );
    expect(await page.locator("#root").getAttribute("inert")).toBeNull();
  });

  it("logged no console errors", () => {
    expect(app.errors).toEqual([]);
  });
});
