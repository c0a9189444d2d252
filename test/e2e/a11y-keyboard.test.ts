/**
 * The main job without a mouse (issue 24): a parcel and an envelope added by 좌표 입력, a vertex
 * moved and removed with the arrow keys and Delete, the help dialog as a real modal, one-key
 * shortcuts only on the map and switchable off, and focus never dropped on <body>.
 */
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { type AppPage, openAppAt, panelSettled, panelTotalKm2 } from "./browser";
import { exportFiling, parcelCount, START, viewOf } from "./tools-helpers";

let app: AppPage;
let page: Page;

beforeAll(async () => {
  app = await openAppAt(inject("baseUrl"), START);
  page = app.page;
});

afterAll(async () => {
  await app?.close();
});

/** The focused element's data-testid (or tag name), and whether it is <body>. */
const focused = () =>
  page.evaluate(() => {
    const el = document.activeElement;
    return el?.getAttribute("data-testid") ?? el?.tagName.toLowerCase() ?? "none";
  });

/** Tab forward until the element with this test id has focus (at most `max` presses). */
async function tabTo(testId: string, max = 10): Promise<void> {
  for (let i = 0; i < max; i++) {
    if ((await focused()) === testId) return;
    await page.keyboard.press("Tab");
  }
  expect(await focused()).toBe(testId);
}

// 0.02° × 0.02° near 37.33°N: about 1.77 km × 2.22 km.
const SQUARE = "127.95 37.32, 127.97 37.32, 127.97 37.34, 127.95 37.34";

describe("focus you can see", () => {
  it("the first Tab shows the skip link, which leads past the header and toolbar", async () => {
    await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
    await page.keyboard.press("Tab");
    expect(await focused()).toBe("skip-link");
    const box = await page.getByTestId("skip-link").boundingBox();
    expect(box?.y ?? -1).toBeGreaterThanOrEqual(0);
    await page.keyboard.press("Enter");
    expect(await page.evaluate(() => document.activeElement?.id)).toBe("zones");
  });

  it("every control on the page shows a focus ring, the file pickers too", async () => {
    // From the top: the skip link is the page's first stop.
    await page.getByTestId("skip-link").focus();
    const unseen: string[] = [];
    let pickers = 0;
    let stops = 0;
    for (let i = 0; i < 45; i++) {
      await page.keyboard.press("Tab");
      const seen = await page.evaluate(() => {
        const el = document.activeElement as HTMLElement | null;
        if (!el || el === document.body) return { name: "body", ring: false, picker: false };
        // A file input is drawn by its label: the label shows the ring.
        const picker = el instanceof HTMLInputElement && el.type === "file";
        const shown = picker ? (el.closest("label") ?? el) : el;
        const style = getComputedStyle(shown);
        const ring =
          (style.outlineStyle !== "none" && Number.parseFloat(style.outlineWidth) >= 2) ||
          style.boxShadow !== "none";
        const name = el.getAttribute("data-testid") ?? el.getAttribute("aria-label") ?? el.tagName;
        return { name, ring, picker };
      });
      // Past the last control focus leaves the page (for the browser's own toolbar): the end.
      if (seen.name === "body") break;
      stops++;
      if (!seen.ring) unseen.push(`${i}:${seen.name}`);
      if (seen.picker) pickers++;
    }
    expect(unseen).toEqual([]);
    expect(stops).toBeGreaterThan(25);
    expect(pickers).toBeGreaterThanOrEqual(3);
  });
});

