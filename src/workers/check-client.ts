/**
 * The page's side of the check Worker: one check at a time in the Worker, the rest waiting here.
 * A live check (the panel's, during edits and drags) is superseded by the next one: a queued one
 * is dropped, and one running longer than `graceMs` while something newer waits is stopped by
 * terminating the Worker (a check can't be interrupted more gently) and starting a fresh one, so
 * a newer edit never waits behind an older check. A pinned check (an export's, a review's) is
 * never dropped, and answers with the report of exactly the input it was given; a live check it
 * stopped runs again after it unless something newer came meanwhile.
 */
import type { Hub, Parcel, Report, RuleSet, Zone } from "../../geo/index";
import type {
  CheckFailure,
  CheckRequest,
  CheckWorkerReply,
  CheckWorkerRequest,
} from "./check-protocol";

/** What the client needs of a Worker (a fake one in tests). */
export interface CheckPort {
  postMessage(message: CheckWorkerRequest): void;
  onmessage: ((e: { data: CheckWorkerReply }) => void) | null;
  /** A Worker that failed to load or crashed (out of memory): it answers nothing more. */
  onerror: ((e: Event) => void) | null;
  terminate(): void;
}

export interface CheckInput {
  /** The zone's identity: the same object means the same geometry (a ZoneDoc or a Zone). */
  zoneKey: object;
  zone: () => Zone;
  preview: Parcel | null;
  ruleSet: RuleSet;
  unknownRuleSet: boolean;
  hubsVersion: number;
  awaitSigungu: boolean;
}

export interface CheckResult {
  input: CheckInput;
  report: Report;
  /** The 시·군·구 were in when it was made. */
  sigungu: boolean;
  /** The check threw: `report` is the panel's stand-in. */
  failed?: CheckFailure;
}

interface Job {
  id: number;
  input: CheckInput;
  supersedable: boolean;
  waiters: ((result: CheckResult | null) => void)[];
  startedAt: number;
}

/** Whether a check of `a` answers a request for `b`. */
export function sameInput(a: CheckInput, b: CheckInput): boolean {
  return (
    a.zoneKey === b.zoneKey &&
    a.preview === b.preview &&
    a.hubsVersion === b.hubsVersion &&
    a.unknownRuleSet === b.unknownRuleSet &&
    (a.awaitSigungu || !b.awaitSigungu) &&
    (a.ruleSet === b.ruleSet || JSON.stringify(a.ruleSet) === JSON.stringify(b.ruleSet))
  );
}

export interface CheckClientOptions {
  spawn: () => CheckPort;
  /** How long a superseded check may run on before its Worker is replaced. */
  graceMs: number;
  setup: { sidoUrl: string; sigunguUrl: string };
  /** The Worker's 시·군·구 arrived (or failed): reports made without them may be redone. */
  onSigungu?: () => void;
}

export class CheckClient {
  private port: CheckPort | null = null;
  private nextId = 1;
  private inFlight: Job | null = null;
  private live: Job | null = null;
  private pinned: Job[] = [];
  private hubs: { version: number; sources: { name: string; hubs: Hub[] }[] } | null = null;
  private zoneKeys = new WeakMap<object, number>();
  private nextZoneKey = 1;
  /** The zone key the current Worker holds. */
  private sentZone = 0;
  private timer: ReturnType<typeof setTimeout> | null = null;
  /** How many Workers were started (1 + restarts), for tests and benches. */
  spawned = 0;

  constructor(private readonly opts: CheckClientOptions) {}

  /** The visible hub layers: sent now and again only after a restart. */
  setHubs(version: number, sources: { name: string; hubs: Hub[] }[]): void {
    this.hubs = { version, sources };
    this.port?.postMessage({ kind: "hubs", version, sources });
  }

