/**
 * The app's vocabulary: the drawing tools, the basemaps and the shape in progress. The store
 * holds them, the panels offer them, and the map adapter (src/map/contract.ts) takes them.
 */
import type { LineString, Point, Polygon } from "geojson";
import type { Envelope } from "../../geo/index";

export const TOOLS = {
  none: "none",
  parcelPolygon: "parcel-polygon",
  parcelCircle: "parcel-circle",
  parcelRectangle: "parcel-rectangle",
  envelopeCircle: "envelope-circle",
  envelopeBelt: "envelope-belt",
  envelopePolygon: "envelope-polygon",
  select: "select",
} as const;
export type ToolId = (typeof TOOLS)[keyof typeof TOOLS];
export type DrawTool = Exclude<ToolId, "none" | "select">;

/** The offline basemap alone, or with an online raster under the borders (VWorld needs a key). */
export type Basemap = "none" | "osm" | "vworld" | "vworld-satellite" | "vworld-hybrid";

/**
 * A shape in progress, measured while it is made: one being drawn with a tool (its geometry so
 * far, the pointer as its last vertex), or the envelope being dragged with the select tool.
 * `at`: the pointer, in page pixels, where the figures are shown.
 */
export type LiveShape =
  | {
      kind: "drawing";
      tool: DrawTool;
      geometry: Polygon | LineString | Point;
      at: [number, number];
    }
  | { kind: "envelope"; envelope: Envelope; at: [number, number] };
