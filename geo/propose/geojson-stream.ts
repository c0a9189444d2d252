/**
 * Firms from a GeoJSON FeatureCollection whose text arrives in pieces (a file read in a stream):
 * the `features` array is walked one feature at a time, each parsed on its own and added to typed
 * arrays, so a million Points never become one document of a million objects. Anything this
 * reader does not handle the way the whole-file reader does (a legacy `crs` member, a lone
 * Feature or geometry, a syntax error, nesting past the limit, a repeated member) ends the stream
 * with `WholeFileNeeded`: the caller then reads the file whole, which gives its own answer or
 * message, exactly as before.
 */
import type { Feature } from "geojson";
import { MAX_POSITIONS, tooManyPositions } from "../filing";
import { MAX_DEPTH } from "../filing/limits";
import { FirmBuffer, type Firms } from "./firms";
import { addFeatureFirms, type FirmPick, INDUSTRY_COLUMN, noColumn, WEIGHT_COLUMN } from "./read";

/** This file is read whole instead (see the module's comment). */
export class WholeFileNeeded extends Error {}

/** Where in the document the reader is. */
const At = {
  Start: 0,
  Key: 1,
  Colon: 2,
  Value: 3,
  Next: 4,
  FeaturesOpen: 5,
  FirstFeature: 6,
  Feature: 7,
  NextFeature: 8,
  Done: 9,
} as const;
type Place = (typeof At)[keyof typeof At];

const isBlank = (c: number): boolean => c === 32 || c === 10 || c === 13 || c === 9;
const startsNumber = (c: number): boolean => (c >= 48 && c <= 57) || c === 45;

/** No member of `o` (an object) is an object or array, but those `except` names. */
function flat(o: object, except?: string, except2?: string): boolean {
  for (const k in o) {
    const v = (o as Record<string, unknown>)[k];
    if (typeof v === "object" && v !== null && k !== except && k !== except2) return false;
  }
  return true;
}

/**
 * A feature of flat properties and a Point (or no geometry): depth 5 at most and no position in
 * an array, so checkDepth's walk would find nothing — the million-firm case, spared the walk.
 */
function flatPoint(f: unknown): boolean {
  if (typeof f !== "object" || f === null || Array.isArray(f)) return false;
  if (!flat(f, "properties", "geometry")) return false;
  const { properties: p, geometry: g } = f as { properties?: unknown; geometry?: unknown };
  if (typeof p === "object" && p !== null && (Array.isArray(p) || !flat(p))) return false;
  if (typeof g !== "object" || g === null) return true;
  if (Array.isArray(g) || !flat(g, "coordinates")) return false;
  const c = (g as { coordinates?: unknown }).coordinates;
  if (typeof c !== "object" || c === null) return true;
  return Array.isArray(c) && c.every((n) => typeof n !== "object" || n === null);
}

/** Reads a FeatureCollection's firms from text pieces: `push` each piece, then `finish`. */
export class GeoJsonFirmReader {
  private readonly pick: FirmPick;
  private readonly wanted: ReadonlySet<string> | null;
  private readonly out = new FirmBuffer();
  private buf = "";
  private at: Place = At.Start;
  private key = "";
  private readonly seen = new Set<string>();
  private type: unknown;
  /** Where the value being scanned starts in `buf`, and how far the scan got. */
  private valueStart = -1;
  private scan = 0;
  /** The scan's containers (true: an array), inside a string, after a backslash, after a `[`. */
  private stack: boolean[] = [];
  private inString = false;
  private escaped = false;
  private afterBracket = false;
  /** Positions as checkDepth counts them: arrays starting with a number, inside an array. */
  private positions = 0;
  private features = 0;
  private first: Feature | null = null;
  private sawWeight = false;
  private sawIndustry = false;
  /** The first feature refused, named at the end (after the checks the whole reader makes first). */
  private badFeature: unknown = null;
  private tooMany = false;

  constructor(pick: FirmPick = {}) {
    this.pick = pick;
    this.wanted = pick.industry ? new Set(pick.industry.values) : null;
  }

  push(text: string): void {
    this.buf = this.buf === "" ? text : this.buf + text;
    this.run(false);
  }

  finish(): Firms {
    this.run(true);
    if (this.at !== At.Done || this.type !== "FeatureCollection" || !this.seen.has("features")) {
      throw new WholeFileNeeded();
    }
    if (this.tooMany || this.positions > MAX_POSITIONS) throw tooManyPositions();
    const { weight, industry } = this.pick;
    const found = () => Object.keys(this.first?.properties ?? {});
    if (this.features > 0 && weight !== undefined && !this.sawWeight) {
      throw noColumn(weight, found(), WEIGHT_COLUMN);
    }
    if (this.features > 0 && industry && !this.sawIndustry) {
      throw noColumn(industry.column, found(), INDUSTRY_COLUMN);
    }
    if (this.badFeature) throw this.badFeature;
    return this.out.firms();
  }

