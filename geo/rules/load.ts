/**
 * Rule sets are data: the two shipped JSON files, or a reviewer's own file checked here field by
 * field, so a typo in a limit is an error that names the field rather than a silent default.
 */
import { FilingError } from "../errors";
import type { RuleFieldProblem } from "../errors/params";
import { parseJson } from "../filing/structure";
import { excerpt, stripControls } from "../sanitize";
import { SIDO, sidoByCode } from "../sido";
import { ENVELOPE_SHAPES, type EnvelopeShape, type RuleSet } from "../types";
import phase12 from "./phase-1-2.json";
import phase3 from "./phase-3.json";

type Json = Record<string, unknown>;

function bad(
  field: string,
  problem: RuleFieldProblem,
  more: { limit?: number; choices?: readonly string[] } = {},
): FilingError {
  return new FilingError({ code: "BAD_RULES", params: { kind: "FIELD", field, problem, ...more } });
}

function isObject(v: unknown): v is Json {
  return typeof v === "object" && v !== null && !Array.isArray(v);
}

function positive(obj: Json, key: string, path: string): number {
  const v = obj[key];
  if (typeof v !== "number" || !Number.isFinite(v) || v <= 0) {
    throw bad(`${path}${key}`, "POSITIVE");
  }
  return v;
}

/** Longest id or version: they are echoed in every report line and the app's rule-set list. */
const MAX_LABEL = 100;

function text(obj: Json, key: string, path: string): string {
  const v = obj[key];
  if (typeof v !== "string" || v.trim() === "") {
    throw bad(`${path}${key}`, "NON_EMPTY_STRING");
  }
  if (v.length > MAX_LABEL || stripControls(v) !== v) {
    throw bad(`${path}${key}`, "LABEL", { limit: MAX_LABEL });
  }
  return v;
}

function flag(obj: Json, key: string, fallback: boolean): boolean {
  const v = obj[key];
  if (v === undefined) return fallback;
  if (typeof v !== "boolean") throw bad(key, "BOOLEAN");
  return v;
}

function bilingual(v: unknown, path: string, fallback?: string): { ko: string; en: string } {
  if (v === undefined && fallback !== undefined) return { ko: fallback, en: fallback };
  if (isObject(v) && typeof v.ko === "string" && typeof v.en === "string") {
    return { ko: v.ko, en: v.en };
  }
  if (typeof v === "string") return { ko: v, en: v };
  throw bad(path, "BILINGUAL");
}

function shapes(v: unknown): EnvelopeShape[] {
  const known: readonly string[] = ENVELOPE_SHAPES;
  if (!Array.isArray(v) || v.length === 0 || !v.every((s) => known.includes(String(s)))) {
    throw bad("envelope.shapes", "SHAPES", { choices: ENVELOPE_SHAPES });
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
    throw bad("eligibleSido", "SIDO_CODES");
  }
  return codes.filter((c): c is string => c !== undefined);
}

