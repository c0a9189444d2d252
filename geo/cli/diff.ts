/**
 * `czd diff <old> <new> [--format text|json|html] [-o out]`: what a 지구 변경 changes (geo/diff),
 * both versions checked with the same options as `czd check`. Exit 0 with the comparison, 2 if
 * either file can't be used (one line naming it, nothing written).
 */
import { diffZones } from "../diff";
import type { Lang } from "../messages";
import { diffHtml, formatDiffText, sha256Hex } from "../report";
import { parseCliArgs } from "./args";
import { CHECK_OPTIONS, loadAndCheck } from "./check";
import { runCommand, usage, type Writer, writeOutput } from "./files";

export const DIFF_HELP = `  czd diff <old> <new> [--format text|json|html] [-o out] [--rules …] [--hubs …]
      지구 변경 비교 (추가·삭제·변경 구역, 필지, 면적, 지정 범위, 거점, 판정) / what a zone change changes`;

const FORMATS = ["text", "json", "html"];

async function diff(args: string[], out: Writer, lang: Lang): Promise<number> {
  const { values, positionals } = parseCliArgs(args, {
    ...CHECK_OPTIONS,
    format: { type: "string", default: "text" },
    output: { type: "string", short: "o" },
  });
  const [oldFile, newFile, extra] = positionals;
  if (!oldFile || !newFile || extra) {
    throw usage("TWO_FILES");
  }
  if (!FORMATS.includes(values.format ?? "")) {
    throw usage("FORMAT_DIFF");
  }
  const a = await loadAndCheck(oldFile, values);
  const b = await loadAndCheck(newFile, values);
  const older = { file: oldFile, zone: a.zone, report: a.report };
  const newer = { file: newFile, zone: b.zone, report: b.report };
  const result = diffZones(older, newer);
  let text: string;
  if (values.format === "json") text = `${JSON.stringify(result, null, 2)}\n`;
  else if (values.format === "html") {
    text = diffHtml({
      older: { ...older, sha256: await sha256Hex(a.bytes) },
      newer: { ...newer, sha256: await sha256Hex(b.bytes) },
      diff: result,
      generatedAt: new Date().toISOString(),
      lang,
    });
  } else text = formatDiffText(result, lang);
  if (values.output) writeOutput(values.output, text);
  else out(text);
  return 0;
}

/** Runs `czd diff`; resolves to the exit code (0 compared, 2 unusable input). */
export function runDiff(args: string[], out: Writer, err: Writer, lang: Lang): Promise<number> {
  return runCommand(lang, err, () => diff(args, out, lang));
}
