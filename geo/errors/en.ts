/** The English sentence of every FilingError, by code and kind (params.ts). */
import { mb } from "./ko";
import type {
  ErrorSentences,
  FileRole,
  HubPlace,
  HubProblem,
  JsonProblem,
  UsageProblem,
} from "./params";

type Hub<K extends HubProblem["kind"]> = Extract<HubProblem, { kind: K }>;

const json = {
  JSON_EMPTY: () => "the file is empty",
  JSON_SYNTAX: (p: Extract<JsonProblem, { kind: "JSON_SYNTAX" }>) =>
    `not JSON${p.line === undefined ? "" : ` (line ${p.line}, column ${p.column}, near ${p.near})`}: ${p.end ? "the file ends early; save the whole file again" : "fix the comma, quote or bracket there"}`,
};

const text = { TEXT: (p: { en: string }) => p.en };

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
    `${p.file} line 1: the header needs name,type,lon,lat (or 이름,유형,경도,위도, or name,type,x,y) columns`,
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
  NOT_JSON: { ...json, ...text },
  NOT_GEOJSON: text,
  EMPTY: text,
  NO_PARCEL: {
    CSV_HAS_NO_PARCELS: () => "A CSV holds no parcel shapes: open a GeoJSON or a zipped Shapefile",
    ...text,
  },
  BAD_COORDINATES: {
    CSV_NOT_NUMBERS: (p) => `Line ${p.line}: the coordinates (${p.x}, ${p.y}) are not numbers`,
    ...text,
  },
  UNKNOWN_CRS: {
    UNSUPPORTED: (p) =>
      `The coordinate reference system ${p.crs} is not supported (supported: ${p.supported.join(", ")})`,
    HUB_CRS_UNSUPPORTED: (p) => `The hub file's coordinate system ${p.crs} is not supported`,
    ...text,
  },
  NOT_LONLAT: {
    CSV_NOT_LONLAT: (p) =>
      `Line ${p.line}: (${p.x}, ${p.y}) is not longitude/latitude; name the CRS of the x/y columns`,
    ...text,
  },
  BAD_ENVELOPE: text,
  BAD_RULES: { ...json, ...text },
  BAD_HUBS: { ...json, ...hubs, ...text },
  BAD_FILE: {
    CSV_NO_COORDINATE_COLUMNS: (p) =>
      `No coordinate columns: need 위도/경도, lat/lon or x/y (found: ${p.found.join(", ")})`,
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
      `Firm ${p.record}: the weight '${p.value}' is too large (at most ${p.limit.toExponential()}): rescale the column (e.g. to millions of won) and read it again`,
    WEIGHT_NOT_NUMBER: (p) => `Firm ${p.record}: the weight '${p.value}' is not a number ≥ 0`,
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
    ...text,
  },
  UNKNOWN_SIDO: text,
} satisfies ErrorSentences;
