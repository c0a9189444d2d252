/**
 * The app's checks, run by the check Worker: the panel's live report (of the zone as edited,
 * with a drag's preview), written into src/store/live-report.ts, and the committed report an
 * export or a review awaits, of exactly the geometry it writes. main.tsx starts them with the
 * real Worker; tests start them with the same engine in-process (test/support/check-port.ts).
 */
import {
  FilingError,
  isUnknownRuleSet,
  type Report,
  type RuleSet,
  type Zone,
} from "../../geo/index";
import { markReportOf, ruleSetFor, toGeoZone, visibleHubSources } from "../store/derive";
import { type LiveReportStore, liveReportStore } from "../store/live-report";
import { type AppStore, activeZone } from "../store/store";
import type { AppState, HubLayer, ZoneDoc } from "../store/types";
import {
  CheckClient,
  type CheckInput,
  type CheckPort,
  type CheckResult,
  sameInput,
} from "../workers/check-client";
import type { CheckWorkerReply } from "../workers/check-protocol";

export interface LiveChecksOptions {
  /** Starts a check Worker (or the tests' in-process engine). */
  spawn: () => CheckPort;
  /** Where the Worker fetches the 시·도 and 시·군·구 boundaries. */
  setup: { sidoUrl: string; sigunguUrl: string };
  /** Where the live report goes (the app's one by default). */
  reports?: LiveReportStore;
  /** How long a superseded check may run on before its Worker is replaced. */
  graceMs?: number;
}

/** One store's checks: its Worker client, the hub layers it was sent, the live report's state. */
export class LiveChecks {
  private readonly client: CheckClient;
  private readonly reports: LiveReportStore;
  private hubs: { layers: HubLayer[] | null; version: number } = { layers: null, version: 0 };
  /** The live input last asked for, and the last live result shown. */
  private wanted: CheckInput | null = null;
  private shown: CheckResult | null = null;

  constructor(
    private readonly store: AppStore,
    options: LiveChecksOptions,
  ) {
    this.reports = options.reports ?? liveReportStore;
    this.client = new CheckClient({
      spawn: options.spawn,
      graceMs: options.graceMs ?? 300,
      setup: options.setup,
      // A report made before the 시·군·구 arrived is made again, now naming them.
      onSigungu: () => {
        if (this.shown && !this.shown.sigungu) {
          this.wanted = null;
          this.checkLive(this.store.getState());
        }
      },
    });
  }

  /** Keeps the live report in step with the store. Returns stop. */
  start(): () => void {
    this.checkLive(this.store.getState());
    const off = this.store.subscribe((s) => this.checkLive(s));
    return () => {
      off();
      this.wanted = null;
      this.client.dispose();
    };
  }

  /**
   * The report of the active zone as stored (no drag preview), with the 시·군·구, for an export
   * or a review: exactly what `czd check` says of the file written from that zone.
   */
  async committedReport(s: AppState): Promise<Report> {
    const { input, doc } = this.inputOf(s, false);
    const shown = this.shown;
    if (shown?.sigungu && sameInput({ ...shown.input, awaitSigungu: true }, input)) {
      return shown.report;
    }
    const { report } = checked(await this.client.check(input, false));
    markReportOf(report, doc);
    return report;
  }

  /** The report of a filed zone as `czd check` gives it; throws what the check threw. */
  async zoneReport(s: AppState, zone: Zone, ruleSet: RuleSet): Promise<Report> {
    const input: CheckInput = {
      zoneKey: zone,
      zone: () => zone,
      preview: null,
      ruleSet,
      unknownRuleSet: isUnknownRuleSet(ruleSet),
      hubsVersion: this.syncHubs(s),
      awaitSigungu: true,
    };
    const result = checked(await this.client.check(input, false));
    if (result.failed) throw new FilingError(result.failed);
    return result.report;
  }

  /** Hands the Worker the visible hub layers when they changed (never on an edit). */
  private syncHubs(s: AppState): number {
    if (s.hubLayers !== this.hubs.layers) {
      this.hubs = { layers: s.hubLayers, version: this.hubs.version + 1 };
      this.client.setHubs(this.hubs.version, visibleHubSources(s.hubLayers));
    }
    return this.hubs.version;
  }

