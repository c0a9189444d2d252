/// <reference types="vite/client" />
/// <reference types="vite-plugin-pwa/client" />

interface ImportMetaEnv {
  /** A VWorld API key; without it the VWorld basemap is not offered. */
  readonly VITE_VWORLD_KEY?: string;
  /**
   * Set only by bench/frame-layers.ts's own build: the map is put on `window.__czdMap` so the
   * bench can hide layers. Unset, the line is dropped from the build.
   */
  readonly VITE_BENCH_MAP?: string;
}
