/**
 * `czd report <filing> [-o out.html] [--rules …] [--hubs …] [--lang en]`: the reviewer's A4
 * report as one standalone HTML file (report-html.ts), with the SHA-256 of the filing's bytes.
 * Exit codes as `czd check`: 0 compliant, 1 not compliant (the report is written either way),
 * 2 unusable input (nothing written).
 */
import { parseArgs } from "node:util";
import { checkFiling } from "./check";
import { readBytes, runCommand, usage, type Writer, writeOutput } from "./cli-files";
import { indexHubs } from "./hubs";
import { importHubs, importZone } from "./io/registry";
import { decodeText } from "./io/text";
import type { Lang } from "./messages";
import { reportHtml } from "./report-html";
import { loadRuleSet } from "./rules/load";
import { sha256Hex } from "./sha256";

export const REPORT_HELP = `  czd report <filing> [-o report.html] [--rules …] [--hubs …] [--hubs-crs …]
      [--crs EPSG:5186] [--sido KR-xx] [--lang en]   A4 검토 보고서 (HTML) / A4 review report`;

function ruleSetOf(arg: string | undefined) {
  if (!arg || arg === "phase-1-2" || arg === "phase-3") return loadRuleSet(arg ?? "phase-1-2");
  return loadRuleSet(decodeText(readBytes(arg, { ko: "규칙", en: "rules" })));
}

async function report(args: string[], out: Writer, lang: Lang): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: {
      output: { type: "string", short: "o" },
      rules: { type: "string" },
      hubs: { type: "string" },
      "hubs-crs": { type: "string" },
      crs: { type: "string" },
      sido: { type: "string" },
      lang: { type: "string", default: "ko" },
    },
  });
  const file = positionals[0];
  if (!file) throw usage("보고서를 만들 파일을 주십시오", "Give the filing to report on");
  const bytes = readBytes(file, { ko: "지구", en: "filing" });
  const zone = await importZone(bytes, file);
  const ruleSet = ruleSetOf(values.rules);
  const hubsPath = values.hubs;
  const hubs = hubsPath
    ? indexHubs(
        await importHubs(readBytes(hubsPath, { ko: "거점", en: "hub" }), hubsPath, {
          ...(values["hubs-crs"] ? { crs: values["hubs-crs"] } : {}),
        }),
      )
    : undefined;
  const result = checkFiling(zone, {
    ruleSet,
    ...(hubs ? { hubs } : {}),
    ...(values.crs ? { tmCrs: values.crs } : {}),
    ...(values.sido ? { sido: values.sido } : {}),
  });
  const html = reportHtml({
    report: result,
    zone,
    ruleSet,
    fileName: file.split(/[\\/]/).pop() ?? file,
    sha256: await sha256Hex(bytes),
    generatedAt: new Date().toISOString(),
    lang,
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
