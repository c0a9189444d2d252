/**
 * The only place that turns finding values into sentences, in Korean (default) and English.
 * Rules emit figures; a reviewer reads "by how much" here.
 */

import { problemEn, problemKo } from "./ring-problems";

export { ringProblemText } from "./ring-problems";

import { inLang, shapeLabels } from "./report/labels";
import { isMetroSido, radiusLimitKm } from "./rules";
import type { FindingCode, FindingFigures, FindingOf, FindingValue, Lang, RuleSet } from "./types";

export type { Lang };

/** A phrase in Korean and English. */
interface Phrase {
  ko: string;
  en: string;
}

/**
 * How a sentence names the control that sets a value: the CLI's flag and the filing's field, or
 * the app's own control (as RulesHint does for an unknown rule set). Each phrase carries its
 * particle: "czd.sido 또는 --sido로" / "with czd.sido or --sido".
 */
export interface MessageHints {
  /** How to name the 시·도 ("…로 시·도를 지정하십시오" / "name the 시·도 …"). */
  setSido: Phrase;
  /** Where a 시·도 named in the filing (`czd.sido`) came from, in the report's "why". */
  sidoFromFiling: Phrase;
  /** Where a 시·도 given as an option (`--sido`) came from. */
  sidoFromOption: Phrase;
}

export const CLI_MESSAGE_HINTS: MessageHints = {
  setSido: { ko: "czd.sido 또는 --sido로", en: "with czd.sido or --sido" },
  sidoFromFiling: { ko: "파일의 czd.sido", en: "the filing's czd.sido" },
  sidoFromOption: { ko: "--sido 옵션", en: "the --sido option" },
};

/** "circle, belt" → "원형, 벨트형": shape ids (or "none") as the label table names them. */
function shapeList(ids: unknown, lang: Lang): string {
  return str(ids)
    .split(",")
    .map((id) => inLang(shapeLabels(id.trim()), lang))
    .join(", ");
}

const num = (v: unknown): number => (typeof v === "number" ? v : Number(v));
const str = (v: unknown): string => String(v ?? "");

/** 15.004 → "15.004", with thousands separators and at most `digits` decimals. */
export function formatNumber(value: number, digits = 3): string {
  // toLocaleString builds an ICU formatter on every call (tens of µs, a visible share of a
  // whole check); this gives its output by hand. Like ICU it rounds the shortest decimal that
  // reads back as `value` (String's digits) half away from zero. Anything String writes with
  // an exponent, non-finite, −0 or an odd digit count goes to toLocaleString as before.
  const text = String(value);
  if (
    !Number.isFinite(value) ||
    Object.is(value, -0) ||
    text.includes("e") ||
    !Number.isInteger(digits) ||
    digits < 0 ||
    digits > 20
  ) {
    return value.toLocaleString("en-US", { maximumFractionDigits: digits });
  }
  const negative = value < 0;
  const unsigned = negative ? text.slice(1) : text;
  const dot = unsigned.indexOf(".");
  const whole = dot < 0 ? unsigned : unsigned.slice(0, dot);
  const fraction = dot < 0 ? "" : unsigned.slice(dot + 1);
  let kept = whole + fraction.slice(0, digits);
  if ((fraction[digits] ?? "0") >= "5") {
    kept = incrementDecimal(kept);
  }
  const intLength = kept.length - Math.min(digits, fraction.length);
  const intPart = kept.slice(0, intLength);
  const fracPart = kept.slice(intLength).replace(/0+$/, "");
  const grouped = intPart.replace(/\B(?=(\d{3})+$)/g, ",");
  return `${negative ? "-" : ""}${grouped}${fracPart ? `.${fracPart}` : ""}`;
}

/** A string of decimal digits plus one in its last place: "0999" → "1000", "99" → "100". */
function incrementDecimal(digitText: string): string {
  const out = digitText.split("");
  for (let i = out.length - 1; i >= 0; i--) {
    if (out[i] !== "9") {
      out[i] = String(Number(out[i]) + 1);
      return out.join("");
    }
    out[i] = "0";
  }
  return `1${out.join("")}`;
}

function km2(v: unknown): string {
  return formatNumber(num(v), Math.abs(num(v)) < 0.01 ? 6 : 3);
}

function km(v: unknown): string {
  return formatNumber(num(v), 3);
}

function m2(v: unknown): string {
  return formatNumber(num(v), 0);
}

