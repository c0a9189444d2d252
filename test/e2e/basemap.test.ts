/**
 * The basemap a planner draws on, offline as the harness makes every browser test: the online
 * default fails at once and the status bar says so; the embedded map names the 시·군·구 at
 * zoom 10; the report names them; an imported hub layer survives a reload.
 */
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { COLOURS } from "../../src/map/ids";
import { type AppPage, openApp, openAppAt, waitForMap } from "./browser";
import { countColours } from "./pixels";

let app: AppPage;

beforeAll(async () => {
  // 대구 달성군, URL zoom 10 (256-px tiles).
  app = await openAppAt(inject("baseUrl"), "#10/35.69/128.45");
});

afterAll(async () => {
  await app?.close();
});

describe("the basemap, with no network", () => {
  it("falls back from OpenStreetMap to the embedded map and says so in the status bar", async () => {
    const notice = app.page.getByTestId("basemap-notice");
    await notice.waitFor({ timeout: 10_000 });
    expect(await notice.textContent()).toContain("내장 지도");
    await app.page.getByTestId("lang-toggle").click();
    expect(await notice.textContent()).toContain("embedded map");
    await app.page.getByTestId("lang-toggle").click();
  });

  it("names the 시·군·구 at zoom 10 as HTML labels", async () => {
    const labels = app.page.locator(".sigungu-label");
    await expect.poll(() => labels.filter({ hasText: /^달성군$/ }).count()).toBe(1);
    expect(await labels.count()).toBeGreaterThan(3);
    await app.page.getByTestId("map").screenshot({ path: "test-results/sigungu.png" });
    expect(await app.page.locator(".maplibregl-ctrl-attrib").innerHTML()).toContain("SGIS");
  });

  it("shows no 시·군·구 names zoomed out to the whole country", async () => {
    await app.page.goto(`${inject("baseUrl")}#7/36.2/127.8`);
    await waitForMap(app.page);
    await expect.poll(() => app.page.locator(".sigungu-label").count()).toBe(0);
  });
});

describe("the report and hub layers", () => {
  it("names the 시·군·구 a parcel lies in, in the panel and the parcel list", async () => {
    const filing = {
      type: "FeatureCollection",
      features: [
        {
          type: "Feature",
          properties: { id: "P1" },
          geometry: {
            type: "Polygon",
            coordinates: [
              [
                [128.453, 35.69],
                [128.457, 35.69],
                [128.457, 35.694],
                [128.453, 35.694],
                [128.453, 35.69],
              ],
            ],
          },
        },
      ],
    };
    await app.page.getByTestId("import-file").setInputFiles({
      name: "dalseong.geojson",
      mimeType: "application/geo+json",
      buffer: Buffer.from(JSON.stringify(filing)),
    });
    await expect.poll(() => app.page.getByTestId("sigungu").textContent()).toContain("달성군");
    expect(await app.page.getByTestId("parcel-sigungu").first().textContent()).toContain("달성군");
  });

  it("keeps an imported hub layer through a reload, with its counts and legend", async () => {
    const { page } = app;
    await page.getByTestId("import-hubs").setInputFiles("test/fixtures/io/hubs-cp949.csv");
    const layers = page.getByTestId("hub-layers");
    await expect.poll(() => layers.textContent()).toContain("hubs-cp949");
    const saved = () => page.getByTestId("save-status").getAttribute("data-state");
    await expect.poll(saved).toBe("saved");
    await page.reload();
    await waitForMap(page);
    await expect.poll(() => layers.textContent()).toContain("hubs-cp949");
    // The counts come with the check Worker's first report after the reload: polled, not read once.
    await expect
      .poll(() => page.getByTestId("hub-legend-swatch").count())
      .toBeGreaterThanOrEqual(6);
    // The layer's own legend: its hub types in their map colours.
    const legends = page.getByTestId("hub-layer-legend");
    await expect.poll(() => legends.last().textContent()).toMatch(/산업단지 \d/);
    await expect.poll(() => legends.first().textContent()).toContain("혁신도시 12");
    // The parcel in 달성군 came back too, and its report names the 시·군·구 again.
    await expect.poll(() => page.getByTestId("sigungu").textContent()).toContain("달성군");
    // The report names what it counted: the restored layer beside the embedded 혁신도시.
    await page.getByTestId("reviewer-mode").click();
    const sources = page.getByTestId("review-hub-sources");
    await expect.poll(() => sources.textContent()).toContain("hubs-cp949");
    expect(await sources.textContent()).toContain("혁신도시");
    await page.getByTestId("reviewer-mode").click();
  });

  it("logged no console errors", () => {
    expect(app.errors).toEqual([]);
  });
});

describe("the 시·군·구 labels' chunk", () => {
  it("failing to load, leaves the 시·군·구 borders drawn and says why", async () => {
    const base = inject("baseUrl");
    const own = await openApp(base);
    try {
      const { page } = own;
      const warnings: string[] = [];
      page.on("console", (m) => {
        if (m.type() === "warning") warnings.push(m.text());
      });
      await page.route(/\/assets\/sigungu-labels-[^/]*\.js$/, (route) => route.abort());
      await page.goto(`${base}#10/35.69/128.45`);
      await waitForMap(page);
      await expect
        .poll(() => warnings.some((w) => w.includes("district names not shown")), {
          timeout: 15_000,
        })
        .toBe(true);
      // The borders are drawn: thin lines in their own colour (close to it: the 시·도 borders'
      // antialiased edges come within 12 of it, not within 6), over a few hundred pixels.
      await expect
        .poll(
          async () => {
            const png = await page.getByTestId("map").screenshot();
            const [border = 0] = await countColours(page, png, [COLOURS.sigunguBorder], 6);
            return border;
          },
          { timeout: 15_000 },
        )
        .toBeGreaterThan(150);
      expect(await page.locator(".sigungu-label").count()).toBe(0);
    } finally {
      await own.close();
    }
  });
});
