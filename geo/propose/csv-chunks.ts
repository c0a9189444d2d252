/**
 * A large firm CSV read in chunks of rows, so a Worker can report progress between them (and be
 * stopped): each chunk is the header plus some thousands of rows, read by the converters' own CSV
 * reader. A problem names its line in the whole file, as reading it at once would.
 */
import { isFilingError } from "../errors";
import type { ReadOptions } from "../io";
import { readPointsCsv } from "../io";
import type { Firms } from "./firms";
import { type FirmPick, firmsFromFeatures, noFirms } from "./read";

/** Ends of the lines of `text` from `from`, newlines inside quotes skipped (RFC 4180). */
function lineEnds(text: string, from: number, rows: number): number {
  let quoted = false;
  let count = 0;
  for (let i = from; i < text.length; i++) {
    const ch = text.charCodeAt(i);
    if (ch === 34) quoted = !quoted;
    else if (ch === 10 && !quoted && ++count === rows) return i + 1;
  }
  return text.length;
}

function concat(parts: Firms[]): Firms {
  const n = parts.reduce((s, p) => s + p.lon.length, 0);
  const out: Firms = {
    lon: new Float64Array(n),
    lat: new Float64Array(n),
    weight: new Float64Array(n),
  };
  let at = 0;
  for (const p of parts) {
    out.lon.set(p.lon, at);
    out.lat.set(p.lat, at);
    out.weight.set(p.weight, at);
    at += p.lon.length;
  }
  return out;
}

export interface CsvChunkOptions extends ReadOptions, FirmPick {
  /** Rows per chunk (default 20,000). */
  rows?: number;
  /** Called after each chunk with the share of the text read (0–1). */
  onProgress?: (share: number) => void;
}

/** Firms from CSV text, chunk by chunk. */
export function firmsFromCsvText(text: string, opts: CsvChunkOptions = {}): Firms {
  const body = text.replace(/^\uFEFF/, "");
  const headerEnd = lineEnds(body, 0, 1);
  const header = body.slice(0, headerEnd).replace(/\r?\n?$/, "\n");
  const rows = opts.rows ?? 20_000;
  const readOpts: ReadOptions = opts.crs ? { crs: opts.crs } : {};
  const pick: FirmPick = {
    ...(opts.weight ? { weight: opts.weight } : {}),
    ...(opts.industry ? { industry: opts.industry } : {}),
  };
  const parts: Firms[] = [];
  let done = 0;
  let at = headerEnd;
  while (at < body.length) {
    const end = lineEnds(body, at, rows);
    const chunk = body.slice(at, end);
    if (chunk.trim() !== "") {
      try {
        const imported = readPointsCsv(header + chunk, readOpts);
        const features = imported.collection.features;
        parts.push(firmsFromFeatures(features, pick));
        done += features.length;
      } catch (e) {
        // Its line (and firm) params moved on by the rows read before: the whole file's numbers.
        throw isFilingError(e) ? e.movedOn(done) : e;
      }
    }
    at = end;
    opts.onProgress?.(at / body.length);
  }
  if (parts.length === 0) readPointsCsv(header, readOpts);
  const firms = concat(parts);
  if (firms.lon.length === 0) throw noFirms(pick);
  return firms;
}
