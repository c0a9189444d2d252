/** The English sentence of every FilingError, by code and kind (params.ts). */

import { problemEn } from "../ring-problems";
import { oneLine } from "../sanitize";
import { mb } from "./ko";
import type {
  DbfProblem,
  EntryProblem,
  ErrorData,
  ErrorParams,
  ErrorSentences,
  FileRole,
  HubPlace,
  HubProblem,
  JsonProblem,
  LsmdProblem,
  RuleFieldProblem,
  ShpRecordProblem,
  UsageProblem,
  ZipDamage,
} from "./params";

type Hub<K extends HubProblem["kind"]> = Extract<HubProblem, { kind: K }>;

const json = {
  JSON_EMPTY: () => "the file is empty",
  JSON_SYNTAX: (p: Extract<JsonProblem, { kind: "JSON_SYNTAX" }>) =>
    `not JSON${p.line === undefined ? "" : ` (line ${p.line}, column ${p.column}, near ${p.near})`}: ${p.end ? "the file ends early; save the whole file again" : "fix the comma, quote or bracket there"}`,
};

const ARRAYS = { polygon: "a polygon", ring: "a ring", multipolygon: "a multipolygon" } as const;

/** A wrapped error's own sentence (an envelope's bad position), one line as it was raised. */
function inner(data: ErrorData): string {
  const table = en[data.code] as Record<string, (p: unknown) => string>;
  return oneLine(table[data.params.kind]?.(data.params) ?? "");
}

const RULE_FIELD: Record<
  RuleFieldProblem,
  (p: { limit?: number; choices?: readonly string[] }) => string
> = {
  POSITIVE: () => "must be a positive number",
  NON_EMPTY_STRING: () => "must be a non-empty string",
  LABEL: (p) => `must be at most ${p.limit} characters, without control characters`,
  BOOLEAN: () => "must be true or false",
  BILINGUAL: () => "must be { ko, en } strings",
  SHAPES: (p) => `must list one or more of ${p.choices?.join(", ")}`,
  SIDO_CODES: () => "must list ISO 3166-2:KR 시·도 codes such as KR-27",
  ROOT_OBJECT: () => "must be a JSON object",
  OBJECT: () => "must be an object",
  METRO_CODES: () => "must list 시·도 codes",
  CAP_SCOPE: () => 'must be "zone" or "sido"',
  BELT_REQUIRED: () => "belt limits are required",
  POLYGON_REQUIRED: () => "polygon limits are required",
};

type Zip = Extract<ErrorParams["BAD_FILE"], { kind: "ZIP_DAMAGED" }>;
const ZIP_DAMAGE: Record<ZipDamage, (p: Zip) => string> = {
  NO_END: () => "no end-of-central-directory record",
  TOO_SHORT: () => "the file is too short",
  DIRECTORY_CUT: () => "the central directory is cut off",
  DIRECTORY_ENTRY: (p) => `central directory entry ${p.index} is damaged`,
  CANT_INFLATE: (p) => `${p.entry} can't be inflated`,
  NO_LOCAL_HEADER: (p) => `${p.entry} has no local header`,
  ENTRY_CUT: (p) => `${p.entry} is cut off`,
  WRONG_SIZE: (p) => `${p.entry} has the wrong size`,
  CRC: (p) => `the CRC of ${p.entry} does not match`,
};

type Dbf = Extract<ErrorParams["BAD_FILE"], { kind: "DBF" }>;
const DBF: Record<DbfProblem, (p: Dbf) => string> = {
  HEADER_CUT: () => "the header is truncated",
  TOO_SHORT: (p) => `too short for its ${p.records} records (${p.bytes} < ${p.needed} bytes)`,
  FIELDS: () => "its fields don't fit its record length",
};

