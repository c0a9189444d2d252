/** The zone to and from the filing of FILING.md: the same geo core the checker uses, both ways. */
import { type Report, type RuleSet, readFiling, zoneToFiling } from "../../geo/index";
import { toGeoZone } from "./derive";
import type { ZoneDoc } from "./types";
import { createZone } from "./zone-diff";

/**
 * When the embedded data was extracted into public/data (시·도 boundaries from Natural Earth,
 * innovation cities): the date public/data/README.md gives. Stamped on every export.
 */
export const DATA_DATE = "2026-11-25";

/** The filing text of a zone, stamped with the rule set, its version and the data's date. */
export function exportFiling(
  doc: ZoneDoc,
  report: Report,
  ruleSet: RuleSet,
  now: Date = new Date(),
): string {
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

/** A zone from a filing's text; throws the geo core's FilingError when it can't be used. */
export function importFiling(text: string, id: string, fallbackName: string): ZoneDoc {
  const zone = readFiling(text);
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

/** A file name for the export: the zone's name made safe for every file system. */
export function filingFileName(doc: ZoneDoc): string {
  const base = doc.name.replace(/[\\/:*?"<>|\s]+/g, "_") || doc.id;
  return `${base}.czd.geojson`;
}
