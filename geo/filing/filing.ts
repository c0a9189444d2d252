/**
 * Read a filing (FILING.md) into a Zone: parse, check the structure, honour the legacy `crs`
 * member, pick out parcels and the envelope. Geometry problems the checker reports as findings
 * (unclosed rings, short rings, self-crossings, duplicate ids) pass through untouched; only input
 * that can't be used throws a FilingError.
 */
import type { Geometry, Position } from "geojson";
import { FilingError } from "../errors";
import { readPrj } from "../io/prj";
import { normalizeCrs, reprojectGeometry, SUPPORTED_CRS, toLonLat } from "../measure";
import { excerpt } from "../sanitize";
import type { Parcel, ParcelGeometry, Zone, ZoneMeta } from "../types";
import { readEnvelope } from "./envelope";
import { checkDepth, checkOnGlobe } from "./limits";
import {
  checkCoordinates,
  checkGeometryObject,
  GEOMETRY_TYPES,
  isObject,
  type Json,
  parseJson,
} from "./structure";

export { zoneToFiling } from "./write";

/** The features of a FeatureCollection, a bare Feature, or a bare geometry. */
function featuresOf(root: unknown): unknown[] {
  if (!isObject(root)) {
    throw new FilingError({ code: "NOT_GEOJSON", params: { kind: "TOP_NOT_OBJECT" } });
  }
  if (typeof root.type !== "string") {
    throw new FilingError({ code: "NOT_GEOJSON", params: { kind: "TOP_NO_TYPE" } });
  }
  if (root.type === "FeatureCollection") {
    if (!Array.isArray(root.features)) {
      throw new FilingError({ code: "NOT_GEOJSON", params: { kind: "NO_FEATURES_ARRAY" } });
    }
    return root.features;
  }
  if (root.type === "Feature") return [root];
  if (GEOMETRY_TYPES.has(root.type)) return [{ type: "Feature", properties: {}, geometry: root }];
  throw new FilingError({ code: "NOT_GEOJSON", params: { kind: "UNKNOWN_TYPE", type: root.type } });
}