describe("좌표 입력, by keyboard alone", () => {
  it("refuses bad input with a message naming the entry, keeping what was typed", async () => {
    await page.getByTestId("coord-entry-open").focus();
    await page.keyboard.press("Enter");
    const dialog = page.getByTestId("coord-entry");
    await dialog.waitFor();
    expect(await dialog.evaluate((d) => (d as HTMLDialogElement).open)).toBe(true);
    expect(await focused()).toBe("coord-text");
    await page.keyboard.type("127.95 37.32, 127.97 abc, 127.97 37.34");
    await tabTo("coord-add");
    await page.keyboard.press("Enter");
    await expect.poll(() => page.getByTestId("coord-error").textContent()).toContain("2번째 좌표");
    expect(await page.getByTestId("coord-text").inputValue()).toBe(
      "127.95 37.32, 127.97 abc, 127.97 37.34",
    );
    expect(await parcelCount(page)).toBe(0);
    // Esc closes it, focus back on the button that opened it.
    await page.keyboard.press("Escape");
    await dialog.waitFor({ state: "detached" });
    expect(await focused()).toBe("coord-entry-open");
  });

  it("adds a parcel as one undo step, checked like a drawn one", async () => {
    await page.keyboard.press("Enter");
    await page.getByTestId("coord-entry").waitFor();
    await page.keyboard.type(SQUARE);
    await tabTo("coord-add");
    await page.keyboard.press("Enter");
    await page.getByTestId("coord-entry").waitFor({ state: "detached" });
    await expect.poll(() => parcelCount(page)).toBe(1);
    expect(await focused()).toBe("coord-entry-open");
    const km2 = await panelTotalKm2(page);
    expect(km2).toBeGreaterThan(3.7);
    expect(km2).toBeLessThan(4.2);
    // The export, checked by `czd check`, agrees with the panel (exportFiling asserts it).
    const filing = await exportFiling(page);
    const parcels = filing.features.filter((f) => f.geometry?.type === "Polygon");
    expect(parcels).toHaveLength(1);
    // One Ctrl+Z takes it back, one redo brings it again.
    await page.getByTestId("coord-entry-open").focus();
    await page.keyboard.press("Control+z");
    await expect.poll(() => parcelCount(page)).toBe(0);
    await page.keyboard.press("Control+Shift+z");
    await expect.poll(() => parcelCount(page)).toBe(1);
  });

  it("adds a circle envelope from its centre and radius in TM (EPSG:5186) x/y", async () => {
    await page.getByTestId("coord-entry-open").focus();
    await page.keyboard.press("Enter");
    await page.getByTestId("coord-entry").waitFor();
    await page.getByTestId("coord-kind-envelope-circle").check();
    await page.getByTestId("coord-text").fill("258000 535000");
    await page.getByTestId("coord-crs").selectOption("EPSG:5186");
    await page.getByTestId("coord-size").fill("12");
    await page.getByTestId("coord-add").focus();
    await page.keyboard.press("Enter");
    await page.getByTestId("coord-entry").waitFor({ state: "detached" });
    await panelSettled(page);
    expect(await page.getByTestId("envelope-size").inputValue()).toBe("12");
  });
});

describe("vertices by arrow keys", () => {
  it("moves the picked parcel's vertex 10 m (Shift 100 m) without panning, and removes one", async () => {
    await page.getByTestId("tool-select").focus();
    await page.keyboard.press("Enter");
    await page.getByTestId("parcel-name").first().focus();
    await page.keyboard.press("Enter");
    const status = page.getByTestId("vertex-status");
    await expect.poll(() => status.textContent()).toMatch(/1\/4/);
    const read = async () => {
      const m = /([\d.]+), ([\d.]+)$/.exec((await status.textContent()) ?? "");
      return [Number(m?.[1]), Number(m?.[2])];
    };
    const [lon0, lat0] = await read();
    await page.locator('[data-testid="map"] canvas').focus();
    const view = await viewOf(page);
    const before = await panelTotalKm2(page);
    await page.keyboard.press("ArrowLeft");
    await expect.poll(async () => (await read())[0]).toBeLessThan(lon0 ?? 0);
    const [lon1] = await read();
    // 10 m west at 37.32°N: 10 / (111,320 · cos 37.32°) ≈ 0.000113°.
    expect((lon0 ?? 0) - (lon1 ?? 0)).toBeCloseTo(0.000113, 5);
    await page.keyboard.press("Shift+ArrowDown");
    await expect.poll(async () => (await read())[1]).toBeLessThan(lat0 ?? 0);
    expect((lat0 ?? 0) - ((await read())[1] ?? 0)).toBeCloseTo(0.000898, 5);
    // The parcel grew (its south-west corner went out), the map did not pan with the arrows.
    await expect.poll(() => panelTotalKm2(page)).toBeGreaterThan(before);
    expect(await viewOf(page)).toEqual(view);
    // ] steps to the next vertex; Delete removes it (4 → 3); Ctrl+Z puts it back.
    await page.keyboard.press("]");
    await expect.poll(() => status.textContent()).toMatch(/2\/4/);
    await page.keyboard.press("Delete");
    await expect.poll(() => status.textContent()).toMatch(/\/3/);
    expect(await parcelCount(page)).toBe(1);
    await page.keyboard.press("Control+z");
    await expect.poll(() => status.textContent()).toMatch(/\/4/);
  });
});

