/**
 * The 지번 조서 of a 구역 naming a 필지 the cadastre does not hold (its 시·군's file closed, or
 * never opened): one line, in Korean and English, naming the 구역 as the planner sees it (its
 * name, with its id) and the PNU, and where that 필지 lies (소재지 from the PNU), so the planner
 * knows which 시·군's file to open again. The print report's appendix says the same in place of
 * the table (escaped), rather than the whole report failing.
 */
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { type BjdTable, buildJoso, cadastreIndex, josoAppendixOf } from "../../geo/cadastre";
import { errorText, importZone, isFilingError } from "../../geo/index";
import { openCadastre, readPilji } from "../../geo/io/lsmd-read";
import bjd from "../../public/data/bjd-codes.json";

const read = (path: string) => {
  const l = openCadastre([{ name: "c.zip", bytes: readFileSync(path) }])[0];
  if (!l) throw new Error(`no layer in ${path}`);
  return [...readPilji(l)];
};
const jinju = read("test/fixtures/cadastre/LSMD_CONT_LDREG_48170.zip");
const sacheon = read("test/fixtures/cadastre/LSMD_CONT_LDREG_48240.zip");
const lot = sacheon[0];
if (!lot) throw new Error("empty fixture");

const filingNaming = (name: string) => ({
  type: "FeatureCollection",
  features: [
    {
      type: "Feature",
      id: "P2",
      properties: { name, pnu: [lot.pnu] },
      geometry: lot.geometry,
    },
  ],
});

describe("a 구역 naming a 필지 of a 시·군 not open", () => {
  it("gives the print report an appendix saying why there is no 조서, not a failure", async () => {
    const bytes = new TextEncoder().encode(JSON.stringify(filingNaming("<b>사천</b> 구역")));
    const zone = await importZone(bytes, "z.geojson");
    for (const lang of ["ko", "en"] as const) {
      const html = josoAppendixOf(zone, cadastreIndex(jinju), bjd as BjdTable, lang);
      expect(html).toContain(lot.pnu);
      expect(html).toContain("사천시");
      // The 구역's name as written, escaped (the report is HTML), with its id.
      expect(html).toContain("&#60;b&#62;사천&#60;/b&#62; 구역 (P2)");
      expect(html).not.toContain("<b>");
      expect(html).not.toContain("<table");
    }
    expect(josoAppendixOf(zone, cadastreIndex(jinju), bjd as BjdTable, "ko")).toContain(
      "지번 조서를 만들 수 없습니다",
    );
    // With the 필지 open, the table as before.
    const both = cadastreIndex([...jinju, ...sacheon]);
    expect(josoAppendixOf(zone, both, bjd as BjdTable, "ko")).toContain('<table class="joso">');
  });

  it("names the 구역, the PNU and its 시·군, in one line each language", async () => {
    const filing = {
      type: "FeatureCollection",
      features: [
        {
          type: "Feature",
          id: "P2",
          properties: { name: "사천 구역", pnu: [lot.pnu] },
          geometry: lot.geometry,
        },
      ],
    };
    const zone = await importZone(new TextEncoder().encode(JSON.stringify(filing)), "z.geojson");
    let err: unknown;
    try {
      buildJoso(zone, cadastreIndex(jinju), bjd as BjdTable);
    } catch (e) {
      err = e;
    }
    if (!isFilingError(err)) throw new Error(`expected a FilingError, got ${String(err)}`);
    const ko = errorText(err.data, "ko");
    const en = errorText(err.data, "en");
    for (const text of [ko, en]) {
      expect(text.split("\n")).toHaveLength(1);
      expect(text).toContain("사천 구역");
      expect(text).toContain(lot.pnu);
      expect(text).toContain("사천시");
    }
    expect(ko).toContain(`PNU ${lot.pnu}가 연속지적도에 없습니다`);
  });
});