/** Validates a parsed rules object and returns it as a RuleSet; throws FilingError BAD_RULES. */
export function parseRuleSet(raw: unknown): RuleSet {
  if (!isObject(raw)) throw bad("(root)", "ROOT_OBJECT");
  const id = text(raw, "id", "");
  const env = raw.envelope;
  if (!isObject(env)) throw bad("envelope", "OBJECT");
  const circle = env.circle;
  if (!isObject(circle)) throw bad("envelope.circle", "OBJECT");
  const metro = circle.metroSido ?? [];
  if (!Array.isArray(metro) || !metro.every((c) => typeof c === "string")) {
    throw bad("envelope.circle.metroSido", "METRO_CODES");
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
  if (raw.metroAreaCapKm2 !== undefined) {
    ruleSet.metroAreaCapKm2 = positive(raw, "metroAreaCapKm2", "");
  }
  if (raw.capScope !== undefined) {
    if (raw.capScope !== "zone" && raw.capScope !== "sido") {
      throw bad("capScope", "CAP_SCOPE");
    }
    ruleSet.capScope = raw.capScope;
  }
  if (allowed.includes("belt")) {
    if (!isObject(env.belt)) throw bad("envelope.belt", "BELT_REQUIRED");
    ruleSet.envelope.belt = {
      axisLengthKm: positive(env.belt, "axisLengthKm", "envelope.belt."),
      halfWidthKm: positive(env.belt, "halfWidthKm", "envelope.belt."),
    };
  }
  if (allowed.includes("polygon")) {
    if (!isObject(env.polygon)) {
      throw bad("envelope.polygon", "POLYGON_REQUIRED");
    }
    ruleSet.envelope.polygon = { areaKm2: positive(env.polygon, "areaKm2", "envelope.polygon.") };
  }
  return ruleSet;
}

export const BUILTIN_RULE_SETS: readonly RuleSet[] = [parseRuleSet(phase12), parseRuleSet(phase3)];

/**
 * A belt's limits where a rule set names none (a new belt drawn under a circle-only rule set, a
 * proposal's default): Phase 3's own (phase-3.json: axis 100 km, half-width 5 km), the one place
 * they are written.
 */
export const DEFAULT_BELT_LIMITS: Readonly<{ axisLengthKm: number; halfWidthKm: number }> = (() => {
  const belt = BUILTIN_RULE_SETS.find((r) => r.id === "phase-3")?.envelope.belt;
  if (!belt) throw new Error("phase-3.json names no belt limits");
  return belt;
})();

/** An id as a reader would see it: "PHASE-1-2 " and a full-width "ｐhase-1-2" are phase-1-2. */
function idKey(id: string): string {
  return id.normalize("NFKC").trim().toLowerCase();
}

/** Whether `id` is (or reads as) the id of a shipped rule set. */
export function isBuiltinId(id: string): boolean {
  const key = idKey(id);
  return BUILTIN_RULE_SETS.some((r) => idKey(r.id) === key);
}

/**
 * Whether `ruleSet` is a shipped one exactly: same id and every limit the same. Anything else,
 * a reviewer's file or a stored copy that was altered, is custom and reports say so.
 */
export function isBuiltinRuleSet(ruleSet: RuleSet): boolean {
  return BUILTIN_RULE_SETS.some(
    (b) => b === ruleSet || (b.id === ruleSet.id && JSON.stringify(b) === JSON.stringify(ruleSet)),
  );
}

/**
 * A reviewer's rules: validated, and refused when it takes a shipped id, so a file can never
 * pose as the published rules (a 1,000 km² cap under the id phase-1-2).
 */
export function parseCustomRuleSet(raw: unknown): RuleSet {
  const ruleSet = parseRuleSet(raw);
  if (isBuiltinId(ruleSet.id)) {
    const id = excerpt(ruleSet.id, 40);
    throw new FilingError({ code: "BAD_RULES", params: { kind: "BUILTIN_ID", id } });
  }
  return ruleSet;
}

/** Stand-ins for unknown ids, one per id so a memoised report sees the same object. */
const unknownRuleSets = new Map<string, RuleSet>();

/**
 * The rule set a zone names: shipped first (a loaded file never shadows one), then loaded ones,
 * else a stand-in that checkFiling refuses with UNKNOWN_RULE_SET's message, so a filing stamped
 * "phase-4" keeps its parcels and its planner picks a rule set instead of losing the page.
 */
export function ruleSetById(id: string, custom: readonly RuleSet[] = []): RuleSet {
  const builtin = BUILTIN_RULE_SETS.find((r) => r.id === id);
  if (builtin) return builtin;
  const loaded = custom.find((r) => r.id === id && !isBuiltinId(r.id));
  if (loaded) return loaded;
  const known = unknownRuleSets.get(id);
  if (known) return known;
  const base = BUILTIN_RULE_SETS[0] as RuleSet;
  const standIn: RuleSet = {
    ...base,
    id,
    version: "?",
    name: { ko: id, en: id },
    published: false,
  };
  if (unknownRuleSets.size > 100) unknownRuleSets.clear();
  unknownRuleSets.set(id, standIn);
  return standIn;
}

/** Whether `ruleSet` is a stand-in for an id no shipped or loaded rule set has. */
export function isUnknownRuleSet(ruleSet: RuleSet): boolean {
  return unknownRuleSets.get(ruleSet.id) === ruleSet;
}

/** The error for a zone whose rule set is unknown: pick one (app) or name one (CLI). */
export function unknownRuleSetError(id: string): FilingError {
  const params = { kind: "ZONE_RULE_SET_UNKNOWN", id: excerpt(id, 40) } as const;
  return new FilingError({ code: "BAD_RULES", params });
}

/**
 * A shipped rule set by id ("phase-1-2", "phase-3"), or a reviewer's rules given as JSON text or
 * an already parsed object (refused when it takes a shipped id: see parseCustomRuleSet).
 */
export function loadRuleSet(idOrRules: string | unknown): RuleSet {
  if (typeof idOrRules === "string") {
    const builtin = BUILTIN_RULE_SETS.find((r) => r.id === idOrRules);
    if (builtin) return builtin;
    let parsed: unknown;
    // Text that starts like JSON is a rules file: a mistake in it is named by line and column.
    if (/^\uFEFF?\s*[{[]/.test(idOrRules))
      return parseCustomRuleSet(parseJson(idOrRules, undefined, "BAD_RULES"));
    try {
      parsed = JSON.parse(idOrRules);
    } catch {
      const params = { kind: "RULE_SET_NOT_FOUND", id: excerpt(idOrRules, 40) } as const;
      throw new FilingError({ code: "BAD_RULES", params });
    }
    return parseCustomRuleSet(parsed);
  }
  return parseCustomRuleSet(idOrRules);
}
