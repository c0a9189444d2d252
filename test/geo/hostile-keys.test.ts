/**
 * Keys from files are data (issue 18): hub types named like JavaScript's own properties
 * (`constructor`, `__proto__`, `toString`, `hasOwnProperty`) broke the counts (a report showed
 * `"function Object() { [native code] }": 1`); a weight of 1e308 made the proposal's sums null.
 * Generators with fixed seeds; each named example failed before.
 */
import fc from "fast-check";
import type { Feature, Point } from "geojson";
import { describe, expect, it } from "vitest";
import { checkFiling } from "../../geo/check/check";
import { indexHubs } from "../../geo/hubs";
import { readHubs } from "../../geo/io/hubs";
import { firmsFromCsvText } from "../../geo/propose";
import { firmsFromFeatures, MAX_WEIGHT } from "../../geo/propose/read";
import { loadRuleSet } from "../../geo/rules/load";
import { errorOf } from "../support/filing";
import { createRect } from "../support/shapes";
import { createParcel, createZone } from "../support/zones";

const OWN_NAMES = [
  "constructor",
  "__proto__",
  "toString",
  "hasOwnProperty",
  "valueOf",
  "isPrototypeOf",
];
const rules = loadRuleSet("phase-1-2");
const zone = createZone([
  createParcel("P1", { type: "Polygon", coordinates: [createRect(128.0, 35.1, 128.02, 35.12)] }),
]);

function hubsGeoJson(types: string[]): string {
  return JSON.stringify({
    type: "FeatureCollection",
    features: types.map((type, i) => ({
      type: "Feature",
      properties: { name: `H${i}`, type },
      geometry: { type: "Point", coordinates: [128.001 + i * 1e-4, 35.101 + (i % 50) * 1e-4] },
    })),
  });
}

describe("hub types are counted as themselves", () => {
  it("constructor, __proto__, toString and hasOwnProperty each count 1, in GeoJSON and in CSV", () => {
    const csv = `name,type,lon,lat\n${OWN_NAMES.slice(0, 4)
      .map((t, i) => `H${i},${t},${128.005 + i * 0.001},35.105`)
      .join("\n")}\n`;
    for (const hubs of [
      readHubs(hubsGeoJson(OWN_NAMES.slice(0, 4)), "h.geojson"),
      readHubs(csv, "h.csv"),
    ]) {
      expect(hubs.map((h) => h.type)).toEqual(OWN_NAMES.slice(0, 4));
      const report = checkFiling(zone, { ruleSet: rules, hubs: indexHubs(hubs) });
      const counts = JSON.parse(JSON.stringify(report.hubs.counts)) as Record<string, unknown>;
      for (const t of OWN_NAMES.slice(0, 4)) expect(counts[t]).toBe(1);
      expect(counts.total).toBe(4);
      expect(JSON.stringify(report)).not.toContain("native code");
    }
  });

  it("generated: any mix of type names counts each hub once under its own name", () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.oneof(
            fc.constantFrom(...OWN_NAMES, "technopark", "total", "total_x"),
            fc.string({ minLength: 1, maxLength: 8 }),
          ),
          {
            minLength: 1,
            maxLength: 40,
          },
        ),
        (raw) => {
          const types = raw.map((t) => t.trim()).filter((t) => t !== "");
          if (types.length === 0) return;
          if (types.includes("total")) {
            // The report keeps the hub total under "total": a type of that name is refused.
            expect(errorOf(() => readHubs(hubsGeoJson(types), "h.geojson")).en).toMatch(/'total'/);
            return;
          }
          const hubs = readHubs(hubsGeoJson(types), "h.geojson");
          const report = checkFiling(zone, { ruleSet: rules, hubs: indexHubs(hubs) });
          const counts = JSON.parse(JSON.stringify(report.hubs.counts)) as Record<string, unknown>;
          const expected = new Map<string, number>();
          for (const h of hubs) expected.set(h.type, (expected.get(h.type) ?? 0) + 1);
          for (const [t, n] of expected) expect(counts[t]).toBe(n);
          expect(counts.total).toBe(hubs.length);
          for (const v of Object.values(counts)) expect(typeof v).toBe("number");
        },
      ),
      { seed: 1851, numRuns: 100 },
    );
  });
});

function firm(weight: unknown, extra: Record<string, unknown> = {}): Feature<Point> {
  return {
    type: "Feature",
    properties: { w: weight, ...extra },
    geometry: { type: "Point", coordinates: [128.01, 35.11] },
  };
}

describe("weights from files", () => {
  it("1e308 is refused with a message naming the firm and what to do", () => {
    const e = errorOf(() => firmsFromFeatures([firm(1), firm("1e308")], { weight: "w" }));
    expect(e.en).toMatch(/Firm 2: the weight '1e308' is too large .*rescale/);
    expect(e.ko).toContain("2번째 기업");
    const csv = "name,lat,lon,w\nA,35.11,128.01,5\nB,35.11,128.01,1e308\n";
    expect(errorOf(() => firmsFromCsvText(csv, { weight: "w" })).en).toMatch(/too large/);
  });

  it("a weight column named constructor is not Object's constructor", () => {
    const e = errorOf(() => firmsFromFeatures([firm(1)], { weight: "constructor" }));
    expect(e.en).toMatch(/No weight column 'constructor'/);
  });

  it("generated: weights up to the limit sum to a finite total; past it, a message", () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.oneof(
            fc.double({ min: 0, max: MAX_WEIGHT, noNaN: true }),
            fc.constantFrom(0, 1, MAX_WEIGHT),
          ),
          {
            minLength: 1,
            maxLength: 200,
          },
        ),
        fc.oneof(
          fc.constant(null),
          fc.double({ min: MAX_WEIGHT * 1.0001, max: Number.MAX_VALUE, noNaN: true }),
        ),
        (weights, huge) => {
          const features = weights.map((w) => firm(w));
          if (huge !== null) {
            features.push(firm(huge));
            expect(errorOf(() => firmsFromFeatures(features, { weight: "w" })).code).toBe(
              "BAD_FILE",
            );
            return;
          }
          const firms = firmsFromFeatures(features, { weight: "w" });
          const total = firms.weight.reduce((a, b) => a + b, 0);
          expect(Number.isFinite(total)).toBe(true);
        },
      ),
      { seed: 1852, numRuns: 100 },
    );
  });
});
