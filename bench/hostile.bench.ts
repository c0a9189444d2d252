/**
 * `npm run bench` (issue 8): the worst inputs a hostile file can bring, each against a plain
 * baseline measured in the same run. Overlapping parcels against as many disjoint ones (the
 * overlap search is capped, so the ratio stays bounded however many overlap), ZIP bombs against
 * reading an ordinary zipped Shapefile, and a 150,000-vertex parcel and a parcel of 14,400 holes
 * against Turf's area of each.
 * Exits 1 if a bomb is not refused or a capped check passes.
 */
import { createDeflateRaw } from "node:zlib";
import { area } from "@turf/turf";
import type { MultiPolygon, Polygon, Position } from "geojson";
import { checkFiling, loadRuleSet } from "../geo/index";
import { exportZone, importZone } from "../geo/io/registry";
import type { Zone } from "../geo/types";
import { createPartsGrid } from "../test/support/shapes";
import { createZip } from "../test/support/zip";

const ruleSet = loadRuleSet("phase-1-2");

async function timeMs(run: () => unknown): Promise<number> {
  const t0 = performance.now();
  await run();
  return performance.now() - t0;
}

/** Median of `reps` timed runs after one untimed (JIT warm-up). */
async function medianMs(run: () => unknown, reps = 3): Promise<number> {
  await run();
  const times: number[] = [];
  for (let i = 0; i < reps; i++) times.push(await timeMs(run));
  times.sort((a, b) => a - b);
  return times[Math.floor(reps / 2)] as number;
}

/** A 64-gon of radius `r` degrees (about 100 m per 0.001°) around [lon, lat]. */
function createCircle(lon: number, lat: number, r: number, n = 64): Polygon {
  const ring: Position[] = [];
  for (let i = 0; i < n; i++) {
    const a = (2 * Math.PI * i) / n;
    ring.push([lon + r * Math.cos(a), lat + r * Math.sin(a)]);
  }
  ring.push(ring[0] as Position);
  return { type: "Polygon", coordinates: [ring] };
}

function createZone(geoms: (Polygon | MultiPolygon)[]): Zone {
  const parcels = geoms.map((geometry, i) => ({ id: `P${i + 1}`, geometry, properties: {} }));
  return { parcels, envelope: null, meta: {}, sourceCrs: "EPSG:4326" };
}

/** n parcels on a grid near Cheongju, every one apart, or all piled on one spot. */
function createParcels(n: number, overlapping: boolean): Polygon[] {
  return Array.from({ length: n }, (_, i) =>
    overlapping
      ? createCircle(127.5 + i * 1e-6, 36.6, 0.002)
      : createCircle(127.3 + (i % 50) * 0.005, 36.4 + Math.floor(i / 50) * 0.005, 0.002),
  );
}

/** 1.1 GB of zeros deflated (about 1 MB), streamed so the zeros never sit in memory at once. */
async function deflateZeros(bytes: number): Promise<Uint8Array> {
  const deflate = createDeflateRaw({ level: 9 });
  const chunks: Buffer[] = [];
  deflate.on("data", (c: Buffer) => chunks.push(c));
  const done = new Promise((resolve) => deflate.on("end", resolve));
  const block = Buffer.alloc(16 * 1024 * 1024);
  for (let left = bytes; left > 0; left -= block.length) {
    const part = left >= block.length ? block : block.subarray(0, left);
    if (!deflate.write(part)) await new Promise((resolve) => deflate.once("drain", resolve));
  }
  deflate.end();
  await done;
  return Buffer.concat(chunks);
}

async function refusedMs(bytes: Uint8Array): Promise<{ ms: number; refused: boolean }> {
  let refused = false;
  const ms = await timeMs(() =>
    importZone(bytes, "bomb.zip").catch(() => {
      refused = true;
    }),
  );
  return { ms, refused };
}

const row = (label: string, ms: number, base: number): string =>
  `${label.padEnd(50)}${ms.toFixed(1).padStart(10)} ms${(ms / base).toFixed(1).padStart(9)} ×`;

const failures: string[] = [];

