/**
 * The 지번 조서: one row a 필지 — 연번, 구역, 소재지 (from the PNU's 법정동코드), 지번 (산 before a 산
 * 필지's), 지목 by its full name, 도면 면적 (the whole 필지) and 편입 면적 (the part inside the 구역),
 * both m² on the ellipsoid, and 비고 (일부 편입) — with totals per 구역 and for the zone. A 구역
 * that names its 필지 (`properties.pnu`, `partialPnu`) lists them; one drawn freehand lists the
 * 필지 under it. Rows of a 구역 go in PNU order: by 법정동, then 일반 before 산, then 본번-부번.
 */
import { FilingError } from "../errors";
import { geodesicAreaM2 } from "../measure";
import { excerpt } from "../sanitize";
import type { Parcel, Zone } from "../types";
import { type BjdTable, sojaeji } from "./bjd";
import { jimokName } from "./jimok";
import { type Covered, coveredPilji } from "./parcel";
import { isPnu } from "./pnu";
import type { Pilji } from "./types";

export interface JosoRow {
  no: number;
  parcel: string;
  sojaeji: string;
  jibun: string;
  jimok: string;
  drawingM2: number;
  includedM2: number;
  partial: boolean;
}

export interface JosoTotal {
  parcel: string;
  count: number;
  drawingM2: number;
  includedM2: number;
}

export interface Joso {
  rows: JosoRow[];
  /** One per 구역, in the filing's order. */
  parcels: JosoTotal[];
  zone: Omit<JosoTotal, "parcel">;
}

/** The cadastre as the 조서 needs it: 필지 by PNU, and those near a freehand 구역. */
export interface CadastreIndex {
  byPnu(pnu: string): Pilji | undefined;
  near(parcel: Parcel): Iterable<Pilji>;
}

/** An index over 필지 held in memory (the CLI's; the app's Worker keeps its own). */
export function cadastreIndex(pilji: Iterable<Pilji>): CadastreIndex {
  const all = [...pilji];
  const map = new Map(all.map((p) => [p.pnu, p]));
  return { byPnu: (pnu) => map.get(pnu), near: () => all };
}

function stringList(v: unknown): string[] {
  return Array.isArray(v) ? v.filter((x): x is string => typeof x === "string") : [];
}

function partialList(v: unknown): string[] {
  if (!Array.isArray(v)) return [];
  return v.flatMap((x) =>
    x && typeof x === "object" && typeof (x as { pnu?: unknown }).pnu === "string"
      ? [(x as { pnu: string }).pnu]
      : [],
  );
}

/** What one 구역 covers: its named 필지 (whole, or the part inside), else the 필지 under it. */
function coverOf(parcel: Parcel, cadastre: CadastreIndex, table: BjdTable): Covered[] {
  const whole = stringList(parcel.properties.pnu);
  const partial = partialList(parcel.properties.partialPnu);
  if (whole.length === 0 && partial.length === 0) {
    return coveredPilji(parcel.geometry, cadastre.near(parcel));
  }
  const lookup = (pnu: string): Pilji => {
    const p = isPnu(pnu) ? cadastre.byPnu(pnu) : undefined;
    if (p) return p;
    // The 구역 as the planner sees it (its name, and its id beside), and where the 필지 lies,
    // so the message says which 시·군's file to open (again).
    const name =
      parcel.name && parcel.name !== parcel.id ? `${parcel.name} (${parcel.id})` : parcel.id;
    const params = {
      kind: "PNU_NOT_IN_MAP",
      parcel: excerpt(name),
      pnu: excerpt(pnu),
      ...(isPnu(pnu) ? { place: sojaeji(table, pnu.slice(0, 10)) } : {}),
    } as const;
    throw new FilingError({ code: "BAD_FILE", params });
  };
  const out: Covered[] = whole.map((pnu) => {
    const p = lookup(pnu);
    return { pilji: p, whole: true, m2: geodesicAreaM2(p.geometry) };
  });
  const partialPilji = partial.map(lookup);
  // The part inside is measured again rather than taken from the filing: the geometry decides.
  for (const c of coveredPilji(parcel.geometry, partialPilji)) out.push({ ...c, whole: false });
  return out;
}

/** The 조서 of a zone against a cadastre; throws BAD_FILE for a PNU the cadastre lacks. */
export function buildJoso(zone: Zone, cadastre: CadastreIndex, table: BjdTable): Joso {
  const rows: JosoRow[] = [];
  const parcels: JosoTotal[] = [];
  for (const parcel of zone.parcels) {
    const label = parcel.name ?? parcel.id;
    const covered = coverOf(parcel, cadastre, table).sort((a, b) =>
      a.pilji.pnu < b.pilji.pnu ? -1 : a.pilji.pnu > b.pilji.pnu ? 1 : 0,
    );
    const total: JosoTotal = { parcel: label, count: 0, drawingM2: 0, includedM2: 0 };
    for (const c of covered) {
      const drawingM2 = geodesicAreaM2(c.pilji.geometry);
      rows.push({
        no: rows.length + 1,
        parcel: label,
        sojaeji: sojaeji(table, c.pilji.pnu.slice(0, 10)),
        jibun: c.pilji.jibun,
        jimok: jimokName(c.pilji.jimok),
        drawingM2,
        includedM2: c.m2,
        partial: !c.whole,
      });
      total.count++;
      total.drawingM2 += drawingM2;
      total.includedM2 += c.m2;
    }
    parcels.push(total);
  }
  const zoneTotal = parcels.reduce(
    (t, p) => ({
      count: t.count + p.count,
      drawingM2: t.drawingM2 + p.drawingM2,
      includedM2: t.includedM2 + p.includedM2,
    }),
    { count: 0, drawingM2: 0, includedM2: 0 },
  );
  return { rows, parcels, zone: zoneTotal };
}
