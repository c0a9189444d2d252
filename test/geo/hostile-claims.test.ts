/**
 * Hostile files, round 2 (issue 18): nothing a file says about itself changes the verdict. A
 * named 시·도 (`czd.sido`, `--sido`) is a claim checked against the boundaries (SIDO_MISMATCH).
 * Generators with fixed seeds, and the named examples of the issue, each of which passed before.
 */
import { booleanPointInPolygon } from "@turf/boolean-point-in-polygon";
import { point } from "@turf/helpers";
import { pointToPolygonDistance } from "@turf/point-to-polygon-distance";
import fc from "fast-check";
import type { Feature, MultiPolygon, Polygon } from "geojson";
import { describe, expect, it } from "vitest";
import { checkFiling, loadRuleSet, SIDO } from "../../geo/index";
import boundaries from "../../public/data/sido.json";
import { createRect } from "../support/shapes";
import { createGeodesicCircle, createParcel, createZone } from "../support/zones";

const rules = loadRuleSet("phase-1-2");
const SIDO_FEATURES = (
  boundaries as unknown as { features: Feature<Polygon | MultiPolygon, { code: string }>[] }
).features;

function square(lon: number, lat: number, halfDeg = 0.001): Polygon {
  return {
    type: "Polygon",
    coordinates: [createRect(lon - halfDeg, lat - halfDeg, lon + halfDeg, lat + halfDeg)],
  };
}

/** The oracle, by Turf on the shipped layer: the 시·도 holding a point (null: none). */
function sidoAt(lon: number, lat: number): string | null {
  const p = point([lon, lat]);
  return SIDO_FEATURES.find((f) => booleanPointInPolygon(p, f))?.properties.code ?? null;
}

/** Distance (m) from a point to a 시·도's boundary (inside or out), by Turf. */
function toBoundaryM(lon: number, lat: number, code: string): number {
  const f = SIDO_FEATURES.find((s) => s.properties.code === code);
  return f ? Math.abs(pointToPolygonDistance(point([lon, lat]), f, { units: "meters" })) : Infinity;
}

