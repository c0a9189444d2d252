/**
 * The 시·도 boundaries as bundled with the code: what the CLI, the tests and the firms worker
 * use. The app's build replaces this module with one exporting null (vite.config.ts) and fetches
 * public/data/sido.json instead, handing it in with `provideSido` before anything is checked.
 */
import boundaries from "../../public/data/sido.json";

export const EMBEDDED_SIDO: unknown = boundaries;
