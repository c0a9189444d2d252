import react from "@vitejs/plugin-react";
import { defineConfig } from "vite";

// Relative base so the built app works from any folder or static host, with no network.
// geo/ is pure (no module runs anything on import), so the bundler may leave out any geo module
// the first screen doesn't use: the converters, the CP949 table and the report writers then
// load with the panels that need them (import()), not with the map.
export default defineConfig({
  base: "./",
  plugins: [react()],
  build: {
    chunkSizeWarningLimit: 2000,
    rolldownOptions: {
      treeshake: { moduleSideEffects: (id: string) => !/[\\/]geo[\\/]/.test(id) },
    },
  },
});
