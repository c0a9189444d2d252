/**
 * The map drawn at a lower resolution while it moves or a vertex is dragged, on machines whose
 * frames are slow; full resolution again as soon as it rests.
 *
 * Without a usable GPU (software WebGL: SwiftShader, or the VDI and 망분리 PCs many public
 * servants work on, where the browser draws WebGL on the CPU) every frame of a pan or a drag
 * costs time in proportion to the pixels drawn: clearing, each layer's pass over the map, the
 * read-back of the canvas for the compositor. Half the pixel ratio is a quarter of the pixels;
 * where frames are still slow at half, 0.35 of it (an eighth of the pixels).
 * Measured, not assumed: once after the first render a few repaints of the map at rest are timed
 * (`calibrate`), and while the map moves or the pointer drags on it the interval between
 * animation frames is watched; once the 75th percentile of the recent ones (at full resolution)
 * is over `slowMs`, the map's pixel ratio is lowered a step for the rest of the interaction
 * (and another step if the frames at the lower ratio are slow too), and from then on at the
 * start of each one (every `recheckEvery`-th interaction is measured again at full
 * resolution, so a machine that got faster gets its full resolution back). At rest (the pointer
 * up, the camera still and the map drawing nothing for `restMs`, or `restMaxMs` after at most)
 * the ratio is restored and one full-resolution frame is drawn. On a
 * machine with a GPU the frames are never slow and nothing changes. The app can say "not now"
 * (`enabled`). Over an open cadastre only MapLibre's canvas is softer while moving: the cadastre's
 * tiles are canvases of their own then (cadastre-overlay.ts), drawn at the screen's ratio.
 *
 * The ratio is set through MapLibre's `_overridePixelRatio` and `_resizeInternal`, which
 * `setPixelRatio` itself uses; `setPixelRatio` would also fire `movestart`, `move` and `moveend`
 * when the camera is still (as during a vertex drag, or at the `moveend` where the ratio is
 * restored), and those would swap the cadastre's overlay, re-place labels and rewrite the URL for
 * no move at all. If a MapLibre version has neither, nothing is lowered. Everything the app asks
 * of the map is in CSS pixels (terra-draw's handles, `queryRenderedFeatures`, `project`), which
 * the pixel ratio does not change.
 */
import type { MapEventType, Map as MlMap } from "maplibre-gl";
import { whenQuiet } from "./when-quiet";

export interface MotionResolutionOptions {
  /** Frames slower than this at the 75th percentile are slow (ms). */
  slowMs?: number;
  /**
   * The pixel ratios while moving, as shares of the rest ratio: the first once frames at full
   * resolution are slow, each next one if frames are still slow at the one before.
   */
  factors?: number[];
  /** Frame intervals needed before anything is judged. */
  minSamples?: number;
  /** How many recent frame intervals are kept (for each ratio). */
  window?: number;
  /** Every this many interactions is measured at full resolution again. */
  recheckEvery?: number;
  /** Whether the ratio may be lowered now (asked as an interaction starts and at each step). */
  enabled?: () => boolean;
  /**
   * After an interaction, full resolution comes back once the map has drawn nothing for this
   * long (ms; 0: at once)…
   */
  restMs?: number;
  /** …or this long after the interaction ended at most (ms). */
  restMaxMs?: number;
  /**
   * Told the share of the rest ratio whenever it changes (below 1 while moving lowered, 1 at
   * rest), before the frame at the new ratio is drawn: what is cheaper to draw while lowered
   * (hub-raster-layer.ts) can switch in the same frame.
   */
  onStep?: (share: number) => void;
  /**
   * Told when frames at full resolution are found slow (by a calibration at rest, or as an
   * interaction is lowered): what a lowered move will draw can be made ready while at rest.
   */
  onSlow?: () => void;
}

const DEFAULTS: Required<MotionResolutionOptions> = {
  slowMs: 40,
  factors: [0.5, 0.35],
  minSamples: 6,
  window: 24,
  recheckEvery: 10,
  enabled: () => true,
  restMs: 200,
  restMaxMs: 1000,
  onStep: () => undefined,
  onSlow: () => undefined,
};

/** The recent full-resolution frame intervals, and whether they are slow. */
export class FrameJudge {
  private readonly intervals: number[] = [];

  constructor(
    private readonly slowMs = DEFAULTS.slowMs,
    private readonly minSamples = DEFAULTS.minSamples,
    private readonly size = DEFAULTS.window,
  ) {}

