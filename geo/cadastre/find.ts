/**
 * 지번 search among the open 필지 (issue 21): what a planner types — `충무공동 123`,
 * `문산읍 삼곡리 산 12-3`, `산12-3`, or a 19-digit PNU — to the 필지 it names. Names are matched
 * against the 소재지 from the 법정동 table (each word a part of it), the 지번 by its PNU (본번,
 * 부번, 산). Pure: the 필지 and the table in, the hits out.
 */

import { geometryBounds } from "../geometry";
import { type BjdTable, sojaeji } from "./bjd";
import { isPnu, jibunOf, parsePnu } from "./pnu";
import type { Pilji } from "./types";

export interface PiljiHit {
  pnu: string;
  /** `경상남도 진주시 충무공동 123대`: 소재지, 지번 and 지목 부호. */
  label: string;
  /** [west, south, east, north]. */
  bbox: [number, number, number, number];
  geometry: Pilji["geometry"];
}

interface JibunQuery {
  words: string[];
  san: boolean;
  bonbun: number;
  /** null: any 부번 (the plain 본번 ranks first). */
  bubun: number | null;
}

/** `충무공동 산 12-3` → words [충무공동], 산, 12, 3; null when the text ends in no 지번. */
export function parseJibunQuery(text: string): JibunQuery | null {
  const m = /^(.*?)(산\s*)?(\d{1,4})(?:\s*-\s*(\d{1,4}))?\s*(?:번지)?$/.exec(text.trim());
  if (!m?.[3]) return null;
  const words = (m[1] ?? "").split(/[\s,]+/).filter((w) => w !== "");
  return {
    words,
    san: Boolean(m[2]),
    bonbun: Number(m[3]),
    bubun: m[4] === undefined ? null : Number(m[4]),
  };
}

/** True when the query could name a 필지 (a PNU, or words ending in a 지번). */
export function looksLikeJibun(text: string): boolean {
  const t = text.replace(/\s+/g, "");
  return isPnu(t) || parseJibunQuery(text) !== null;
}

/** The 필지 the query names, best first (an exact 부번 before 본번-only matches), at most `limit`. */
export function findPilji(
  text: string,
  pilji: readonly Pilji[],
  table: BjdTable,
  limit = 20,
): PiljiHit[] {
  const compact = text.replace(/[\s-]+/g, "");
  const named = new Map<string, string>();
  const placeOf = (bjd: string): string => {
    let s = named.get(bjd);
    if (s === undefined) {
      s = sojaeji(table, bjd);
      named.set(bjd, s);
    }
    return s;
  };
  const hit = (p: Pilji): PiljiHit => {
    const [w, s, e, n] = geometryBounds(p.geometry);
    let jibun = p.jibun;
    try {
      jibun = jibunOf(parsePnu(p.pnu));
    } catch {
      // A PNU the file got wrong: its JIBUN field as written.
    }
    return {
      pnu: p.pnu,
      label: `${placeOf(p.pnu.slice(0, 10))} ${jibun}${p.jimok}`,
      bbox: [w, s, e, n],
      geometry: p.geometry,
    };
  };
  if (isPnu(compact))
    return pilji
      .filter((p) => p.pnu === compact)
      .slice(0, limit)
      .map(hit);
  const q = parseJibunQuery(text);
  if (!q) return [];
  const bon = String(q.bonbun).padStart(4, "0");
  const bu = q.bubun === null ? null : String(q.bubun).padStart(4, "0");
  const kind = q.san ? "2" : "1";
  const exact: Pilji[] = [];
  const more: Pilji[] = [];
  for (const p of pilji) {
    if (p.pnu[10] !== kind || p.pnu.slice(11, 15) !== bon) continue;
    const sub = p.pnu.slice(15, 19);
    if (bu !== null && sub !== bu) continue;
    const place = placeOf(p.pnu.slice(0, 10));
    if (!q.words.every((w) => place.includes(w))) continue;
    (bu !== null || sub === "0000" ? exact : more).push(p);
  }
  return [...exact, ...more].slice(0, limit).map(hit);
}
