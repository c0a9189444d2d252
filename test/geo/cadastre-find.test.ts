/**
 * 지번 search among the open 필지 (geo/cadastre/find.ts, issue 21): 읍·면·동 + 지번, 산 지번,
 * 본번-부번, and a 19-digit PNU find the 필지 of the fixture cadastre; a 지번 in another 동 or
 * one the file lacks finds nothing.
 */
import { readFileSync } from "node:fs";
import JSZip from "jszip";
import { beforeAll, describe, expect, it } from "vitest";
import type { BjdTable } from "../../geo/cadastre/bjd";
import { findPilji, looksLikeJibun, parseJibunQuery } from "../../geo/cadastre/find";
import type { Pilji } from "../../geo/cadastre/types";
import { openCadastre, readPilji } from "../../geo/io/lsmd-read";
import bjdCodes from "../../public/data/bjd-codes.json";

const FIXTURE = "test/fixtures/cadastre/LSMD_CONT_LDREG_48170.zip";
const bjd = bjdCodes as BjdTable;
let all: Pilji[] = [];

beforeAll(async () => {
  const zip = await JSZip.loadAsync(readFileSync(FIXTURE));
  const parts = await Promise.all(
    Object.values(zip.files).map(async (f) => ({
      name: f.name,
      bytes: await f.async("uint8array"),
    })),
  );
  all = openCadastre(parts).flatMap((l) => [...readPilji(l)]);
});

describe("지번 search", () => {
  it("reads what a planner types", () => {
    expect(parseJibunQuery("충무공동 123")).toEqual({
      words: ["충무공동"],
      san: false,
      bonbun: 123,
      bubun: null,
    });
    expect(parseJibunQuery("산 12-3")).toEqual({ words: [], san: true, bonbun: 12, bubun: 3 });
    expect(parseJibunQuery("문산읍 삼곡리 산12-3번지")?.words).toEqual(["문산읍", "삼곡리"]);
    expect(parseJibunQuery("진주시")).toBeNull();
    expect(looksLikeJibun("4817011900100030000")).toBe(true);
    expect(looksLikeJibun("진주")).toBe(false);
  });

  it("finds 동 + 지번, 산 지번, 본번-부번 and a PNU", () => {
    expect(findPilji("상대동 12", all, bjd).map((h) => h.label)).toEqual([
      "경상남도 진주시 상대동 12답",
    ]);
    expect(findPilji("상대동 산 1", all, bjd).map((h) => h.pnu)).toEqual(["4817011900200010000"]);
    const sub = all.find((p) => p.pnu.slice(15) !== "0000");
    if (!sub) throw new Error("the fixture has no 부번");
    const [hit] = findPilji(
      `${Number(sub.pnu.slice(11, 15))}-${Number(sub.pnu.slice(15))}`,
      all,
      bjd,
    );
    expect(all.filter((p) => p.pnu === hit?.pnu)).toHaveLength(1);
    expect(hit?.pnu.slice(11)).toBe(sub.pnu.slice(11));
    const [byPnu] = findPilji("4817011900100030000", all, bjd);
    expect(byPnu?.label).toBe("경상남도 진주시 상대동 3답");
    const [w, s, e, n] = byPnu?.bbox ?? [0, 0, 0, 0];
    expect(w).toBeLessThan(e);
    expect(s).toBeLessThan(n);
    expect(w).toBeGreaterThan(127.9);
  });

  it("finds nothing for a 지번 of another 동 or one the file lacks", () => {
    // The fixture has 충무공동 and 상대동, no 문산읍: a 동 narrows, never widens.
    expect(findPilji("문산읍 12", all, bjd)).toEqual([]);
    const chungmu = findPilji("충무공동 12", all, bjd);
    expect(chungmu.every((h) => h.label.includes(" 충무공동 "))).toBe(true);
    expect(findPilji("상대동 9999", all, bjd)).toEqual([]);
    expect(findPilji("4817011900199990000", all, bjd)).toEqual([]);
  });
});
