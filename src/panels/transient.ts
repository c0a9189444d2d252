/**
 * A value that changes many times a second (the pointer's position) or only matters while
 * shown (the measure tool's points): kept outside the app's store, so a mouse move doesn't run
 * every selector of the app, and read with useSyncExternalStore by the one component showing it.
 */
import { useSyncExternalStore } from "react";

export interface Transient<T> {
  get: () => T;
  set: (value: T) => void;
  use: () => T;
}

export function createTransient<T>(initial: T): Transient<T> {
  let value = initial;
  const listeners = new Set<() => void>();
  const subscribe = (listener: () => void) => {
    listeners.add(listener);
    return () => listeners.delete(listener);
  };
  const get = () => value;
  return {
    get,
    set: (next) => {
      if (next === value) return;
      value = next;
      for (const l of listeners) l();
    },
    use: () => useSyncExternalStore(subscribe, get, get),
  };
}

export type LonLat = [number, number];

/** The pointer over the map (null when it is elsewhere). */
export const pointer = createTransient<LonLat | null>(null);

/** The measure tool: on or off, its points, and whether the line is ended (then also an area). */
export const measure = createTransient<{ on: boolean; points: LonLat[]; ended: boolean }>({
  on: false,
  points: [],
  ended: false,
});
