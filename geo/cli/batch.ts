/**
 * `czd check a.geojson b.zip …`: every filing checked (a file that can't be read is listed with
 * its message and the others still checked), one row a filing, then each report; text, JSON,
 * CSV or A4 HTML. Exit 0 only if every filing complies, 1 if any does not, 2 if any can't be
 * read (FILING.md "Reviewing many filings"). One file with text or JSON is `czd check` as it
 * always was, byte for byte.
 */
import { errorText, isFilingError } from "../errors";
import type { Lang } from "../messages";
import { type BatchEntry, batchRowOf, sha256Hex } from "../report";
import { parseCliArgs } from "./args";
import { BATCH_FORMATS, type BatchFormat, batchOutput } from "./batch-output";
import { checkOnWorkers, workerCount } from "./batch-pool";
import { CHECK_OPTIONS, type CheckValues, loadAndCheck, runCheck } from "./check";
import { runCommand, usage, type Writer } from "./files";
import { hubsFromArgs } from "./hubs";

export const BATCH_HELP = `  czd check <filing> [<filing> …] [--format text|json|csv|html] [--jobs N]
      여러 신청서를 한 표로 / several filings in one table (exit 0 all comply, 1 any not, 2 any unreadable;
      --jobs: 작업 스레드 수, 1이면 하나씩 / worker threads, 1 for one at a time)`;

const BATCH_OPTIONS = {
  ...CHECK_OPTIONS,
  format: { type: "string", default: "text" },
  jobs: { type: "string" },
} as const;

/** One filing's entry, named in the table as the reviewer typed it; a bad file becomes its message. */
async function checkOne(
  file: string,
  values: CheckValues,
  hubs: ReturnType<typeof hubsFromArgs>,
): Promise<BatchEntry> {
  try {
    const checked = await loadAndCheck(file, values, hubs);
    const { bytes, zone, ruleSet, report } = checked;
    return {
      row: batchRowOf(file, zone.meta.name, report),
      checked: { report, zone, ruleSet, sha256: await sha256Hex(bytes), hubs: checked.hubs },
    };
  } catch (e) {
    const message = isFilingError(e)
      ? { ko: errorText(e.data, "ko"), en: errorText(e.data, "en") }
      : {
          ko: `처리할 수 없는 입력입니다: ${e instanceof Error ? e.message : String(e)}`,
          en: `unusable input: ${e instanceof Error ? e.message : String(e)}`,
        };
    return { row: { file, ok: false, message } };
  }
}

/**
 * One hub index a thread: the hub layer is read and indexed once for the batch (or a worker),
 * not once a filing. A bad hub file is the batch's own error (exit 2), as for one filing.
 */
let threadHubs: { key: string; hubs: ReturnType<typeof hubsFromArgs> } | undefined;
function hubsFor(values: CheckValues): ReturnType<typeof hubsFromArgs> {
  const key = JSON.stringify([values.hubs, values["hubs-crs"]]);
  if (threadHubs?.key !== key)
    threadHubs = { key, hubs: hubsFromArgs(values.hubs, values["hubs-crs"]) };
  return threadHubs.hubs;
}

/** One filing's entry with the thread's hub index (what a batch worker runs). */
export async function checkFileEntry(file: string, values: CheckValues): Promise<BatchEntry> {
  return checkOne(file, values, hubsFor(values));
}

/**
 * Checks the files (on worker threads where that helps, batch-pool.ts), entries in the files'
 * order, reporting progress after each.
 */
export async function checkFiles(
  files: readonly string[],
  values: CheckValues,
  progress: (done: number, total: number) => void = () => {},
  jobs?: number,
): Promise<BatchEntry[]> {
  await hubsFor(values);
  const workers = workerCount(files.length, jobs);
  if (workers > 0) return checkOnWorkers(files, values, workers, progress);
  const entries: BatchEntry[] = [];
  for (const file of files) {
    entries.push(await checkFileEntry(file, values));
    progress(entries.length, files.length);
  }
  return entries;
}

async function batch(args: string[], out: Writer, err: Writer, lang: Lang): Promise<number> {
  const { values, positionals } = parseCliArgs(args, BATCH_OPTIONS);
  const format = values.format as BatchFormat;
  const jobs = values.jobs === undefined ? undefined : Number(values.jobs);
  if (jobs !== undefined && !(Number.isInteger(jobs) && jobs >= 1 && jobs <= 64)) {
    throw usage("JOBS");
  }
  if (!BATCH_FORMATS.includes(format)) {
    throw usage("FORMAT_BATCH");
  }
  if (positionals.length === 0) throw usage("FILES_TO_CHECK");
  const tty = process.stderr.isTTY === true;
  const progress = (done: number, total: number): void => {
    if (!tty) return;
    err(done < total ? `\r${lang === "en" ? "checking" : "검사 중"} ${done}/${total}` : "\r\x1b[K");
  };
  const entries = await checkFiles(positionals, values, progress, jobs);
  for (const e of entries) {
    if (!e.row.ok)
      err(`czd: ${e.row.message[lang]}${lang === "ko" ? ` / ${e.row.message.en}` : ""}\n`);
  }
  const { text, code } = batchOutput(entries, format, lang);
  out(text);
  return code;
}

/**
 * `czd check`: one filing as always (text or JSON); several, or `--format csv|html`, as a batch.
 */
export function runChecks(args: string[], out: Writer, err: Writer, lang: Lang): Promise<number> {
  let positionals: string[] = [];
  let format = "text";
  try {
    const parsed = parseCliArgs(args, BATCH_OPTIONS);
    positionals = parsed.positionals;
    format = String(parsed.values.format);
  } catch {
    return runCheck(args, out, err, lang);
  }
  if (positionals.length <= 1 && (format === "text" || format === "json")) {
    // --jobs means nothing for one file: it is dropped rather than refused.
    const k = args.indexOf("--jobs");
    const single = k < 0 ? args : [...args.slice(0, k), ...args.slice(k + 2)];
    return runCheck(
      single.filter((a) => !a.startsWith("--jobs=")),
      out,
      err,
      lang,
    );
  }
  return runCommand(lang, err, () => batch(args, out, err, lang));
}
