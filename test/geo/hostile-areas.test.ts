/**
 * Self-crossing rings are never measured as signed sums (issue 18, FILING.md): under a reviewer's
 * rule set with `validGeometry: false`, a bow-tie of two 9 km² lobes reported 0 km² and passed.
 * The area is that of the land the rings enclose. Generators (fixed seeds) build crossed rings
 * whose land is known from simple rings measured on their own.
 */
import fc from "fast-check";
import type { Polygon, Position } from "geojson";
import { describe, expect, it } from "vitest";
import { checkFiling } from "../../geo/check/check";
import { geodesicAreaM2 } from "../../geo/measure";
import { loadRuleSet } from "../../geo/rules/load";
import phase12 from "../../geo/rules/phase-1-2.json";
import { createRect } from "../support/shapes";
import { createParcel, createZone, offset } from "../support/zones";

const lenient = loadRuleSet({ ...phase12, id: "lenient-geometry", validGeometry: false });
const strict = loadRuleSet("phase-1-2");

const poly = (...rings: Position[][]): Polygon => ({ type: "Polygon", coordinates: rings });

/**
 * A bow-tie crossing at `centre`: a1 and b1 lie on one geodesic through it, a2 and b2 on
 * another, so the ring a1 → b1 → b2 → a2 crosses itself there, and its land is the two
 * triangles (centre, b1, b2) and (centre, a2, a1), measured as simple rings.
 */
function bowTie(centre: Position, aM: number, bM: number, turnDeg: number, openDeg: number) {
  const a1 = offset(centre, turnDeg, aM);
  const a2 = offset(centre, turnDeg + openDeg, aM);
  const b1 = offset(centre, turnDeg + 180, bM);
  const b2 = offset(centre, turnDeg + 180 + openDeg, bM);
  const ring = [a1, b1, b2, a2, a1];
  const lobeA = [centre, a2, a1, centre];
  const lobeB = [centre, b1, b2, centre];
  return { ring, lobesM2: geodesicAreaM2(poly(lobeA)) + geodesicAreaM2(poly(lobeB)) };
}

/**
 * How close the land must come to the oracle: crossings are found in the lon/lat plane, where a
 * km-long geodesic edge and the chord it is cut along lie centimetres apart (tens of m² on a
 * 2 km square, about 1e-5 of it).
 */
const near = (m2: number, oracleM2: number) =>
  expect(Math.abs(m2 - oracleM2)).toBeLessThan(1 + oracleM2 * 3e-5);

describe("crossed rings measure the land they enclose", () => {
  it("the bow-tie of two 9 km² lobes is 18 km² and fails the 15 km² cap", () => {
    // The diagonals of a 6 km × 6 km box joined into one ring: two 9 km² triangles.
    const [lon, lat] = [127.95, 36.6];
    const dLon = 3000 / (111_320 * Math.cos((lat * Math.PI) / 180));
    const dLat = 3000 / 110_950;
    const crossed = [
      [lon - dLon, lat - dLat],
      [lon + dLon, lat + dLat],
      [lon - dLon, lat + dLat],
      [lon + dLon, lat - dLat],
      [lon - dLon, lat - dLat],
    ];
    const report = checkFiling(createZone([createParcel("P1", poly(crossed))]), {
      ruleSet: lenient,
    });
    // The crossed ring's two triangles: half of the 6 km × 6 km box each way = 18 km².
    expect(report.area.totalKm2).toBeGreaterThan(17.9);
    expect(report.area.totalKm2).toBeLessThan(18.1);
    expect(report.area.tm.totalKm2).toBeGreaterThan(17.9);
    expect(report.verdict).toBe("fail");
    expect(report.findings.map((f) => f.code)).toContain("AREA_CAP");
    // Under the shipped rules the same ring is INVALID_GEOMETRY, with the same area.
    const shipped = checkFiling(createZone([createParcel("P1", poly(crossed))]), {
      ruleSet: strict,
    });
    expect(shipped.findings.map((f) => f.code)).toContain("INVALID_GEOMETRY");
    expect(shipped.area.totalKm2).toBe(report.area.totalKm2);
  });

  it("generated bow-ties: the area is the sum of their lobes", () => {
    fc.assert(
      fc.property(
        fc.double({ min: 126.5, max: 129, noNaN: true }),
        fc.double({ min: 34.8, max: 37.5, noNaN: true }),
        fc.double({ min: 200, max: 3000, noNaN: true }),
        fc.double({ min: 200, max: 3000, noNaN: true }),
        fc.double({ min: 0, max: 360, noNaN: true }),
        fc.double({ min: 20, max: 160, noNaN: true }),
        (lon, lat, aM, bM, turn, open) => {
          const { ring, lobesM2 } = bowTie([lon, lat], aM, bM, turn, open);
          const report = checkFiling(createZone([createParcel("P1", poly(ring))]), {
            ruleSet: lenient,
          });
          near(report.area.totalKm2 * 1e6, lobesM2);
        },
      ),
      { seed: 1803, numRuns: 60 },
    );
  });

  it("generated: a ring wound twice, or a MultiPolygon repeating a part, counts its land once", () => {
    fc.assert(
      fc.property(
        fc.double({ min: 126.5, max: 129, noNaN: true }),
        fc.double({ min: 34.8, max: 37.5, noNaN: true }),
        fc.array(fc.double({ min: 300, max: 2000, noNaN: true }), { minLength: 3, maxLength: 9 }),
        (lon, lat, radii) => {
          const star = radii.map((r, i) => offset([lon, lat], (360 * i) / radii.length, r));
          const once = [...star, star[0] as Position];
          const landM2 = geodesicAreaM2(poly(once));
          const twice = [...star, ...star, star[0] as Position];
          for (const g of [
            poly(twice),
            { type: "MultiPolygon" as const, coordinates: [[once], [once]] },
          ]) {
            const parcel = { id: "P1", geometry: g, properties: { id: "P1" } };
            const report = checkFiling(createZone([parcel]), { ruleSet: lenient });
            near(report.area.totalKm2 * 1e6, landM2);
          }
        },
      ),
      { seed: 1804, numRuns: 40 },
    );
  });

  it("generated: a hole across its outer ring takes away only the land it shares", () => {
    fc.assert(
      fc.property(
        fc.double({ min: 0.1, max: 0.9, noNaN: true }),
        fc.double({ min: 0.1, max: 0.9, noNaN: true }),
        fc.double({ min: 0.3, max: 1.5, noNaN: true }),
        fc.double({ min: 0.3, max: 1.5, noNaN: true }),
        (fx, fy, w, h) => {
          const [x0, y0, s] = [127.5, 36.0, 0.02];
          const outer = createRect(x0, y0, x0 + s, y0 + s);
          const hx = x0 + fx * s;
          const hy = y0 + fy * s;
          const hole = createRect(hx, hy, hx + w * s, hy + h * s);
          const inside = createRect(
            hx,
            hy,
            Math.min(hx + w * s, x0 + s),
            Math.min(hy + h * s, y0 + s),
          );
          const landM2 = geodesicAreaM2(poly(outer)) - geodesicAreaM2(poly(inside));
          const report = checkFiling(createZone([createParcel("P1", poly(outer, hole))]), {
            ruleSet: lenient,
          });
          near(report.area.totalKm2 * 1e6, landM2);
        },
      ),
      { seed: 1805, numRuns: 40 },
    );
  });
});
