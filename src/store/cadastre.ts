/**
 * The open cadastre as the page knows it: reading progress, the URL template of its vector tiles
 * (the 필지 themselves stay in the Worker, which cuts the tiles), whether clicks on the map pick
 * 필지, and whether the map colours 필지 by 지목. Not
 * undone: what the planner builds from it lives in the zone store, each pick one undo step.
 */
import { create } from "zustand";

export interface CadastreState {
  status: "none" | "loading" | "ready";
  /** Loading what was kept at the last visit (no Shapefile read), not reading files. */
  restoring: boolean;
  /** Where the cadastre held came from: the picked files read, or what was kept of them. */
  from: "files" | "kept" | null;
  /** The cadastre held is kept for the next visit (the Worker has written it). */
  kept: boolean;
  read: number;
  total: number;
  /** What `read` and `total` count: 필지, or (a restore reading IndexedDB first) bytes. */
  unit: "pilji" | "bytes";
  layers: string[];
  /** Each layer's 시·군·구 (진주시), as the panel names it. */
  places: string[];
  /** 필지 held by the Worker. */
  count: number;
  /** The vector tiles' URL template (`czd-cadastre://…/{z}/{x}/{y}`), for the map. */
  url: string | null;
  /**
   * The box (west, south, east, north) of the 필지 the last add brought, set before the cadastre
   * it made is shown: the freehand 구역 meeting it are listed again. Null: not known (all are).
   */
  addedExtent: [number, number, number, number] | null;
  /** 필지 filled in their 지목's colour (with a legend), not only outlined. */
  jimokColours: boolean;
  /** Clicks on the map add or remove 필지. */
  picking: boolean;
  /** The next pick starts a new 구역 rather than growing the last one. */
  startNew: boolean;
  /** A drag on the map draws a box whose 필지 go to the 구역 being built. */
  boxing: boolean;
}

export const useCadastre = create<CadastreState>()(() => ({
  status: "none",
  restoring: false,
  from: null,
  kept: false,
  read: 0,
  total: 0,
  unit: "pilji",
  layers: [],
  places: [],
  count: 0,
  url: null,
  addedExtent: null,
  jimokColours: false,
  picking: false,
  startNew: false,
  boxing: false,
}));

/** The cadastre the Worker holds, and its tiles' URL template (null: none). */
export function setOutlines(
  layers: string[],
  count: number,
  outlines: string | null,
  places: string[] = [],
): void {
  useCadastre.setState({
    status: outlines ? "ready" : "none",
    layers,
    places,
    count,
    url: outlines,
  });
}
