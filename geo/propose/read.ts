/**
 * Firms from a file: any point file the converters read (CSV with 위도/경도, lat/lon or x/y and
 * a CRS, UTF-8 or CP949; GeoJSON Points; a zipped Shapefile of points), each weighing 1 or the
 * number in a named column (종업원수, 매출액, …). A weight that is not a number stops the import
 * naming its row, as a bad coordinate does.
 */
import type { Feature } from "geojson";
import { FilingError, isFilingError } from "../errors";
import type { ColumnRole, ErrorParams } from "../errors/params";
import type { ReadOptions } from "../io";
import { importFeatures } from "../io";
import { baseName } from "../io/registry";
import { excerpt } from "../sanitize";
import { FirmBuffer, type Firms } from "./firms";
import type { Site } from "./sites";

/** Which firms to take and what each weighs. */
export interface FirmPick {
  /** The column (property) holding each firm's weight; absent: every firm weighs 1. */
  weight?: string;
  /** Only firms whose `column` holds one of `values` (업종 = 제조업, say), compared trimmed. */
  industry?: { column: string; values: string[] };
}

export interface FirmReadOptions extends ReadOptions, FirmPick {}

/** `column=value[,value…]` as an industry filter, or a usage error. */
export function parseIndustry(arg: string): { column: string; values: string[] } {
  const at = arg.indexOf("=");
  const column = arg.slice(0, at).trim();
  const values = arg
    .slice(at + 1)
    .split(",")
    .map((v) => v.trim())
    .filter((v) => v !== "");
  if (at < 1 || column === "" || values.length === 0) {
    throw bad({ kind: "BAD_INDUSTRY_FILTER", filter: arg });
  }
  return { column, values };
}

function hasColumn(features: readonly Feature[], column: string, role: ColumnRole): void {
  // Own properties only: a column named "constructor" is not Object's.
  if (features.some((f) => f.properties && Object.hasOwn(f.properties, column))) return;
  throw noColumn(column, Object.keys(features[0]?.properties ?? {}), role);
}

/** The error for a weight or industry column the file doesn't have. */
export function noColumn(column: string, found: readonly string[], role: ColumnRole): FilingError {
  return bad({ kind: "MISSING_COLUMN", role, column, found });
}

export const WEIGHT_COLUMN: ColumnRole = "weight";
export const INDUSTRY_COLUMN: ColumnRole = "industry";

/** The error for a file (or a filter) that leaves no firm. */
export function noFirms(pick: FirmPick): FilingError {
  const f = pick.industry;
  return bad(
    f ? { kind: "NO_FIRMS_OF_INDUSTRY", column: f.column, values: f.values } : { kind: "NO_FIRMS" },
  );
}

function bad(params: ErrorParams["BAD_FILE"]): FilingError {
  return new FilingError({ code: "BAD_FILE", params });
}

/**
 * The largest weight a firm may carry: 10¹⁵ (a thousand trillion won of revenue). Sums of a
 * million such weights stay far from the 1.8 × 10³⁰⁸ where a float becomes Infinity (and JSON
 * null): a 1e308 weight made `covered`, `total`, `share` and the bound null.
 */
export const MAX_WEIGHT = 1e15;

/** A feature's own property (never an inherited one such as "constructor"). */
export function cellOf(f: Feature, column: string): unknown {
  return f.properties && Object.hasOwn(f.properties, column) ? f.properties[column] : undefined;
}

/** A weight cell as a number: thousands separators and spaces allowed ("1,200"); empty is 0. */
export function parseWeight(value: unknown): number {
  if (typeof value === "number") return value;
  if (value === undefined || value === null) return 0;
  const text = String(value).replace(/[,\s]/g, "");
  return text === "" ? 0 : Number(text);
}

/**
 * The weight of firm `i` (0-based, in file order) from its `cell` in the weight column, or the
 * error naming the firm: not a number ≥ 0, or past MAX_WEIGHT.
 */
export function weightOf(cell: unknown, i: number): number {
  const w = parseWeight(cell);
  if (w > MAX_WEIGHT) {
    const value = excerpt(String(cell), 40);
    throw bad({ kind: "WEIGHT_TOO_LARGE", record: i + 1, value, limit: MAX_WEIGHT });
  }
  if (!Number.isFinite(w) || w < 0) {
    const raw = excerpt(String(cell ?? ""), 40);
    throw bad({ kind: "WEIGHT_NOT_NUMBER", record: i + 1, value: raw });
  }
  return w;
}

