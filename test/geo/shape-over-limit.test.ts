/**
 * shapeOverLimit: the one rule both maps (the report's SVG, the app's scene) colour a shape red
 * by — the shape's own size over its limit, never a parcel outside it.
 */
import type { Position } from "geojson";
import { describe, expect, it } from "vitest";
import { checkFiling } from "../../geo/check";
import { mapEnvelope, reportMapSvg, SHAPE_COLOURS, shapeOverLimit } from "../../geo/report";
import { loadRuleSet } from "../../geo/rules/load";
import type { Envelope } from "../../geo/types";
import { createGeodesicCircle, createParcel, createZone, offset } from "../support/zones";

const phase3 = loadRuleSet("phase-3");
const v: Position = [128.39, 36.12];
const axis = [offset(v, 240, 15_000), v, offset(v, 120, 15_000)];
const inside = createParcel("GM-1", createGeodesicCircle(offset(v, 120, 5_000), 400));
const outside = createParcel("GM-2", createGeodesicCircle(offset(v, 30, 9_000), 400));

function over(envelope: Envelope, parcels = [inside]): boolean {
  const zone = createZone(parcels, envelope);
  const report = checkFiling(zone, { ruleSet: phase3 });
  expect(mapEnvelope(report, zone).over).toBe(shapeOverLimit(report));
  return shapeOverLimit(report);
}

describe("shapeOverLimit", () => {
  it("is true for a belt wider or longer than the rule set allows", () => {
    expect(over({ shape: "belt", axis, halfWidthKm: 6 })).toBe(true);
    const long = [offset(v, 270, 60_000), v, offset(v, 90, 60_000)];
    expect(over({ shape: "belt", axis: long, halfWidthKm: 2 })).toBe(true);
  });

  it("is false for a belt within its limits, even with a parcel outside it", () => {
    expect(over({ shape: "belt", axis, halfWidthKm: 5 })).toBe(false);
    expect(over({ shape: "belt", axis, halfWidthKm: 2 }, [inside, outside])).toBe(false);
  });

  it("is true for a given circle past the rule set's radius", () => {
    expect(over({ shape: "circle", center: v, radiusKm: 25 })).toBe(true);
    expect(over({ shape: "circle", center: v, radiusKm: 15 })).toBe(false);
  });

  it("colours the report's map from the one palette", () => {
    const zone = createZone([inside], { shape: "belt", axis, halfWidthKm: 6 });
    const svg = reportMapSvg(
      zone,
      "map",
      mapEnvelope(checkFiling(zone, { ruleSet: phase3 }), zone),
    );
    expect(svg).toContain('class="envelope over"');
    expect(svg).toContain(`.over{stroke:${SHAPE_COLOURS.over}}`);
    expect(svg).toContain(`stroke:${SHAPE_COLOURS.envelope}`);
  });
});
