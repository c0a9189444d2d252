/**
 * The cadastre at a 시·군's size: `npx tsx bench/cadastre.bench.ts` builds the synthetic
 * 연속지적도 of 진주 at about 300,000 필지 (scripts/build-cadastre.ts, into .tmp/bench-cadastre;
 * kept between runs) and times, each against a baseline run in the same process or moment:
 *
 * - opening it (openCadastre + readPilji to WGS84): against GDAL reading and re-projecting the
 *   same file (`ogr2ogr -f GeoJSONSeq /dev/null -t_srs EPSG:4326`), a native reader doing the
 *   same work; with the heap and RSS after the read;
 * - the union of 1,000 adjacent 필지 (geo/cadastre/union.ts): against Turf's union of the same,
 *   the general polygon union geo/ uses elsewhere;
 * - the 조서 of a 1,000-필지 구역 (buildJoso, then CSV and XLSX): against JSON.stringify of the
 *   same 필지 as GeoJSON, the floor of writing them at all.
 */
import { execFileSync } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import { featureCollection, feature as turfFeature, union } from "@turf/turf";
import type { Polygon } from "geojson";
import { buildJoso, cadastreIndex } from "../geo/cadastre/joso";
import { josoCsv, josoXlsx } from "../geo/cadastre/joso-write";
import { parcelFromPilji } from "../geo/cadastre/parcel";
import type { Pilji } from "../geo/cadastre/types";
import { unionPilji } from "../geo/cadastre/union";
import { openCadastre, readPilji } from "../geo/io/lsmd-read";
import type { Zone } from "../geo/types";
import bjd from "../public/data/bjd-codes.json";
import { buildCadastre } from "../scripts/build-cadastre";
import { median } from "./timing";

const DIR = ".tmp/bench-cadastre";
const SHP = `${DIR}/LSMD_CONT_LDREG_48170.shp`;

if (!existsSync(SHP)) {
  const t0 = performance.now();
  const built = await buildCadastre({
    kostatCode: "38030",
    centre: [128.1076, 35.18],
    target: 300_000,
    outDir: DIR,
  });
  console.log(`built ${built.count} 필지 in ${((performance.now() - t0) / 1000).toFixed(1)} s`);
}

const mb = (n: number) => `${(n / 1024 / 1024).toFixed(0)} MB`;
const files = ["shp", "shx", "dbf", "prj"].map((ext) => ({
  name: `LSMD_CONT_LDREG_48170.${ext}`,
  bytes: readFileSync(`${DIR}/LSMD_CONT_LDREG_48170.${ext}`),
}));
const bytes = files.reduce((s, f) => s + f.bytes.length, 0);

// Opening.
global.gc?.();
const heap0 = process.memoryUsage().heapUsed;
const t0 = performance.now();
const layers = openCadastre(files);
const pilji: Pilji[] = [];
for (const layer of layers) for (const p of readPilji(layer)) pilji.push(p);
const openMs = performance.now() - t0;
const mem = process.memoryUsage();
const g0 = performance.now();
execFileSync("ogr2ogr", ["-f", "GeoJSONSeq", "/dev/null", "-t_srs", "EPSG:4326", SHP]);
const gdalMs = performance.now() - g0;
console.log(
  `open ${pilji.length} 필지 (${mb(bytes)} of .shp/.shx/.dbf): ${(openMs / 1000).toFixed(2)} s; GDAL ogr2ogr ${(gdalMs / 1000).toFixed(2)} s (ratio ${(openMs / gdalMs).toFixed(2)}); heap +${mb(mem.heapUsed - heap0)}, RSS ${mb(mem.rss)}`,
);

// 1,000 adjacent 필지: those nearest the town centre (a compact block of lots and roads).
const centre = [128.1076, 35.18];
const first = (p: Pilji) => (p.geometry as Polygon).coordinates[0]?.[0] ?? [0, 0];
const d2 = (p: Pilji) =>
  ((first(p)[0] ?? 0) - (centre[0] ?? 0)) ** 2 + ((first(p)[1] ?? 0) - (centre[1] ?? 0)) ** 2;
const chosen = [...pilji].sort((a, b) => d2(a) - d2(b)).slice(0, 1000);

const times = (run: () => unknown, reps: number): number => {
  run();
  const out: number[] = [];
  for (let i = 0; i < reps; i++) {
    const s = performance.now();
    run();
    out.push(performance.now() - s);
  }
  return median(out);
};
const ours = times(() => unionPilji(chosen.map((p) => p.geometry)), 5);
const turf = times(
  () => union(featureCollection(chosen.map((p) => turfFeature(p.geometry as Polygon)))),
  3,
);
console.log(
  `union of 1,000 필지: ${ours.toFixed(1)} ms; Turf union ${turf.toFixed(1)} ms (ratio ${(ours / turf).toFixed(2)})`,
);

// The 조서 of a 구역 made of the 1,000.
const parcel = parcelFromPilji(chosen, { id: "P1", name: "1구역" });
const zone: Zone = {
  parcels: [
    {
      id: "P1",
      name: "1구역",
      geometry: parcel?.geometry as Polygon,
      properties: parcel?.properties ?? {},
    },
  ],
  envelope: null,
  meta: {},
  sourceCrs: "EPSG:4326",
};
const index = cadastreIndex(pilji);
const josoMs = times(() => josoCsv(buildJoso(zone, index, bjd)), 5);
const xlsxStart = performance.now();
await josoXlsx(buildJoso(zone, index, bjd));
const xlsxMs = performance.now() - xlsxStart;
const floor = times(
  () =>
    JSON.stringify(featureCollection(chosen.map((p) => turfFeature(p.geometry, { pnu: p.pnu })))),
  5,
);
console.log(
  `조서 of 1,000 필지: CSV ${josoMs.toFixed(1)} ms, XLSX ${xlsxMs.toFixed(1)} ms; JSON.stringify of the 필지 ${floor.toFixed(1)} ms (CSV ratio ${(josoMs / floor).toFixed(1)})`,
);
