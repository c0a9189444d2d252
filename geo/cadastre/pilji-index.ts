/**
 * A box index over 필지 (Flatbush), built once for a cadastre: the selection queries (a box, an
 * outline, the envelope, the 필지 under a 구역) look only at the 필지 whose box meets theirs
 * instead of walking a 시·군's 300,000.
 */
import Flatbush from "flatbush";
import { type Bbox, geometryBounds } from "../geometry";
import type { Pilji } from "./types";

export interface PiljiIndex {
  /** The 필지 whose box meets `box` ([minLon, minLat, maxLon, maxLat]), in the order held. */
  near(box: Bbox): Pilji[];
}

export function piljiIndex(pilji: readonly Pilji[]): PiljiIndex {
  if (pilji.length === 0) return { near: () => [] };
  const tree = new Flatbush(pilji.length);
  for (const p of pilji) {
    const b = geometryBounds(p.geometry);
    tree.add(b[0], b[1], b[2], b[3]);
  }
  tree.finish();
  return {
    near: (box) =>
      tree
        .search(box[0], box[1], box[2], box[3])
        .sort((a, b) => a - b)
        .map((i) => pilji[i] as Pilji),
  };
}