/**
 * A weight refused in a CSV, also naming the line where its row starts (`lineOf(i)` for firm
 * `i`, 0-based), as a bad coordinate is named; any other error as it is.
 */
export function atRowLine(e: unknown, lineOf: (i: number) => number): unknown {
  if (!isFilingError(e) || e.data.code !== "BAD_FILE") return e;
  const p = e.data.params;
  if (p.kind !== "WEIGHT_NOT_NUMBER" && p.kind !== "WEIGHT_TOO_LARGE") return e;
  return new FilingError({ ...e.data, params: { ...p, line: lineOf(p.record - 1) } });
}

/** Whether a firm whose industry cell is `cell` is one the pick wants. */
export function industryWanted(wanted: ReadonlySet<string>, cell: unknown): boolean {
  return wanted.has(String(cell ?? "").trim());
}

/**
 * Adds feature `i`'s firms to `out`: its Point (or each point of a MultiPoint) with its weight;
 * another geometry is refused, naming the feature. Skips a feature the industry filter leaves out.
 */
export function addFeatureFirms(
  f: Feature,
  i: number,
  pick: FirmPick,
  wanted: ReadonlySet<string> | null,
  out: FirmBuffer,
): void {
  const { weight, industry } = pick;
  if (wanted && industry && !industryWanted(wanted, cellOf(f, industry.column))) return;
  const g = f.geometry;
  const points =
    g?.type === "Point" ? [g.coordinates] : g?.type === "MultiPoint" ? g.coordinates : null;
  if (points === null) {
    throw bad({ kind: "FEATURE_NOT_POINT", record: i + 1, geometry: g?.type ?? null });
  }
  const w = weight === undefined ? 1 : weightOf(cellOf(f, weight), i);
  // Number() as Float64Array.from did: a coordinate written as a string still counts.
  for (const p of points) out.push(Number(p[0] ?? 0), Number(p[1] ?? 0), w);
}

/** Firms from features: Points (and each point of a MultiPoint); other geometries are refused. */
export function firmsFromFeatures(features: readonly Feature[], pick: FirmPick = {}): Firms {
  const { weight, industry } = pick;
  if (features.length > 0 && weight !== undefined) hasColumn(features, weight, WEIGHT_COLUMN);
  if (features.length > 0 && industry) hasColumn(features, industry.column, INDUSTRY_COLUMN);
  const wanted = industry ? new Set(industry.values) : null;
  const out = new FirmBuffer();
  features.forEach((f, i) => {
    addFeatureFirms(f, i, pick, wanted, out);
  });
  return out.firms();
}

/** Firms from a file's bytes; `name` picks the format (.csv, .geojson, .zip). */
export async function readFirms(
  bytes: Uint8Array,
  name: string,
  opts: FirmReadOptions = {},
): Promise<Firms> {
  const { weight, industry, ...readOpts } = opts;
  const imported = await importFeatures(bytes, name, readOpts);
  const pick: FirmPick = { ...(weight ? { weight } : {}), ...(industry ? { industry } : {}) };
  const { rowLine } = imported;
  let firms: Firms;
  try {
    firms = firmsFromFeatures(imported.collection.features, pick);
  } catch (e) {
    // A bad weight or a feature that is no point, named with its file (and, in a CSV, its line).
    const refused = rowLine ? atRowLine(e, rowLine) : e;
    throw isFilingError(refused) ? refused.inFile(baseName(name)) : refused;
  }
  if (firms.lon.length === 0) throw noFirms(pick);
  return firms;
}

const SITE_NAME_KEYS = ["name", "NAME", "이름", "명칭", "단지명", "site"];

/** Candidate sites from a file of polygons (GeoJSON, zipped Shapefile), named by their name column. */
export async function readSites(
  bytes: Uint8Array,
  name: string,
  opts: ReadOptions = {},
): Promise<Site[]> {
  const imported = await importFeatures(bytes, name, opts);
  const sites = imported.collection.features.map((f, i): Site => {
    const g = f.geometry;
    if (g?.type !== "Polygon" && g?.type !== "MultiPolygon") {
      throw bad({ kind: "SITE_NOT_POLYGON", record: i + 1, geometry: g?.type ?? null });
    }
    const key = SITE_NAME_KEYS.find((k) => typeof f.properties?.[k] === "string");
    const siteName = key ? String(f.properties?.[key]) : undefined;
    return siteName ? { name: siteName, geometry: g } : { geometry: g };
  });
  if (sites.length === 0) throw bad({ kind: "NO_SITES" });
  return sites;
}
