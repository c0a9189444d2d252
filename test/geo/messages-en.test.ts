/**
 * English sentences in English words (issue 11): a zone across two 시·도 names them by their
 * English names, and no finding of the examples has Hangul in its English sentence.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { checkFiling, loadRuleSet, readFiling } from "../../geo/index";
import { EXAMPLES } from "../support/paths";
import { createGeodesicCircle, createParcel, createZone } from "../support/zones";

const phase12 = loadRuleSet("phase-1-2");

describe("English findings", () => {
  it("name the 시·도 a zone spans in English", () => {
    const zone = createZone([
      createParcel("P1", createGeodesicCircle([128.6014, 35.8714], 300)),
      createParcel("P2", createGeodesicCircle([128.74, 35.82], 600)),
    ]);
    const span = checkFiling(zone, { ruleSet: phase12 }).findings.find(
      (f) => f.code === "SIDO_SPAN",
    );
    expect(span?.message).toMatch(/경상북도 .*㎢, 대구광역시 /);
    expect(span?.messageEn).toMatch(/^The zone spans more than one province: Gyeongsangbuk-do /);
    expect(span?.messageEn).not.toMatch(/[가-힣]/);
  });

  it.each(["busan-radius-over.geojson", "jincheon-cap-15003.geojson"])(
    "%s: every English sentence is free of Hangul",
    (file) => {
      const zone = readFiling(readFileSync(join(EXAMPLES, file), "utf8"));
      for (const f of checkFiling(zone, { ruleSet: phase12 }).findings)
        expect(f.messageEn).not.toMatch(/[가-힣]/);
    },
  );
});
