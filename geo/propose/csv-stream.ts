/**
 * Firms from CSV text that arrives in pieces (a file read in a stream), straight into typed
 * arrays: no row objects, no copy of the whole text. It reads what the converters' CSV reader
 * (Papa Parse with a header, empty lines skipped, the whole text trimmed) reads, and refuses what
 * it refuses with the same message and line (the line an editor shows: io/csv-lines.ts): the
 * delimiter, line break and header names come from Papa Parse itself, run on the file's first
 * megabyte; rows are then split the way its parser splits them (a field is quoted only when it
 * starts with a quote; `""` inside is one quote; a quote closes before optional blanks and a
 * delimiter or line break, or at the end of the text).
 */
import Papa from "papaparse";
import { FilingError } from "../errors";
import { MAX_POSITIONS, tooManyPositions } from "../filing";
import type { ReadOptions } from "../io";
import { coordinateColumns } from "../io/csv";
import { lineAtInPieces } from "../io/csv-lines";
import { toLonLat } from "../measure";
import { FirmBuffer, type Firms } from "./firms";
import {
  atRowLine,
  type FirmPick,
  INDUSTRY_COLUMN,
  industryWanted,
  noColumn,
  WEIGHT_COLUMN,
  weightOf,
} from "./read";

/** Papa Parse guesses the line break from the first megabyte, the delimiter from 10 rows. */
const HEAD_CHARS = 1024 * 1024;

/** What String.prototype.trim removes (the same set as a regular expression's \\s). */
const isSpace = (ch: string): boolean => /\s/.test(ch);

function lastNonSpace(text: string): number {
  let i = text.length - 1;
  while (i >= 0 && isSpace(text[i] as string)) i--;
  return i;
}

/**
 * A weight cell of digits alone (and at most one point) as its number, without parseWeight's
 * search for separators: the same number, as there are none to drop. Undefined for anything
 * else (empty, separators, signs, exponents, past MAX_WEIGHT), which weightOf then reads.
 */
function plainWeight(cell: string | undefined): number | undefined {
  if (cell === undefined || cell.length === 0 || cell.length > 15) return undefined;
  let dots = 0;
  for (let k = 0; k < cell.length; k++) {
    const c = cell.charCodeAt(k);
    if (c === 46) dots++;
    else if (c < 48 || c > 57) return undefined;
  }
  return dots > 1 || cell.length === dots ? undefined : Number(cell);
}

export interface CsvFirmOptions extends ReadOptions, FirmPick {}

/** Reads firm rows from text pieces: `push` each piece in order, then `finish`. */
export class CsvFirmReader {
  private readonly opts: CsvFirmOptions;
  private readonly wanted: ReadonlySet<string> | null;
  private readonly out = new FirmBuffer();
  private buf = "";
  /** Leading blanks of the text are still being trimmed. */
  private started = false;
  private header = false;
  private delim = ",";
  private newline = "\n";
  private convert: (p: number[]) => number[] = (p) => p;
  private lonCol = -1;
  private latCol = -1;
  private weightCol = -1;
  private industryCol = -1;
  /** The cells of the columns read, by column index (undefined: the row is short). */
  private cells: (string | undefined)[] = [];
  /** Data rows read (empty lines not counted): row i is firm i + 1. */
  private rows = 0;
  /**
   * Characters of the text before `buf`: a row starting at `p` starts at character
   * `charsBefore + p` of the text, whose line is worked out (by reading the text again) only
   * when a message names it, so reading counts no lines.
   */
  private charsBefore = 0;
  /** The first row whose coordinates are not read (and where it starts), given its line. */
  private badCoordinates: { at: number; error: (line: number) => FilingError } | null = null;
  private missingColumn: FilingError | null = null;
  /** The first bad weight, and where its row starts. */
  private badFirm: { at: number; error: unknown } | null = null;
  /** The header row did not end within the first megabyte: skip it before the first data row. */
  private headerPending = false;

  constructor(opts: CsvFirmOptions = {}) {
    this.opts = opts;
    this.wanted = opts.industry ? new Set(opts.industry.values) : null;
  }

  push(text: string): void {
    if (!this.started) {
      const body = text.trimStart();
      this.charsBefore += text.length - body.length;
      if (body === "") return;
      text = body;
      this.started = true;
    }
    this.buf = this.buf === "" ? text : this.buf + text;
    if (!this.header) {
      if (this.buf.length < HEAD_CHARS) return;
      this.readHeader(this.buf, false);
    }
    // Rows are read only up to the last non-blank character: blank lines at the end of the text
    // are trimmed away as the whole-text reader trims them, not read as rows.
    this.readRows(lastNonSpace(this.buf) + 1, false);
  }

