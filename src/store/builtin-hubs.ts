/**
 * The built-in hub layer: public/data/innovation-cities.geojson, the same text the CLI bundles,
 * read by the same geo function, so the panel, reviewer mode and `czd check` count the same hubs
 * under the same name (`hubs.sources`).
 */
import { embeddedHubSource } from "../../geo/index";
import type { HubLayer } from "./types";

export const BUILTIN_HUB_LAYER_ID = "builtin-innovation-cities";

/** The built-in layer from the text of innovation-cities.geojson. */
export function builtinHubLayer(text: string): HubLayer {
  return {
    id: BUILTIN_HUB_LAYER_ID,
    name: "혁신도시 Innovation cities",
    hubs: embeddedHubSource(text).hubs,
    approximate: true,
    builtin: true,
    visible: true,
  };
}
