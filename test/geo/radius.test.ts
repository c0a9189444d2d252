import { describe, expect, it } from "vitest";
import { isMetroSido, loadRuleSet, radiusLimitKm } from "../../geo/index";

describe("radiusLimitKm", () => {
  const rules = loadRuleSet("phase-1-2");

  it("gives a 광역시 of the rule set its metro radius, and any other 시·도 the general one", () => {
    expect(isMetroSido(rules, "KR-26")).toBe(true);
    expect(radiusLimitKm(rules, "KR-26")).toBe(10);
    expect(isMetroSido(rules, "KR-48")).toBe(false);
    expect(radiusLimitKm(rules, "KR-48")).toBe(20);
  });

  it("gives a zone in no 시·도 the general radius, and follows a rule set's own list", () => {
    expect(radiusLimitKm(rules, null)).toBe(20);
    const own = {
      ...rules,
      envelope: {
        ...rules.envelope,
        circle: { radiusKm: 25, metroRadiusKm: 12, metroSido: ["KR-48"] },
      },
    };
    expect(radiusLimitKm(own, "KR-48")).toBe(12);
    expect(radiusLimitKm(own, "KR-26")).toBe(25);
  });
});
