/**
 * GeoJSON: RFC 7946 (WGS84 lon/lat) and the older form Korean GIS tools still write, with a
 * top-level `crs` member naming a TM plane. Reading honours that member (FILING.md); writing
 * in EPSG:5186 or 5179 adds it, so QGIS and ogrinfo place the file without asking.
 */
import type { Feature, FeatureCollection, Geometry, Position } from "geojson";
import { FilingError } from "../errors";
import { checkDepth, looksLikeDegrees, zoneToFiling } from "../filing";
import { parseJson } from "../filing/structure";
import {
  fromLonLat,
  geodesicAreaM2,
  normalizeCrs,
  reprojectGeometry,
  SUPPORTED_CRS,
  toLonLat,
} from "../measure";
import { excerpt } from "../sanitize";
import type { Zone, ZoneMeta } from "../types";
import type { Converter, Imported, WriteOptions } from "./format";
import { decodeText, MAX_TEXT_BYTES } from "./text";

type Json = Record<string, unknown>;

const isObject = (v: unknown): v is Json => typeof v === "object" && v !== null;

function crsName(doc: Json): string | null {
  const crs = doc.crs;
  if (crs === undefined || crs === null) return null;
  const props = isObject(crs) && isObject(crs.properties) ? crs.properties : null;
  const name = props && typeof props.name === "string" ? props.name : null;
  if (name === null) {
    throw new FilingError({ code: "UNKNOWN_CRS", params: { kind: "CRS_MEMBER_NO_NAME" } });
  }
  return name;
}

function asCollection(doc: Json): FeatureCollection {
  if (doc.type === "FeatureCollection" && Array.isArray(doc.features)) {
    return doc as unknown as FeatureCollection;
  }
  if (doc.type === "Feature")
    return { type: "FeatureCollection", features: [doc as unknown as Feature] };
  if (typeof doc.type === "string" && "coordinates" in doc) {
    const geometry = doc as unknown as Geometry;
    return {
      type: "FeatureCollection",
      features: [{ type: "Feature", properties: {}, geometry }],
    };
  }
  throw new FilingError({ code: "NOT_GEOJSON", params: { kind: "NOT_A_COLLECTION" } });
}

/**
 * The geometry reprojected, or as it was when its coordinates can't be walked (an object where
 * an array belongs): readFiling then refuses it with a message naming the feature.
 */
function reprojectOrKeep(g: Geometry, convert: (p: Position) => Position): Geometry {
  try {
    return reprojectGeometry(g, convert);
  } catch {
    return g;
  }
}

/** Parses GeoJSON text; a legacy `crs` member is honoured and the result is WGS84 lon/lat. */
export function parseGeoJson(text: string): Imported {
  // Line, column and the text there on a parse error (the registry adds the file's name).
  const doc = parseJson(text);
  if (!isObject(doc) || Array.isArray(doc)) {
    throw new FilingError({ code: "NOT_GEOJSON", params: { kind: "NOT_AN_OBJECT" } });
  }
  checkDepth(doc);
  const named = crsName(doc);
  const crs = named === null ? "EPSG:4326" : normalizeCrs(named);
  if (crs === null) {
    throw new FilingError({
      code: "UNKNOWN_CRS",
      params: { kind: "UNSUPPORTED", crs: excerpt(named, 60), supported: SUPPORTED_CRS },
    });
  }
  const source = asCollection(doc);
  if (crs !== "EPSG:4326" && looksLikeDegrees(source.features.map((f) => f?.geometry))) {
    // Every projected CRS of FILING.md is in metres: a zone in Korea lies 100 km and more from
    // their origins, so coordinates all within ±180, ±90 are degrees under the wrong label.
    throw new FilingError({ code: "NOT_LONLAT", params: { kind: "METRES_BUT_DEGREES", crs } });
  }
  const convert = toLonLat(crs);
  const collection: FeatureCollection = {
    type: "FeatureCollection",
    features: source.features.map((f) =>
      isObject(f) && isObject(f.geometry) && crs !== "EPSG:4326"
        ? { ...f, geometry: reprojectOrKeep(f.geometry as unknown as Geometry, convert) }
        : f,
    ),
  };
  const meta = isObject(doc.czd) && !Array.isArray(doc.czd) ? doc.czd : undefined;
  return meta ? { collection, sourceCrs: crs, meta } : { collection, sourceCrs: crs };
}

/** The filing of FILING.md for a zone, parcels carrying their ellipsoidal areaKm2. */
export function filingOf(
  zone: Zone,
  opts: WriteOptions = {},
): FeatureCollection & { czd: ZoneMeta } {
  const areasKm2 = zone.parcels.map((p) => geodesicAreaM2(p.geometry) / 1e6);
  return zoneToFiling(zone, { areasKm2, ...(opts.report ? { report: opts.report } : {}) });
}

function tmFiling(zone: Zone, crs: string, opts: WriteOptions): Json {
  const filing = filingOf(zone, opts);
  const convert = fromLonLat(crs);
  const code = crs.split(":")[1];
  return {
    type: "FeatureCollection",
    crs: { type: "name", properties: { name: `urn:ogc:def:crs:EPSG::${code}` } },
    features: filing.features.map((f) =>
      f.geometry ? { ...f, geometry: reprojectGeometry(f.geometry, convert) } : f,
    ),
    czd: filing.czd,
  };
}

const read = async (bytes: Uint8Array): Promise<Imported> => parseGeoJson(decodeText(bytes));

export const geojson: Converter = {
  id: "geojson",
  label: { ko: "GeoJSON (WGS84, RFC 7946)", en: "GeoJSON (WGS84, RFC 7946)" },
  extensions: [".geojson", ".json"],
  fileSuffix: "",
  reads: "zone",
  maxReadBytes: MAX_TEXT_BYTES,
  mime: "application/geo+json",
  read,
  write: async (zone, opts) => `${JSON.stringify(filingOf(zone, opts), null, 2)}\n`,
};

function tmGeoJson(crs: "EPSG:5186" | "EPSG:5179", ko: string, en: string): Converter {
  return {
    id: `geojson-${crs.slice(5)}`,
    label: { ko: `GeoJSON (${crs}, ${ko})`, en: `GeoJSON (${crs}, ${en})` },
    extensions: [".geojson", ".json"],
    fileSuffix: `-${crs.slice(5)}`,
    reads: "zone",
    maxReadBytes: MAX_TEXT_BYTES,
    mime: "application/geo+json",
    read,
    write: async (zone, opts = {}) => `${JSON.stringify(tmFiling(zone, crs, opts), null, 2)}\n`,
  };
}

export const geojson5186 = tmGeoJson("EPSG:5186", "중부원점 TM", "Central Belt 2010 TM");
export const geojson5179 = tmGeoJson("EPSG:5179", "UTM-K", "UTM-K");
