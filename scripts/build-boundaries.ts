/**
 * Builds the embedded boundaries from the KOSTAT (SGIS) 2018 시·군·구 kept in scripts/kostat/source/
 * (공공누리 제1유형, see its README.md and LICENSE.md):
 *
 *   public/data/sido.json       the 17 시·도, for inferring a zone's 시·도 and for the basemap
 *   public/data/sigungu.json    the 250 시·군·구, for the report's `sido.sigungu` and the basemap
 *   public/data/sido-lite.json  the 17 시·도 coarsely simplified, for the map's first frame only:
 *                               drawn below MapLibre zoom 7, never measured or checked against;
 *                               each feature carries where its name goes (`labelAt`)
 *
 *   npm run data:boundaries              # writes public/data/
 *   npm run data:boundaries -- some/dir  # writes some/dir/ (the reproducibility test does this)
 *
 * Both layers come from the municipalities alone, so a 시·도 is exactly the union of its 시·군·구:
 * mapshaper cleans the source (it has overlapping parts and slivers), the script applies what
 * changed since 2018 (군위군 → 대구, 2023-07; today's 시·도 names from geo/sido/table.ts), then
 * the 시·군·구 are simplified once on the shared topology (no gaps or overlaps open between
 * neighbours, every island kept), the 시·도 dissolved from them, and each layer written with one
 * feature a line, in code order. Nothing depends on time or randomness, and
 * the mapshaper version is pinned, so a rerun writes the same bytes.
 */
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import type { Feature, FeatureCollection, MultiPolygon, Polygon } from "geojson";
import mapshaper from "mapshaper";
import { SIDO } from "../geo/sido/table";
import { labelPoint } from "../src/map/label-point";

const SOURCE = "scripts/kostat/source/skorea-municipalities-2018-topo.json";
/**
 * Simplification tolerance, metres, of both layers (the 시·도 are dissolved from the simplified
 * 시·군·구, so the two agree exactly): the map at zoom 8–12, and a 시·도 layer every check loads
 * of about 500 kB.
 */
const INTERVAL_M = 150;
/** Decimal degrees kept: 0.0001° is about 10 m, finer than the 100 m simplification. */
const PRECISION = 0.0001;

/**
 * The first frame's 시·도 (sido-lite.json): drawn only below MapLibre zoom 7 (about 500 m a pixel
 * and coarser), so a 700 m simplification moves a border by about a pixel or two there, and an
 * island under 0.5 km² is under a pixel. About a sixth of sido.json's size; the full file is the
 * map's from zoom 7 on and the only one the checker and the readouts use.
 */
const LITE_INTERVAL_M = 700;
const LITE_MIN_ISLAND_KM2 = 0.5;
/** 0.001° is about 100 m, a fifth of a pixel at zoom 7. */
const LITE_PRECISION = 0.001;

/** KOSTAT's 2-digit 시·도 codes → ISO 3166-2:KR (the source README's table). */
const KOSTAT_SIDO: Readonly<Record<string, string>> = {
  "11": "KR-11",
  "21": "KR-26",
  "22": "KR-27",
  "23": "KR-28",
  "24": "KR-29",
  "25": "KR-30",
  "26": "KR-31",
  "29": "KR-50",
  "31": "KR-41",
  "32": "KR-42",
  "33": "KR-43",
  "34": "KR-44",
  "35": "KR-45",
  "36": "KR-46",
  "37": "KR-47",
  "38": "KR-48",
  "39": "KR-49",
};

/** 시·군·구 that moved to another 시·도 since 2018, by KOSTAT code (they keep their 2018 code). */
const MOVED: Readonly<Record<string, string>> = {
  "37310": "KR-27", // 군위군: 경상북도 → 대구광역시, 2023-07-01
};

interface SourceProps {
  code: string;
  name: string;
  name_eng: string;
}

interface Topology {
  objects: Record<string, { geometries: { properties: SourceProps & { sido?: string } }[] }>;
}

function sidoOf(code: string): string {
  const iso = MOVED[code] ?? KOSTAT_SIDO[code.slice(0, 2)];
  if (!iso) throw new Error(`KOSTAT code ${code} names no 시·도 the script knows`);
  return iso;
}

/** "수원시장안구" → "수원시 장안구": KOSTAT writes a 일반구 glued to its 시. */
function spacedName(code: string, name: string): string {
  const m = /^(.+시)(.+구)$/.exec(name);
  return m && !code.endsWith("0") ? `${m[1]} ${m[2]}` : name;
}

type Area = Feature<Polygon | MultiPolygon>;

/**
 * Both layers from one simplification: each island is its own shape while simplifying
 * (`-explode`, so `keep-shapes` keeps every islet, not only each feature's largest ring), then
 * the parts are dissolved back into their 시·군·구, and the 시·군·구 into their 시·도. So the 시·도
 * layer is exactly the union of the 시·군·구 layer: every island the one holds (독도, 마라도, 가거도
 * …) the other holds too, and no border of the two layers differs by a vertex.
 */
