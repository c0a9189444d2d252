/**
 * src/map/motion-resolution.ts: the map's pixel ratio is lowered during a pan or a drag only once
 * the frames measured at full resolution are slow (p95 over 40 ms), restored at rest, lowered
 * from the start of later interactions, and never for a click or on a machine whose frames are
 * fast. A fake map records the ratios MapLibre's resize is asked for; animation frames are run by
 * hand with the timestamps a slow or a fast machine gives.
 */
import type { Map as MlMap } from "maplibre-gl";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import {
  FrameJudge,
  lowerWhileMoving,
  type MotionResolutionOptions,
} from "../../src/map/motion-resolution";

describe("the frame judge", () => {
  it("judges nothing before six intervals, then by the 75th percentile of the recent ones", () => {
    const judge = new FrameJudge(40, 6, 24);
    for (let i = 0; i < 5; i++) judge.add(100);
    expect(judge.slow()).toBe(false);
    expect(judge.p75()).toBeNaN();
    judge.add(100);
    expect(judge.slow()).toBe(true);
    // 24 fast frames push the slow ones out of the window.
    for (let i = 0; i < 24; i++) judge.add(16.7);
    expect(judge.p75()).toBeCloseTo(16.7);
    expect(judge.slow()).toBe(false);
  });

  it("judges three very slow frames in a row at once, not one among fast ones", () => {
    const judge = new FrameJudge(40, 6, 24);
    judge.add(250);
    judge.add(16.7);
    judge.add(120);
    judge.add(120);
    expect(judge.slow()).toBe(false);
    judge.add(130);
    expect(judge.p75()).toBeNaN();
    expect(judge.slow()).toBe(true);
  });

  it("is not swayed by a few slow frames among fast ones, as a garbage collection makes", () => {
    const judge = new FrameJudge(40, 6, 24);
    for (let i = 0; i < 5; i++) judge.add(16.7);
    judge.add(300);
    // Six intervals, one slow: the 75th percentile (the 5th of 6 sorted) is a fast one.
    expect(judge.slow()).toBe(false);
    // Fourteen intervals, three slow: the 75th percentile (the 11th sorted) is still fast.
    for (let i = 0; i < 6; i++) judge.add(16.7);
    for (let i = 0; i < 2; i++) judge.add(120);
    expect(judge.slow()).toBe(false);
    // Three in four slow: a slow machine.
    for (let i = 0; i < 24; i++) judge.add(i % 4 === 0 ? 16.7 : 70);
    expect(judge.slow()).toBe(true);
  });
});

/** A map with MapLibre's resize internals, recording each ratio it was resized to. */
function fakeMap() {
  const canvas = Object.assign(new EventTarget(), { style: {} as Record<string, string> });
  const listeners = new Map<string, Set<() => void>>();
  const ratios: (number | null | undefined)[] = [];
  const draws: string[] = [];
  const map = {
    _overridePixelRatio: undefined as number | null | undefined,
    _resizeInternal() {
      ratios.push(map._overridePixelRatio);
    },
    getCanvas: () => canvas,
    getContainer: () => ({ clientWidth: 810, clientHeight: 750 }),
    on: (type: string, fn: () => void) => {
      if (!listeners.has(type)) listeners.set(type, new Set());
      listeners.get(type)?.add(fn);
    },
    off: (type: string, fn: () => void) => listeners.get(type)?.delete(fn),
    redraw: () => draws.push("now"),
    triggerRepaint: () => draws.push("next"),
  };
  const fire = (type: string) => {
    for (const fn of listeners.get(type) ?? []) fn();
  };
  renderers.add(() => fire("render"));
  return { map, canvas, ratios, draws, fire, listeners };
}

const pointer = (type: string, x: number, y: number) =>
  Object.assign(new Event(type), { isPrimary: true, button: 0, clientX: x, clientY: y });

