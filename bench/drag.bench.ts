/**
 * Re-validation during a drag: the app's derive path (the memoised selectReport over the store,
 * with a drag preview of one moved vertex) against a plain checkFiling call on the same zone.
 * 20 parcels × 256 vertices, 100,000 point hubs. Budget: one frame, 16 ms.
 * Run: `npx tsx bench/drag.bench.ts`.
 */
import type { Polygon, Position } from "geojson";
import { checkFiling, loadRuleSet } from "../geo/index";
import { applyEdited } from "../src/actions/actions";
import { selectHubIndex, selectReport, toGeoZone } from "../src/store/derive";
import { activeZone, createAppStore } from "../src/store/store";
import { createZone } from "../src/store/zone-diff";
import { createHubs, createParcels, createRandom } from "./data";
import { median } from "./timing";

const FRAME_MS = 16;

/** The parcel with its first vertex (and the closing copy) nudged east by `step` × 1e-5°. */
function nudged(ring: Position[], step: number): Polygon {
  const [lon = 0, lat = 0] = ring[0] ?? [];
  const moved: Position = [lon + step * 1e-5, lat];
  return { type: "Polygon", coordinates: [[moved, ...ring.slice(1, -1), moved]] };
}

const random = createRandom(20180214);
const geometries = createParcels(random);
const store = createAppStore();
const parcels = geometries.map((geometry, i) => ({
  id: `P${i + 1}`,
  name: `P${i + 1}`,
  geometry,
  properties: {},
}));
store.setState({ zones: [createZone("Z1", { parcels })], activeZoneId: "Z1" });
const t0 = performance.now();
store.getState().addHubLayer({
  id: "bench",
  name: "bench",
  hubs: createHubs(random),
  approximate: false,
  builtin: false,
  visible: true,
});
selectReport(store.getState());
const firstMs = performance.now() - t0;

const ring = (geometries[0]?.coordinates[0] ?? []) as Position[];
const ruleSet = loadRuleSet("phase-1-2");
const index = selectHubIndex(store.getState());
const reps = 200;
const derive: number[] = [];
const memoHit: number[] = [];
const plain: number[] = [];
// Interleaved, so both paths see the same JIT and GC state.
for (let i = 0; i < reps + 20; i += 1) {
  applyEdited(store, "P1", nudged(ring, i), false);
  const a = performance.now();
  selectReport(store.getState());
  const b = performance.now();
  selectReport(store.getState());
  const c = performance.now();
  const zone = toGeoZone(activeZone(store.getState()));
  zone.parcels = zone.parcels.map((p, k) => (k === 0 ? { ...p, geometry: nudged(ring, -i) } : p));
  const d = performance.now();
  checkFiling(zone, { ruleSet, hubs: index });
  const e = performance.now();
  if (i >= 20) {
    derive.push(b - a);
    memoHit.push(c - b);
    plain.push(e - d);
  }
}

const deriveMs = median(derive);
const plainMs = median(plain);
console.log("drag re-validation, 20 parcels × 256 vertices, 100,000 hubs");
console.log(`  first report incl. hub index build: ${firstMs.toFixed(1)} ms`);
console.log(`  derive (selectReport, one vertex moved): median ${deriveMs.toFixed(2)} ms`);
console.log(`  memo hit (unchanged state):            median ${median(memoHit).toFixed(4)} ms`);
console.log(`  plain checkFiling baseline:             median ${plainMs.toFixed(2)} ms`);
console.log(`  ratio derive / plain: ${(deriveMs / plainMs).toFixed(2)}`);
console.log(
  `  budget ${FRAME_MS} ms: ${deriveMs < FRAME_MS ? "within one frame" : "OVER one frame"}`,
);
