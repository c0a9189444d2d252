/**
 * The panel's report: app state, kept beside the store. The check orchestration
 * (src/actions/live-check.ts) writes it as the check Worker answers; the panels read it with
 * useLiveReport and the map's scene through liveReports.
 */
import { useCallback, useEffect, useRef } from "react";
import { useStore } from "zustand";
import { createStore, type StoreApi } from "zustand/vanilla";
import type { Report } from "../../geo/index";

export interface LiveReport {
  /** The last report the Worker gave (null until the first one arrives). */
  report: Report | null;
  /** The zone changed since `report` was made: a newer one is on its way. */
  checking: boolean;
}

export type LiveReportStore = StoreApi<LiveReport>;

export function createLiveReportStore(): LiveReportStore {
  return createStore<LiveReport>(() => ({ report: null, checking: true }));
}

/** The app's one live report. */
export const liveReportStore = createLiveReportStore();

export function useLiveReport<T>(select: (r: LiveReport) => T): T {
  return useStore(liveReportStore, select);
}

/** A live report as the map's scene reads it (the inferred circle). */
export function reportSource(reports: LiveReportStore): {
  get: () => Report | null;
  subscribe: (listener: () => void) => () => void;
} {
  return {
    get: () => reports.getState().report,
    subscribe: (listener) => reports.subscribe(listener),
  };
}

/** The app's live report for the map's scene. */
export const liveReports = reportSource(liveReportStore);

/**
 * A ref that keeps the element's data-checking attribute equal to the live report's `checking`,
 * set directly rather than by a render: a drag's every move would otherwise render the panel
 * twice (checking, then the report).
 */
export function useCheckingAttribute(): (el: HTMLElement | null) => void {
  const el = useRef<HTMLElement | null>(null);
  useEffect(
    () =>
      liveReportStore.subscribe((r) =>
        el.current?.setAttribute("data-checking", String(r.checking)),
      ),
    [],
  );
  return useCallback((node: HTMLElement | null) => {
    el.current = node;
    node?.setAttribute("data-checking", String(liveReportStore.getState().checking));
  }, []);
}