console.log("hostile inputs, each against its plain baseline (ratio = case ÷ baseline)");
for (const n of [200, 2000]) {
  const disjoint = createZone(createParcels(n, false));
  const piled = createZone(createParcels(n, true));
  const base = await medianMs(() => checkFiling(disjoint, { ruleSet }));
  let verdict = "";
  const ms = await medianMs(() => {
    verdict = checkFiling(piled, { ruleSet }).verdict;
  });
  console.log(row(`${n} disjoint parcels (baseline)`, base, base));
  console.log(row(`${n} parcels all overlapping (capped)`, ms, base));
  if (verdict !== "fail") failures.push(`${n} overlapping parcels passed`);
}

{
  // The heavy case: few parcels, detailed, all piled up; the work budget stops it.
  const spread = (i: number) =>
    createCircle(127.3 + (i % 10) * 0.005, 36.4 + Math.floor(i / 10) * 0.005, 0.002, 3000);
  const disjoint = createZone(Array.from({ length: 100 }, (_, i) => spread(i)));
  const piled = createZone(
    Array.from({ length: 100 }, (_, i) => createCircle(127.5 + i * 1e-6, 36.6, 0.002, 3000)),
  );
  const base = await medianMs(() => checkFiling(disjoint, { ruleSet }), 1);
  let verdict = "";
  const ms = await medianMs(() => {
    verdict = checkFiling(piled, { ruleSet }).verdict;
  }, 1);
  console.log(row("100 disjoint parcels of 3,000 vertices (baseline)", base, base));
  console.log(row("100 of them all overlapping (capped)", ms, base));
  if (verdict !== "fail") failures.push("100 detailed overlapping parcels passed");
}

const ordinary = (await exportZone(createZone(createParcels(20, false)), "shp")).data as Uint8Array;
const readMs = await medianMs(() => importZone(ordinary, "zone.zip"));
const zeros = await deflateZeros(1_100_000_000);
/** A ZIP of one deflated `.prj` whose directory declares `size` bytes (test/support/zip.ts). */
const bomb = (size: number) =>
  createZip([
    { name: "zone.prj", data: new Uint8Array(0), compressed: zeros, declaredSize: size, crc: 0 },
  ]);
const honest = await refusedMs(bomb(1_100_000_000));
const lying = await refusedMs(bomb(1_000));
console.log(row("read an ordinary zipped Shapefile (baseline)", readMs, readMs));
console.log(row("refuse a 1.1 GB .prj bomb (directory)", honest.ms, readMs));
console.log(row("refuse it when it declares 1 kB (inflating)", lying.ms, readMs));
if (!honest.refused || !lying.refused) failures.push("a ZIP bomb was not refused");

const huge = createCircle(128.15, 35.17, 0.02, 150_000);
const turfMs = await medianMs(() => area(huge));
const hugeMs = await medianMs(() => checkFiling(createZone([huge]), { ruleSet }));
console.log(row("Turf area of a 150,000-vertex parcel (baseline)", turfMs, turfMs));
console.log(row("checkFiling of it (whole report)", hugeMs, turfMs));

/** A square with n × n small square holes: every hole checked against the others. */
function createHoled(n: number): Polygon {
  const step = 0.5 / (n + 1);
  const rings: Position[][] = [
    [
      [127, 36],
      [127.5, 36],
      [127.5, 36.5],
      [127, 36.5],
      [127, 36],
    ],
  ];
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < n; j++) {
      const x = 127 + step * (i + 0.5);
      const y = 36 + step * (j + 0.5);
      const d = step / 4;
      rings.push([
        [x, y],
        [x, y + d],
        [x + d, y + d],
        [x + d, y],
        [x, y],
      ]);
    }
  }
  return { type: "Polygon", coordinates: rings };
}
const holed = createHoled(120);
const holedTurfMs = await medianMs(() => area(holed));
const holedMs = await medianMs(() => checkFiling(createZone([holed]), { ruleSet }));
console.log(row("Turf area of a parcel of 14,400 holes (baseline)", holedTurfMs, holedTurfMs));
console.log(row("checkFiling of it (whole report)", holedMs, holedTurfMs));

// One parcel of 20,000 small parts across the 세종 borders.
const parts = createPartsGrid(127.1, 36.45, 20_000);
const partsTurfMs = await medianMs(() => area(parts));
const partsMs = await medianMs(() => checkFiling(createZone([parts]), { ruleSet }));
console.log(row("Turf area of a parcel of 20,000 parts (baseline)", partsTurfMs, partsTurfMs));
console.log(row("checkFiling of it, across 4 시·도 (whole report)", partsMs, partsTurfMs));

if (failures.length > 0) {
  console.error(failures.join("; "));
  process.exit(1);
}
