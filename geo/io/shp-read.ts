/**
 * Zipped Shapefiles in: every layer's .shp geometry (record by record, shp-records.ts), its .dbf attributes
 * decoded as the .cpg says, else UTF-8 when valid, else CP949 (Korean offices' default), and
 * its .prj matched to a CRS of FILING.md, then reprojected to WGS84 lon/lat. Anything missing
 * or inconsistent stops the whole import with a message naming the part.
 */
import type { Feature, FeatureCollection } from "geojson";
import { FilingError } from "../errors";
import type { ErrorParams } from "../errors/params";
import { normalizeCrs, reprojectGeometry, toLonLat } from "../measure";
import { record } from "../own";
import { dbfHeader, dbfTextBytes, readDbf } from "./dbf-read";
import type { Imported, ReadOptions } from "./format";
import { isPiljiTable, piljiByParcel } from "./pilji-table";
import { readPrj } from "./prj";
import { rewind } from "./rewind";
import { checkShx, readShpRecords } from "./shp-records";
import { decodeText, detectEncoding, encodingFromCpg } from "./text";
import { readZip } from "./zip-read";

export type Parts = Partial<Record<"shp" | "shx" | "dbf" | "prj" | "cpg", Uint8Array>>;

function bad(params: ErrorParams["BAD_FILE"]): FilingError {
  return new FilingError({ code: "BAD_FILE", params });
}

/** The Shapefile parts in the ZIP, by layer; sizes, entry count and CRCs checked by readZip. */
function unzip(bytes: Uint8Array): Map<string, Parts> {
  const layers = new Map<string, Parts>();
  const part = (name: string) => /^(.*)\.(shp|shx|dbf|prj|cpg)$/i.exec(name);
  const wanted = (name: string) => !name.includes("__MACOSX") && part(name) !== null;
  for (const entry of readZip(bytes, wanted)) {
    const m = part(entry.name);
    if (!m?.[1] || !m[2]) continue;
    const parts = layers.get(m[1]) ?? {};
    parts[m[2].toLowerCase() as keyof Parts] = entry.bytes;
    layers.set(m[1], parts);
  }
  return layers;
}

function layerCrs(layer: string, prj: Uint8Array | undefined, opts: ReadOptions): string {
  if (!prj) {
    const chosen = opts.crs ? normalizeCrs(opts.crs) : null;
    if (chosen) return chosen;
    throw new FilingError({ code: "UNKNOWN_CRS", params: { kind: "PRJ_MISSING", layer } });
  }
  const reading = readPrj(decodeText(prj));
  if ("crs" in reading) return reading.crs;
  const params = { kind: "PRJ_UNUSABLE", layer, problem: reading.problem } as const;
  throw new FilingError({ code: "UNKNOWN_CRS", params });
}

const ID_FIELDS = ["id", "ID", "Id", "FID", "fid", "번호", "지구번호"];
/**
 * Where a parcel's name is, in the order tried: the names GIS offices give the column (구역명 in
 * the 지자체 files the issue met, 명칭, NAME …), matched without regard to case.
 */
const NAME_FIELDS = [
  "name",
  "이름",
  "명칭",
  "구역명",
  "지구명",
  "필지명",
  "사업명",
  "name_ko",
  "name_kor",
];
/** Areas this project writes into the table: derived, so recomputed rather than kept. */
const DERIVED_FIELDS = new Set(["area_m2", "tm_m2", "areaKm2"]);

/** A row as filing properties: id and name found under the names Korean tables use. */
function parcelProperties(row: Record<string, unknown>): Record<string, unknown> {
  const props = record<unknown>();
  for (const [k, v] of Object.entries(row)) {
    if (!DERIVED_FIELDS.has(k) && v !== null && v !== "") props[k] = v;
  }
  if (props.role === "envelope" || DEFINING_ROLES.has(props.role)) {
    // The envelope layer shp-write.ts writes: dBase's 10-character names back to FILING.md's.
    if (props.radius_km !== undefined) props.radiusKm = props.radius_km;
    if (props.half_km !== undefined) props.halfWidthKm = props.half_km;
    delete props.radius_km;
    delete props.half_km;
    return props;
  }
  const idField = ID_FIELDS.find((f) => props[f] !== undefined);
  if (idField && props.id === undefined) props.id = String(props[idField]);
  if (props.name === undefined) {
    const byLower = new Map(Object.keys(props).map((k) => [k.toLowerCase(), k]));
    for (const f of NAME_FIELDS) {
      const key = byLower.get(f);
      const value = key === undefined ? undefined : props[key];
      if (typeof value === "string" && value.trim() !== "") {
        props.name = value;
        break;
      }
    }
  }
  return props;
}

