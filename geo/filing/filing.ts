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
    throw new FilingError(
      "NOT_GEOJSON",
      "GeoJSON이 아닙니다: 최상위 값이 객체가 아닙니다",
      "Not GeoJSON: the top-level value is not an object",
    );
  }
  if (typeof root.type !== "string") {
    throw new FilingError(
      "NOT_GEOJSON",
      "GeoJSON이 아닙니다: 최상위 객체에 type 멤버가 없습니다",
      "Not GeoJSON: the top-level object has no type member",
    );
  }
  if (root.type === "FeatureCollection") {
    if (!Array.isArray(root.features)) {
      throw new FilingError(
        "NOT_GEOJSON",
        "FeatureCollection에 features 배열이 없습니다",
        "The FeatureCollection has no features array",
      );
    }
    return root.features;
  }
  if (root.type === "Feature") return [root];
  if (GEOMETRY_TYPES.has(root.type)) return [{ type: "Feature", properties: {}, geometry: root }];
  throw new FilingError(
    "NOT_GEOJSON",
    `GeoJSON이 아닙니다: 알 수 없는 type "${root.type}"`,
    `Not GeoJSON: unknown type "${root.type}"`,
  );
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
    throw new FilingError(
      "UNKNOWN_CRS",
      `crs 멤버의 좌표계를 쓸 수 없습니다: ${reading.problem.ko}`,
      `The crs member's coordinate system can't be used: ${reading.problem.en}`,
    );
  }
  const crs = normalizeCrs(text);
  if (crs === null) {
    const list = SUPPORTED_CRS.join(", ");
    const shown = excerpt(text, 60);
    throw new FilingError(
      "UNKNOWN_CRS",
      `crs 멤버의 좌표계 ${shown}는 지원하지 않습니다. 지원하는 좌표계: ${list}`,
      `The crs member names ${shown}, which is not supported. Supported: ${list}`,
    );
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
  const shown = `(${x}, ${y})`;
  if (Math.abs(x) <= 90 && Math.abs(y) <= 180) {
    return new FilingError(
      "NOT_LONLAT",
      `${where}의 좌표 ${shown}가 경위도 범위를 벗어납니다. 위도와 경도의 순서가 바뀐 것 같습니다: GeoJSON은 [경도, 위도] 순서입니다`,
      `${where} has coordinates ${shown} outside longitude/latitude range. Latitude and longitude look swapped: GeoJSON positions are [longitude, latitude]`,
    );
  }
  return new FilingError(
    "NOT_LONLAT",
    `${where}의 좌표 ${shown}는 경위도가 아닙니다. 투영 좌표계(TM 등)의 미터 값으로 보입니다. 파일에 crs 멤버(예: "urn:ogc:def:crs:EPSG::5186")를 넣거나 WGS84 경위도로 변환해 주세요`,
    `${where} has coordinates ${shown} that are not longitude/latitude: they look like metres in a projected CRS (e.g. Korean TM). Add a crs member (e.g. "urn:ogc:def:crs:EPSG::5186") or reproject the file to WGS84`,
  );
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
    throw new FilingError(
      "EMPTY",
      "구역이 하나도 없는 빈 파일입니다",
      "The filing is empty: it has no features",
    );
  }
  const sourceCrs = crsOf(top);
  // Always through a converter (an identity copy for WGS84) so the zone never aliases the input.
  const convert = toLonLat(sourceCrs);
  const isLonLat = sourceCrs === "EPSG:4326";

  const parcels: Parcel[] = [];
  const envelopes: { feature: Json; label: string }[] = [];
  features.forEach((feature, index) => {
    if (!isObject(feature) || feature.type !== "Feature") {
      throw new FilingError(
        "NOT_GEOJSON",
        `features[${index}]가 GeoJSON Feature가 아닙니다`,
        `features[${index}] is not a GeoJSON Feature`,
      );
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
    throw new FilingError(
      "NO_PARCEL",
      "구역(Polygon 또는 MultiPolygon 피처)이 없습니다",
      "No parcel: the filing has no Polygon or MultiPolygon feature",
    );
  }
  if (envelopes.length > 1) {
    throw new FilingError(
      "BAD_ENVELOPE",
      `지정 범위 피처가 ${envelopes.length}개입니다. 하나만 둘 수 있습니다`,
      `There are ${envelopes.length} envelope features; a filing may have at most one`,
    );
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
