/**
 * Builds `czd` once into plain JavaScript (dist-cli/czd.mjs): geo/cli/bin.ts with its
 * dependencies and data (the 시·도 boundaries, the rule sets, the embedded hub layer) in one file.
 * Runs on install (`prepare`), so `npx czd` works right after `npm ci`. Plain .mjs rather than
 * .ts: it runs before anything could load TypeScript.
 */
import { chmodSync, readFileSync } from "node:fs";
import { build } from "esbuild";

const outfile = "dist-cli/czd.mjs";

await build({
  entryPoints: ["geo/cli/bin.ts"],
  outfile,
  bundle: true,
  platform: "node",
  format: "esm",
  target: "node20",
  minify: true,
  legalComments: "none",
  charset: "utf8",
  // The embedded hub layer goes in as its text, the very text the app fetches (geo/cli/hubs.ts).
  define: {
    CZD_EMBEDDED_HUBS: JSON.stringify(
      readFileSync("public/data/innovation-cities.geojson", "utf8"),
    ),
  },
  banner: {
    // The CommonJS dependencies (proj4, papaparse, shp-write's dbf) call require(); ESM has none of its own.
    js: [
      "#!/usr/bin/env node",
      'import { createRequire as czdCreateRequire } from "node:module";',
      "const require = czdCreateRequire(import.meta.url);",
    ].join("\n"),
  },
  logLevel: "warning",
});
chmodSync(outfile, 0o755);
