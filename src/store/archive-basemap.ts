/**
 * The PMTiles basemap (src/map/archive-basemap.ts) as app state: which archive the planner asked
 * for (the one beside the app, found at start, or a file opened from disk) and how it went. The
 * status bar names it; panels/archive-wiring.ts hands the request to the map and writes back.
 */
import { useStore } from "zustand";
import { createStore } from "zustand/vanilla";

export interface ArchiveBasemapState {
  /** A file the planner picked, not yet handed to the map (null once it is). */
  requested: File | null;
  /** The archive in use or being read; null: the embedded basemap alone. */
  archive: {
    name: string;
    origin: "beside" | "file";
    state: "loading" | "shown" | "failed";
    kind?: "vector" | "raster";
    /** Why it failed, one line, as the map reader said. */
    error?: string;
  } | null;
}

export const archiveBasemapStore = createStore<ArchiveBasemapState>(() => ({
  requested: null,
  archive: null,
}));

export function useArchiveBasemap<T>(select: (s: ArchiveBasemapState) => T): T {
  return useStore(archiveBasemapStore, select);
}

/** The planner opened an archive from disk: the map reads it next. */
export function requestArchiveFile(file: File): void {
  archiveBasemapStore.setState({
    requested: file,
    archive: { name: file.name, origin: "file", state: "loading" },
  });
}
