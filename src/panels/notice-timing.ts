/**
 * How long a notice stays before it goes by itself: long enough to read it (a base and a little
 * more a character), never forever. An error, and a notice marked to stay (another tab's edit
 * resolved against this one's), stays until the planner closes it.
 */
import type { Notice } from "../store/types";

export const NOTICE_MIN_MS = 5000;
export const NOTICE_MAX_MS = 15000;
const MS_PER_CHAR = 60;

/** Milliseconds until the notice is dismissed, or null when it stays until closed. */
export function noticeLifetimeMs(notice: Notice, text: string): number | null {
  if (notice.kind === "error" || notice.stay) return null;
  return Math.min(NOTICE_MAX_MS, Math.max(NOTICE_MIN_MS, 3000 + MS_PER_CHAR * text.length));
}
