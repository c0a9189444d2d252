/**
 * The filing in the other formats Korean GIS offices open: GeoJSON in a TM plane with its `crs`
 * member, a zipped Shapefile (EPSG:5186, UTF-8 or CP949), the CSV table of parcels and areas.
 * All written by the geo core's converters, stamped like the RFC 7946 filing, named after the zone.
 */
import { type Exported, exportZone, type Report, type RuleSet } from "../../geo/index";
import { toGeoZone } from "../store/derive";
import type { ZoneDoc } from "../store/types";
import { assertReportOf, DATA_DATE, fileStem } from "./filing-io";

/** Converter ids of the export menu, after the RFC 7946 filing (its own button). */
export const EXPORT_FORMATS = ["geojson-5186", "geojson-5179", "shp", "shp-cp949", "csv"] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

/** The zone written in `format`, its `czd` metadata stamped with the rule set and data date. */
export function exportZoneAs(
  doc: ZoneDoc,
  report: Report,
  ruleSet: RuleSet,
  format: ExportFormat,
  now: Date = new Date(),
): Promise<Exported> {
  assertReportOf(report, doc);
  const zone = toGeoZone(doc);
  const meta = {
    ...zone.meta,
    ruleSet: ruleSet.id,
    ruleSetVersion: ruleSet.version,
    dataDate: DATA_DATE,
    exportedAt: now.toISOString(),
  };
  return exportZone({ ...zone, meta }, format, fileStem(doc), { report });
}
