/**
 * The map readouts (issue 21): the pointer in WGS84 and EPSG:5186 in the status bar, the measure
 * tool's geodesic length and area, a hub's name on hover and its popup on click (found with the
 * search box, which finds hubs by name too).
 */
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { type AppPage, openAppAt } from "./browser";
import { goToStart, METRES_PER_PX, mapCentre, START } from "./tools-helpers";

let app: AppPage;

beforeAll(async () => {
  app = await openAppAt(inject("baseUrl"), START);
});

afterAll(async () => {
  await app?.close();
});

describe("map readouts", () => {
  it("the status bar shows the pointer in WGS84 and in EPSG:5186", async () => {
    const [x, y] = await mapCentre(app.page);
    await app.page.mouse.move(x, y);
    const text = () => app.page.getByTestId("pointer-readout").textContent();
    await expect
      .poll(text)
      .toMatch(/^37\.33\d{3}°N 127\.95\d{3}°E · EPSG:5186 x \d+\.\d y \d+\.\d$/);
    // 127.955°E is east of the belt's 127°E meridian (x > 200 km); 37.33°N is south of 38°N.
    const [, tmX, tmY] = /x (\d+\.\d) y (\d+\.\d)/.exec((await text()) ?? "")?.map(Number) ?? [];
    expect(tmX).toBeGreaterThan(200_000 + 80_000);
    expect(tmY).toBeLessThan(600_000 - 70_000);
  });

  it("measures a geodesic distance, then the area of the ended line", async () => {
    const page = app.page;
    await goToStart(page);
    const box = await page.getByTestId("map").boundingBox();
    await page.getByTestId("measure-toggle").click();
    const [x, y] = await mapCentre(page);
    await page.mouse.click(x - 100, y);
    await page.mouse.click(x + 100, y);
    const result = page.getByTestId("measure-result");
    await expect.poll(() => result.textContent()).toMatch(/^거리 [\d.]+ (m|km)$/);
    const km = Number(/거리 ([\d.]+) km/.exec((await result.textContent()) ?? "")?.[1]);
    // 200 px at START, in ground metres (Web Mercator's scale): within 1 %.
    expect(Math.abs(km * 1000 - 200 * METRES_PER_PX) / (200 * METRES_PER_PX)).toBeLessThan(0.01);
    await page.mouse.click(x + 100, y + 100);
    await page.keyboard.press("Enter");
    await expect.poll(() => result.textContent()).toMatch(/면적 [\d.,]+ (m²|㎢)/);
    // A right triangle of 200 × 100 px: 10,000 px² of ground.
    const area = Number(/면적 ([\d.]+) ㎢/.exec((await result.textContent()) ?? "")?.[1]);
    const want = (10_000 * METRES_PER_PX ** 2) / 1e6;
    expect(Math.abs(area - want) / want).toBeLessThan(0.02);
    await page.getByTestId("measure-toggle").click();
    expect(await result.count()).toBe(0);
    // Measuring never resized the map (a readout that grew would have reflowed the bar).
    expect(await page.getByTestId("map").boundingBox()).toEqual(box);
  });

  it("a hub found by name shows its name on hover and a popup on click", async () => {
    const page = app.page;
    const input = page.getByTestId("search-input");
    await input.fill("대구 혁신도시");
    await page.getByTestId("search-results").locator("button", { hasText: "거점" }).first().click();
    await expect.poll(async () => new URL(page.url()).hash).toMatch(/^#15\/35\.877\d*\/128\.73/);
    const [x, y] = await mapCentre(page);
    const tip = page.locator('[data-testid="hub-tip"]');
    // The map may still be settling at zoom 15 when the hash has changed: hover again until the
    // hub is under the pointer (each read gives up after a second instead of Playwright's 30 s,
    // which outlasted the poll and held the test until its own timeout on a loaded machine).
    await expect
      .poll(
        async () => {
          await page.mouse.move(x + 30, y + 30);
          await page.mouse.move(x, y);
          return tip.textContent({ timeout: 1000 }).catch(() => null);
        },
        { timeout: 15_000 },
      )
      .toBe("대구 혁신도시");
    // A button pressed over the hub (a drag begins): the tooltip is put away.
    await page.mouse.down();
    await page.mouse.move(x + 1, y + 1);
    await expect.poll(() => tip.count(), { timeout: 5000 }).toBe(0);
    await page.mouse.up();
    await page.mouse.move(x, y);
    await page.mouse.click(x, y);
    const popup = page.getByTestId("hub-popup");
    await expect
      .poll(() => popup.textContent({ timeout: 1000 }).catch(() => null), { timeout: 15_000 })
      .toMatch(/^대구 혁신도시.*혁신도시.*대략적 위치/);
  });

  it("logged no console errors", () => {
    expect(app.errors).toEqual([]);
  });
});
