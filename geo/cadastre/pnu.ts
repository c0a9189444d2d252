/**
 * PNU (필지고유번호, 19 digits): 법정동코드 (10) + 필지 구분 (1: `1` 일반, `2` 산) + 본번 (4) +
 * 부번 (4); and the 연속지적도's JIBUN text (`12-3대`, `산45임`), whose last character is the
 * 지목 부호.
 */
import { FilingError } from "../errors";
import { excerpt } from "../sanitize";

export interface Pnu {
  /** The 19 digits. */
  pnu: string;
  /** 법정동코드, 10 digits. */
  bjd: string;
  /** A 산 필지 (필지 구분 2): its 지번 is written with 산 before it. */
  san: boolean;
  bonbun: number;
  bubun: number;
}

export function isPnu(text: string): boolean {
  return /^\d{10}[12]\d{8}$/.test(text);
}

/** Parses a PNU; throws BAD_FILE naming it when it is not 19 digits with 필지 구분 1 or 2. */
export function parsePnu(text: string): Pnu {
  if (!isPnu(text)) {
    throw new FilingError({ code: "BAD_FILE", params: { kind: "BAD_PNU", pnu: excerpt(text) } });
  }
  return {
    pnu: text,
    bjd: text.slice(0, 10),
    san: text[10] === "2",
    bonbun: Number(text.slice(11, 15)),
    bubun: Number(text.slice(15, 19)),
  };
}

/** The 지번 as a 조서 writes it: `산45`, `12-3`, `7` (a 부번 of 0 is not written). */
export function jibunOf(p: Pnu): string {
  return `${p.san ? "산" : ""}${p.bonbun}${p.bubun > 0 ? `-${p.bubun}` : ""}`;
}

export interface Jibun {
  /** The 지번 without the 지목 부호: `12-3`, `산45`. */
  jibun: string;
  /** The 지목 부호 (`대`, `임`), or "" when the text carries none. */
  jimok: string;
}

/** Splits a JIBUN field (`12-3대`, `산45임`, `3 도`) into the 지번 and its 지목 부호. */
export function splitJibun(text: string): Jibun {
  const m = /^\s*(산?\s*\d+(?:-\d+)?)\s*(\S?)\s*$/.exec(text);
  if (!m?.[1]) return { jibun: text.trim(), jimok: "" };
  return { jibun: m[1].replace(/\s+/g, ""), jimok: m[2] ?? "" };
}
