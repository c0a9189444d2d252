/** Rule sets can't pose as the published ones, and an unknown one is a message (issue 8). */
import { describe, expect, it } from "vitest";
import { checkFiling } from "../../geo/check/check";
import { reportHtml } from "../../geo/report/html";
import { formatReportText } from "../../geo/report/text";
import {
  BUILTIN_RULE_SETS,
  isBuiltinRuleSet,
  loadRuleSet,
  ruleSetById,
} from "../../geo/rules/load";
import phase12 from "../../geo/rules/phase-1-2.json";
import { errorOf } from "../support/filing";
import { createParcel, createPolygonOfArea, createZone } from "../support/zones";

const spoof = { ...phase12, areaCapKm2: 1000 };
const zone = createZone([createParcel("P1", createPolygonOfArea([127.95, 37.33], 16.29e6))]);

describe("a rules file can't pose as a built-in rule set", () => {
  it("refuses a file reusing the id phase-1-2, however it is written", () => {
    for (const id of ["phase-1-2", "PHASE-1-2 ", "ｐhase-1-2", "phase-3"]) {
      const e = errorOf(() => loadRuleSet({ ...spoof, id }));
      expect(e.code).toBe("BAD_RULES");
      expect(e.en).toContain("built-in rule set's id");
      expect(e.ko).toContain("내장 규칙 집합의 id");
    }
  });

  it("keeps the built-in verdict when a stored copy with the same id is offered", () => {
    const forged = { ...BUILTIN_RULE_SETS[0], areaCapKm2: 1000 } as (typeof BUILTIN_RULE_SETS)[0];
    const chosen = ruleSetById("phase-1-2", [forged]);
    expect(chosen.areaCapKm2).toBe(15);
    expect(checkFiling(zone, { ruleSet: chosen }).verdict).toBe("fail");
  });

  it("marks any other rule set as custom in the JSON and text reports", () => {
    const mine = loadRuleSet({ ...spoof, id: "my-rules" });
    const report = checkFiling(zone, { ruleSet: mine });
    expect(report.verdict).toBe("pass");
    expect(report.ruleSetCustom).toBe(true);
    expect(formatReportText(report, "ko")).toContain("사용자 규칙 (내장 규칙 아님)");
    expect(formatReportText(report, "en")).toContain("custom rules (not built-in)");
    const builtin = checkFiling(zone, { ruleSet: loadRuleSet("phase-1-2") });
    expect(builtin.ruleSetCustom).toBe(false);
    expect(formatReportText(builtin, "en")).not.toContain("custom");
    const html = (r: typeof report, ruleSet: typeof mine) =>
      reportHtml({
        report: r,
        zone,
        ruleSet,
        fileName: "z.geojson",
        sha256: "0",
        generatedAt: "t",
        lang: "en",
      });
    expect(html(report, { ...mine, published: true })).toContain("custom (not built-in)");
    expect(html(report, { ...mine, published: true })).not.toContain(">published<");
    expect(html(builtin, loadRuleSet("phase-1-2"))).toContain(">published<");
  });

  it("a copy of a built-in with one limit changed is not built-in", () => {
    const [builtin] = BUILTIN_RULE_SETS;
    if (!builtin) throw new Error("no built-in rule set");
    expect(isBuiltinRuleSet(JSON.parse(JSON.stringify(builtin)))).toBe(true);
    expect(isBuiltinRuleSet({ ...builtin, areaCapKm2: 15.5 })).toBe(false);
  });
});

describe("an unknown stamped rule set", () => {
  it("is a clear message naming it, not a check under other limits", () => {
    const e = errorOf(() => checkFiling(zone, { ruleSet: ruleSetById("phase-4") }));
    expect(e.code).toBe("BAD_RULES");
    expect(e.en).toContain("rule set 'phase-4' is unknown");
    expect(e.ko).toContain("'phase-4'");
  });

  it("gets the same stand-in each time, so a memoised report stays put", () => {
    expect(ruleSetById("phase-4")).toBe(ruleSetById("phase-4"));
  });
});

describe("rule-set labels are short and clean", () => {
  it("refuses an id with an escape code or of 10,000 characters", () => {
    for (const id of ["\u001b[2Jphase", "x".repeat(10_000)]) {
      const e = errorOf(() => loadRuleSet({ ...phase12, id }));
      expect(e.en).toContain(
        "field id: must be at most 100 characters, without control characters",
      );
    }
  });
});
