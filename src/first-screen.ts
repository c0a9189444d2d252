/**
 * The page's first script: the map first (MapLibre and the map's own modules), then the app
 * around it (main.tsx: React, the panels, the checker), fetched once the map has loaded.
 */
import { MAPLIBRE_LOCALE } from "./i18n/maplibre";
import { startMap } from "./map/early-map";
import { storedLang } from "./store/stored-lang";

const mapScripts = startMap({
  lang: storedLang(),
  // The one fetch of the 시·군·구 that the report shares; its reader comes with the app's chunks.
  loadSigungu: () => import("./sigungu-data").then((m) => m.loadSigungu()),
  locales: MAPLIBRE_LOCALE,
});
// The app's chunks once the map has loaded with its own scripts (early-map.ts says why).
void mapScripts.then(() => import("./main"));
