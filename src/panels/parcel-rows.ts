/**
 * The parcel table's rows, one per parcel (name, 시·군·구, area, hubs, findings), and their
 * order: pure, so the table only draws them.
 */
import {
  type Finding,
  type Parcel,
  type Report,
  showInvisible,
  type ZoneRole,
  zoneRoleOf,
} from "../../geo/index";

export const PARCEL_COLUMNS = ["name", "sigungu", "km2", "hubs", "findings"] as const;
export type ParcelColumn = (typeof PARCEL_COLUMNS)[number];

export interface ParcelRow {
  parcel: Parcel;
  /** The name shown: the parcel's own, else its id. */
  name: string;
  /** 코어 / 연계 / 협력 (`properties.zoneRole`), or null. */
  role: ZoneRole | null;
  sigungu: string;
  /** Null until the first report of the zone arrives from the check Worker. */
  km2: number | null;
  hubs: number;
  /** The report's findings that name this parcel. */
  findings: Finding[];
  /** Position in the zone: ties keep it, and "no sort" is this order. */
  index: number;
}

/** A column and a direction; null column is the zone's own order. */
export interface ParcelSort {
  column: ParcelColumn | null;
  descending: boolean;
}

export const UNSORTED: ParcelSort = { column: null, descending: false };

/** The rows of `parcels`, with the figures the report gives and the hub counts given per parcel. */
export function parcelRows(
  parcels: readonly Parcel[],
  report: Report | null,
  sigunguOf: (p: Parcel) => string[],
  hubsOf: (p: Parcel) => number,
): ParcelRow[] {
  const areaById = new Map((report?.area.parcels ?? []).map((p) => [p.id, p.km2]));
  return parcels.map((parcel, index) => ({
    parcel,
    name: showInvisible(parcel.name ?? parcel.id),
    role: zoneRoleOf(parcel),
    sigungu: sigunguOf(parcel).join(", "),
    km2: areaById.get(parcel.id) ?? null,
    hubs: hubsOf(parcel),
    findings: (report?.findings ?? []).filter((f) => f.parcels.includes(parcel.id)),
    index,
  }));
}

const collator = new Intl.Collator("ko", { numeric: true, sensitivity: "base" });

function compare(a: ParcelRow, b: ParcelRow, column: ParcelColumn): number {
  switch (column) {
    case "name":
      return collator.compare(a.name, b.name);
    case "sigungu":
      return collator.compare(a.sigungu, b.sigungu);
    case "km2":
      return (a.km2 ?? -1) - (b.km2 ?? -1);
    case "hubs":
      return a.hubs - b.hubs;
    case "findings":
      return a.findings.length - b.findings.length;
  }
}

/** The rows in `sort`'s order; equal rows keep the zone's order whichever the direction. */
export function sortRows(rows: readonly ParcelRow[], sort: ParcelSort): ParcelRow[] {
  const { column } = sort;
  if (column === null) return [...rows];
  const sign = sort.descending ? -1 : 1;
  return [...rows].sort((a, b) => sign * compare(a, b, column) || a.index - b.index);
}

/** A header clicked: a new column sorts ascending, the same one again reverses. */
export function nextSort(sort: ParcelSort, column: ParcelColumn): ParcelSort {
  if (sort.column !== column) return { column, descending: false };
  return { column, descending: !sort.descending };
}
