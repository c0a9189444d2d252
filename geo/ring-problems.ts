/**
 * What is wrong with a ring, in Korean and English: the phrases of the INVALID_GEOMETRY finding
 * and of a refused envelope polygon. A leaf module, so the error tables can use it without
 * importing the findings' messages.
 */
import { own } from "./own";

type Lang = "ko" | "en";

const PROBLEMS: Record<string, [string, string]> = {
  UNCLOSED: ["고리가 닫혀 있지 않습니다", "a ring is not closed"],
  TOO_FEW_POSITIONS: ["고리의 좌표가 4개 미만입니다", "a ring has fewer than 4 positions"],
  SELF_CROSSING: ["고리가 스스로 교차합니다", "a ring crosses itself"],
  DEGENERATE: ["고리의 면적이 0입니다", "a ring has no area"],
  HOLE_OUTSIDE: ["구멍이 바깥 고리 밖에 있습니다", "a hole lies outside its outer ring"],
  RING_CROSSING: ["구멍이 다른 고리와 교차합니다", "a hole crosses another ring"],
  PARTS_OVERLAP: [
    "멀티폴리곤의 부분끼리 겹칩니다 (겹친 면적이 두 번 계산됩니다)",
    "parts of the multipolygon overlap (the shared area would count twice)",
  ],
};

/** What is wrong with a ring, as a phrase: "a ring is not closed". */
export function ringProblemText(kind: string, lang: Lang): string {
  return lang === "en" ? problemEn(kind) : problemKo(kind);
}

export function problemKo(kind: string): string {
  return own(PROBLEMS, kind)?.[0] ?? kind;
}
export function problemEn(kind: string): string {
  return own(PROBLEMS, kind)?.[1] ?? kind;
}