  private run(final: boolean): void {
    const buf = this.buf;
    let i = Math.max(this.valueStart, 0);
    // One try a piece at parsing its whole features in one JSON.parse (see batch).
    let batchFailed = false;
    for (;;) {
      if (this.at === At.Value || this.at === At.Feature) {
        if (this.valueStart < 0) {
          while (i < buf.length && isBlank(buf.charCodeAt(i))) i++;
          if (i >= buf.length) break;
          if (this.at === At.Feature && !batchFailed) {
            const end = this.batch(i);
            if (end >= 0) {
              i = end;
              this.at = At.NextFeature;
              continue;
            }
            batchFailed = true;
          }
          this.valueStart = i;
          this.scan = i;
        }
        const end = this.scanValue(final);
        if (end < 0) break;
        const text = buf.slice(this.valueStart, end);
        this.valueStart = -1;
        i = end;
        if (this.at === At.Feature) {
          this.feature(text);
          this.at = At.NextFeature;
        } else {
          this.member(text);
          this.at = At.Next;
        }
        continue;
      }
      while (i < buf.length && isBlank(buf.charCodeAt(i))) i++;
      if (i >= buf.length) break;
      const c = buf.charCodeAt(i);
      switch (this.at) {
        case At.Start:
          if (c !== 123) throw new WholeFileNeeded();
          this.at = At.Key;
          i++;
          break;
        case At.Key: {
          if (c === 125 && this.seen.size === 0) {
            this.at = At.Done;
            i++;
            break;
          }
          if (c !== 34) throw new WholeFileNeeded();
          const close = buf.indexOf('"', i + 1);
          if (close < 0) {
            if (final) throw new WholeFileNeeded();
            this.keep(i);
            return;
          }
          const key = buf.slice(i + 1, close);
          if (key.includes("\\") || this.seen.has(key)) throw new WholeFileNeeded();
          this.seen.add(key);
          this.key = key;
          this.at = At.Colon;
          i = close + 1;
          break;
        }
        case At.Colon:
          if (c !== 58) throw new WholeFileNeeded();
          this.at = this.key === "features" ? At.FeaturesOpen : At.Value;
          i++;
          break;
        case At.Next:
          if (c === 44) this.at = At.Key;
          else if (c === 125) this.at = At.Done;
          else throw new WholeFileNeeded();
          i++;
          break;
        case At.FeaturesOpen:
          if (c !== 91) throw new WholeFileNeeded();
          this.at = At.FirstFeature;
          i++;
          break;
        case At.FirstFeature:
          if (c === 93) {
            this.at = At.Next;
            i++;
          } else this.at = At.Feature;
          break;
        case At.NextFeature:
          if (c === 44) this.at = At.Feature;
          else if (c === 93) this.at = At.Next;
          else throw new WholeFileNeeded();
          i++;
          break;
        default:
          // Text after the closing brace.
          throw new WholeFileNeeded();
      }
    }
    if (final && this.at !== At.Done) throw new WholeFileNeeded();
    this.keep(this.valueStart >= 0 ? this.valueStart : i);
  }

  /** Drops the text before `from`, which is read. */
  private keep(from: number): void {
    if (from <= 0) return;
    this.buf = this.buf.slice(from);
    if (this.valueStart >= 0) {
      this.scan -= from;
      this.valueStart -= from;
    }
  }

  /**
   * Scans the value at `valueStart` on from `scan`: its end, or −1 when it goes on past the
   * text read so far. Counts positions and watches the nesting depth on the way. `stack[0]` is
   * the value's container (the features array, or the document), then one entry per open
   * container (true: an array).
   */
  private scanValue(final: boolean): number {
    const buf = this.buf;
    const stack = this.stack;
    if (stack.length === 0) stack.push(this.at === At.Feature);
    // checkDepth's depth of the value itself: 3 for a feature, 2 for a member's value.
    const depth0 = this.at === At.Feature ? 3 : 2;
    let i = this.scan;
    if (stack.length === 1 && !this.inString && i === this.valueStart) {
      const c = buf.charCodeAt(i);
      if (c !== 34 && c !== 123 && c !== 91) {
        // A number, true, false or null: up to the next delimiter.
        while (i < buf.length) {
          const d = buf.charCodeAt(i);
          if (d === 44 || d === 125 || d === 93 || isBlank(d)) return this.ended(i);
          i++;
        }
        if (final) return this.ended(i);
        return -1;
      }
    }
    for (; i < buf.length; i++) {
      const c = buf.charCodeAt(i);
      if (this.inString) {
        if (this.escaped) this.escaped = false;
        else if (c === 92) this.escaped = true;
        else if (c === 34) {
          this.inString = false;
          if (stack.length === 1) return this.ended(i + 1);
        }
        continue;
      }
      if (this.afterBracket && !isBlank(c)) {
        this.afterBracket = false;
        // An array starting with a number inside an array: a position, as checkDepth counts.
        if (startsNumber(c) && stack[stack.length - 2] === true) this.positions++;
      }
      if (c === 34) this.inString = true;
      else if (c === 123 || c === 91) {
        stack.push(c === 91);
        if (stack.length - 2 + depth0 > MAX_DEPTH) throw new WholeFileNeeded();
        this.afterBracket = c === 91;
      } else if (c === 125 || c === 93) {
        stack.pop();
        if (stack.length === 1) return this.ended(i + 1);
        if (stack.length === 0) throw new WholeFileNeeded();
      }
    }
    this.scan = i;
    if (final) throw new WholeFileNeeded();
    return -1;
  }

