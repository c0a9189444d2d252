/** The Korean sentence of every FilingError, by code and kind (params.ts). */
import { problemKo } from "../ring-problems";
import { oneLine } from "../sanitize";
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

/** Megabytes with one decimal, as the size limits are written. */
export const mb = (bytes: number): string => (bytes / 1024 / 1024).toFixed(1);

const json = {
  JSON_EMPTY: () => "파일이 비어 있습니다",
  JSON_SYNTAX: (p: Extract<JsonProblem, { kind: "JSON_SYNTAX" }>) =>
    `JSON 형식이 아닙니다${p.line === undefined ? "" : ` (${p.line}행 ${p.column}열, ${p.near} 부근)`}: ${p.end ? "파일이 중간에 끝납니다. 파일 전체를 다시 저장하십시오" : "그 자리의 쉼표, 따옴표, 괄호를 고치십시오"}`,
};

const ARRAYS = { polygon: "폴리곤", ring: "고리", multipolygon: "멀티폴리곤" } as const;

/** A wrapped error's own sentence (an envelope's bad position), one line as it was raised. */
function inner(data: ErrorData): string {
  const table = ko[data.code] as Record<string, (p: unknown) => string>;
  return oneLine(table[data.params.kind]?.(data.params) ?? "");
}

const RULE_FIELD: Record<
  RuleFieldProblem,
  (p: { limit?: number; choices?: readonly string[] }) => string
> = {
  POSITIVE: () => "양수여야 합니다",
  NON_EMPTY_STRING: () => "비어 있지 않은 문자열이어야 합니다",
  LABEL: (p) => `제어 문자 없이 ${p.limit}자 이하여야 합니다`,
  BOOLEAN: () => "true 또는 false여야 합니다",
  BILINGUAL: () => "{ ko, en } 문자열이어야 합니다",
  SHAPES: (p) => `${p.choices?.join(", ")} 중 하나 이상이어야 합니다`,
  SIDO_CODES: () => "ISO 3166-2:KR 시·도 코드(예: KR-27) 목록이어야 합니다",
  ROOT_OBJECT: () => "JSON 객체여야 합니다",
  OBJECT: () => "객체여야 합니다",
  METRO_CODES: () => "시·도 코드 목록이어야 합니다",
  CAP_SCOPE: () => '"zone" 또는 "sido"여야 합니다',
  BELT_REQUIRED: () => "벨트형 한도가 필요합니다",
  POLYGON_REQUIRED: () => "다각형 한도가 필요합니다",
};

type Zip = Extract<ErrorParams["BAD_FILE"], { kind: "ZIP_DAMAGED" }>;
const ZIP_DAMAGE: Record<ZipDamage, (p: Zip) => string> = {
  NO_END: () => "끝 레코드가 없습니다",
  TOO_SHORT: () => "파일이 너무 짧습니다",
  DIRECTORY_CUT: () => "중앙 디렉터리가 잘렸습니다",
  DIRECTORY_ENTRY: (p) => `중앙 디렉터리 항목 ${p.index}이(가) 손상되었습니다`,
  CANT_INFLATE: (p) => `${p.entry}을(를) 풀 수 없습니다`,
  NO_LOCAL_HEADER: (p) => `${p.entry}의 머리부가 없습니다`,
  ENTRY_CUT: (p) => `${p.entry}이(가) 잘렸습니다`,
  WRONG_SIZE: (p) => `${p.entry}의 크기가 맞지 않습니다`,
  CRC: (p) => `${p.entry}의 CRC가 맞지 않습니다`,
};

type Dbf = Extract<ErrorParams["BAD_FILE"], { kind: "DBF" }>;
const DBF: Record<DbfProblem, (p: Dbf) => string> = {
  HEADER_CUT: () => "머리부가 잘렸습니다",
  TOO_SHORT: (p) =>
    `레코드 ${p.records}개를 담기에 파일이 짧습니다 (${p.bytes} < ${p.needed} 바이트)`,
  FIELDS: () => "필드 정의가 레코드 길이와 맞지 않습니다",
};

