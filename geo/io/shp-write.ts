/**
 * Zipped Shapefiles out, in a Korean TM plane (EPSG:5186 by default): the parcels as one
 * POLYGON layer (.shp .shx .dbf by @mapbox/shp-write) carrying every attribute kept from an
 * import (dbf-fields.ts names them), the envelope's outline as a second POLYGON layer, the
 * .prj GDAL writes for the CRS, and a .cpg naming the attribute encoding. shp-write's dbf writer stores one byte per UTF-16 unit,
 * which would mangle Hangul, so text goes in pre-encoded (UTF-8 or CP949) as one char per byte.
 */
import write from "@mapbox/shp-write/src/write.js";
import { zipSync } from "fflate";
import type { Position } from "geojson";
import { envelopeOutline } from "../envelope";
import { FilingError } from "../errors";
import { fromLonLat, geodesicAreaM2, reprojectGeometry, tmAreaM2 } from "../measure";
import type { Envelope, Parcel, Zone } from "../types";
import { attributeKeys, dbfColumn, dbfFieldNames, MAX_ATTRIBUTE_FIELDS } from "./dbf-fields";
import { type DbfCell, writeDbf } from "./dbf-write";
import type { WriteOptions } from "./format";
import { piljiRows } from "./pilji-table";
import { prjFor } from "./prj";
import { rewind } from "./rewind";
import { encodeText, type TextEncodingId } from "./text";

export interface ShapefileOptions extends WriteOptions {
  crs?: string;
  encoding?: TextEncodingId;
}

/** dBase C fields hold at most 254 bytes: cut on a character boundary, never mid-Hangul. */
const FIELD_BYTES = 254;

function byteString(text: string, encoding: TextEncodingId): string {
  // Every character takes at least one byte: start from 254 of them, so a 10 MB name costs a
  // few steps instead of one re-encoding per character dropped.
  let cut =
    text.length > FIELD_BYTES ? text.slice(0, FIELD_BYTES).replace(/[\uD800-\uDBFF]$/, "") : text;
  let bytes = encodeText(cut, encoding);
  while (bytes.length > FIELD_BYTES) {
    cut = [...cut].slice(0, -1).join("");
    bytes = encodeText(cut, encoding);
  }
  return String.fromCharCode(...bytes);
}

interface Layer {
  shp: DataView;
  shx: DataView;
  dbf: DataView;
}

type ShapeType = "POINT" | "POLYLINE" | "POLYGON";

/**
 * Runs shp-write's low-level writer (its callback is called synchronously) for the shapes;
 * the table is dbf-write.ts's, with text fields as wide as their values.
 */
function writeLayer(
  rows: Record<string, DbfCell>[],
  type: ShapeType,
  geometries: unknown[],
): Layer {
  let layer: Layer | null = null;
  write(rows, type, geometries as object[], (err: unknown, files: Layer) => {
    if (err) throw err;
    layer = files;
  });
  if (layer === null) throw new Error("shp-write returned nothing");
  return { ...(layer as Layer), dbf: writeDbf(rows) };
}

const bytesOf = (view: DataView): Uint8Array =>
  new Uint8Array(view.buffer, view.byteOffset, view.byteLength);

/** The fields the writer fills itself, first in every parcel row. */
const OWN_FIELDS = ["id", "name", "zone_name", "area_m2", "tm_m2"];
/** A record's bytes for the own fields: deletion flag, two text fields, two numbers. */
const OWN_RECORD_BYTES = 1 + 3 * 254 + 2 * 18;
/** The most bytes the parcels' table may take with its attributes. */
const MAX_TABLE_BYTES = 128 * 1024 * 1024;
/** Properties not written as attributes: the own fields under their filing names, derived areas. */
const NOT_ATTRIBUTES = new Set([
  "id",
  "name",
  "zone_name",
  "areaKm2",
  "area_m2",
  "tm_m2",
  // The 필지 a 구역 names go in their own table (pilji-table.ts), one row a 필지: a list of
  // hundreds of 19-digit PNUs does not fit a 254-byte field.
  "pnu",
  "partialPnu",
]);

/**
 * The parcels' kept attributes as dBase columns: field name → one value per parcel, text
 * pre-encoded like the own fields.
 */
function attributeColumns(
  parcels: readonly Parcel[],
  encoding: TextEncodingId,
): { field: string; values: (string | number | boolean | null)[] }[] {
  // shp-write gives every text field 254 bytes a record: past MAX_TABLE_BYTES in all (a hostile
  // file's thousands of parcels), the later attributes are left out rather than the page run out.
  const fit = Math.floor((MAX_TABLE_BYTES / Math.max(1, parcels.length) - OWN_RECORD_BYTES) / 254);
  const keys = attributeKeys(
    parcels.map((p) => p.properties),
    NOT_ATTRIBUTES,
    Math.max(0, Math.min(MAX_ATTRIBUTE_FIELDS, fit)),
  );
  const names = dbfFieldNames(keys, OWN_FIELDS, encoding);
  return keys.map((key) => ({
    field: byteString(names.get(key) ?? key, encoding),
    values: dbfColumn(parcels.map((p) => p.properties[key])).map((v) =>
      typeof v === "string" ? byteString(v, encoding) : v,
    ),
  }));
}

