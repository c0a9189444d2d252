/**
 * A value handed to the map at most once per animation frame: the latest one set in a frame
 * wins. During a vertex drag the live report comes back once per pointer event, several times a
 * frame where frames are slow, and each GeoJSON `setData` costs MapLibre's worker a parse and a
 * reload of every tile of the source in view (`loadData`, then a `reloadTile` per tile); only the
 * one drawn in the next frame is ever seen.
 */
export interface OnceAFrame<T> {
  set: (value: T) => void;
  /** Drop a value not yet applied (the map is going away). */
  cancel: () => void;
}

export function onceAFrame<T>(apply: (value: T) => void): OnceAFrame<T> {
  let frame = 0;
  let latest: { value: T } | null = null;
  const run = () => {
    frame = 0;
    const next = latest;
    latest = null;
    if (next) apply(next.value);
  };
  return {
    set: (value) => {
      latest = { value };
      if (!frame) frame = requestAnimationFrame(run);
    },
    cancel: () => {
      if (frame) cancelAnimationFrame(frame);
      frame = 0;
      latest = null;
    },
  };
}
