/**
 * Reviewer mode: a filing opened from a file (or the zone being edited) checked as `czd check`
 * would, with the SHA-256 of the exact bytes under review so a signed paper copy can be matched
 * to the digital filing.
 */
import {
  type Hub,
  importZone,
  type Report,
  type RuleSet,
  sha256Hex,
  type Zone,
} from "../../geo/index";
import { useCadastre } from "../store/cadastre";
import { ruleSetFor, ruleSetOfFiling, toGeoZone, visibleHubSources } from "../store/derive";
import { activeZone } from "../store/store";
import type { AppState } from "../store/types";
import { josoHtmlInWorker } from "../workers/cadastre-client";
import { exportFiling, filingFileName } from "./filing-io";
import { committedReport, zoneReport } from "./live-check";

export interface Review {
  /** A file the reviewer opened, or the current zone as its export would be written. */
  source: "file" | "current";
  fileName: string;
  /** The bytes the SHA-256 is of (for the current zone: the filing to download and file). */
  bytes: Uint8Array;
  sha256: string;
  zone: Zone;
  ruleSet: RuleSet;
  report: Report;
  /** ISO 8601, printed on the report. */
  generatedAt: string;
  /** The hubs the check counted (the visible layers), for the report's parcel map. */
  hubs: Hub[];
  /**
   * The 지번 조서 as the print report's appendix, in each language: when the zone names 필지 and
   * a cadastre is open, as `czd report --cadastre` appends it.
   */
  appendix?: { ko: string; en: string };
}

const counted = (s: AppState): Hub[] => visibleHubSources(s.hubLayers).flatMap((l) => l.hubs);

/** The 조서 appendix of a filing that names PNUs, from the open cadastre; none without either. */
async function josoAppendix(
  zone: Zone,
  bytes: Uint8Array,
  fileName: string,
): Promise<Review["appendix"]> {
  const names = zone.parcels.some((p) => p.properties.pnu || p.properties.partialPnu);
  if (!names || useCadastre.getState().status !== "ready") return undefined;
  const [ko, en] = await Promise.all([
    josoHtmlInWorker(bytes, fileName, "ko"),
    josoHtmlInWorker(bytes, fileName, "en"),
  ]);
  return { ko, en };
}

/**
 * Review a filed file of any readable format as `czd check` does with no options: the stamped
 * rule set (else phase-1-2) and the visible hub layers (by default the built-in one, which is the
 * CLI's embedded layer), so both give the identical report. Throws the geo core's FilingError if
 * the file is unusable or stamped with a rule set the app doesn't know.
 */
export async function reviewFile(
  s: AppState,
  bytes: Uint8Array,
  fileName: string,
  now: Date = new Date(),
): Promise<Review> {
  const zone = await importZone(bytes, fileName);
  const ruleSet = ruleSetOfFiling(zone.meta.ruleSet, s.customRuleSets);
  // In the check Worker: a hostile file checks for seconds without freezing the page.
  const report = await zoneReport(s, zone, ruleSet);
  const sha256 = await sha256Hex(bytes);
  const appendix = await josoAppendix(zone, bytes, fileName);
  return {
    source: "file",
    fileName,
    bytes,
    sha256,
    zone,
    ruleSet,
    report,
    generatedAt: now.toISOString(),
    hubs: counted(s),
    ...(appendix ? { appendix } : {}),
  };
}

/**
 * Review the zone being edited. It has no file yet, so the hash is of the exact bytes the
 * RFC 7946 export writes at `now`; the reviewer downloads those same bytes to file them.
 */
export async function reviewCurrent(s: AppState, now: Date = new Date()): Promise<Review> {
  const doc = activeZone(s);
  // The saved zone, not a drag in progress: the hash is of the filing its export writes.
  const report = await committedReport(s);
  const ruleSet = ruleSetFor(doc.ruleSetId, s.customRuleSets);
  const bytes = new TextEncoder().encode(exportFiling(doc, report, ruleSet, now));
  const fileName = filingFileName(doc);
  const zone = toGeoZone(doc);
  const appendix = await josoAppendix(zone, bytes, fileName);
  return {
    source: "current",
    fileName,
    bytes,
    sha256: await sha256Hex(bytes),
    zone,
    ruleSet,
    report,
    generatedAt: now.toISOString(),
    hubs: counted(s),
    ...(appendix ? { appendix } : {}),
  };
}
