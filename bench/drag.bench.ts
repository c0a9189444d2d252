/**
 * Re-validation during a drag: what the check Worker does per drag event (its engine, sent only
 * the moved parcel as a preview of the zone it keeps) against a plain checkFiling call on the
 * same zone. 20 parcels × 256 vertices, 100,000 point hubs. Budget: one frame, 16 ms.
 * Run: `npx tsx bench/drag.bench.ts`.
 */
import { readFile } from "node:fs/promises";
import type { Polygon, Position } from "geojson";
import { checkFiling, indexHubSources, loadRuleSet, type Parcel } from "../geo/index";
import { toGeoZone } from "../src/store/derive";
import { createZone } from "../src/store/zone-diff";
import { CheckEngine } from "../src/workers/check-engine";
import type { CheckWorkerReply, CheckWorkerRequest } from "../src/workers/check-protocol";
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
const parcels = geometries.map((geometry, i) => ({
  id: `P${i + 1}`,
  name: `P${i + 1}`,
  geometry,
  properties: {},
}));
const zone = toGeoZone(createZone("Z1", { parcels }));
const ruleSet = loadRuleSet("phase-1-2");
const hubs = createHubs(random);

const replies: CheckWorkerReply[] = [];
const engine = new CheckEngine(
  async (url) => JSON.parse(await readFile(new URL(`../public/${url}`, import.meta.url), "utf8")),
  (message) => replies.push(message),
);
let nextId = 1;
/** One request answered by the engine, as the Worker answers it. */
async function ask(request: CheckWorkerRequest): Promise<void> {
  replies.length = 0;
  await engine.handle(request);
  if (request.kind === "check" && !replies.some((r) => r.kind === "report")) {
    throw new Error("no report");
  }
}
const checkRequest = (preview?: Parcel): CheckWorkerRequest => ({
  kind: "check",
  id: nextId++,
  zoneKey: 1,
  ...(preview ? { preview } : { zone }),
  ruleSet,
  unknownRuleSet: false,
  hubsVersion: 1,
  awaitSigungu: false,
});

await ask({ kind: "setup", sidoUrl: "data/sido.json", sigunguUrl: "data/sigungu.json" });
const t0 = performance.now();
await ask({ kind: "hubs", version: 1, sources: [{ name: "bench", hubs }] });
await ask(checkRequest());
const firstMs = performance.now() - t0;

const ring = (geometries[0]?.coordinates[0] ?? []) as Position[];
const index = indexHubSources([{ name: "bench", hubs }]);
const first = zone.parcels[0] as Parcel;
const reps = 200;
const worker: number[] = [];
const plain: number[] = [];
// Interleaved, so both paths see the same JIT and GC state.
for (let i = 0; i < reps + 20; i += 1) {
  const a = performance.now();
  await ask(checkRequest({ ...first, geometry: nudged(ring, i) }));
  const b = performance.now();
  const moved = {
    ...zone,
    parcels: zone.parcels.map((p, k) => (k === 0 ? { ...p, geometry: nudged(ring, -i) } : p)),
  };
  const c = performance.now();
  checkFiling(moved, { ruleSet, hubs: index });
  const d = performance.now();
  if (i >= 20) {
    worker.push(b - a);
    plain.push(d - c);
  }
}

const workerMs = median(worker);
const plainMs = median(plain);
console.log("drag re-validation, 20 parcels × 256 vertices, 100,000 hubs");
console.log(`  first report incl. hub index build: ${firstMs.toFixed(1)} ms`);
console.log(`  check Worker's engine (the moved parcel sent): median ${workerMs.toFixed(2)} ms`);
console.log(`  plain checkFiling baseline:                    median ${plainMs.toFixed(2)} ms`);
console.log(`  ratio engine / plain: ${(workerMs / plainMs).toFixed(2)}`);
console.log(
  `  budget ${FRAME_MS} ms: ${workerMs < FRAME_MS ? "within one frame" : "OVER one frame"}`,
);
