/**
 * The envelope edited in place with the select tool (issue 11): a circle's centre dragged and
 * its radius handle, a belt's axis vertex and width handle, a polygon envelope's vertex. Each
 * drag is one undo step that gives back exactly the envelope before it, and each export is what
 * `czd check` computes from it (exportFiling checks that). Esc cancels a drag; a drag released
 * over the panel is kept where the pointer last was over the map.
 */
import type { Feature } from "geojson";
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { type AppPage, openAppAt } from "./browser";
import {
  clickAt,
  drawWith,
  exportFiling,
  METRES_PER_PX,
  mapCentre,
  newZone,
  type Px,
  parcelCount,
  pickTool,
  START,
  squareAt,
  typeEnvelopeSize,
} from "./tools-helpers";

let app: AppPage;
let page: Page;

beforeAll(async () => {
  app = await openAppAt(inject("baseUrl"), START);
  page = app.page;
});

afterAll(async () => {
  await app?.close();
});

async function envelope(): Promise<Feature> {
  const filing = await exportFiling(page);
  const found = filing.features.find((f) => f.properties?.role === "envelope");
  if (!found) throw new Error("no envelope in the export");
  return found;
}

/** Whole pixels about the map's centre. */
async function at(dx: number, dy: number): Promise<Px> {
  const [cx, cy] = await mapCentre(page);
  return [Math.round(cx + dx), Math.round(cy + dy)];
}

/** Press at `from`, move to `to` in steps, release. */
async function dragFrom(from: Px, to: Px): Promise<void> {
  await page.mouse.move(from[0], from[1], { steps: 3 });
  await page.mouse.down();
  await page.mouse.move(to[0], to[1], { steps: 8 });
  await page.mouse.up();
  await page.waitForTimeout(150);
}

async function centreParcel(sizePx: number): Promise<void> {
  const before = await parcelCount(page);
  await drawWith(page, "parcel-polygon", await squareAt(page, 0, 0, sizePx));
  await expect.poll(() => parcelCount(page)).toBe(before + 1);
}

/** One undo gives back exactly `before`; one redo the edit again. */
async function expectOneUndoStep(before: Feature, after: Feature): Promise<void> {
  await page.getByTestId("undo").click();
  expect(await envelope()).toEqual(before);
  await page.getByTestId("redo").click();
  expect(await envelope()).toEqual(after);
}

const km = (px: number) => (px * METRES_PER_PX) / 1000;

