/**
 * One-key tools (P, C, R, V, Esc) listed in the help panel, silent while typing in a field; a
 * zone is removed only after the planner confirms, in the page's language.
 */
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { type AppPage, openAppAt } from "./browser";
import { clickAt, parcelCount, pickTool, squareAt } from "./tools-helpers";

let app: AppPage;
let page: Page;

beforeAll(async () => {
  app = await openAppAt(inject("baseUrl"), "#9/36.85/127.45");
  page = app.page;
});

afterAll(async () => {
  await app?.close();
});

const pressed = (tool: string) => page.getByTestId(`tool-${tool}`).getAttribute("aria-pressed");

describe("one-key tools", () => {
  it("picks a tool with P, C, R, V and puts it down with Esc", async () => {
    // The keys work while the map has focus (not from a toolbar button: a11y-keyboard.test.ts).
    await page.locator('[data-testid="map"] canvas').focus();
    for (const [key, tool] of [
      ["p", "parcel-polygon"],
      ["c", "parcel-circle"],
      ["r", "parcel-rectangle"],
      ["v", "select"],
    ] as const) {
      await page.keyboard.press(key);
      expect(await pressed(tool)).toBe("true");
    }
    await page.keyboard.press("Escape");
    expect(await pressed("select")).toBe("false");
  });

  it("does nothing while typing in a field", async () => {
    const name = page.getByTestId("zone-name");
    await name.fill("");
    await name.pressSequentially("pcrv");
    expect(await name.inputValue()).toBe("pcrv");
    for (const tool of ["parcel-polygon", "parcel-circle", "parcel-rectangle", "select"]) {
      expect(await pressed(tool)).toBe("false");
    }
  });

  it("does not cut off a polygon being drawn: the key waits, the shape is finished", async () => {
    const before = await parcelCount(page);
    const [a, b, c] = await squareAt(page, 0, 0, 80);
    await pickTool(page, "parcel-polygon");
    for (const p of [a, b, c] as [number, number][]) await clickAt(page, p);
    for (const key of ["c", "r", "v"]) {
      await page.keyboard.press(key);
      expect(await pressed("parcel-polygon")).toBe("true");
    }
    await page.keyboard.press("Enter");
    await expect.poll(() => parcelCount(page)).toBe(before + 1);
  });

  it("names MapLibre's own controls in Korean", async () => {
    const zoomIn = page.locator(".maplibregl-ctrl-zoom-in");
    expect(await zoomIn.getAttribute("title")).toBe("확대");
  });

  it("is listed in the help panel", async () => {
    await page.getByTestId("help").click();
    const help = (await page.getByTestId("help-panel").textContent()) ?? "";
    for (const key of ["P", "C", "R", "V", "Esc"]) expect(help).toContain(key);
    expect(help).toContain("구역 다각형");
    await page.keyboard.press("Escape");
    await page.getByTestId("help-panel").waitFor({ state: "detached" });
  });
});

describe("removing a zone", () => {
  it("asks first, and keeps the zone when the planner declines", async () => {
    await page.getByText("+ ", { exact: false }).first().click();
    const zones = page.getByTestId("zones").locator("li");
    expect(await zones.count()).toBe(2);
    const asked: string[] = [];
    page.once("dialog", (d) => {
      asked.push(d.message());
      void d.dismiss();
    });
    await page.getByTestId("remove-zone").first().click();
    expect(asked[0]).toContain("삭제할까요");
    expect(await zones.count()).toBe(2);
    page.once("dialog", (d) => void d.accept());
    await page.getByTestId("remove-zone").first().click();
    await expect.poll(() => zones.count()).toBe(1);
  });
});
