/**
 * The page's first script: the map first (MapLibre and the map's own modules), then the app
 * around it (main.tsx: React, the panels, the checker), fetched once the map's own scripts are in.
 */
import { MAPLIBRE_LOCALE } from "./i18n/maplibre";
import { firstRender, startMap } from "./map/early-map";
import { registerServiceWorker } from "./pwa";
import { storedLang } from "./store/ui-slice";

const mapScripts = startMap({
  lang: storedLang(),
  // The one fetch of the 시·군·구 that the report shares; its reader comes with the app's chunks.
  loadSigungu: () => import("./sigungu-data").then((m) => m.loadSigungu()),
  locales: MAPLIBRE_LOCALE,
});
// The app's chunks once the map's are in: asked for together, they held MapLibre's worker back.
void mapScripts.then(() => import("./main"));
// The service worker precaches the whole build (7 MB, 50 files) as it installs: registered once
// the map has rendered, so a first visit's map does not share the network and cores with it. At
// most SW_WAIT_MS, so a map that never renders (no WebGL) still leaves the app installable.
const SW_WAIT_MS = 3000;
void Promise.race([firstRender, new Promise((wait) => setTimeout(wait, SW_WAIT_MS))]).then(
  registerServiceWorker,
);
