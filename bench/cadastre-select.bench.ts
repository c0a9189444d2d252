/**
 * Selections by area at a 시·군's size: `npx tsx bench/cadastre-select.bench.ts` reads the
 * synthetic 진주 of about 300,000 필지 (built by bench/cadastre.bench.ts into .tmp/bench-cadastre,
 * or here if missing) and times, against baselines run in the same process:
 *
 * - "all 필지 inside the envelope" for a 1 km circle over the town centre (piljiWhollyInside over
 *   the box index's candidates): against clipping every candidate whose box meets the circle's,
 *   which is what coveredPilji did before it decided the 필지 no edge comes near by an inner point;
 * - "필지 touching" a freehand 구역 of about 300 × 250 m, the same way;
 * - building the box index once, and finding the candidates with it against a scan of all 필지;
 * - picking about 1,000 필지 by lasso (윤곽 → 필지, the inner-point test) as the Worker does now,
 *   from the box index (src/workers/cadastre-select.ts lassoPilji), against the scan of every
 *   필지 it did before (piljiInside over all), and the whole request with the union of what it
 *   picked (geo/cadastre/union.ts), the same both ways.
 *
 * `npx tsx bench/cadastre-select.bench.ts lasso` runs the lasso part alone.
 */
import { readFileSync } from "node:fs";
import { basename } from "node:path";
import { feature, intersect } from "@turf/turf";
import type { MultiPolygon, Polygon } from "geojson";
import { piljiIndex } from "../geo/cadastre/pilji-index";
import { piljiInside } from "../geo/cadastre/select";
import { piljiTouching, piljiWhollyInside } from "../geo/cadastre/select-cover";
import type { Pilji } from "../geo/cadastre/types";
import { unionPilji } from "../geo/cadastre/union";
import { envelopeOutline } from "../geo/envelope";
import { type Bbox, geometryBounds } from "../geo/geometry";
import { openCadastre, readPilji } from "../geo/io/lsmd-read";
import { geodesicAreaM2 } from "../geo/measure";
import { lassoPilji } from "../src/workers/cadastre-select";
import { benchCadastre } from "./cadastre-data";
import { medianMs } from "./timing";

const files = (await benchCadastre()).map((path) => ({
  name: basename(path),
  bytes: readFileSync(path),
}));
const pilji: Pilji[] = [];
for (const layer of openCadastre(files)) for (const p of readPilji(layer)) pilji.push(p);

const meets = (a: Bbox, b: Bbox) => !(a[0] > b[2] || a[2] < b[0] || a[1] > b[3] || a[3] < b[1]);

/** The old way: clip each 필지 whose box meets the outline's; whole when < 0.01 m² is outside. */
function clipAll(
  outline: Polygon | MultiPolygon,
  list: Pilji[],
): { whole: string[]; any: string[] } {
  const box = geometryBounds(outline);
  const whole: string[] = [];
  const any: string[] = [];
  const zone = feature(outline);
  for (const p of list) {
    if (!meets(geometryBounds(p.geometry), box)) continue;
    const part = intersect({ type: "FeatureCollection", features: [zone, feature(p.geometry)] });
    const m2 = part ? geodesicAreaM2(part.geometry) : 0;
    if (m2 <= 0.01) continue;
    any.push(p.pnu);
    if (geodesicAreaM2(p.geometry) - m2 <= 0.01) whole.push(p.pnu);
  }
  return { whole, any };
}

const asked = (name: string) => process.argv.slice(2).includes(name);

