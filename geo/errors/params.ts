/**
 * A FilingError as data: its code (the category the CLI and the app branch on) and the values
 * behind its sentence, one type a code with a `kind` for each sentence, as the findings carry
 * their figures (findings.ts). The sentences live in ko.ts and en.ts, one table a language;
 * nothing here is prose, so a caller moves a line number by adding to `line`, never by editing
 * a translated string.
 */

export const FILING_ERROR_CODES = [
  "NOT_JSON",
  "NOT_GEOJSON",
  "EMPTY",
  "NO_PARCEL",
  "BAD_COORDINATES",
  "UNKNOWN_CRS",
  "NOT_LONLAT",
  "BAD_ENVELOPE",
  "BAD_RULES",
  "BAD_HUBS",
  "BAD_FILE",
  "UNKNOWN_SIDO",
  "NO_PROPOSAL",
] as const;
export type FilingErrorCode = (typeof FILING_ERROR_CODES)[number];

/**
 * Why a JSON text can't be parsed: the same two sentences for a filing (NOT_JSON), a rules file
 * (BAD_RULES) and a hub file (BAD_HUBS).
 */
export type JsonProblem =
  | { kind: "JSON_EMPTY" }
  | {
      kind: "JSON_SYNTAX";
      /** 1-based line and column where the text stopped being JSON, with the text there. */
      line?: number;
      column?: number;
      near?: string;
      /** The text ended before the JSON did. */
      end: boolean;
    };

/** What a file read by the CLI is for ("Cannot read rules file …"). */
export type FileRole = "rules" | "filing" | "input" | "hubs" | "firms" | "sites" | "cadastre";

/** A firm file's column a proposal needs. */
export type ColumnRole = "weight" | "industry";

/** The CLI's usage mistakes, each one sentence (with "(czd --help)" after it). */
export type UsageProblem =
  | "FILE_TO_CHECK"
  | "FILES_TO_CHECK"
  | "FILE_TO_CONVERT"
  | "FILE_TO_REPORT"
  | "FILING_TO_LIST"
  | "FIRMS_FILE"
  | "TWO_FILES"
  | "FORMAT_TO"
  | "ENCODING"
  | "FORMAT_TEXT_JSON"
  | "FORMAT_BATCH"
  | "FORMAT_DIFF"
  | "FORMAT_PARCELS"
  | "XLSX_NEEDS_OUTPUT"
  | "CADASTRE"
  | "JOBS"
  | "HUBS_NONE_WITH_FILES"
  | "SHAPE";

/** How an argument on the command line is wrong; `place` counts from 1 after the command. */
export type ArgProblem = "UNKNOWN_OPTION" | "TAKES_NO_VALUE" | "NEEDS_VALUE";

/** A phrase the caller writes in both languages: how its user names a CRS (io/format CrsHint). */
export interface Phrase {
  ko: string;
  en: string;
}

/** A place in a hub file: a GeoJSON feature (0-based, as `features[i]`) or a CSV line (1-based). */
export type HubPlace = { file: string } & ({ feature: number } | { line: number });

export type HubProblem =
  | { kind: "HUBS_NOT_COLLECTION"; file: string }
  | (HubPlace & { kind: "HUB_TOTAL_TYPE" })
  | { kind: "HUB_PROPERTY_MISSING"; file: string; feature: number; property: "name" | "type" }
  | { kind: "HUB_BAD_GEOMETRY"; file: string; feature: number; name: string }
  | {
      kind: "HUB_DEGREES_IN_TM";
      file: string;
      feature: number;
      name: string;
      x?: number;
      y?: number;
      crs: string;
    }
  | { kind: "HUB_OUT_OF_RANGE"; file: string; feature: number; name: string; hint: Phrase }
  | { kind: "HUB_CSV_UNREADABLE"; file: string; line: number; why: string }
  | { kind: "HUB_CSV_HEADER"; file: string; line: number }
  | { kind: "HUB_XY_NEEDS_CRS"; file: string; hint: Phrase }
  | { kind: "HUB_ROW_INCOMPLETE"; file: string; line: number }
  | { kind: "HUB_ROW_DEGREES_IN_TM"; file: string; line: number; x: number; y: number; crs: string }
  | { kind: "HUB_ROW_OUT_OF_RANGE"; file: string; line: number; x: number; y: number };

