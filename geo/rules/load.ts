/**
 * Rule sets are data: the two shipped JSON files, or a reviewer's own file checked here field by
 * field, so a typo in a limit is an error that names the field rather than a silent default.
 */
import { FilingError } from "../errors";
import { SIDO, sidoByCode } from "../sido-table";
import { ENVELOPE_SHAPES, type EnvelopeShape, type RuleSet } from "../types";
import phase12 from "./phase-1-2.json";
import phase3 from "./phase-3.json";

type Json = Record<string, unknown>;

function bad(field: string, ko: string, en: string): FilingError {
  return new FilingError(
    "BAD_RULES",
    `규칙 파일의 ${field}: ${ko}`,
    `Rules file, field ${field}: ${en}`,
  );
}

function isObject(v: unknown): v is Json {
  return typeof v === "object" && v !== null && !Array.isArray(v);
}

function positive(obj: Json, key: string, path: string): number {
  const v = obj[key];
  if (typeof v !== "number" || !Number.isFinite(v) || v <= 0) {
    throw bad(`${path}${key}`, "양수여야 합니다", "must be a positive number");
  }
  return v;
}

function text(obj: Json, key: string, path: string): string {
  const v = obj[key];
  if (typeof v !== "string" || v.trim() === "") {
    throw bad(`${path}${key}`, "비어 있지 않은 문자열이어야 합니다", "must be a non-empty string");
  }
  return v;
}

function flag(obj: Json, key: string, fallback: boolean): boolean {
  const v = obj[key];
  if (v === undefined) return fallback;
  if (typeof v !== "boolean") throw bad(key, "true 또는 false여야 합니다", "must be true or false");
  return v;
}

function bilingual(v: unknown, path: string, fallback?: string): { ko: string; en: string } {
  if (v === undefined && fallback !== undefined) return { ko: fallback, en: fallback };
  if (isObject(v) && typeof v.ko === "string" && typeof v.en === "string") {
    return { ko: v.ko, en: v.en };
  }
  if (typeof v === "string") return { ko: v, en: v };
  throw bad(path, "{ ko, en } 문자열이어야 합니다", "must be { ko, en } strings");
}

function shapes(v: unknown): EnvelopeShape[] {
  const known: readonly string[] = ENVELOPE_SHAPES;
  if (!Array.isArray(v) || v.length === 0 || !v.every((s) => known.includes(String(s)))) {
    throw bad(
      "envelope.shapes",
      `${ENVELOPE_SHAPES.join(", ")} 중 하나 이상이어야 합니다`,
      `must list one or more of ${ENVELOPE_SHAPES.join(", ")}`,
    );
  }
  return v as EnvelopeShape[];
}

/**
 * The 시·도 a zone may lie in (FILING.md: the 14 outside the capital region, which is also the
 * default for a rules file without the field); KR-51 / KR-52 are read as 강원 / 전북.
 */
function eligibleSido(v: unknown): string[] {
  if (v === undefined) return SIDO.filter((s) => !s.capital).map((s) => s.code);
  const codes = Array.isArray(v) ? v.map((c) => sidoByCode(String(c))?.code) : [];
  if (!Array.isArray(v) || v.length === 0 || codes.some((c) => c === undefined)) {
    throw bad(
      "eligibleSido",
      "ISO 3166-2:KR 시·도 코드(예: KR-27) 목록이어야 합니다",
      "must list ISO 3166-2:KR 시·도 codes such as KR-27",
    );
  }
  return codes.filter((c): c is string => c !== undefined);
}

/** Validates a parsed rules object and returns it as a RuleSet; throws FilingError BAD_RULES. */
export function parseRuleSet(raw: unknown): RuleSet {
  if (!isObject(raw)) throw bad("(root)", "JSON 객체여야 합니다", "must be a JSON object");
  const id = text(raw, "id", "");
  const env = raw.envelope;
  if (!isObject(env)) throw bad("envelope", "객체여야 합니다", "must be an object");
  const circle = env.circle;
  if (!isObject(circle)) throw bad("envelope.circle", "객체여야 합니다", "must be an object");
  const metro = circle.metroSido ?? [];
  if (!Array.isArray(metro) || !metro.every((c) => typeof c === "string")) {
    throw bad("envelope.circle.metroSido", "시·도 코드 목록이어야 합니다", "must list 시·도 codes");
  }
  const allowed = shapes(env.shapes);
  const ruleSet: RuleSet = {
    id,
    version: text(raw, "version", ""),
    name: bilingual(raw.name, "name", id),
    published: flag(raw, "published", false),
    areaCapKm2: positive(raw, "areaCapKm2", ""),
    envelope: {
      shapes: allowed,
      circle: {
        radiusKm: positive(circle, "radiusKm", "envelope.circle."),
        metroRadiusKm: positive(circle, "metroRadiusKm", "envelope.circle."),
        metroSido: metro.map((c: string) => c.toUpperCase()),
      },
    },
    parcelsInsideEnvelope: flag(raw, "parcelsInsideEnvelope", true),
    overlapAllowed: flag(raw, "overlapAllowed", false),
    validGeometry: flag(raw, "validGeometry", true),
    eligibleSido: eligibleSido(raw.eligibleSido),
  };
  if (raw.note !== undefined) ruleSet.note = bilingual(raw.note, "note");
  if (allowed.includes("belt")) {
    if (!isObject(env.belt))
      throw bad("envelope.belt", "벨트형 한도가 필요합니다", "belt limits are required");
    ruleSet.envelope.belt = {
      axisLengthKm: positive(env.belt, "axisLengthKm", "envelope.belt."),
      halfWidthKm: positive(env.belt, "halfWidthKm", "envelope.belt."),
    };
  }
  if (allowed.includes("polygon")) {
    if (!isObject(env.polygon)) {
      throw bad("envelope.polygon", "다각형 한도가 필요합니다", "polygon limits are required");
    }
    ruleSet.envelope.polygon = { areaKm2: positive(env.polygon, "areaKm2", "envelope.polygon.") };
  }
  return ruleSet;
}

export const BUILTIN_RULE_SETS: readonly RuleSet[] = [parseRuleSet(phase12), parseRuleSet(phase3)];

/**
 * A shipped rule set by id ("phase-1-2", "phase-3"), or a reviewer's rules given as JSON text or
 * an already parsed object.
 */
export function loadRuleSet(idOrRules: string | unknown): RuleSet {
  if (typeof idOrRules === "string") {
    const builtin = BUILTIN_RULE_SETS.find((r) => r.id === idOrRules);
    if (builtin) return builtin;
    let parsed: unknown;
    try {
      parsed = JSON.parse(idOrRules);
    } catch {
      throw new FilingError(
        "BAD_RULES",
        `규칙 집합 "${idOrRules.slice(0, 40)}"을(를) 찾을 수 없습니다. phase-1-2, phase-3 또는 규칙 JSON 파일을 주십시오`,
        `Unknown rule set "${idOrRules.slice(0, 40)}": give phase-1-2, phase-3 or a rules JSON file`,
      );
    }
    return parseRuleSet(parsed);
  }
  return parseRuleSet(idOrRules);
}
