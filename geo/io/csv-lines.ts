/**
 * Lines of a CSV file as a text editor numbers them, for messages that name a row: CRLF, LF and
 * a CR alone each end a line (VS Code's and Notepad's count), so empty lines, quoted fields over
 * several lines and a file's line-break style all count as the planner sees them. A record's line
 * is the line where it starts. Worked out only when a message needs one: reading stays as fast.
 */
import Papa from "papaparse";

/** Line breaks in `text` from `from` to `to`: each LF, and each CR not followed by an LF. */
export function lineBreaks(text: string, from: number, to: number): number {
  let n = 0;
  for (let i = text.indexOf("\n", from); i !== -1 && i < to; i = text.indexOf("\n", i + 1)) n++;
  for (let i = text.indexOf("\r", from); i !== -1 && i < to; i = text.indexOf("\r", i + 1)) {
    if (text.charCodeAt(i + 1) !== 10) n++;
  }
  return n;
}

/** The 1-based line of `text` that character `offset` is on. */
export function lineAt(text: string, offset: number): number {
  return 1 + lineBreaks(text, 0, offset);
}

/**
 * The 1-based line of character `offset` of the text that `pieces` make up, read piece by piece
 * (a CR ending one piece and an LF starting the next are one line break).
 */
export function lineAtInPieces(pieces: Iterable<string>, offset: number): number {
  let breaks = 0;
  let start = 0;
  let crBefore = false;
  for (const piece of pieces) {
    if (piece.length === 0) continue;
    if (crBefore && piece.charCodeAt(0) !== 10) breaks++;
    crBefore = false;
    if (start >= offset) break;
    const end = Math.min(piece.length, offset - start);
    if (end === piece.length && piece.charCodeAt(end - 1) === 13) {
      breaks += lineBreaks(piece, 0, end - 1);
      crBefore = true;
    } else {
      breaks += lineBreaks(piece, 0, end);
    }
    start += piece.length;
  }
  return 1 + breaks + (crBefore ? 1 : 0);
}

export interface RowSplit {
  /** The delimiter and line break Papa Parse read the text with (its `meta`). */
  delimiter: string;
  linebreak: string;
  /** Rows of one empty field are not counted, as Papa Parse's `skipEmptyLines: true` drops them. */
  skipEmptyLines: boolean;
}

/**
 * The 1-based line where row `row` (0-based, counting the header; empty rows left out when
 * `skipEmptyLines`) of `text` starts, its rows split exactly as Papa Parse splits them.
 */
export function csvRowLine(text: string, row: number, split: RowSplit): number {
  let start = 0;
  let found = -1;
  let counted = 0;
  Papa.parse<string[]>(text, {
    delimiter: split.delimiter,
    newline: split.linebreak as "\n" | "\r" | "\r\n",
    step: (result, parser) => {
      const cells = result.data;
      const empty = cells.length === 1 && cells[0] === "";
      if (!(split.skipEmptyLines && empty) && counted++ === row) {
        found = start;
        parser.abort();
      }
      start = result.meta.cursor;
    },
  });
  return lineAt(text, found === -1 ? start : found);
}
