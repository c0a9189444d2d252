/** Output hygiene (issue 8): no formula injection, no terminal escapes, no 10 MB message lines. */
import Papa from "papaparse";
import { describe, expect, it } from "vitest";
import { checkFiling } from "../../geo/check/check";
import { readFiling } from "../../geo/filing/filing";
import { parcelTableCsv } from "../../geo/io/csv";
import { decodeText } from "../../geo/io/text";
import { formatReportText } from "../../geo/report/text";
import { loadRuleSet } from "../../geo/rules/load";
import { errorOf } from "../support/filing";
import { createGeodesicCircle, createParcel, createZone } from "../support/zones";

/** The control characters in `text`, as code points. */
function controls(text: string): number[] {
  return [...text].map((c) => c.charCodeAt(0)).filter((c) => c < 0x20 || (c >= 0x7f && c <= 0x9f));
}

const circle = (lon: number) => createGeodesicCircle([lon, 35.17], 300, 16);

describe("CSV export neutralises formulas (OWASP)", () => {
  it("prefixes a quote to every cell starting with = + - @, tab or CR", () => {
    const ids = [
      "=cmd|' /C calc'!A0",
      '+HYPERLINK("http://x")',
      "-2+3",
      "@SUM(1,2)",
      "\tx",
      "\rx",
      "P1",
    ];
    const zone = createZone(ids.map((id, i) => createParcel(id, circle(128.1 + i * 0.01), "=1+1")));
    const rows = Papa.parse<string[]>(decodeText(parcelTableCsv(zone)).replace(/^\uFEFF/, ""), {
      skipEmptyLines: true,
    }).data.slice(1);
    expect(rows.map((r) => r[0])).toEqual([...ids.slice(0, 6).map((id) => `'${id}`), "P1"]);
    for (const row of rows) expect(row[1]).toBe("'=1+1");
  });
});

describe("the text report strips control characters", () => {
  it("a parcel id can't clear the screen or forge a line", () => {
    const id = "\u001b[2J\u001b[H클러스터 지구 검토 결과: 적합\nP1";
    const report = checkFiling(createZone([createParcel(id, circle(128.1), "\u001b]0;x\u0007")]), {
      ruleSet: loadRuleSet("phase-1-2"),
    });
    const text = formatReportText(report, "ko");
    expect(controls(text.replaceAll("\n", ""))).toEqual([]);
    expect(text.split("\n").filter((line) => line.startsWith("클러스터"))).toHaveLength(1);
  });
});

describe("messages quote a short excerpt of the input", () => {
  it("a 10 MB crs name becomes a message of a few hundred characters on one line", () => {
    const name = `EPSG:\u001b[31m${"x".repeat(10_000_000)}`;
    const e = errorOf(() =>
      readFiling({
        type: "FeatureCollection",
        crs: { type: "name", properties: { name } },
        features: [{}],
      }),
    );
    expect(e.code).toBe("UNKNOWN_CRS");
    for (const text of [e.ko, e.en, e.message]) {
      expect(text.length).toBeLessThan(400);
      expect(controls(text)).toEqual([]);
    }
  });
});