  private inputOf(s: AppState, live: boolean): { input: CheckInput; doc: ZoneDoc } {
    const doc = activeZone(s);
    const ruleSet = ruleSetFor(doc.ruleSetId, s.customRuleSets);
    const preview = live && s.preview?.zoneId === doc.id ? s.preview.parcel : null;
    const input: CheckInput = {
      zoneKey: doc,
      zone: () => toGeoZone(doc),
      preview,
      ruleSet,
      unknownRuleSet: isUnknownRuleSet(ruleSet),
      hubsVersion: this.syncHubs(s),
      awaitSigungu: !live,
    };
    return { input, doc };
  }

  private show(result: CheckResult, doc: ZoneDoc): void {
    if (!result.input.preview) markReportOf(result.report, doc);
    this.shown = result;
    const checking = !(this.wanted && sameInput(result.input, this.wanted));
    this.reports.setState({ report: result.report, checking });
  }

  /** Asks for the live report of the store's state unless it was asked for already. */
  private checkLive(s: AppState): void {
    const { input, doc } = this.inputOf(s, true);
    if (this.wanted && sameInput(this.wanted, input)) return;
    this.wanted = input;
    if (!this.reports.getState().checking) this.reports.setState({ checking: true });
    this.runLive(input, doc, true);
  }

  /**
   * Runs a live check. One stopped for something other than a newer edit (a crashed Worker: one
   * stopped for an export's check runs again in the client) is asked for once more if it is
   * still the newest; should that Worker crash too, the panel says the check did not finish
   * rather than "checking" for ever, and the next edit is checked afresh.
   */
  private runLive(input: CheckInput, doc: ZoneDoc, retry: boolean): void {
    void this.client.check(input, true).then((result) => {
      if (result) this.show(result, doc);
      else if (this.wanted !== input) return;
      else if (retry) this.runLive(input, doc, false);
      else this.showUnfinished(input);
    });
  }

  /** The panel's stand-in for a check that could not finish (its sentences come with it). */
  private showUnfinished(input: CheckInput): void {
    void import("../store/fallback-report").then(({ fallbackReport }) => {
      if (this.wanted !== input) return;
      const why = new FilingError({ code: "BAD_FILE", params: { kind: "CHECK_UNFINISHED" } });
      this.shown = null;
      this.reports.setState({ report: fallbackReport(input.ruleSet, why, null), checking: false });
    });
  }
}

function checked(result: CheckResult | null): CheckResult {
  if (!result) {
    throw new FilingError({ code: "BAD_FILE", params: { kind: "CHECK_UNFINISHED" } });
  }
  return result;
}

function spawnWorker(): CheckPort {
  const w = new Worker(new URL("../workers/check.worker.ts", import.meta.url), { type: "module" });
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

/** The app's checks, once main.tsx has started them. */
let appChecks: LiveChecks | null = null;

function started(): LiveChecks {
  if (!appChecks) throw new Error("the app's checks were not started (startLiveChecks)");
  return appChecks;
}

/**
 * Starts the app's checks on its store: the check Worker unless `options` say otherwise.
 * Returns stop.
 */
export function startLiveChecks(store: AppStore, options?: Partial<LiveChecksOptions>): () => void {
  const checks = new LiveChecks(store, {
    spawn: options?.spawn ?? spawnWorker,
    setup: options?.setup ?? {
      sidoUrl: new URL("data/sido.json", document.baseURI).href,
      sigunguUrl: new URL("data/sigungu.json", document.baseURI).href,
    },
    reports: options?.reports,
    graceMs: options?.graceMs,
  });
  appChecks = checks;
  const stop = checks.start();
  return () => {
    stop();
    if (appChecks === checks) appChecks = null;
  };
}

/** The committed report of the active zone, from the app's checks (see LiveChecks). */
export function committedReport(s: AppState): Promise<Report> {
  return started().committedReport(s);
}

/** A filed zone's report, from the app's checks (see LiveChecks). */
export function zoneReport(s: AppState, zone: Zone, ruleSet: RuleSet): Promise<Report> {
  return started().zoneReport(s, zone, ruleSet);
}