async function simplifiedLayers(topo: Topology): Promise<{ sigungu: Area[]; sido: Area[] }> {
  const steps = [
    "-i source.json",
    "-clean",
    "-explode",
    `-simplify interval=${INTERVAL_M} keep-shapes`,
    "-dissolve code copy-fields=name,name_eng,sido + name=sigungu",
    "-dissolve sido target=sigungu + name=sido",
    `-o target=sigungu,sido format=geojson precision=${PRECISION}`,
  ];
  const out = await mapshaper.applyCommands(steps.join(" "), {
    "source.json": JSON.stringify(topo),
  });
  const layer = (name: string): Area[] => {
    const fc = JSON.parse(String(out[`${name}.json`])) as FeatureCollection;
    return fc.features.filter(
      (f): f is Area => f.geometry?.type === "Polygon" || f.geometry?.type === "MultiPolygon",
    );
  };
  return { sigungu: layer("sigungu"), sido: layer("sido") };
}

/** The 시·도 alone, coarser (LITE_*), from the same source and the same 시·도 of each 시·군·구. */
async function liteSido(topo: Topology): Promise<Area[]> {
  const steps = [
    "-i source.json",
    "-clean",
    "-explode",
    `-simplify interval=${LITE_INTERVAL_M} keep-shapes`,
    "-dissolve code copy-fields=sido + name=sigungu",
    `-filter-islands min-area=${LITE_MIN_ISLAND_KM2}km2`,
    "-dissolve sido + name=sido",
    `-o target=sido format=geojson precision=${LITE_PRECISION}`,
  ];
  const out = await mapshaper.applyCommands(steps.join(" "), {
    "source.json": JSON.stringify(topo),
  });
  const fc = JSON.parse(String(out["sido.json"])) as FeatureCollection;
  return fc.features.filter(
    (f): f is Area => f.geometry?.type === "Polygon" || f.geometry?.type === "MultiPolygon",
  );
}

/**
 * Each coarse 시·도 with the point its name is placed at (`labelAt`, [lon, lat]: what the map's
 * labelPoint gives for that feature, exactly), as a GeoJSON foreign member beside `properties`:
 * MapLibre's worker never tiles it, and the page does not spend ≈ 30–80 ms of the first render
 * finding the 17 points. test/app/sido-label-points.test.ts checks they are still what the code
 * computes.
 */
function withLabelPoints(sido: Area[]): (Area & { labelAt: [number, number] })[] {
  return sido.map((f) => {
    const at = labelPoint(f);
    if (!at) throw new Error(`no label point for 시·도 ${f.properties?.code}`);
    const [lon = 0, lat = 0] = at;
    return { type: "Feature", properties: f.properties, labelAt: [lon, lat], geometry: f.geometry };
  });
}

function byCode(a: Feature, b: Feature): number {
  return String(a.properties?.code).localeCompare(String(b.properties?.code));
}

/** One feature a line: compact, yet a diff shows which 시·군·구 changed. */
function layout(features: Feature[]): string {
  const lines = features.map((f) => JSON.stringify(f));
  return `{"type":"FeatureCollection","features":[\n${lines.join(",\n")}\n]}\n`;
}

/** Each 시·도 with today's names from geo/sido/table.ts, in code order; all 17 or an error. */
function namedSido(dissolved: Area[]): Area[] {
  const sido = dissolved
    .map((f): Area => {
      const code = String(f.properties?.sido);
      const info = SIDO.find((s) => s.code === code);
      if (!info) throw new Error(`no 시·도 ${code} in geo/sido/table.ts`);
      const { name, nameEn, metro, capital } = info;
      return {
        type: "Feature",
        properties: { code, name, nameEn, metro, capital },
        geometry: f.geometry,
      };
    })
    .sort(byCode);
  if (sido.length !== SIDO.length)
    throw new Error(`${sido.length} 시·도 built, not ${SIDO.length}`);
  return sido;
}

export async function buildBoundaries(
  outDir: string,
): Promise<{ sido: number; sigungu: number; lite: number }> {
  const topo = JSON.parse(readFileSync(SOURCE, "utf8")) as Topology;
  for (const layer of Object.values(topo.objects)) {
    for (const g of layer.geometries) g.properties.sido = sidoOf(g.properties.code);
  }
  const layers = await simplifiedLayers(topo);
  const sigungu = layers.sigungu
    .map((f): Area => {
      const p = f.properties as SourceProps & { sido: string };
      return {
        type: "Feature",
        properties: {
          code: p.code,
          name: spacedName(p.code, p.name),
          nameEn: p.name_eng,
          sido: p.sido,
        },
        geometry: f.geometry,
      };
    })
    .sort(byCode);
  const sido = namedSido(layers.sido);
  const lite = withLabelPoints(namedSido(await liteSido(topo)));
  mkdirSync(outDir, { recursive: true });
  writeFileSync(join(outDir, "sido.json"), layout(sido));
  writeFileSync(join(outDir, "sigungu.json"), layout(sigungu));
  writeFileSync(join(outDir, "sido-lite.json"), layout(lite));
  return { sido: sido.length, sigungu: sigungu.length, lite: lite.length };
}

if (process.argv[1]?.endsWith("build-boundaries.ts")) {
  const dir = process.argv[2] ?? "public/data";
  const n = await buildBoundaries(dir);
  console.log(
    `${dir}: ${n.sido} 시·도 (sido.json), ${n.sigungu} 시·군·구 (sigungu.json), ` +
      `${n.lite} 시·도 for the first frame (sido-lite.json)`,
  );
}
