import react from "@vitejs/plugin-react";
import { defineConfig, type Plugin } from "vite";

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

// Relative base so the built app works from any folder or static host, with no network.
// geo/ is pure (no module runs anything on import), so the bundler may leave out any geo module
// the first screen doesn't use: the converters, the CP949 table and the report writers then
// load with the panels that need them (import()), not with the map.
export default defineConfig({
  base: "./",
  plugins: [react(), fetchedSido()],
  build: {
    chunkSizeWarningLimit: 2000,
    rolldownOptions: {
      treeshake: { moduleSideEffects: (id: string) => !/[\\/]geo[\\/]/.test(id) },
    },
  },
});
