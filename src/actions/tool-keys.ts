/**
 * One-key tool shortcuts: P polygon, C circle, R rectangle, V select (by the key's place on the
 * keyboard, so they work in the Korean layout too), Esc puts the tool down. Never while typing in
 * a field, with a modifier held, or while a shape is being drawn or dragged (the key would drop it).
 */

import type { AppStore } from "../store/store";
import type { ToolId } from "../store/vocabulary";
import { sketchInProgress } from "./actions";

export const TOOL_KEYS: readonly { code: string; key: string; tool: ToolId }[] = [
  { code: "KeyP", key: "P", tool: "parcel-polygon" },
  { code: "KeyC", key: "C", tool: "parcel-circle" },
  { code: "KeyR", key: "R", tool: "parcel-rectangle" },
  { code: "KeyV", key: "V", tool: "select" },
];

export function isTyping(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  return /^(INPUT|SELECT|TEXTAREA)$/.test(target.tagName) || target.isContentEditable;
}

/** Handles a key press; true when it chose a tool (the caller then stops the key there). */
export function toolKey(store: AppStore, e: KeyboardEvent): boolean {
  if (e.ctrlKey || e.metaKey || e.altKey || e.repeat || isTyping(e.target)) return false;
  const s = store.getState();
  if (s.reviewing || s.preview !== null || sketchInProgress(store)) return false;
  if (e.key === "Escape") {
    if (s.tool === "none") return false;
    s.setTool("none");
    return true;
  }
  const hit = TOOL_KEYS.find((k) => k.code === e.code);
  if (!hit) return false;
  s.setTool(hit.tool);
  return true;
}
