/**
 * File and error plumbing shared by `czd convert` and `czd report`: the async commands. They
 * report a FilingError exactly as `czd check` does (one ko / en line, exit 2), and write output
 * only once everything has succeeded, so a failed run leaves no half-written file.
 */
import { closeSync, openSync, readFileSync, readSync, writeFileSync } from "node:fs";
import { FilingError, isFilingError } from "../errors";
import type { Lang } from "../messages";

export type Writer = (s: string) => void;

/** BAD_FILE naming the file that could not be read, and why. */
function cannotRead(path: string, what: { ko: string; en: string }, e: unknown): FilingError {
  const reason = e instanceof Error && "code" in e ? String(e.code) : "read error";
  return new FilingError(
    "BAD_FILE",
    `${what.ko} 파일 '${path}'을(를) 읽을 수 없습니다 (${reason})`,
    `Cannot read ${what.en} file '${path}' (${reason})`,
  );
}

/** The bytes of `path`, or BAD_FILE naming it. */
export function readBytes(path: string, what: { ko: string; en: string }): Uint8Array {
  try {
    return readFileSync(path);
  } catch (e) {
    throw cannotRead(path, what, e);
  }
}

/**
 * The bytes of `path` a megabyte at a time, for readers that take a file in a stream (firms):
 * each call reads the file again from its start. BAD_FILE naming it when it can't be opened.
 */
export function fileChunks(
  path: string,
  what: { ko: string; en: string },
): () => Iterable<Uint8Array> {
  const open = (): number => {
    try {
      return openSync(path, "r");
    } catch (e) {
      throw cannotRead(path, what, e);
    }
  };
  closeSync(open());
  return function* () {
    const fd = open();
    try {
      for (;;) {
        const chunk = new Uint8Array(1 << 20);
        let n: number;
        try {
          n = readSync(fd, chunk, 0, chunk.length, null);
        } catch (e) {
          throw cannotRead(path, what, e);
        }
        if (n === 0) return;
        yield n === chunk.length ? chunk : chunk.subarray(0, n);
      }
    } finally {
      closeSync(fd);
    }
  };
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
