/** Messages between the app and the cadastre Worker (structured-clone values only). */
import type { MultiPolygon, Polygon } from "geojson";
import type { PiljiHit } from "../../geo/cadastre";
import type { ErrorData } from "../../geo/index";
import type { SelectReply, SelectRequest } from "./cadastre-select-protocol";

/** The URL scheme of the cadastre's vector tiles (src/map/cadastre-layer.ts serves it). */
export const TILE_SCHEME = "czd-cadastre";

/** The URL scheme of its raster tiles (cadastre-raster.ts), drawn below RASTER_MAX_ZOOM. */
export const RASTER_SCHEME = "czd-cadastre-png";
/** The map zoom from which the vector layer draws the 필지 (and labels them), raster below. */
export const RASTER_MAX_ZOOM = 16;

/** The cadastre's vector layer (`source-layer` of the map's layers). */
export const TILE_LAYER = "cadastre";
/** Tiles are cut to this zoom; the map overzooms them past it (labels, picking at zoom 17+). */
export const TILE_MAX_ZOOM = 16;
/** No tile below this zoom: the map shows the cadastre from MapLibre zoom 14 (tiles of 512 px). */
export const TILE_MIN_ZOOM = 14;

export interface NamedFile {
  name: string;
  bytes: Uint8Array;
  /** The picked file's modification time (ms): with its name and size, what the kept 필지 were read from. */
  lastModified?: number;
}

/** Why a kept cadastre could not be restored: none kept, an older format, or damaged / cut. */
export type UnkeptWhy = "missing" | "format" | "damaged";

/** What picking files added to the cadastre held (see the `opened` reply). */
export interface AddedLayers {
  layers: string[];
  count: number;
  skipped: number;
  /** A first open: `skipped` are 필지 the picked files held twice (not already open ones). */
  twice?: boolean;
  /**
   * The box (west, south, east, north; lon/lat) of the 필지 added: only the freehand 구역 whose
   * box meets it are listed again (src/actions/cadastre-cover.ts).
   */
  extent?: [number, number, number, number];
}

export type CadastreRequest =
  | SelectRequest
  /** `generation`: the page's number for this cadastre; tile requests name it (stale ones get none). */
  | { kind: "open"; id: number; files: NamedFile[]; generation: number }
  /** The cadastre kept at the last visit (IndexedDB), without reading any Shapefile. */
  | { kind: "restore"; id: number; generation: number }
  /** Keep the cadastre just opened for the next visit (the Worker writes it to IndexedDB). */
  | { kind: "keep"; id: number }
  /**
   * Take one layer (a 시·군's file, `at` in the list the page shows, named `name`) out of the
   * cadastre and out of what is kept; the tiles get generation `generation`. `watch`: PNUs the
   * page's 구역 name, of which the reply says which were that layer's.
   */
  | {
      kind: "closeLayer";
      id: number;
      at: number;
      name: string;
      generation: number;
      watch: string[];
    }
  /** One vector tile (MVT) of the cadastre of that generation. */
  | { kind: "tile"; id: number; generation: number; z: number; x: number; y: number }
  /** One raster tile (an ImageBitmap) of that generation: `size` pixels a side, `ratio` of them a CSS pixel. */
  | {
      kind: "raster";
      id: number;
      generation: number;
      z: number;
      x: number;
      y: number;
      size: number;
      ratio: number;
      jimok: boolean;
    }
  /** The 필지 under a point (picking where the map draws raster tiles). */
  | { kind: "at"; id: number; lon: number; lat: number }
  /** The exact union of these 필지 (null when none is held). */
  | { kind: "union"; id: number; pnus: string[] }
  /** The 필지 whose inner point lies inside the outline, and their union. */
  | { kind: "inside"; id: number; outline: Polygon | MultiPolygon }
  | {
      kind: "joso";
      id: number;
      /** The filing exactly as the app exports it: the 조서 is of that file, as `czd parcels`'s is. */
      filing: string;
      fileName: string;
      format: "csv" | "xlsx";
      encoding: "utf-8" | "cp949";
    }
  /** 지번 search (issue 21): the 필지 a typed 동 + 지번 or PNU names. */
  | { kind: "find"; id: number; query: string }
  /** The 조서 as the print report's appendix (the HTML `czd report --cadastre` appends). */
  | { kind: "josoHtml"; id: number; bytes: Uint8Array; fileName: string; lang: "ko" | "en" };

export type CadastreReply =
  | SelectReply
  /** `unit`: a restore first counts the kept entries' bytes read from IndexedDB, then 필지. */
  | { kind: "progress"; id: number; read: number; total: number; unit?: "bytes" | "pilji" }
  /**
   * The map then asks for the vector tiles in view (`tile`), cut here: the page never parses or
   * clones 300,000 features itself.
   */
  | {
      kind: "opened";
      id: number;
      layers: string[];
      /** Each layer's 시·군·구 (진주시), from its 필지's PNUs; the layer's code when not known. */
      places: string[];
      count: number;
      /** Read from the picked files, or restored from what was kept (the same files picked again, a reload). */
      from: "files" | "kept";
      /**
       * Files picked while a cadastre was held, added to it: the layers that brought new 필지, how
       * many, and how many were skipped as already held (same PNU; none counted when the files
       * were the very ones held already, not read again).
       */
      added?: AddedLayers;
      /**
       * A restore: the kept layers whose entry could not be read (damaged, cut, missing) and were
       * left out (the others restored), each by its layer name and its 시·군; their entries are
       * deleted and the manifest written without them before this reply.
       */
      lost?: { name: string; place: string }[];
    }
  /** A layer closed: the layers left, their 필지, and the watched PNUs that were its 필지. */
  | {
      kind: "closed";
      id: number;
      layers: string[];
      places: string[];
      count: number;
      gone: string[];
      /** False when no such layer was held (closed already): nothing changed, nothing written. */
      closed: boolean;
      /** The change was written to what is kept (false: that failed, and nothing is kept now). */
      kept: boolean;
    }
  /** Nothing restored: the layers kept (if any) and why; what was kept is forgotten. */
  | { kind: "unkept"; id: number; names: string[]; why: UnkeptWhy }
  /** The cadastre is kept: the bytes stored. */
  | { kind: "kept"; id: number; bytes: number }
  /** MVT bytes (layer `cadastre`: pnu, label, jimok), transferred; empty where no 필지 lies. */
  | { kind: "tile"; id: number; bytes: Uint8Array }
  | { kind: "at"; id: number; pnu: string | null }
  /** A raster tile drawn in the Worker, transferred; null where no 필지 lies. */
  | { kind: "bitmap"; id: number; bitmap: ImageBitmap | null }
  | { kind: "union"; id: number; geometry: Polygon | MultiPolygon | null }
  | { kind: "inside"; id: number; pnus: string[]; geometry: Polygon | MultiPolygon | null }
  | { kind: "joso"; id: number; bytes: Uint8Array }
  | { kind: "found"; id: number; hits: PiljiHit[] }
  | { kind: "josoHtml"; id: number; html: string }
  /** What went wrong, as data: the page renders it in its language. */
  | { kind: "error"; id: number; error: ErrorData };
