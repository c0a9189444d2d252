/**
 * MapLibre 6 looks for its worker next to its own module; once bundled that file is not there,
 * so the worker ships as a build asset and MapLibre is told where it is.
 */
import { setWorkerUrl } from "maplibre-gl";
import workerUrl from "maplibre-gl/dist/maplibre-gl-worker.mjs?url";

setWorkerUrl(workerUrl);

/**
 * Resolves once the page has fetched MapLibre's worker script (its resource timing entry is in),
 * or after `waitMs` whatever happened (a browser without resource timing, a script from cache
 * that reports nothing). Requests made after it no longer queue ahead of it.
 */
export function workerScriptFetched(waitMs: number): Promise<void> {
  return new Promise((done) => {
    const href = new URL(workerUrl, document.baseURI).href;
    const timer = setTimeout(finish, waitMs);
    let observer: PerformanceObserver | null = null;
    function finish() {
      clearTimeout(timer);
      observer?.disconnect();
      done();
    }
    if (typeof PerformanceObserver === "undefined") return;
    observer = new PerformanceObserver((list) => {
      if (list.getEntries().some((e) => e.name === href)) finish();
    });
    observer.observe({ type: "resource", buffered: true });
  });
}