type Shp = Extract<ErrorParams["BAD_FILE"], { kind: "SHP_RECORD" }>;
const SHP_RECORD: Record<ShpRecordProblem, (p: Shp) => string> = {
  NOT_A_NUMBER: () => "좌표가 수가 아닙니다",
  NULL_SHAPE: () =>
    "도형이 없는 레코드(null shape)입니다: 도형을 지우려면 .dbf 행도 함께 지우십시오",
  TOO_SHORT: () => "레코드가 짧습니다",
  NO_POINTS: () => "점이 없거나 레코드가 짧습니다",
  UNKNOWN_TYPE: (p) => `알 수 없는 도형 종류 ${p.type}입니다`,
  NO_PARTS: () => "부분(part)이 없는 빈 도형입니다",
  TOO_SHORT_FOR_PARTS: (p) => `부분 ${p.parts}개, 점 ${p.points}개를 담기에 레코드가 짧습니다`,
  BAD_PART: (p) => `${p.part}번째 부분이 비었거나 범위를 벗어납니다`,
  CUT_OFF: (p) => `레코드가 잘렸거나 길이(${p.bytes} 바이트)가 맞지 않습니다`,
};

type Lsmd = Extract<ErrorParams["BAD_FILE"], { kind: "LSMD" }>;
const LSMD: Record<LsmdProblem, (p: Lsmd) => string> = {
  NOT_A_SHAPEFILE: () => "Shapefile이 아닙니다",
  TRUNCATED: () => "잘렸거나 손상되었습니다",
  NOT_POLYGONS: (p) => `면(polygon) 도형이 아닙니다 (도형 종류 ${p.type}): 연속지적도가 아닙니다`,
  RECORD_CUT: (p) => `${p.record}번째 레코드가 잘렸습니다`,
  MISSING: () =>
    "파일이 없습니다: 연속지적도는 .shp, .shx, .dbf, .prj를 함께 (또는 ZIP으로) 여십시오",
  NOT_CADASTRAL_CRS: (p) =>
    `연속지적도의 좌표계가 아닙니다 (EPSG:5186, 5174, 5179 등 국내 TM 좌표계: 지원 ${p.supported?.join(", ")})`,
  NO_FIELDS: (p) =>
    `${p.lacking?.join(", ")} 필드가 없어 연속지적도가 아닙니다 (필드: ${p.fields})`,
  COUNTS: (p) => `레코드 ${p.records}개가 .shp의 도형 ${p.shapes}개와 맞지 않습니다`,
  NOT_LSMD: () => "연속지적도(LSMD_CONT_LDREG_….shp 또는 .zip)가 아닙니다",
  RECORD_NOT_POLYGON: (p) => `${p.record}번째 레코드가 면이 아닙니다`,
  ROW_DELETED: (p) => `${p.record}번째 행은 삭제 표시가 있지만 도형이 남아 있습니다`,
};

type Entry = Extract<ErrorParams["BAD_COORDINATES"], { kind: "ENTRY" }>;
const ENTRY: Record<EntryProblem, (p: Entry) => string> = {
  EMPTY_PAIR: (p) => `${p.index}번째 좌표가 비어 있습니다 (쉼표가 두 번 이어짐)`,
  NOT_TWO_NUMBERS: (p) =>
    `${p.index}번째 좌표 "${p.text}": 숫자 두 개(경도 위도 또는 x y)여야 합니다`,
  NOT_A_NUMBER: (p) => `${p.index}번째 좌표 "${p.text}": 숫자가 아닙니다`,
  WKT_NOT_READ: () =>
    "WKT를 읽지 못했습니다: POLYGON((x y, …)), LINESTRING(x y, …), POINT(x y)만 받습니다",
  WKT_HOLES: () => "WKT 다각형은 바깥 고리 하나만 받습니다 (구멍은 파일로 가져오세요)",
  GEOJSON_NOT_READ: (p) => `GeoJSON을 읽지 못했습니다: ${p.why}`,
  GEOJSON_FEATURES: (p) => `GeoJSON 피처가 ${p.count}개입니다: 하나씩 입력하세요`,
  GEOJSON_TYPE: (p) =>
    `GeoJSON 도형이 ${p.type ?? "없음"}입니다: Polygon, LineString 또는 Point여야 합니다`,
  NOTHING: () => "좌표를 입력하세요",
  HOLES: () => "다각형은 바깥 고리 하나만 받습니다 (구멍은 파일로 가져오세요)",
  NOT_A_PAIR: (p) => `${p.index}번째 좌표가 숫자 쌍이 아닙니다`,
  CRS_UNSUPPORTED: (p) => `좌표계 ${p.crs}는 지원하지 않습니다`,
  OUTSIDE_LONLAT: (p) =>
    `${p.index}번째 좌표 (${p.x} ${p.y})가 경위도 범위 밖입니다: TM 좌표라면 좌표계를 고르세요`,
  LOOKS_LONLAT: (p) =>
    `${p.index}번째 좌표 (${p.x} ${p.y})는 경위도로 보입니다: 좌표계를 경위도(EPSG:4326)로 고르세요`,
  NOT_CONVERTED: (p) => `${p.index}번째 좌표 (${p.x} ${p.y})를 변환하지 못했습니다`,
  TOO_FEW_VERTICES: (p) =>
    `꼭짓점이 ${p.count}개입니다: 필지에는 서로 다른 꼭짓점이 3개 이상 필요합니다`,
  SIZE: (p) =>
    `${p.size === "radius" ? "반지름" : "반폭"}은(는) 0보다 큰 숫자(km)여야 합니다: "${p.text}"`,
  NOT_A_POLYGON: (p) => `${p.type}가 아니라 다각형(꼭짓점 3개 이상)을 입력하세요`,
  CENTRE: (p) => `원의 중심은 좌표 하나입니다 (${p.count}개 입력됨)`,
  AXIS: (p) => `띠의 축에는 서로 다른 꼭짓점이 2개 이상 필요합니다 (${p.count}개)`,
};

