/**
 * The open cadastre as the page knows it: reading progress, the URL the map loads the outlines
 * from (the 필지 themselves stay in the Worker), and whether clicks on the map pick 필지. Not
 * undone: what the planner builds from it lives in the zone store, each pick one undo step.
 */
import { create } from "zustand";

export interface CadastreState {
  status: "none" | "loading" | "ready";
  read: number;
  total: number;
  layers: string[];
  /** 필지 held by the Worker. */
  count: number;
  /** A blob URL of the outlines as GeoJSON, for the map. */
  url: string | null;
  /** Clicks on the map add or remove 필지. */
  picking: boolean;
  /** The next pick starts a new 구역 rather than growing the last one. */
  startNew: boolean;
  /** A drag on the map draws a box whose 필지 go to the 구역 being built. */
  boxing: boolean;
}

export const useCadastre = create<CadastreState>()(() => ({
  status: "none",
  read: 0,
  total: 0,
  layers: [],
  count: 0,
  url: null,
  picking: false,
  startNew: false,
  boxing: false,
}));

/** The Worker's outlines (GeoJSON text) as a blob URL the map loads; the old one is let go. */
export function setOutlines(layers: string[], count: number, outlines: ArrayBuffer | null): void {
  const old = useCadastre.getState().url;
  if (old) URL.revokeObjectURL(old);
  const url = outlines
    ? URL.createObjectURL(new Blob([outlines], { type: "application/geo+json" }))
    : null;
  useCadastre.setState({ status: outlines ? "ready" : "none", layers, count, url });
}
