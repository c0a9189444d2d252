import { defineConfig, type Plugin } from "vitest/config";

/** `.geojson` imported as text, as esbuild's text loader does for the built CLI (geo/cli-hubs.ts). */
const geojsonText: Plugin = {
  name: "geojson-text",
  enforce: "pre",
  transform(code, id) {
    if (!id.endsWith(".geojson")) return null;
    return { code: `export default ${JSON.stringify(code)};`, map: null };
  },
};

export default defineConfig({
  plugins: [geojsonText],
  test: {
    include: ["test/**/*.test.ts"],
    exclude: ["test/e2e/**", "node_modules/**"],
    testTimeout: 30_000,
  },
});