/** "3번째 기업", or in a CSV "5행(3번째 기업)": the line where its row starts. */
const firmAt = (p: { record: number; line?: number }): string =>
  p.line === undefined ? `${p.record}번째 기업` : `${p.line}행(${p.record}번째 기업)`;

/** "hubs.geojson 피처 3" / "hubs.csv 4행". */
const at = (p: HubPlace): string =>
  "feature" in p ? `${p.file} 피처 ${p.feature}` : `${p.file} ${p.line}행`;

const hubs = {
  HUBS_NOT_COLLECTION: (p: Hub<"HUBS_NOT_COLLECTION">) =>
    `${p.file}: 거점 파일은 GeoJSON FeatureCollection이어야 합니다`,
  HUB_TOTAL_TYPE: (p: Hub<"HUB_TOTAL_TYPE">) =>
    `${at(p)}: 유형 'total'은 보고서의 합계 칸 이름이라 거점 유형으로 쓸 수 없습니다: 다른 이름으로 바꾸십시오`,
  HUB_PROPERTY_MISSING: (p: Hub<"HUB_PROPERTY_MISSING">) =>
    `${at(p)}: properties.${p.property}가 없습니다`,
  HUB_BAD_GEOMETRY: (p: Hub<"HUB_BAD_GEOMETRY">) =>
    `${at(p)} (${p.name}): 도형은 좌표가 올바른 Point, Polygon 또는 MultiPolygon이어야 합니다`,
  HUB_DEGREES_IN_TM: (p: Hub<"HUB_DEGREES_IN_TM">) =>
    `${at(p)} (${p.name}): 좌표 (${p.x}, ${p.y})는 경위도로 보이는데 좌표계가 ${p.crs}(미터)로 지정되어 있습니다: 경위도라면 좌표계 지정을 빼고, TM 좌표라면 좌표를 확인하십시오`,
  HUB_OUT_OF_RANGE: (p: Hub<"HUB_OUT_OF_RANGE">) =>
    `${at(p)} (${p.name}): 경위도 범위를 벗어난 좌표입니다 (TM 좌표라면 ${p.hint.ko} 좌표계를 지정하십시오)`,
  HUB_CSV_UNREADABLE: (p: Hub<"HUB_CSV_UNREADABLE">) =>
    `${at(p)}: CSV를 읽을 수 없습니다 (${p.why})`,
  HUB_CSV_HEADER: (p: Hub<"HUB_CSV_HEADER">) =>
    `${at(p)}: 머리글에 name,type,lon,lat (또는 이름,유형,경도,위도, 또는 name,type,x,y) 열이 있어야 합니다`,
  HUB_XY_NEEDS_CRS: (p: Hub<"HUB_XY_NEEDS_CRS">) =>
    `${p.file}: x,y 열의 좌표계를 ${p.hint.ko} 지정하십시오`,
  HUB_ROW_INCOMPLETE: (p: Hub<"HUB_ROW_INCOMPLETE">) =>
    `${at(p)}: 이름, 유형, 좌표가 모두 있어야 하고 좌표는 숫자여야 합니다`,
  HUB_ROW_DEGREES_IN_TM: (p: Hub<"HUB_ROW_DEGREES_IN_TM">) =>
    `${at(p)}: x,y (${p.x}, ${p.y})는 경위도로 보이는데 좌표계가 ${p.crs}(미터)로 지정되어 있습니다: 경위도라면 열 이름을 lon,lat(경도,위도)으로 바꾸고, TM 좌표라면 좌표를 확인하십시오`,
  HUB_ROW_OUT_OF_RANGE: (p: Hub<"HUB_ROW_OUT_OF_RANGE">) =>
    `${at(p)}: 경위도 범위를 벗어난 좌표 (${p.x}, ${p.y})입니다`,
};

