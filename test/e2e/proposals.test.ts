/**
 * Phase 3 proposals in the app: a firm CSV read in the Worker (progress bar, cancel), the
 * heatmap on the map, the three proposals compared, each accepted as one undo step and exported
 * as a filing that `czd check` passes.
 */
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { main } from "../../geo/cli";
import { createFirmRows, firmCsv, JINJU_CLUMPS } from "../support/firms";
import { type AppPage, openAppAt, waitForMap } from "./browser";
import { saveDownload } from "./files";

let app: AppPage;
let page: Page;
let dir: string;
const FIRMS = 60_000;

async function czdCheck(path: string): Promise<number> {
  return main(
    ["check", path, "--format", "json"],
    () => undefined,
    () => undefined,
  );
}

/** Pixels that differ between two screenshots of the map, decoded by the browser. */
async function changedPixels(a: Buffer, b: Buffer): Promise<number> {
  const urls = [a, b].map((png) => `data:image/png;base64,${png.toString("base64")}`);
  return page.evaluate(async (urls) => {
    const data = await Promise.all(
      urls.map(async (src) => {
        const img = new Image();
        img.src = src;
        await img.decode();
        const canvas = document.createElement("canvas");
        canvas.width = img.width;
        canvas.height = img.height;
        const ctx = canvas.getContext("2d");
        ctx?.drawImage(img, 0, 0);
        return ctx?.getImageData(0, 0, img.width, img.height).data ?? new Uint8ClampedArray();
      }),
    );
    const [x, y] = data as [Uint8ClampedArray, Uint8ClampedArray];
    let changed = 0;
    for (let p = 0; p < Math.min(x.length, y.length); p += 4) {
      const d =
        Math.abs((x[p] ?? 0) - (y[p] ?? 0)) +
        Math.abs((x[p + 1] ?? 0) - (y[p + 1] ?? 0)) +
        Math.abs((x[p + 2] ?? 0) - (y[p + 2] ?? 0));
      if (d > 30) changed++;
    }
    return changed;
  }, urls);
}

const parcelCount = () => page.getByTestId("parcel-list").locator("tr").count();

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), "czd-proposals-"));
  writeFileSync(join(dir, "firms.csv"), firmCsv(createFirmRows(5, FIRMS, JINJU_CLUMPS)));
  // Big enough that the read is still going when cancel is clicked, however busy the machine.
  writeFileSync(join(dir, "many.csv"), firmCsv(createFirmRows(6, 800_000, JINJU_CLUMPS)));
  app = await openAppAt(inject("baseUrl"), "#9/35.15/128.3");
  page = app.page;
});

afterAll(async () => {
  await app?.close();
});

