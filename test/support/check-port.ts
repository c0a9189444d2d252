/**
 * The app's checks under Node: the check Worker's own engine (src/workers/check-engine.ts) run
 * in-process behind a CheckPort, loading the boundary files from public/data, so the tests take
 * the route the app takes (store → LiveChecks → CheckClient → engine → live report).
 */
import { readFile } from "node:fs/promises";
import { join } from "node:path";
import type { Report } from "../../geo/index";
import { committedReport, startLiveChecks } from "../../src/actions/live-check";
import { createLiveReportStore, type LiveReportStore } from "../../src/store/live-report";
import type { AppStore } from "../../src/store/store";
import type { CheckPort } from "../../src/workers/check-client";
import { CheckEngine } from "../../src/workers/check-engine";
import { ROOT } from "./paths";

/** A CheckPort whose "Worker" is a CheckEngine on this thread, answering in a later task. */
export function inProcessPort(): CheckPort {
  let alive = true;
  const engine = new CheckEngine(
    async (url) => JSON.parse(await readFile(join(ROOT, "public", url), "utf8")),
    (message) => {
      if (alive) setTimeout(() => alive && port.onmessage?.({ data: message }), 0);
    },
  );
  const port: CheckPort = {
    postMessage: (message) => {
      setTimeout(() => alive && void engine.handle(message), 0);
    },
    onmessage: null,
    onerror: null,
    terminate: () => {
      alive = false;
    },
  };
  return port;
}

export interface TestChecks {
  reports: LiveReportStore;
  /** The live report once it is of the store as it is now (the panel's figures). */
  live: () => Promise<Report>;
  /** The committed report of the active zone (what an export writes). */
  committed: () => Promise<Report>;
  stop: () => void;
}

/**
 * Starts the app's checks (startLiveChecks, as main.tsx does) on `store` with the in-process
 * engine (or the Workers `spawn` gives), so the app's committedReport and zoneReport answer for
 * it too.
 */
export function startTestChecks(
  store: AppStore,
  spawn: () => CheckPort = inProcessPort,
): TestChecks {
  const reports = createLiveReportStore();
  const stop = startLiveChecks(store, {
    spawn,
    setup: { sidoUrl: "data/sido.json", sigunguUrl: "data/sigungu.json" },
    reports,
    // Never replace the engine for a superseded check: it runs to its end in this thread.
    graceMs: 60_000,
  });
  const live = () =>
    new Promise<Report>((resolve) => {
      const settled = () => {
        const { report, checking } = reports.getState();
        if (!report || checking) return;
        off();
        resolve(report);
      };
      const off = reports.subscribe(settled);
      settled();
    });
  return { reports, live, committed: () => committedReport(store.getState()), stop };
}
