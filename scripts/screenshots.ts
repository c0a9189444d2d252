/**
 * The screenshots in docs/: the built app (dist/, `npx vite build` first) in Debian's Chromium,
 * offline on its embedded data, with the 진주 example filing imported — the planner's map in
 * Korean and in English. Run: `npx vite build && npx tsx scripts/screenshots.ts`.
 */
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { openApp, panelSettled, waitForMap } from "../test/e2e/browser";
import { serveDir } from "../test/e2e/static-server";

const ROOT = join(dirname(fileURLToPath(import.meta.url)), "..");
const EXAMPLES = join(ROOT, "test/fixtures/examples");

const server = await serveDir(join(ROOT, "dist"));
try {
  for (const lang of ["ko", "en"] as const) {
    const app = await openApp(server.url);
    try {
      const { page } = app;
      await page.setViewportSize({ width: 1366, height: 768 });
      await page.goto(server.url);
      await waitForMap(page);
      if (lang === "en") await page.getByTestId("lang-toggle").click();
      await page
        .getByTestId("import-file")
        .setInputFiles(join(EXAMPLES, "jinju-two-parcels.geojson"));
      await panelSettled(page);
      await page.waitForTimeout(1500); // the map's fly to the imported zone
      const file = join(ROOT, "docs", lang === "ko" ? "screenshot.png" : "screenshot-en.png");
      await page.screenshot({ path: file });
      console.log(`wrote ${file}`);
    } finally {
      await app.close();
    }
  }
} finally {
  await server.close();
}