function areas(): void {
  const indexMs = medianMs(() => piljiIndex(pilji), 3);
  const index = piljiIndex(pilji);
  const circle = envelopeOutline({ shape: "circle", center: [128.1076, 35.18], radiusKm: 1 });
  const circleBox = geometryBounds(circle);
  const nearMs = medianMs(() => index.near(circleBox), 5);
  const scanMs = medianMs(
    () => pilji.filter((p) => meets(geometryBounds(p.geometry), circleBox)),
    5,
  );
  console.log(
    `box index over ${pilji.length} 필지: built in ${indexMs.toFixed(0)} ms; candidates of a 1 km circle ${nearMs.toFixed(1)} ms, scan of all ${scanMs.toFixed(1)} ms (ratio ${(nearMs / scanMs).toFixed(3)})`,
  );

  const near = index.near(circleBox);
  const inside = piljiWhollyInside(circle, near);
  const insideMs = medianMs(() => piljiWhollyInside(circle, index.near(circleBox)), 3);
  const old = clipAll(circle, pilji);
  const oldMs = medianMs(() => clipAll(circle, pilji), 1, 0);
  if (old.whole.length !== inside.length) throw new Error("the two ways disagree on the envelope");
  console.log(
    `all 필지 inside a 1 km circle (${inside.length} of ${near.length} candidates): ${insideMs.toFixed(0)} ms; clipping every candidate ${oldMs.toFixed(0)} ms (ratio ${(insideMs / oldMs).toFixed(3)})`,
  );

  const freehand: Polygon = {
    type: "Polygon",
    coordinates: [
      [
        [128.1052, 35.1788],
        [128.1081, 35.1791],
        [128.1077, 35.1812],
        [128.1049, 35.1806],
        [128.1052, 35.1788],
      ],
    ],
  };
  const fBox = geometryBounds(freehand);
  const touching = piljiTouching(freehand, index.near(fBox));
  const touchMs = medianMs(() => piljiTouching(freehand, index.near(fBox)), 5);
  const oldTouch = clipAll(freehand, pilji);
  const oldTouchMs = medianMs(() => clipAll(freehand, pilji), 3);
  if (oldTouch.any.length !== touching.length) throw new Error("the two ways disagree on touching");
  console.log(
    `필지 touching a 300 × 250 m 구역 (${touching.length}): ${touchMs.toFixed(1)} ms; clipping every candidate of all 필지 ${oldTouchMs.toFixed(1)} ms (ratio ${(touchMs / oldTouchMs).toFixed(3)})`,
  );
}

/** A hand-drawn lasso: a wobbly 60-gon of mean radius `r` degrees (0.8 r north–south). */
function lasso([x, y]: [number, number], r: number): Polygon {
  const ring: [number, number][] = [];
  for (let k = 0; k < 60; k++) {
    const a = (2 * Math.PI * k) / 60;
    const f = 1 + 0.15 * Math.sin(5 * a) + 0.05 * Math.cos(13 * a);
    ring.push([x + r * f * Math.cos(a), y + 0.8 * r * f * Math.sin(a)]);
  }
  ring.push(ring[0] as [number, number]);
  return { type: "Polygon", coordinates: [ring] };
}

function lassoPick(): void {
  // The first question builds the Worker's index (its cost is the index line above).
  const t0 = performance.now();
  lassoPilji(lasso([128.1076, 35.18], 0.001), pilji);
  const firstMs = performance.now() - t0;
  // A lasso of about 1,000 필지 over the town centre: its radius found by halving.
  let [lo, hi] = [0.001, 0.02];
  let outline = lasso([128.1076, 35.18], hi);
  for (let k = 0; k < 30; k++) {
    const r = (lo + hi) / 2;
    outline = lasso([128.1076, 35.18], r);
    const n = lassoPilji(outline, pilji).length;
    if (Math.abs(n - 1000) <= 10) break;
    if (n < 1000) lo = r;
    else hi = r;
  }
  const picked = lassoPilji(outline, pilji);
  const scanned = piljiInside(outline, pilji);
  if (picked.join() !== scanned.join())
    throw new Error("the index and the scan disagree on the lasso");
  const indexedMs = medianMs(() => lassoPilji(outline, pilji), 9);
  const scanMs = medianMs(() => piljiInside(outline, pilji), 5);
  const byPnu = new Map(pilji.map((p) => [p.pnu, p]));
  const union = () => unionPilji(picked.flatMap((x) => byPnu.get(x)?.geometry ?? []));
  const unionMs = medianMs(union, 3);
  const wholeIndexed = medianMs(() => {
    lassoPilji(outline, pilji);
    union();
  }, 3);
  const wholeScan = medianMs(() => {
    piljiInside(outline, pilji);
    union();
  }, 3);
  console.log(
    `lasso of ${picked.length} 필지 (of ${pilji.length}): from the index ${indexedMs.toFixed(1)} ms, scan of every 필지 ${scanMs.toFixed(1)} ms (ratio ${(indexedMs / scanMs).toFixed(3)}); first lasso after opening, index included, ${firstMs.toFixed(0)} ms`,
  );
  console.log(
    `lasso request with the union (${unionMs.toFixed(0)} ms alone): from the index ${wholeIndexed.toFixed(0)} ms, scan ${wholeScan.toFixed(0)} ms (ratio ${(wholeIndexed / wholeScan).toFixed(2)})`,
  );
}

if (!asked("lasso")) areas();
lassoPick();