  /**
   * The firms; or the first problem, named by the line of character `at` of the text that
   * `lineAt` works out (csv-lines' lineAtInPieces over the same pieces again).
   */
  finish(lineAt: (at: number) => number): Firms {
    this.buf = this.buf.trimEnd();
    if (!this.header) this.readHeader(this.buf, true);
    this.readRows(this.buf.length, true);
    const bad = this.badCoordinates;
    if (bad) throw bad.error(lineAt(bad.at));
    if (this.rows === 0) {
      throw new FilingError({ code: "BAD_FILE", params: { kind: "CSV_NO_ROWS" } });
    }
    if (this.missingColumn) throw this.missingColumn;
    const firm = this.badFirm;
    if (firm) throw atRowLine(firm.error, () => lineAt(firm.at));
    return this.out.firms();
  }

  /** The delimiter, line break and header names as Papa Parse reads them; then skips the header. */
  private readHeader(head: string, final: boolean): void {
    const meta = Papa.parse<Record<string, string>>(head, {
      header: true,
      skipEmptyLines: true,
      preview: 1,
    }).meta;
    this.delim = meta.delimiter;
    this.newline = meta.linebreak;
    const fields = meta.fields ?? [];
    const cols = coordinateColumns(fields, this.opts);
    this.convert = toLonLat(cols.crs);
    this.lonCol = fields.indexOf(cols.lon);
    this.latCol = fields.indexOf(cols.lat);
    const { weight, industry } = this.opts;
    if (weight !== undefined) {
      this.weightCol = fields.indexOf(weight);
      if (this.weightCol < 0) this.missingColumn = noColumn(weight, fields, WEIGHT_COLUMN);
    }
    if (industry) {
      this.industryCol = fields.indexOf(industry.column);
      if (this.industryCol < 0) {
        this.missingColumn ??= noColumn(industry.column, fields, INDUSTRY_COLUMN);
      }
    }
    this.cells = new Array(
      Math.max(this.lonCol, this.latCol, this.weightCol, this.industryCol) + 1,
    ).fill(undefined);
    this.header = true;
    // The header row itself: read and dropped (an empty text has none).
    if (head.length === 0) return;
    const end = this.record(0, final ? head.length : lastNonSpace(head) + 1, final, false);
    if (end < 0) this.headerPending = true;
    else this.consume(end);
  }

  /** Reads the complete rows of `buf` ending by `limit`; keeps the rest for the next piece. */
  private readRows(limit: number, final: boolean): void {
    let at = 0;
    if (this.headerPending) {
      const end = this.record(0, limit, final, false);
      if (end < 0) return;
      this.headerPending = false;
      at = end;
    }
    while (at < limit) {
      const end = this.record(at, limit, final, true);
      if (end < 0) break;
      at = end;
    }
    if (at > 0) this.consume(at);
  }

  /** Drops the text before `at` from the buffer. */
  private consume(at: number): void {
    this.charsBefore += at;
    this.buf = this.buf.slice(at);
  }

