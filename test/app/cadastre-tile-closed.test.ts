/**
 * The map's `czd-cadastre://` tiles once the cadastre is closed (src/map/cadastre-layer.ts): a
 * tile the map asked for while the Worker was cutting it, then the cadastre closed, answers
 * empty — no error for the map to report, no 필지 of the closed cadastre — and so does any tile
 * of it asked for afterwards, without waking a Worker. The protocol handler MapLibre is given is
 * the one under test; the Worker is a stand-in that holds tile requests until told to answer.
 */
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";

type Handler = (
  params: { url: string; type?: string },
  abort: AbortController,
) => Promise<{ data: ArrayBuffer }>;
const served = vi.hoisted(() => ({ handler: null as Handler | null }));

vi.mock("maplibre-gl", () => ({
  addProtocol: (_scheme: string, handler: Handler) => {
    served.handler = handler;
  },
  Marker: class {},
}));
// The kept files live in IndexedDB, which Node lacks: closing forgets them through this.
vi.mock("../../src/persistence/cadastre-kept", () => ({
  keptManifest: async () => undefined,
  forgetKept: async () => undefined,
  keptFiles: async () => undefined,
  forgetFiles: async () => undefined,
}));

interface Sent {
  kind: string;
  id: number;
  generation?: number;
}

/** The cadastre Worker's stand-in: opens at once, holds tile requests for the test to answer. */
class FakeWorker {
  static made: FakeWorker[] = [];
  onmessage: ((e: MessageEvent<unknown>) => void) | null = null;
  onerror: ((e: ErrorEvent) => void) | null = null;
  sent: Sent[] = [];
  terminated = false;
  constructor() {
    FakeWorker.made.push(this);
  }
  postMessage(req: Sent): void {
    this.sent.push(req);
    if (req.kind === "open")
      queueMicrotask(() =>
        this.onmessage?.({
          data: { kind: "opened", id: req.id, layers: ["LSMD_CONT_LDREG_48170"], count: 2738 },
        } as MessageEvent<unknown>),
      );
  }
  /** The tile's bytes, as the Worker would send them had it finished cutting. */
  answerTile(id: number): void {
    const bytes = new Uint8Array([0x1a, 0x02, 0x78, 0x01]);
    this.onmessage?.({ data: { kind: "tile", id, bytes } } as MessageEvent<unknown>);
  }
  terminate(): void {
    this.terminated = true;
  }
}

/** Just enough of a MapLibre map for the layer to attach (and so register its protocol). */
const fakeMap = {
  addSource() {},
  addLayer() {},
  getLayer: () => undefined,
  getSource: () => ({ setTiles() {} }),
  setPaintProperty() {},
  setLayoutProperty() {},
  on() {},
  once() {},
  getCanvas: () => null,
  getZoom: () => 15,
};

const tile = (g: number) => ({ url: `czd-cadastre://${g}/15/27948/12956`, type: "arrayBuffer" });

beforeAll(async () => {
  vi.stubGlobal("Worker", FakeWorker);
  const { CadastreLayer } = await import("../../src/map/cadastre-layer");
  new CadastreLayer().attach(fakeMap as never);
});
afterAll(() => vi.unstubAllGlobals());

describe("cadastre tiles after the cadastre is closed", () => {
  it("answers a tile being cut when the cadastre closes with no bytes and no error", async () => {
    const { openInWorker } = await import("../../src/workers/cadastre-client");
    const { closeCadastre } = await import("../../src/actions/cadastre");
    const { outlines } = await openInWorker(
      [{ name: "a.zip", bytes: new Uint8Array(4) }],
      () => {},
    );
    const g = Number(/^czd-cadastre:\/\/(\d+)\//.exec(outlines)?.[1]);
    const handler = served.handler;
    if (!handler) throw new Error("the layer registered no protocol");
    const worker = FakeWorker.made[0] as FakeWorker;

    // While open, a tile comes from the Worker.
    const shown = handler(tile(g), new AbortController());
    await vi.waitFor(() => expect(worker.sent.filter((r) => r.kind === "tile")).toHaveLength(1));
    worker.answerTile(worker.sent.at(-1)?.id ?? -1);
    expect((await shown).data.byteLength).toBe(4);

    // A tile being cut, then the cadastre closed.
    const cutting = handler(tile(g), new AbortController());
    await vi.waitFor(() => expect(worker.sent.filter((r) => r.kind === "tile")).toHaveLength(2));
    await closeCadastre();
    expect(worker.terminated).toBe(true);
    const answer = await cutting;
    expect(answer.data).toBeInstanceOf(ArrayBuffer);
    expect(answer.data.byteLength).toBe(0);
    // The old Worker's late answer reaches no one.
    worker.answerTile(worker.sent.at(-1)?.id ?? -1);

    // Asked afterwards, a tile of the closed cadastre is empty, and no Worker is woken for it.
    const after = await handler(tile(g), new AbortController());
    expect(after.data.byteLength).toBe(0);
    expect(FakeWorker.made).toHaveLength(1);
  });

  it("gives no tile of a closed cadastre once another is open", async () => {
    const { openInWorker } = await import("../../src/workers/cadastre-client");
    const { outlines } = await openInWorker(
      [{ name: "b.zip", bytes: new Uint8Array(4) }],
      () => {},
    );
    const g = Number(/^czd-cadastre:\/\/(\d+)\//.exec(outlines)?.[1]);
    const handler = served.handler as Handler;
    const worker = FakeWorker.made.at(-1) as FakeWorker;
    const before = worker.sent.length;
    const stale = await handler(tile(g - 1), new AbortController());
    expect(stale.data.byteLength).toBe(0);
    expect(worker.sent).toHaveLength(before);
  });
});