describe("a named 시·도 is a claim (SIDO_MISMATCH)", () => {
  it("parcels wholly in 서울 stamped 경남 (KR-48) fail as 서울", () => {
    const zone = createZone(
      [createParcel("P1", square(126.978, 37.566)), createParcel("P2", square(126.99, 37.57))],
      null,
      "KR-48",
    );
    const report = checkFiling(zone, { ruleSet: rules });
    expect(report.verdict).toBe("fail");
    expect(report.sido.code).toBe("KR-11");
    expect(report.sido.claimed).toBe("KR-48");
    const codes = report.findings.map((f) => f.code);
    expect(codes).toContain("SIDO_MISMATCH");
    expect(codes).toContain("REGION_NOT_ELIGIBLE");
    const mismatch = report.findings.find((f) => f.code === "SIDO_MISMATCH");
    expect(mismatch?.severity).toBe("error");
    expect(mismatch?.message).toContain("경상남도");
    expect(mismatch?.message).toContain("서울특별시");
    expect(mismatch?.messageEn).toContain("Seoul");
  });

  it("the same claim made with --sido fails the same way", () => {
    const zone = createZone([createParcel("P1", square(126.978, 37.566))]);
    const report = checkFiling(zone, { ruleSet: rules, sido: "KR-48" });
    expect(report.sido.code).toBe("KR-11");
    expect(report.findings.find((f) => f.code === "SIDO_MISMATCH")?.message).toContain("--sido");
  });

  it("부산 parcels in a 16.5 km circle stamped 경남 fail under 부산's 10 km", () => {
    const centre = [129.075, 35.18];
    const zone = createZone(
      [createParcel("P1", square(129.075, 35.18)), createParcel("P2", square(129.06, 35.16))],
      { shape: "circle", center: centre, radiusKm: 16.5 },
      "KR-48",
    );
    const report = checkFiling(zone, { ruleSet: rules });
    expect(report.verdict).toBe("fail");
    expect(report.sido.code).toBe("KR-26");
    expect(report.envelope.limitKm).toBe(10);
    const codes = report.findings.map((f) => f.code);
    expect(codes).toContain("SIDO_MISMATCH");
    expect(codes).toContain("RADIUS");
  });

  it("a claim the boundaries agree with stands, with no finding", () => {
    const zone = createZone([createParcel("P1", square(128.1, 35.18))], null, "KR-48");
    const report = checkFiling(zone, { ruleSet: rules });
    expect(report.sido).toMatchObject({ code: "KR-48", from: "filing" });
    expect(report.sido.claimed).toBeUndefined();
    expect(report.findings.map((f) => f.code)).not.toContain("SIDO_MISMATCH");
  });

  it("land no 시·도 holds keeps the named 시·도 (new reclaimed land)", () => {
    const zone = createZone([createParcel("P1", square(126.0, 34.0))], null, "KR-46");
    const report = checkFiling(zone, { ruleSet: rules });
    expect(report.sido).toMatchObject({ code: "KR-46", from: "filing" });
    expect(report.findings.map((f) => f.code)).not.toContain("SIDO_MISMATCH");
  });

  it("generated: a claim stands within 500 m of the named 시·도 and fails far from it", () => {
    const codes = SIDO.map((s) => s.code);
    let far = 0;
    let near = 0;
    fc.assert(
      fc.property(
        fc.double({ min: 126.1, max: 129.5, noNaN: true }),
        fc.double({ min: 34.3, max: 38.4, noNaN: true }),
        fc.constantFrom(...codes),
        (lon, lat, named) => {
          const inside = sidoAt(lon, lat);
          if (inside === null || inside === named) return;
          const toNamed = toBoundaryM(lon, lat, named);
          const ownBorder = toBoundaryM(lon, lat, inside);
          // The parcel is a 200 m square (a 141 m half-diagonal): leave a margin both ways.
          const zone = createZone([createParcel("P1", square(lon, lat))], null, named);
          if (toNamed > 800 && ownBorder > 300) {
            far++;
            const report = checkFiling(zone, { ruleSet: rules });
            expect(report.sido.code).toBe(inside);
            expect(report.sido.claimed).toBe(named);
            expect(report.verdict).toBe("fail");
            expect(report.findings.map((f) => f.code)).toContain("SIDO_MISMATCH");
          } else if (toNamed < 300) {
            near++;
            const report = checkFiling(zone, { ruleSet: rules });
            expect(report.sido.code).toBe(named);
            expect(report.findings.map((f) => f.code)).not.toContain("SIDO_MISMATCH");
          }
        },
      ),
      { seed: 1818, numRuns: 100 },
    );
    expect(far).toBeGreaterThan(15);
    void near;
  });

  it("generated: a claim near a border stands (points sampled along 시·도 borders)", () => {
    // Points 100–250 m off a vertex of a 시·도 ring, named as the 시·도 of that ring.
    const rings = SIDO_FEATURES.flatMap((f) =>
      (f.geometry.type === "Polygon" ? [f.geometry.coordinates] : f.geometry.coordinates).map(
        (poly) => ({ code: f.properties.code, ring: poly[0] ?? [] }),
      ),
    ).filter((r) => r.ring.length > 50);
    let checked = 0;
    fc.assert(
      fc.property(
        fc.nat({ max: rings.length - 1 }),
        fc.nat(),
        fc.double({ min: 0, max: 2 * Math.PI, noNaN: true }),
        (r, v, angle) => {
          const { code, ring } = rings[r] ?? { code: "", ring: [] };
          const [x = 0, y = 0] = ring[v % ring.length] ?? [];
          const lon = x + 0.0015 * Math.cos(angle);
          const lat = y + 0.0012 * Math.sin(angle);
          const inside = sidoAt(lon, lat);
          if (inside === null || inside === code || toBoundaryM(lon, lat, code) > 300) return;
          checked++;
          const zone = createZone([createParcel("P1", square(lon, lat, 0.0003))], null, code);
          const report = checkFiling(zone, { ruleSet: rules });
          expect(report.sido.code).toBe(code);
          expect(report.findings.map((f) => f.code)).not.toContain("SIDO_MISMATCH");
        },
      ),
      { seed: 2121, numRuns: 120 },
    );
    expect(checked).toBeGreaterThan(10);
  });

  it("a 20 km circle of 경남 parcels near 부산 named 부산 is judged as 경남 (both ways)", () => {
    const zone = createZone(
      [createParcel("P1", createGeodesicCircle([128.1, 35.18], 300))],
      null,
      "KR-26",
    );
    const report = checkFiling(zone, { ruleSet: rules });
    expect(report.sido.code).toBe("KR-48");
    expect(report.envelope.limitKm).toBe(20);
    expect(report.findings.map((f) => f.code)).toContain("SIDO_MISMATCH");
  });
});
