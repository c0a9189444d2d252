/**
 * zoneFigures, the figures the app shows while a shape is drawn, are checkFiling's own: the same
 * area total, cap and envelope section for every example, a belt and a zone of piled parcels
 * (where the overlap search, which zoneFigures leaves out, is what a full check spends its time on).
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { checkFiling, zoneFigures } from "../../geo/check";
import { readFiling } from "../../geo/filing";
import { loadRuleSet, ruleSetById } from "../../geo/rules/load";
import type { Zone } from "../../geo/types";
import { EXAMPLES } from "../support/paths";
import { createPolygon, createRect } from "../support/shapes";
import { createParcel, createZone } from "../support/zones";

const phase12 = loadRuleSet("phase-1-2");
const phase3 = loadRuleSet("phase-3");

function expectSameFigures(zone: Zone, ruleSet = phase12): void {
  const report = checkFiling(zone, { ruleSet });
  expect(zoneFigures(zone, { ruleSet })).toEqual({
    totalKm2: report.area.totalKm2,
    capKm2: report.area.capKm2,
    envelope: report.envelope,
  });
}

describe("zoneFigures", () => {
  it.each([
    "busan-radius-over.geojson",
    "jincheon-cap-15003.geojson",
    "jinju-epsg5179.geojson",
    "jinju-two-parcels.geojson",
  ])("gives checkFiling's figures for %s", (file) => {
    expectSameFigures(readFiling(readFileSync(join(EXAMPLES, file), "utf8")));
  });

  it("gives checkFiling's figures for a zone of piled parcels, overlaps and all", () => {
    const piled = Array.from({ length: 12 }, (_, i) =>
      createParcel(`P${i + 1}`, createPolygon(createRect(127.5 + i * 1e-4, 36.6, 127.52, 36.62))),
    );
    const zone = createZone(piled);
    expect(checkFiling(zone, { ruleSet: phase12 }).findings.map((f) => f.code)).toContain(
      "OVERLAP",
    );
    expectSameFigures(zone);
  });

  it("gives checkFiling's figures for a belt under phase 3", () => {
    const zone: Zone = {
      ...createZone([createParcel("P1", createPolygon(createRect(127.4, 36.8, 127.42, 36.82)))]),
      envelope: {
        shape: "belt",
        axis: [
          [127.3, 36.7],
          [127.6, 36.9],
        ],
        halfWidthKm: 4,
      },
    };
    expectSameFigures(zone, phase3);
  });

  it("refuses a rule set the checker refuses", () => {
    // The stand-in the app keeps for a stamp nobody knows (issue 8): refused, as checkFiling does.
    const unknown = ruleSetById("phase-4");
    expect(() => checkFiling(createZone([]), { ruleSet: unknown })).toThrow(/phase-4/);
    expect(() => zoneFigures(createZone([]), { ruleSet: unknown })).toThrow(/phase-4/);
  });
});
