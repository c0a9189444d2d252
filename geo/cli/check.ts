/**
 * `czd check`, and the loading every checking command shares (`czd report` too): the filing in
 * any importable format, the rule set, the hubs, then checkFiling.
 */

import { checkFiling } from "../check";
import { isFilingError } from "../errors";
import type { HubIndex } from "../hubs";
import { decodeText, importZone } from "../io";
import type { Lang } from "../messages";
import { formatReportText, reportJson } from "../report";
import { BUILTIN_RULE_SETS, loadRuleSet, ruleSetForStamp } from "../rules";
import { excerpt } from "../sanitize";
import type { Hub, Report, RuleSet, Zone } from "../types";
import { parseCliArgs } from "./args";
import { readBytes, runCommand, usage, type Writer } from "./files";
import { hubsFromArgs } from "./hubs";
import { loadEmbeddedSigungu } from "./sigungu-embedded";

/** The options `check` and `report` both take. */
export const CHECK_OPTIONS = {
  rules: { type: "string" },
  hubs: { type: "string", multiple: true },
  "hubs-crs": { type: "string" },
  crs: { type: "string" },
  sido: { type: "string" },
  lang: { type: "string", default: "ko" },
} as const;

export interface CheckValues {
  rules?: string | undefined;
  hubs?: string[] | undefined;
  "hubs-crs"?: string | undefined;
  crs?: string | undefined;
  sido?: string | undefined;
}

export interface Checked {
  bytes: Uint8Array;
  zone: Zone;
  ruleSet: RuleSet;
  report: Report;
  /** The hubs counted (none for `--hubs none`), for the report's parcel map. */
  hubs: readonly Hub[];
}

/** `--rules`, else the rule set the filing is stamped with, else phase-1-2 (FILING.md). */
function ruleSetOf(arg: string | undefined, zone: Zone): RuleSet {
  if (!arg) return ruleSetForStamp(zone.meta.ruleSet, BUILTIN_RULE_SETS);
  if (BUILTIN_RULE_SETS.some((r) => r.id === arg)) return loadRuleSet(arg);
  const text = decodeText(readBytes(arg, "rules"));
  try {
    return loadRuleSet(text);
  } catch (e) {
    // The file's name first, so the line and column point into a file the reviewer can open.
    if (!isFilingError(e)) throw e;
    throw e.inFile(excerpt(arg, 80));
  }
}

/**
 * Reads the filing, rules and hubs the options name and checks the zone. A batch passes the hub
 * index it read once (`undefined` inside the promise for `--hubs none`).
 */
export async function loadAndCheck(
  file: string,
  values: CheckValues,
  hubsRead?: Promise<HubIndex | undefined>,
): Promise<Checked> {
  const bytes = readBytes(file, "filing");
  const zone = await importZone(bytes, file);
  const ruleSet = ruleSetOf(values.rules, zone);
  const hubs = await (hubsRead ?? hubsFromArgs(values.hubs, values["hubs-crs"]));
  loadEmbeddedSigungu();
  const report = checkFiling(zone, {
    ruleSet,
    ...(hubs ? { hubs } : {}),
    ...(values.crs ? { tmCrs: values.crs } : {}),
    ...(values.sido ? { sido: values.sido } : {}),
  });
  return { bytes, zone, ruleSet, report, hubs: hubs?.hubs ?? [] };
}

async function check(args: string[], out: Writer, lang: Lang): Promise<number> {
  const { values, positionals } = parseCliArgs(args, {
    ...CHECK_OPTIONS,
    format: { type: "string", default: "text" },
  });
  const file = positionals[0];
  if (!file) throw usage("FILE_TO_CHECK");
  if (values.format !== "text" && values.format !== "json") {
    throw usage("FORMAT_TEXT_JSON");
  }
  const { report } = await loadAndCheck(file, values);
  out(values.format === "json" ? reportJson(report) : formatReportText(report, lang));
  return report.verdict === "pass" ? 0 : 1;
}

/** Runs `czd check`; resolves to the exit code (0 compliant, 1 not, 2 unusable input). */
export function runCheck(args: string[], out: Writer, err: Writer, lang: Lang): Promise<number> {
  return runCommand(lang, err, () => check(args, out, lang));
}
