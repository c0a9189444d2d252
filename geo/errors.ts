/**
 * Input that can't be used. The CLI maps every FilingError to exit 2 with one line on stderr;
 * the app shows `ko` (or `en`) and keeps what the planner drew.
 */
import { oneLine } from "./sanitize";

export const FILING_ERROR_CODES = [
  "NOT_JSON",
  "NOT_GEOJSON",
  "EMPTY",
  "NO_PARCEL",
  "BAD_COORDINATES",
  "UNKNOWN_CRS",
  "NOT_LONLAT",
  "BAD_ENVELOPE",
  "BAD_RULES",
  "BAD_HUBS",
  "BAD_FILE",
  "UNKNOWN_SIDO",
] as const;
export type FilingErrorCode = (typeof FILING_ERROR_CODES)[number];

export class FilingError extends Error {
  readonly code: FilingErrorCode;
  readonly ko: string;
  readonly en: string;

  constructor(code: FilingErrorCode, ko: string, en: string) {
    // Messages quote input (a crs name, a file name): one safe line, whatever the input held.
    super(oneLine(en));
    this.name = "FilingError";
    this.code = code;
    this.ko = oneLine(ko);
    this.en = oneLine(en);
  }

  /** The message in the asked language. */
  text(lang: "ko" | "en" = "ko"): string {
    return lang === "en" ? this.en : this.ko;
  }
}

export function isFilingError(e: unknown): e is FilingError {
  return e instanceof FilingError;
}
