/**
 * MapLibre's frames held back until the first view's land is in. While its worker starts and the
 * style's sources are tiled MapLibre draws a frame each time a piece arrives, each one the sea
 * alone; in software WebGL (headless Chromium, SwiftShader; any machine without a GPU) the page
 * then waits ≈ 50–150 ms per frame for the canvas to be drawn and read back. Held, MapLibre's
 * render loop runs as before (styles updated, tiles asked for, `load` and `idle` fired) but
 * nothing is drawn into the canvas, which stays transparent over the map element's sea colour;
 * the first frame drawn is the land. Released when `ready()` holds once the map is idle (every
 * source of the style loaded, and all the sources and layers added at `load` too: each addition
 * would otherwise be a frame of its own), by `release()`, or after `timeoutMs` whatever has
 * arrived.
 */
import type { Map as MlMap } from "maplibre-gl";

interface Painter {
  render: (...args: unknown[]) => void;
}

export interface FrameHold {
  /** Resolves when frames are drawn again (the next one is drawn on the next animation frame). */
  released: Promise<void>;
  release: () => void;
}

export function holdFrames(map: MlMap, ready: () => boolean, timeoutMs: number): FrameHold {
  // MapLibre's painter is not public API: if a version names it otherwise, nothing is held.
  const painter = (map as unknown as { painter?: Painter }).painter;
  if (!painter || typeof painter.render !== "function")
    return { released: Promise.resolve(), release: () => undefined };
  // An own property shadowing the class's method; deleting it gives the method back.
  const own = Object.hasOwn(painter, "render");
  const render = painter.render;
  painter.render = () => undefined;
  let done: () => void = () => undefined;
  const released = new Promise<void>((resolve) => {
    done = resolve;
  });
  let held = true;
  const release = () => {
    if (!held) return;
    held = false;
    map.off("idle", check);
    clearTimeout(timer);
    if (own) painter.render = render;
    else delete (painter as Partial<Painter>).render;
    map.triggerRepaint();
    done();
  };
  const check = () => {
    if (ready()) release();
  };
  map.on("idle", check);
  const timer = setTimeout(release, timeoutMs);
  return { released, release };
}
