/**
 * src/map/hold-frames.ts: MapLibre's painter held until the land is in, and the empty canvas
 * kept out of the page's frames until the frame that draws the land (shown earlier, the
 * compositor reads its blank buffer back once, in software WebGL a wait of 50–640 ms on the
 * page's thread; docs/benchmarks.md (13)). Browser checks: test/e2e/first-frame.test.ts.
 */
import type { Map as MlMap } from "maplibre-gl";
import { afterEach, describe, expect, it, vi } from "vitest";
import { holdFrames } from "../../src/map/hold-frames";

/** The part of MapLibre's map holdFrames uses, its events fired by the test. */
function fakeMap(visibility = "") {
  const listeners = new Map<string, Set<() => void>>();
  const drawn: string[] = [];
  const canvas = { style: { visibility } };
  const fire = (type: string) => {
    for (const f of [...(listeners.get(type) ?? [])]) f();
  };
  const map = {
    painter: { render: () => drawn.push("frame") },
    getCanvas: () => canvas,
    on: (type: string, f: () => void) => {
      if (!listeners.has(type)) listeners.set(type, new Set());
      listeners.get(type)?.add(f);
    },
    off: (type: string, f: () => void) => listeners.get(type)?.delete(f),
    once: (type: string, f: () => void) => {
      const once = () => {
        listeners.get(type)?.delete(once);
        f();
      };
      map.on(type, once);
    },
    triggerRepaint: () => undefined,
  };
  /** One of MapLibre's frames: the painter draws, then `render` fires. */
  const frame = () => {
    map.painter.render();
    fire("render");
  };
  return { map: map as unknown as MlMap, canvas, drawn, fire, frame };
}

afterEach(() => {
  vi.useRealTimers();
});

describe("holdFrames", () => {
  it("hides the canvas and draws nothing while the land is not in", () => {
    const { map, canvas, drawn, fire, frame } = fakeMap();
    holdFrames(map, () => false, 2500);
    frame();
    fire("idle");
    frame();
    expect(drawn).toEqual([]);
    expect(canvas.style.visibility).toBe("hidden");
  });

  it("shows the canvas in the first frame drawn after the release, not before it", async () => {
    const { map, canvas, drawn, fire, frame } = fakeMap();
    let land = false;
    const hold = holdFrames(map, () => land, 2500);
    fire("idle");
    expect(canvas.style.visibility).toBe("hidden");
    land = true;
    fire("idle");
    await hold.released;
    // Released, but no frame drawn yet: the page would composite the empty canvas.
    expect(canvas.style.visibility).toBe("hidden");
    frame();
    expect(drawn).toEqual(["frame"]);
    expect(canvas.style.visibility).toBe("");
  });

  it("gives back the canvas's own visibility, and shows it after the time-out too", async () => {
    vi.useFakeTimers();
    const { map, canvas, drawn, frame } = fakeMap("visible");
    const hold = holdFrames(map, () => false, 2500);
    expect(canvas.style.visibility).toBe("hidden");
    vi.advanceTimersByTime(2500);
    await hold.released;
    frame();
    expect(drawn).toEqual(["frame"]);
    expect(canvas.style.visibility).toBe("visible");
  });
});
