/**
 * One 시·군 closed on its own: 진주 opened, 사천 added (only 사천's layer is written to what is
 * kept, not 진주's again), a 구역 picked in each, then 사천 closed by its own button (reached by
 * the keyboard, named "사천시 지적도 닫기"): the count drops to 진주's, the map no longer draws or
 * picks 사천's 필지, the 지번 search no longer finds them, the kept store loses 사천's entry only,
 * and the 구역 are as drawn (the 사천 one keeps its geometry and PNU, and a notice says its 필지
 * is no longer open). A reload restores 진주 alone. A manifest of the earlier form (no files a
 * layer) is restored, and an add after it writes only the new layer; a manifest of no known
 * form is refused with the notice, not an error.
 */
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import type { Pilji } from "../../geo/cadastre/types";
import { type AppPage, openAppAt, waitForMap } from "./browser";
import {
  addSacheon,
  cadastrePanel,
  go,
  hashAt,
  JINJU,
  keptStoreOf,
  lotNear,
  openJinjuThenSacheon,
  pickAtCentre,
  readCadastre,
  SACHEON,
  watchKeptPuts,
} from "./cadastre-helpers";
import { clickAt, exportFiling, mapCentre, parcelCount } from "./tools-helpers";

const jinju = readCadastre(JINJU);
const sacheon = readCadastre(SACHEON);
const jinjuLot = lotNear(jinju, [128.1065, 35.18]);
const sacheonLot = lotNear(sacheon, [128.0706, 35.1245]);
const labelOf = (p: Pilji) => `${p.jibun}${p.jimok}`;

let app: AppPage;
let page: Page;

const panel = () => cadastrePanel(page);
const count = () => panel().count();
const layers = () => panel().layers();
const ready = () => panel().ready();
const notice = () => panel().notice();
const labels = () => page.locator(".pilji-label").allTextContents();
/** Each 구역 of the exported filing: its PNUs and geometry. */
const areas = async () =>
  (await exportFiling(page)).features.map((f) => ({
    pnu: (f.properties?.pnu as string[] | undefined) ?? [],
    geometry: f.geometry,
  }));

beforeAll(async () => {
  app = await openAppAt(inject("baseUrl"), hashAt(sacheonLot));
  page = app.page;
});

afterAll(async () => {
  await app?.close();
});

