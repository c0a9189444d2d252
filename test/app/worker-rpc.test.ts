/**
 * The Workers' request helper (src/workers/worker-rpc.ts): an error reply rejects its request
 * with the FilingError the data describes (the class is imported only then, so the page's first
 * script doesn't carry the sentence tables), and a Worker that crashes fails what waited for it,
 * while a request made after the crash goes to a fresh Worker.
 */
import { describe, expect, it } from "vitest";
import { isFilingError } from "../../geo/index";
import { Cancelled, workerRpc } from "../../src/workers/worker-rpc";

type Req = { id: number; kind: "ask" };
type Rep =
  | { id: number; kind: "answer"; value: number }
  | { id: number; kind: "progress"; done: number }
  | { id: number; kind: "error"; error: unknown };

/** A Worker stand-in the test answers by hand. */
class FakeWorker {
  onmessage: ((e: MessageEvent<Rep>) => void) | null = null;
  onerror: ((e: ErrorEvent) => void) | null = null;
  sent: Req[] = [];
  terminated = false;
  postMessage(req: Req): void {
    this.sent.push(req);
  }
  terminate(): void {
    this.terminated = true;
  }
  reply(rep: Rep): void {
    this.onmessage?.({ data: rep } as MessageEvent<Rep>);
  }
  crash(message: string): void {
    this.onerror?.({ message, preventDefault() {} } as ErrorEvent);
  }
}

function setUp() {
  const workers: FakeWorker[] = [];
  const rpc = workerRpc<Req, Rep>(() => {
    const w = new FakeWorker();
    workers.push(w);
    return w as unknown as Worker;
  });
  return { rpc, workers };
}

describe("the Workers' request helper", () => {
  it("rejects a request answered with an error as the FilingError its data describes", async () => {
    const { rpc, workers } = setUp();
    const asked = rpc.request({ id: rpc.nextId(), kind: "ask" });
    const id = workers[0]?.sent[0]?.id ?? -1;
    workers[0]?.reply({
      id,
      kind: "error",
      error: { code: "BAD_FILE", params: { kind: "NO_FIRMS" }, file: "firms.csv" },
    });
    const e = await asked.catch((x: unknown) => x);
    expect(isFilingError(e)).toBe(true);
    if (!isFilingError(e)) return;
    expect(e.code).toBe("BAD_FILE");
    expect(e.file).toBe("firms.csv");
    expect(e.text("ko")).toMatch(/^'firms\.csv': /);
  });

  it("answers in order, and a crash fails only what waited; the next request gets a fresh Worker", async () => {
    const { rpc, workers } = setUp();
    const first = rpc.request({ id: rpc.nextId(), kind: "ask" });
    workers[0]?.reply({ id: workers[0]?.sent[0]?.id ?? -1, kind: "answer", value: 7 });
    await expect(first).resolves.toMatchObject({ value: 7 });
    const waiting = rpc.request({ id: rpc.nextId(), kind: "ask" });
    workers[0]?.crash("out of memory");
    const after = rpc.request({ id: rpc.nextId(), kind: "ask" });
    expect(workers).toHaveLength(2);
    const e = await waiting.catch((x: unknown) => x);
    expect(isFilingError(e) && e.data.params.kind).toBe("WORKER_FAILED");
    workers[1]?.reply({ id: workers[1]?.sent[0]?.id ?? -1, kind: "answer", value: 8 });
    await expect(after).resolves.toMatchObject({ value: 8 });
  });

  it("cancelling rejects what waits as Cancelled and stops the Worker", async () => {
    const { rpc, workers } = setUp();
    const asked = rpc.request({ id: rpc.nextId(), kind: "ask" });
    rpc.cancel();
    await expect(asked).rejects.toBeInstanceOf(Cancelled);
    expect(workers[0]?.terminated).toBe(true);
  });
});
