/**
 * Deterministic benchmark data: 20 star-shaped parcels of 256 vertices in a 4×5 grid near 진주
 * (35.18°N, 128.1°E), and 100,000 point hubs of the six types over a ~40 km box around them.
 */
import type { Polygon, Position } from "geojson";
import { HUB_TYPES, type Hub } from "../geo/types";

export const CENTER: [lon: number, lat: number] = [128.1, 35.18];
const KM_PER_DEG_LAT = 110.95;
const KM_PER_DEG_LON = 111.32 * Math.cos((CENTER[1] * Math.PI) / 180);

/** mulberry32: a small seeded PRNG, so every run times the same data. */
export function createRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function offsetKm([lon, lat]: Position, eastKm: number, northKm: number): Position {
  return [(lon as number) + eastKm / KM_PER_DEG_LON, (lat as number) + northKm / KM_PER_DEG_LAT];
}

/**
 * Parcels on a 1.6 km grid, each a wobbly circle of mean radius ~0.44 km (≈ 0.6 km²); the largest
 * radius is 0.52 km, so neighbours never touch and the total stays near 12 km².
 */
export function createParcels(random: () => number, vertices = 256): Polygon[] {
  const parcels: Polygon[] = [];
  for (let row = 0; row < 5; row++) {
    for (let col = 0; col < 4; col++) {
      const centre = offsetKm(CENTER, (col - 1.5) * 1.6, (row - 2) * 1.6);
      const phase = random() * 2 * Math.PI;
      const wobble = 0.05 + 0.05 * random();
      const ring: Position[] = [];
      for (let i = 0; i < vertices; i++) {
        const a = (i / vertices) * 2 * Math.PI;
        const rKm = 0.44 * (1 + wobble * Math.sin(5 * a + phase)) + 0.02 * (random() - 0.5);
        ring.push(offsetKm(centre, rKm * Math.cos(a), rKm * Math.sin(a)));
      }
      ring.push(ring[0] as Position);
      parcels.push({ type: "Polygon", coordinates: [ring] });
    }
  }
  return parcels;
}

/** Point hubs scattered uniformly over a 40 km × 40 km box centred on the parcels. */
export function createHubs(random: () => number, count = 100_000): Hub[] {
  const hubs: Hub[] = [];
  for (let i = 0; i < count; i++) {
    const type = HUB_TYPES[Math.floor(random() * HUB_TYPES.length)] as string;
    const coordinates = offsetKm(CENTER, (random() - 0.5) * 40, (random() - 0.5) * 40);
    hubs.push({ name: `hub ${i}`, type, geometry: { type: "Point", coordinates } });
  }
  return hubs;
}

/**
 * The proposal benches' firms: `n` weighted points (1–300) in 25 clumps over the south-east
 * (127.6–129.4°E, 34.9–35.9°N), the same every run for a seed.
 */
export function clumpedFirms(
  n: number,
  seed = 20230101,
): { points: number[][]; weights: number[] } {
  const random = createRandom(seed);
  const clumps = Array.from({ length: 25 }, () => [127.6 + random() * 1.8, 34.9 + random() * 1.0]);
  const points: number[][] = [];
  const weights: number[] = [];
  for (let i = 0; i < n; i++) {
    const c = clumps[Math.floor(random() * clumps.length)] as number[];
    const g = () => (random() + random() + random() - 1.5) * 0.25;
    points.push([(c[0] ?? 0) + g(), (c[1] ?? 0) + g()]);
    weights.push(1 + Math.floor(random() * 300));
  }
  return { points, weights };
}
