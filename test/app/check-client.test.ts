/**
 * The check Worker's client: only the newest live check runs, a superseded one that runs on is
 * stopped with its Worker, an export's check is never dropped, and the Worker gets the zone and
 * the hub layers only when they change. A fake Worker answers when the test says.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { loadRuleSet, type Report, type Zone } from "../../geo/index";
import {
  CheckClient,
  type CheckInput,
  type CheckPort,
  type CheckResult,
} from "../../src/workers/check-client";
import type { CheckRequest, CheckWorkerRequest } from "../../src/workers/check-protocol";
import { createGeodesicCircle, createParcel, createZone } from "../support/zones";

interface FakeWorker extends CheckPort {
  posted: CheckWorkerRequest[];
  terminated: boolean;
}

const ruleSet = loadRuleSet("phase-1-2");

function createFakeWorker(): FakeWorker {
  return {
    posted: [],
    terminated: false,
    onmessage: null,
    onerror: null,
    postMessage(message) {
      this.posted.push(message);
    },
    terminate() {
      this.terminated = true;
    },
  };
}

/** A report whose verdict tells the test which check it answers. */
const reportFor = (id: number) => ({ verdict: `check ${id}` }) as unknown as Report;

let workers: FakeWorker[];
let client: CheckClient;

const checks = (w: FakeWorker) => w.posted.filter((m): m is CheckRequest => m.kind === "check");
const current = () => workers[workers.length - 1] as FakeWorker;
/** The Worker answers the last check it was sent. */
function answer(w: FakeWorker = current()): void {
  const req = checks(w).at(-1);
  if (!req) throw new Error("nothing to answer");
  w.onmessage?.({ data: { kind: "report", id: req.id, report: reportFor(req.id), sigungu: true } });
}

function createInput(zone: Zone, over: Partial<CheckInput> = {}): CheckInput {
  return {
    zoneKey: zone,
    zone: () => zone,
    preview: null,
    ruleSet,
    unknownRuleSet: false,
    hubsVersion: 0,
    awaitSigungu: false,
    ...over,
  };
}

const zoneA = createZone([createParcel("P1", createGeodesicCircle([127.5, 36.6], 500))]);
const zoneB = createZone([createParcel("P1", createGeodesicCircle([127.5, 36.6], 600))]);

beforeEach(() => {
  vi.useFakeTimers();
  workers = [];
  client = new CheckClient({
    spawn: () => {
      const w = createFakeWorker();
      workers.push(w);
      return w;
    },
    graceMs: 300,
    setup: { sidoUrl: "sido.json", sigunguUrl: "sigungu.json" },
  });
});

afterEach(() => {
  client.dispose();
  vi.useRealTimers();
});

describe("live checks", () => {
  it("drop a queued check when a newer one comes, and run the newest", async () => {
    const first = client.check(createInput(zoneA), true);
    const dropped = client.check(createInput(zoneB), true);
    const newest = client.check(createInput(zoneA, { preview: zoneB.parcels[0] ?? null }), true);
    expect(checks(current())).toHaveLength(1);
    answer();
    expect((await first)?.report.verdict).toBe("check 1");
    expect(await dropped).toBeNull();
    expect(checks(current())).toHaveLength(2);
    answer();
    expect((await newest)?.report.verdict).toBe("check 3");
    expect(workers).toHaveLength(1);
  });

  it("stop a superseded check that runs past the grace time, and start a fresh Worker", async () => {
    const slow = client.check(createInput(zoneA), true);
    const newer = client.check(createInput(zoneB), true);
    vi.advanceTimersByTime(299);
    expect(workers).toHaveLength(1);
    vi.advanceTimersByTime(1);
    expect(await slow).toBeNull();
    expect(workers[0]?.terminated).toBe(true);
    expect(workers).toHaveLength(2);
    // The fresh Worker is set up again and gets the newer zone whole.
    expect(current().posted[0]?.kind).toBe("setup");
    expect(checks(current())[0]?.zone).toBe(zoneB);
    answer();
    expect((await newer)?.input.zoneKey).toBe(zoneB);
  });

  it("drop the queued check when the newest joins the running one (an undo, then a redo)", async () => {
    const running = client.check(createInput(zoneA), true);
    const undone = client.check(createInput(zoneB), true);
    const again = client.check(createInput(zoneA), true);
    expect(await undone).toBeNull();
    // Nothing newer waits now: the running check is not stopped after the grace time.
    vi.advanceTimersByTime(1_000);
    expect(workers).toHaveLength(1);
    answer();
    expect((await running)?.input.zoneKey).toBe(zoneA);
    expect((await again)?.input.zoneKey).toBe(zoneA);
    // The dropped check does not run after it and overwrite the newest report.
    expect(checks(current())).toHaveLength(1);
  });

  it("let a check that nothing supersedes run as long as it takes", () => {
    void client.check(createInput(zoneA), true);
    vi.advanceTimersByTime(60_000);
    expect(workers).toHaveLength(1);
    expect(workers[0]?.terminated).toBe(false);
  });
});

