/**
 * Opening cadastres around what is already drawn, and several files at once: a 구역 drawn before
 * the cadastre is opened gets its 필지 list when it opens (no undo step of its own, its geometry
 * as drawn); two neighbouring 시·군 (진주 and 사천, small synthetic fixtures in the real schema)
 * opened together are both counted, 필지 of both are picked, and the 지번 조서 lists both with
 * their own 소재지 — the very bytes `czd parcels` gives with the two files.
 */
import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Feature, FeatureCollection, Polygon } from "geojson";
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { type BjdTable, sojaeji } from "../../geo/cadastre/bjd";
import { coveredPilji, pnuProperties } from "../../geo/cadastre/parcel";
import type { Pilji } from "../../geo/cadastre/types";
import bjd from "../../public/data/bjd-codes.json";
import { runCzd } from "../support/czd";
import { type AppPage, openAppAt } from "./browser";
import {
  go as goTo,
  hashAt,
  JINJU,
  lotNear,
  pickAtCentre as pickLot,
  readCadastre,
  SACHEON,
} from "./cadastre-helpers";
import { saveDownload } from "./files";
import { drawWith, mapCentre, parcelCount } from "./tools-helpers";

const jinju = readCadastre(JINJU);
const sacheon = readCadastre(SACHEON);
const jinjuLot = lotNear(jinju, [128.1065, 35.18]);
const sacheonLot = lotNear(sacheon, [128.0706, 35.1245]);
const JINJU_VIEW = hashAt(jinjuLot);
const SACHEON_VIEW = hashAt(sacheonLot);
const place = (pnu: string) => sojaeji(bjd as BjdTable, pnu.slice(0, 10));

let app: AppPage;
let page: Page;
let dir: string;

async function exported(): Promise<FeatureCollection> {
  const saved = await saveDownload(page, dir, () => page.getByTestId("export-geojson").click());
  return JSON.parse(new TextDecoder().decode(saved.bytes)) as FeatureCollection;
}
const parcels = async () =>
  (await exported()).features.filter((f) => f.properties?.role !== "envelope");

const go = (hash: string) => goTo(page, hash);

/** A freehand 구역 drawn with the polygon tool, `dx`–`dx + 170` px across from the centre. */
async function drawBeside(dx: number, dy: number): Promise<void> {
  const [cx, cy] = await mapCentre(page);
  await drawWith(page, "parcel-polygon", [
    [cx + dx, cy + dy],
    [cx + dx + 170, cy + dy + 10],
    [cx + dx + 160, cy + dy + 150],
    [cx + dx + 10, cy + dy + 140],
  ]);
}

const pickAtCentre = (lot: Pilji) => pickLot(page, lot);

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), "czd-cadastre-files-"));
  app = await openAppAt(inject("baseUrl"), JINJU_VIEW);
  page = app.page;
});

afterAll(async () => {
  await app?.close();
});