type Shp = Extract<ErrorParams["BAD_FILE"], { kind: "SHP_RECORD" }>;
const SHP_RECORD: Record<ShpRecordProblem, (p: Shp) => string> = {
  NOT_A_NUMBER: () => "a coordinate is not a number",
  NULL_SHAPE: () => "a null shape (no geometry): to delete a shape, delete its .dbf row too",
  TOO_SHORT: () => "the record is too short",
  NO_POINTS: () => "no points, or the record is too short",
  UNKNOWN_TYPE: (p) => `unknown shape type ${p.type}`,
  NO_PARTS: () => "an empty shape with no parts",
  TOO_SHORT_FOR_PARTS: (p) => `too short for its ${p.parts} parts and ${p.points} points`,
  BAD_PART: (p) => `part ${p.part} is empty or out of range`,
  CUT_OFF: (p) => `the record is cut off or its length (${p.bytes} bytes) is wrong`,
};

type Lsmd = Extract<ErrorParams["BAD_FILE"], { kind: "LSMD" }>;
const LSMD: Record<LsmdProblem, (p: Lsmd) => string> = {
  NOT_A_SHAPEFILE: () => "not a Shapefile",
  TRUNCATED: () => "truncated or damaged",
  NOT_POLYGONS: (p) => `holds no polygons (shape type ${p.type}): not a continuous cadastral map`,
  RECORD_CUT: (p) => `record ${p.record} is cut off`,
  MISSING: () => "missing: open a cadastral map's .shp, .shx, .dbf and .prj together (or zipped)",
  NOT_CADASTRAL_CRS: (p) =>
    `not a cadastral coordinate system (a Korean TM such as EPSG:5186, 5174 or 5179; supported: ${p.supported?.join(", ")})`,
  NO_FIELDS: (p) =>
    `has no ${p.lacking?.join(", ")} field, so it is not a continuous cadastral map (fields: ${p.fields})`,
  COUNTS: (p) => `has ${p.records} records but the .shp has ${p.shapes} shapes`,
  NOT_LSMD: () => "not a continuous cadastral map (LSMD_CONT_LDREG_….shp or .zip)",
  RECORD_NOT_POLYGON: (p) => `record ${p.record} is not a polygon`,
  ROW_DELETED: (p) => `row ${p.record} is flagged deleted but its shape is still there`,
};

type Entry = Extract<ErrorParams["BAD_COORDINATES"], { kind: "ENTRY" }>;
const ENTRY: Record<EntryProblem, (p: Entry) => string> = {
  EMPTY_PAIR: (p) => `Coordinate ${p.index} is empty (two commas in a row)`,
  NOT_TWO_NUMBERS: (p) => `Coordinate ${p.index} "${p.text}": needs two numbers (lon lat, or x y)`,
  NOT_A_NUMBER: (p) => `Coordinate ${p.index} "${p.text}": not a number`,
  WKT_NOT_READ: () =>
    "WKT not read: only POLYGON((x y, …)), LINESTRING(x y, …) and POINT(x y) are taken",
  WKT_HOLES: () => "A WKT polygon is taken with its outer ring only (import holes from a file)",
  GEOJSON_NOT_READ: (p) => `GeoJSON not read: ${p.why}`,
  GEOJSON_FEATURES: (p) => `The GeoJSON has ${p.count} features: enter one at a time`,
  GEOJSON_TYPE: (p) =>
    `The GeoJSON geometry is ${p.type ?? "missing"}: it must be a Polygon, LineString or Point`,
  NOTHING: () => "Enter the coordinates",
  HOLES: () => "A polygon is taken with its outer ring only (import holes from a file)",
  NOT_A_PAIR: (p) => `Coordinate ${p.index} is not a number pair`,
  CRS_UNSUPPORTED: (p) => `The coordinate system ${p.crs} is not supported`,
  OUTSIDE_LONLAT: (p) =>
    `Coordinate ${p.index} (${p.x} ${p.y}) is outside lon/lat: for TM x/y pick the coordinate system`,
  LOOKS_LONLAT: (p) =>
    `Coordinate ${p.index} (${p.x} ${p.y}) looks like lon/lat: pick lon/lat (EPSG:4326) as the coordinate system`,
  NOT_CONVERTED: (p) => `Coordinate ${p.index} (${p.x} ${p.y}) could not be converted`,
  TOO_FEW_VERTICES: (p) => `${p.count} vertices: a parcel needs at least 3 distinct vertices`,
  SIZE: (p) =>
    `The ${p.size === "radius" ? "radius" : "half-width"} must be a number of km above 0: "${p.text}"`,
  NOT_A_POLYGON: (p) => `Enter a polygon (3 or more vertices), not a ${p.type}`,
  CENTRE: (p) => `A circle's centre is one coordinate (${p.count} given)`,
  AXIS: (p) => `A belt's axis needs at least 2 distinct vertices (${p.count} given)`,
};