type Figures = FindingFigures[FindingCode];

/** A 시·도 label with its radius reason, for RADIUS findings. */
function sidoNote(f: Figures, lang: Lang): string {
  if (!f.sidoName) return "";
  if (lang === "en")
    return f.metro ? ` (${str(f.sidoNameEn)}: a metropolitan city)` : ` (${str(f.sidoNameEn)})`;
  return f.metro ? ` (${str(f.sidoName)}: 광역시)` : ` (${str(f.sidoName)})`;
}

/** One sentence a finding code, from its own figures: a code without one fails the type check. */
type Sentences = {
  [C in FindingCode]: (f: FindingFigures[C], parcels: string, h: MessageHints) => string;
};

const ko = {
  AREA_CAP: (f) =>
    `총면적 ${km2(f.totalKm2)}㎢가 상한 ${km2(f.capKm2)}㎢를 ${km2(f.overKm2)}㎢(${m2(f.overM2)}㎡) 넘습니다`,
  RADIUS: (f, p) => {
    switch (f.kind) {
      case "ENCLOSING":
        return `모든 구역을 담는 가장 작은 원의 반경 ${km(f.radiusKm)}㎞가 한도 ${km(f.limitKm)}㎞${sidoNote(f, "ko")}를 ${km(f.overKm)}㎞ 넘습니다`;
      case "GIVEN":
        return `지정한 원의 반경 ${km(f.radiusKm)}㎞가 한도 ${km(f.limitKm)}㎞${sidoNote(f, "ko")}를 ${km(f.overKm)}㎞ 넘습니다`;
      case "OUTSIDE":
        return `구역 ${p}이(가) 지정한 원(반경 ${km(f.radiusKm)}㎞) 밖으로 ${km(f.overKm)}㎞ 벗어납니다 (중심에서 최대 ${km(f.reachKm)}㎞)`;
    }
  },
  ENVELOPE: (f, p) => {
    switch (f.kind) {
      case "BELT_OUTSIDE":
        return `구역 ${p}이(가) 벨트 축에서 최대 ${km(f.reachKm)}㎞ 떨어져 반폭 ${km(f.halfWidthKm)}㎞를 ${km(f.overKm)}㎞ 벗어납니다`;
      case "BELT_WIDTH":
        return `벨트 반폭 ${km(f.halfWidthKm)}㎞가 한도 ${km(f.limitKm)}㎞를 ${km(f.overKm)}㎞ 넘습니다`;
      case "BELT_LENGTH":
        return `벨트 축 길이 ${km(f.axisLengthKm)}㎞가 한도 ${km(f.limitKm)}㎞를 ${km(f.overKm)}㎞ 넘습니다`;
      case "POLYGON_OUTSIDE":
        return `구역 ${p}이(가) 지정 범위 다각형 밖으로 벗어납니다`;
      case "POLYGON_AREA":
        return `지정 범위 다각형의 면적 ${km2(f.areaKm2)}㎢가 한도 ${km2(f.limitKm2)}㎢를 ${km2(f.overKm2)}㎢ 넘습니다`;
    }
  },
  ENVELOPE_SHAPE: (f) =>
    f.shape === "none"
      ? `이 규칙 집합은 지정 범위(${shapeList(f.allowed, "ko")})를 요구하지만 파일에 지정 범위가 없습니다`
      : `지정 범위 모양 '${shapeList(f.shape, "ko")}'은(는) 이 규칙 집합에서 허용되지 않습니다 (허용: ${shapeList(f.allowed, "ko")})`,
  OVERLAP: (f, p) => `구역 ${p}이(가) ${m2(f.areaM2)}㎡ 겹칩니다`,
  OVERLAP_LIMIT: (f) =>
    `겹치는 구역 쌍이 너무 많아 ${m2(f.checkedPairs)}쌍만 비교하고 멈췄습니다(겹침 ${m2(f.found)}쌍 발견): 나머지는 검사하지 못했으므로 적합으로 볼 수 없습니다. 겹친 구역을 정리하십시오`,
  INVALID_GEOMETRY: (f, p) =>
    `구역 ${p}의 도형이 올바르지 않습니다: ${problemKo(str(f.kind))}${where(f, "ko")}`,
  DUPLICATE_ID: (f, p) => `구역 ID '${str(f.id)}'가 ${num(f.count)}번 쓰였습니다 (${p})`,
  AREA_METHOD_DISAGREES: (f) =>
    `타원체 면적 ${km2(f.totalKm2)}㎢와 ${str(f.tmCrs)} 평면 면적 ${km2(f.tmTotalKm2)}㎢가 상한 ${km2(f.capKm2)}㎢의 서로 다른 쪽에 있습니다 (판정은 타원체 면적 기준)`,
  SIDO_SPAN: (f) => `지구가 여러 시·도에 걸쳐 있습니다: ${str(f.shares)}`,
  SIDO_UNKNOWN: (f, _p, h) =>
    `내장 시·도 경계로 시·도를 정할 수 없어 반경 한도 ${km(f.limitKm)}㎞를 적용했습니다. ${h.setSido.ko} 시·도를 지정하십시오`,
  SIDO_DECIDES_RADIUS: (f, _p, h) =>
    `반경 ${km(f.radiusKm)}㎞는 광역시라면 한도 ${km(f.metroLimitKm)}㎞를 넘고 도라면 한도 ${km(f.limitKm)}㎞ 안이므로 판정이 시·도에 달려 있습니다. 시·도(${str(f.sidoName)})는 내장 경계로 추정한 것인데 ${nearKo(f)} ${h.setSido.ko} 확인하십시오`,
  REGION_NOT_ELIGIBLE: (f, _p, h) =>
    f.sidoName === undefined
      ? `지구가 어느 시·도에도 속하지 않습니다(국외 또는 바다). 사업 대상은 규칙 집합의 ${num(f.eligibleCount)}개 시·도입니다. 새 매립지라면 ${h.setSido.ko} 시·도를 지정하십시오`
      : `지구가 ${str(f.sidoName)}에 있습니다: 사업 대상은 규칙 집합의 ${num(f.eligibleCount)}개 시·도이며 수도권(서울·인천·경기)은 제외됩니다`,
  SIDO_OUTSIDE_BOUNDARIES: (f) =>
    `구역이 내장된 2018년 시·도 경계 밖에 있어 지정된 시·도(${str(f.sidoName)})를 그대로 적용했습니다. 새 매립지가 아니라면 좌표를 확인하십시오`,
  SIDO_MISMATCH: (f, _p, h) =>
    `지정한 시·도 ${str(f.claimedName)}(${str(f.claimedCode)}, ${f.from === "option" ? h.sidoFromOption.ko : h.sidoFromFiling.ko})는 구역이 있는 시·도가 아닙니다: 내장 경계상 구역 ${km2(f.km2)}㎢가 ${str(f.sidoName)}(${str(f.sidoCode)})에 있고 ${str(f.claimedName)} 경계에서 ${formatNumber(num(f.withinM), 0)}m보다 멀어 ${str(f.sidoName)} 기준(반경 한도 ${km(f.limitKm)}㎞, 사업 대상 여부)으로 판정했습니다. ${h.setSido.ko} 시·도를 바로잡거나 구역 좌표를 확인하십시오`,
  NO_HUB: () => "지구 안에 혁신거점이 하나도 없습니다",
  NO_PARCEL: () => "구역이 없습니다: 구역을 하나 이상 그리거나 가져오십시오",
  HUB_PARTIAL: (f) =>
    `면형 거점 '${str(f.name)}'은(는) 면적의 ${formatNumber(num(f.sharePct), 1)}%만 지구 안에 있습니다`,
} satisfies Sentences;

