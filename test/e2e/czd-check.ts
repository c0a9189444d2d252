/** `czd check` run in-process on a file a browser test saved: the reviewer's view of an export. */

import { expect } from "vitest";
import type { Report } from "../../geo/index";
import { runMain } from "../support/czd";

/** The JSON report `czd check <path> --format json` prints, with its exit code. */
export async function czdCheckJson(
  path: string,
  extraArgs: string[] = [],
): Promise<{ code: number; report: Report }> {
  const { code, stdout, stderr } = await runMain("check", path, "--format", "json", ...extraArgs);
  if (code !== 0 && code !== 1) throw new Error(`czd check exited ${code}: ${stderr}`);
  return { code, report: JSON.parse(stdout) as Report };
}

/**
 * `czd check` on an export, with no options (its defaults: the stamped rule set, the embedded
 * 혁신도시), gives exactly the export's own embedded report, field by field.
 */
export async function expectCheckedAsEmbedded(path: string, filing: unknown): Promise<void> {
  const czd = (filing as { czd?: { ruleSet?: string; report?: Report } }).czd;
  if (!czd?.report || !czd.ruleSet) throw new Error(`${path}: no embedded report`);
  const { report } = await czdCheckJson(path);
  expect(report).toEqual(czd.report);
}
