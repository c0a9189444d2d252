/**
 * One-key tool shortcuts: P polygon, C circle, R rectangle, V select (by the key's place on the
 * keyboard, so they work in the Korean layout too), Esc puts the tool down. Only while the map
 * has focus and the planner has not turned them off (WCAG 2.1.4: a `c` typed on a toolbar button
 * must not switch tools); never with a modifier held, or while a shape is being drawn or dragged
 * (the key would drop it).
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
  // No DOM (the store driven from a Node test): nothing is being typed.
  if (typeof HTMLElement === "undefined" || !(target instanceof HTMLElement)) return false;
  return /^(INPUT|SELECT|TEXTAREA)$/.test(target.tagName) || target.isContentEditable;
}

/** Whether the key was pressed on the map (its canvas or controls). */
export function onMap(target: EventTarget | null): boolean {
  return target instanceof Element && target.closest('[data-testid="map"]') !== null;
}

/** Handles a key press; true when it chose a tool (the caller then stops the key there). */
export function toolKey(store: AppStore, e: KeyboardEvent): boolean {
  if (e.ctrlKey || e.metaKey || e.altKey || e.repeat || isTyping(e.target)) return false;
  const s = store.getState();
  if (!s.shortcutsOn || !onMap(e.target)) return false;
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
