/**
 * Hub coordinates and CRS options get the plausibility checks filings get (issue 18): degrees
 * given under `--hubs-crs EPSG:5186` put hubs hundreds of km off silently, and `--crs EPSG:4326`
 * was taken as the planar method ("planar 0 km²"). Generators with fixed seeds.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { checkFiling } from "../../geo/check/check";
import { readHubs } from "../../geo/io/hubs";
import { fromLonLat, SUPPORTED_CRS, tmPlanes } from "../../geo/measure";
import { loadRuleSet } from "../../geo/rules/load";
import { errorOf } from "../support/filing";
import { expectHonest, runCli, tempFile } from "../support/fuzz";
import { createGeodesicCircle, createParcel, createZone } from "../support/zones";

const PROJECTED = SUPPORTED_CRS.filter((c) => c !== "EPSG:4326");
const TM = tmPlanes().map((p) => p.crs);
const rules = loadRuleSet("phase-1-2");
const zone = createZone([createParcel("P1", createGeodesicCircle([128.1, 35.18], 800))]);

describe("hub coordinates", () => {
  it("degrees under --hubs-crs EPSG:5186 are refused, naming the file, line and values", async () => {
    const csv = tempFile("hubs.csv", "name,type,x,y\n진주,technopark,128.1,35.18\n");
    const filing = tempFile(
      "z.geojson",
      JSON.stringify({
        type: "FeatureCollection",
        features: [
          {
            type: "Feature",
            properties: { id: "P1" },
            geometry: createGeodesicCircle([128.1, 35.18], 800),
          },
        ],
      }),
    );
    const run = await runCli(["check", filing, "--hubs", csv, "--hubs-crs", "EPSG:5186"]);
    expectHonest(run);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/hubs\.csv 2행: x,y \(128\.1, 35\.18\)/);
    expect(run.stderr).toContain("look like degrees");
  });

  it("generated: degrees in x,y under any projected CRS are refused; that CRS's own metres are read", () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...PROJECTED),
        fc.double({ min: 125, max: 130, noNaN: true }),
        fc.double({ min: 33.5, max: 38.5, noNaN: true }),
        (crs, lon, lat) => {
          const degrees = `name,type,x,y\nH,technopark,${lon},${lat}\n`;
          expect(errorOf(() => readHubs(degrees, "h.csv", { crs })).en).toMatch(
            /h\.csv line 2: .*look like degrees/,
          );
          const [x, y] = fromLonLat(crs)([lon, lat]);
          const metres = `name,type,x,y\nH,technopark,${x},${y}\n`;
          const [hub] = readHubs(metres, "h.csv", { crs });
          const [hx = 0, hy = 0] = hub?.geometry.type === "Point" ? hub.geometry.coordinates : [];
          expect(Math.abs(hx - lon) + Math.abs(hy - lat)).toBeLessThan(1e-6);
        },
      ),
      { seed: 1810, numRuns: 80 },
    );
  });

  it("a GeoJSON hub file in degrees with a TM crs member is refused too", () => {
    const text = JSON.stringify({
      type: "FeatureCollection",
      crs: { type: "name", properties: { name: "urn:ogc:def:crs:EPSG::5186" } },
      features: [
        {
          type: "Feature",
          properties: { name: "H", type: "technopark" },
          geometry: { type: "Point", coordinates: [128.1, 35.18] },
        },
      ],
    });
    expect(errorOf(() => readHubs(text, "h.geojson")).en).toMatch(/look like degrees/);
  });
});

describe("the planar-area CRS", () => {
  it("EPSG:4326 is not a planar method: refused with a message, not 'planar 0 km²'", () => {
    const e = errorOf(() => checkFiling(zone, { ruleSet: rules, tmCrs: "EPSG:4326" }));
    expect(e.code).toBe("UNKNOWN_CRS");
    expect(e.en).toMatch(/EPSG:4326 is not a Korean TM plane/);
  });

  it("generated: every TM plane is accepted and gives a planar area near the ellipsoidal one; anything else is refused", () => {
    fc.assert(
      fc.property(
        fc.oneof(fc.constantFrom(...SUPPORTED_CRS), fc.string({ maxLength: 12 })),
        (crs) => {
          if (TM.includes(crs)) {
            const r = checkFiling(zone, { ruleSet: rules, tmCrs: crs });
            expect(Math.abs(r.area.tm.totalKm2 / r.area.totalKm2 - 1)).toBeLessThan(0.01);
          } else {
            expect(errorOf(() => checkFiling(zone, { ruleSet: rules, tmCrs: crs })).code).toBe(
              "UNKNOWN_CRS",
            );
          }
        },
      ),
      { seed: 1811, numRuns: 60 },
    );
  });
});
