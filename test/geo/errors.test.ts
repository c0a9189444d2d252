/**
 * Errors as data (issue 19): every code and kind has a Korean and an English sentence, both
 * rendered the same way every time and after a trip through JSON (as the Workers send them);
 * a reader of part of a file moves the line and record params, and a file is named by a param.
 */
import { describe, expect, it } from "vitest";
import {
  ERROR_SENTENCES,
  type ErrorData,
  type ErrorParams,
  errorText,
  FILING_ERROR_CODES,
  FilingError,
  type FilingErrorCode,
  type ParamsOf,
} from "../../geo/errors";
import { importZone } from "../../geo/io";
import { firmsFromCsvText } from "../../geo/propose/csv-chunks";
import { errorOf } from "../support/filing";
import { createFirmRows, firmCsv, JINJU_CLUMPS } from "../support/firms";

/** Omit on each member of a union (a hub's place is a feature or a line). */
type Without<T, K extends PropertyKey> = T extends unknown ? Omit<T, K> : never;

type Samples = {
  [C in FilingErrorCode]: {
    [K in ErrorParams[C]["kind"]]: Without<ParamsOf<C, K>, "kind">;
  };
};

const HINT = { ko: "--crs로", en: "with --crs" };
const JSON_PROBLEMS = {
  JSON_EMPTY: {},
  JSON_SYNTAX: { line: 3, column: 7, near: '"a" "b"', end: false },
};

