/** The zone to and from the filing of FILING.md: the same geo core the checker uses, both ways. */
import { type Report, type RuleSet, type Zone, zoneToFiling } from "../../geo/index";
import { isReportOf, toGeoZone } from "../store/derive";
import type { ZoneDoc } from "../store/types";
import { createZone } from "../store/zone-diff";

/**
 * When the embedded data was built into public/data (시·도 and 시·군·구 boundaries from KOSTAT,
 * innovation cities): the date public/data/README.md gives. Stamped on every export.
 */
export const DATA_DATE = "2026-11-25";

/**
 * Refuse a report that was not computed from exactly this zone (a drag preview's, an older
 * version's): a filing whose areaKm2 and embedded report contradict its geometry must never be
 * written, since `czd check` on it would disagree with what it claims.
 */
export function assertReportOf(report: Report, doc: ZoneDoc): void {
  if (!isReportOf(report, doc)) {
    throw new Error(`export of zone ${doc.id}: the report is not of the geometry being written`);
  }
}

/** The filing text of a zone, stamped with the rule set, its version and the data's date. */
export function exportFiling(
  doc: ZoneDoc,
  report: Report,
  ruleSet: RuleSet,
  now: Date = new Date(),
): string {
  assertReportOf(report, doc);
  const areasKm2 = report.area.parcels.map((p) => p.km2);
  const filing = zoneToFiling(toGeoZone(doc), { report, areasKm2 });
  const stamped = {
    ...filing,
    czd: {
      ...filing.czd,
      ruleSet: ruleSet.id,
      ruleSetVersion: ruleSet.version,
      dataDate: DATA_DATE,
      exportedAt: now.toISOString(),
    },
  };
  return `${JSON.stringify(stamped, null, 2)}\n`;
}

/** The store's zone for a zone the geo core read from a filing of any format (always WGS84). */
export function zoneDocOf(zone: Zone, id: string, fallbackName: string): ZoneDoc {
  const meta = zone.meta;
  return createZone(id, {
    name: typeof meta.name === "string" && meta.name ? meta.name : fallbackName,
    sido: typeof meta.sido === "string" ? meta.sido : null,
    ruleSetId: typeof meta.ruleSet === "string" ? meta.ruleSet : "phase-1-2",
    envelope: zone.envelope,
    parcels: zone.parcels,
    ...(typeof meta.createdAt === "string" ? { createdAt: meta.createdAt } : {}),
  });
}

/** The zone's name made safe for every file system: the stem of every download. */
export function fileStem(doc: ZoneDoc): string {
  return doc.name.replace(/[\\/:*?"<>|\s]+/g, "_") || doc.id;
}

/** A file name for the export. */
export function filingFileName(doc: ZoneDoc): string {
  return `${fileStem(doc)}.czd.geojson`;
}

/** A file's name without the extensions of the formats the app reads: a zone's default name. */
export function nameFromFile(fileName: string): string {
  return fileName.replace(/\.(czd\.)?(geo)?json$|\.(zip|shz)$/i, "");
}
