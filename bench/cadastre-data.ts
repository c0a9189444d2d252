/**
 * The benches' synthetic 진주 of about 300,000 필지 in the real 연속지적도 schema, built by
 * scripts/build-cadastre.ts into .tmp/bench-cadastre the first time a bench asks for it (the
 * same seed every time, so every bench and every run reads the same files).
 */
import { existsSync } from "node:fs";
import { join } from "node:path";
import { buildCadastre } from "../scripts/build-cadastre";

export const CADASTRE_DIR = ".tmp/bench-cadastre";
/** The view the app benches open: lat, lon of central 진주. */
export const CADASTRE_CENTRE = [35.18, 128.1076] as const;
const NAMES = ["shp", "shx", "dbf", "prj"].map((ext) => `LSMD_CONT_LDREG_48170.${ext}`);

/** The paths of the .shp, .shx, .dbf and .prj, built first if they are not there. */
export async function benchCadastre(): Promise<string[]> {
  const paths = NAMES.map((n) => join(CADASTRE_DIR, n));
  if (!existsSync(paths[0] as string)) {
    await buildCadastre({
      kostatCode: "38030",
      centre: [CADASTRE_CENTRE[1], CADASTRE_CENTRE[0]],
      target: 300_000,
      outDir: CADASTRE_DIR,
    });
  }
  return paths;
}
