/**
 * Firms from a file read in a stream (the CLI's way for a million firms): CSV and GeoJSON pass
 * through in pieces into typed arrays, decoded as the whole-file reader decodes them, and give
 * the same firms or the same message (named with the file, as importFeatures names it). Other
 * formats, and GeoJSON this reader leaves to the whole-file reader, throw WholeFileNeeded.
 */
import { FilingError, isFilingError } from "../errors";
import { baseName } from "../io/registry";
import { firmsFromCsvPieces } from "./csv-stream";
import type { Firms } from "./firms";
import { firmsFromGeoJsonPieces, WholeFileNeeded } from "./geojson-stream";
import { type FirmPick, type FirmReadOptions, noFirms } from "./read";
import { type ByteSource, readText } from "./text-stream";

export { WholeFileNeeded } from "./geojson-stream";
export type { ByteSource } from "./text-stream";

/** The format read in a stream for this file name, by extension as readerFor picks one. */
export function streamedFormat(name: string): "csv" | "geojson" | null {
  const lower = name.toLowerCase();
  if (lower.endsWith(".geojson") || lower.endsWith(".json")) return "geojson";
  if (lower.endsWith(".csv") || lower.endsWith(".txt")) return "csv";
  return null;
}

/** A problem named with the file, as importFeatures names it. */
function named(e: unknown, name: string): unknown {
  if (e instanceof WholeFileNeeded) return e;
  const file = baseName(name);
  if (isFilingError(e)) return e.inFile(file);
  const why = e instanceof Error ? e.message : String(e);
  return new FilingError({ code: "BAD_FILE", params: { kind: "CANNOT_READ", file, why } });
}

/** Firms from the file `name` whose bytes `source` reads, as readFirms reads its bytes. */
export function readFirmsStream(
  source: ByteSource,
  name: string,
  opts: FirmReadOptions = {},
): Firms {
  const format = streamedFormat(name);
  if (format === null) throw new WholeFileNeeded();
  const { weight, industry } = opts;
  const pick: FirmPick = { ...(weight ? { weight } : {}), ...(industry ? { industry } : {}) };
  let firms: Firms;
  try {
    firms =
      format === "csv"
        ? readText(
            source,
            (text) => firmsFromCsvPieces(text, { ...pick, ...(opts.crs ? { crs: opts.crs } : {}) }),
            opts.encoding,
          )
        : // The GeoJSON reader detects its encoding whatever the options say.
          readText(source, (text) => firmsFromGeoJsonPieces(text(), pick));
  } catch (e) {
    throw named(e, name);
  }
  if (firms.lon.length === 0) throw noFirms(pick);
  return firms;
}
