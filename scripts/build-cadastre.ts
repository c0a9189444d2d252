/**
 * Writes a synthetic 연속지적도 (scripts/cadastre/tessellate.ts) for one KOSTAT 시·군 as
 * `LSMD_CONT_LDREG_<code>.shp .shx .dbf .prj` (EPSG:5186, CP949), optionally zipped.
 *
 *   npx tsx scripts/build-cadastre.ts --sgg 38030 --centre 128.1076,35.1800 [--window 1600]
 *     [--scale 1] [--target 300000] [--out dir] [--zip]
 *
 * `--target` rescales the lots once so the 필지 count comes near it. The default centre is 진주's
 * old town (approximate).
 */
import { mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { parseArgs } from "node:util";
import JSZip from "jszip";
import { fromLonLat } from "../geo/measure";
import { lsmdWriter } from "./cadastre/lsmd-write";
import { type TessellateOptions, tessellate } from "./cadastre/tessellate";
import { topoPolygons } from "./cadastre/topo";

interface Codes {
  names: Record<string, string>;
  kostat: Record<string, string>;
}

/** The 동 and 리 codes of a 시·군·구 that have no code below them. */
export function leafCodes(codes: Codes, sgg: string): { dong: string[]; ri: string[] } {
  const own = Object.keys(codes.names).filter(
    (c) => c.startsWith(sgg) && !c.endsWith("00000") && c !== `${sgg}00000`,
  );
  const parents = new Set(own.filter((c) => !c.endsWith("00")).map((c) => `${c.slice(0, 8)}00`));
  return {
    dong: own.filter((c) => c.endsWith("00") && !parents.has(c)),
    ri: own.filter((c) => !c.endsWith("00")),
  };
}

export interface CadastreBuild {
  kostatCode: string;
  centre: [number, number];
  windowM?: number;
  scale?: number;
  target?: number;
  outDir: string;
  zip?: boolean;
}

/** Builds the layer; returns its base path and 필지 count. */
export async function buildCadastre(b: CadastreBuild): Promise<{ path: string; count: number }> {
  const topo = JSON.parse(
    readFileSync("scripts/kostat/source/skorea-municipalities-2018-topo.json", "utf8"),
  );
  const codes = JSON.parse(readFileSync("public/data/bjd-codes.json", "utf8")) as Codes;
  const sgg = codes.kostat[b.kostatCode];
  if (!sgg) throw new Error(`no 행정표준코드 for KOSTAT ${b.kostatCode}`);
  const polys = topoPolygons(topo, "skorea_municipalities_2018_geo", b.kostatCode);
  if (!polys) throw new Error(`no KOSTAT 시·군 ${b.kostatCode}`);
  const tm = fromLonLat("EPSG:5186");
  const outline = polys.map((p) => p.map((ring) => ring.map((q) => tm(q) as [number, number])));
  const opts: TessellateOptions = {
    outline,
    centre: tm(b.centre) as [number, number],
    bjd: leafCodes(codes, sgg),
    sggCode: sgg,
    scale: b.scale ?? 1,
    ...(b.windowM ? { windowM: b.windowM } : {}),
  };
  if (b.target) {
    const n = tessellate(opts, () => {});
    opts.scale = (opts.scale ?? 1) * Math.sqrt(n / b.target);
  }
  mkdirSync(b.outDir, { recursive: true });
  const base = join(b.outDir, `LSMD_CONT_LDREG_${sgg}`);
  const writer = lsmdWriter(base, (p, d) => writeFileSync(p, d));
  let oid = 0;
  tessellate(opts, (p) => writer.add({ ...p, bchk: "1", sggOid: ++oid, colAdmSe: sgg }));
  const count = writer.close();
  if (b.zip) {
    const zip = new JSZip();
    for (const ext of ["shp", "shx", "dbf", "prj"]) {
      const name = `LSMD_CONT_LDREG_${sgg}.${ext}`;
      zip.file(name, readFileSync(`${base}.${ext}`), { date: new Date("2026-01-01T00:00:00Z") });
      rmSync(`${base}.${ext}`);
    }
    const bytes = await zip.generateAsync({ type: "uint8array", compression: "DEFLATE" });
    writeFileSync(`${base}.zip`, bytes);
    return { path: `${base}.zip`, count };
  }
  return { path: `${base}.shp`, count };
}

if (process.argv[1]?.endsWith("build-cadastre.ts")) {
  const { values } = parseArgs({
    options: {
      sgg: { type: "string", default: "38030" },
      centre: { type: "string", default: "128.1076,35.1800" },
      window: { type: "string" },
      scale: { type: "string" },
      target: { type: "string" },
      out: { type: "string", default: ".tmp/cadastre" },
      zip: { type: "boolean", default: false },
    },
  });
  const [lon = 0, lat = 0] = (values.centre ?? "").split(",").map(Number);
  const built = await buildCadastre({
    kostatCode: values.sgg ?? "38030",
    centre: [lon, lat],
    ...(values.window ? { windowM: Number(values.window) } : {}),
    ...(values.scale ? { scale: Number(values.scale) } : {}),
    ...(values.target ? { target: Number(values.target) } : {}),
    outDir: values.out ?? ".tmp/cadastre",
    zip: values.zip ?? false,
  });
  console.log(`${built.path}: ${built.count} 필지`);
}