/** How a field of a rules file is wrong. */
export type RuleFieldProblem =
  | "POSITIVE"
  | "NON_EMPTY_STRING"
  | "LABEL"
  | "BOOLEAN"
  | "BILINGUAL"
  | "SHAPES"
  | "SIDO_CODES"
  | "ROOT_OBJECT"
  | "OBJECT"
  | "METRO_CODES"
  | "CAP_SCOPE"
  | "BELT_REQUIRED"
  | "POLYGON_REQUIRED";

/** How a ZIP is damaged ("Not a valid ZIP file (truncated or damaged: …)"). */
export type ZipDamage =
  | "NO_END"
  | "TOO_SHORT"
  | "DIRECTORY_CUT"
  | "DIRECTORY_ENTRY"
  | "CANT_INFLATE"
  | "NO_LOCAL_HEADER"
  | "ENTRY_CUT"
  | "WRONG_SIZE"
  | "CRC";

/** What is wrong with one record of a .shp. */
export type ShpRecordProblem =
  | "NOT_A_NUMBER"
  | "NULL_SHAPE"
  | "TOO_SHORT"
  | "NO_POINTS"
  | "UNKNOWN_TYPE"
  | "NO_PARTS"
  | "TOO_SHORT_FOR_PARTS"
  | "BAD_PART"
  | "CUT_OFF";

/** What is wrong with a .dbf. */
export type DbfProblem = "HEADER_CUT" | "TOO_SHORT" | "FIELDS";

/** Why a continuous cadastral map (연속지적도) can't be read. */
export type LsmdProblem =
  | "NOT_A_SHAPEFILE"
  | "TRUNCATED"
  | "NOT_POLYGONS"
  | "RECORD_CUT"
  | "MISSING"
  | "NOT_CADASTRAL_CRS"
  | "NO_FIELDS"
  | "COUNTS"
  | "NOT_LSMD"
  | "RECORD_NOT_POLYGON"
  | "ROW_DELETED";

/** What is wrong with coordinates typed or pasted into the app's coordinate entry. */
export type EntryProblem =
  | "EMPTY_PAIR"
  | "NOT_TWO_NUMBERS"
  | "NOT_A_NUMBER"
  | "WKT_NOT_READ"
  | "WKT_HOLES"
  | "GEOJSON_NOT_READ"
  | "GEOJSON_FEATURES"
  | "GEOJSON_TYPE"
  | "NOTHING"
  | "HOLES"
  | "NOT_A_PAIR"
  | "CRS_UNSUPPORTED"
  | "OUTSIDE_LONLAT"
  | "LOOKS_LONLAT"
  | "NOT_CONVERTED"
  | "TOO_FEW_VERTICES"
  | "SIZE"
  | "NOT_A_POLYGON"
  | "CENTRE"
  | "AXIS";

