/**
 * Islands (issue 18): the 시·도 layer holds every island the 시·군·구 layer holds, because the
 * build dissolves the one from the other (scripts/build-boundaries.ts). Before, the 시·도 layer
 * was simplified apart and dropped 260 islets the 시·군·구 layer kept: a parcel on 독도 lay in
 * 울릉군 and in no 시·도. A generator draws parcels on random parts of random 시·군·구, fixed seed.
 */
import { pointOnFeature } from "@turf/point-on-feature";
import fc from "fast-check";
import type { Feature, MultiPolygon, Polygon, Position } from "geojson";
import { describe, expect, it } from "vitest";
import { checkFiling, loadRuleSet } from "../../geo/index";
import { decideSido } from "../../geo/sido/sido";
import sigunguLayer from "../../public/data/sigungu.json";
import { createRect } from "../support/shapes";
import { createParcel, createZone } from "../support/zones";

type SigunguFeature = Feature<Polygon | MultiPolygon, { code: string; name: string; sido: string }>;
const SIGUNGU = (sigunguLayer as unknown as { features: SigunguFeature[] }).features;

/** Every part of every 시·군·구, smallest islets included. */
const PARTS = SIGUNGU.flatMap((f) =>
  (f.geometry.type === "Polygon" ? [f.geometry.coordinates] : f.geometry.coordinates).map(
    (coordinates) => ({ sido: f.properties.sido, name: f.properties.name, coordinates }),
  ),
);

function square([lon = 0, lat = 0]: Position, half: number): Polygon {
  return {
    type: "Polygon",
    coordinates: [createRect(lon - half, lat - half, lon + half, lat + half)],
  };
}

describe("one island-complete boundary source", () => {
  it("a parcel on 독도 lies in 경북 (울릉군), and passes as 경북", () => {
    const dokdo = square([131.8698, 37.2398], 0.0002); // 동도
    expect(decideSido([dokdo]).code).toBe("KR-47");
    const report = checkFiling(createZone([createParcel("P1", dokdo)]), {
      ruleSet: loadRuleSet("phase-1-2"),
    });
    expect(report.sido.code).toBe("KR-47");
    expect(report.findings.map((f) => f.code)).not.toContain("REGION_NOT_ELIGIBLE");
  });

  it("generated: a parcel inside any part of any 시·군·구 lies in that 시·군·구's 시·도", () => {
    const islets = PARTS.filter((p) => (p.coordinates[0]?.length ?? 0) < 12).length;
    expect(islets).toBeGreaterThan(100);
    fc.assert(
      fc.property(fc.nat({ max: PARTS.length - 1 }), (i) => {
        const part = PARTS[i];
        if (!part) return;
        const inside = pointOnFeature({ type: "Polygon", coordinates: part.coordinates });
        const parcel = square(inside.geometry.coordinates, 0.00002);
        const { code, shares } = decideSido([parcel]);
        expect({ part: `${part.name} #${i}`, code }).toEqual({
          part: `${part.name} #${i}`,
          code: part.sido,
        });
        expect(shares[0]?.code).toBe(part.sido);
      }),
      { seed: 1918, numRuns: 400 },
    );
  });
});