const en = {
  AREA_CAP: (f) =>
    `Total area ${km2(f.totalKm2)} km² exceeds the cap of ${km2(f.capKm2)} km² by ${km2(f.overKm2)} km² (${m2(f.overM2)} m²)`,
  RADIUS: (f, p) => {
    switch (f.kind) {
      case "ENCLOSING":
        return `The smallest circle holding every parcel has a radius of ${km(f.radiusKm)} km, ${km(f.overKm)} km over the ${km(f.limitKm)} km limit${sidoNote(f, "en")}`;
      case "GIVEN":
        return `The given circle's radius ${km(f.radiusKm)} km is ${km(f.overKm)} km over the ${km(f.limitKm)} km limit${sidoNote(f, "en")}`;
      case "OUTSIDE":
        return `Parcel ${p} reaches ${km(f.reachKm)} km from the centre, ${km(f.overKm)} km outside the given circle of ${km(f.radiusKm)} km`;
    }
  },
  ENVELOPE: (f, p) => {
    switch (f.kind) {
      case "BELT_OUTSIDE":
        return `Parcel ${p} lies up to ${km(f.reachKm)} km from the belt axis, ${km(f.overKm)} km beyond the half-width of ${km(f.halfWidthKm)} km`;
      case "BELT_WIDTH":
        return `Belt half-width ${km(f.halfWidthKm)} km is ${km(f.overKm)} km over the ${km(f.limitKm)} km limit`;
      case "BELT_LENGTH":
        return `Belt axis length ${km(f.axisLengthKm)} km is ${km(f.overKm)} km over the ${km(f.limitKm)} km limit`;
      case "POLYGON_OUTSIDE":
        return `Parcel ${p} lies outside the envelope polygon`;
      case "POLYGON_AREA":
        return `Envelope polygon area ${km2(f.areaKm2)} km² is ${km2(f.overKm2)} km² over the ${km2(f.limitKm2)} km² limit`;
    }
  },
  ENVELOPE_SHAPE: (f) =>
    f.shape === "none"
      ? `This rule set requires an envelope (${shapeList(f.allowed, "en")}) but the filing has none`
      : `Envelope shape '${shapeList(f.shape, "en")}' is not allowed by this rule set (allowed: ${shapeList(f.allowed, "en")})`,
  OVERLAP: (f, p) => `Parcels ${p} overlap by ${m2(f.areaM2)} m²`,
  OVERLAP_LIMIT: (f) =>
    `So many parcels overlap that the check stopped after comparing ${m2(f.checkedPairs)} pairs (${m2(f.found)} overlapping): the rest went unchecked, so the zone can't pass. Remove the overlapping parcels`,
  INVALID_GEOMETRY: (f, p) =>
    `Parcel ${p} has invalid geometry: ${problemEn(str(f.kind))}${where(f, "en")}`,
  DUPLICATE_ID: (f, p) => `Parcel id '${str(f.id)}' is used ${num(f.count)} times (${p})`,
  AREA_METHOD_DISAGREES: (f) =>
    `Ellipsoidal area ${km2(f.totalKm2)} km² and ${str(f.tmCrs)} planar area ${km2(f.tmTotalKm2)} km² fall on different sides of the ${km2(f.capKm2)} km² cap (the verdict uses the ellipsoidal area)`,
  SIDO_SPAN: (f) => `The zone spans more than one province: ${str(f.sharesEn ?? f.shares)}`,
  SIDO_UNKNOWN: (f, _p, h) =>
    `No province could be found from the embedded boundaries, so the ${km(f.limitKm)} km radius limit applied; name one ${h.setSido.en}`,
  SIDO_DECIDES_RADIUS: (f, _p, h) =>
    `The ${km(f.radiusKm)} km radius is over the ${km(f.metroLimitKm)} km limit of a metropolitan city but within the ${km(f.limitKm)} km general limit, so the verdict turns on the province; ${str(f.sidoNameEn)} was inferred from the embedded boundaries, and ${nearEn(f)}: confirm it ${h.setSido.en}`,
  REGION_NOT_ELIGIBLE: (f, _p, h) =>
    f.sidoNameEn === undefined
      ? `The zone lies in no province (abroad or at sea); the programme is for the rule set's ${num(f.eligibleCount)} eligible provinces. For new reclaimed land, name the province ${h.setSido.en}`
      : `The zone lies in ${str(f.sidoNameEn)}: the programme is for the rule set's ${num(f.eligibleCount)} eligible provinces, and the capital region (Seoul, Incheon, Gyeonggi) is excluded`,
  SIDO_OUTSIDE_BOUNDARIES: (f) =>
    `The parcels lie outside the embedded 2018 province boundaries, so the named province (${str(f.sidoNameEn)}) applies as given; unless this is new reclaimed land, check the coordinates`,
  SIDO_MISMATCH: (f, _p, h) =>
    `The named province ${str(f.claimedNameEn)} (${str(f.claimedCode)}, ${f.from === "option" ? h.sidoFromOption.en : h.sidoFromFiling.en}) is not where the parcels lie: the embedded boundaries put ${km2(f.km2)} km² of them in ${str(f.sidoNameEn)} (${str(f.sidoCode)}), more than ${formatNumber(num(f.withinM), 0)} m from ${str(f.claimedNameEn)}, so the zone was judged as ${str(f.sidoNameEn)} (radius limit ${km(f.limitKm)} km, eligibility); correct the province ${h.setSido.en} or check the parcels' coordinates`,
  NO_HUB: () => "No innovation hub lies inside the zone",
  NO_PARCEL: () => "No parcel: draw or import at least one",
  HUB_PARTIAL: (f) =>
    `Area hub '${str(f.name)}' is only ${formatNumber(num(f.sharePct), 1)}% inside the zone`,
} satisfies Sentences;

