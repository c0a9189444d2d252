/**
 * The labels the text and the HTML report share, [ko, en]: hub types, envelope shapes and
 * severities, and the app's panels too (src/i18n names them through these; its other UI strings
 * live there).
 */
import type { FindingCode } from "../findings";
import { own } from "../own";
import type { EnvelopeShape, HubType, Lang, Severity } from "../types";
import { ZONE_ROLE_LABELS, type ZoneRole } from "../zone-roles";

/** A label in Korean and English. */
export type LabelPair = readonly [ko: string, en: string];
type Pair = LabelPair;

/** Hub types, and `enterprise` for the points of a list without a type column. */
const HUBS: Record<HubType | "enterprise", Pair> = {
  innovation_city: ["혁신도시", "Innovation city"],
  industrial_complex: ["산업단지", "Industrial complex"],
  free_economic_zone: ["경제자유구역", "Free economic zone"],
  technopark: ["산업기술단지", "Technopark"],
  enterprise_city: ["기업도시", "Enterprise city"],
  rnd_special_zone: ["연구개발특구", "R&D special zone"],
  enterprise: ["기업", "Enterprise"],
};

const SHAPES: Record<EnvelopeShape, Pair> = {
  circle: ["원형", "circle"],
  belt: ["벨트형", "belt"],
  polygon: ["다각형", "polygon"],
};

const SEVERITIES: Record<Severity, Pair> = {
  error: ["오류", "error"],
  warning: ["경고", "warning"],
  info: ["참고", "note"],
};

/** Parcel roles (geo/zone-roles.ts), and `none` for a parcel without one. */
const ROLES: Record<ZoneRole | "none", Pair> = {
  ...ZONE_ROLE_LABELS,
  none: ["역할 없음", "no role"],
};

/**
 * A finding's short title: what a Korean reviewer reads where the CLI prints the code
 * (`AREA_CAP`); a code without a title fails to compile.
 */
const FINDINGS = {
  AREA_CAP: ["면적 상한 초과", "Area over the cap"],
  RADIUS: ["반경 한도", "Radius limit"],
  ENVELOPE: ["지정 범위 이탈", "Outside the envelope"],
  OVERLAP: ["구역 겹침", "Parcels overlap"],
  OVERLAP_LIMIT: ["겹침 검사 중단", "Overlap check stopped"],
  INVALID_GEOMETRY: ["도형 오류", "Invalid geometry"],
  AREA_METHOD_DISAGREES: ["면적 계산법 간 차이", "Area methods disagree"],
  SIDO_SPAN: ["여러 시·도에 걸침", "Spans provinces"],
  SIDO_UNKNOWN: ["시·도 미확인", "Province unknown"],
  NO_HUB: ["혁신거점 없음", "No hub"],
  HUB_PARTIAL: ["거점 일부만 포함", "Hub partly inside"],
  ENVELOPE_SHAPE: ["지정 범위 모양", "Envelope shape"],
  DUPLICATE_ID: ["구역 ID 중복", "Duplicate parcel id"],
  NO_PARCEL: ["구역 없음", "No parcel"],
  SIDO_DECIDES_RADIUS: ["시·도에 따라 달라지는 반경", "Radius depends on the province"],
  REGION_NOT_ELIGIBLE: ["사업 대상 지역 아님", "Region not eligible"],
  SIDO_OUTSIDE_BOUNDARIES: ["시·도 경계 밖", "Outside the province boundaries"],
  SIDO_MISMATCH: ["시·도 불일치", "Province mismatch"],
} as const satisfies Record<FindingCode, Pair>;

/** A label's Korean and English; an id the table lacks (a hub type a decree adds) as itself. */
function pairOf(table: Readonly<Record<string, Pair>>, id: string): Pair {
  return own(table, id) ?? [id, id];
}

export const hubLabels = (type: string): Pair => pairOf(HUBS, type);
export const shapeLabels = (shape: string): Pair => pairOf(SHAPES, shape);
export const roleLabel = (role: string): Pair => pairOf(ROLES, role);
export const severityLabels = (severity: string): Pair => pairOf(SEVERITIES, severity);
/** A finding code's title; a code a newer report carries that this table lacks, as itself. */
export const findingTitle = (code: string): Pair => pairOf(FINDINGS, code);

/** The label in one language. */
export function inLang([ko, en]: Pair, lang: Lang): string {
  return lang === "en" ? en : ko;
}