describe("one 시·군 closed on its own", () => {
  let before: Awaited<ReturnType<typeof areas>> = [];

  it("adds 사천 to 진주, writing only 사천's layer to what is kept", async () => {
    let jinjuKeys: string[] = [];
    let watch: Awaited<ReturnType<typeof watchKeptPuts>> | undefined;
    await openJinjuThenSacheon(page, {
      between: async () => {
        jinjuKeys = (await keptStoreOf(page)).keys;
        watch = await watchKeptPuts(page);
      },
    });
    const kept = await keptStoreOf(page);
    expect(kept.layers).toEqual(["LSMD_CONT_LDREG_48170", "LSMD_CONT_LDREG_48240"]);
    const sacheonKey = kept.keys.filter((k) => !jinjuKeys.includes(k));
    expect(sacheonKey).toHaveLength(1);
    // 진주's entry is not written again: the new layer, the tiles' index and the manifest only.
    expect((await watch?.puts())?.sort()).toEqual(
      [...sacheonKey, "manifest", "tiles-index"].sort(),
    );
  });

  it("picks a 구역 in each 시·군", async () => {
    await page.getByTestId("cadastre-pick").click();
    await pickAtCentre(page, sacheonLot);
    await expect.poll(() => parcelCount(page)).toBe(1);
    await page.getByTestId("cadastre-new").click();
    await go(page, hashAt(jinjuLot));
    await pickAtCentre(page, jinjuLot);
    await expect.poll(() => parcelCount(page)).toBe(2);
    before = await areas();
    expect(before.map((a) => a.pnu)).toEqual([[sacheonLot.pnu], [jinjuLot.pnu]]);
  });

  it("closes 사천 from the keyboard: the count, the list and the notice", async () => {
    const keysBefore = (await keptStoreOf(page)).keys;
    const close = page.getByRole("button", { name: "사천시 지적도 닫기" });
    await close.focus();
    await page.keyboard.press("Enter");
    await expect.poll(count, { timeout: 30_000 }).toMatch(/^2,738 /);
    expect(await layers()).toEqual(["48170"]);
    expect(await notice()).toContain("사천시 지적도를 닫았습니다");
    expect(await notice()).toContain("구역 1개에 든 필지 1개는 이제 열려 있지 않습니다");
    // The kept store lost 사천's entry, and only it.
    const kept = await keptStoreOf(page);
    expect(kept.layers).toEqual(["LSMD_CONT_LDREG_48170"]);
    expect(keysBefore.filter((k) => !kept.keys.includes(k))).toHaveLength(1);
    expect(kept.keys.filter((k) => !keysBefore.includes(k))).toEqual([]);
  });

  it("leaves the 구역 as drawn: geometry and PNU lists", async () => {
    await expect.poll(() => parcelCount(page)).toBe(2);
    expect(await areas()).toEqual(before);
  });

  it("no longer draws, picks or finds 사천's 필지", async () => {
    // 진주's 필지 are still labelled (the map draws the cadastre left open) ...
    await expect.poll(labels, { timeout: 20_000 }).toContain(labelOf(jinjuLot));
    // ... and where 사천's were labelled before it closed, none is now.
    await go(page, hashAt(sacheonLot));
    await page.waitForTimeout(2000);
    expect(await labels()).toEqual([]);
    // A click there finds no 필지: the 사천 구역 keeps its 필지 (a click on it would take it out).
    await clickAt(page, await mapCentre(page));
    await page.waitForTimeout(1000);
    expect((await areas()).map((a) => a.pnu)).toEqual([[sacheonLot.pnu], [jinjuLot.pnu]]);
    await page.getByTestId("cadastre-pick").click();
    // The 지번 search finds 진주's 필지, no longer 사천's.
    const input = page.getByTestId("search-input");
    await input.fill(jinjuLot.pnu);
    await expect.poll(() => page.getByTestId("search-pilji").count()).toBe(1);
    await input.fill(sacheonLot.pnu);
    await expect.poll(() => page.getByTestId("search-results").textContent()).toContain("없습니다");
    await input.fill("");
  });

  it("a reload restores 진주 alone", async () => {
    await page.reload();
    await waitForMap(page);
    await ready();
    expect(await page.getByTestId("cadastre").getAttribute("data-from")).toBe("kept");
    expect(await count()).toMatch(/^2,738 /);
    expect(await layers()).toEqual(["48170"]);
    expect(await page.getByRole("button", { name: "진주시 지적도 닫기" }).count()).toBe(1);
    // Named in English too.
    await page.getByTestId("lang-toggle").click();
    expect(await page.getByRole("button", { name: "Close 진주시 cadastre" }).count()).toBe(1);
    await page.getByTestId("lang-toggle").click();
    expect(app.errors).toEqual([]);
  });

  it("reads a manifest of the earlier form, and an add then writes only the new layer", async () => {
    const oldKey = (await keptStoreOf(page)).keys.filter((k) => k.startsWith("layer-"));
    // The earlier version named the files only together, not a layer's own.
    await editManifest(page, "strip");
    await page.reload();
    await waitForMap(page);
    await ready();
    expect(await page.getByTestId("cadastre").getAttribute("data-from")).toBe("kept");
    expect(await count()).toMatch(/^2,738 /);
    const watch = await watchKeptPuts(page);
    await addSacheon(page);
    const kept = await keptStoreOf(page);
    expect(kept.layers).toEqual(["LSMD_CONT_LDREG_48170", "LSMD_CONT_LDREG_48240"]);
    const added = kept.keys.filter((k) => k.startsWith("layer-") && !oldKey.includes(k));
    expect(added).toHaveLength(1);
    expect((await watch.puts()).sort()).toEqual([...added, "manifest", "tiles-index"].sort());
  });

  it("refuses a manifest of no form it knows, without an error, and says so", async () => {
    await editManifest(page, "garble");
    await page.reload();
    await waitForMap(page);
    await expect.poll(notice, { timeout: 30_000 }).toContain("예전 형식");
    expect(await page.getByTestId("cadastre").getAttribute("data-status")).toBe("none");
    expect((await keptStoreOf(page)).keys).toEqual([]);
    expect(app.errors).toEqual([]);
  });
});

/** The kept manifest made into the earlier version's (no files a layer), or into nonsense. */
function editManifest(p: Page, how: "strip" | "garble"): Promise<void> {
  return p.evaluate(
    (h) =>
      new Promise<void>((done, fail) => {
        const open = indexedDB.open("czd-cadastre-kept");
        open.onerror = () => fail(open.error);
        open.onsuccess = () => {
          const tx = open.result.transaction("kept", "readwrite");
          const store = tx.objectStore("kept");
          const get = store.get("manifest");
          get.onsuccess = () => {
            const m = get.result as { layers: { sources?: unknown }[] };
            if (h === "strip") for (const l of m.layers) delete l.sources;
            store.put(h === "strip" ? m : { hello: 1 }, "manifest");
          };
          tx.oncomplete = () => done();
          tx.onerror = () => fail(tx.error);
        };
      }),
    how,
  );
}
