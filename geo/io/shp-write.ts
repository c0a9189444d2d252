/**
 * Zipped Shapefiles out, in a Korean TM plane (EPSG:5186 by default): the parcels as one
 * POLYGON layer (.shp .shx .dbf by @mapbox/shp-write), the .prj GDAL writes for the CRS, and a
 * .cpg naming the attribute encoding. shp-write's dbf writer stores one byte per UTF-16 unit,
 * which would mangle Hangul, so text goes in pre-encoded (UTF-8 or CP949) as one char per byte.
 */
import { write } from "@mapbox/shp-write";
import type { Position } from "geojson";
import JSZip from "jszip";
import { FilingError } from "../errors";
import { fromLonLat, geodesicAreaM2, reprojectGeometry, tmAreaM2 } from "../measure";
import type { Envelope, Zone } from "../types";
import type { WriteOptions } from "./format";
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

/** Runs shp-write's low-level writer, whose callback is called synchronously. */
function writeLayer(rows: object[], type: ShapeType, geometries: unknown[]): Layer {
  let layer: Layer | null = null;
  write(rows, type, geometries as object[], (err: unknown, files: Layer) => {
    if (err) throw err;
    layer = files;
  });
  if (layer === null) throw new Error("shp-write returned nothing");
  return layer;
}

const bytesOf = (view: DataView): Uint8Array =>
  new Uint8Array(view.buffer, view.byteOffset, view.byteLength);

/**
 * The zone's parcels as a zipped Shapefile. Attributes: id, name, area_m2 (ellipsoidal) and
 * tm_m2 (planar in the file's CRS), so a GIS office sees both figures the report gives.
 */
export async function writeShapefileZip(
  zone: Zone,
  opts: ShapefileOptions = {},
): Promise<Uint8Array> {
  const crs = opts.crs ?? "EPSG:5186";
  const encoding = opts.encoding ?? "utf-8";
  const prj = prjFor(crs);
  if (prj === null) {
    throw new FilingError(
      "UNKNOWN_CRS",
      `Shapefile을 ${crs} 좌표계로 쓸 수 없습니다`,
      `Cannot write a Shapefile in ${crs}`,
    );
  }
  const convert = fromLonLat(crs);
  const geometries: Position[][][][] = [];
  const rows = zone.parcels.map((p) => {
    const projected = rewind(reprojectGeometry(p.geometry, convert), true);
    // A Polygon is written as a one-member MultiPolygon: one record, the same rings.
    geometries.push(projected.type === "Polygon" ? [projected.coordinates] : projected.coordinates);
    return {
      id: byteString(p.id, encoding),
      name: byteString(p.name ?? "", encoding),
      area_m2: Number(geodesicAreaM2(p.geometry).toFixed(3)),
      tm_m2: Number(tmAreaM2(p.geometry, crs).toFixed(3)),
    };
  });
  const base = opts.baseName ?? "parcels";
  const zip = new JSZip();
  const cpg = encoding === "cp949" ? "CP949" : "UTF-8";
  const add = (name: string, layer: Layer): void => {
    zip.file(`${name}.shp`, bytesOf(layer.shp));
    zip.file(`${name}.shx`, bytesOf(layer.shx));
    zip.file(`${name}.dbf`, bytesOf(layer.dbf));
    zip.file(`${name}.prj`, prj);
    zip.file(`${name}.cpg`, cpg);
  };
  add(base, writeLayer(rows, "POLYGON", geometries));
  if (zone.envelope) add(`${base}_envelope`, envelopeLayer(zone.envelope, convert));
  return zip.generateAsync({ type: "uint8array", compression: "DEFLATE" });
}

/**
 * The envelope as a second layer, its own shape type (a Shapefile holds one): the circle's
 * centre as a POINT with radius_km, the belt's axis as a POLYLINE with half_km, or a POLYGON.
 * Field names stay within dBase's 10 characters; shp-read.ts maps them back.
 */
function envelopeLayer(e: Envelope, convert: (p: Position) => Position): Layer {
  if (e.shape === "circle") {
    const row = { role: "envelope", shape: "circle", radius_km: e.radiusKm };
    return writeLayer([row], "POINT", [convert(e.center)]);
  }
  if (e.shape === "belt") {
    const row = { role: "envelope", shape: "belt", half_km: e.halfWidthKm };
    return writeLayer([row], "POLYLINE", [[e.axis.map(convert)]]);
  }
  const ring = rewind(reprojectGeometry(e.polygon, convert), true).coordinates;
  return writeLayer([{ role: "envelope", shape: "polygon" }], "POLYGON", [[ring]]);
}
