/**
 * A proposal in plain words for the planner who signs it (Korean, or English with --lang en):
 * which firms were counted and which left out, the radius and why, the weight in the envelope
 * and in the parcels, and what the optimality bound means.
 */
import type { Lang } from "../messages";
import type { Proposal } from "../propose/index";
import { sidoByCode } from "../sido";

const num = (v: number): string => v.toLocaleString("en-US", { maximumFractionDigits: 1 });
const pct = (v: number): string => `${(100 * v).toFixed(1)}%`;

function name(code: string, lang: Lang): string {
  const s = sidoByCode(code);
  if (!s) return code;
  return lang === "en" ? `${s.nameEn} (${s.name})` : s.name;
}

const SHAPE = {
  ko: { circle: "원", belt: "띠", polygon: "다각형" },
  en: { circle: "circle", belt: "belt", polygon: "polygon" },
} as const;

function sizeOf(p: Proposal, lang: Lang): string {
  const e = p.envelope;
  if (p.shape === "circle")
    return lang === "en" ? `${p.radius.radiusKm} km circle` : `반경 ${p.radius.radiusKm}㎞ 원`;
  if (p.shape === "belt" && e.shape === "belt") {
    const hw = "halfWidthKm" in e ? String(e.halfWidthKm) : "";
    return lang === "en" ? `belt of half-width ${hw} km` : `반폭 ${hw}㎞ 띠`;
  }
  return lang === "en" ? "polygon within the area limit" : "면적 한도 안의 다각형";
}

function boundMeaning(p: Proposal, lang: Lang): string {
  const b = num(p.optimality.bound);
  const of = p.optimality.bound > 0 ? pct(p.weight.covered / p.optimality.bound) : "–";
  const where = name(p.radius.sido, lang);
  if (p.optimality.method.startsWith("total-weight")) {
    return lang === "en"
      ? `Optimality bound ${b}: only the total weight — a thin enough polygon can thread any firms, so no tighter bound is proven for polygons.`
      : `최적 상한 ${b}: 전체 가중치일 뿐입니다 — 다각형은 가늘게 그리면 어느 기업이든 꿸 수 있어 더 좁은 상한이 증명되지 않습니다.`;
  }
  return lang === "en"
    ? `Optimality bound ${b}: no ${sizeOf(p, lang)} anywhere covers more of ${where}'s counted weight (proven: ${p.optimality.method}); this proposal reaches ${of} of it.`
    : `최적 상한 ${b}: 어디에 둔 ${sizeOf(p, lang)}도 ${where} 기업의 가중치를 이보다 많이 담을 수 없습니다 (증명: ${p.optimality.method}). 이 제안은 그 ${of}입니다.`;
}

/** The proposal as lines of text. */
export function proposalText(p: Proposal, lang: Lang): string {
  const f = p.firms;
  const where = name(p.radius.sido, lang);
  const w = p.weight;
  const inShare = w.covered > 0 ? pct(w.inParcels / w.covered) : "–";
  const lines =
    lang === "en"
      ? [
          `${SHAPE.en[p.shape]} proposal for ${where} (${p.radius.sido})`,
          `Firms: ${num(f.read)} read, ${num(f.counted)} counted (in ${where}); left out: ${num(f.otherSido)} in another non-capital 시·도, ${num(f.capitalRegion)} in the capital region (서울·인천·경기, not eligible), ${num(f.outside)} in no 시·도 (at sea or abroad), ${num(f.badRows)} unreadable rows.`,
          p.shape !== "circle"
            ? `The radius rule is for circles; a ${SHAPE.en[p.shape]} keeps the rule set's own limits, and its parcels lie in ${where}.`
            : p.radius.metro
              ? `Radius: ${p.radius.radiusKm} km, because ${where} is a 광역시 (metropolitan city); a 도 gets the general limit.`
              : `Radius: ${p.radius.radiusKm} km, the general limit, because ${where} is not a 광역시.`,
          `In the envelope: weight ${num(w.covered)} of ${num(w.total)} (${pct(w.share)}), ${num(f.covered)} firms.`,
          `In the parcels: weight ${num(w.inParcels)} (${inShare} of the envelope's), ${p.parcels.count} parcels, ${p.parcels.km2.toFixed(3)} km².`,
          boundMeaning(p, lang),
          `Hubs in the parcels: ${p.hubs.total}.`,
        ]
      : [
          `${where} (${p.radius.sido}) ${SHAPE.ko[p.shape]} 제안`,
          `기업: 읽은 ${num(f.read)}곳 중 ${where} 안의 ${num(f.counted)}곳을 셌습니다. 세지 않은 기업: 다른 비수도권 시·도 ${num(f.otherSido)}곳, 수도권(서울·인천·경기, 대상 아님) ${num(f.capitalRegion)}곳, 어느 시·도에도 없음(바다·국외) ${num(f.outside)}곳, 읽지 못한 행 ${num(f.badRows)}개.`,
          p.shape !== "circle"
            ? `반경 규칙은 원에만 적용됩니다: ${SHAPE.ko[p.shape]}은(는) 규칙 집합의 한도를 따르고 구역은 ${where} 안에 둡니다.`
            : p.radius.metro
              ? `반경: ${p.radius.radiusKm}㎞ — ${where}은(는) 광역시라 광역시 반경이 적용됩니다 (도는 일반 한도).`
              : `반경: ${p.radius.radiusKm}㎞ — ${where}은(는) 광역시가 아니라 일반 한도가 적용됩니다.`,
          `지정 범위 안: 가중치 ${num(w.covered)} / ${num(w.total)} (${pct(w.share)}), 기업 ${num(f.covered)}곳.`,
          `구역 안: 가중치 ${num(w.inParcels)} (지정 범위 안의 ${inShare}), 구역 ${p.parcels.count}개, ${p.parcels.km2.toFixed(3)}㎢.`,
          boundMeaning(p, lang),
          `구역 안 혁신거점: ${p.hubs.total}곳.`,
        ];
  if (p.candidates.length > 1) {
    const km = lang === "en" ? " km" : "㎞";
    const list = p.candidates
      .map((c) => {
        const head = `${name(c.sido, lang)} (${c.radiusKm}${km})`;
        if (c.outcome === "searched") return `${head}: ${num(c.covered ?? 0)}`;
        if (c.outcome === "none")
          return `${head}: ${lang === "en" ? "no compliant zone" : "제안 불가"}`;
        return lang === "en"
          ? `${head}: all its firms weigh ${num(c.weight)}, less than the winner covers`
          : `${head}: 기업 가중치 전체가 ${num(c.weight)}로 선택된 제안보다 작음`;
      })
      .join("; ");
    lines.push(
      lang === "en"
        ? `시·도 searched, each under its own radius: ${list}.`
        : `찾아본 시·도 (각자의 반경으로): ${list}.`,
    );
  }
  return `${lines.join("\n")}\n`;
}