/** Which parcels lie near another 시·도, and how near (SIDO_DECIDES_RADIUS). */
function nearKo(f: Figures): string {
  const d = formatNumber(num(f.distanceM), 0);
  return num(f.count) > 1
    ? `구역 ${formatNumber(num(f.count), 0)}개가 ${str(f.otherName)} 경계에서 ${formatNumber(num(f.withinM), 0)}m 안에 있습니다(가장 가까운 ${str(f.nearest)}: ${d}m).`
    : `구역 ${str(f.nearest)}이(가) ${str(f.otherName)} 경계에서 ${d}m 거리에 있습니다.`;
}

function nearEn(f: Figures): string {
  const d = formatNumber(num(f.distanceM), 0);
  return num(f.count) > 1
    ? `${formatNumber(num(f.count), 0)} parcels lie within ${formatNumber(num(f.withinM), 0)} m of ${str(f.otherNameEn)} (nearest ${str(f.nearest)}: ${d} m)`
    : `parcel ${str(f.nearest)} lies ${d} m from ${str(f.otherNameEn)}`;
}

function where(f: Figures, lang: Lang): string {
  if (f.lon === undefined || f.lat === undefined) return "";
  const at = `${formatNumber(num(f.lat), 6)}°N ${formatNumber(num(f.lon), 6)}°E`;
  return lang === "en" ? ` at ${at}` : ` (위치 ${at})`;
}