const ROLES: Record<FileRole, string> = {
  rules: "규칙",
  filing: "신청서",
  input: "입력",
  hubs: "거점",
  firms: "기업",
  sites: "후보지",
  cadastre: "연속지적도",
};

const USAGE: Record<UsageProblem, string> = {
  FILE_TO_CHECK: "검사할 파일을 주십시오",
  FILES_TO_CHECK: "검사할 파일을 주십시오",
  FILE_TO_CONVERT: "변환할 파일을 주십시오",
  FILE_TO_REPORT: "보고서를 만들 파일을 주십시오",
  FILING_TO_LIST: "조서를 만들 신청서를 주십시오",
  FIRMS_FILE: "기업 파일을 주십시오",
  TWO_FILES: "이전 파일과 이후 파일 두 개를 주십시오",
  FORMAT_TO: "--to 형식을 주십시오",
  ENCODING: "--encoding은 utf-8 또는 cp949입니다",
  FORMAT_TEXT_JSON: "--format은 text 또는 json입니다",
  FORMAT_BATCH: "--format은 text, json, csv, html입니다",
  FORMAT_DIFF: "--format은 text, json, html입니다",
  FORMAT_PARCELS: "--format은 csv 또는 xlsx입니다",
  XLSX_NEEDS_OUTPUT: "XLSX는 -o 파일로 씁니다",
  CADASTRE: "--cadastre로 연속지적도를 주십시오",
  JOBS: "--jobs는 1–64의 정수입니다",
  HUBS_NONE_WITH_FILES: "--hubs none은 거점 파일과 함께 쓸 수 없습니다",
  SHAPE: "--shape은 circle, belt 또는 polygon입니다",
};

