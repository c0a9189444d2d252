/**
 * Timing of ringProblems and findOverlaps on 20 parcels of 256 vertices: `npx tsx bench/geometry.bench.ts`.
 * Parcels are star-shaped (so simple) with a wobbly edge; `wobble` is the radial jitter share.
 */
import type { Polygon } from "geojson";
import { findOverlaps, ringProblems } from "../geo/geometry/geometry";

/** A seeded star-shaped parcel: vertices at increasing angles, radius jittered by `wobble`. */
function parcel(
  lon: number,
  lat: number,
  radiusDeg: number,
  wobble: number,
  seed: number,
): Polygon {
  let state = seed;
  const random = (): number => {
    state = (state * 1103515245 + 12345) % 2147483648;
    return state / 2147483648;
  };
  const ring: number[][] = [];
  for (let k = 0; k < 256; k++) {
    const angle = ((k + random() * 0.45) / 256) * 2 * Math.PI;
    const r = radiusDeg * (1 - wobble * random());
    ring.push([lon + r * Math.cos(angle), lat + r * Math.sin(angle)]);
  }
  ring.push(ring[0] as number[]);
  return { type: "Polygon", coordinates: [ring] };
}

/** 20 parcels on a 5 × 4 grid 0.01° apart near 진천; radius 0.004° leaves their boxes apart. */
function grid(radiusDeg: number, wobble: number): Polygon[] {
  return Array.from({ length: 20 }, (_, i) =>
    parcel(127.4 + (i % 5) * 0.01, 36.8 + Math.floor(i / 5) * 0.01, radiusDeg, wobble, i + 1),
  );
}

function time(label: string, run: () => unknown, reps: number): void {
  let start = performance.now();
  run();
  const coldMs = performance.now() - start;
  for (let i = 0; i < reps; i++) run();
  start = performance.now();
  for (let i = 0; i < reps; i++) run();
  const warmMs = (performance.now() - start) / reps;
  console.log(`${label}: first call ${coldMs.toFixed(3)} ms, warm ${warmMs.toFixed(3)} ms`);
}

for (const wobble of [0.02, 0.1, 0.4]) {
  const apart = grid(0.004, wobble);
  const problems = apart.flatMap((g) => ringProblems(g)).length;
  time(
    `ringProblems 20×256, wobble ${wobble} (${problems} problems)`,
    () => apart.map(ringProblems),
    200,
  );
  time(`findOverlaps 20×256, boxes apart, wobble ${wobble}`, () => findOverlaps(apart), 200);
}
// Staggered rows 0.0085° apart: neighbours' boxes overlap while the parcels (radius ≤ 0.0049°,
// centres ≥ 0.00986° apart) don't, so the clipper runs on every neighbouring pair.
const close = Array.from({ length: 20 }, (_, i) => {
  const row = Math.floor(i / 5);
  return parcel(
    127.4 + (i % 5) * 0.01 + (row % 2) * 0.005,
    36.8 + row * 0.0085,
    0.0049,
    0.02,
    i + 1,
  );
});
const found = findOverlaps(close).length;
time(
  `findOverlaps 20×256, neighbours' boxes overlap (${found} overlaps)`,
  () => findOverlaps(close),
  10,
);