/** One sample of every kind's params: the compiler refuses a kind left out. */
const SAMPLES: Samples = {
  NOT_JSON: JSON_PROBLEMS,
  NOT_GEOJSON: {
    TOP_NOT_OBJECT: {},
    TOP_NO_TYPE: {},
    NO_FEATURES_ARRAY: {},
    UNKNOWN_TYPE: { type: "Topology" },
    NOT_A_FEATURE: { index: 2 },
    NOT_A_GEOMETRY: { label: "features[0] (id P1)" },
    NO_GEOMETRIES: { label: "features[0]" },
    TOO_DEEP: { limit: 64 },
    NOT_A_COLLECTION: {},
    NOT_AN_OBJECT: {},
  },
  EMPTY: { NO_FEATURES: {}, NO_POINTS: {} },
  NO_PARCEL: { CSV_HAS_NO_PARCELS: {}, NO_POLYGON: {} },
  BAD_COORDINATES: {
    CSV_NOT_NUMBERS: { line: 12, x: "동쪽", y: "35.1" },
    ENTRY: { problem: "OUTSIDE_LONLAT", index: 2, x: 250000, y: 280000 },
    POSITION_NOT_ARRAY: { label: "features[1]", path: "coordinates[0][2]", found: '"x"' },
    POSITION_SHORT: { label: "features[1]", path: "coordinates[0][2]", found: "[128.1]" },
    POSITION_NOT_FINITE: { label: "features[1]", path: "coordinates[0][2]", found: "[1e999,3]" },
    EMPTY_ARRAY: { label: "features[1]", path: "coordinates", what: "ring" },
    NEAR_POLE: { label: "features[1]", lat: 89.9, limit: 85 },
    ACROSS_ANTIMERIDIAN: { label: "features[1]" },
  },
  UNKNOWN_CRS: {
    UNSUPPORTED: { crs: "EPSG:3857x", supported: ["EPSG:4326", "EPSG:5186"] },
    HUB_CRS_UNSUPPORTED: { crs: "EPSG:1" },
    CRS_MEMBER_WKT: { problem: { ko: "측지계가 다릅니다", en: "another datum" } },
    CRS_MEMBER_UNSUPPORTED: { crs: "EPSG:2097", supported: ["EPSG:4326"] },
    CRS_MEMBER_NO_NAME: {},
    PRJ_MISSING: { layer: "jinju" },
    PRJ_UNUSABLE: { layer: "jinju", problem: { ko: "측지계가 다릅니다", en: "another datum" } },
    CANNOT_WRITE_SHAPEFILE: { crs: "EPSG:3857" },
    NOT_A_TM_PLANE: { crs: "EPSG:4326" },
  },
  NOT_LONLAT: {
    CSV_NOT_LONLAT: { line: 4, x: 250000, y: 280000 },
    SWAPPED: { where: "features[0]", x: 35.1, y: 128.1 },
    METRES: { where: "features[0]", x: 250000, y: 280000 },
    METRES_BUT_DEGREES: { crs: "EPSG:5186" },
  },
  BAD_ENVELOPE: {
    TOO_MANY: { count: 2 },
    NOT_KM: { label: "features[3]", key: "radiusKm", found: "-1" },
    IN_ENVELOPE: {
      label: "features[3]",
      inner: { code: "BAD_COORDINATES", params: { kind: "ACROSS_ANTIMERIDIAN", label: "x" } },
    },
    GEOMETRY_TYPE: { label: "features[3]", shape: "belt", type: "LineString", found: "Point" },
    AXIS_TOO_SHORT: { label: "features[3]" },
    AXIS_TOO_LONG: { label: "features[3]", count: 5000, limit: 1000 },
    POLYGON_INVALID: { label: "features[3]", problem: "SELF_CROSSING" },
    UNKNOWN_SHAPE: { label: "features[3]", found: '"square"' },
  },
  BAD_RULES: {
    ...JSON_PROBLEMS,
    FIELD: { field: "envelope.shapes", problem: "SHAPES", choices: ["circle", "belt"] },
    BUILTIN_ID: { id: "phase-3" },
    ZONE_RULE_SET_UNKNOWN: { id: "phase-9" },
    RULE_SET_NOT_FOUND: { id: "phase-9" },
    STAMP_UNKNOWN: { id: "phase-9", known: ["phase-1-2", "phase-3"], hint: HINT },
  },
  BAD_HUBS: {
    ...JSON_PROBLEMS,
    HUBS_NOT_COLLECTION: { file: "hubs.geojson" },
    HUB_TOTAL_TYPE: { file: "hubs.csv", line: 4 },
    HUB_PROPERTY_MISSING: { file: "hubs.geojson", feature: 2, property: "name" },
    HUB_BAD_GEOMETRY: { file: "hubs.geojson", feature: 2, name: "경상국립대" },
    HUB_DEGREES_IN_TM: {
      file: "hubs.geojson",
      feature: 2,
      name: "경상국립대",
      x: 128.1,
      y: 35.1,
      crs: "EPSG:5186",
    },
    HUB_OUT_OF_RANGE: { file: "hubs.geojson", feature: 2, name: "경상국립대", hint: HINT },
    HUB_CSV_UNREADABLE: { file: "hubs.csv", line: 3, why: "Trailing quote" },
    HUB_CSV_HEADER: { file: "hubs.csv", line: 1 },
    HUB_XY_NEEDS_CRS: { file: "hubs.csv", hint: HINT },
    HUB_ROW_INCOMPLETE: { file: "hubs.csv", line: 5 },
    HUB_ROW_DEGREES_IN_TM: { file: "hubs.csv", line: 5, x: 128.1, y: 35.1, crs: "EPSG:5186" },
    HUB_ROW_OUT_OF_RANGE: { file: "hubs.csv", line: 5, x: 999, y: 35.1 },
  },
  BAD_FILE: {
    CSV_NO_COORDINATE_COLUMNS: { found: ["기업명", "주소"] },
    CSV_NO_ROWS: {},
    TOO_MANY_POSITIONS: { limit: 1_000_000 },
    ZIP_DAMAGED: { damage: "CRC", entry: "jinju.shp" },
    ZIP64: {},
    ZIP_TOO_MANY_ENTRIES: { count: 5000, limit: 1000 },
    ZIP_BOMB: { entry: "jinju.shp", size: 100 },
    ZIP_METHOD: { entry: "jinju.shp", method: 12 },
    ZIP_TOO_LARGE: { bytes: 600 * 1024 * 1024, limit: 512 * 1024 * 1024 },
    ZIP_ENCRYPTED: { entry: "jinju.shp" },
    PARTS_TOO_LARGE: { bytes: 600 * 1024 * 1024, limit: 512 * 1024 * 1024 },
    PART_MISSING: { stem: "jinju", ext: "dbf" },
    LAYER_PART_MISSING: { layer: "jinju", ext: "dbf" },
    DBF_SHP_COUNTS: { layer: "jinju", records: 3, shapes: 4 },
    DBF_ROW_DELETED: { layer: "jinju", row: 2 },
    ZIP_HAS_NO_SHP: {},
    DBF: { problem: "TOO_SHORT", records: 10, bytes: 100, needed: 400 },
    SHP_RECORD: { layer: "jinju", record: 3, problem: "TOO_SHORT_FOR_PARTS", parts: 2, points: 9 },
    NOT_A_SHAPEFILE: { layer: "jinju" },
    LSMD: {
      file: "LSMD_CONT_LDREG_48170.dbf",
      problem: "NO_FIELDS",
      lacking: ["PNU"],
      fields: "A1",
    },
    BAD_PNU: { pnu: "4817010100" },
    PNU_NOT_IN_MAP: { parcel: "P1", pnu: "4817010100100010000" },
    SHP_TRUNCATED: { layer: "jinju", declared: 1000, bytes: 900 },
    SHX_DAMAGED: { layer: "jinju" },
    SHX_COUNTS: { layer: "jinju", count: 3, records: 4 },
    SHX_POSITION: { layer: "jinju", row: 2 },
    UNKNOWN_FORMAT: { id: "kml", formats: ["geojson", "shp"] },
    UNREADABLE_FORMAT: { extensions: [".geojson", ".zip"] },
    CANNOT_WRITE_FORMAT: { id: "kml" },
    TOO_LARGE: { bytes: 80 * 1024 * 1024, limit: 64 * 1024 * 1024 },
    CANNOT_READ: { file: "zone.geojson", why: "EACCES" },
    BAD_INDUSTRY_FILTER: { filter: "업종" },
    NO_FIRMS: {},
    SHAPE_NOT_ALLOWED: { ruleSet: "phase-1-2", shape: "belt", allowed: ["circle"] },
    CAP_OUT_OF_RANGE: { cap: 20, limit: 15 },
    SIDO_IN_CAPITAL_REGION: { sidoName: "경기도", sidoNameEn: "Gyeonggi-do" },
    NO_SIDO_BOUNDARY: { sido: "KR-99" },
    NO_FIRMS_OF_INDUSTRY: { column: "업종", values: ["광업"] },
    MISSING_COLUMN: { role: "weight", column: "종업원수", found: ["기업명"] },
    FEATURE_NOT_POINT: { record: 7, geometry: "Polygon" },
    WEIGHT_TOO_LARGE: { record: 7, value: "1e300", limit: 1e15 },
    WEIGHT_NOT_NUMBER: { record: 7, value: "많음" },
    SITE_NOT_POLYGON: { record: 2, geometry: null },
    NO_SITES: {},
    CLI_CANNOT_READ: { role: "cadastre", path: "LSMD.zip", reason: "ENOENT" },
    CLI_CANNOT_WRITE: { path: "out/report.html", reason: "EACCES" },
    CLI_USAGE: { problem: "JOBS" },
    CLI_BAD_NUMBER: { option: "cap-km2", value: "-5" },
    CLI_ARG: { problem: "TAKES_NO_VALUE", place: 2, arg: "--json=1", option: "json" },
    CHECK_UNFINISHED: {},
    CANNOT_CHECK: { why: "RangeError" },
    UNUSABLE: { why: "RangeError" },
    FAILED: { why: "Error: out of memory" },
    WORKER_FAILED: { why: "worker error" },
  },
  UNKNOWN_SIDO: { UNKNOWN_CODE: { code: "KR-99" } },
  NO_PROPOSAL: {
    NO_PARCEL_HOLDS_FIRMS: { sidoName: "경상남도", sidoNameEn: "Gyeongsangnam-do", capKm2: 15 },
    ZONE_FAILS_CHECK: { sidoName: "경상남도", sidoNameEn: "Gyeongsangnam-do", codes: ["AREA_CAP"] },
    NO_FIRMS_IN_SIDO: { sidoName: "경상남도", sidoNameEn: "Gyeongsangnam-do", read: 12 },
    NO_WEIGHTED_FIRMS: { read: 12 },
  },
};