/** "Firm 3", or in a CSV "Line 5 (firm 3)": the line where its row starts. */
const firmAt = (p: { record: number; line?: number }): string =>
  p.line === undefined ? `Firm ${p.record}` : `Line ${p.line} (firm ${p.record})`;

/** "hubs.geojson feature 3" / "hubs.csv line 4". */
const at = (p: HubPlace): string =>
  "feature" in p ? `${p.file} feature ${p.feature}` : `${p.file} line ${p.line}`;

const hubs = {
  HUBS_NOT_COLLECTION: (p: Hub<"HUBS_NOT_COLLECTION">) =>
    `${p.file}: a hub file must be a GeoJSON FeatureCollection`,
  HUB_TOTAL_TYPE: (p: Hub<"HUB_TOTAL_TYPE">) =>
    `${at(p)}: the type 'total' is the name of the report's total and can't be a hub type: rename it`,
  HUB_PROPERTY_MISSING: (p: Hub<"HUB_PROPERTY_MISSING">) =>
    `${at(p)}: properties.${p.property} is missing`,
  HUB_BAD_GEOMETRY: (p: Hub<"HUB_BAD_GEOMETRY">) =>
    `${at(p)} (${p.name}): geometry must be a Point, Polygon or MultiPolygon with valid coordinates`,
  HUB_DEGREES_IN_TM: (p: Hub<"HUB_DEGREES_IN_TM">) =>
    `${at(p)} (${p.name}): the coordinates (${p.x}, ${p.y}) look like degrees, but the CRS is ${p.crs} (metres): for lon/lat drop the CRS, for TM check the coordinates`,
  HUB_OUT_OF_RANGE: (p: Hub<"HUB_OUT_OF_RANGE">) =>
    `${at(p)} (${p.name}): coordinates out of lon/lat range (for TM coordinates, name the CRS ${p.hint.en})`,
  HUB_CSV_UNREADABLE: (p: Hub<"HUB_CSV_UNREADABLE">) => `${at(p)}: unreadable CSV (${p.why})`,
  HUB_CSV_HEADER: (p: Hub<"HUB_CSV_HEADER">) =>
    `${at(p)}: the header needs name,type,lon,lat (or 이름,유형,경도,위도, or name,type,x,y) columns`,
  HUB_XY_NEEDS_CRS: (p: Hub<"HUB_XY_NEEDS_CRS">) =>
    `${p.file}: x,y columns need their coordinate system: name it ${p.hint.en}`,
  HUB_ROW_INCOMPLETE: (p: Hub<"HUB_ROW_INCOMPLETE">) =>
    `${at(p)}: name, type and numeric coordinates are required`,
  HUB_ROW_DEGREES_IN_TM: (p: Hub<"HUB_ROW_DEGREES_IN_TM">) =>
    `${at(p)}: x,y (${p.x}, ${p.y}) look like degrees, but their CRS is ${p.crs} (metres): for lon/lat name the columns lon,lat; for TM check the coordinates`,
  HUB_ROW_OUT_OF_RANGE: (p: Hub<"HUB_ROW_OUT_OF_RANGE">) =>
    `${at(p)}: coordinates (${p.x}, ${p.y}) are out of lon/lat range`,
};

const ROLES: Record<FileRole, string> = {
  rules: "rules",
  filing: "filing",
  input: "input",
  hubs: "hub",
  firms: "firms",
  sites: "sites",
  cadastre: "cadastral map",
};

