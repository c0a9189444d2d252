/** The batch in the asked format, with its exit code: one place for `czd check`'s four forms. */
import type { Lang } from "../messages";
import {
  type BatchEntry,
  batchCsv,
  batchExitCode,
  batchHtml,
  batchJson,
  batchText,
} from "../report";

export const BATCH_FORMATS = ["text", "json", "csv", "html"] as const;
export type BatchFormat = (typeof BATCH_FORMATS)[number];

export function batchOutput(
  entries: readonly BatchEntry[],
  format: BatchFormat,
  lang: Lang,
  generatedAt = new Date().toISOString(),
): { text: string; code: number } {
  const code = batchExitCode(entries.map((e) => e.row));
  if (format === "json") return { text: batchJson(entries), code };
  if (format === "csv") return { text: batchCsv(entries, lang), code };
  if (format === "html") return { text: batchHtml({ entries, lang, generatedAt }), code };
  return { text: batchText(entries, lang), code };
}