function allSamples(): ErrorData[] {
  return FILING_ERROR_CODES.flatMap((code) =>
    Object.entries(SAMPLES[code]).map(
      ([kind, params]) => ({ code, params: { kind, ...params } }) as ErrorData,
    ),
  );
}

describe("the error tables", () => {
  it("have the same kinds in Korean and English for every code, and a sample of each", () => {
    for (const code of FILING_ERROR_CODES) {
      const kinds = Object.keys(SAMPLES[code]).sort();
      expect(kinds.length).toBeGreaterThan(0);
      expect(Object.keys(ERROR_SENTENCES.ko[code]).sort()).toEqual(kinds);
      expect(Object.keys(ERROR_SENTENCES.en[code]).sort()).toEqual(kinds);
    }
  });

  it("render every kind in both languages, one line each, Korean in Korean", () => {
    for (const data of allSamples()) {
      const ko = errorText(data, "ko");
      const en = errorText(data, "en");
      const what = `${data.code}/${data.params.kind}`;
      expect(ko, what).not.toMatch(/undefined|\n/);
      expect(en, what).not.toMatch(/undefined|\n/);
      if (data.params.kind !== "FAILED") {
        expect(ko, what).toMatch(/[가-힣]{2}/);
        expect(en, what).not.toBe(ko);
      }
    }
  });

  it("render the same text every time, and after the data has been through JSON (a Worker's postMessage)", () => {
    for (const data of allSamples()) {
      const copy = JSON.parse(JSON.stringify(data)) as ErrorData;
      for (const lang of ["ko", "en"] as const) {
        expect(errorText(copy, lang)).toBe(errorText(data, lang));
        expect(new FilingError(copy).text(lang)).toBe(errorText(data, lang));
      }
    }
  });

  it("write the file an error is about in front, once", () => {
    const e = new FilingError({ code: "EMPTY", params: { kind: "NO_FEATURES" } });
    const named = e.inFile("jinju.geojson");
    expect(named.en).toBe("'jinju.geojson': The filing is empty: it has no features");
    expect(named.ko).toBe("'jinju.geojson': 구역이 하나도 없는 빈 파일입니다");
    expect(named.inFile("other.geojson")).toBe(named);
    expect(named.names("jinju.geojson")).toBe(true);
    expect(e.names("jinju.geojson")).toBe(false);
  });
});