describe("pinned checks (exports, reviews)", () => {
  it("are never dropped by live ones, and run before them", async () => {
    const live = client.check(createInput(zoneA), true);
    const pinned = client.check(createInput(zoneB, { awaitSigungu: true }), false);
    const later = client.check(createInput(zoneA, { preview: zoneB.parcels[0] ?? null }), true);
    // The running live check is superseded: its Worker goes after the grace time.
    vi.advanceTimersByTime(300);
    expect(await live).toBeNull();
    expect(checks(current())[0]?.awaitSigungu).toBe(true);
    answer();
    const result = (await pinned) as CheckResult;
    expect(result.input.zoneKey).toBe(zoneB);
    answer();
    expect(await later).not.toBeNull();
  });

  it("stop a live check that runs long, which then runs again after them, still the newest", async () => {
    const live = client.check(createInput(zoneA), true);
    const pinned = client.check(createInput(zoneB, { awaitSigungu: true }), false);
    vi.advanceTimersByTime(300);
    expect(workers[0]?.terminated).toBe(true);
    answer();
    expect((await pinned)?.input.zoneKey).toBe(zoneB);
    // The live check is asked of the fresh Worker again, and answers (not null).
    const [, again] = checks(current());
    expect(again?.zone).toBe(zoneA);
    answer();
    expect((await live)?.input.zoneKey).toBe(zoneA);
  });

  it("join a running check of the same input instead of repeating it, and keep it running", async () => {
    const live = client.check(createInput(zoneA, { awaitSigungu: true }), true);
    const pinned = client.check(createInput(zoneA, { awaitSigungu: true }), false);
    void client.check(createInput(zoneB), true);
    vi.advanceTimersByTime(10_000);
    expect(workers).toHaveLength(1);
    answer(workers[0]);
    expect((await pinned)?.report).toBe((await live)?.report);
  });
});

describe("what the Worker is sent", () => {
  it("the zone once per zone, a drag's parcel alone, the hub layers once per change", () => {
    client.setHubs(1, [{ name: "layer", hubs: [] }]);
    void client.check(createInput(zoneA, { hubsVersion: 1 }), true);
    answer();
    const parcel = createParcel("P1", createGeodesicCircle([127.5, 36.6], 550));
    void client.check(createInput(zoneA, { hubsVersion: 1, preview: parcel }), true);
    const [first, second] = checks(current());
    expect(first?.zone).toBe(zoneA);
    expect(second?.zone).toBeUndefined();
    expect(second?.preview).toBe(parcel);
    expect(second?.zoneKey).toBe(first?.zoneKey);
    expect(current().posted.filter((m) => m.kind === "hubs")).toHaveLength(1);
  });

  it("a Worker that crashed fails its check and a fresh one runs the next", async () => {
    const crashed = client.check(createInput(zoneA), false);
    const next = client.check(createInput(zoneB), true);
    current().onerror?.(new Event("error"));
    expect(await crashed).toBeNull();
    expect(workers).toHaveLength(2);
    answer();
    expect((await next)?.input.zoneKey).toBe(zoneB);
  });
});