  add(ms: number): void {
    this.intervals.push(ms);
    if (this.intervals.length > this.size) this.intervals.shift();
  }

  clear(): void {
    this.intervals.length = 0;
  }

  /** Hold what another judge holds, in place of what this one held. */
  replaceWith(other: FrameJudge): void {
    this.intervals.splice(0, this.intervals.length, ...other.intervals);
  }

  /**
   * The 75th percentile of the kept intervals; NaN while fewer than minSamples are kept. Not the
   * 95th: of the handful of frames a first judgement has, that is the slowest, which one garbage
   * collection or React commit sets on any machine; three frames in four slow is a slow machine.
   */
  p75(): number {
    if (this.intervals.length < this.minSamples) return Number.NaN;
    const sorted = [...this.intervals].sort((a, b) => a - b);
    return sorted[Math.min(sorted.length - 1, Math.floor(0.75 * sorted.length))] ?? Number.NaN;
  }

  /**
   * Three in four of the recent frames slow; or, before there are enough to say so, the last
   * three each over 2.5 × `slowMs` (100 ms): one garbage collection makes one such frame, not
   * three in a row, and a machine that slow is not kept waiting six frames (a second or more)
   * for its first judgement, as a drag begun while the calibration was still timing would be.
   */
  slow(): boolean {
    const n = this.intervals.length;
    const last = this.intervals.slice(-VERY_SLOW_RUN);
    if (n >= VERY_SLOW_RUN && last.every((ms) => ms > this.slowMs * VERY_SLOW)) return true;
    return this.p75() > this.slowMs;
  }
}

/** Frames this many times `slowMs`, this many in a row, are slow without waiting for more. */
const VERY_SLOW = 2.5;
const VERY_SLOW_RUN = 3;

interface Resizable {
  _overridePixelRatio: number | null | undefined;
  _resizeInternal: (constrainTransform?: boolean) => void;
}

export interface MotionResolution {
  /** The share of the rest pixel ratio the map is drawn at now (1: full resolution). */
  lowered: () => number;
  /**
   * Time a few full-resolution frames now, at rest (the map repainted `minSamples` + 1 times), so
   * that a slow machine's first pan or drag is lowered from its start, not after its own first
   * slow frames. Called after the first render and again after an import (the map has much
   * more to draw then: what the frames at full resolution were is measured afresh); nothing if
   * an interaction is going on.
   */
  calibrate: () => void;
  /**
   * The map got more to draw (many hubs imported): calibrated afresh, unless full resolution is
   * already known slow. More to draw only makes it slower, and each frame timed is one the page
   * waits for at rest (100 ms and more with 100,000 hubs on a slow machine), which a planner who
   * starts a drag then feels.
   */
  moreToDraw: () => void;
  destroy: () => void;
}

