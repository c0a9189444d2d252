/**
 * The embedded 혁신도시 layer read from its text. Apart from hub-sources.ts so that naming a
 * source (which every report does) doesn't pull in the hub file readers (proj4, CSV).
 */
import type { HubSource } from "../hubs";
import { EMBEDDED_HUBS_FILE, hubSourceName } from "./hub-sources";
import { readHubs } from "./hubs";

/** The embedded layer from its GeoJSON text, read as the app and the CLI both read it. */
export function embeddedHubSource(text: string): HubSource {
  return { name: hubSourceName({ embedded: true }), hubs: readHubs(text, EMBEDDED_HUBS_FILE) };
}
