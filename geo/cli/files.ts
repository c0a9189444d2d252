/**
 * File and error plumbing shared by `czd convert` and `czd report`: the async commands. They
 * report a FilingError exactly as `czd check` does (one ko / en line, exit 2), and write output
 * only once everything has succeeded, so a failed run leaves no half-written file.
 */
import { readFileSync, writeFileSync } from "node:fs";
import { FilingError, isFilingError } from "../errors";
import type { Lang } from "../messages";

export type Writer = (s: string) => void;

/** The bytes of `path`, or BAD_FILE naming it. */
export function readBytes(path: string, what: { ko: string; en: string }): Uint8Array {
  try {
    return readFileSync(path);
  } catch (e) {
    const reason = e instanceof Error && "code" in e ? String(e.code) : "read error";
    throw new FilingError(
      "BAD_FILE",
      `${what.ko} 파일 '${path}'을(를) 읽을 수 없습니다 (${reason})`,
      `Cannot read ${what.en} file '${path}' (${reason})`,
    );
  }
}

/** Writes `data` to `path`, or BAD_FILE naming it. */
export function writeOutput(path: string, data: Uint8Array | string): void {
  try {
    writeFileSync(path, data);
  } catch (e) {
    const reason = e instanceof Error && "code" in e ? String(e.code) : "write error";
    throw new FilingError(
      "BAD_FILE",
      `출력 파일 '${path}'에 쓸 수 없습니다 (${reason})`,
      `Cannot write the output file '${path}' (${reason})`,
    );
  }
}

export function usage(ko: string, en: string): FilingError {
  return new FilingError("BAD_FILE", `${ko} (czd --help)`, `${en} (czd --help)`);
}

/** Runs an async command; any failure becomes czd check's one-line message and exit 2. */
export async function runCommand(
  lang: Lang,
  err: Writer,
  command: () => Promise<number>,
): Promise<number> {
  try {
    return await command();
  } catch (e) {
    if (isFilingError(e)) {
      err(`czd: ${e.text(lang)}${lang === "ko" ? ` / ${e.en}` : ""}\n`);
      return 2;
    }
    const text = e instanceof Error ? e.message : String(e);
    err(`czd: 처리할 수 없는 입력입니다 / unusable input: ${text}\n`);
    return 2;
  }
}
