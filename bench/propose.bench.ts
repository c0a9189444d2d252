/**
 * `npm run bench`: the circle proposal (branch and bound, proven bound) on 100,000 weighted firms
 * in clumps over 경남·부산·울산, against a plain baseline in the same run: every centre of a 2 km
 * grid over the firms, each summing the weight within the radius found by a KDBush query
 * (equirectangular distance), with no bound. Exits 1 if the baseline beats the proven bound.
 */
import KDBush from "kdbush";
import { proposeCircle } from "../geo/propose/circle";
import { createFirms } from "../geo/propose/firms";
import { createRandom } from "./data";
import { medianMs } from "./timing";

const random = createRandom(20230101);
const N = 100_000;
const RADIUS_M = 20_000;
const clumps = Array.from({ length: 25 }, () => [127.6 + random() * 1.8, 34.9 + random() * 1.0]);
const points: number[][] = [];
const weights: number[] = [];
for (let i = 0; i < N; i++) {
  const c = clumps[Math.floor(random() * clumps.length)] as number[];
  const g = () => (random() + random() + random() - 1.5) * 0.25;
  points.push([(c[0] ?? 0) + g(), (c[1] ?? 0) + g()]);
  weights.push(1 + Math.floor(random() * 300));
}
const firms = createFirms(points, weights);

/** The plain way: a grid of centres, a KDBush range query and a distance test at each. */
function baseline(stepM: number): { weight: number; centres: number } {
  const lat0 = 35.4;
  const kx = 111_320 * Math.cos((lat0 * Math.PI) / 180);
  const ky = 110_950;
  const index = new KDBush(N);
  for (const p of points) index.add((p[0] ?? 0) * kx, (p[1] ?? 0) * ky);
  index.finish();
  let best = 0;
  let centres = 0;
  const xs = points.map((p) => (p[0] ?? 0) * kx);
  const ys = points.map((p) => (p[1] ?? 0) * ky);
  const [x0, x1] = [Math.min(...xs), Math.max(...xs)];
  const [y0, y1] = [Math.min(...ys), Math.max(...ys)];
  for (let y = y0; y <= y1; y += stepM) {
    for (let x = x0; x <= x1; x += stepM) {
      centres++;
      let w = 0;
      for (const i of index.within(x, y, RADIUS_M)) w += weights[i] ?? 0;
      if (w > best) best = w;
    }
  }
  return { weight: best, centres };
}

const proposal = proposeCircle(firms, { radiusM: RADIUS_M });
const proposeMs = medianMs(() => proposeCircle(firms, { radiusM: RADIUS_M }), 5);
let plain = { weight: 0, centres: 0 };
const baselineMs = medianMs(() => {
  plain = baseline(2_000);
}, 1);

const row = (label: string, value: string): string => `${label.padEnd(44)}${value.padStart(14)}`;
console.log(`circle proposal: ${N.toLocaleString()} weighted firms, radius ${RADIUS_M / 1000} km`);
console.log(row("branch and bound (median of 5)", `${proposeMs.toFixed(0)} ms`));
console.log(row("  covered / proven bound", `${proposal.covered} / ${proposal.bound}`));
console.log(
  row("  share of the bound", `${((100 * proposal.covered) / proposal.bound).toFixed(2)} %`),
);
console.log(
  row(`plain grid of ${plain.centres} centres (2 km), KDBush`, `${baselineMs.toFixed(0)} ms`),
);
console.log(row("  best weight found (no bound)", `${plain.weight}`));
console.log(row("speed-up, plain ÷ branch and bound", `${(baselineMs / proposeMs).toFixed(1)} ×`));
if (plain.weight > proposal.bound * 1.005) {
  console.error("the plain grid beat the proven bound by more than its distance error");
  process.exit(1);
}
