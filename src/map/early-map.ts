/**
 * The map before the app: the page's first script makes it as soon as MapLibre has run, while
 * React, the panels and the checker load beside it (import()), so the script before the map is
 * MapLibre's and this. Until the app adopts it (MapView), it fills the window and shows the
 * embedded basemap, with no tool: online tiles are asked for once the app picks a basemap.
 */
import type { FeatureCollection } from "geojson";
import type { Lang } from "../../geo/index";
import { SIDO_LITE_FILE } from "./basemap";
import { workerScriptFetched } from "./worker";
import { type MapHandlers, ZoneMap } from "./zone-map";
import "maplibre-gl/dist/maplibre-gl.css";

export interface EarlyMapOptions {
  lang: Lang;
  /** The 시·군·구 boundaries, fetched once for the map and the report alike. */
  loadSigungu: () => Promise<FeatureCollection>;
  /** MapLibre's own control labels, by language. */
  locales: Record<Lang, Record<string, string>>;
}

/** What the app hands the map: everything but onReady, which marks the map's element. */
export type AppHandlers = Omit<MapHandlers, "onReady">;

const NOTHING_YET: AppHandlers = {
  onDrawn: () => undefined,
  onEdited: () => undefined,
  onDeleted: () => undefined,
  onEditCancelled: () => undefined,
  onError: (message) => console.warn(message),
  // No online basemap is shown before the app picks one.
  onTilesFailed: () => undefined,
};

interface Early {
  element: HTMLDivElement;
  map: ZoneMap;
  handlers: { current: MapHandlers };
}

let early: Early | null = null;

let rendered: () => void = () => undefined;
/** Resolves when the early map has shown its first complete frame (data-ready). */
export const firstRender = new Promise<void>((done) => {
  rendered = done;
});

/**
 * At most this long after the map is made, the app's own chunks are asked for whatever the map has
 * done: a worker script whose arrival the page cannot see, a map that never loads (its worker
 * failed) must not keep the app, and its message, from the planner.
 */
const APP_CHUNKS_WAIT_MS = 4000;

/**
 * Make the map now, in an element of its own over the whole page. Resolves once MapLibre's worker
 * script has arrived, the map's tool chunks are in and the map has loaded (its `load`: the first
 * view's land tiled), or after APP_CHUNKS_WAIT_MS: the moment to ask for the app's chunks. Asked
 * for with the map, their score of requests queued ahead of the worker's script and terra-draw's
 * chunk; asked for before `load`, their parsing and evaluation took the cores while the worker
 * tiled the land.
 */
export function startMap(options: EarlyMapOptions): Promise<void> {
  const own = early ?? tryStart(options);
  // No map (no WebGL2): nothing to wait for, the app comes at once and says so.
  if (!own) return Promise.resolve();
  const ready = Promise.all([own.map.loadedWithTools, workerScriptFetched(APP_CHUNKS_WAIT_MS)]);
  const late = new Promise((wait) => setTimeout(wait, APP_CHUNKS_WAIT_MS));
  return Promise.race([ready, late]).then(() => undefined);
}

/** Why the map could not be made, once it was tried and failed; null while it has not. */
let failure: unknown = null;

/**
 * The error that kept the map from being made (MapLibre's GPUInitializationError where the
 * browser gives no WebGL2: office, VDI and 망분리 PCs without a usable GPU), or null.
 */
export function mapFailure(): unknown {
  return failure;
}

/**
 * The map made once, or null when it cannot be (then never tried again): the app runs without
 * it (the panels, import, coordinate entry, the checker and export need no map) rather than
 * leaving a blank page.
 */
function tryStart(options: EarlyMapOptions): Early | null {
  if (failure !== null) return null;
  try {
    early = start(options);
    return early;
  } catch (e) {
    failure = e ?? new Error("map");
    console.warn("지도를 만들 수 없음 / map not made", e);
    // The app need not wait for a first frame that will never come.
    rendered();
    return null;
  }
}

function start(options: EarlyMapOptions): Early {
  const element = document.createElement("div");
  element.setAttribute("data-testid", "map");
  element.setAttribute("data-ready", "false");
  Object.assign(element.style, { position: "fixed", inset: "0" });
  document.body.append(element);
  // Time since navigation start: what the planner waits for, script loading included.
  const onReady = (ms: number) => {
    element.setAttribute("data-ready", "true");
    element.setAttribute("data-first-render-ms", String(Math.round(ms)));
    rendered();
  };
  const handlers = { current: { ...NOTHING_YET, onReady } };
  try {
    const map = new ZoneMap(element, handlers, {
      sidoUrl: new URL("data/sido.json", document.baseURI).href,
      sidoLiteUrl: new URL(SIDO_LITE_FILE, document.baseURI).href,
      loadSigungu: options.loadSigungu,
      vworldKey: import.meta.env.VITE_VWORLD_KEY,
      locale: options.locales[options.lang],
    });
    return { element, map, handlers };
  } catch (e) {
    element.remove();
    throw e;
  }
}

/**
 * Move the map into the app's host element and route its events to the app. Returns the map
 * and a function that gives the events back (the map itself lives as long as the page), or null
 * when there is no map (mapFailure says why).
 */
export function adoptMap(
  host: HTMLElement,
  handlers: AppHandlers,
  options: EarlyMapOptions,
): { map: ZoneMap; release: () => void } | null {
  const own = early ?? tryStart(options);
  if (!own) return null;
  Object.assign(own.element.style, { position: "absolute", inset: "0" });
  host.append(own.element);
  const onReady = own.handlers.current.onReady;
  own.handlers.current = { ...handlers, onReady };
  return {
    map: own.map,
    release: () => {
      own.handlers.current = { ...NOTHING_YET, onReady };
    },
  };
}

/** Take the map off the page (the app could not start: the recovery panel shows instead). */
export function dropMap(): void {
  early?.map.destroy();
  early?.element.remove();
  early = null;
}
