/** src/map/once-a-frame.ts: the latest value of a frame applied once, in the next animation frame. */
import { afterEach, beforeEach, expect, it, vi } from "vitest";
import { onceAFrame } from "../../src/map/once-a-frame";

let frames: (() => void)[];

beforeEach(() => {
  frames = [];
  vi.stubGlobal("requestAnimationFrame", (fn: () => void) => frames.push(fn));
  vi.stubGlobal("cancelAnimationFrame", (id: number) => {
    frames[id - 1] = () => undefined;
  });
});

afterEach(() => {
  vi.unstubAllGlobals();
});

const runFrame = () => {
  const due = frames;
  frames = [];
  for (const fn of due) fn();
};

it("applies only the latest of the values set within a frame, once", () => {
  const applied: number[] = [];
  const enclosing = onceAFrame((n: number) => applied.push(n));
  enclosing.set(1);
  enclosing.set(2);
  enclosing.set(3);
  expect(applied).toEqual([]);
  expect(frames).toHaveLength(1);
  runFrame();
  expect(applied).toEqual([3]);
  runFrame();
  expect(applied).toEqual([3]);
  enclosing.set(4);
  runFrame();
  expect(applied).toEqual([3, 4]);
});

it("drops a value not yet applied when cancelled", () => {
  const applied: number[] = [];
  const enclosing = onceAFrame((n: number) => applied.push(n));
  enclosing.set(1);
  enclosing.cancel();
  runFrame();
  expect(applied).toEqual([]);
});