describe("line numbers are params", () => {
  it("a CSV read in chunks moves the line and firm params by the rows before the chunk", () => {
    const rows = createFirmRows(1, 30, JINJU_CLUMPS);
    const lines = firmCsv(rows).trimEnd().split("\n");
    lines[25] = "기업25,35.1,동쪽,10";
    const atLine = errorOf(() => firmsFromCsvText(`${lines.join("\n")}\n`, { rows: 10 }));
    expect(atLine.data).toMatchObject({
      code: "BAD_COORDINATES",
      params: { kind: "CSV_NOT_NUMBERS", line: 26, x: "동쪽" },
    });
    expect(atLine.ko).toMatch(/^26행의 좌표/);
    lines[25] = "기업25,35.1,128.1,많음";
    const atFirm = errorOf(() =>
      firmsFromCsvText(`${lines.join("\n")}\n`, { rows: 10, weight: "종업원수" }),
    );
    expect(atFirm.data.params).toMatchObject({ kind: "WEIGHT_NOT_NUMBER", record: 25, line: 26 });
    expect(atFirm.en).toMatch(/^Line 26 \(firm 25\): the weight '많음'/);
    expect(atFirm.ko).toMatch(/^26행\(25번째 기업\)의 가중치 '많음'/);
  });

  it("movedOn shifts lines and records by their own counts: a number inside a value stays as written", () => {
    const e = new FilingError({
      code: "BAD_COORDINATES",
      params: { kind: "CSV_NOT_NUMBERS", line: 3, x: "12행", y: "Line 7" },
    });
    const moved = e.movedOn({ lines: 20_000, records: 19_000 });
    expect(moved.data.params).toMatchObject({ line: 20_003, x: "12행", y: "Line 7" });
    expect(moved.ko).toBe("20003행의 좌표 (12행, Line 7)가 숫자가 아닙니다");
    expect(moved.en).toBe("Line 20003: the coordinates (12행, Line 7) are not numbers");
    const weight = new FilingError({
      code: "BAD_FILE",
      params: { kind: "WEIGHT_NOT_NUMBER", record: 2, line: 5, value: "많음" },
    });
    expect(weight.movedOn({ lines: 30, records: 20 }).data.params).toMatchObject({
      record: 22,
      line: 35,
    });
  });
});

describe("a file is named by a param, not found in the text", () => {
  it("a file whose name happens to occur in the sentence is still named", async () => {
    // "read" occurs in "not a format that can be read": the old test on the English text
    // (e.en.includes(file)) took that for the file's name and left the file unnamed.
    const e = await importZone(new Uint8Array([1, 2, 3]), "read").then(
      () => {
        throw new Error("expected a FilingError");
      },
      (err: unknown) => err as FilingError,
    );
    expect(e.code).toBe("BAD_FILE");
    expect(e.file).toBe("read");
    expect(e.en).toMatch(/^'read': not a format that can be read/);
    expect(e.ko).toMatch(/^'read': 읽을 수 없는 파일 형식입니다/);
  });
});
