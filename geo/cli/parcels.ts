/**
 * `czd parcels <filing> --cadastre <LSMD_CONT_LDREG_….zip|.shp> [--format csv|xlsx]
 * [--encoding utf-8|cp949] [-o 조서.csv]`: the 지번 조서 of a filing against the 연속지적도
 * (FILING.md, "Zones from the cadastre"). A .shp brings its .shx, .dbf, .prj (and .cpg) from the
 * same folder; --cadastre may be given for each neighbouring 시·군. CSV goes to stdout without -o.
 */
import { existsSync } from "node:fs";
import { parseArgs } from "node:util";
import bjdCodes from "../../public/data/bjd-codes.json";
import type { BjdTable } from "../cadastre/bjd";
import { buildJoso, cadastreIndex, type Joso } from "../cadastre/joso";
import { josoAppendixHtml } from "../cadastre/joso-html";
import { josoCsv, josoXlsx } from "../cadastre/joso-write";
import type { Pilji } from "../cadastre/types";
import { importZone, type NamedBytes } from "../io";
import { openCadastre, readPilji } from "../io/lsmd-read";
import type { Lang } from "../messages";
import type { Zone } from "../types";
import { readBytes, runCommand, usage, type Writer, writeOutput } from "./files";

export const PARCELS_HELP = `  czd parcels <filing> --cadastre <LSMD_CONT_LDREG_….zip|.shp> [--format csv|xlsx] [-o 조서.xlsx]
      지번 조서 (필지별 소재지·지번·지목·면적) / the parcel schedule of a filing
      [--encoding utf-8|cp949]  CSV 인코딩 / CSV encoding (default utf-8 with BOM)`;

/** The files of one --cadastre argument: a ZIP, or a .shp with its sibling parts. */
function cadastreFiles(path: string): NamedBytes[] {
  const what = "cadastre";
  if (!/\.shp$/i.test(path)) return [{ name: path, bytes: readBytes(path, what) }];
  const stem = path.slice(0, -4);
  const files: NamedBytes[] = [{ name: path, bytes: readBytes(path, what) }];
  for (const ext of ["shx", "dbf", "prj", "cpg"]) {
    const sibling = [`${stem}.${ext}`, `${stem}.${ext.toUpperCase()}`].find((p) => existsSync(p));
    if (sibling) files.push({ name: sibling, bytes: readBytes(sibling, what) });
  }
  return files;
}

/** The 조서 of a zone against the cadastral maps at these paths. */
function josoOf(zone: Zone, paths: readonly string[]): Joso {
  const pilji: Pilji[] = [];
  for (const path of paths) {
    for (const layer of openCadastre(cadastreFiles(path))) {
      for (const p of readPilji(layer)) pilji.push(p);
    }
  }
  return buildJoso(zone, cadastreIndex(pilji), bjdCodes as BjdTable);
}

/** The 조서 as the A4 report's appendix (`czd report --cadastre`). */
export function josoAppendix(zone: Zone, paths: readonly string[], lang: Lang): string {
  return josoAppendixHtml(josoOf(zone, paths), lang);
}

async function parcels(args: string[], out: Writer): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: {
      cadastre: { type: "string", multiple: true },
      format: { type: "string", default: "csv" },
      encoding: { type: "string", default: "utf-8" },
      output: { type: "string", short: "o" },
      lang: { type: "string" },
    },
  });
  const file = positionals[0];
  if (!file) throw usage("FILING_TO_LIST");
  if (!values.cadastre?.length) {
    throw usage("CADASTRE");
  }
  if (values.format !== "csv" && values.format !== "xlsx") {
    throw usage("FORMAT_PARCELS");
  }
  if (values.encoding !== "utf-8" && values.encoding !== "cp949") {
    throw usage("ENCODING");
  }
  const zone = await importZone(readBytes(file, "filing"), file);
  const joso = josoOf(zone, values.cadastre);
  const bytes = values.format === "xlsx" ? await josoXlsx(joso) : josoCsv(joso, values.encoding);
  if (values.output) writeOutput(values.output, bytes);
  else if (values.format === "csv") out(new TextDecoder().decode(bytes));
  else throw usage("XLSX_NEEDS_OUTPUT");
  return 0;
}

/** Runs `czd parcels`; resolves to the exit code (0 written, 2 unusable input). */
export function runParcels(args: string[], out: Writer, err: Writer, lang: Lang): Promise<number> {
  return runCommand(lang, err, () => parcels(args, out));
}