/**
 * The sentence for a finding in the given language; `hints` name the controls (the CLI's by
 * default, the app passes its own).
 */
export function findingMessage(
  finding: FindingValue,
  lang: Lang,
  hints: MessageHints = CLI_MESSAGE_HINTS,
): string {
  return say(lang === "en" ? en : ko, finding, finding.parcels.join(", "), hints);
}

/** The sentence of one code: the table's entry for `finding.code` takes that code's figures. */
function say<C extends FindingCode>(
  table: Sentences,
  finding: FindingOf<C>,
  parcels: string,
  hints: MessageHints,
): string {
  return table[finding.code](finding.figures, parcels, hints);
}

interface SidoFacts {
  ruleSet: RuleSet;
  sidoCode: string | null;
  sidoName?: string;
  sidoNameEn?: string;
  sidoFrom: "filing" | "option" | "parcels" | "none";
}

/** Why this 시·도 and this radius limit applied: the report must say (FILING.md). */
export function sidoReason(
  s: SidoFacts,
  lang: Lang,
  hints: MessageHints = CLI_MESSAGE_HINTS,
): string {
  const limit = km(radiusLimitKm(s.ruleSet, s.sidoCode));
  const metro = isMetroSido(s.ruleSet, s.sidoCode);
  if (s.sidoCode === null) {
    return lang === "en"
      ? `No province found from the embedded boundaries: the general ${limit} km radius applies`
      : `내장 경계로 시·도를 찾지 못해 일반 반경 ${limit}㎞를 적용합니다`;
  }
  const fromKo = {
    filing: hints.sidoFromFiling.ko,
    option: hints.sidoFromOption.ko,
    parcels: "구역 면적이 가장 많이 속한 시·도",
    none: "",
  }[s.sidoFrom];
  const fromEn = {
    filing: hints.sidoFromFiling.en,
    option: hints.sidoFromOption.en,
    parcels: "the province holding most of the parcel area",
    none: "",
  }[s.sidoFrom];
  if (lang === "en") {
    const why = metro
      ? "a metropolitan city, so the rule set's radius for metropolitan cities"
      : "not a metropolitan city, so the general radius";
    return `${s.sidoNameEn ?? s.sidoCode} (${s.sidoCode}) from ${fromEn}; ${why}: ${limit} km`;
  }
  const why = metro ? "광역시이므로 규칙 집합의 광역시 기준" : "광역시가 아니므로 일반 기준";
  return `${s.sidoName ?? s.sidoCode} (${s.sidoCode}, ${fromKo}): ${why} 반경 ${limit}㎞`;
}
