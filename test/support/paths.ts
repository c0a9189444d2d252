/**
 * Where the tests' data sits. The example filings are copies kept in the repo
 * (test/fixtures/examples), so a clone with nothing beside it passes `npm test`; SHARED is the
 * team's folder beside the repo, read only to check those copies where it exists.
 */
import { join } from "node:path";

export const ROOT = join(__dirname, "../..");
export const EXAMPLES = join(ROOT, "test/fixtures/examples");
export const SHARED = join(ROOT, "../shared");
export const SHARED_EXAMPLES = join(SHARED, "examples");
/** The app's built-in hub layer, the one the CLI embeds. */
export const EMBEDDED_HUBS = join(ROOT, "public/data/innovation-cities.geojson");
