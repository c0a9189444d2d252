/**
 * The page's side of closing one 시·군's file (src/actions/cadastre.ts `closeCadastreLayer`), with
 * the Worker's client mocked: the same × pressed twice quickly asks the Worker once (also for
 * one of two same-named files, whose other × still works meanwhile); a press that
 * comes after the list changed never closes another file; closing each file quickly, one after
 * the other, ends in the closed state (what was kept forgotten), not in "0 필지" with no file.
 */
import { beforeEach, describe, expect, it, vi } from "vitest";
import { useCadastre } from "../../src/store/cadastre";

const calls: { at: number; name: string }[] = [];
const answers: ((layers: string[]) => void)[] = [];
const forgotten: string[] = [];

vi.mock("../../src/workers/cadastre-client", () => ({
  Cancelled: class Cancelled extends Error {},
  cancelCadastre: () => forgotten.push("worker"),
  closeLayerInWorker: (at: number, name: string) => {
    calls.push({ at, name });
    return new Promise((done) =>
      answers.push((layers) =>
        done({
          layers,
          places: layers,
          count: layers.length * 10,
          outlines: `czd-cadastre://${calls.length + 1}/{z}/{x}/{y}`,
          gone: [],
          closed: true,
          kept: true,
        }),
      ),
    );
  },
}));
vi.mock("../../src/persistence/cadastre-kept", () => ({
  forgetKept: async () => void forgotten.push("kept"),
  forgetFiles: async () => void forgotten.push("files"),
  keptFiles: async () => undefined,
  keptManifest: async () => undefined,
}));

const { closeCadastreLayer } = await import("../../src/actions/cadastre");

const A = "LSMD_CONT_LDREG_48170";
const B = "LSMD_CONT_LDREG_48240";

beforeEach(() => {
  calls.length = 0;
  answers.length = 0;
  forgotten.length = 0;
  useCadastre.setState({
    status: "ready",
    layers: [A, B],
    places: ["진주시", "사천시"],
    count: 20,
    url: "czd-cadastre://1/{z}/{x}/{y}",
  });
});

/** The closed state: no file, and the Worker's cadastre and what was kept forgotten. */
function expectClosed(): void {
  const s = useCadastre.getState();
  expect(s.status).toBe("none");
  expect(s.layers).toEqual([]);
  expect(forgotten).toEqual(expect.arrayContaining(["worker", "kept"]));
}

describe("closing one file, pressed quickly", () => {
  it("asks the Worker once for the same × pressed twice", async () => {
    const one = closeCadastreLayer(1, B);
    const two = closeCadastreLayer(1, B);
    expect(calls).toEqual([{ at: 1, name: B }]);
    answers[0]?.([A]);
    await Promise.all([one, two]);
    expect(useCadastre.getState().layers).toEqual([A]);
    expect(useCadastre.getState().status).toBe("ready");
  });

  it("never closes another file for a press that came after the list changed", async () => {
    useCadastre.setState({ layers: [A], places: ["진주시"], count: 10 });
    // 사천's × drawn at 1 before the list changed; 진주's × drawn at 0, 사천 at 0 now gone.
    await closeCadastreLayer(1, B);
    await closeCadastreLayer(0, B);
    expect(calls).toEqual([]);
    expect(forgotten).toEqual([]);
    expect(useCadastre.getState().status).toBe("ready");
  });

  it("does nothing while files are read or restored (the × is not shown then)", async () => {
    useCadastre.setState({ status: "loading" });
    await closeCadastreLayer(1, B);
    expect(calls).toEqual([]);
    expect(useCadastre.getState().layers).toEqual([A, B]);
  });

  it("ends in the closed state when every file is closed, one quickly after the other", async () => {
    const one = closeCadastreLayer(0, A);
    const two = closeCadastreLayer(1, B);
    await two;
    answers[0]?.([B]);
    await one;
    expectClosed();
  });

  it("closes the second of two same-named files pressed while the first's close is on its way", async () => {
    // The same 시·군 opened twice (two downloads of one file): each × is its own file.
    useCadastre.setState({ layers: [A, A], places: ["진주시", "진주시"], count: 20 });
    const one = closeCadastreLayer(0, A);
    const two = closeCadastreLayer(1, A);
    await two;
    answers[0]?.([A]);
    await one;
    // Both pressed: both closed, which closes the cadastre.
    expectClosed();
  });

  it("asks the Worker once for the second same-named file's × pressed twice", async () => {
    useCadastre.setState({ layers: [A, A, B], places: ["진주시", "진주시", "사천시"], count: 30 });
    const one = closeCadastreLayer(1, A);
    const two = closeCadastreLayer(1, A);
    expect(calls).toEqual([{ at: 1, name: A }]);
    answers[0]?.([A, B]);
    await Promise.all([one, two]);
    expect(useCadastre.getState().layers).toEqual([A, B]);
  });

  it("ends in the closed state when the Worker says no file is left", async () => {
    const one = closeCadastreLayer(1, B);
    answers[0]?.([]);
    await one;
    expect(useCadastre.getState().status).toBe("none");
    expect(forgotten).toContain("kept");
  });
});
