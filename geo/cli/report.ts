/**
 * `czd report <filing> [-o out.html] [--rules …] [--hubs …] [--lang en]`: the reviewer's A4
 * report as one standalone HTML file (report/html.ts), with the SHA-256 of the filing's bytes.
 * Exit codes as `czd check`: 0 compliant, 1 not compliant (the report is written either way),
 * 2 unusable input (nothing written).
 */
import type { Lang } from "../messages";
import { reportHtml, sha256Hex } from "../report";
import { parseCliArgs } from "./args";
import { CHECK_OPTIONS, loadAndCheck } from "./check";
import { runCommand, usage, type Writer, writeOutput } from "./files";
import { josoAppendix } from "./parcels";

export const REPORT_HELP = `  czd report <filing> [-o report.html] [--rules …] [--hubs …] [--hubs-crs …]
      [--crs EPSG:5186] [--sido KR-xx] [--lang en]   A4 검토 보고서 (HTML) / A4 review report
      [--cadastre <LSMD_CONT_LDREG_….zip|.shp>]   부록: 지번 조서 / appendix: parcel schedule`;

async function report(args: string[], out: Writer, lang: Lang): Promise<number> {
  const { values, positionals } = parseCliArgs(args, {
    ...CHECK_OPTIONS,
    output: { type: "string", short: "o" },
    cadastre: { type: "string", multiple: true },
  });
  const file = positionals[0];
  if (!file) throw usage("FILE_TO_REPORT");
  const { bytes, zone, ruleSet, report: result, hubs } = await loadAndCheck(file, values);
  const html = reportHtml({
    report: result,
    zone,
    ruleSet,
    fileName: file.split(/[\\/]/).pop() ?? file,
    sha256: await sha256Hex(bytes),
    generatedAt: new Date().toISOString(),
    lang,
    hubs,
    ...(values.cadastre?.length ? { appendixHtml: josoAppendix(zone, values.cadastre, lang) } : {}),
  });
  if (values.output) writeOutput(values.output, html);
  else out(html);
  return result.verdict === "pass" ? 0 : 1;
}

/** Runs `czd report`; resolves to the exit code. */
export function runReport(args: string[], out: Writer, err: Writer): Promise<number> {
  const lang: Lang = args.includes("en") && args.includes("--lang") ? "en" : "ko";
  return runCommand(lang, err, () => report(args, out, lang));
}