describe("cadastres opened around what is drawn, and two at once", () => {
  it("lists the 필지 of a 구역 drawn before the cadastre was opened, without an undo step", async () => {
    await drawBeside(60, 40);
    await expect.poll(() => parcelCount(page)).toBe(1);
    const drawn = (await parcels())[0] as Feature<Polygon>;
    expect(drawn.properties?.pnu).toBeUndefined();
    expect(drawn.properties?.partialPnu).toBeUndefined();

    await page.getByTestId("import-cadastre").setInputFiles(JINJU);
    await expect
      .poll(() => page.getByTestId("cadastre-count").textContent(), { timeout: 60_000 })
      .toMatch(/^2,738 /);
    const expected = pnuProperties(coveredPilji(drawn.geometry, jinju));
    expect(expected.pnu.length).toBeGreaterThan(0);
    expect(expected.partialPnu.length).toBeGreaterThan(2);
    await expect
      .poll(async () => (await parcels())[0]?.properties?.partialPnu)
      .toEqual(expected.partialPnu);
    const listed = (await parcels())[0] as Feature<Polygon>;
    expect(listed.properties?.pnu).toEqual(expected.pnu);
    expect(listed.geometry).toEqual(drawn.geometry);
    expect(listed.properties?.name).toBe(drawn.properties?.name);

    // One undo takes back the drawing itself: the listing made no step to press through.
    await page.getByTestId("undo").click();
    await expect.poll(() => parcelCount(page)).toBe(0);
    await page.getByTestId("redo").click();
    await expect.poll(() => parcelCount(page)).toBe(1);
    const back = (await parcels())[0] as Feature<Polygon>;
    expect(back.geometry).toEqual(drawn.geometry);
    expect(back.properties?.partialPnu).toEqual(expected.partialPnu);
    await go(JINJU_VIEW);
  });

  it("opens two neighbouring 시·군 at once: both counted, a 구역 over the second listed", async () => {
    await go(SACHEON_VIEW);
    await drawBeside(-240, 40);
    await expect.poll(() => parcelCount(page)).toBe(2);
    const drawn = (await parcels())[1] as Feature<Polygon>;
    // Only 진주 is open: this 구역, in 사천, covers none of its 필지.
    await page.waitForTimeout(500);
    expect((await parcels())[1]?.properties?.pnu).toBeUndefined();

    await page.getByTestId("import-cadastre").setInputFiles([JINJU, SACHEON]);
    await expect
      .poll(() => page.getByTestId("cadastre-count").textContent(), { timeout: 60_000 })
      .toMatch(/^3,223 /);
    expect(jinju.length + sacheon.length).toBe(3223);
    const expected = pnuProperties(coveredPilji(drawn.geometry, sacheon));
    expect(expected.pnu.length + expected.partialPnu.length).toBeGreaterThan(3);
    await expect
      .poll(async () => (await parcels())[1]?.properties?.partialPnu)
      .toEqual(expected.partialPnu);
    const listed = (await parcels())[1] as Feature<Polygon>;
    expect(listed.properties?.pnu).toEqual(expected.pnu);
    expect(listed.geometry).toEqual(drawn.geometry);
    for (const x of [...expected.pnu, ...expected.partialPnu.map((q) => q.pnu)])
      expect(x.slice(0, 5)).toBe("48240");
  });

  it("picks 필지 of both files", async () => {
    await page.getByTestId("cadastre-pick").click();
    await pickAtCentre(sacheonLot);
    await expect.poll(() => parcelCount(page)).toBe(3);
    const first = (await parcels())[2];
    expect(first?.properties?.pnu).toEqual([sacheonLot.pnu]);
    await page.getByTestId("cadastre-new").click();
    await go(JINJU_VIEW);
    await pickAtCentre(jinjuLot);
    await expect.poll(() => parcelCount(page)).toBe(4);
    const second = (await parcels())[3];
    expect(second?.properties?.pnu).toEqual([jinjuLot.pnu]);
    expect(second?.properties?.name).not.toBe(first?.properties?.name);
  });

  it("lists both 시·군's 필지 in the 지번 조서 with their own 소재지, as czd parcels does", async () => {
    const filing = await saveDownload(page, dir, () => page.getByTestId("export-geojson").click());
    await page.getByTestId("export-menu").locator("summary").click();
    const joso = await saveDownload(page, dir, () => page.getByTestId("export-joso-csv").click());
    const out = join(dir, "cli.csv");
    const r = runCzd("parcels", filing.path, "--cadastre", JINJU, "--cadastre", SACHEON, "-o", out);
    expect(r.stderr).toBe("");
    expect(Buffer.from(joso.bytes).equals(readFileSync(out))).toBe(true);

    const rows = new TextDecoder()
      .decode(joso.bytes)
      .replace(/^\uFEFF/, "")
      .trimEnd()
      .split("\r\n")
      .map((line) => line.split(","));
    const fc = JSON.parse(readFileSync(filing.path, "utf8")) as FeatureCollection;
    const names = fc.features.map((f) => String(f.properties?.name));
    // Each 구역's rows name its own 시·군: the first and the 진주 pick in 진주, the others in 사천.
    const places = (i: number) =>
      new Set(rows.filter((c) => c[1] === names[i] && c[0] !== "").map((c) => c[2]?.split(" ")[1]));
    expect(places(0)).toEqual(new Set(["진주시"]));
    expect(places(1)).toEqual(new Set(["사천시"]));
    const row = (lot: Pilji, name: string | undefined) =>
      rows.find((c) => c[1] === name && c[3] === lot.jibun);
    expect(row(sacheonLot, names[2])?.[2]).toBe(place(sacheonLot.pnu));
    expect(row(jinjuLot, names[3])?.[2]).toBe(place(jinjuLot.pnu));
    expect(place(sacheonLot.pnu)).toMatch(/^경상남도 사천시 /);
    expect(place(jinjuLot.pnu)).toMatch(/^경상남도 진주시 /);
    expect(app.errors).toEqual([]);
  });
});