export function lowerWhileMoving(
  map: MlMap,
  options: MotionResolutionOptions = {},
): MotionResolution {
  const o = { ...DEFAULTS, ...options };
  const target = map as unknown as Partial<Resizable>;
  if (typeof target._resizeInternal !== "function" || !("_overridePixelRatio" in target))
    return {
      lowered: () => 1,
      calibrate: () => undefined,
      moreToDraw: () => undefined,
      destroy: () => undefined,
    };
  const resizable = target as Resizable;
  /** The ratios, as shares of the rest ratio: full, then each step down. */
  const steps = [1, ...o.factors];
  /** One judge per step: the frames measured at that ratio. */
  const judges = steps.map(() => new FrameJudge(o.slowMs, o.minSamples, o.window));
  /** The frames of a calibration at rest, full resolution's judge once it is done. */
  const calibration = new FrameJudge(o.slowMs, o.minSamples, o.window);
  const canvas = map.getCanvas();
  /** The ratio the app set (normally none: the device's), put back at rest. */
  let restTo: number | null | undefined;
  /** The step drawn at now (0: full resolution), and the one an interaction starts at. */
  let step = 0;
  let learned = 0;
  let moving = false;
  let down: { x: number; y: number } | null = null;
  let dragging = false;
  let interactions = 0;
  let frame = 0;
  let last = Number.NaN;
  /** Frames still to time at rest (calibrate). */
  let calibrating = 0;
  /** The map drew since the last animation frame was timed. */
  let rendered = false;
  /** onSlow was called for an interaction lowered (once is enough: it stays known). */
  let toldSlow = false;
  /** A calibration was cut short by an interaction: taken up again once it has ended. */
  let resume = false;
  /** When the map last drew, and the pending return to full resolution after an interaction. */
  let lastRender = Number.NEGATIVE_INFINITY;
  let restoring: ReturnType<typeof setTimeout> | null = null;
  /** The map drew a frame during the interaction now going on (or the last one). */
  let drewWhileActive = false;
  let destroyed = false;

  const setStep = (next: number, now: boolean) => {
    if (next === step) return;
    if (step === 0) restTo = resizable._overridePixelRatio;
    if (step === 0 && next > 0 && !toldSlow) {
      toldSlow = true;
      o.onSlow();
    }
    step = next;
    resizable._overridePixelRatio =
      next === 0 ? restTo : (restTo ?? globalThis.devicePixelRatio ?? 1) * (steps[next] ?? 1);
    resizable._resizeInternal(false);
    // MapLibre rounds the canvas to whole device pixels and sizes its box from that (284 / 0.35 =
    // 811.43 CSS px for an 810-px map): a box wider than the map, which left the map drawn about
    // a pixel off where it rests after the move. The box is kept at the map's own size (the
    // picture stretched by a fraction of a pixel while moving; at full resolution it is exact).
    if (next !== 0) {
      const { clientWidth, clientHeight } = map.getContainer();
      canvas.style.width = `${clientWidth}px`;
      canvas.style.height = `${clientHeight}px`;
    }
    o.onStep(steps[next] ?? 1);
    // Changed inside an animation frame, the canvas (cleared by its resize) is drawn at once so
    // the compositor never shows it blank; restored at rest, the next frame draws it.
    if (now) map.redraw();
    else map.triggerRepaint();
  };

  const measure = (t: number) => {
    // Only intervals in which the map drew: a pointer held still draws nothing, and its 17-ms
    // frames would say nothing of the drawing. An interval of a second or more is a hidden tab
    // or a paused page, not a frame.
    const judge = calibrating > 0 && !active() ? calibration : judges[step];
    if (rendered && !Number.isNaN(last) && t - last < 1000) judge?.add(t - last);
    rendered = false;
    last = t;
  };
  const tick = (t: number) => {
    measure(t);
    if (!active()) {
      // Timing frames at rest (calibrate): one more repaint, or done.
      calibrating -= 1;
      // Done, or already known slow (three very slow frames): each more such frame is one the
      // page waits for, at rest, while the planner may be clicking.
      if (calibrating <= 0 || calibration.slow()) {
        calibrating = 0;
        frame = 0;
        judges[0]?.replaceWith(calibration);
        if (judges[0]?.slow()) o.onSlow();
        return;
      }
      map.triggerRepaint();
    } else if (step < steps.length - 1 && judges[step]?.slow() && o.enabled()) {
      // Still slow at this ratio: one step lower, for this interaction and the next ones.
      learned = Math.max(learned, step + 1);
      last = Number.NaN;
      setStep(step + 1, true);
    }
    frame = requestAnimationFrame(tick);
  };
  const active = () => moving || dragging;
  /** An interaction begins (`set` marks which); counted once however it is started. */
  const begin = (set: () => void) => {
    const was = active();
    set();
    if (was) return;
    stopRestoring();
    drewWhileActive = false;
    // A calibration cut short by a move is taken up again at rest; what it had timed already
    // counts if it says slow, so this move starts lowered.
    if (calibrating > 0) {
      cutCalibration();
      resume = true;
    }
    interactions += 1;
    // Now and then measured afresh at full resolution; otherwise what was learned holds.
    if (interactions % o.recheckEvery === 0) {
      for (const j of judges) j.clear();
      learned = 0;
    }
    if (!frame) frame = requestAnimationFrame(tick);
    last = Number.NaN;
    // What the calibration at rest found (full resolution slow), or an earlier interaction.
    if (judges[0]?.slow()) learned = Math.max(learned, 1);
    if (o.enabled()) setStep(learned, false);
  };
  /**
   * Full resolution again once the map has been still a moment. What follows a drag's release
   * (terra-draw's last update, the check's result, the labels) redraws the map two or three more
   * times over some 500 ms: at full resolution each of those was a frame of 100–165 ms on the
   * drag bench's slow machine; lowered till they are done, there is one.
   */
  const restoreWhenStill = () => {
    stopRestoring();
    if (step === 0) return;
    // A jump (the view set, no frame drawn while it moved) has nothing to settle: at once.
    if (o.restMs <= 0 || !drewWhileActive) {
      setStep(0, false);
      return;
    }
    const endedAt = performance.now();
    const check = () => {
      restoring = null;
      if (active()) return;
      const now = performance.now();
      const still = now - lastRender;
      if (still >= o.restMs || now - endedAt >= o.restMaxMs) setStep(0, false);
      else restoring = setTimeout(check, Math.min(o.restMs - still, o.restMaxMs - (now - endedAt)));
    };
    restoring = setTimeout(check, o.restMs);
  };
  const stopRestoring = () => {
    if (restoring) clearTimeout(restoring);
    restoring = null;
  };
  const ended = () => {
    if (active()) return;
    if (frame) cancelAnimationFrame(frame);
    frame = 0;
    restoreWhenStill();
    if (resume) {
      resume = false;
      calibrateWhenQuiet();
    }
  };
  const onRender = () => {
    rendered = true;
    lastRender = performance.now();
    if (active()) drewWhileActive = true;
  };

  const onDown = (e: PointerEvent) => {
    if (e.isPrimary && e.button === 0) down = { x: e.clientX, y: e.clientY };
  };
  /** A press or a key anywhere stops a calibration at once (taken up again when quiet). */
  const onInput = () => {
    if (calibrating <= 0 || active()) return;
    cutCalibration();
    if (frame) cancelAnimationFrame(frame);
    frame = 0;
    calibrateWhenQuiet();
  };
  /**
   * A pointer pressed on the map and moved at all is a drag: terra-draw moves a vertex from the
   * first move, however small (a pen's or a touchpad's are fractions of a pixel, and a hand
   * starts slowly), and each such move was a frame at full resolution, 150–280 ms with 100,000
   * hubs (bench:drag-app). A click that does not move is not lowered; one that jitters costs a
   * lowered frame and one at rest.
   */
  const onMove = (e: PointerEvent) => {
    if (!down || dragging || !e.isPrimary) return;
    if (e.clientX === down.x && e.clientY === down.y) return;
    begin(() => {
      dragging = true;
    });
  };

  const onUp = (e: PointerEvent) => {
    if (!e.isPrimary) return;
    down = null;
    if (!dragging) return;
    dragging = false;
    ended();
  };
  const onBlur = () => {
    down = null;
    dragging = false;
    ended();
  };
  const onMoveStart = () =>
    begin(() => {
      moving = true;
    });
  const onMoveEnd = () => {
    moving = false;
    ended();
  };
  // Bound and unbound from the one list.
  const dom: [EventTarget, string, (e: PointerEvent) => void, boolean][] = [
    [canvas, "pointerdown", onDown, true],
    [window, "pointerdown", onInput, true],
    [window, "keydown", onInput, true],
    [window, "pointermove", onMove, true],
    [window, "pointerup", onUp, true],
    [window, "pointercancel", onUp, true],
    [window, "blur", onBlur, false],
  ];
  const events: [keyof MapEventType, () => void][] = [
    ["movestart", onMoveStart],
    ["moveend", onMoveEnd],
    ["render", onRender],
  ];
  for (const [target, type, fn, capture] of dom)
    target.addEventListener(type, fn as EventListener, capture);
  for (const [type, fn] of events) map.on(type, fn);
  /**
   * A calibration stopped before its end: what it timed replaces what was known if it already
   * says slow (three very slow frames), else what was known holds.
   */
  function cutCalibration(): void {
    if (calibration.slow()) judges[0]?.replaceWith(calibration);
    calibrating = 0;
  }
  function calibrateWhenQuiet(): void {
    whenQuiet(() => {
      if (!destroyed) calibrate();
    });
  }
  function calibrate(): void {
    if (frame || active()) return;
    // Timed at full resolution, whatever the end of the last interaction left.
    if (restoring) {
      stopRestoring();
      setStep(0, false);
    }
    // Measured afresh (called again after the map got much more to draw: an import), into a
    // judge of its own: what was known holds till this one is done, or says slow.
    calibration.clear();
    calibrating = o.minSamples + 1;
    last = Number.NaN;
    map.triggerRepaint();
    frame = requestAnimationFrame(tick);
  }
  return {
    lowered: () => steps[step] ?? 1,
    calibrate,
    moreToDraw: () => {
      if (!judges[0]?.slow()) calibrate();
    },
    destroy: () => {
      destroyed = true;
      stopRestoring();
      for (const [target, type, fn, capture] of dom)
        target.removeEventListener(type, fn as EventListener, capture);
      for (const [type, fn] of events) map.off(type, fn);
      if (frame) cancelAnimationFrame(frame);
      frame = 0;
    },
  };
}