const USAGE: Record<UsageProblem, string> = {
  FILE_TO_CHECK: "Give the filing to check",
  FILES_TO_CHECK: "Give the filings to check",
  FILE_TO_CONVERT: "Give the file to convert",
  FILE_TO_REPORT: "Give the filing to report on",
  FILING_TO_LIST: "Give the filing to list",
  FIRMS_FILE: "Give the firms file",
  TWO_FILES: "Give two files: the old version and the new",
  FORMAT_TO: "Give the format with --to",
  ENCODING: "--encoding is utf-8 or cp949",
  FORMAT_TEXT_JSON: "--format is text or json",
  FORMAT_BATCH: "--format is text, json, csv or html",
  FORMAT_DIFF: "--format is text, json or html",
  FORMAT_PARCELS: "--format is csv or xlsx",
  XLSX_NEEDS_OUTPUT: "XLSX is written to a file: give -o",
  CADASTRE: "Give the cadastral map with --cadastre",
  JOBS: "--jobs is a whole number from 1 to 64",
  HUBS_NONE_WITH_FILES: "--hubs none can't go with hub files",
  SHAPE: "--shape is circle, belt or polygon",
};

export const en = {
  NOT_JSON: json,
  NOT_GEOJSON: {
    TOP_NOT_OBJECT: () => "Not GeoJSON: the top-level value is not an object",
    TOP_NO_TYPE: () => "Not GeoJSON: the top-level object has no type member",
    NO_FEATURES_ARRAY: () => "The FeatureCollection has no features array",
    UNKNOWN_TYPE: (p) => `Not GeoJSON: unknown type "${p.type}"`,
    NOT_A_FEATURE: (p) => `features[${p.index}] is not a GeoJSON Feature`,
    NOT_A_GEOMETRY: (p) => `${p.label} has a geometry that is not a GeoJSON geometry`,
    NO_GEOMETRIES: (p) => `${p.label} is a GeometryCollection without a geometries array`,
    TOO_DEEP: (p) =>
      `The file nests more than ${p.limit} levels deep: not the structure of a filing`,
    NOT_A_COLLECTION: () => "Not a GeoJSON FeatureCollection",
    NOT_AN_OBJECT: () => "Not a GeoJSON object",
  },
  EMPTY: {
    NO_FEATURES: () => "The filing is empty: it has no features",
    NO_POINTS: () => "There are no points to enclose in a circle",
  },
  NO_PARCEL: {
    CSV_HAS_NO_PARCELS: () => "A CSV holds no parcel shapes: open a GeoJSON or a zipped Shapefile",
    NO_POLYGON: () => "No parcel: the filing has no Polygon or MultiPolygon feature",
  },
  BAD_COORDINATES: {
    ENTRY: (p) => ENTRY[p.problem](p),
    POSITION_NOT_ARRAY: (p) =>
      `${p.label}, ${p.path}: a position must be an array, found ${p.found}`,
    POSITION_SHORT: (p) =>
      `${p.label}, ${p.path}: the position ${p.found} needs two numbers, longitude and latitude`,
    POSITION_NOT_FINITE: (p) =>
      `${p.label}, ${p.path}: the position ${p.found} holds something that is not a finite number`,
    EMPTY_ARRAY: (p) => `${p.label}, ${p.path}: ${ARRAYS[p.what]} is empty or not an array`,
    NEAR_POLE: (p) =>
      `${p.label} has latitude ${p.lat}°, near a pole (beyond ±${p.limit}°): areas and distances can't be measured there`,
    ACROSS_ANTIMERIDIAN: (p) =>
      `${p.label} has an edge across the antimeridian (longitude 180°): such shapes can't be read`,
    CSV_NOT_NUMBERS: (p) => `Line ${p.line}: the coordinates (${p.x}, ${p.y}) are not numbers`,
  },
  UNKNOWN_CRS: {
    CRS_MEMBER_WKT: (p) => `The crs member's coordinate system can't be used: ${p.problem.en}`,
    CRS_MEMBER_UNSUPPORTED: (p) =>
      `The crs member names ${p.crs}, which is not supported. Supported: ${p.supported.join(", ")}`,
    CRS_MEMBER_NO_NAME: () =>
      "The GeoJSON crs member names no coordinate reference system (properties.name)",
    UNSUPPORTED: (p) =>
      `The coordinate reference system ${p.crs} is not supported (supported: ${p.supported.join(", ")})`,
    HUB_CRS_UNSUPPORTED: (p) => `The hub file's coordinate system ${p.crs} is not supported`,
    PRJ_MISSING: (p) =>
      `${p.layer}.prj is missing, so the coordinate system is unknown (zip the .prj with it, or name the CRS)`,
    PRJ_UNUSABLE: (p) => `${p.layer}.prj can't be used: ${p.problem.en}`,
    CANNOT_WRITE_SHAPEFILE: (p) => `Cannot write a Shapefile in ${p.crs}`,
    NOT_A_TM_PLANE: (p) =>
      `The planar-area CRS (--crs) ${p.crs} is not a Korean TM plane: name a TM plane such as EPSG:5186 (the default), 5179, 5185, 5187 or 5188`,
  },
  NOT_LONLAT: {
    SWAPPED: (p) =>
      `${p.where} has coordinates (${p.x}, ${p.y}) outside longitude/latitude range. Latitude and longitude look swapped: GeoJSON positions are [longitude, latitude]`,
    METRES: (p) =>
      `${p.where} has coordinates (${p.x}, ${p.y}) that are not longitude/latitude: they look like metres in a projected CRS (e.g. Korean TM). Add a crs member (e.g. "urn:ogc:def:crs:EPSG::5186") or reproject the file to WGS84`,
    METRES_BUT_DEGREES: (p) =>
      `The crs member names ${p.crs} (metres) but every coordinate looks like degrees: remove the crs member or correct it`,
    CSV_NOT_LONLAT: (p) =>
      `Line ${p.line}: (${p.x}, ${p.y}) is not longitude/latitude; name the CRS of the x/y columns`,
  },
  BAD_ENVELOPE: {
    TOO_MANY: (p) => `There are ${p.count} envelope features; a filing may have at most one`,
    NOT_KM: (p) =>
      `Envelope feature ${p.label}: properties.${p.key} must be a number of kilometres greater than 0 (found ${p.found ?? "nothing"})`,
    IN_ENVELOPE: (p) => `Envelope feature ${p.label}: ${inner(p.inner)}`,
    GEOMETRY_TYPE: (p) =>
      `Envelope feature ${p.label}: shape "${p.shape}" needs a ${p.type} geometry (found ${p.found ?? "none"})`,
    AXIS_TOO_SHORT: (p) =>
      `Envelope feature ${p.label}: a belt's axis LineString needs at least two positions`,
    AXIS_TOO_LONG: (p) =>
      `Envelope feature ${p.label}: a belt's axis has ${p.count} positions: simplify it to at most ${p.limit}`,
    POLYGON_INVALID: (p) =>
      `Envelope feature ${p.label}: the polygon is invalid: ${problemEn(p.problem)}`,
    UNKNOWN_SHAPE: (p) =>
      `Envelope feature ${p.label}: properties.shape must be "circle", "belt" or "polygon" (found ${p.found ?? "nothing"})`,
  },
  BAD_RULES: {
    ...json,
    FIELD: (p) => `Rules file, field ${p.field}: ${RULE_FIELD[p.problem](p)}`,
    BUILTIN_ID: (p) =>
      `The rules file's id '${p.id}' is a built-in rule set's id: built-in rules can't be replaced, so give the file another id`,
    ZONE_RULE_SET_UNKNOWN: (p) =>
      `This zone's rule set '${p.id}' is unknown: pick a rule set or load its rules file (built-in: phase-1-2, phase-3)`,
    RULE_SET_NOT_FOUND: (p) =>
      `Unknown rule set "${p.id}": give phase-1-2, phase-3 or a rules JSON file`,
    STAMP_UNKNOWN: (p) =>
      `The filing's rule set '${p.id}' is unknown (known: ${p.known.join(", ")}); ${p.hint.en}`,
  },
  BAD_HUBS: { ...json, ...hubs },
  BAD_FILE: {
    CSV_NO_COORDINATE_COLUMNS: (p) =>
      `No coordinate columns: need 위도/경도, lat/lon or x/y (found: ${p.found.join(", ")})`,
    TOO_MANY_POSITIONS: (p) =>
      `The file holds more than ${p.limit.toLocaleString("en-US")} positions: too large for a zone filing`,
    ZIP_DAMAGED: (p) => `Not a valid ZIP file (truncated or damaged: ${ZIP_DAMAGE[p.damage](p)})`,
    ZIP64: () => "ZIP64 archives are not supported (no zone filing is that large)",
    ZIP_TOO_MANY_ENTRIES: (p) => `The ZIP holds ${p.count} entries, over the limit of ${p.limit}`,
    ZIP_BOMB: (p) =>
      `${p.entry} in the ZIP inflates past the ${p.size} bytes it declares (damaged, or a ZIP bomb)`,
    ZIP_METHOD: (p) =>
      `${p.entry} in the ZIP uses compression method ${p.method}, which is not supported: zip it again with plain deflate`,
    ZIP_TOO_LARGE: (p) =>
      `The files in the ZIP inflate to ${mb(p.bytes)} MB, over the limit of ${mb(p.limit)} MB`,
    ZIP_ENCRYPTED: (p) => `${p.entry} in the ZIP is encrypted`,
    PARTS_TOO_LARGE: (p) =>
      `The files come to ${mb(p.bytes)} MB, over the limit of ${mb(p.limit)} MB`,
    PART_MISSING: (p) =>
      `${p.stem}.${p.ext} is missing: pick ${p.stem}.shp together with its .shx and .dbf (and .prj, .cpg), or open them zipped`,
    LAYER_PART_MISSING: (p) => `${p.layer}.${p.ext} is missing`,
    DBF_SHP_COUNTS: (p) =>
      `${p.layer}.dbf has ${p.records} records but ${p.layer}.shp has ${p.shapes} shapes`,
    DBF_ROW_DELETED: (p) =>
      `${p.layer}.dbf, row ${p.row} is flagged deleted but ${p.layer}.shp still holds its shape`,
    ZIP_HAS_NO_SHP: () => "The ZIP holds no .shp file",
    DBF: (p) => `.dbf file: ${DBF[p.problem](p)}`,
    SHP_RECORD: (p) => `${p.layer}.shp, record ${p.record}: ${SHP_RECORD[p.problem](p)}`,
    LSMD: (p) => `${p.file}: ${LSMD[p.problem](p)}`,
    BAD_PNU: (p) =>
      `PNU '${p.pnu}' is not a 19-digit parcel number (legal-dong code 10 + 1 or 2 + main 4 + sub 4)`,
    PNU_NOT_IN_MAP: (p) =>
      `Parcel ${p.parcel} names PNU ${p.pnu}, which the cadastral map does not hold (${p.place ? `${p.place}: open that 시·군's map too` : "open the neighbouring 시·군's map too"})`,
    NOT_A_SHAPEFILE: (p) => `${p.layer}.shp is not a Shapefile`,
    SHP_TRUNCATED: (p) =>
      `${p.layer}.shp is truncated or damaged (header says ${p.declared} bytes, file has ${p.bytes})`,
    SHX_DAMAGED: (p) => `${p.layer}.shx is damaged`,
    SHX_COUNTS: (p) =>
      `${p.layer}.shx indexes ${p.count} records but ${p.layer}.shp holds ${p.records}`,
    SHX_POSITION: (p) =>
      `${p.layer}.shx, record ${p.row}: its position does not match ${p.layer}.shp`,
    CSV_NO_ROWS: () => "The CSV has no data rows",
    UNKNOWN_FORMAT: (p) => `Unknown format '${p.id}' (formats: ${p.formats.join(", ")})`,
    UNREADABLE_FORMAT: (p) =>
      `not a format that can be read (readable: ${p.extensions.join(", ")})`,
    CANNOT_WRITE_FORMAT: (p) => `Cannot write the '${p.id}' format`,
    TOO_LARGE: (p) => `The file is ${mb(p.bytes)} MB, over the limit of ${mb(p.limit)} MB`,
    CANNOT_READ: (p) => `Cannot read '${p.file}' (${p.why})`,
    BAD_INDUSTRY_FILTER: (p) =>
      `The industry filter '${p.filter}' must read column=value[,value…] (e.g. 업종=제조업)`,
    NO_FIRMS: () => "The file holds no firms",
    SHAPE_NOT_ALLOWED: (p) =>
      `The rule set ${p.ruleSet} allows no ${p.shape} envelope (allowed: ${p.allowed.join(", ")})`,
    CAP_OUT_OF_RANGE: (p) =>
      `--cap-km2 ${p.cap} must be over 0 and at most the cap of ${p.limit} km²`,
    SIDO_IN_CAPITAL_REGION: (p) =>
      `${p.sidoNameEn} is in the capital region, which the programme leaves out (eligible: the 14 non-capital 시·도)`,
    NO_SIDO_BOUNDARY: (p) => `No boundary for ${p.sido}`,
    NO_FIRMS_OF_INDUSTRY: (p) => `No firm has ${p.column} = ${p.values.join(", ")}`,
    MISSING_COLUMN: (p) => `No ${p.role} column '${p.column}' (found: ${p.found.join(", ")})`,
    FEATURE_NOT_POINT: (p) =>
      `Feature ${p.record} is not a point (${p.geometry ?? "no geometry"}): give firms as points`,
    WEIGHT_TOO_LARGE: (p) =>
      `${firmAt(p)}: the weight '${p.value}' is too large (at most ${p.limit.toExponential()}): rescale the column (e.g. to millions of won) and read it again`,
    WEIGHT_NOT_NUMBER: (p) => `${firmAt(p)}: the weight '${p.value}' is not a number ≥ 0`,
    SITE_NOT_POLYGON: (p) =>
      `Candidate site ${p.record} is not a polygon (${p.geometry ?? "no geometry"})`,
    NO_SITES: () => "The file holds no candidate sites",
    CLI_CANNOT_READ: (p) => `Cannot read ${ROLES[p.role]} file '${p.path}' (${p.reason})`,
    CLI_CANNOT_WRITE: (p) => `Cannot write the output file '${p.path}' (${p.reason})`,
    CLI_USAGE: (p) => `${USAGE[p.problem]} (czd --help)`,
    CLI_BAD_NUMBER: (p) =>
      `${p.option === "cap-km2" ? `--cap-km2 ${p.value}: the area cap must be a number of km² greater than 0 (e.g. --cap-km2 15)` : `--max-pieces ${p.value}: give a whole number ≥ 1 (e.g. --max-pieces 10)`} (czd --help)`,
    CLI_ARG: (p) => {
      const at = `argument ${p.place} '${p.arg}'`;
      switch (p.problem) {
        case "UNKNOWN_OPTION":
          return `${at} is not an option: check its spelling (czd --help)`;
        case "TAKES_NO_VALUE":
          return `${at}: --${p.option} takes no value (czd --help)`;
        case "NEEDS_VALUE":
          return `${at} needs a value after it (e.g. ${p.arg} value) (czd --help)`;
      }
    },
    CHECK_UNFINISHED: () => "The check did not finish",
    CANNOT_CHECK: (p) => `Can't be checked (${p.why})`,
    UNUSABLE: (p) => `Can't be used (${p.why})`,
    FAILED: (p) => p.why,
    WORKER_FAILED: (p) => `Worker failed (${p.why})`,
  },
  UNKNOWN_SIDO: {
    UNKNOWN_CODE: (p) => `Unknown 시·도 code "${p.code}": use an ISO 3166-2:KR code such as KR-27.`,
  },
  NO_PROPOSAL: {
    NO_PARCEL_HOLDS_FIRMS: (p) =>
      `${p.sidoNameEn}: no parcel inside the envelope, on ${p.sidoNameEn}'s land and within ${p.capKm2} km² holds any firm (the firms are too spread out for the cap, or hug a border or the coast)`,
    ZONE_FAILS_CHECK: (p) =>
      `${p.sidoNameEn}: the zone found does not pass the check, so it is not proposed (${p.codes.join(", ")})`,
    NO_FIRMS_IN_SIDO: (p) =>
      `No firms to propose from: none in ${p.sidoNameEn}, or every weight is 0 (${p.read} firms read)`,
    NO_WEIGHTED_FIRMS: (p) =>
      `No firms to propose from: no weighted firm lies in a non-capital 시·도 (${p.read} firms read; firms in the capital region, at sea or abroad are not counted)`,
  },
} satisfies ErrorSentences;
