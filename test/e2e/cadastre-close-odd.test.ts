/**
 * Closing 시·군 files on the odd paths, as a keyboard user: 진주 and 사천 picked together, a 구역
 * picked on 사천, then 사천 closed with Enter on its ×: focus goes to the × of the file left (not
 * to <body>), the result is announced (the notice is role="alert"), and the 조서 of the 구역 now
 * naming a 필지 not open says which 구역, which PNU and where (ko/en), and the print report is
 * still made with that reason in its appendix; undo and redo after the close
 * take the 구역 away and bring it back with its list. 사천 picked again is read and
 * added (it was taken as still open, its files named by 진주's layer). Every file closed in turn
 * ends in the closed state with focus on the open button, nothing kept, a reload restoring
 * nothing, and a later open working. One layer's kept entry damaged: a reload restores the
 * other, names the damaged file in the notice, deletes its entry alone and loses nothing drawn; two files of the same 필지 picked together hold each
 * once; 닫기 from the keyboard leaves focus on the open button.
 */
import { execFileSync } from "node:child_process";
import { mkdtempSync, readdirSync, renameSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { type AppPage, openAppAt, waitForMap } from "./browser";
import {
  addSacheon,
  cadastrePanel,
  hashAt,
  JINJU,
  keptStoreOf,
  lotNear,
  openJinju,
  pickAtCentre,
  readCadastre,
  SACHEON,
} from "./cadastre-helpers";
import { exportFiling, parcelCount } from "./tools-helpers";

const sacheonLot = lotNear(readCadastre(SACHEON), [128.0706, 35.1245]);

let app: AppPage;
let page: Page;

const panel = () => cadastrePanel(page);
const count = () => panel().count();
const status = () => panel().status();
const ready = () => panel().ready();
const keptNow = () => panel().keptNow();
const notice = () => page.getByRole("alert").textContent();
/** What has focus: its accessible name or test id, or "body". */
const focused = () =>
  page.evaluate(() => {
    const el = document.activeElement;
    if (!el || el === document.body) return "body";
    return el.getAttribute("aria-label") ?? el.getAttribute("data-testid") ?? el.tagName;
  });
const pnus = async () => (await exportFiling(page)).features.map((f) => f.properties?.pnu);

beforeAll(async () => {
  app = await openAppAt(inject("baseUrl"), hashAt(sacheonLot));
  page = app.page;
});

afterAll(async () => {
  await app?.close();
});

describe("closing 시·군 files, on the odd paths", () => {
  it("opens 진주 and 사천 picked together, and picks a 구역 on 사천", async () => {
    await page.getByTestId("import-cadastre").setInputFiles([JINJU, SACHEON]);
    await ready();
    expect(await count()).toMatch(/^3,223 /);
    await keptNow();
    await page.getByTestId("cadastre-pick").click();
    await pickAtCentre(page, sacheonLot);
    await expect.poll(() => parcelCount(page)).toBe(1);
    await page.getByTestId("cadastre-pick").click();
    expect(await pnus()).toEqual([[sacheonLot.pnu]]);
  });

  it("closes 사천 with Enter: focus on 진주's ×, the result announced", async () => {
    await page.getByRole("button", { name: "사천시 지적도 닫기" }).focus();
    await page.keyboard.press("Enter");
    await expect.poll(count, { timeout: 30_000 }).toMatch(/^2,738 /);
    await expect.poll(focused).toBe("진주시 지적도 닫기");
    expect(await notice()).toContain("사천시 지적도를 닫았습니다");
    expect(await pnus()).toEqual([[sacheonLot.pnu]]);
  });

  it("undo and redo across the close: the 구역 goes and comes back with its 사천 필지", async () => {
    await page.keyboard.press("Control+z");
    await expect.poll(() => parcelCount(page)).toBe(0);
    await page.keyboard.press("Control+Shift+z");
    await expect.poll(() => parcelCount(page)).toBe(1);
    // Not listed again against the 진주 left open (which holds none of it).
    await page.waitForTimeout(1500);
    expect(await pnus()).toEqual([[sacheonLot.pnu]]);
  });

  it("the 조서 of a 구역 naming a 사천 필지 says which 구역, which PNU and where", async () => {
    await page.getByTestId("export-menu").locator("summary").click();
    await page.getByTestId("export-joso-csv").click();
    await expect.poll(notice, { timeout: 30_000 }).toContain(sacheonLot.pnu);
    const ko = (await notice()) ?? "";
    expect(ko).toMatch(/구역 1구역 \(P\d+\)의 PNU/);
    expect(ko).toContain("사천시");
    await page.getByTestId("lang-toggle").click();
    const en = (await notice()) ?? "";
    expect(en).toMatch(/Parcel 1구역 \(P\d+\) names PNU/);
    expect(en).toContain("사천시");
    await page.getByTestId("lang-toggle").click();
    await page.getByTestId("notice-close").click();
  });

  it("the print report is still made, its appendix saying why it has no 조서", async () => {
    await page.getByTestId("reviewer-mode").click();
    await page.getByTestId("review-report").waitFor({ timeout: 30_000 });
    await page.getByTestId("print-view").click();
    const sheet = page.getByTestId("print-sheet");
    await sheet.waitFor({ timeout: 30_000 });
    await expect.poll(() => sheet.textContent()).toContain("지번 조서를 만들 수 없습니다");
    expect(await sheet.textContent()).toContain(sacheonLot.pnu);
    await page.keyboard.press("Escape");
    await page.getByTestId("reviewer-mode").click();
    await page.getByTestId("import-cadastre").waitFor({ state: "attached" });
  });

  it("adds 사천 again when picked again (it is no longer open)", async () => {
    await addSacheon(page);
    expect((await keptStoreOf(page)).layers).toEqual([
      "LSMD_CONT_LDREG_48170",
      "LSMD_CONT_LDREG_48240",
    ]);
  });

  it("closes every file in turn from the keyboard: the closed state, focus on the open button, nothing kept", async () => {
    await page.getByRole("button", { name: "사천시 지적도 닫기" }).focus();
    await page.keyboard.press("Enter");
    await expect.poll(count, { timeout: 30_000 }).toMatch(/^2,738 /);
    await expect.poll(focused).toBe("진주시 지적도 닫기");
    // The last file: Enter again where focus went.
    await page.keyboard.press("Enter");
    await expect.poll(status, { timeout: 30_000 }).toBe("none");
    await expect.poll(focused).toBe("import-cadastre");
    await expect.poll(async () => (await keptStoreOf(page)).keys).toEqual([]);
    expect(await pnus()).toEqual([[sacheonLot.pnu]]);
  });

  it("a reload restores nothing, and a later open works", async () => {
    await page.reload();
    await waitForMap(page);
    await page.waitForTimeout(2000);
    expect(await status()).toBe("none");
    await openJinju(page);
    expect(app.errors).toEqual([]);
  });

  it("one layer's kept entry damaged: the other restored, the notice naming the damaged one, its entry alone deleted", async () => {
    await addSacheon(page);
    const before = (await keptStoreOf(page)).keys;
    const sacheonKey = await damageKeptLayer(page, "LSMD_CONT_LDREG_48240");
    await page.reload();
    await waitForMap(page);
    // 진주 is open again; 사천's entry could not be read, and the notice says which file to open.
    await ready();
    expect(await count()).toMatch(/^2,738 /);
    expect(await page.getByTestId("cadastre-layer").allTextContents()).toEqual(["48170"]);
    await expect.poll(notice, { timeout: 30_000 }).toContain("사천시 (LSMD_CONT_LDREG_48240)");
    expect(await notice()).toContain("다시 열어 주세요");
    await page.getByTestId("lang-toggle").click();
    expect(await notice()).toMatch(/^Cadastral map: the kept 사천시 \(LSMD_CONT_LDREG_48240\)/);
    await page.getByTestId("lang-toggle").click();
    // Only 사천's entry deleted; the manifest names 진주 alone.
    await expect
      .poll(async () => (await keptStoreOf(page)).layers)
      .toEqual(["LSMD_CONT_LDREG_48170"]);
    expect((await keptStoreOf(page)).keys).toEqual(before.filter((k) => k !== sacheonKey));
    // The 구역 keep their 필지 lists.
    expect(await pnus()).toEqual([[sacheonLot.pnu]]);
    // The next reload is clean: 진주 restored, no notice.
    await page.getByTestId("notice-close").click();
    await page.reload();
    await waitForMap(page);
    await ready();
    expect(await count()).toMatch(/^2,738 /);
    await page.waitForTimeout(500);
    expect(await page.getByRole("alert").count()).toBe(0);
    expect(app.errors).toEqual([]);
  });

  it("holds each 필지 once when two files of the same 필지 are picked together", async () => {
    // Picked onto no cadastre (with 진주 open they would be an add).
    await page.getByTestId("cadastre-close").click();
    await expect.poll(status).toBe("none");
    await page.getByTestId("import-cadastre").setInputFiles([JINJU, ...jinjuRenamed()]);
    await ready();
    expect(await count()).toMatch(/^2,738 /);
    expect(await page.getByTestId("cadastre-layer").allTextContents()).toEqual(["48170"]);
    await expect.poll(notice).toContain("두 번 들어 있어 2,738개는 한 번만 열었습니다");
  });

  it("닫기 from the keyboard leaves focus on the open button", async () => {
    await page.getByTestId("cadastre-close").focus();
    await page.keyboard.press("Enter");
    await expect.poll(status).toBe("none");
    await expect.poll(focused).toBe("import-cadastre");
  });
});

/** 진주's fixture as loose files under another layer name (the same 필지, another 시·군 code). */
function jinjuRenamed(): string[] {
  const dir = mkdtempSync(join(tmpdir(), "czd-cadastre-odd-"));
  execFileSync("unzip", ["-q", JINJU, "-d", dir]);
  return readdirSync(dir).map((f) => {
    const to = join(dir, f.replace("48170", "48171"));
    renameSync(join(dir, f), to);
    return to;
  });
}

/** Changes one byte of the kept entry of the layer named so, as a disk error would; its key. */
function damageKeptLayer(p: Page, name: string): Promise<string> {
  return p.evaluate(
    (layer) =>
      new Promise<string>((done, fail) => {
        const open = indexedDB.open("czd-cadastre-kept");
        open.onerror = () => fail(open.error);
        open.onsuccess = () => {
          const tx = open.result.transaction("kept", "readwrite");
          const store = tx.objectStore("kept");
          let key = "";
          const get = store.get("manifest");
          get.onsuccess = () => {
            const m = get.result as { layers: { name: string; key: string }[] };
            key = m.layers.find((l) => l.name === layer)?.key ?? "";
            if (!key) return fail(new Error(`no kept layer ${layer}`));
            const entry = store.get(key);
            entry.onsuccess = () => {
              const bytes = new Uint8Array(entry.result as ArrayBuffer);
              bytes[bytes.length >> 1] = (bytes[bytes.length >> 1] ?? 0) ^ 0xff;
              store.put(bytes.buffer, key);
            };
          };
          tx.oncomplete = () => done(key);
          tx.onerror = () => fail(tx.error);
        };
      }),
    name,
  );
}