let frames: Map<number, (t: number) => void>;
/** Each fake map's "render" event, fired in each frame that `runFrames` draws. */
const renderers = new Set<() => void>();
let nextId: number;
let now: number;
/** Run `n` animation frames `ms` apart, the map drawing in each (or not: `draw` false). */
const runFrames = (n: number, ms: number, draw = true) => {
  for (let i = 0; i < n; i++) {
    if (draw) for (const render of renderers) render();
    now += ms;
    const due = [...frames.entries()];
    frames.clear();
    for (const [, fn] of due) fn(now);
  }
};

beforeEach(() => {
  renderers.clear();
  frames = new Map();
  nextId = 1;
  now = 0;
  vi.stubGlobal("window", new EventTarget());
  vi.stubGlobal("devicePixelRatio", 2);
  vi.stubGlobal("requestAnimationFrame", (fn: (t: number) => void) => {
    frames.set(nextId, fn);
    return nextId++;
  });
  vi.stubGlobal("cancelAnimationFrame", (id: number) => frames.delete(id));
});

afterEach(() => {
  vi.unstubAllGlobals();
});

/**
 * The module on a fake map, full resolution coming back at once at rest (restMs 0); the wait
 * for a still map after an interaction has a test of its own.
 */
const lower = (map: unknown, options: MotionResolutionOptions = {}) =>
  lowerWhileMoving(map as MlMap, { restMs: 0, ...options });

