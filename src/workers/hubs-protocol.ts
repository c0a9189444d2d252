/** Messages between the page and the hub-raster Worker (structured-clone values only). */
import type { ErrorData } from "../../geo/index";

/** The URL scheme of the hubs' raster tiles: `czd-hubs-png://<version>/{z}/{x}/{y}`. */
export const HUB_RASTER_SCHEME = "czd-hubs-png";

export type HubsRequest =
  /** The hubs of this version (packed: hub-raster.ts), replacing any held. */
  | {
      kind: "hubs";
      id: number;
      version: number;
      xy: Float64Array;
      colour: Uint8Array;
      palette: string[];
    }
  /** One tile of that version's hubs, `size` device pixels a side, `ratio` of them a CSS pixel. */
  | {
      kind: "raster";
      id: number;
      version: number;
      z: number;
      x: number;
      y: number;
      size: number;
      ratio: number;
    };

export type HubsReply =
  | { kind: "held"; id: number; version: number }
  /** The tile, transferred; null where no hub reaches it or the version is no longer held. */
  | { kind: "bitmap"; id: number; bitmap: ImageBitmap | null }
  | { kind: "error"; id: number; error: ErrorData };
