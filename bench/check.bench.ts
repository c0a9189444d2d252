/**
 * `npm run bench`: checkFiling (hub index built once) against a plain Turf loop on the same data,
 * 20 parcels × 256 vertices and 100,000 point hubs. Exits 1 if the two disagree on any count.
 */
import { area, featureCollection, point, pointsWithinPolygon } from "@turf/turf";
import { beltReachM, parcelPositions, parcelRings } from "../geo/envelope";
import { countHubs, indexHubs } from "../geo/hubs";
import { checkFiling, loadRuleSet } from "../geo/index";
import type { Zone } from "../geo/types";
import { CENTER, createHubs, createParcels, createRandom } from "./data";
import { medianMs } from "./timing";

const random = createRandom(20180214);
const parcels = createParcels(random);
const hubs = createHubs(random);
const zone: Zone = {
  parcels: parcels.map((geometry, i) => ({ id: `P${i + 1}`, geometry, properties: {} })),
  envelope: null,
  meta: {},
  sourceCrs: "EPSG:4326",
};
const ruleSet = loadRuleSet("phase-1-2");
/** The same parcels in a 5 km belt whose axis bends twice across the grid (Phase 3). */
const beltZone: Zone = {
  ...zone,
  envelope: {
    shape: "belt",
    axis: [
      [CENTER[0] - 0.05, CENTER[1] - 0.04],
      [CENTER[0] - 0.01, CENTER[1] + 0.01],
      [CENTER[0] + 0.02, CENTER[1] - 0.005],
      [CENTER[0] + 0.06, CENTER[1] + 0.03],
    ],
    halfWidthKm: 5,
  },
};
const phase3 = loadRuleSet("phase-3");
const beltAxis = beltZone.envelope?.shape === "belt" ? beltZone.envelope.axis : [];
/** The same parcels' positions, each its own one-position ring: the reach at the vertices alone. */
const vertexRings = parcels.map((g) => parcelPositions([g]).map((p) => [p]));

const buildMs = medianMs(() => indexHubs(hubs), 5, 1);
const index = indexHubs(hubs);
const countMs = medianMs(() => countHubs(index, parcels), 500, 200);
const checkMs = medianMs(
  () => checkFiling(zone, { ruleSet, hubs: index, tmCrs: "EPSG:5186" }),
  300,
  50,
);
/**
 * A drag's re-check: one vertex of the first parcel moved (a new geometry object, as every edit
 * makes), the other 19 parcels the same objects, so only the moved parcel is measured again.
 */
let step = 0;
const firstRing = parcels[0]?.coordinates[0] ?? [];
const recheckMs = medianMs(
  () => {
    step += 1;
    const [lon = 0, lat = 0] = firstRing[0] ?? [];
    const moved: [number, number] = [lon + (step % 50) * 1e-5, lat];
    const geometry = {
      type: "Polygon" as const,
      coordinates: [[moved, ...firstRing.slice(1, -1), moved]],
    };
    const parcelsNow = zone.parcels.map((p, i) => (i === 0 ? { ...p, geometry } : p));
    checkFiling({ ...zone, parcels: parcelsNow }, { ruleSet, hubs: index, tmCrs: "EPSG:5186" });
  },
  300,
  50,
);
const beltMs = medianMs(
  () => checkFiling(beltZone, { ruleSet: phase3, hubs: index, tmCrs: "EPSG:5186" }),
  100,
  20,
);
// The edge stage's cost, against the vertices-only reach in the same run.
const vertexReachMs = medianMs(
  () => {
    for (const rings of vertexRings) beltReachM(beltAxis, rings);
  },
  100,
  20,
);
const edgeReachMs = medianMs(
  () => {
    for (const g of parcels) beltReachM(beltAxis, parcelRings([g]));
  },
  100,
  20,
);

/** The plain way: Turf's pointsWithinPolygon per parcel, deduplicated by hub number. */
const hubsFC = featureCollection(
  hubs.map((h, i) => point(h.geometry.coordinates as [number, number], { i, type: h.type })),
);
function turfLoop(): { counts: Record<string, number>; km2: number } {
  const seen = new Set<number>();
  const counts: Record<string, number> = { total: 0 };
  let m2 = 0;
  for (const parcel of parcels) {
    for (const f of pointsWithinPolygon(hubsFC, parcel).features) {
      if (seen.has(f.properties.i)) continue;
      seen.add(f.properties.i);
      counts[f.properties.type] = (counts[f.properties.type] ?? 0) + 1;
      counts.total = (counts.total ?? 0) + 1;
    }
    m2 += area(parcel);
  }
  return { counts, km2: m2 / 1e6 };
}
const turfMs = medianMs(turfLoop, 5, 1);

const report = checkFiling(zone, { ruleSet, hubs: index, tmCrs: "EPSG:5186" });
const turf = turfLoop();
const types = [...new Set([...Object.keys(report.hubs.counts), ...Object.keys(turf.counts)])];
const mismatched = types.filter((t) => (report.hubs.counts[t] ?? 0) !== (turf.counts[t] ?? 0));

const row = (label: string, ms: number): string =>
  `${label.padEnd(38)}${ms.toFixed(3).padStart(12)} ms`;
console.log(`20 parcels × 256 vertices (${turf.km2.toFixed(2)} km²), ${hubs.length} point hubs`);
console.log(row("indexHubs (once, outside timings)", buildMs));
console.log(row("countHubs", countMs));
console.log(row("checkFiling (whole report, same zone)", checkMs));
console.log(row("re-check, one vertex of one parcel moved", recheckMs));
console.log(row("checkFiling, belt envelope (Phase 3)", beltMs));
console.log(row("beltReachM, vertices only", vertexReachMs));
console.log(row("beltReachM, every edge", edgeReachMs));
console.log(row("Turf pointsWithinPolygon + area loop", turfMs));
console.log(
  `${"every edge ÷ vertices only".padEnd(38)}${(edgeReachMs / vertexReachMs).toFixed(2).padStart(12)} ×`,
);
console.log(
  `${"belt ÷ circle, checkFiling".padEnd(38)}${(beltMs / checkMs).toFixed(2).padStart(12)} ×`,
);
console.log(
  `${"speed-up, Turf ÷ checkFiling".padEnd(38)}${(turfMs / checkMs).toFixed(0).padStart(12)} ×`,
);
console.log(
  `${"speed-up, Turf ÷ re-check".padEnd(38)}${(turfMs / recheckMs).toFixed(0).padStart(12)} ×`,
);
console.log(
  `${"speed-up, Turf ÷ countHubs".padEnd(38)}${(turfMs / countMs).toFixed(0).padStart(12)} ×`,
);
for (const t of types) {
  console.log(
    `  ${t.padEnd(22)} checkFiling ${report.hubs.counts[t] ?? 0}  turf ${turf.counts[t] ?? 0}`,
  );
}
if (mismatched.length > 0) {
  console.error(`hub counts differ for: ${mismatched.join(", ")}`);
  process.exit(1);
}
