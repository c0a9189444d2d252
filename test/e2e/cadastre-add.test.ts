/**
 * A neighbouring 시·군 added to the cadastre open: 진주 opened, then 사천 picked later is added
 * to it (not put in its place): the count is the sum, the panel lists both files, 필지 of both
 * are picked (the map's tiles show the added 필지), a reload restores both, and 진주 picked
 * again — the same file, or a copy under another name — adds nothing twice.
 */
import { copyFileSync, mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { type AppPage, openAppAt, waitForMap } from "./browser";
import {
  cadastrePanel,
  go,
  hashAt,
  JINJU,
  lotNear,
  openJinjuThenSacheon,
  pickAtCentre,
  readCadastre,
  SACHEON,
} from "./cadastre-helpers";
import { exportFiling, parcelCount } from "./tools-helpers";

const jinju = readCadastre(JINJU);
const sacheon = readCadastre(SACHEON);
const jinjuLot = lotNear(jinju, [128.1065, 35.18]);
const sacheonLot = lotNear(sacheon, [128.0706, 35.1245]);
/** Another 사천 lot, picked after the reload. */
const sacheonNext = lotNear(
  sacheon.filter((p) => p.pnu !== sacheonLot.pnu),
  [128.0706, 35.1245],
);

let app: AppPage;
let page: Page;

const panel = () => cadastrePanel(page);
const count = () => panel().count();
const layers = () => panel().layers();
const ready = () => panel().ready();
const keptNow = () => panel().keptNow();
const notice = () => panel().notice();
/** Every PNU the exported filing's 구역 list. */
const pickedPnus = async () =>
  (await exportFiling(page)).features.flatMap((f) => (f.properties?.pnu as string[]) ?? []);
/** The layers the kept manifest names. */
const keptLayers = () =>
  page.evaluate(
    () =>
      new Promise<string[]>((done, fail) => {
        const open = indexedDB.open("czd-cadastre-kept");
        open.onerror = () => fail(open.error);
        open.onsuccess = () => {
          const req = open.result.transaction("kept").objectStore("kept").get("manifest");
          req.onsuccess = () =>
            done(((req.result?.layers ?? []) as { name: string }[]).map((l) => l.name));
          req.onerror = () => fail(req.error);
        };
      }),
  );

beforeAll(async () => {
  app = await openAppAt(inject("baseUrl"), hashAt(sacheonLot));
  page = app.page;
});

afterAll(async () => {
  await app?.close();
});

describe("a neighbouring 시·군 added to the cadastre open", () => {
  it("adds 사천 picked after 진주: the sum, both files listed, with a notice", async () => {
    await openJinjuThenSacheon(page, {
      between: async () => expect(await layers()).toEqual(["48170"]),
      added: async () => {
        expect(jinju.length + sacheon.length).toBe(3223);
        expect(await layers()).toEqual(["48170", "48240"]);
        expect(await notice()).toContain("485개를 더했습니다");
      },
    });
  });

  it("picks 필지 of both: the added 필지 are drawn and found", async () => {
    await page.getByTestId("cadastre-pick").click();
    // The map fetched its tiles again: the 사천 lot is labelled and picked.
    await pickAtCentre(page, sacheonLot);
    await expect.poll(() => parcelCount(page)).toBe(1);
    await page.getByTestId("cadastre-new").click();
    await go(page, hashAt(jinjuLot));
    await pickAtCentre(page, jinjuLot);
    await expect.poll(() => parcelCount(page)).toBe(2);
    expect((await pickedPnus()).sort()).toEqual([jinjuLot.pnu, sacheonLot.pnu].sort());
    await page.getByTestId("cadastre-pick").click();
  });

  it("does not double 진주 picked again, the same file or a copy", async () => {
    await page.getByTestId("import-cadastre").setInputFiles(JINJU);
    await expect.poll(notice).toContain("두 번 넣지 않았습니다");
    await ready();
    expect(await count()).toMatch(/^3,223 /);
    expect(await layers()).toEqual(["48170", "48240"]);

    // Another name, so not known as the file open: read, and every 필지 found already open.
    const copy = join(mkdtempSync(join(tmpdir(), "czd-cadastre-add-")), "진주-사본.zip");
    copyFileSync(JINJU, copy);
    await page.getByTestId("notice-close").click();
    await page.getByTestId("import-cadastre").setInputFiles([copy, SACHEON]);
    await expect.poll(notice, { timeout: 60_000 }).toContain("두 번 넣지 않았습니다");
    await ready();
    expect(await count()).toMatch(/^3,223 /);
    expect(await layers()).toEqual(["48170", "48240"]);
  });

  it("keeps both layers, and a reload restores both", async () => {
    await keptNow();
    await expect.poll(keptLayers).toEqual(["LSMD_CONT_LDREG_48170", "LSMD_CONT_LDREG_48240"]);
    await page.reload();
    await waitForMap(page);
    await ready();
    expect(await page.getByTestId("cadastre").getAttribute("data-from")).toBe("kept");
    expect(await count()).toMatch(/^3,223 /);
    expect(await layers()).toEqual(["48170", "48240"]);
    // 필지 of the added file are picked from the restored cadastre too.
    await page.getByTestId("cadastre-pick").click();
    await page.getByTestId("cadastre-new").click();
    await go(page, hashAt(sacheonNext));
    await pickAtCentre(page, sacheonNext);
    await expect.poll(() => parcelCount(page)).toBe(3);
    expect((await pickedPnus()).sort()).toEqual(
      [jinjuLot.pnu, sacheonLot.pnu, sacheonNext.pnu].sort(),
    );
    expect(app.errors).toEqual([]);
  });
});
