/**
 * What a report says it counted (`hubs.sources`): one name per hub layer or file. The app's
 * built-in layer and the CLI's embedded one are the same file, public/data/innovation-cities.geojson,
 * and both are named here so the two reports are identical byte for byte.
 */
/** The embedded hub layer's file, as the app fetches it and the CLI bundles it. */
export const EMBEDDED_HUBS_FILE = "innovation-cities.geojson";

/** Where hubs came from: the embedded 혁신도시 layer, or a hub file the user gave. */
export type HubOrigin = { embedded: true } | { file: string };

/**
 * The name a report gives a hub source. The embedded layer says it is approximate (its points
 * stand for whole towns); a file is named by its base name, so a report reads the same whichever
 * folder the file was in.
 */
export function hubSourceName(origin: HubOrigin): string {
  if ("embedded" in origin) return "혁신도시 (embedded, approximate)";
  return origin.file.split(/[\\/]/).pop() || origin.file;
}
