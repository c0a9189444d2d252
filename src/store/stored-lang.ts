/**
 * The planner's language as kept in this browser: a module of its own, so the page's first
 * script (src/first-screen.ts) reads it without carrying the store's UI slice, which the app's
 * chunks bring.
 */
import type { AppState } from "./types";

/** The planner's language, kept across reloads in this browser (not part of the project). */
export const LANG_KEY = "czd.lang";

export function storedLang(): AppState["lang"] {
  try {
    return globalThis.localStorage?.getItem(LANG_KEY) === "en" ? "en" : "ko";
  } catch {
    // Storage refused (privacy settings): Korean, as on a first visit.
    return "ko";
  }
}
