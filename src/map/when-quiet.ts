/** Run `fn` when the page is idle (at most 2 s on), or in a second where the browser can't say. */
export function whenQuiet(fn: () => void): void {
  if (typeof requestIdleCallback === "function") requestIdleCallback(fn, { timeout: 2000 });
  else setTimeout(fn, 1000);
}
