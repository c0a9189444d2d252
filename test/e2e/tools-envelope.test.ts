/**
 * The envelope tools through the mouse and keyboard: a circle centre by click and its radius as a
 * number, a belt axis and its half-width, a polygon envelope; each against the rule set's limits.
 * Expected reaches come from pixel distances at START, not from the app.
 */
import type { Feature } from "geojson";
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { type AppPage, openAppAt } from "./browser";
import {
  clickAt,
  drawWith,
  exportFiling,
  findingCodes,
  METRES_PER_PX,
  mapCentre,
  newZone,
  parcelCount,
  pickTool,
  reachKm,
  START,
  squareAt,
  typeEnvelopeSize,
} from "./tools-helpers";

let app: AppPage;
let page: Page;

async function envelopeFeature(): Promise<Feature | undefined> {
  const filing = await exportFiling(page);
  return filing.features.find((f) => f.properties?.role === "envelope");
}

/** A parcel of `sizePx` square at the map's centre, drawn with the polygon tool. */
async function centreParcel(sizePx: number): Promise<void> {
  const before = await parcelCount(page);
  await drawWith(page, "parcel-polygon", await squareAt(page, 0, 0, sizePx));
  await expect.poll(() => parcelCount(page)).toBe(before + 1);
}

beforeAll(async () => {
  app = await openAppAt(inject("baseUrl"), START);
  page = app.page;
});

afterAll(async () => {
  await app?.close();
});

describe("envelope tools, by mouse and keyboard", () => {
  it("sets a circle's centre by click, shows the reach against 20 km, takes the radius as a number", async () => {
    await centreParcel(100);
    const [cx, cy] = await mapCentre(page);
    await pickTool(page, "envelope-circle");
    await clickAt(page, [cx - 200, cy]);
    await page.getByTestId("tool-envelope-circle").click();
    // The farthest parcel corner is 250 px across and 50 px up or down: √(250² + 50²) px.
    const expected = (Math.hypot(250, 50) * METRES_PER_PX) / 1000;
    await expect.poll(async () => (await reachKm(page)).limitKm).toBe(20);
    const { reachKm: reach } = await reachKm(page);
    expect(reach).toBeGreaterThan(expected * 0.95);
    expect(reach).toBeLessThan(expected * 1.05);
    expect(await findingCodes(page)).not.toContain("RADIUS");
    expect((await envelopeFeature())?.properties?.radiusKm).toBe(20);

    await typeEnvelopeSize(page, "5.5");
    await expect.poll(() => findingCodes(page)).toContain("RADIUS");
    expect((await envelopeFeature())?.properties?.radiusKm).toBe(5.5);

    // The whole typed number was one edit: one undo step takes the radius back to 20 km.
    await page.getByTestId("undo").click();
    await expect.poll(() => page.getByTestId("envelope-size").inputValue()).toBe("20");
    expect(await findingCodes(page)).not.toContain("RADIUS");
    expect((await envelopeFeature())?.properties?.radiusKm).toBe(20);
  });

  it("draws a belt axis under phase-3; a half-width short of a parcel gives ENVELOPE, phase-1-2 gives ENVELOPE_SHAPE", async () => {
    await newZone(page);
    await page.getByTestId("rule-set").selectOption("phase-3");
    await centreParcel(60);
    const [cx, cy] = await mapCentre(page);
    await drawWith(page, "envelope-belt", [
      [cx - 150, cy - 100],
      [cx + 150, cy - 100],
    ]);
    await page.getByTestId("tool-envelope-belt").click();
    // The parcel's far edge is 130 px below the axis: ≈ 3.95 km, inside the default 5 km.
    const expected = (130 * METRES_PER_PX) / 1000;
    await expect.poll(async () => (await reachKm(page)).limitKm).toBe(5);
    const { reachKm: reach } = await reachKm(page);
    expect(reach).toBeGreaterThan(expected * 0.95);
    expect(reach).toBeLessThan(expected * 1.05);
    expect(await findingCodes(page)).not.toContain("ENVELOPE");

    await typeEnvelopeSize(page, "2");
    await expect.poll(() => findingCodes(page)).toContain("ENVELOPE");
    expect((await envelopeFeature())?.properties?.halfWidthKm).toBe(2);
    // One step back is the default half-width again; one step forward the typed one.
    await page.getByTestId("undo").click();
    await expect.poll(() => page.getByTestId("envelope-size").inputValue()).toBe("5");
    expect(await findingCodes(page)).not.toContain("ENVELOPE");
    await page.getByTestId("redo").click();
    await expect.poll(() => findingCodes(page)).toContain("ENVELOPE");

    await page.getByTestId("rule-set").selectOption("phase-1-2");
    await expect.poll(() => findingCodes(page)).toContain("ENVELOPE_SHAPE");
  });

  it("passes a polygon envelope around the parcel and flags one that does not hold it", async () => {
    await newZone(page);
    await page.getByTestId("rule-set").selectOption("phase-3");
    await centreParcel(60);
    await drawWith(page, "envelope-polygon", await squareAt(page, 0, 0, 300));
    await expect.poll(async () => (await envelopeFeature())?.geometry.type).toBe("Polygon");
    const codes = await findingCodes(page);
    expect(codes).not.toContain("ENVELOPE");
    expect(codes).not.toContain("ENVELOPE_SHAPE");
    expect(await page.getByTestId("verdict").getAttribute("class")).toContain("pass");

    await drawWith(page, "envelope-polygon", await squareAt(page, 350, 0, 100));
    await page.getByTestId("tool-envelope-polygon").click();
    await expect.poll(() => findingCodes(page)).toContain("ENVELOPE");
    expect(await page.getByTestId("verdict").getAttribute("class")).toContain("fail");
  });

  it("logged no console errors", () => {
    expect(app.errors).toEqual([]);
  });
});