  /** The value scanned ends at `end`: the scan's state is cleared for the next. */
  private ended(end: number): number {
    this.stack = [];
    this.inString = false;
    this.escaped = false;
    this.afterBracket = false;
    return end;
  }

  private member(text: string): void {
    let value: unknown;
    try {
      value = JSON.parse(text);
    } catch {
      throw new WholeFileNeeded();
    }
    // A legacy crs member (reprojection, its own checks): the whole-file reader's work.
    if (this.key === "crs" && value !== null) throw new WholeFileNeeded();
    if (this.key === "type") this.type = value;
  }

  /**
   * The features from `from` (the start of one) to the last `},{` of the text read, parsed in one
   * JSON.parse: −1 if that is not a run of whole features (the cut fell inside one, say inside a
   * property's list of objects; the features are then scanned one by one), else where it ends.
   * A cut inside a string or a feature leaves an unclosed string or bracket, which JSON.parse
   * refuses, so a run it accepts is whole features.
   */
  private batch(from: number): number {
    const buf = this.buf;
    let open = buf.lastIndexOf("{");
    let cut = -1;
    while (open > from) {
      let k = open - 1;
      while (k > from && isBlank(buf.charCodeAt(k))) k--;
      if (buf.charCodeAt(k) === 44) {
        k--;
        while (k > from && isBlank(buf.charCodeAt(k))) k--;
        if (buf.charCodeAt(k) === 125) {
          cut = k + 1;
          break;
        }
      }
      open = buf.lastIndexOf("{", open - 1);
    }
    if (cut <= from) return -1;
    let list: unknown[];
    try {
      list = JSON.parse(`[${buf.slice(from, cut)}]`) as unknown[];
    } catch {
      return -1;
    }
    for (const f of list) {
      this.count(f);
      this.featureValue(f);
    }
    return cut;
  }

  /** Depth and positions of a parsed feature, as checkDepth walks them (it sits at depth 3). */
  private count(f: unknown): void {
    if (flatPoint(f)) return;
    const values: unknown[] = [f];
    const depths: number[] = [3];
    while (values.length > 0) {
      const v = values.pop();
      const d = depths.pop() as number;
      if (typeof v !== "object" || v === null) continue;
      if (d > MAX_DEPTH) throw new WholeFileNeeded();
      if (Array.isArray(v)) {
        for (const c of v) {
          if (typeof c !== "object" || c === null) continue;
          if (Array.isArray(c) && typeof c[0] === "number") {
            this.positions++;
            if (c.every((n) => typeof n !== "object" || n === null)) continue;
          }
          values.push(c);
          depths.push(d + 1);
        }
        continue;
      }
      for (const c of Object.values(v)) {
        if (typeof c === "object" && c !== null) {
          values.push(c);
          depths.push(d + 1);
        }
      }
    }
  }

  private feature(text: string): void {
    let f: unknown;
    try {
      f = JSON.parse(text);
    } catch {
      throw new WholeFileNeeded();
    }
    this.featureValue(f);
  }

  private featureValue(f: unknown): void {
    if (typeof f !== "object" || f === null || Array.isArray(f)) throw new WholeFileNeeded();
    const feature = f as Feature;
    const i = this.features++;
    if (i === 0) this.first = feature;
    const props = feature.properties;
    const { weight, industry } = this.pick;
    if (props && typeof props === "object") {
      if (weight !== undefined && Object.hasOwn(props, weight)) this.sawWeight = true;
      if (industry && Object.hasOwn(props, industry.column)) this.sawIndustry = true;
    }
    if (this.positions > MAX_POSITIONS || this.out.length > MAX_POSITIONS) this.tooMany = true;
    if (this.badFeature || this.tooMany) return;
    try {
      addFeatureFirms(feature, i, this.pick, this.wanted, this.out);
    } catch (e) {
      this.badFeature = e;
    }
  }
}

/** Firms from GeoJSON text pieces (a stream); WholeFileNeeded when it must be read whole. */
export function firmsFromGeoJsonPieces(pieces: Iterable<string>, pick: FirmPick = {}): Firms {
  const reader = new GeoJsonFirmReader(pick);
  for (const piece of pieces) reader.push(piece);
  return reader.finish();
}