  /**
   * Checks `input`: the report, or null when a supersedable check was superseded. A pinned
   * request joins a running or queued check of the same input rather than repeating it.
   */
  check(input: CheckInput, supersedable: boolean): Promise<CheckResult | null> {
    return new Promise((resolve) => {
      const same = [this.inFlight, this.live].find((j) => j && sameInput(j.input, input));
      // A live request supersedes the queued live check even when it joins another: after an
      // undo and a redo in quick succession, the undone state's check would otherwise run last.
      if (supersedable && this.live && this.live !== same) {
        for (const w of this.live.waiters) w(null);
        this.live = null;
      }
      if (same) {
        same.waiters.push(resolve);
        if (!supersedable && same.supersedable) {
          same.supersedable = false;
          if (same === this.live) {
            this.live = null;
            this.pinned.push(same);
          }
        }
      } else {
        const job: Job = {
          id: this.nextId++,
          input,
          supersedable,
          waiters: [resolve],
          startedAt: 0,
        };
        if (supersedable) this.live = job;
        else this.pinned.push(job);
      }
      this.pump();
    });
  }

  /** Stops the Worker and answers everything waiting with null. */
  dispose(): void {
    for (const job of [this.inFlight, this.live, ...this.pinned])
      for (const w of job?.waiters ?? []) w(null);
    this.inFlight = null;
    this.live = null;
    this.pinned = [];
    this.stopWorker();
  }

  private stopWorker(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    this.port?.terminate();
    this.port = null;
    this.sentZone = 0;
  }

  private ensurePort(): CheckPort {
    if (this.port) return this.port;
    const port = this.opts.spawn();
    this.spawned++;
    port.onmessage = (e) => this.onReply(port, e.data);
    port.onerror = (e) => {
      e.preventDefault();
      if (port !== this.port) return;
      const job = this.inFlight;
      this.inFlight = null;
      this.stopWorker();
      for (const w of job?.waiters ?? []) w(null);
      this.pump();
    };
    port.postMessage({ kind: "setup", ...this.opts.setup });
    if (this.hubs) port.postMessage({ kind: "hubs", ...this.hubs });
    this.port = port;
    return port;
  }

  private onReply(port: CheckPort, msg: CheckWorkerReply): void {
    if (port !== this.port) return;
    if (msg.kind === "sigungu") {
      this.opts.onSigungu?.();
      return;
    }
    const job = this.inFlight;
    if (!job || job.id !== msg.id) return;
    this.inFlight = null;
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    const result: CheckResult = {
      input: job.input,
      report: msg.report,
      sigungu: msg.sigungu,
      ...(msg.failed ? { failed: msg.failed } : {}),
    };
    for (const w of job.waiters) w(result);
    this.pump();
  }

  private zoneKeyOf(key: object): number {
    let n = this.zoneKeys.get(key);
    if (n === undefined) {
      n = this.nextZoneKey++;
      this.zoneKeys.set(key, n);
    }
    return n;
  }

  private pump(): void {
    if (this.inFlight) {
      this.watchSuperseded();
      return;
    }
    const job = this.pinned.shift() ?? this.live;
    if (!job) return;
    if (job === this.live) this.live = null;
    const port = this.ensurePort();
    const { input } = job;
    const zoneKey = this.zoneKeyOf(input.zoneKey);
    const req: CheckRequest = {
      kind: "check",
      id: job.id,
      zoneKey,
      ...(zoneKey !== this.sentZone ? { zone: input.zone() } : {}),
      ...(input.preview ? { preview: input.preview } : {}),
      ruleSet: input.ruleSet,
      unknownRuleSet: input.unknownRuleSet,
      hubsVersion: input.hubsVersion,
      awaitSigungu: input.awaitSigungu,
    };
    this.sentZone = zoneKey;
    job.startedAt = Date.now();
    this.inFlight = job;
    port.postMessage(req);
  }

  /** A supersedable check with something newer waiting gets `graceMs`, then its Worker goes. */
  private watchSuperseded(): void {
    const job = this.inFlight;
    if (!job?.supersedable || this.timer || (!this.live && this.pinned.length === 0)) return;
    const wait = Math.max(0, job.startedAt + this.opts.graceMs - Date.now());
    this.timer = setTimeout(() => {
      this.timer = null;
      if (this.inFlight !== job || !job.supersedable) return;
      // What was newer was dropped in the meantime (the running check is wanted again).
      if (!this.live && this.pinned.length === 0) return;
      this.inFlight = null;
      this.stopWorker();
      // Stopped only for an export's or a review's check: it is still the newest, and runs
      // again after them rather than answering null (a panel left "checking" with nothing to come).
      if (this.live) for (const w of job.waiters) w(null);
      else this.live = job;
      this.pump();
    }, wait);
  }
}
