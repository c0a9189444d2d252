import { describe, expect, it } from "vitest";
import { BUILTIN_RULE_SETS, FilingError, loadRuleSet } from "../../geo/index";

const createRules = (overrides: Record<string, unknown> = {}) => ({
  id: "my-rules",
  version: "2026-11",
  areaCapKm2: 16,
  envelope: {
    shapes: ["circle"],
    circle: { radiusKm: 20, metroRadiusKm: 10, metroSido: ["KR-26"] },
  },
  ...overrides,
});

describe("rule sets", () => {
  it("ship phase-1-2 and phase-3 with FILING.md's defaults", () => {
    expect(BUILTIN_RULE_SETS.map((r) => r.id)).toEqual(["phase-1-2", "phase-3"]);
    const p3 = loadRuleSet("phase-3");
    expect(p3.published).toBe(false);
    expect(p3.envelope.belt).toEqual({ axisLengthKm: 100, halfWidthKm: 5 });
    expect(p3.envelope.polygon?.areaKm2).toBeCloseTo(Math.PI * 400, 0);
    expect(loadRuleSet("phase-1-2").envelope.circle.metroSido).toEqual([
      "KR-26",
      "KR-27",
      "KR-29",
      "KR-30",
      "KR-31",
    ]);
  });

  it("load a reviewer's own rules from JSON text or an object", () => {
    expect(loadRuleSet(JSON.stringify(createRules())).areaCapKm2).toBe(16);
    expect(loadRuleSet(createRules()).parcelsInsideEnvelope).toBe(true);
  });

  it.each([
    ["a negative cap", createRules({ areaCapKm2: -1 }), "areaCapKm2"],
    [
      "an unknown shape",
      createRules({ envelope: { shapes: ["hexagon"], circle: {} } }),
      "envelope.shapes",
    ],
    [
      "belt without limits",
      createRules({ envelope: { shapes: ["belt"], circle: { radiusKm: 20, metroRadiusKm: 10 } } }),
      "envelope.belt",
    ],
    ["no id", createRules({ id: "" }), "id"],
  ])("refuse %s with a message naming the field", (_label, rules, field) => {
    try {
      loadRuleSet(rules);
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(FilingError);
      expect((e as FilingError).code).toBe("BAD_RULES");
      expect((e as FilingError).ko).toContain(field);
      expect((e as FilingError).en).toContain(field);
    }
  });

  it("refuse an unknown rule set id", () => {
    expect(() => loadRuleSet("phase-9")).toThrow(/Unknown rule set "phase-9"/);
  });
});