describe("the map's resolution while it moves", () => {
  it("is lowered once a pan's frames are slow, and restored with one frame at rest", () => {
    const { map, canvas, ratios, draws, fire } = fakeMap();
    const motion = lower(map);
    fire("movestart");
    runFrames(6, 67);
    // The first frame only starts the clock: five intervals, not yet judged.
    expect(motion.lowered()).toBe(1);
    runFrames(1, 67);
    expect(motion.lowered()).toBe(0.5);
    expect(ratios).toEqual([1]);
    // Lowered inside an animation frame: drawn at once, so the cleared canvas is never shown.
    expect(draws).toEqual(["now"]);
    // The canvas's box stays the map's size, not MapLibre's rounded canvas ÷ ratio.
    expect(canvas.style).toEqual({ width: "810px", height: "750px" });
    runFrames(10, 30);
    fire("moveend");
    expect(motion.lowered()).toBe(1);
    expect(ratios).toEqual([1, undefined]);
    expect(draws).toEqual(["now", "next"]);
    // At rest no frame is watched.
    expect(frames.size).toBe(0);
  });

  it("tells the app each share as it changes, before the frame at that share is drawn", () => {
    const { map, draws, fire } = fakeMap();
    const told: [number, number][] = [];
    // What was drawn when it was told: a switch made then is in the lowered frame itself.
    const motion = lower(map, {
      onStep: (share) => told.push([share, draws.length]),
    });
    fire("movestart");
    runFrames(7, 67);
    expect(told).toEqual([[0.5, 0]]);
    expect(draws).toEqual(["now"]);
    runFrames(8, 67);
    expect(motion.lowered()).toBe(0.35);
    expect(told).toEqual([
      [0.5, 0],
      [0.35, 1],
    ]);
    fire("moveend");
    expect(told.at(-1)).toEqual([1, 2]);
    // The next pan starts lowered: told once, at its start.
    fire("movestart");
    expect(told.at(-1)).toEqual([0.35, 3]);
    expect(told).toHaveLength(4);
  });

  it("is lowered from the start of the next pan, and measured afresh every tenth", () => {
    const { map, ratios, fire } = fakeMap();
    const motion = lower(map, { recheckEvery: 3 });
    fire("movestart");
    runFrames(8, 80);
    fire("moveend");
    fire("movestart");
    expect(motion.lowered()).toBe(0.5);
    fire("moveend");
    // The third pan is measured at full resolution; this time the frames are fast.
    fire("movestart");
    expect(motion.lowered()).toBe(1);
    runFrames(30, 16.7);
    expect(motion.lowered()).toBe(1);
    fire("moveend");
    fire("movestart");
    expect(motion.lowered()).toBe(1);
    expect(ratios).toEqual([1, undefined, 1, undefined]);
  });

  it("goes a step lower (0.35) when frames are still slow at half, and starts there next time", () => {
    const { map, ratios, fire } = fakeMap();
    const motion = lower(map);
    fire("movestart");
    runFrames(7, 150);
    expect(motion.lowered()).toBe(0.5);
    // The first frame at the new ratio only restarts the clock.
    runFrames(7, 60);
    expect(motion.lowered()).toBe(0.35);
    runFrames(20, 60);
    expect(motion.lowered()).toBe(0.35);
    fire("moveend");
    fire("movestart");
    expect(motion.lowered()).toBe(0.35);
    fire("moveend");
    expect(ratios).toEqual([1, 0.7, undefined, 0.7, undefined]);
  });

  it("counts only frames in which the map drew: a pointer held still says nothing", () => {
    const { map, fire } = fakeMap();
    const motion = lower(map);
    fire("movestart");
    // Slow animation frames with nothing drawn (a busy page, not the map): not judged.
    runFrames(10, 90, false);
    expect(motion.lowered()).toBe(1);
    runFrames(8, 90);
    expect(motion.lowered()).toBe(0.5);
  });

  it("is not lowered while the app says not (an open cadastre), and is once it allows", () => {
    const { map, ratios, fire } = fakeMap();
    let allowed = false;
    const motion = lower(map, { enabled: () => allowed });
    fire("movestart");
    runFrames(10, 100);
    expect(motion.lowered()).toBe(1);
    fire("moveend");
    fire("movestart");
    expect(motion.lowered()).toBe(1);
    fire("moveend");
    expect(ratios).toEqual([]);
    allowed = true;
    fire("movestart");
    expect(motion.lowered()).toBe(0.5);
  });

  it("never changes on a machine whose frames are fast", () => {
    const { map, ratios, fire } = fakeMap();
    const motion = lower(map);
    for (let pan = 0; pan < 3; pan++) {
      fire("movestart");
      runFrames(60, 16.7);
      fire("moveend");
    }
    expect(motion.lowered()).toBe(1);
    expect(ratios).toEqual([]);
  });

  it("is lowered during a pointer drag on the canvas (a vertex drag: no camera move), not for a click", () => {
    const { map, canvas, ratios, fire } = fakeMap();
    const motion = lower(map);
    // Learn that frames are slow.
    fire("movestart");
    runFrames(8, 100);
    fire("moveend");
    expect(ratios).toEqual([1, undefined]);
    // A click: down and up in place (a move event where it was pressed moves nothing).
    canvas.dispatchEvent(pointer("pointerdown", 100, 100));
    window.dispatchEvent(pointer("pointermove", 100, 100));
    window.dispatchEvent(pointer("pointerup", 100, 100));
    expect(ratios).toEqual([1, undefined]);
    // A drag: lowered from the first move, however small (a vertex follows it), restored when
    // it is let go.
    canvas.dispatchEvent(pointer("pointerdown", 100, 100));
    window.dispatchEvent(pointer("pointermove", 100.2, 100.3));
    expect(motion.lowered()).toBe(0.5);
    window.dispatchEvent(pointer("pointermove", 120, 110));
    window.dispatchEvent(pointer("pointerup", 120, 110));
    expect(motion.lowered()).toBe(1);
    expect(ratios).toEqual([1, undefined, 1, undefined]);
  });

  it("stays lowered while either a drag or a camera move goes on", () => {
    const { map, canvas, fire } = fakeMap();
    const motion = lower(map);
    canvas.dispatchEvent(pointer("pointerdown", 0, 0));
    window.dispatchEvent(pointer("pointermove", 10, 0));
    fire("movestart");
    runFrames(8, 90);
    expect(motion.lowered()).toBe(0.5);
    // The pointer let go, the map still easing (inertia).
    window.dispatchEvent(pointer("pointerup", 10, 0));
    expect(motion.lowered()).toBe(0.5);
    fire("moveend");
    expect(motion.lowered()).toBe(1);
  });

  it("puts back a pixel ratio the app had set, and lowers that one", () => {
    const { map, ratios, fire } = fakeMap();
    map._overridePixelRatio = 1.5;
    lower(map);
    fire("movestart");
    runFrames(8, 70);
    fire("moveend");
    expect(ratios).toEqual([0.75, 1.5]);
  });

  it("times a few repaints at rest when calibrated: a slow machine's first pan is lowered from its start", () => {
    const { map, ratios, draws, fire } = fakeMap();
    const motion = lower(map);
    motion.calibrate();
    runFrames(10, 90);
    // Seven frames asked for (the first only starts the clock), then no more.
    expect(draws.filter((d) => d === "next")).toHaveLength(7);
    expect(frames.size).toBe(0);
    expect(ratios).toEqual([]);
    fire("movestart");
    expect(motion.lowered()).toBe(0.5);
    fire("moveend");
    expect(ratios).toEqual([1, undefined]);
  });

  it("measures afresh when calibrated again (after an import), and says when frames are slow", () => {
    const { map, fire } = fakeMap();
    let slow = 0;
    const motion = lower(map, { onSlow: () => slow++ });
    // The first render's map is light: fast, nothing said.
    motion.calibrate();
    runFrames(10, 16.7);
    expect(slow).toBe(0);
    // 100,000 hubs imported: calibrated again, the fast frames of before forgotten.
    motion.calibrate();
    runFrames(10, 120);
    expect(slow).toBe(1);
    fire("movestart");
    expect(motion.lowered()).toBe(0.5);
    fire("moveend");
    // An interaction lowered by its own slow frames says so too (once).
    const other = fakeMap();
    let told = 0;
    lower(other.map, { onSlow: () => told++ });
    other.fire("movestart");
    runFrames(8, 80);
    other.fire("moveend");
    other.fire("movestart");
    other.fire("moveend");
    expect(told).toBe(1);
  });

  it("comes back to full resolution once the map has been still a moment after a release", () => {
    vi.useFakeTimers({ toFake: ["setTimeout", "clearTimeout", "performance"] });
    try {
      const { map, ratios, fire } = fakeMap();
      const motion = lowerWhileMoving(map as unknown as MlMap);
      fire("movestart");
      runFrames(8, 80);
      fire("moveend");
      // What follows a release redraws the map (the check's result, the labels): still lowered.
      expect(motion.lowered()).toBe(0.5);
      vi.advanceTimersByTime(100);
      fire("render");
      vi.advanceTimersByTime(150);
      expect(motion.lowered()).toBe(0.5);
      // 200 ms without a frame: full resolution, one frame.
      vi.advanceTimersByTime(60);
      expect(motion.lowered()).toBe(1);
      expect(ratios).toEqual([1, undefined]);
      // A jump (the view set: no frame while it moved) is full resolution again at once.
      fire("movestart");
      fire("moveend");
      expect(motion.lowered()).toBe(1);
      // A map that keeps drawing gets its full resolution back 1 s after the end at most.
      fire("movestart");
      fire("render");
      fire("moveend");
      for (let t = 0; t < 900; t += 100) {
        vi.advanceTimersByTime(100);
        fire("render");
        expect(motion.lowered()).toBe(0.5);
      }
      vi.advanceTimersByTime(100);
      expect(motion.lowered()).toBe(1);
      // A move begun while waiting stays lowered: no full-resolution frame between the two.
      fire("movestart");
      fire("render");
      fire("moveend");
      vi.advanceTimersByTime(100);
      fire("movestart");
      vi.advanceTimersByTime(2000);
      expect(motion.lowered()).toBe(0.5);
      expect(ratios).toEqual([1, undefined, 1, undefined, 1, undefined, 1]);
    } finally {
      vi.useRealTimers();
    }
  });

  it("takes up a calibration cut short by a move once the page is quiet again", () => {
    vi.useFakeTimers({ toFake: ["setTimeout"] });
    try {
      const { map, draws, fire } = fakeMap();
      const motion = lower(map);
      motion.calibrate();
      runFrames(3, 60);
      // A jump of the view (no frames of its own) cuts the calibration short.
      fire("movestart");
      fire("moveend");
      runFrames(5, 60);
      fire("movestart");
      expect(motion.lowered()).toBe(1);
      fire("moveend");
      // At rest and quiet: timed again, all seven frames (slow, not very slow: 60 ms), so the
      // next move is lowered.
      const asked = draws.length;
      vi.advanceTimersByTime(1000);
      runFrames(10, 60);
      expect(draws.length - asked).toBe(7);
      fire("movestart");
      expect(motion.lowered()).toBe(0.5);
    } finally {
      vi.useRealTimers();
    }
  });

  it("keeps what it knew while a calibration is cut short, unless its frames already say slow", () => {
    const a = fakeMap();
    const slow = lower(a.map);
    slow.calibrate();
    runFrames(10, 120);
    // Calibrated again (an import); a move comes after two fast frames: still known slow.
    slow.calibrate();
    runFrames(3, 16.7);
    a.fire("movestart");
    expect(slow.lowered()).toBe(0.5);
    a.fire("moveend");
    renderers.clear();
    const b = fakeMap();
    const fast = lower(b.map);
    fast.calibrate();
    runFrames(10, 16.7);
    // 100,000 hubs came: three frames of 150 ms before the move are enough to say slow.
    fast.calibrate();
    runFrames(4, 150);
    b.fire("movestart");
    expect(fast.lowered()).toBe(0.5);
  });

  it("stops a calibration at three very slow frames, and at a press or a key", () => {
    vi.useFakeTimers({ toFake: ["setTimeout"] });
    try {
      const { map, draws, fire } = fakeMap();
      const motion = lower(map);
      motion.calibrate();
      runFrames(10, 400);
      // The first frame starts the clock; three very slow ones say enough.
      expect(draws).toHaveLength(4);
      fire("movestart");
      expect(motion.lowered()).toBe(0.5);
      fire("moveend");
      motion.calibrate();
      runFrames(2, 16.7);
      window.dispatchEvent(new Event("keydown"));
      const asked = draws.length;
      runFrames(10, 16.7);
      expect(draws.length).toBe(asked);
      // Taken up again once quiet.
      vi.advanceTimersByTime(1000);
      runFrames(10, 16.7);
      expect(draws.length).toBe(asked + 7);
    } finally {
      vi.useRealTimers();
    }
  });

  it("times no frame for more to draw once full resolution is known slow, and does while it is fast", () => {
    const slow = fakeMap();
    const known = lower(slow.map);
    known.calibrate();
    runFrames(10, 60);
    const asked = slow.draws.length;
    // 100,000 hubs imported on a machine already known slow: nothing more to learn.
    known.moreToDraw();
    runFrames(10, 120);
    expect(slow.draws.length).toBe(asked);
    slow.fire("movestart");
    expect(known.lowered()).toBe(0.5);
    slow.fire("moveend");
    renderers.clear();
    const fast = fakeMap();
    const light = lower(fast.map);
    light.calibrate();
    runFrames(10, 16.7);
    const before = fast.draws.length;
    light.moreToDraw();
    runFrames(10, 120);
    expect(fast.draws.length - before).toBe(4);
    fast.fire("movestart");
    expect(light.lowered()).toBe(0.5);
  });

  it("forgets an earlier calibration's slow frames when calibrated again", () => {
    const { map, fire } = fakeMap();
    const motion = lower(map);
    motion.calibrate();
    runFrames(10, 120);
    // The hubs removed again: the map is light, and measured so.
    motion.calibrate();
    runFrames(10, 16.7);
    fire("movestart");
    expect(motion.lowered()).toBe(1);
  });

  it("leaves a fast machine alone when calibrated, and ignores a hidden tab's long gap", () => {
    const { map, fire } = fakeMap();
    const motion = lower(map);
    motion.calibrate();
    runFrames(3, 16.7);
    runFrames(1, 5000);
    runFrames(6, 16.7);
    fire("movestart");
    expect(motion.lowered()).toBe(1);
  });

  it("does nothing with a MapLibre that has no such internals, and stops listening when destroyed", () => {
    const { map, fire, listeners } = fakeMap();
    const bare = { ...map, _resizeInternal: undefined };
    expect(lower(bare).lowered()).toBe(1);
    expect(listeners.size).toBe(0);
    const motion = lower(map);
    fire("movestart");
    motion.destroy();
    expect(frames.size).toBe(0);
    expect([...(listeners.get("movestart") ?? [])]).toEqual([]);
  });
});