function layerFeatures(layer: string, parts: Parts, opts: ReadOptions): Feature[] {
  if (!parts.shp) throw bad({ kind: "LAYER_PART_MISSING", layer, ext: "shp" });
  if (!parts.dbf) throw bad({ kind: "LAYER_PART_MISSING", layer, ext: "dbf" });
  const crs = layerCrs(layer, parts.prj, opts);
  const { geometries, spans } = readShpRecords(layer, parts.shp);
  if (parts.shx) checkShx(layer, parts.shx, spans);
  const { records } = dbfHeader(parts.dbf);
  if (records !== geometries.length) {
    throw bad({ kind: "DBF_SHP_COUNTS", layer, records, shapes: geometries.length });
  }
  const cpg = parts.cpg ? encodingFromCpg(decodeText(parts.cpg)) : null;
  const encoding = cpg ?? opts.encoding ?? detectEncoding(dbfTextBytes(parts.dbf));
  const { rows } = readDbf(parts.dbf, encoding);
  const convert = toLonLat(crs);
  const features: Feature[] = [];
  geometries.forEach((g, i) => {
    const row = rows[i];
    if (!row) {
      // A row flagged deleted whose shape is still there: which of the two is meant is unknown.
      throw bad({ kind: "DBF_ROW_DELETED", layer, row: i + 1 });
    }
    features.push({
      type: "Feature",
      properties: parcelProperties(row),
      geometry: rewind(reprojectGeometry(g, convert)),
    });
  });
  return features;
}

/**
 * The 필지 table the export writes beside the parcels (`<stem>_pilji.dbf`, a table without
 * shapes): its rows become each 구역's `pnu` and `partialPnu` again. Other shapeless tables are
 * left alone.
 */
function withPilji(features: Feature[], layers: Map<string, Parts>): void {
  for (const parts of layers.values()) {
    if (parts.shp || !parts.dbf) continue;
    const cpg = parts.cpg ? encodingFromCpg(decodeText(parts.cpg)) : null;
    const table = readDbf(parts.dbf, cpg ?? detectEncoding(dbfTextBytes(parts.dbf)));
    if (!isPiljiTable(table.fields.map((f) => f.name))) continue;
    const byParcel = piljiByParcel(table.rows.filter((r) => r !== null));
    for (const f of features) {
      const id = f.properties?.id;
      const pilji = id === undefined ? undefined : byParcel.get(String(id));
      if (!pilji || !f.properties) continue;
      if (pilji.pnu.length > 0) f.properties.pnu = pilji.pnu;
      else delete f.properties.pnu;
      if (pilji.partialPnu.length > 0) f.properties.partialPnu = pilji.partialPnu;
      else delete f.properties.partialPnu;
    }
  }
}

/**
 * The roles of the layer shp-write.ts writes beside a circle's or belt's outline: its centre or
 * its axis (a circle's centre said "envelope_axis" before, and files of that form still read).
 */
const DEFINING_ROLES: ReadonlySet<unknown> = new Set(["envelope_axis", "envelope_centre"]);

/**
 * A circle's or belt's envelope comes as its outline (a polygon, for GIS offices to see) and
 * its centre or axis (what defines it): the latter is the envelope, the outline is dropped.
 * Without the centre or axis the outline stays, and the filing reader says what is missing.
 */
function joinEnvelope(features: Feature[]): Feature[] {
  const role = (f: Feature) => f.properties?.role;
  if (!features.some((f) => DEFINING_ROLES.has(role(f)))) return features;
  return features
    .filter((f) => !(role(f) === "envelope" && f.properties?.shape !== "polygon"))
    .map((f) =>
      DEFINING_ROLES.has(role(f)) ? { ...f, properties: { ...f.properties, role: "envelope" } } : f,
    );
}

/** Reads a zipped Shapefile (one or more layers) into WGS84 features. */
export async function readShapefileZip(
  bytes: Uint8Array,
  opts: ReadOptions = {},
): Promise<Imported> {
  return readLayers(unzip(bytes), opts);
}

/** Every layer with a .shp, read and reprojected to WGS84; the layers' CRSs are named together. */
export function readLayers(layers: Map<string, Parts>, opts: ReadOptions): Imported {
  const names = [...layers.entries()].filter(([, p]) => p.shp).map(([n]) => n);
  if (names.length === 0) {
    throw bad({ kind: "ZIP_HAS_NO_SHP" });
  }
  const crsSet = new Set<string>();
  const features: Feature[] = [];
  for (const name of names) {
    const parts = layers.get(name) ?? {};
    crsSet.add(layerCrs(name, parts.prj, opts));
    for (const f of layerFeatures(name, parts, opts)) features.push(f);
  }
  withPilji(features, layers);
  const collection: FeatureCollection = {
    type: "FeatureCollection",
    features: joinEnvelope(features),
  };
  return { collection, sourceCrs: [...crsSet].join(", ") };
}
