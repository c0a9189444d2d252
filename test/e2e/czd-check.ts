/** `czd check` run in-process on a file a browser test saved: the reviewer's view of an export. */

import { expect } from "vitest";
import { main } from "../../geo/cli";
import type { Report } from "../../geo/index";

/** The JSON report `czd check <path> --format json` prints, with its exit code. */
export async function czdCheckJson(
  path: string,
  extraArgs: string[] = [],
): Promise<{ code: number; report: Report }> {
  let stdout = "";
  let stderr = "";
  const code = await main(
    ["check", path, "--format", "json", ...extraArgs],
    (s) => {
      stdout += s;
    },
    (s) => {
      stderr += s;
    },
  );
  if (code !== 0 && code !== 1) throw new Error(`czd check exited ${code}: ${stderr}`);
  return { code, report: JSON.parse(stdout) as Report };
}

/** The parts of two reports that a filing's numbers are judged by: area, parcels, verdict. */
export function reportFigures(r: Report) {
  return {
    totalKm2: r.area.totalKm2,
    parcels: r.area.parcels.map((p) => ({ id: p.id, km2: p.km2 })),
    verdict: r.verdict,
  };
}

/**
 * `czd check` on an export gives the export's own embedded report (area, parcels, verdict). The
 * rule set is named as stamped and the embedded 혁신도시 as the hub file, so this holds whatever
 * the CLI's defaults are.
 */
export async function expectCheckedAsEmbedded(path: string, filing: unknown): Promise<void> {
  const czd = (filing as { czd?: { ruleSet?: string; report?: Report } }).czd;
  if (!czd?.report || !czd.ruleSet) throw new Error(`${path}: no embedded report`);
  const args = ["--rules", czd.ruleSet, "--hubs", "public/data/innovation-cities.geojson"];
  const { report } = await czdCheckJson(path, args);
  expect(reportFigures(report)).toEqual(reportFigures(czd.report));
}
