/**
 * 법정동 codes, PNUs, JIBUN strings and 지목: the table in public/data is rebuilt byte for byte
 * from the 2020 source with the 2023–2024 changes, and a PNU reads as its 소재지.
 */
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { adminSigunguCode, type BjdTable, currentBjd, sojaeji } from "../../geo/cadastre/bjd";
import { JIMOK, jimokName } from "../../geo/cadastre/jimok";
import { jibunOf, parsePnu, splitJibun } from "../../geo/cadastre/pnu";
import { isFilingError } from "../../geo/errors";
import { adminCodeOfSigungu, sigunguCodes, sigunguCodesShort } from "../../geo/sido/admin-code";
import { adminCodesJson, bjdTableJson, buildBjdTable } from "../../scripts/cadastre/bjd-table";
import { SHARED } from "../support/paths";

const table = JSON.parse(readFileSync("public/data/bjd-codes.json", "utf8")) as BjdTable;
/** The source kept in the repo (a clone has no ../shared), and the team's copy where it exists. */
const SOURCE = "scripts/bjd/source/bjd-codes-2020.csv";
const SHARED_SOURCE = join(SHARED, "data/bjd-codes/bjd-codes-2020.csv");

describe.runIf(existsSync(SHARED_SOURCE))("scripts/bjd/source against ../shared", () => {
  it("is the team's 2020 법정동코드 table, byte for byte", () => {
    expect(readFileSync(SOURCE)).toEqual(readFileSync(SHARED_SOURCE));
  });
});

describe("public/data/bjd-codes.json", () => {
  it("is rebuilt byte for byte by scripts/build-bjd-codes.ts from scripts/bjd/source", () => {
    const csv = readFileSync(SOURCE, "utf8");
    const sigungu = JSON.parse(readFileSync("public/data/sigungu.json", "utf8"));
    const table = buildBjdTable(csv, sigungu);
    expect(bjdTableJson(table) === readFileSync("public/data/bjd-codes.json", "utf8")).toBe(true);
    const admin = readFileSync("public/data/sigungu-admin-codes.json", "utf8");
    expect(adminCodesJson(table) === admin).toBe(true);
  });

  it("applies the 2023–2024 changes: 강원 51, 전북 52, 군위군 under 대구", () => {
    expect(table.names["5100000000"]).toBe("강원특별자치도");
    expect(table.names["5200000000"]).toBe("전북특별자치도");
    expect(table.names["4200000000"]).toBeUndefined();
    expect(sojaeji(table, "5111010100")).toBe("강원특별자치도 춘천시 봉의동");
    expect(sojaeji(table, "2772025021")).toMatch(/^대구광역시 군위군 군위읍 /);
  });

  it("reads codes from before the changes as their successors", () => {
    expect(currentBjd("4211010100")).toBe("5111010100");
    expect(currentBjd("4772025021")).toBe("2772025021");
    expect(sojaeji(table, "4211010100")).toBe("강원특별자치도 춘천시 봉의동");
    expect(sojaeji(table, "4511110100")).toMatch(/^전북특별자치도 전주시 완산구 /);
  });

  it("matches every KOSTAT 시·군·구 to its 행정표준코드", () => {
    expect(adminSigunguCode(table, "38030")).toBe("48170");
    expect(adminSigunguCode(table, "37310")).toBe("27720");
    expect(adminSigunguCode(table, "23030")).toBe("28177");
    expect(adminSigunguCode(table, "29010")).toBe("36110");
    expect(Object.keys(table.kostat)).toHaveLength(250);
  });
});

describe("소재지 from a PNU", () => {
  it("names 시·도 시·군·구 읍·면·동 리", () => {
    expect(sojaeji(table, parsePnu("4817010100100120003").bjd)).toBe("경상남도 진주시 망경동");
    expect(sojaeji(table, "4817025021")).toBe("경상남도 진주시 문산읍 상문리");
    expect(sojaeji(table, "3611010100")).toBe("세종특별자치시 반곡동");
  });

  it("shows a code the table does not hold as the code", () => {
    expect(sojaeji(table, "4817099999")).toBe("4817099999");
  });
});

describe("PNU and JIBUN", () => {
  it("parses 필지 구분, 본번 and 부번", () => {
    expect(parsePnu("4817010100100120003")).toEqual({
      pnu: "4817010100100120003",
      bjd: "4817010100",
      san: false,
      bonbun: 12,
      bubun: 3,
    });
    expect(jibunOf(parsePnu("4817025021200450000"))).toBe("산45");
    expect(jibunOf(parsePnu("4817010100100120003"))).toBe("12-3");
  });

  it("refuses a PNU that is not 19 digits with 필지 구분 1 or 2", () => {
    for (const bad of ["481701010010012000", "4817010100300120003", "48170101001001200a3"]) {
      let error: unknown;
      try {
        parsePnu(bad);
      } catch (e) {
        error = e;
      }
      expect(isFilingError(error) && error.ko.includes(bad) && error.en.includes(bad)).toBe(true);
    }
  });

  it("splits the 지목 부호 off the JIBUN", () => {
    expect(splitJibun("12-3대")).toEqual({ jibun: "12-3", jimok: "대" });
    expect(splitJibun("산45임")).toEqual({ jibun: "산45", jimok: "임" });
    expect(splitJibun("7 도")).toEqual({ jibun: "7", jimok: "도" });
  });

  it("names all 28 지목", () => {
    expect(Object.keys(JIMOK)).toHaveLength(28);
    expect(jimokName("장")).toBe("공장용지");
    expect(jimokName("구")).toBe("구거");
    expect(jimokName("?")).toBe("?");
  });
});

describe("행정표준코드 beside KOSTAT's codes", () => {
  it("names 울주군 by 31710 as well as KOSTAT's 26310, so 부산 (KR-26) no longer seems to hold it", () => {
    expect(adminCodeOfSigungu("26310")).toBe("31710");
    expect(sigunguCodes("26310", "ko")).toBe("행정표준코드 31710 · 통계청 26310");
    expect(sigunguCodes("38030", "en")).toBe("admin code 48170 · KOSTAT 38030");
    expect(sigunguCodes("99999", "ko")).toBe("통계청 99999");
    // The printed report's shorter form, for long lists of 시·군·구.
    expect(sigunguCodesShort("26310", "ko")).toBe("31710 · 통계청 26310");
  });
});
