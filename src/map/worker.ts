/**
 * MapLibre 6 looks for its worker next to its own module; once bundled that file is not there,
 * so the worker ships as a build asset and MapLibre is told where it is.
 */
import { setWorkerUrl } from "maplibre-gl";
import workerUrl from "maplibre-gl/dist/maplibre-gl-worker.mjs?url";

setWorkerUrl(workerUrl);
