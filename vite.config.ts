import react from "@vitejs/plugin-react";
import { defineConfig, type Plugin } from "vite";
import { VitePWA } from "vite-plugin-pwa";

const SIDO_STUB = "\0embedded-sido-stub";

/**
 * The app fetches public/data/sido.json (src/main.tsx) rather than carrying it in its first
 * chunk: in the app's build, geo's embedded copy is replaced by null. Workers are built without
 * this plugin (Vite applies `plugins` to workers only in dev), so they keep the embedded copy.
 */
function fetchedSido(): Plugin {
  return {
    name: "czd-fetched-sido",
    apply: "build",
    enforce: "pre",
    resolveId(id, importer) {
      const fromGeo = importer && /[\\/]geo[\\/]sido[\\/]/.test(importer);
      return fromGeo && id === "./embedded-sido" ? SIDO_STUB : null;
    },
    load(id) {
      return id === SIDO_STUB ? "export const EMBEDDED_SIDO = null;" : null;
    },
  };
}

/**
 * The installable, offline app (docs/offline.md): a web manifest and a service worker that
 * precaches the whole build (scripts, Workers, styles, the 시·도 and 시·군·구 data), so once
 * visited the app opens, draws, checks and exports with the network off. Paths stay relative
 * (scope and start_url "./"), so any sub-path works. The service worker is registered by
 * src/pwa.ts in production builds only. A basemap archive (basemap.pmtiles) is not precached:
 * it is read by range requests and may be gigabytes.
 */
function installable(): Plugin[] {
  return VitePWA({
    injectRegister: false,
    // A new build waits until every tab of the app is closed (the browser's own rule): no
    // reload under a planner's hands in the middle of a drag.
    registerType: "prompt",
    includeAssets: ["icon.svg"],
    manifest: {
      name: "클러스터 지구 설계기 · Cluster Zone Designer",
      short_name: "지구 설계기",
      description: "국가혁신클러스터 지구를 그리고 검사하고 제출 파일을 내보냅니다 (오프라인)",
      lang: "ko",
      start_url: "./",
      scope: "./",
      display: "standalone",
      background_color: "#ffffff",
      theme_color: "#1f4e79",
      icons: [
        { src: "icon.svg", sizes: "any", type: "image/svg+xml", purpose: "any" },
        { src: "icon.svg", sizes: "any", type: "image/svg+xml", purpose: "maskable" },
      ],
    },
    workbox: {
      // MapLibre's own Worker is an .mjs file: without it the map never starts offline.
      globPatterns: ["**/*.{js,mjs,css,html,json,geojson,wasm}"],
      globIgnores: ["**/*.pmtiles"],
      // sigungu.json is 1.3 MB and the app's largest chunk about 1 MB: both must be precached.
      maximumFileSizeToCacheInBytes: 8 * 1024 * 1024,
      navigateFallback: "index.html",
      navigateFallbackDenylist: [/\.pmtiles$/],
      cleanupOutdatedCaches: true,
      // The first visit is controlled as soon as the precache is complete, so going offline
      // right after it still works.
      clientsClaim: true,
    },
  });
}

// Relative base so the built app works from any folder or static host, with no network.
// geo/ is pure (no module runs anything on import), so the bundler may leave out any geo module
// the first screen doesn't use: the converters, the CP949 table and the report writers then
// load with the panels that need them (import()), not with the map.
export default defineConfig({
  base: "./",
  plugins: [react(), fetchedSido(), installable()],
  build: {
    chunkSizeWarningLimit: 2000,
    rolldownOptions: {
      treeshake: { moduleSideEffects: (id: string) => !/[\\/]geo[\\/]/.test(id) },
    },
  },
});