/** The values behind each code's sentences. */
export interface ErrorParams {
  NOT_JSON: JsonProblem;
  NOT_GEOJSON:
    | { kind: "TOP_NOT_OBJECT" }
    | { kind: "TOP_NO_TYPE" }
    | { kind: "NO_FEATURES_ARRAY" }
    | { kind: "UNKNOWN_TYPE"; type: string }
    | { kind: "NOT_A_FEATURE"; index: number }
    | { kind: "NOT_A_GEOMETRY"; label: string }
    | { kind: "NO_GEOMETRIES"; label: string }
    | { kind: "TOO_DEEP"; limit: number }
    | { kind: "NOT_A_COLLECTION" }
    | { kind: "NOT_AN_OBJECT" };
  EMPTY: { kind: "NO_FEATURES" } | { kind: "NO_POINTS" };
  NO_PARCEL: { kind: "CSV_HAS_NO_PARCELS" } | { kind: "NO_POLYGON" };
  BAD_COORDINATES:
    | { kind: "CSV_NOT_NUMBERS"; line: number; x: string; y: string }
    | {
        kind: "ENTRY";
        problem: EntryProblem;
        /** 1-based place of the coordinate in the entry. */
        index?: number;
        text?: string;
        count?: number;
        type?: string;
        crs?: string;
        x?: number;
        y?: number;
        size?: "radius" | "halfWidth";
        why?: string;
      }
    | { kind: "POSITION_NOT_ARRAY"; label: string; path: string; found: string }
    | { kind: "POSITION_SHORT"; label: string; path: string; found: string }
    | { kind: "POSITION_NOT_FINITE"; label: string; path: string; found: string }
    | {
        kind: "EMPTY_ARRAY";
        label: string;
        path: string;
        what: "polygon" | "ring" | "multipolygon";
      }
    | { kind: "NEAR_POLE"; label: string; lat: number; limit: number }
    | { kind: "ACROSS_ANTIMERIDIAN"; label: string };
  UNKNOWN_CRS:
    | { kind: "UNSUPPORTED"; crs: string; supported: readonly string[] }
    | { kind: "CRS_MEMBER_WKT"; problem: Phrase }
    | { kind: "CRS_MEMBER_UNSUPPORTED"; crs: string; supported: readonly string[] }
    | { kind: "CRS_MEMBER_NO_NAME" }
    | { kind: "HUB_CRS_UNSUPPORTED"; crs: string }
    | { kind: "PRJ_MISSING"; layer: string }
    | { kind: "PRJ_UNUSABLE"; layer: string; problem: Phrase }
    | { kind: "CANNOT_WRITE_SHAPEFILE"; crs: string }
    | { kind: "NOT_A_TM_PLANE"; crs: string };
  NOT_LONLAT:
    | { kind: "CSV_NOT_LONLAT"; line: number; x: number; y: number }
    | { kind: "SWAPPED"; where: string; x: number; y: number }
    | { kind: "METRES"; where: string; x: number; y: number }
    | { kind: "METRES_BUT_DEGREES"; crs: string };
  BAD_ENVELOPE:
    | { kind: "TOO_MANY"; count: number }
    | { kind: "NOT_KM"; label: string; key: string; found?: string | undefined }
    | { kind: "IN_ENVELOPE"; label: string; inner: ErrorData }
    | {
        kind: "GEOMETRY_TYPE";
        label: string;
        shape: string;
        type: string;
        found?: string | undefined;
      }
    | { kind: "AXIS_TOO_SHORT"; label: string }
    | { kind: "AXIS_TOO_LONG"; label: string; count: number; limit: number }
    | { kind: "POLYGON_INVALID"; label: string; problem: string }
    | { kind: "UNKNOWN_SHAPE"; label: string; found?: string | undefined };
  BAD_RULES:
    | JsonProblem
    | {
        kind: "FIELD";
        field: string;
        problem: RuleFieldProblem;
        /** LABEL's longest length; SHAPES's choices. */
        limit?: number;
        choices?: readonly string[];
      }
    | { kind: "BUILTIN_ID"; id: string }
    | { kind: "ZONE_RULE_SET_UNKNOWN"; id: string }
    | { kind: "RULE_SET_NOT_FOUND"; id: string }
    | { kind: "STAMP_UNKNOWN"; id: string; known: readonly string[]; hint: Phrase };
  BAD_HUBS: JsonProblem | HubProblem;
  BAD_FILE:
    | { kind: "CSV_NO_COORDINATE_COLUMNS"; found: readonly string[] }
    | { kind: "CSV_NO_ROWS" }
    | { kind: "TOO_MANY_POSITIONS"; limit: number }
    | { kind: "ZIP_DAMAGED"; damage: ZipDamage; entry?: string; index?: number }
    | { kind: "ZIP64" }
    | { kind: "ZIP_TOO_MANY_ENTRIES"; count: number; limit: number }
    | { kind: "ZIP_BOMB"; entry: string; size: number }
    | { kind: "ZIP_METHOD"; entry: string; method: number }
    | { kind: "ZIP_TOO_LARGE"; bytes: number; limit: number }
    | { kind: "ZIP_ENCRYPTED"; entry: string }
    | { kind: "PARTS_TOO_LARGE"; bytes: number; limit: number }
    | { kind: "PART_MISSING"; stem: string; ext: string }
    | { kind: "LAYER_PART_MISSING"; layer: string; ext: "shp" | "dbf" }
    | { kind: "DBF_SHP_COUNTS"; layer: string; records: number; shapes: number }
    | { kind: "DBF_ROW_DELETED"; layer: string; row: number }
    | { kind: "ZIP_HAS_NO_SHP" }
    | { kind: "DBF"; problem: DbfProblem; records?: number; bytes?: number; needed?: number }
    | {
        kind: "SHP_RECORD";
        layer: string;
        record: number;
        problem: ShpRecordProblem;
        type?: number;
        parts?: number;
        points?: number;
        part?: number;
        bytes?: number;
      }
    | { kind: "NOT_A_SHAPEFILE"; layer: string }
    | { kind: "BAD_PNU"; pnu: string }
    | {
        kind: "PNU_NOT_IN_MAP";
        /** The 구역: its name, with its id in brackets when they differ. */
        parcel: string;
        pnu: string;
        /** Where the 필지 lies (소재지 from the PNU's 법정동코드), when the PNU is well formed. */
        place?: string;
      }
    | {
        kind: "LSMD";
        /** The part of the map at fault (jijuk.shp, jijuk.dbf …), named first. */
        file: string;
        problem: LsmdProblem;
        type?: number;
        record?: number;
        supported?: readonly string[];
        lacking?: readonly string[];
        fields?: string;
        records?: number;
        shapes?: number;
      }
    | { kind: "SHP_TRUNCATED"; layer: string; declared: number; bytes: number }
    | { kind: "SHX_DAMAGED"; layer: string }
    | { kind: "SHX_COUNTS"; layer: string; count: number; records: number }
    | { kind: "SHX_POSITION"; layer: string; row: number }
    | { kind: "UNKNOWN_FORMAT"; id: string; formats: readonly string[] }
    | { kind: "UNREADABLE_FORMAT"; extensions: readonly string[] }
    | { kind: "CANNOT_WRITE_FORMAT"; id: string }
    | { kind: "TOO_LARGE"; bytes: number; limit: number }
    | { kind: "CANNOT_READ"; file: string; why: string }
    | { kind: "BAD_INDUSTRY_FILTER"; filter: string }
    | { kind: "NO_FIRMS" }
    | { kind: "SHAPE_NOT_ALLOWED"; ruleSet: string; shape: string; allowed: readonly string[] }
    | { kind: "CAP_OUT_OF_RANGE"; cap: number; limit: number }
    | { kind: "SIDO_IN_CAPITAL_REGION"; sidoName: string; sidoNameEn: string }
    | { kind: "NO_SIDO_BOUNDARY"; sido: string }
    | { kind: "NO_FIRMS_OF_INDUSTRY"; column: string; values: readonly string[] }
    | { kind: "MISSING_COLUMN"; role: ColumnRole; column: string; found: readonly string[] }
    | { kind: "FEATURE_NOT_POINT"; record: number; geometry: string | null }
    /** `line`: a CSV's, where the firm's row starts. */
    | { kind: "WEIGHT_TOO_LARGE"; record: number; line?: number; value: string; limit: number }
    | { kind: "WEIGHT_NOT_NUMBER"; record: number; line?: number; value: string }
    | { kind: "SITE_NOT_POLYGON"; record: number; geometry: string | null }
    | { kind: "NO_SITES" }
    | { kind: "CLI_CANNOT_READ"; role: FileRole; path: string; reason: string }
    | { kind: "CLI_CANNOT_WRITE"; path: string; reason: string }
    | { kind: "CLI_USAGE"; problem: UsageProblem }
    | { kind: "CLI_BAD_NUMBER"; option: "cap-km2" | "max-pieces"; value: string }
    | { kind: "CLI_ARG"; problem: ArgProblem; place: number; arg: string; option?: string }
    | { kind: "CHECK_UNFINISHED" }
    | { kind: "CANNOT_CHECK"; why: string }
    | { kind: "UNUSABLE"; why: string }
    | { kind: "FAILED"; why: string }
    | { kind: "WORKER_FAILED"; why: string };
  UNKNOWN_SIDO: { kind: "UNKNOWN_CODE"; code: string };
  /**
   * Usable firms, but no zone to propose (`czd propose` exits 1, not 2): the 시·도 by its names
   * in both languages, as SIDO_IN_CAPITAL_REGION carries them.
   */
  NO_PROPOSAL:
    | { kind: "NO_PARCEL_HOLDS_FIRMS"; sidoName: string; sidoNameEn: string; capKm2: number }
    | { kind: "ZONE_FAILS_CHECK"; sidoName: string; sidoNameEn: string; codes: readonly string[] }
    | { kind: "NO_FIRMS_IN_SIDO"; sidoName: string; sidoNameEn: string; read: number }
    | { kind: "NO_WEIGHTED_FIRMS"; read: number };
}

/** The params of one code and kind. */
export type ParamsOf<C extends FilingErrorCode, K extends ErrorParams[C]["kind"]> = Extract<
  ErrorParams[C],
  { kind: K }
>;

/** One error as data, discriminated by code (and by `params.kind` within a code). */
export type ErrorData = {
  [C in FilingErrorCode]: {
    code: C;
    params: ErrorParams[C];
    /**
     * The file the error is about, written in front of the sentence ("'zone.geojson': …"). A
     * sentence that names its file itself ("hubs.csv line 3: …") has a `file` param instead.
     */
    file?: string;
  };
}[FilingErrorCode];

/** One language's sentences: a function of its params for every kind of every code. */
export type ErrorSentences = {
  [C in FilingErrorCode]: {
    [K in ErrorParams[C]["kind"]]: (p: ParamsOf<C, K>) => string;
  };
};
