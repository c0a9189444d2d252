/**
 * File and error plumbing shared by `czd convert` and `czd report`: the async commands. They
 * report a FilingError exactly as `czd check` does (one ko / en line, exit 2), and write output
 * only once everything has succeeded, so a failed run leaves no half-written file.
 */
import { closeSync, openSync, readFileSync, readSync, writeFileSync } from "node:fs";
import { errorText, FilingError, isFilingError } from "../errors";
import type { FileRole, UsageProblem } from "../errors/params";
import type { Lang } from "../messages";

export type Writer = (s: string) => void;

/** BAD_FILE naming the file that could not be read, and why. */
function cannotRead(path: string, role: FileRole, e: unknown): FilingError {
  const reason = e instanceof Error && "code" in e ? String(e.code) : "read error";
  return new FilingError({
    code: "BAD_FILE",
    params: { kind: "CLI_CANNOT_READ", role, path, reason },
  });
}

/** The bytes of `path`, or BAD_FILE naming it. */
export function readBytes(path: string, role: FileRole): Uint8Array {
  try {
    return readFileSync(path);
  } catch (e) {
    throw cannotRead(path, role, e);
  }
}

/**
 * The bytes of `path` a megabyte at a time, for readers that take a file in a stream (firms):
 * each call reads the file again from its start. BAD_FILE naming it when it can't be opened.
 */
export function fileChunks(path: string, role: FileRole): () => Iterable<Uint8Array> {
  const open = (): number => {
    try {
      return openSync(path, "r");
    } catch (e) {
      throw cannotRead(path, role, e);
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
          throw cannotRead(path, role, e);
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
    throw new FilingError({ code: "BAD_FILE", params: { kind: "CLI_CANNOT_WRITE", path, reason } });
  }
}

/** A usage mistake, its sentence followed by "(czd --help)". */
export function usage(problem: UsageProblem): FilingError {
  return new FilingError({ code: "BAD_FILE", params: { kind: "CLI_USAGE", problem } });
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
      // The edge: the sentence tables render the error, Korean then English (or English alone).
      const en = errorText(e.data, "en");
      err(`czd: ${lang === "en" ? en : `${errorText(e.data, "ko")} / ${en}`}\n`);
      return 2;
    }
    const text = e instanceof Error ? e.message : String(e);
    err(`czd: 처리할 수 없는 입력입니다 / unusable input: ${text}\n`);
    return 2;
  }
}
