/**
 * The labels the text and the HTML report share, [ko, en]: hub types, envelope shapes and
 * severities, and the app's panels too (src/i18n names them through these; its other UI strings
 * live there).
 */
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

/** A label's Korean and English; an id the table lacks (a hub type a decree adds) as itself. */
function pairOf(table: Readonly<Record<string, Pair>>, id: string): Pair {
  return own(table, id) ?? [id, id];
}

export const hubLabels = (type: string): Pair => pairOf(HUBS, type);
export const shapeLabels = (shape: string): Pair => pairOf(SHAPES, shape);
export const roleLabel = (role: string): Pair => pairOf(ROLES, role);
export const severityLabels = (severity: string): Pair => pairOf(SEVERITIES, severity);

/** The label in one language. */
export function inLang([ko, en]: Pair, lang: Lang): string {
  return lang === "en" ? en : ko;
}
