/**
 * The 필지 each 구역 names (`properties.pnu`, `partialPnu`), as a table a Shapefile can carry: one
 * row a 필지 — the 구역's id, the PNU, whether it lies wholly (`whole`) or partly (`partial`)
 * inside, and the m² inside for a partial one. The export writes it as `<stem>_pilji.dbf`; the
 * import gives the rows back to the 구역 of that id, in their order.
 */
import { own } from "../own";

export interface PiljiRow {
  parcel_id: string;
  pnu: string;
  part: "whole" | "partial";
  incl_m2: number | null;
}

/** The table's own field names: a .dbf without shapes holding these is this table. */
export const PILJI_FIELDS = ["parcel_id", "pnu", "part", "incl_m2"] as const;

interface Named {
  id: string;
  properties: Record<string, unknown>;
}

/** One row a 필지 a 구역 names, 구역 by 구역: the wholly covered first, then the partial ones. */
export function piljiRows(parcels: readonly Named[]): PiljiRow[] {
  const rows: PiljiRow[] = [];
  for (const p of parcels) {
    const whole = own(p.properties, "pnu");
    if (Array.isArray(whole)) {
      for (const pnu of whole) {
        if (typeof pnu === "string")
          rows.push({ parcel_id: p.id, pnu, part: "whole", incl_m2: null });
      }
    }
    const partial = own(p.properties, "partialPnu");
    if (Array.isArray(partial)) {
      for (const item of partial as unknown[]) {
        if (typeof item !== "object" || item === null) continue;
        const pnu = own(item as Record<string, unknown>, "pnu");
        const m2 = own(item as Record<string, unknown>, "m2");
        if (typeof pnu === "string" && typeof m2 === "number") {
          rows.push({ parcel_id: p.id, pnu, part: "partial", incl_m2: m2 });
        }
      }
    }
  }
  return rows;
}

/** Whether a table's fields are this table's. */
export function isPiljiTable(fields: readonly string[]): boolean {
  return PILJI_FIELDS.every((f) => fields.includes(f));
}

/**
 * `pnu` and `partialPnu` for each 구역 id, from the table's rows as read (a missing or odd value
 * is skipped, not guessed at).
 */
export function piljiByParcel(
  rows: readonly Record<string, unknown>[],
): Map<string, { pnu: string[]; partialPnu: { pnu: string; m2: number }[] }> {
  const out = new Map<string, { pnu: string[]; partialPnu: { pnu: string; m2: number }[] }>();
  for (const row of rows) {
    const id = row.parcel_id;
    const pnu = row.pnu;
    if (id === null || id === undefined || typeof pnu !== "string" || pnu === "") continue;
    const key = String(id);
    const entry = out.get(key) ?? { pnu: [], partialPnu: [] };
    if (row.part === "partial" && typeof row.incl_m2 === "number") {
      entry.partialPnu.push({ pnu, m2: row.incl_m2 });
    } else if (row.part === "whole") {
      entry.pnu.push(pnu);
    } else continue;
    out.set(key, entry);
  }
  return out;
}
