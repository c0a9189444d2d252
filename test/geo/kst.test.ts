/**
 * Times on paper in Korea Standard Time (issue 21): the printed report said
 * "2026-12-06T11:41:36.384Z"; a reviewer in Seoul reads "2026-12-06 20:41 KST".
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { checkFiling } from "../../geo/check";
import { importZone } from "../../geo/io/registry";
import { formatKst, reportHtml } from "../../geo/report";
import { loadRuleSet } from "../../geo/rules";

describe("formatKst", () => {
  it("is UTC + 9 h to the minute, across a day's end", () => {
    expect(formatKst("2026-12-06T11:41:36.384Z")).toBe("2026-12-06 20:41 KST");
    expect(formatKst("2026-12-31T15:30:00Z")).toBe("2027-01-01 00:30 KST");
    expect(formatKst(new Date(Date.UTC(2026, 5, 30, 0, 0)))).toBe("2026-06-30 09:00 KST");
  });

  it("reads an ISO time given with another offset, and leaves a non-time as it is", () => {
    expect(formatKst("2026-12-06T20:41:00+09:00")).toBe("2026-12-06 20:41 KST");
    expect(formatKst("t")).toBe("t");
  });
});

describe("the printed report", () => {
  it("says when in KST, not in UTC ISO", async () => {
    const file = join(__dirname, "../fixtures/io/jincheon-korean.geojson");
    const zone = await importZone(readFileSync(file), "jincheon-korean.geojson");
    const ruleSet = loadRuleSet("phase-1-2");
    const report = checkFiling(zone, { ruleSet });
    const html = reportHtml({
      report,
      zone,
      ruleSet,
      fileName: "jincheon-korean.geojson",
      sha256: "0".repeat(64),
      generatedAt: "2026-12-06T11:41:36.384Z",
    });
    expect(html).toContain("2026-12-06 20:41 KST");
    expect(html).not.toContain("2026-12-06T11:41");
  });
});
