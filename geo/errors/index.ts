/**
 * Input that can't be used. A FilingError is data, `{ code, params }` (params.ts), raised where
 * the problem is found; its sentence comes from one table a language (ko.ts, en.ts), rendered
 * at the edge: the CLI writes one ko / en line to stderr and exits 2, the app shows the UI
 * language and keeps what the planner drew. docs/errors.md walks through adding one.
 */
import { oneLine } from "../sanitize";
import { en } from "./en";
import { ko } from "./ko";
import type { ErrorData, ErrorSentences, FilingErrorCode } from "./params";

export {
  type ErrorData,
  type ErrorParams,
  type ErrorSentences,
  FILING_ERROR_CODES,
  type FilingErrorCode,
  type ParamsOf,
} from "./params";

/** The message tables, one a language. */
export const ERROR_SENTENCES: { ko: ErrorSentences; en: ErrorSentences } = { ko, en };

/**
 * The one line an error reads as in `lang`: its sentence, after the file it is about when the
 * sentence doesn't name it, cut to one safe line whatever the input held.
 */
export function errorText(data: ErrorData, lang: "ko" | "en" = "ko"): string {
  const table = ERROR_SENTENCES[lang][data.code] as Record<string, (p: unknown) => string>;
  const sentence = table[data.params.kind];
  if (!sentence) throw new Error(`no ${lang} sentence for ${data.code}/${data.params.kind}`);
  const body = oneLine(sentence(data.params));
  return data.file === undefined ? body : oneLine(`'${data.file}': ${body}`);
}

export class FilingError extends Error {
  readonly data: ErrorData;

  constructor(data: ErrorData) {
    super(errorText(data, "en"));
    this.name = "FilingError";
    this.data = data;
  }

  get code(): FilingErrorCode {
    return this.data.code;
  }

  /**
   * The file this error is about, if it names one: in front of its sentence or as the sentence's
   * own `file` param (never looked for in the text).
   */
  get file(): string | undefined {
    const own = (this.data.params as { file?: unknown }).file;
    return this.data.file ?? (typeof own === "string" ? own : undefined);
  }

  get ko(): string {
    return errorText(this.data, "ko");
  }

  get en(): string {
    return errorText(this.data, "en");
  }

  /** The message in the asked language. */
  text(lang: "ko" | "en" = "ko"): string {
    return errorText(this.data, lang);
  }

  /**
   * Whether the error already names `thing` (a file, a rule set id): as the file it is about or
   * as one of its params, so a caller adds the name only when it is missing. The one kind made
   * of two finished sentences (TEXT, a "no proposal" from the firms Worker) is searched.
   */
  names(thing: string): boolean {
    if (this.file === thing) return true;
    const params = this.data.params;
    return Object.values(params).some((v) => v === thing);
  }

  /** This error about `file` (written in front of the sentence); one already about a file stays. */
  inFile(file: string): FilingError {
    return this.file === undefined ? new FilingError({ ...this.data, file }) : this;
  }

  /**
   * This error as a reader of the whole file would raise it, when it came from a part of it
   * that starts `lines` lines and `records` records in: its `line` and `record` params moved on.
   */
  movedOn(by: { lines: number; records: number }): FilingError {
    const params: Record<string, unknown> = { ...this.data.params };
    if (typeof params.line === "number") params.line += by.lines;
    if (typeof params.record === "number") params.record += by.records;
    return new FilingError({ ...this.data, params } as ErrorData);
  }
}

export function isFilingError(e: unknown): e is FilingError {
  return e instanceof FilingError;
}
