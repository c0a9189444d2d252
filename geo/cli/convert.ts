/**
 * `czd convert <in> --to geojson|geojson-5186|geojson-5179|shp|shp-cp949|csv [-o out]`: any
 * importable filing (GeoJSON in a CRS of FILING.md, zipped Shapefile) to any export format.
 * Text formats go to stdout without -o; a ZIP goes to its default name in the current folder.
 */
import {
  CONVERTERS,
  converterById,
  exportZone,
  importZone,
  TEXT_ENCODINGS,
  type TextEncodingId,
} from "../io";
import type { Lang } from "../messages";
import { parseCliArgs } from "./args";
import { readBytes, runCommand, usage, type Writer, writeOutput } from "./files";

export const CONVERT_HELP = `  czd convert <in> --to ${CONVERTERS.filter((c) => c.write)
  .map((c) => c.id)
  .join("|")} [-o out]
      [--crs EPSG:xxxx]  좌표계가 없는 입력의 좌표계 / CRS of input without one (.prj missing)
      [--encoding utf-8|cp949]  .cpg 없는 dbf의 인코딩 / encoding of a .dbf without .cpg`;

function stemOf(path: string): string {
  const base = path.split(/[\\/]/).pop() ?? "zone";
  return base.replace(/\.(geojson|json|zip|shz|csv)$/i, "") || "zone";
}

async function convert(args: string[], out: Writer, err: Writer): Promise<number> {
  const { values, positionals } = parseCliArgs(args, {
    to: { type: "string" },
    output: { type: "string", short: "o" },
    crs: { type: "string" },
    encoding: { type: "string" },
    lang: { type: "string" },
  });
  const input = positionals[0];
  if (!input) throw usage("FILE_TO_CONVERT");
  if (!values.to) throw usage("FORMAT_TO");
  converterById(values.to);
  const encoding = values.encoding;
  if (encoding !== undefined && !TEXT_ENCODINGS.includes(encoding as TextEncodingId)) {
    throw usage("ENCODING");
  }
  const zone = await importZone(readBytes(input, "input"), input, {
    ...(values.crs ? { crs: values.crs } : {}),
    ...(encoding ? { encoding: encoding as TextEncodingId } : {}),
  });
  const file = await exportZone(zone, values.to, stemOf(values.output ?? input));
  if (values.output) {
    writeOutput(values.output, file.data);
  } else if (typeof file.data === "string") {
    out(file.data);
  } else {
    writeOutput(file.fileName, file.data);
    err(`czd: ${file.fileName}\n`);
  }
  return 0;
}

/** Runs `czd convert`; resolves to the exit code (0 written, 2 unusable input). */
export function runConvert(args: string[], out: Writer, err: Writer): Promise<number> {
  const lang: Lang = args.includes("en") && args.includes("--lang") ? "en" : "ko";
  return runCommand(lang, err, () => convert(args, out, err));
}
