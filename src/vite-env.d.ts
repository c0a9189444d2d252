/// <reference types="vite/client" />
/// <reference types="vite-plugin-pwa/client" />

interface ImportMetaEnv {
  /** A VWorld API key; without it the VWorld basemap is not offered. */
  readonly VITE_VWORLD_KEY?: string;
}
