/**
 * An import's error notice names the file once (issue 19): whether the error already names it is
 * read from its params, never from its text, and both languages come from the geo tables.
 */
import { describe, expect, it } from "vitest";
import { FilingError } from "../../geo/index";
import { failure } from "../../src/actions/imports";

describe("an import's error notice", () => {
  it("puts the file's name in front when the error doesn't name it, even if the name is in the text", () => {
    // A file saved as "CSV": both sentences hold the word, so the old test on the text
    // (e.ko.includes(name) && e.en.includes(name)) took the file for named and left it out.
    const e = new FilingError({ code: "BAD_FILE", params: { kind: "CSV_NO_ROWS" } });
    expect(failure(e, "CSV")).toEqual({
      kind: "error",
      ko: "CSV: CSV에 데이터 행이 없습니다",
      en: "CSV: The CSV has no data rows",
    });
  });

  it("doesn't name it twice: attributed by the reader, or a param of the sentence", () => {
    const inFile = new FilingError({ code: "EMPTY", params: { kind: "NO_FEATURES" } }).inFile(
      "jinju.geojson",
    );
    expect(failure(inFile, "jinju.geojson").en).toBe(
      "'jinju.geojson': The filing is empty: it has no features",
    );
    const ruleSet = new FilingError({
      code: "BAD_RULES",
      params: { kind: "ZONE_RULE_SET_UNKNOWN", id: "phase-9" },
    });
    expect(failure(ruleSet, "phase-9").ko).toMatch(/^이 지구의 규칙 집합 'phase-9'/);
  });

  it("is the same after the error has crossed a Worker as data", () => {
    const e = new FilingError({
      code: "BAD_HUBS",
      params: { kind: "HUB_ROW_INCOMPLETE", file: "hubs.csv", line: 4 },
    });
    const copy = new FilingError(structuredClone(e.data));
    expect(copy.code).toBe("BAD_HUBS");
    expect(failure(copy, "hubs.csv")).toEqual(failure(e, "hubs.csv"));
    expect(failure(copy, "hubs.csv").en).toBe(
      "hubs.csv line 4: name, type and numeric coordinates are required",
    );
  });
});
