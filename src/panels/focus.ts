/**
 * Where focus goes when the control holding it goes away (a closed dialog, a deleted row, a
 * button that disables itself): back to `target` if it is still usable, else the first usable of
 * `fallbacks`, else the map; never left on <body>, where a keyboard user loses their place.
 */

function usable(el: Element | null): el is HTMLElement {
  if (!(el instanceof HTMLElement) || !el.isConnected) return false;
  if ((el as HTMLButtonElement).disabled) return false;
  if (el.closest("[inert]")) return false;
  return el.getClientRects().length > 0;
}

/** The map's canvas (MapLibre makes it focusable), the last resort. */
const MAP = ".map canvas";

export function focusOrFallback(
  target: Element | null,
  ...fallbacks: (string | undefined)[]
): void {
  // After React has committed what the action changed (a row removed, a button disabled).
  queueMicrotask(() => {
    const tryFocus = (el: Element | null): boolean => {
      if (!usable(el)) return false;
      el.focus();
      return document.activeElement === el;
    };
    if (tryFocus(target)) return;
    for (const selector of [...fallbacks, MAP]) {
      if (selector && tryFocus(document.querySelector(selector))) return;
    }
  });
}

const TABBABLE =
  "a[href], button, input:not([type='radio']), input[type='radio']:checked, select, textarea, [tabindex]:not([tabindex='-1'])";

/** Tab and Shift+Tab wrap around inside a modal (the browser would let focus leave the page). */
export function wrapTab(container: HTMLElement, e: KeyboardEvent): void {
  if (e.key !== "Tab") return;
  const stops = [...container.querySelectorAll<HTMLElement>(TABBABLE)].filter(
    (el) => !(el as HTMLButtonElement).disabled && el.getClientRects().length > 0,
  );
  const [first, last] = [stops[0], stops[stops.length - 1]];
  if (!first || !last) return;
  const inside = container.contains(document.activeElement);
  if (!e.shiftKey && (document.activeElement === last || !inside)) {
    e.preventDefault();
    first.focus();
  } else if (e.shiftKey && (document.activeElement === first || !inside)) {
    e.preventDefault();
    last.focus();
  }
}
