/**
 * A minimal reader of source map v3 files (the Base64 VLQ "mappings"), enough to turn a built
 * file's line and column into the source file, line and name the bundler recorded there.
 */

export interface SourcePosition {
  source: string;
  /** 1-based. */
  line: number;
  name: string | null;
  /** The source's own text of that line, when the map carries the sources. */
  text: string | null;
}

interface RawMap {
  sources: string[];
  sourcesContent?: (string | null)[];
  names?: string[];
  mappings: string;
}

/** Per generated line, segments [column, source, line, column, name?] sorted by column. */
type Segment = [number, number, number, number, number];

const BASE64 = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
const DIGIT = new Map([...BASE64].map((c, i) => [c, i]));

function decodeVlq(text: string): number[] {
  const out: number[] = [];
  let value = 0;
  let shift = 0;
  for (const c of text) {
    const digit = DIGIT.get(c) ?? 0;
    value += (digit & 31) * 2 ** shift;
    if (digit & 32) {
      shift += 5;
      continue;
    }
    out.push(value & 1 ? -(value >>> 1) : value >>> 1);
    value = 0;
    shift = 0;
  }
  return out;
}

export class SourceMap {
  private readonly lines: Segment[][] = [];
  private readonly texts = new Map<number, string[]>();

  constructor(private readonly raw: RawMap) {
    let source = 0;
    let line = 0;
    let column = 0;
    let name = -1;
    for (const text of raw.mappings.split(";")) {
      const segments: Segment[] = [];
      let generated = 0;
      for (const part of text.split(",")) {
        if (part === "") continue;
        const [g = 0, s, l, c, n] = decodeVlq(part);
        generated += g;
        if (s === undefined || l === undefined || c === undefined) continue;
        source += s;
        line += l;
        column += c;
        if (n !== undefined) name += n;
        segments.push([generated, source, line, column, n === undefined ? -1 : name]);
      }
      this.lines.push(segments);
    }
  }

  /** The source position of a 0-based generated line and column, or null where none is mapped. */
  lookup(line: number, column: number): SourcePosition | null {
    const segments = this.lines[line];
    if (!segments || segments.length === 0) return null;
    let lo = 0;
    let hi = segments.length - 1;
    if ((segments[0]?.[0] ?? 0) > column) return null;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if ((segments[mid]?.[0] ?? 0) <= column) lo = mid;
      else hi = mid - 1;
    }
    const [, source, srcLine, , name] = segments[lo] ?? [0, 0, 0, 0, -1];
    return {
      source: this.raw.sources[source] ?? "?",
      line: srcLine + 1,
      name: name >= 0 ? (this.raw.names?.[name] ?? null) : null,
      text: this.sourceLines(source)?.[srcLine] ?? null,
    };
  }

  private sourceLines(source: number): string[] | null {
    const cached = this.texts.get(source);
    if (cached) return cached;
    const content = this.raw.sourcesContent?.[source];
    if (typeof content !== "string") return null;
    const lines = content.split("\n");
    this.texts.set(source, lines);
    return lines;
  }
}