/**
 * The zone's parcels as a zipped Shapefile. Attributes: id, name, zone_name (the zone's, also
 * on the envelope layers), area_m2 (ellipsoidal) and tm_m2 (planar in the file's CRS), so a
 * GIS office sees both figures the report gives, then every attribute the parcels brought with
 * them (지구명, 용도 …).
 */
export async function writeShapefileZip(
  zone: Zone,
  opts: ShapefileOptions = {},
): Promise<Uint8Array> {
  const crs = opts.crs ?? "EPSG:5186";
  const encoding = opts.encoding ?? "utf-8";
  const prj = prjFor(crs);
  if (prj === null) {
    throw new FilingError({ code: "UNKNOWN_CRS", params: { kind: "CANNOT_WRITE_SHAPEFILE", crs } });
  }
  const convert = fromLonLat(crs);
  const geometries: Position[][][][] = [];
  const attributes = attributeColumns(zone.parcels, encoding);
  const zoneName = byteString(String(zone.meta.name ?? ""), encoding);
  const rows = zone.parcels.map((p, i) => {
    const projected = rewind(reprojectGeometry(p.geometry, convert), true);
    // A Polygon is written as a one-member MultiPolygon: one record, the same rings.
    geometries.push(projected.type === "Polygon" ? [projected.coordinates] : projected.coordinates);
    const row: Record<string, string | number | boolean | null> = {
      id: byteString(p.id, encoding),
      name: byteString(p.name ?? "", encoding),
      zone_name: zoneName,
      area_m2: Number(geodesicAreaM2(p.geometry).toFixed(3)),
      tm_m2: Number(tmAreaM2(p.geometry, crs).toFixed(3)),
    };
    for (const a of attributes) row[a.field] = a.values[i] ?? null;
    return row;
  });
  const base = opts.baseName ?? "parcels";
  const files: Record<string, Uint8Array> = {};
  const text = new TextEncoder();
  const cpg = text.encode(encoding === "cp949" ? "CP949" : "UTF-8");
  const prjBytes = text.encode(prj);
  const add = (name: string, layer: Layer): void => {
    files[`${name}.shp`] = bytesOf(layer.shp);
    files[`${name}.shx`] = bytesOf(layer.shx);
    files[`${name}.dbf`] = bytesOf(layer.dbf);
    files[`${name}.prj`] = prjBytes;
    files[`${name}.cpg`] = cpg;
  };
  add(base, writeLayer(rows, "POLYGON", geometries));
  const pilji = piljiRows(zone.parcels).map((r) => ({
    ...r,
    parcel_id: byteString(r.parcel_id, encoding),
  }));
  if (pilji.length > 0) {
    // A table without shapes (.dbf alone), which GIS software opens as a layer of its own.
    files[`${base}_pilji.dbf`] = bytesOf(writeDbf(pilji));
    files[`${base}_pilji.cpg`] = cpg;
  }
  if (zone.envelope) {
    add(`${base}_envelope`, outlineLayer(zone.envelope, convert, zoneName));
    const defining = definingLayer(zone.envelope, convert, zoneName);
    if (defining) add(`${base}_envelope_${defining.suffix}`, defining.layer);
  }
  return zipSync(files, { level: 6 });
}

/** The envelope's figures as fields (dBase's 10 characters; shp-read.ts maps them back). */
function envelopeRow(e: Envelope, role: string, zoneName: string): Record<string, DbfCell> {
  const zone_name = zoneName;
  if (e.shape === "circle") return { role, shape: "circle", radius_km: e.radiusKm, zone_name };
  if (e.shape === "belt") return { role, shape: "belt", half_km: e.halfWidthKm, zone_name };
  return { role, shape: "polygon", zone_name };
}

/**
 * The envelope as the polygon a GIS office draws: its one outline (envelopeOutline, the shape
 * the app and the report draw), with its shape and radius or half-width.
 */
function outlineLayer(e: Envelope, convert: (p: Position) => Position, zoneName: string): Layer {
  const outline = rewind(reprojectGeometry(envelopeOutline(e), convert), true).coordinates;
  return writeLayer([envelopeRow(e, "envelope", zoneName)], "POLYGON", [[outline]]);
}

/**
 * What defines a circle or a belt, exactly, beside its outline: the circle's centre as a POINT
 * layer (role "envelope_centre"), the belt's axis as a POLYLINE layer (role "envelope_axis"),
 * so reading the zip back gives the same envelope rather than a 96-sided polygon. A polygon
 * envelope is its outline.
 */
function definingLayer(
  e: Envelope,
  convert: (p: Position) => Position,
  zoneName: string,
): { suffix: string; layer: Layer } | null {
  if (e.shape === "circle") {
    const row = envelopeRow(e, "envelope_centre", zoneName);
    return { suffix: "centre", layer: writeLayer([row], "POINT", [convert(e.center)]) };
  }
  if (e.shape === "belt") {
    const row = envelopeRow(e, "envelope_axis", zoneName);
    return { suffix: "axis", layer: writeLayer([row], "POLYLINE", [[e.axis.map(convert)]]) };
  }
  return null;
}