/** The CRS the legacy `crs` member names, normalized; "EPSG:4326" when there is none. */
function crsOf(root: Json): string {
  const member = root.crs;
  if (member === undefined || member === null) return "EPSG:4326";
  let name: unknown = member;
  if (isObject(member)) {
    const props = isObject(member.properties) ? member.properties : {};
    // "name" is the 2008 GeoJSON form GIS tools write; "EPSG" + code is an older variant.
    name = member.type === "EPSG" && props.code !== undefined ? `EPSG:${props.code}` : props.name;
  }
  const text =
    typeof name === "string" || typeof name === "number" ? String(name) : JSON.stringify(member);
  if (/^\s*(PROJCS|GEOGCS|PROJCRS|GEOGCRS|GEODCRS)\s*\[/i.test(text)) {
    // A WKT definition in the member (some tools write one): read as a .prj is, datum and all.
    const reading = readPrj(text);
    if ("crs" in reading) return reading.crs;
    throw new FilingError({
      code: "UNKNOWN_CRS",
      params: { kind: "CRS_MEMBER_WKT", problem: reading.problem },
    });
  }
  const crs = normalizeCrs(text);
  if (crs === null) {
    const params = {
      kind: "CRS_MEMBER_UNSUPPORTED",
      crs: excerpt(text, 60),
      supported: SUPPORTED_CRS,
    } as const;
    throw new FilingError({ code: "UNKNOWN_CRS", params });
  }
  return crs;
}

/** Polygon or MultiPolygon of a feature; a GeometryCollection's polygons joined into one. */
function parcelGeometry(geometry: Geometry): ParcelGeometry | null {
  if (geometry.type === "Polygon" || geometry.type === "MultiPolygon") return geometry;
  if (geometry.type !== "GeometryCollection") return null;
  const polygons: Position[][][] = [];
  for (const member of geometry.geometries) {
    const g = parcelGeometry(member);
    if (g?.type === "Polygon") polygons.push(g.coordinates);
    if (g?.type === "MultiPolygon") for (const p of g.coordinates) polygons.push(p);
  }
  if (polygons.length === 0) return null;
  if (polygons.length === 1) return { type: "Polygon", coordinates: polygons[0] as Position[][] };
  return { type: "MultiPolygon", coordinates: polygons };
}

function idOf(value: unknown): string | undefined {
  if (typeof value === "string") return value;
  if (typeof value === "number" && Number.isFinite(value)) return String(value);
  return undefined;
}

/**
 * A parcel from its feature. `properties` keeps every other property; id and name live in their
 * own fields, and areaKm2 is dropped because it is derived (zoneToFiling writes it afresh), so
 * a read–write round trip gives back the same zone.
 */
function toParcel(feature: Json, geometry: ParcelGeometry, position: number): Parcel {
  const props = isObject(feature.properties) ? feature.properties : {};
  const ownId = idOf(props.id);
  const id = ownId ?? idOf(feature.id) ?? `P${position}`;
  const name = typeof props.name === "string" ? props.name : undefined;
  // Object.fromEntries defines each key as its own property, so "__proto__" from a file is kept
  // as an attribute rather than replacing the object's prototype.
  const properties: Record<string, unknown> = Object.fromEntries(
    Object.entries(props).filter(
      ([key]) =>
        !(
          (key === "id" && ownId !== undefined) ||
          (key === "name" && name !== undefined) ||
          key === "areaKm2"
        ),
    ),
  );
  return name === undefined ? { id, geometry, properties } : { id, name, geometry, properties };
}

/** Metres where degrees belong: say so and ask for a crs member, never guess the plane. */
function notLonLat(p: Position, where: string): FilingError {
  const [x, y] = p as [number, number];
  const kind = Math.abs(x) <= 90 && Math.abs(y) <= 180 ? "SWAPPED" : "METRES";
  return new FilingError({ code: "NOT_LONLAT", params: { kind, where, x, y } });
}

/** Refuse positions outside lon [-180, 180], lat [-90, 90] (only when no crs member is given). */
function checkLonLat(geometry: Geometry, where: string): void {
  const visit = (c: unknown): void => {
    if (typeof (c as unknown[])[0] === "number") {
      const [lon, lat] = c as [number, number];
      if (Math.abs(lon) > 180 || Math.abs(lat) > 90) throw notLonLat(c as Position, where);
      return;
    }
    for (const inner of c as unknown[]) visit(inner);
  };
  if (geometry.type === "GeometryCollection") {
    for (const member of geometry.geometries) checkLonLat(member, where);
  } else {
    visit(geometry.coordinates);
  }
}

/** A readable name for feature `index` in messages: its id when it has one. */
function featureLabel(feature: Json, index: number): string {
  const props = isObject(feature.properties) ? feature.properties : {};
  const id = idOf(props.id) ?? idOf(feature.id);
  return id === undefined ? `features[${index}]` : `features[${index}] (id ${id})`;
}

/**
 * Read a filing: file text (UTF-8, a BOM is fine) or an already parsed object. Always returns
 * WGS84 lon/lat. Throws FilingError (NOT_JSON, NOT_GEOJSON, EMPTY, NO_PARCEL, BAD_COORDINATES,
 * UNKNOWN_CRS, NOT_LONLAT, BAD_ENVELOPE) for input that can't be used.
 */
export function readFiling(input: string | unknown): Zone {
  const root = typeof input === "string" ? parseJson(input) : input;
  checkDepth(root);
  const features = featuresOf(root);
  const top = root as Json;
  if (features.length === 0) {
    throw new FilingError({ code: "EMPTY", params: { kind: "NO_FEATURES" } });
  }
  const sourceCrs = crsOf(top);
  // Always through a converter (an identity copy for WGS84) so the zone never aliases the input.
  const convert = toLonLat(sourceCrs);
  const isLonLat = sourceCrs === "EPSG:4326";

  const parcels: Parcel[] = [];
  const envelopes: { feature: Json; label: string }[] = [];
  features.forEach((feature, index) => {
    if (!isObject(feature) || feature.type !== "Feature") {
      throw new FilingError({ code: "NOT_GEOJSON", params: { kind: "NOT_A_FEATURE", index } });
    }
    const label = featureLabel(feature, index);
    const raw = feature.geometry;
    if (isObject(feature.properties) && feature.properties.role === "envelope") {
      envelopes.push({ feature, label });
      return;
    }
    if (raw === null || raw === undefined) return;
    const polygonal = parcelGeometry(checkGeometryObject(raw, label));
    if (!polygonal) return;
    checkCoordinates(polygonal, label);
    if (isLonLat) checkLonLat(polygonal, label);
    const lonLat = reprojectGeometry(polygonal, convert);
    checkOnGlobe(lonLat, label);
    parcels.push(toParcel(feature, lonLat, parcels.length + 1));
  });

  if (parcels.length === 0) {
    throw new FilingError({ code: "NO_PARCEL", params: { kind: "NO_POLYGON" } });
  }
  if (envelopes.length > 1) {
    throw new FilingError({
      code: "BAD_ENVELOPE",
      params: { kind: "TOO_MANY", count: envelopes.length },
    });
  }
  const envelopeEntry = envelopes[0];
  const envelope = envelopeEntry
    ? readEnvelope(envelopeEntry.feature, envelopeEntry.label, (g) => {
        if (isLonLat) checkLonLat(g, envelopeEntry.label);
        const lonLat = reprojectGeometry(g, convert);
        checkOnGlobe(lonLat, envelopeEntry.label);
        return lonLat;
      })
    : null;
  const meta: ZoneMeta = isObject(top.czd) ? { ...top.czd } : {};
  return { parcels, envelope, meta, sourceCrs };
}
