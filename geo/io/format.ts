/**
 * The one face every format converter wears (after Placemark's converters): bytes in, features
 * out; a zone in, bytes or text out. Pure and async (zip libraries are), no file system, so the
 * browser app and the CLI share them. Adding a format is one module plus a line in registry.ts.
 */
import type { FeatureCollection } from "geojson";
import type { Report, Zone } from "../types";
import type { TextEncodingId } from "./text";

export interface ReadOptions {
  /** The CRS of coordinates that don't say theirs: CSV x/y columns, a Shapefile without .prj. */
  crs?: string;
  /** Force a text encoding instead of detecting it (CSV, a .dbf without .cpg). */
  encoding?: TextEncodingId;
  /** How a message names the control for a hub file's CRS (default: the CLI's `--hubs-crs`). */
  crsHint?: CrsHint;
}

/** A phrase with its particle: "--hubs-crs EPSG:xxxx로" / "with --hubs-crs EPSG:xxxx". */
export interface CrsHint {
  ko: string;
  en: string;
}

export const CLI_CRS_HINT: CrsHint = {
  ko: "--hubs-crs EPSG:xxxx로",
  en: "with --hubs-crs EPSG:xxxx",
};

export interface WriteOptions {
  /** The last report, carried in the filing's `czd` member where the format has room for it. */
  report?: Report;
  /** Base name of the files inside a zipped Shapefile (default "parcels"). */
  baseName?: string;
  /** The TM plane a Shapefile is written in (default EPSG:5186), e.g. "EPSG:5181" or "EPSG:5174". */
  crs?: string;
}

/** What a reader gives back: features in WGS84 lon/lat (RFC 7946), whatever the file was in. */
export interface Imported {
  collection: FeatureCollection;
  /** The CRS the file was written in, e.g. "EPSG:5186". */
  sourceCrs: string;
  /** A filing's top-level `czd` member, when the format carries one. */
  meta?: Record<string, unknown>;
  /**
   * A CSV's: the line of the file (as a text editor numbers it) where feature `i`'s row starts,
   * worked out when a message asks for it.
   */
  rowLine?: (i: number) => number;
}

export interface Converter {
  id: string;
  label: { ko: string; en: string };
  /** Lower-case file extensions with the dot, the first being the one written. */
  extensions: readonly string[];
  /** What an export adds to the file's stem before the extension: "-5186" → "zone-5186.geojson". */
  fileSuffix: string;
  /** What `read` gives: a zone's parcels (a filing), or points (hubs, firms; no parcel shapes). */
  reads: "zone" | "points";
  /** The largest file `read` takes, checked before it parses anything (bytes). */
  maxReadBytes: number;
  mime: string;
  read?: (bytes: Uint8Array, name: string, opts?: ReadOptions) => Promise<Imported>;
  write?: (zone: Zone, opts?: WriteOptions) => Promise<Uint8Array | string>;
}
