/**
 * A re-check during a drag measures only the moved parcel again (areas, ring problems, the point
 * hubs inside, the pairs it overlaps are remembered per geometry object). Whatever an earlier
 * check remembered, the report must be the one a check of fresh copies gives: nothing may leak
 * from the parcel before the move, nor from another zone sharing a parcel.
 */
import type { Polygon, Position } from "geojson";
import { describe, expect, it } from "vitest";
import { checkFiling, type Hub, indexHubs, loadRuleSet, type Zone } from "../../geo/index";
import { createGeodesicCircle, createParcel, createZone, offset } from "../support/zones";

const ruleSet = loadRuleSet("phase-1-2");
const [lon0, lat0] = [128.14, 35.17];
const centre: Position = [lon0, lat0];

/** A fresh deep copy: no object an earlier check could have remembered. */
const fresh = (zone: Zone): Zone => structuredClone(zone);

/** Point hubs on a grid around the parcels, and one area hub under the first parcel. */
function createHubs(): Hub[] {
  const hubs: Hub[] = [];
  for (let i = -20; i <= 20; i++) {
    for (let j = -20; j <= 20; j++) {
      hubs.push({
        name: `H${i},${j}`,
        type: (i + j) % 2 === 0 ? "industrial_complex" : "technopark",
        geometry: { type: "Point", coordinates: [lon0 + i * 0.002, lat0 + j * 0.002] },
        properties: {},
      } as Hub);
    }
  }
  hubs.push({
    name: "진주 산단",
    type: "industrial_complex",
    geometry: createGeodesicCircle(offset(centre, 270, 1500), 400, 24),
    properties: {},
  } as Hub);
  return hubs;
}

/** The ring with its vertex `k` (not the first) moved to `to`. */
function moveVertex(ring: Position[], k: number, to: Position): Polygon {
  return { type: "Polygon", coordinates: [ring.map((p, i) => (i === k ? to : p))] };
}

describe("a re-check after one vertex moves", () => {
  const index = indexHubs(createHubs());
  const p1 = createGeodesicCircle(offset(centre, 270, 1500), 900, 48);
  const base = createZone([
    createParcel("P1", p1),
    createParcel("P2", createGeodesicCircle(offset(centre, 90, 1500), 900, 48)),
    createParcel("P3", createGeodesicCircle(offset(centre, 0, 2500), 600, 32)),
  ]);
  const ring = p1.coordinates[0] as Position[];
  /** P1's easternmost vertex, facing P2 (the ring runs counter-clockwise from north). */
  const east = 36;

  it.each([
    ["a little", offset(ring[east] as Position, 90, 50), []],
    ["into P2 (an overlap appears)", offset(centre, 90, 1000), ["OVERLAP"]],
    ["across its own ring (it crosses itself)", offset(centre, 270, 3000), ["INVALID_GEOMETRY"]],
    ["back where it was", ring[east] as Position, []],
  ] as const)("moved %s: the report of fresh copies", (_label, to, errors) => {
    // Check the zone as it was, so every parcel's figures are remembered.
    checkFiling(base, { ruleSet, hubs: index });
    const moved: Zone = {
      ...base,
      parcels: base.parcels.map((p, i) =>
        i === 0 ? { ...p, geometry: moveVertex(ring, east, to) } : p,
      ),
    };
    const recheck = checkFiling(moved, { ruleSet, hubs: index });
    expect(recheck).toEqual(checkFiling(fresh(moved), { ruleSet, hubs: indexHubs(createHubs()) }));
    const found = recheck.findings.filter((f) => f.severity === "error").map((f) => f.code);
    expect([...new Set(found)]).toEqual(errors);
    expect(recheck.hubs.counts.total).toBeGreaterThan(0);
  });

  it("counts, for each zone, only its own parcels' hubs when two zones share a parcel", () => {
    const one = createZone([base.parcels[0] as ReturnType<typeof createParcel>]);
    const both = base;
    const a = checkFiling(one, { ruleSet, hubs: index });
    const b = checkFiling(both, { ruleSet, hubs: index });
    expect(a.hubs).toEqual(checkFiling(fresh(one), { ruleSet, hubs: index }).hubs);
    expect(b.hubs).toEqual(checkFiling(fresh(both), { ruleSet, hubs: index }).hubs);
    expect(b.hubs.counts.total).toBeGreaterThan(a.hubs.counts.total);
  });
});
