/**
 * The open cadastre as the page knows it: reading progress, the outlines the map draws (and
 * picks from, by exact geometry), and whether clicks on the map pick 필지. Not undone: what the
 * planner builds from it lives in the zone store, where every pick is one undo step.
 */
import type { MultiPolygon, Polygon } from "geojson";
import { create } from "zustand";
import type { Outlines } from "./protocol";

export interface CadastreState {
  status: "none" | "loading" | "ready";
  read: number;
  total: number;
  layers: string[];
  outlines: Outlines | null;
  /** PNU → exact geometry, for unions. */
  geometry: Map<string, Polygon | MultiPolygon>;
  /** Clicks on the map add or remove 필지. */
  picking: boolean;
  /** The next pick starts a new 구역 rather than growing the last one. */
  startNew: boolean;
}

export const useCadastre = create<CadastreState>()(() => ({
  status: "none",
  read: 0,
  total: 0,
  layers: [],
  outlines: null,
  geometry: new Map(),
  picking: false,
  startNew: false,
}));

export function setOutlines(layers: string[], outlines: Outlines): void {
  useCadastre.setState({
    status: "ready",
    layers,
    outlines,
    geometry: new Map(outlines.features.map((f) => [f.properties.pnu, f.geometry])),
  });
}
