/**
 * Issue 21's finishing touches in the built app: each parcel labelled on the map with its name
 * and area (㎢ / km² by the UI language), labels that never overlap; the reviewer view with no raw
 * finding code or rule-set id in Korean; with the small cadastre open, 지번 and PNU search flies
 * to the 필지 and outlines it; and a zone of 필지 prints with the 지번 조서 as its appendix.
 */
import { readFileSync } from "node:fs";
import { join, resolve } from "node:path";
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { FINDING_CODES } from "../../geo/findings";
import { BUILTIN_RULE_SETS } from "../../geo/index";
import { openCadastre, readPilji } from "../../geo/io/lsmd-read";
import { SEARCH_HIT_COLOUR } from "../../src/map/search-hit-layer";
import { EXAMPLES } from "../support/paths";
import { type AppPage, openAppAt } from "./browser";
import { createSquareFiling } from "./files";
import { countColours } from "./pixels";
import { clickAt, mapCentre, parcelCount, viewOf } from "./tools-helpers";

const CADASTRE = resolve("test/fixtures/cadastre/LSMD_CONT_LDREG_48170.zip");
const layer = openCadastre([{ name: "c.zip", bytes: readFileSync(CADASTRE) }])[0];
const pilji = layer ? [...readPilji(layer)] : [];

let app: AppPage;
let page: Page;

beforeAll(async () => {
  app = await openAppAt(inject("baseUrl"), "#13/36.86/127.45");
  page = app.page;
  await page.evaluate(() => {
    window.print = () => undefined;
  });
});

afterAll(async () => {
  await app?.close();
});

/** Each visible label's box, in page pixels. */
async function labelBoxes(): Promise<{ x0: number; y0: number; x1: number; y1: number }[]> {
  return page.$$eval(".parcel-label", (els) =>
    els.map((el) => {
      const r = el.getBoundingClientRect();
      return { x0: r.left, y0: r.top, x1: r.right, y1: r.bottom };
    }),
  );
}

describe("parcel labels on the map", () => {
  it("name each parcel with its area, ㎢ in Korean and km² in English", async () => {
    await page.getByTestId("import-file").setInputFiles({
      name: "square.geojson",
      mimeType: "application/geo+json",
      buffer: createSquareFiling(127.44, 36.85, 0.02),
    });
    await expect.poll(() => page.locator(".parcel-label").count()).toBe(1);
    const text = await page.locator(".parcel-label").textContent();
    expect(text).toMatch(/\d\.\d{3} ㎢$/);
    await page.getByTestId("lang-toggle").click();
    await expect.poll(() => page.locator(".parcel-label").textContent()).toMatch(/ km²$/);
    await page.getByTestId("lang-toggle").click();
    await expect.poll(() => page.locator(".parcel-label").textContent()).toMatch(/ ㎢$/);
  });

  it("never overlap: a zone of 30 touching parcels shows some labels, none on another", async () => {
    const features = [];
    for (let i = 0; i < 6; i++)
      for (let j = 0; j < 5; j++) {
        const [x, y, d] = [127.3 + i * 0.004, 36.8 + j * 0.004, 0.004];
        features.push({
          type: "Feature",
          properties: { id: `G${i}-${j}`, name: `구역 ${i}-${j}` },
          geometry: {
            type: "Polygon",
            coordinates: [
              [
                [x, y],
                [x + d, y],
                [x + d, y + d],
                [x, y + d],
                [x, y],
              ],
            ],
          },
        });
      }
    await page.getByTestId("import-file").setInputFiles({
      name: "grid.geojson",
      mimeType: "application/geo+json",
      buffer: Buffer.from(JSON.stringify({ type: "FeatureCollection", features })),
    });
    await page.evaluate(() => {
      window.location.hash = "#13/36.81/127.312";
    });
    // Read once the view has settled (the import's fly and the hash's jump both end in a
    // moveend that places the labels anew): the same boxes twice, 300 ms apart. Each try takes
    // 300 ms or more, so vitest's default 1 s leaves room for two: on a slow CI machine the
    // fly alone outlasts that.
    await expect
      .poll(
        async () => {
          const first = JSON.stringify(await labelBoxes());
          await page.waitForTimeout(300);
          const again = await labelBoxes();
          return first === JSON.stringify(again) && again.length > 3;
        },
        { timeout: 15_000 },
      )
      .toBe(true);
    const boxes = await labelBoxes();
    expect(boxes.length).toBeLessThan(31);
    for (let a = 0; a < boxes.length; a++)
      for (let b = a + 1; b < boxes.length; b++) {
        const [p, q] = [boxes[a], boxes[b]];
        if (!p || !q) continue;
        expect(p.x1 <= q.x0 || q.x1 <= p.x0 || p.y1 <= q.y0 || q.y1 <= p.y0).toBe(true);
      }
  });
});