describe("proposals from a firm CSV", () => {
  it("reads the CSV in the Worker with a progress bar, and a cancelled read changes nothing", async () => {
    await page.getByTestId("proposals-panel").locator("summary").click();
    await page.getByTestId("firms-weight").fill("종업원수");
    await page.getByTestId("import-firms").setInputFiles(join(dir, "many.csv"));
    await page.getByTestId("firms-progress").waitFor({ state: "visible" });
    await page.getByTestId("firms-cancel").click({ timeout: 5_000 });
    await expect.poll(() => page.getByTestId("firms-progress").count()).toBe(0);
    expect(await page.getByTestId("firms-summary").count()).toBe(0);

    const before = await page.getByTestId("map").screenshot();
    await page.getByTestId("import-firms").setInputFiles(join(dir, "firms.csv"));
    await page.getByTestId("firms-progress").waitFor({ state: "visible" });
    await page.getByTestId("firms-summary").waitFor({ timeout: 60_000 });
    expect(await page.getByTestId("firms-summary").getAttribute("data-count")).toBe(String(FIRMS));
    expect(Number(await page.getByTestId("firms-progress").getAttribute("value"))).toBe(1);
    await page.waitForTimeout(1500);
    const after = await page.getByTestId("map").screenshot();
    // The heatmap: a large part of the map changes colour where the firms are.
    expect(await changedPixels(before, after)).toBeGreaterThan(5_000);
  });

  it("compares circle, belt and polygon, and each accepted proposal exports a filing czd check passes", async () => {
    await page.getByTestId("propose").click();
    await page.getByTestId("proposals").waitFor({ timeout: 60_000 });
    const rows = page.getByTestId("proposals").locator("tbody tr");
    expect(await rows.count()).toBe(3);
    // The coverage curve: one line per shape.
    expect(await page.getByTestId("coverage-chart").locator("polyline").count()).toBe(3);
    for (const shape of ["circle", "belt", "polygon"]) {
      expect(await page.getByTestId(`accept-${shape}`).count()).toBe(1);
    }
    expect(await parcelCount()).toBe(0);
    for (const shape of ["circle", "belt", "polygon"]) {
      await page.getByTestId(`accept-${shape}`).click();
      await expect.poll(parcelCount).toBeGreaterThan(0);
      const saved = await saveDownload(page, dir, () => page.getByTestId("export-geojson").click());
      const filing = JSON.parse(readFileSync(saved.path, "utf8")) as {
        features: { properties: { role?: string; shape?: string } }[];
      };
      expect(filing.features.find((f) => f.properties.role === "envelope")?.properties.shape).toBe(
        shape,
      );
      expect(await czdCheck(saved.path)).toBe(0);
    }
  });

  it("accepting a proposal is one undo step", async () => {
    const listText = () => page.getByTestId("parcel-list").textContent();
    const accepted = await listText();
    await page.getByTestId("accept-circle").click();
    await expect.poll(listText).not.toBe(accepted);
    await page.keyboard.press("Control+z");
    await expect.poll(listText).toBe(accepted);
  });

  it("accepts into a new zone, leaving the active zone unchanged; replacing it asks first, by name", async () => {
    const listText = () => page.getByTestId("parcel-list").textContent();
    const zones = page.getByTestId("zones").locator("li");
    // After the undo above the accepted zone is gone, and with it what its proposals were for.
    await page.getByTestId("propose").click();
    await page.getByTestId("proposals").waitFor({ timeout: 60_000 });
    const before = await listText();
    const name = await page.getByTestId("zone-name").inputValue();
    const count = await zones.count();
    await page.getByTestId("accept-belt").click();
    await expect.poll(() => zones.count()).toBe(count + 1);
    expect(await page.getByTestId("zone-name").inputValue()).not.toBe(name);
    // Back to the zone that was active: its parcels are as they were, and the proposals,
    // made for the other zone, are closed.
    await zones.filter({ hasText: name }).locator("button").first().click();
    await expect.poll(() => page.getByTestId("zone-name").inputValue()).toBe(name);
    expect(await listText()).toBe(before);
    await page.getByTestId("proposals-other-zone").waitFor();
    expect(await page.getByTestId("accept-belt").count()).toBe(0);
    // Proposals made for this zone: replacing its parcels names it and asks; declined, nothing changes.
    await page.getByTestId("propose").click();
    await page.getByTestId("proposals").waitFor({ timeout: 60_000 });
    const asked: string[] = [];
    page.once("dialog", (d) => {
      asked.push(d.message());
      void d.dismiss();
    });
    await page.getByTestId("replace-circle").click();
    await expect.poll(() => asked.length).toBe(1);
    expect(asked[0]).toContain(name);
    expect(await zones.count()).toBe(count + 1);
    expect(await listText()).toBe(before);
  });

  it("keeps the firms with the project in IndexedDB across a reload", async () => {
    await page.reload();
    await waitForMap(page);
    await page.getByTestId("proposals-panel").locator("summary").click();
    await page.getByTestId("firms-summary").waitFor();
    expect(await page.getByTestId("firms-summary").getAttribute("data-count")).toBe(String(FIRMS));
  });
});
