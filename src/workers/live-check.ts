/**
 * The app's checks, run by the check Worker: the panel's live report (of the zone as edited,
 * with a drag's preview) and the committed report an export or a review awaits, of exactly the
 * geometry it writes. Where there is no Worker (unit tests under Node) the same reports come
 * from the store's synchronous derive path.
 */
import { useCallback, useEffect, useRef } from "react";
import { useStore } from "zustand";
import { createStore } from "zustand/vanilla";
import {
  checkFiling,
  FilingError,
  isUnknownRuleSet,
  type Report,
  type RuleSet,
  type Zone,
} from "../../geo/index";
import {
  markReportOf,
  ruleSetFor,
  selectCommittedReport,
  selectHubIndex,
  toGeoZone,
  visibleHubSources,
} from "../store/derive";
import { type AppStore, activeZone } from "../store/store";
import type { AppState, HubLayer, ZoneDoc } from "../store/types";
import {
  CheckClient,
  type CheckInput,
  type CheckPort,
  type CheckResult,
  sameInput,
} from "./check-client";
import type { CheckWorkerReply } from "./check-protocol";

export interface LiveReport {
  /** The last report the Worker gave (null until the first one arrives). */
  report: Report | null;
  /** The zone changed since `report` was made: a newer one is on its way. */
  checking: boolean;
}

/** The panel's report; components read it with useLiveReport. */
export const liveReportStore = createStore<LiveReport>(() => ({ report: null, checking: true }));

export function useLiveReport<T>(select: (r: LiveReport) => T): T {
  return useStore(liveReportStore, select);
}

/** The live report for the map's scene (the inferred circle). */
export const liveReports = {
  get: (): Report | null => liveReportStore.getState().report,
  subscribe: (listener: () => void): (() => void) => liveReportStore.subscribe(listener),
};

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

let client: CheckClient | null = null;
let hubs: { layers: HubLayer[] | null; version: number } = { layers: null, version: 0 };
/** The live input last asked for, and the last live result shown. */
let wanted: CheckInput | null = null;
let shown: CheckResult | null = null;
let liveStore: AppStore | null = null;

function spawnWorker(): CheckPort {
  const w = new Worker(new URL("./check.worker.ts", import.meta.url), { type: "module" });
  const port: CheckPort = {
    postMessage: (message) => w.postMessage(message),
    onmessage: null,
    onerror: null,
    terminate: () => w.terminate(),
  };
  w.onmessage = (e: MessageEvent<CheckWorkerReply>) => port.onmessage?.(e);
  w.onerror = (e) => port.onerror?.(e);
  return port;
}

function workerClient(): CheckClient | null {
  if (typeof Worker === "undefined") return null;
  client ??= new CheckClient({
    spawn: spawnWorker,
    graceMs: 300,
    setup: {
      sidoUrl: new URL("data/sido.json", document.baseURI).href,
      sigunguUrl: new URL("data/sigungu.json", document.baseURI).href,
    },
    // A report made before the 시·군·구 arrived is made again, now naming them.
    onSigungu: () => {
      if (liveStore && shown && !shown.sigungu) {
        wanted = null;
        checkLive(liveStore.getState());
      }
    },
  });
  return client;
}

/** Hands the Worker the visible hub layers when they changed (never on an edit). */
function syncHubs(c: CheckClient, s: AppState): number {
  if (s.hubLayers !== hubs.layers) {
    hubs = { layers: s.hubLayers, version: hubs.version + 1 };
    c.setHubs(hubs.version, visibleHubSources(s.hubLayers));
  }
  return hubs.version;
}

function inputOf(s: AppState, c: CheckClient, live: boolean): { input: CheckInput; doc: ZoneDoc } {
  const doc = activeZone(s);
  const ruleSet = ruleSetFor(doc.ruleSetId, s.customRuleSets);
  const preview = live && s.preview?.zoneId === doc.id ? s.preview.parcel : null;
  const input: CheckInput = {
    zoneKey: doc,
    zone: () => toGeoZone(doc),
    preview,
    ruleSet,
    unknownRuleSet: isUnknownRuleSet(ruleSet),
    hubsVersion: syncHubs(c, s),
    awaitSigungu: !live,
  };
  return { input, doc };
}

function show(result: CheckResult, doc: ZoneDoc): void {
  if (!result.input.preview) markReportOf(result.report, doc);
  shown = result;
  const checking = !(wanted && sameInput(result.input, wanted));
  liveReportStore.setState({ report: result.report, checking });
}

/** Asks for the live report of the store's state unless it was asked for already. */
function checkLive(s: AppState): void {
  const c = workerClient();
  if (!c) return;
  const { input, doc } = inputOf(s, c, true);
  if (wanted && sameInput(wanted, input)) return;
  wanted = input;
  if (!liveReportStore.getState().checking) liveReportStore.setState({ checking: true });
  runLive(c, input, doc, true);
}

/**
 * Runs a live check. One stopped for something other than a newer edit (an export's check
 * waiting behind it, a crashed Worker) is asked for once more if it is still the newest.
 */
function runLive(c: CheckClient, input: CheckInput, doc: ZoneDoc, retry: boolean): void {
  void c.check(input, true).then((result) => {
    if (result) show(result, doc);
    else if (retry && wanted === input) runLive(c, input, doc, false);
  });
}

/** Keeps the live report in step with the store. Returns unsubscribe. */
export function startLiveChecks(store: AppStore): () => void {
  liveStore = store;
  checkLive(store.getState());
  const off = store.subscribe(checkLive);
  return () => {
    off();
    liveStore = null;
  };
}

function checked(result: CheckResult | null): CheckResult {
  if (!result) {
    throw new FilingError("BAD_FILE", "검사가 끝나지 않았습니다", "The check did not finish");
  }
  return result;
}

/**
 * The report of the active zone as stored (no drag preview), with the 시·군·구, for an export
 * or a review: exactly what `czd check` says of the file written from that zone.
 */
export async function committedReport(s: AppState): Promise<Report> {
  const c = workerClient();
  if (!c) return selectCommittedReport(s);
  const { input, doc } = inputOf(s, c, false);
  if (shown?.sigungu && sameInput({ ...shown.input, awaitSigungu: true }, input)) {
    return shown.report;
  }
  const { report } = checked(await c.check(input, false));
  markReportOf(report, doc);
  return report;
}

/** The report of a filed zone as `czd check` gives it; throws what the check threw. */
export async function zoneReport(s: AppState, zone: Zone, ruleSet: RuleSet): Promise<Report> {
  const c = workerClient();
  if (!c) return checkFiling(zone, { ruleSet, hubs: selectHubIndex(s) });
  const input: CheckInput = {
    zoneKey: zone,
    zone: () => zone,
    preview: null,
    ruleSet,
    unknownRuleSet: isUnknownRuleSet(ruleSet),
    hubsVersion: syncHubs(c, s),
    awaitSigungu: true,
  };
  const result = checked(await c.check(input, false));
  if (result.failed) {
    const { code, ko, en } = result.failed;
    throw new FilingError(code, ko, en);
  }
  return result.report;
}