describe("the reviewer view in Korean", () => {
  it("shows no raw finding code or rule-set id, and ㎢ not km²", async () => {
    await page.getByTestId("reviewer-mode").click();
    for (const file of ["busan-radius-over.geojson", "jincheon-cap-15003.geojson"]) {
      await page.getByTestId("reviewer-file").setInputFiles(join(EXAMPLES, file));
      await expect.poll(() => page.getByTestId("review-file-name").textContent()).toBe(file);
      const codes = await page.locator("[data-testid=review-findings] li").count();
      expect(codes).toBeGreaterThan(0);
      const text = (await page.getByTestId("reviewer").textContent()) ?? "";
      for (const code of Object.keys(FINDING_CODES)) expect(text).not.toContain(code);
      for (const rs of BUILTIN_RULE_SETS) expect(text).not.toContain(rs.id);
      expect(text).not.toContain("km²");
      expect(text).toMatch(/반경 한도|면적 상한 초과/);
    }
    await page.getByTestId("reviewer-mode").click();
  });
});

describe("지번 search and the 조서 appendix, with the cadastre open", () => {
  it("finds 동 + 지번 and a PNU, flies there and outlines the 필지", async () => {
    await page.setViewportSize({ width: 1366, height: 768 });
    await page.getByTestId("import-cadastre").setInputFiles(CADASTRE);
    await page
      .locator('[data-testid="cadastre"][data-status="ready"]')
      .waitFor({ timeout: 60_000 });
    // Its tools take a second header line: no header control on another, the header two lines.
    const header = await page.evaluate(() => {
      const boxes = [...document.querySelectorAll("header button, header summary, header label")]
        .map((el) => el.getBoundingClientRect())
        .filter((r) => r.width > 0);
      const overlaps = boxes.filter((a, i) =>
        boxes.some(
          (b, j) =>
            j !== i &&
            a.left < b.right - 1 &&
            b.left < a.right - 1 &&
            a.top < b.bottom - 1 &&
            b.top < a.bottom - 1 &&
            !(a.left >= b.left && a.right <= b.right && a.top >= b.top && a.bottom <= b.bottom) &&
            !(b.left >= a.left && b.right <= a.right && b.top >= a.top && b.bottom <= a.bottom),
        ),
      ).length;
      return { overlaps, height: document.querySelector("header")?.getBoundingClientRect().height };
    });
    expect(header.overlaps).toBe(0);
    expect(header.height).toBeLessThan(130);
    const target = pilji.find((p) => p.pnu === "4817011900100120000");
    expect(target?.jimok).toBe("답");
    const input = page.getByTestId("search-input");
    await input.fill("상대동 12");
    const hit = page.getByTestId("search-pilji");
    await expect
      .poll(() => hit.allTextContents())
      .toEqual([expect.stringContaining("경상남도 진주시 상대동 12답")]);
    await hit.click();
    await expect
      .poll(async () => {
        const [zoom, lat, lon] = await viewOf(page);
        const ring = target?.geometry.type === "Polygon" ? target.geometry.coordinates[0] : [];
        const [x = 0, y = 0] = ring?.[0] ?? [];
        return zoom >= 17 && Math.abs(lat - y) < 0.003 && Math.abs(lon - x) < 0.003;
      })
      .toBe(true);
    await page.waitForTimeout(1500);
    const shot = await page.getByTestId("map").screenshot();
    const [cyan = 0] = await countColours(page, shot, [SEARCH_HIT_COLOUR]);
    expect(cyan).toBeGreaterThan(100);

    await input.fill("4817011900200010000");
    await expect
      .poll(() => page.getByTestId("search-pilji").allTextContents())
      .toEqual([expect.stringContaining("상대동 산1임")]);
    await input.fill("상대동 9999");
    await expect.poll(() => page.getByTestId("search-results").textContent()).toContain("없습니다");
  });

  it("prints a zone of 필지 with the 지번 조서 as its appendix", async () => {
    await page.getByTestId("search-input").press("Escape");
    await page.getByTestId("cadastre-pick").click();
    await page.waitForTimeout(1000);
    const before = await parcelCount(page);
    await clickAt(page, await mapCentre(page));
    await expect.poll(() => parcelCount(page)).toBe(before + 1);
    await page.waitForTimeout(1000);
    await page.getByTestId("cadastre-pick").click();
    await page.getByTestId("reviewer-mode").click();
    await page.getByTestId("review-current").click();
    await page.waitForTimeout(1500);
    await page.getByTestId("print-view").click();
    const sheet = page.getByTestId("print-sheet");
    await expect.poll(() => sheet.textContent()).toContain("부록: 지번 조서");
    const rows = await sheet.locator("table.joso tbody tr").allTextContents();
    expect(rows.some((r) => r.includes("상대동") && r.includes("12"))).toBe(true);
    await page.getByTestId("print-close").click();
    expect(app.errors).toEqual([]);
  });
});
