/**
 * The cadastre Worker's selection requests, kept apart from the reading and drawing protocol
 * (cadastre-protocol.ts): which 필지 a box, an outline or a 구역 selects, and what a freehand
 * 구역 covers. The Worker answers from its box index over the 필지 (geo/cadastre/pilji-index.ts).
 */
import type { MultiPolygon, Polygon } from "geojson";

/**
 * - `box`: the 필지 whose inner point lies inside (a dragged box, the view), as a lasso takes them;
 * - `inside`: the 필지 wholly inside (a 구역's outline, the envelope);
 * - `touching`: the 필지 sharing area with it (a 구역).
 */
export type SelectHow = "box" | "inside" | "touching";

export type SelectRequest =
  | { kind: "select"; id: number; how: SelectHow; outline: Polygon | MultiPolygon }
  /** What a freehand 구역 covers: `pnu` whole, `partialPnu` in part with the m² inside. */
  | { kind: "cover"; id: number; geometry: Polygon | MultiPolygon };

export type SelectReply =
  | { kind: "select"; id: number; pnus: string[] }
  | {
      kind: "cover";
      id: number;
      pnu: string[];
      partialPnu: { pnu: string; m2: number }[];
    };