  /**
   * Splits the row starting at `p` (fields up to `limit`, the text's end when `final`); with
   * `take`, reads it as a firm. Returns where the next row starts, or −1 when the row may go on
   * past `limit` and more text is needed.
   */
  private record(p: number, limit: number, final: boolean, take: boolean): number {
    const buf = this.buf;
    const { delim, newline, cells } = this;
    const dl = delim.length;
    const nl = newline.length;
    cells.fill(undefined);
    let field = 0;
    let cur = p;
    let lineEnd = buf.indexOf(newline, cur);
    if (lineEnd >= limit) lineEnd = -1;
    let firstEmpty = false;
    for (;;) {
      let value: string | undefined;
      let next: number;
      let rowDone: boolean;
      if (buf.charCodeAt(cur) === 34) {
        // A quoted field: find its closing quote.
        let q = cur;
        for (;;) {
          q = buf.indexOf('"', q + 1);
          if (q >= limit) q = -1;
          if (q === -1) {
            if (!final) return -1;
            // Never closed: the rest of the text is the field, as it stands.
            value = buf.slice(cur + 1, limit);
            next = limit;
            rowDone = true;
            break;
          }
          if (q === limit - 1) {
            if (!final) return -1;
            value = buf.slice(cur + 1, q).replaceAll('""', '"');
            next = limit;
            rowDone = true;
            break;
          }
          if (buf.charCodeAt(q + 1) === 34) {
            q++;
            continue;
          }
          let s = q + 1;
          while (
            s < limit &&
            isSpace(buf[s] as string) &&
            !buf.startsWith(delim, s) &&
            !buf.startsWith(newline, s)
          ) {
            s++;
          }
          if (!final && s + Math.max(dl, nl) > limit) return -1;
          if (buf.startsWith(delim, s)) {
            value = buf.slice(cur + 1, q).replaceAll('""', '"');
            next = s + dl;
            rowDone = false;
            break;
          }
          if (buf.startsWith(newline, s)) {
            value = buf.slice(cur + 1, q).replaceAll('""', '"');
            next = s + nl;
            rowDone = true;
            break;
          }
          // A stray quote inside the quoted field: part of its text; look further.
        }
        if (lineEnd !== -1 && lineEnd < next) {
          lineEnd = buf.indexOf(newline, next);
          if (lineEnd >= limit) lineEnd = -1;
        }
      } else {
        if (lineEnd === -1 && !final) return -1;
        const rowEnd = lineEnd === -1 ? limit : lineEnd;
        let d = buf.indexOf(delim, cur);
        if (d >= rowEnd) d = -1;
        if (d !== -1) {
          if (field < cells.length || field === 0) value = buf.slice(cur, d);
          next = d + dl;
          rowDone = false;
        } else {
          if (field < cells.length || field === 0) value = buf.slice(cur, rowEnd);
          next = lineEnd === -1 ? limit : rowEnd + nl;
          rowDone = true;
        }
      }
      if (field === 0) firstEmpty = value === "";
      if (field < cells.length) cells[field] = value;
      field++;
      cur = next;
      if (rowDone) break;
    }
    // An empty line (one empty field) is skipped, as Papa Parse's skipEmptyLines skips it.
    if (take && !(field === 1 && firstEmpty)) this.firm(p);
    return cur;
  }

  /**
   * The row just split, as a firm (or left out by the industry filter). A bad row is kept to be
   * named at the end, in the order the whole-text reader finds problems: a bad coordinate in any
   * row first, then no rows, a missing weight or industry column, then a bad weight.
   */
  private firm(p: number): void {
    const i = this.rows++;
    if (i >= MAX_POSITIONS) throw tooManyPositions();
    if (this.badCoordinates) return;
    const { cells } = this;
    const lonText = cells[this.lonCol];
    const latText = cells[this.latCol];
    const a = Number(lonText);
    const b = Number(latText);
    if (!Number.isFinite(a) || !Number.isFinite(b) || lonText === "" || latText === "") {
      const [x, y] = [lonText ?? "", latText ?? ""];
      this.badCoordinates = {
        at: this.charsBefore + p,
        error: (line) =>
          new FilingError({
            code: "BAD_COORDINATES",
            params: { kind: "CSV_NOT_NUMBERS", line, x, y },
          }),
      };
      return;
    }
    const [lon = Number.NaN, lat = Number.NaN] = this.convert([a, b]);
    if (Math.abs(lon) > 180 || Math.abs(lat) > 90) {
      this.badCoordinates = {
        at: this.charsBefore + p,
        error: (line) =>
          new FilingError({
            code: "NOT_LONLAT",
            params: { kind: "CSV_NOT_LONLAT", line, x: a, y: b },
          }),
      };
      return;
    }
    if (this.missingColumn || this.badFirm) return;
    if (this.wanted && !industryWanted(this.wanted, cells[this.industryCol])) return;
    try {
      const w =
        this.weightCol < 0
          ? 1
          : (plainWeight(cells[this.weightCol]) ?? weightOf(cells[this.weightCol], i));
      this.out.push(lon, lat, w);
    } catch (e) {
      this.badFirm = { at: this.charsBefore + p, error: e };
    }
  }
}

/**
 * Firms from CSV text pieces (a stream), as readFirms reads the whole text. `pieces` is called
 * once to read; again, only to find the line of a bad row for its message.
 */
export function firmsFromCsvPieces(
  pieces: () => Iterable<string>,
  opts: CsvFirmOptions = {},
): Firms {
  const reader = new CsvFirmReader(opts);
  for (const piece of pieces()) reader.push(piece);
  return reader.finish((at) => lineAtInPieces(pieces(), at));
}
