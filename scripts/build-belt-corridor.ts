/**
 * `npx tsx scripts/build-belt-corridor.ts`: writes test/fixtures/belt/changwon-yangsan-corridor.geojson,
 * the winding-corridor fixture of the belt tests. A made-up road (not a surveyed one) through
 * approximate town centres along the 창원–김해–양산 industrial corridor of 경남 — 마산, 창원,
 * 진영, 김해, 물금, 양산, 웅상 — smoothed by a Catmull–Rom spline, and 2,000 firms sampled
 * along it: heavier near the towns, spread about 800 m either side (seeded, so the file is
 * rebuilt byte for byte). The road is the first feature (`role: "road"`), the firms follow
 * (`종업원수` their weight). Approximate by design: it is a test shape, not data about real firms.
 */
import { writeFileSync } from "node:fs";

/** Approximate town centres, west to east (lon, lat). */
const TOWNS: [number, number, string][] = [
  [128.565, 35.215, "마산"],
  [128.64, 35.235, "창원"],
  [128.7, 35.27, ""],
  [128.735, 35.315, "진영"],
  [128.8, 35.272, ""],
  [128.88, 35.235, "김해"],
  [128.95, 35.285, ""],
  [128.995, 35.32, "물금"],
  [129.04, 35.345, "양산"],
  [129.11, 35.39, ""],
  [129.165, 35.41, "웅상"],
];
const FIRMS = 2000;
const KM_LON = 111.32 * Math.cos((35.3 * Math.PI) / 180);
const KM_LAT = 110.95;

function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Catmull–Rom through the towns, `per` points a span. */
function spline(per: number): [number, number][] {
  const p = TOWNS.map(([x, y]) => [x, y] as [number, number]);
  const at = (i: number) => p[Math.max(0, Math.min(p.length - 1, i))] as [number, number];
  const out: [number, number][] = [];
  for (let i = 0; i + 1 < p.length; i++) {
    const [p0, p1, p2, p3] = [at(i - 1), at(i), at(i + 1), at(i + 2)];
    for (let k = 0; k < per; k++) {
      const t = k / per;
      const c = (a: number, b: number, cc: number, d: number) =>
        0.5 *
        (2 * b +
          (-a + cc) * t +
          (2 * a - 5 * b + 4 * cc - d) * t * t +
          (-a + 3 * b - 3 * cc + d) * t ** 3);
      out.push([c(p0[0], p1[0], p2[0], p3[0]), c(p0[1], p1[1], p2[1], p3[1])]);
    }
  }
  out.push(at(p.length - 1));
  return out;
}

const road = spline(12);
const rand = random(17);
const lengths = [0];
for (let i = 1; i < road.length; i++) {
  const [a, b] = [road[i - 1] as number[], road[i] as number[]];
  const dx = ((b[0] as number) - (a[0] as number)) * KM_LON;
  const dy = ((b[1] as number) - (a[1] as number)) * KM_LAT;
  lengths.push((lengths[i - 1] as number) + Math.hypot(dx, dy));
}
const total = lengths[lengths.length - 1] as number;
const towns = TOWNS.filter((t) => t[2]).map(([x, y]) => [x, y]);
const gauss = () => rand() + rand() + rand() + rand() - 2;
const features: object[] = [
  {
    type: "Feature",
    properties: { role: "road", name: "마산–창원–김해–양산 (가상 도로, approximate)" },
    geometry: {
      type: "LineString",
      coordinates: road.map(([x, y]) => [Number(x.toFixed(6)), Number(y.toFixed(6))]),
    },
  },
];
while (features.length <= FIRMS) {
  const s = rand() * total;
  let i = 1;
  while (i < lengths.length - 1 && (lengths[i] as number) < s) i++;
  const f =
    (s - (lengths[i - 1] as number)) / ((lengths[i] as number) - (lengths[i - 1] as number));
  const [a, b] = [road[i - 1] as number[], road[i] as number[]];
  const x = (a[0] as number) + f * ((b[0] as number) - (a[0] as number));
  const y = (a[1] as number) + f * ((b[1] as number) - (a[1] as number));
  // Towns are denser: a firm far from every town is kept only some of the time.
  const nearTown = Math.min(
    ...towns.map(([tx = 0, ty = 0]) => Math.hypot((x - tx) * KM_LON, (y - ty) * KM_LAT)),
  );
  if (rand() > 0.35 + 0.65 * Math.exp(-nearTown / 3)) continue;
  const lon = x + (0.8 * gauss()) / KM_LON;
  const lat = y + (0.8 * gauss()) / KM_LAT;
  features.push({
    type: "Feature",
    properties: { 종업원수: 1 + Math.floor(rand() * rand() * 300) },
    geometry: { type: "Point", coordinates: [Number(lon.toFixed(6)), Number(lat.toFixed(6))] },
  });
}
writeFileSync(
  "test/fixtures/belt/changwon-yangsan-corridor.geojson",
  `${JSON.stringify({ type: "FeatureCollection", features })}\n`,
);
console.log(`road ${total.toFixed(1)} km, ${FIRMS} firms`);