describe("the envelope edited with the select tool", () => {
  it("moves a circle's centre and drags its radius, each one undo step", async () => {
    await newZone(page);
    await centreParcel(60);
    const centre = await at(-100, 0);
    await pickTool(page, "envelope-circle");
    await clickAt(page, centre);
    await typeEnvelopeSize(page, "5");
    await expect.poll(async () => (await envelope()).properties?.radiusKm).toBe(5);
    const placed = await envelope();

    await pickTool(page, "select");
    const moved = await at(-60, 20);
    await dragFrom(centre, moved);
    await expect.poll(async () => (await envelope()).geometry).not.toEqual(placed.geometry);
    const afterMove = await envelope();
    expect(afterMove.properties?.radiusKm).toBe(5);
    expect(afterMove.geometry.type).toBe("Point");
    await expectOneUndoStep(placed, afterMove);

    // The radius handle sits due east of the centre, at the radius (5 km ≈ 164 px).
    const rim: Px = [moved[0] + Math.round(5000 / METRES_PER_PX), moved[1]];
    await dragFrom(rim, [rim[0] + 60, rim[1]]);
    await expect.poll(async () => (await envelope()).properties?.radiusKm).not.toBe(5);
    const afterRadius = await envelope();
    const radiusKm = Number(afterRadius.properties?.radiusKm);
    expect(Math.abs(radiusKm - (5 + km(60))) / (5 + km(60))).toBeLessThan(0.02);
    expect(afterRadius.geometry).toEqual(afterMove.geometry);
    await expectOneUndoStep(afterMove, afterRadius);
  });

  it("moves a belt's axis vertex and its width handle, each one undo step", async () => {
    await newZone(page);
    await page.getByTestId("rule-set").selectOption("phase-3");
    await centreParcel(60);
    const a = await at(-150, -100);
    const b = await at(150, -100);
    await drawWith(page, "envelope-belt", [a, b]);
    await expect.poll(async () => (await envelope()).geometry.type).toBe("LineString");
    const drawn = await envelope();

    await pickTool(page, "select");
    await dragFrom(a, [a[0], a[1] + 40]);
    await expect.poll(async () => (await envelope()).geometry).not.toEqual(drawn.geometry);
    const afterVertex = await envelope();
    const [first, second] =
      afterVertex.geometry.type === "LineString" ? afterVertex.geometry.coordinates : [];
    const [, second0] = drawn.geometry.type === "LineString" ? drawn.geometry.coordinates : [];
    expect(second).toEqual(second0);
    expect(first).not.toEqual(
      drawn.geometry.type === "LineString" ? drawn.geometry.coordinates[0] : null,
    );
    await expectOneUndoStep(drawn, afterVertex);
    await page.getByTestId("undo").click();
    expect(await envelope()).toEqual(drawn);

    // The width handle: square off the axis's middle, the half-width (5 km) to its right (south).
    const handle: Px = [Math.round((a[0] + b[0]) / 2), a[1] + Math.round(5000 / METRES_PER_PX)];
    await dragFrom(handle, [handle[0], handle[1] - 30]);
    await expect.poll(async () => (await envelope()).properties?.halfWidthKm).not.toBe(5);
    const afterWidth = await envelope();
    const halfWidthKm = Number(afterWidth.properties?.halfWidthKm);
    expect(Math.abs(halfWidthKm - (5 - km(30))) / (5 - km(30))).toBeLessThan(0.03);
    expect(afterWidth.geometry).toEqual(drawn.geometry);
    await expectOneUndoStep(drawn, afterWidth);
  });

  it("moves a polygon envelope's vertex in one undo step; Esc cancels a drag", async () => {
    await newZone(page);
    await page.getByTestId("rule-set").selectOption("phase-3");
    await centreParcel(60);
    await drawWith(page, "envelope-polygon", await squareAt(page, 0, 0, 300));
    await expect.poll(async () => (await envelope()).geometry.type).toBe("Polygon");
    const drawn = await envelope();
    const corner = (await squareAt(page, 0, 0, 300))[0] as Px;
    const from: Px = [Math.round(corner[0]), Math.round(corner[1])];

    await pickTool(page, "select");
    // Esc during the drag: nothing changes, and the next undo is still the polygon's drawing.
    await page.mouse.move(from[0], from[1], { steps: 3 });
    await page.mouse.down();
    await page.mouse.move(from[0] - 40, from[1] - 30, { steps: 6 });
    await page.keyboard.press("Escape");
    await page.mouse.up();
    await page.waitForTimeout(150);
    expect(await envelope()).toEqual(drawn);
    expect(await page.getByTestId("tool-select").getAttribute("aria-pressed")).toBe("true");

    await dragFrom(from, [from[0] - 40, from[1] - 30]);
    await expect.poll(async () => (await envelope()).geometry).not.toEqual(drawn.geometry);
    const afterVertex = await envelope();
    const ring = afterVertex.geometry.type === "Polygon" ? afterVertex.geometry.coordinates[0] : [];
    const ring0 = drawn.geometry.type === "Polygon" ? drawn.geometry.coordinates[0] : [];
    expect(ring?.length).toBe(ring0?.length);
    expect(ring?.[0]).toEqual(ring?.[(ring?.length ?? 1) - 1]);
    expect(ring?.slice(1, -1)).toEqual(ring0?.slice(1, -1));
    await expectOneUndoStep(drawn, afterVertex);
  });

  it("keeps a drag released over the panel where the pointer last was over the map", async () => {
    const before = await envelope();
    const corner = (await squareAt(page, 0, 0, 300))[1] as Px;
    const from: Px = [Math.round(corner[0]), Math.round(corner[1])];
    await page.mouse.move(from[0], from[1], { steps: 3 });
    await page.mouse.down();
    await page.mouse.move(from[0] + 30, from[1] - 20, { steps: 6 });
    const panel = await page.getByTestId("validation-panel").boundingBox();
    if (!panel) throw new Error("no panel");
    await page.mouse.move(panel.x + 40, panel.y + 200, { steps: 6 });
    await page.mouse.up();
    await expect.poll(async () => (await envelope()).geometry).not.toEqual(before.geometry);
    const after = await envelope();
    await expectOneUndoStep(before, after);
  });

  it("removes a polygon envelope's vertex on a double click, in one undo step", async () => {
    const before = await envelope();
    const view = new URL(page.url()).hash;
    const corner = (await squareAt(page, 0, 0, 300))[2] as Px;
    await page.mouse.dblclick(Math.round(corner[0]), Math.round(corner[1]));
    await expect.poll(async () => (await envelope()).geometry).not.toEqual(before.geometry);
    const after = await envelope();
    const ring = (f: Feature) => (f.geometry.type === "Polygon" ? f.geometry.coordinates[0] : []);
    expect(ring(after)?.length).toBe((ring(before)?.length ?? 0) - 1);
    // The double click was the vertex's, not the map's zoom.
    expect(new URL(page.url()).hash).toBe(view);
    await expectOneUndoStep(before, after);
  });

  it("is described in the help panel", async () => {
    await page.getByTestId("help").click();
    const help = (await page.getByTestId("help-panel").textContent()) ?? "";
    expect(help).toContain("지정 범위 손잡이");
    expect(help).toContain("완성했을 때의 총면적");
  });

  it("logged no console errors", () => {
    expect(app.errors).toEqual([]);
  });
});
