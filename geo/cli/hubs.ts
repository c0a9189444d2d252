/**
 * The hubs `czd check` and `czd report` count: the embedded 혁신도시 layer (the app's built-in
 * one, bundled into the CLI) unless `--hubs` names files (repeatable) or is `none`.
 */
import { readFileSync } from "node:fs";
import { type HubIndex, type HubSource, indexHubSources } from "../hubs";
import { EMBEDDED_HUBS_FILE, embeddedHubSource, hubSourceName, importHubs } from "../io";
import { readBytes, usage } from "./files";

/** The embedded layer's text, put in by the build (scripts/build-cli.mjs, esbuild `define`). */
declare const CZD_EMBEDDED_HUBS: string | undefined;

/**
 * The built czd carries the layer in itself; run from source (tsx geo/cli/bin.ts, the tests) it reads
 * the app's own file, so both read the text the app fetches.
 */
function embeddedHubsText(): string {
  if (typeof CZD_EMBEDDED_HUBS === "string") return CZD_EMBEDDED_HUBS;
  return readFileSync(new URL(`../../public/data/${EMBEDDED_HUBS_FILE}`, import.meta.url), "utf8");
}

/** `--hubs none` counts nothing (the report then has no hub sources and `given: false`). */
export const NO_HUBS = "none";

/** The hub index the `--hubs` values name, or undefined for `--hubs none`. */
export async function hubsFromArgs(
  paths: readonly string[] | undefined,
  hubsCrs: string | undefined,
): Promise<HubIndex | undefined> {
  if (!paths || paths.length === 0) return indexHubSources([embeddedHubSource(embeddedHubsText())]);
  if (paths.includes(NO_HUBS)) {
    if (paths.length === 1) return undefined;
    throw usage("HUBS_NONE_WITH_FILES");
  }
  const sources: HubSource[] = [];
  for (const path of paths) {
    const bytes = readBytes(path, "hubs");
    const hubs = await importHubs(bytes, path, hubsCrs ? { crs: hubsCrs } : {});
    sources.push({ name: hubSourceName({ file: path }), hubs });
  }
  return indexHubSources(sources);
}
