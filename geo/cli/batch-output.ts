/** The batch in the asked format, with its exit code: one place for `czd check`'s four forms. */
import type { Lang } from "../messages";
import {
  type BatchEntry,
  batchCsv,
  batchExitCode,
  batchHtml,
  batchJson,
  batchText,
  sidoCapSentence,
  sidoCapTotals,
} from "../report";

export const BATCH_FORMATS = ["text", "json", "csv", "html"] as const;
export type BatchFormat = (typeof BATCH_FORMATS)[number];

/**
 * The output and exit code: 2 if a file can't be read, else 1 if a filing fails or the zones of
 * a 시·도 together pass a cap over several zones (`capScope: "sido"`), else 0.
 */
export function batchOutput(
  entries: readonly BatchEntry[],
  format: BatchFormat,
  lang: Lang,
  generatedAt = new Date().toISOString(),
): { text: string; code: number } {
  const caps = sidoCapTotals(entries);
  const code = batchExitCode(
    entries.map((e) => e.row),
    caps.filter((c) => c.overKm2 > 0).length,
  );
  const notes = caps.map((c) => sidoCapSentence(c, lang));
  if (format === "json") {
    return { text: batchJson(entries, caps.length ? { sidoCaps: caps } : {}), code };
  }
  if (format === "csv") return { text: batchCsv(entries, lang), code };
  if (format === "html") return { text: batchHtml({ entries, lang, generatedAt, notes }), code };
  return { text: batchText(entries, lang, notes), code };
}