describe("help, a real modal", () => {
  it("takes focus, keeps Tab inside, closes on Esc and gives focus back", async () => {
    await page.getByTestId("help").focus();
    await page.keyboard.press("Enter");
    const help = page.getByTestId("help-panel");
    await help.waitFor();
    expect(await help.evaluate((d) => d.matches("dialog:modal"))).toBe(true);
    expect(await help.textContent()).toContain("좌표 입력");
    for (let i = 0; i < 8; i++) {
      expect(await help.evaluate((d) => d.contains(document.activeElement))).toBe(true);
      await page.keyboard.press("Tab");
    }
    await page.keyboard.press("Escape");
    await help.waitFor({ state: "detached" });
    expect(await focused()).toBe("help");
  });
});

describe("one-key shortcuts", () => {
  const pressed = (tool: string) => page.getByTestId(`tool-${tool}`).getAttribute("aria-pressed");

  it("fire only while the map has focus, and can be turned off", async () => {
    await page.getByTestId("lang-toggle").focus();
    await page.keyboard.press("c");
    expect(await pressed("parcel-circle")).toBe("false");
    await page.locator('[data-testid="map"] canvas').focus();
    await page.keyboard.press("r");
    expect(await pressed("parcel-rectangle")).toBe("true");
    await page.keyboard.press("Escape");
    // Off in help: the key does nothing, even on the map.
    await page.getByTestId("help").click();
    await page.getByTestId("shortcuts-on").uncheck();
    await page.keyboard.press("Escape");
    await page.locator('[data-testid="map"] canvas').focus();
    await page.keyboard.press("p");
    expect(await pressed("parcel-polygon")).toBe("false");
    await page.getByTestId("help").click();
    await page.getByTestId("shortcuts-on").check();
    await page.keyboard.press("Escape");
  });
});

describe("focus after what removes or disables the focused control", () => {
  it("undo keeps focus when its stack runs out; deleting a parcel moves it to a neighbour", async () => {
    await page.getByTestId("undo").focus();
    // Undo everything this file did: the button stays focused (aria-disabled, not disabled).
    for (let i = 0; i < 12; i++) await page.keyboard.press("Enter");
    expect(await page.getByTestId("undo").getAttribute("aria-disabled")).toBe("true");
    expect(await focused()).toBe("undo");
    expect(await parcelCount(page)).toBe(0);
    // Two parcels by 좌표 입력, then delete the first from the table by keyboard.
    for (const text of [SQUARE, "127.98 37.32, 127.99 37.32, 127.99 37.33"]) {
      await page.getByTestId("coord-entry-open").focus();
      await page.keyboard.press("Enter");
      await page.getByTestId("coord-text").fill(text);
      await page.getByTestId("coord-add").focus();
      await page.keyboard.press("Enter");
      await page.getByTestId("coord-entry").waitFor({ state: "detached" });
    }
    await expect.poll(() => parcelCount(page)).toBe(2);
    await page.getByTestId("parcel-delete").first().focus();
    await page.keyboard.press("Enter");
    await expect.poll(() => parcelCount(page)).toBe(1);
    await expect.poll(focused).toBe("parcel-delete");
    await page.keyboard.press("Enter");
    await expect.poll(() => parcelCount(page)).toBe(0);
    await expect.poll(focused).toBe("parcel-table-heading");
  });
});