export const ko = {
  NOT_JSON: json,
  NOT_GEOJSON: {
    TOP_NOT_OBJECT: () => "GeoJSON이 아닙니다: 최상위 값이 객체가 아닙니다",
    TOP_NO_TYPE: () => "GeoJSON이 아닙니다: 최상위 객체에 type 멤버가 없습니다",
    NO_FEATURES_ARRAY: () => "FeatureCollection에 features 배열이 없습니다",
    UNKNOWN_TYPE: (p) => `GeoJSON이 아닙니다: 알 수 없는 type "${p.type}"`,
    NOT_A_FEATURE: (p) => `features[${p.index}]가 GeoJSON Feature가 아닙니다`,
    NOT_A_GEOMETRY: (p) => `${p.label}의 geometry가 GeoJSON 도형이 아닙니다`,
    NO_GEOMETRIES: (p) => `${p.label}의 GeometryCollection에 geometries 배열이 없습니다`,
    TOO_DEEP: (p) => `파일의 중첩이 ${p.limit}단계를 넘습니다: 지구 파일로 쓸 수 없는 구조입니다`,
    NOT_A_COLLECTION: () => "GeoJSON FeatureCollection이 아닙니다",
    NOT_AN_OBJECT: () => "GeoJSON 객체가 아닙니다",
  },
  EMPTY: {
    NO_FEATURES: () => "구역이 하나도 없는 빈 파일입니다",
    NO_POINTS: () => "둘레 원을 구할 점이 없습니다",
  },
  NO_PARCEL: {
    CSV_HAS_NO_PARCELS: () => "CSV에는 구역 도형이 없습니다: GeoJSON이나 Shapefile(ZIP)을 여십시오",
    NO_POLYGON: () => "구역(Polygon 또는 MultiPolygon 피처)이 없습니다",
  },
  BAD_COORDINATES: {
    ENTRY: (p) => ENTRY[p.problem](p),
    POSITION_NOT_ARRAY: (p) => `${p.label}의 ${p.path}: 위치가 배열이 아닙니다 (${p.found})`,
    POSITION_SHORT: (p) =>
      `${p.label}의 ${p.path}: 위치 ${p.found}에 경도와 위도 두 수가 있어야 합니다`,
    POSITION_NOT_FINITE: (p) => `${p.label}의 ${p.path}: 위치 ${p.found}에 수가 아닌 값이 있습니다`,
    EMPTY_ARRAY: (p) =>
      `${p.label}의 ${p.path}: ${ARRAYS[p.what]}이(가) 비어 있거나 배열이 아닙니다`,
    NEAR_POLE: (p) =>
      `${p.label}의 위도 ${p.lat}°가 극지방입니다 (±${p.limit}° 밖): 이 좌표로는 면적과 거리를 잴 수 없습니다`,
    ACROSS_ANTIMERIDIAN: (p) =>
      `${p.label}의 변이 날짜변경선(경도 180°)을 가로지릅니다: 그런 도형은 읽을 수 없습니다`,
    CSV_NOT_NUMBERS: (p) => `${p.line}행의 좌표 (${p.x}, ${p.y})가 숫자가 아닙니다`,
  },
  UNKNOWN_CRS: {
    CRS_MEMBER_WKT: (p) => `crs 멤버의 좌표계를 쓸 수 없습니다: ${p.problem.ko}`,
    CRS_MEMBER_UNSUPPORTED: (p) =>
      `crs 멤버의 좌표계 ${p.crs}는 지원하지 않습니다. 지원하는 좌표계: ${p.supported.join(", ")}`,
    CRS_MEMBER_NO_NAME: () => "GeoJSON의 crs 멤버에 좌표계 이름(properties.name)이 없습니다",
    UNSUPPORTED: (p) => `좌표계 ${p.crs}는 지원하지 않습니다 (지원: ${p.supported.join(", ")})`,
    HUB_CRS_UNSUPPORTED: (p) => `거점 파일의 좌표계 ${p.crs}는 지원하지 않습니다`,
    PRJ_MISSING: (p) =>
      `${p.layer}.prj가 없어 좌표계를 알 수 없습니다 (.prj를 함께 압축하거나 좌표계를 지정하십시오)`,
    PRJ_UNUSABLE: (p) => `${p.layer}.prj의 좌표계를 쓸 수 없습니다: ${p.problem.ko}`,
    CANNOT_WRITE_SHAPEFILE: (p) => `Shapefile을 ${p.crs} 좌표계로 쓸 수 없습니다`,
    NOT_A_TM_PLANE: (p) =>
      `평면 면적의 좌표계(--crs) ${p.crs}는 한국 TM 평면이 아닙니다: EPSG:5186(기본), 5179, 5185, 5187, 5188 같은 TM 좌표계를 지정하십시오`,
  },
  NOT_LONLAT: {
    SWAPPED: (p) =>
      `${p.where}의 좌표 (${p.x}, ${p.y})가 경위도 범위를 벗어납니다. 위도와 경도의 순서가 바뀐 것 같습니다: GeoJSON은 [경도, 위도] 순서입니다`,
    METRES: (p) =>
      `${p.where}의 좌표 (${p.x}, ${p.y})는 경위도가 아닙니다. 투영 좌표계(TM 등)의 미터 값으로 보입니다. 파일에 crs 멤버(예: "urn:ogc:def:crs:EPSG::5186")를 넣거나 WGS84 경위도로 변환해 주세요`,
    METRES_BUT_DEGREES: (p) =>
      `crs 멤버는 ${p.crs}(미터)인데 좌표가 모두 경위도처럼 보입니다: crs 멤버를 지우거나 좌표계를 바로잡으십시오`,
    CSV_NOT_LONLAT: (p) =>
      `${p.line}행의 좌표 (${p.x}, ${p.y})는 경위도가 아닙니다: x/y 열의 좌표계를 지정하십시오`,
  },
  BAD_ENVELOPE: {
    TOO_MANY: (p) => `지정 범위 피처가 ${p.count}개입니다. 하나만 둘 수 있습니다`,
    NOT_KM: (p) =>
      `지정 범위 피처 ${p.label}: properties.${p.key}에 0보다 큰 수(km)가 있어야 합니다 (현재: ${p.found ?? "없음"})`,
    IN_ENVELOPE: (p) => `지정 범위 피처 ${p.label}: ${inner(p.inner)}`,
    GEOMETRY_TYPE: (p) =>
      `지정 범위 피처 ${p.label}: shape "${p.shape}"의 geometry는 ${p.type}이어야 합니다 (현재: ${p.found ?? "없음"})`,
    AXIS_TOO_SHORT: (p) =>
      `지정 범위 피처 ${p.label}: 띠(belt)의 축 LineString에는 위치가 두 개 이상 있어야 합니다`,
    AXIS_TOO_LONG: (p) =>
      `지정 범위 피처 ${p.label}: 띠(belt)의 축에 위치가 ${p.count}개입니다: ${p.limit}개 이하로 단순화하십시오`,
    POLYGON_INVALID: (p) =>
      `지정 범위 피처 ${p.label}: 다각형이 올바르지 않습니다: ${problemKo(p.problem)}`,
    UNKNOWN_SHAPE: (p) =>
      `지정 범위 피처 ${p.label}: properties.shape은 "circle", "belt", "polygon" 중 하나여야 합니다 (현재: ${p.found ?? "없음"})`,
  },
  BAD_RULES: {
    ...json,
    FIELD: (p) => `규칙 파일의 ${p.field}: ${RULE_FIELD[p.problem](p)}`,
    BUILTIN_ID: (p) =>
      `규칙 파일의 id '${p.id}'는 내장 규칙 집합의 id입니다: 내장 규칙은 바꿀 수 없으니 다른 id를 쓰십시오`,
    ZONE_RULE_SET_UNKNOWN: (p) =>
      `이 지구의 규칙 집합 '${p.id}'을(를) 알 수 없습니다: 규칙 집합을 고르거나 규칙 파일을 불러오십시오 (내장: phase-1-2, phase-3)`,
    RULE_SET_NOT_FOUND: (p) =>
      `규칙 집합 "${p.id}"을(를) 찾을 수 없습니다. phase-1-2, phase-3 또는 규칙 JSON 파일을 주십시오`,
    STAMP_UNKNOWN: (p) =>
      `신청서의 규칙 집합 '${p.id}'을(를) 알 수 없습니다 (아는 것: ${p.known.join(", ")}). ${p.hint.ko}`,
  },
  BAD_HUBS: { ...json, ...hubs },
  BAD_FILE: {
    CSV_NO_COORDINATE_COLUMNS: (p) =>
      `좌표 열이 없습니다: 위도/경도, lat/lon 또는 x/y 열이 필요합니다 (있는 열: ${p.found.join(", ")})`,
    TOO_MANY_POSITIONS: (p) =>
      `파일의 좌표가 ${p.limit.toLocaleString("en-US")}개를 넘습니다: 지구 파일로는 너무 큽니다`,
    ZIP_DAMAGED: (p) => `올바른 ZIP 파일이 아닙니다 (잘렸거나 손상됨: ${ZIP_DAMAGE[p.damage](p)})`,
    ZIP64: () => "ZIP64 형식은 지원하지 않습니다 (지구 파일에는 필요 없는 크기입니다)",
    ZIP_TOO_MANY_ENTRIES: (p) => `ZIP 안의 항목이 ${p.count}개로 한도 ${p.limit}개를 넘습니다`,
    ZIP_BOMB: (p) =>
      `ZIP 안의 ${p.entry}이(가) 밝힌 크기 ${p.size} 바이트보다 크게 풀립니다 (손상되었거나 ZIP 폭탄)`,
    ZIP_METHOD: (p) =>
      `ZIP 안의 ${p.entry}은(는) 지원하지 않는 압축 방식(${p.method})입니다: 일반 ZIP(deflate)으로 다시 압축하십시오`,
    ZIP_TOO_LARGE: (p) =>
      `ZIP 안의 파일이 풀면 ${mb(p.bytes)} MB로 한도 ${mb(p.limit)} MB를 넘습니다`,
    ZIP_ENCRYPTED: (p) => `ZIP 안의 ${p.entry}이(가) 암호화되어 있습니다`,
    PARTS_TOO_LARGE: (p) => `파일이 모두 ${mb(p.bytes)} MB로 한도 ${mb(p.limit)} MB를 넘습니다`,
    PART_MISSING: (p) =>
      `${p.stem}.${p.ext}가 없습니다: Shapefile은 ${p.stem}.shp와 함께 .shx, .dbf(.prj, .cpg) 파일을 한꺼번에 선택하거나 ZIP으로 묶어 여십시오`,
    LAYER_PART_MISSING: (p) => `${p.layer}.${p.ext}가 없습니다`,
    DBF_SHP_COUNTS: (p) =>
      `${p.layer}.dbf의 레코드 ${p.records}개가 ${p.layer}.shp의 도형 ${p.shapes}개와 맞지 않습니다`,
    DBF_ROW_DELETED: (p) =>
      `${p.layer}.dbf의 ${p.row}번째 행은 삭제 표시가 있지만 ${p.layer}.shp에는 도형이 남아 있습니다`,
    ZIP_HAS_NO_SHP: () => "ZIP 안에 .shp 파일이 없습니다",
    DBF: (p) => `.dbf 파일: ${DBF[p.problem](p)}`,
    SHP_RECORD: (p) => `${p.layer}.shp의 ${p.record}번째 레코드: ${SHP_RECORD[p.problem](p)}`,
    LSMD: (p) => `${p.file}: ${LSMD[p.problem](p)}`,
    BAD_PNU: (p) =>
      `PNU '${p.pnu}'는 19자리 필지고유번호가 아닙니다 (법정동코드 10 + 필지 구분 1·2 + 본번 4 + 부번 4)`,
    PNU_NOT_IN_MAP: (p) =>
      `구역 ${p.parcel}의 PNU ${p.pnu}가 연속지적도에 없습니다 (${p.place ? `${p.place}: 그 시·군의 지적도를 함께 여십시오` : "다른 시·군의 지적도를 함께 여십시오"})`,
    NOT_A_SHAPEFILE: (p) => `${p.layer}.shp는 Shapefile이 아닙니다`,
    SHP_TRUNCATED: (p) =>
      `${p.layer}.shp가 잘렸거나 손상되었습니다 (머리부 ${p.declared} 바이트, 실제 ${p.bytes} 바이트)`,
    SHX_DAMAGED: (p) => `${p.layer}.shx가 손상되었습니다`,
    SHX_COUNTS: (p) =>
      `${p.layer}.shx의 레코드 ${p.count}개가 ${p.layer}.shp의 레코드 ${p.records}개와 맞지 않습니다`,
    SHX_POSITION: (p) =>
      `${p.layer}.shx의 ${p.row}번째 레코드 위치가 ${p.layer}.shp와 맞지 않습니다`,
    CSV_NO_ROWS: () => "CSV에 데이터 행이 없습니다",
    UNKNOWN_FORMAT: (p) => `알 수 없는 형식 '${p.id}' (형식: ${p.formats.join(", ")})`,
    UNREADABLE_FORMAT: (p) =>
      `읽을 수 없는 파일 형식입니다 (읽는 형식: ${p.extensions.join(", ")})`,
    CANNOT_WRITE_FORMAT: (p) => `'${p.id}' 형식으로는 쓸 수 없습니다`,
    TOO_LARGE: (p) => `파일이 ${mb(p.bytes)} MB로 한도 ${mb(p.limit)} MB를 넘습니다`,
    CANNOT_READ: (p) => `'${p.file}'을(를) 읽을 수 없습니다 (${p.why})`,
    BAD_INDUSTRY_FILTER: (p) =>
      `업종 조건 '${p.filter}'은(는) 열=값[,값…] 꼴이어야 합니다 (예: 업종=제조업)`,
    NO_FIRMS: () => "기업이 하나도 없습니다",
    SHAPE_NOT_ALLOWED: (p) =>
      `규칙 집합 ${p.ruleSet}은(는) ${p.shape} 지정 범위를 허용하지 않습니다 (허용: ${p.allowed.join(", ")})`,
    CAP_OUT_OF_RANGE: (p) => `--cap-km2 ${p.cap}는 0보다 크고 상한 ${p.limit}㎢ 이하여야 합니다`,
    SIDO_IN_CAPITAL_REGION: (p) =>
      `${p.sidoName}은(는) 수도권이라 클러스터 지구 대상이 아닙니다 (대상: 비수도권 14개 시·도)`,
    NO_SIDO_BOUNDARY: (p) => `${p.sido}의 경계가 없습니다`,
    NO_FIRMS_OF_INDUSTRY: (p) => `${p.column}이(가) ${p.values.join(", ")}인 기업이 없습니다`,
    MISSING_COLUMN: (p) =>
      `${p.role === "weight" ? "가중치" : "업종"} 열 '${p.column}'이(가) 없습니다 (있는 열: ${p.found.join(", ")})`,
    FEATURE_NOT_POINT: (p) =>
      `${p.record}번째 지물이 점이 아닙니다 (${p.geometry ?? "도형 없음"}): 기업은 점으로 주십시오`,
    WEIGHT_TOO_LARGE: (p) =>
      `${firmAt(p)}의 가중치 '${p.value}'가 너무 큽니다 (최대 ${p.limit.toExponential()}): 단위를 바꾸어(예: 백만 원) 다시 읽으십시오`,
    WEIGHT_NOT_NUMBER: (p) => `${firmAt(p)}의 가중치 '${p.value}'가 0 이상의 숫자가 아닙니다`,
    SITE_NOT_POLYGON: (p) =>
      `후보지 ${p.record}번이 다각형이 아닙니다 (${p.geometry ?? "도형 없음"})`,
    NO_SITES: () => "후보지가 하나도 없습니다",
    CLI_CANNOT_READ: (p) =>
      `${ROLES[p.role]} 파일 '${p.path}'을(를) 읽을 수 없습니다 (${p.reason})`,
    CLI_CANNOT_WRITE: (p) => `출력 파일 '${p.path}'에 쓸 수 없습니다 (${p.reason})`,
    CLI_USAGE: (p) => `${USAGE[p.problem]} (czd --help)`,
    CLI_BAD_NUMBER: (p) =>
      `${p.option === "cap-km2" ? `--cap-km2 ${p.value}: 면적 상한은 0보다 큰 수(㎢)여야 합니다 (예: --cap-km2 15)` : `--max-pieces ${p.value}: 1 이상의 정수여야 합니다 (예: --max-pieces 10)`} (czd --help)`,
    CLI_ARG: (p) => {
      const at = `${p.place}번째 인자 '${p.arg}'`;
      switch (p.problem) {
        case "UNKNOWN_OPTION":
          return `${at}은(는) 알 수 없는 옵션입니다: 철자를 확인하십시오 (czd --help)`;
        case "TAKES_NO_VALUE":
          return `${at}: --${p.option}에는 값을 줄 수 없습니다 (czd --help)`;
        case "NEEDS_VALUE":
          return `${at} 뒤에 값이 있어야 합니다 (예: ${p.arg} 값) (czd --help)`;
      }
    },
    CHECK_UNFINISHED: () => "검사가 끝나지 않았습니다",
    CANNOT_CHECK: (p) => `검사할 수 없습니다 (${p.why})`,
    UNUSABLE: (p) => `처리할 수 없습니다 (${p.why})`,
    FAILED: (p) => p.why,
    WORKER_FAILED: (p) => `작업자 오류 (${p.why})`,
  },
  UNKNOWN_SIDO: {
    UNKNOWN_CODE: (p) =>
      `알 수 없는 시·도 코드 "${p.code}"입니다. ISO 3166-2:KR 코드(예: KR-27)를 쓰십시오.`,
  },
  NO_PROPOSAL: {
    NO_PARCEL_HOLDS_FIRMS: (p) =>
      `${p.sidoName}: 지정 범위 안에서 ${p.sidoName} 육지에 있고 면적 ${p.capKm2}㎢ 안에 드는 구역으로 기업을 담을 수 없습니다 (기업이 상한에 비해 너무 흩어져 있거나 경계·해안에 붙어 있습니다)`,
    ZONE_FAILS_CHECK: (p) =>
      `${p.sidoName}: 제안한 지구가 검사를 통과하지 못해 내놓지 않습니다 (${p.codes.join(", ")})`,
    NO_FIRMS_IN_SIDO: (p) =>
      `제안할 기업이 없습니다: ${p.sidoName} 안에 기업이 없거나 가중치가 모두 0입니다 (읽은 기업 ${p.read}곳)`,
    NO_WEIGHTED_FIRMS: (p) =>
      `제안할 기업이 없습니다: 비수도권 시·도 안에 가중치가 있는 기업이 없습니다 (읽은 기업 ${p.read}곳; 수도권·바다·국외의 기업은 세지 않습니다)`,
  },
} satisfies ErrorSentences;
