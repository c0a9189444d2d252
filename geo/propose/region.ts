/**
 * Which firms a proposal counts, and where every other firm went: those of the 시·도 it is for
 * are counted; the rest are in another eligible 시·도, in the capital region (수도권, which the
 * programme leaves out) or in no 시·도 at all (at sea or abroad by the embedded boundaries).
 * A firm's 시·도 is decided by point-in-polygon (firm-sido.ts).
 */
import { sidoByCode } from "../sido";
import { type FirmSido, firmSido } from "./firm-sido";
import { type Firms, filterFirms } from "./firms";

/** Every firm read, accounted for (FILING.md `firms`). */
export interface FirmAccount {
  /** Firms in the file (after any industry filter). */
  read: number;
  /** In the 시·도 the proposal is for: the firms its figures and bound are over. */
  counted: number;
  /** In another of the eligible (non-capital) 시·도. */
  otherSido: number;
  /** In 서울, 인천 or 경기, which the programme leaves out. */
  capitalRegion: number;
  /** In no 시·도 the embedded boundaries hold (at sea, abroad, or a wrong coordinate). */
  outside: number;
  /** Rows refused: a bad row stops the import with its line named, so none are dropped silently. */
  badRows: number;
}

/** An eligible 시·도 with firms in it. */
export interface SidoFirms {
  code: string;
  firms: number;
  weight: number;
}

/** The firms with their 시·도 decided once, to be split for one 시·도 or another. */
export interface PlacedFirms {
  all: Firms;
  placed: FirmSido;
  /** Whether each boundary (by index) is in the capital region. */
  capital: boolean[];
}

export function placeFirms(all: Firms): PlacedFirms {
  const placed = firmSido(all);
  const capital = placed.codes.map((c) => sidoByCode(c)?.capital === true);
  return { all, placed, capital };
}

/** The eligible 시·도 holding firms, heaviest first. */
export function eligibleSidoOf(p: PlacedFirms): SidoFirms[] {
  const count = new Float64Array(p.placed.codes.length);
  const weight = new Float64Array(p.placed.codes.length);
  p.placed.index.forEach((k, i) => {
    if (k < 0) return;
    count[k] = (count[k] as number) + 1;
    weight[k] = (weight[k] as number) + (p.all.weight[i] as number);
  });
  const out: SidoFirms[] = [];
  p.placed.codes.forEach((code, k) => {
    if (!p.capital[k] && (count[k] as number) > 0) {
      out.push({ code, firms: count[k] as number, weight: weight[k] as number });
    }
  });
  return out.sort((a, b) => b.weight - a.weight || a.code.localeCompare(b.code));
}

/** The firms of the 시·도 `code` (canonical ISO code), and the account of all the others. */
export function firmsOfSido(p: PlacedFirms, code: string): { firms: Firms; account: FirmAccount } {
  const target = p.placed.codes.indexOf(code);
  const account: FirmAccount = {
    read: p.all.lon.length,
    counted: 0,
    otherSido: 0,
    capitalRegion: 0,
    outside: 0,
    badRows: 0,
  };
  for (const k of p.placed.index) {
    if (k < 0) account.outside++;
    else if (k === target) account.counted++;
    else if (p.capital[k]) account.capitalRegion++;
    else account.otherSido++;
  }
  const firms = filterFirms(p.all, (i) => p.placed.index[i] === target && target >= 0);
  return { firms, account };
}
