/**
 * A large firm CSV read in chunks of rows, so a Worker can report progress between them (and be
 * stopped): each chunk is the header plus some thousands of rows, read by the converters' own CSV
 * reader. A problem names its line in the whole file, as reading it at once would.
 */
import { isFilingError } from "../errors";
import type { Imported, ReadOptions } from "../io";
import { readPointsCsv } from "../io";
import { lineBreaks } from "../io/csv-lines";
import type { Firms } from "./firms";
import { atRowLine, type FirmPick, firmsFromFeatures, noFirms } from "./read";

/**
 * Ends of the lines of `text` from `from` (LF, CRLF or a CR alone), line breaks inside quotes
 * skipped (RFC 4180).
 */
function lineEnds(text: string, from: number, rows: number): number {
  let quoted = false;
  let count = 0;
  for (let i = from; i < text.length; i++) {
    const ch = text.charCodeAt(i);
    if (ch === 34) quoted = !quoted;
    else if (quoted || (ch !== 10 && ch !== 13)) continue;
    else if (ch === 13 && text.charCodeAt(i + 1) === 10) continue;
    else if (++count === rows) return i + 1;
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
  // The header is the first line that is not blank (the converters' reader trims the text, BOM
  // included); it keeps its own line break, so each chunk reads with the file's. Lines are
  // counted from the text's start.
  const start = text.length - text.trimStart().length;
  const headerEnd = lineEnds(text, start, 1);
  const header = text.slice(start, headerEnd);
  const headerLines = lineBreaks(header, 0, header.length);
  const rows = opts.rows ?? 20_000;
  const readOpts: ReadOptions = opts.crs ? { crs: opts.crs } : {};
  const pick: FirmPick = {
    ...(opts.weight ? { weight: opts.weight } : {}),
    ...(opts.industry ? { industry: opts.industry } : {}),
  };
  const parts: Firms[] = [];
  let done = 0;
  let at = headerEnd;
  while (at < text.length) {
    const end = lineEnds(text, at, rows);
    const chunk = text.slice(at, end);
    if (chunk.trim() !== "") {
      let imported: Imported | undefined;
      try {
        imported = readPointsCsv(header + chunk, readOpts);
        const features = imported.collection.features;
        parts.push(firmsFromFeatures(features, pick));
        done += features.length;
      } catch (e) {
        // Named by its line in the chunk, moved on to the whole file's line (and firm number).
        const named = imported?.rowLine ? atRowLine(e, imported.rowLine) : e;
        if (!isFilingError(named)) throw named;
        throw named.movedOn({ lines: lineBreaks(text, 0, at) - headerLines, records: done });
      }
    }
    at = end;
    opts.onProgress?.(at / text.length);
  }
  if (parts.length === 0) {
    try {
      readPointsCsv(header, readOpts);
    } catch (e) {
      throw isFilingError(e) ? e.movedOn({ lines: lineBreaks(text, 0, start), records: 0 }) : e;
    }
  }
  const firms = concat(parts);
  if (firms.lon.length === 0) throw noFirms(pick);
  return firms;
}
