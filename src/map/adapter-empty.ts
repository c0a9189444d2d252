/**
 * terra-draw's layers (`td-point`, `td-linestring`, `td-polygon` and their outline and marker
 * layers) hidden while their source is empty: src/map/empty-layers.ts says why. The adapter
 * makes its three sources empty when it registers and writes each through one method; both are
 * wrapped here (after adapter-diff.ts's wrapper, whichever write it then sends).
 *
 * Like adapter-diff.ts it touches the adapter's private methods (terra-draw-maplibre-gl-adapter
 * 1.4): when they are not there, nothing is changed and the layers stay as the adapter made them.
 */
import type { Feature } from "geojson";
import type { Map as MlMap } from "maplibre-gl";
import { showLayersOf } from "./empty-layers";

type Write = (type: string, features: Feature[]) => unknown;

interface AdapterInside {
  _prefixId?: unknown;
  _setGeoJSONLayerData?: Write;
  _addGeoJSONLayer?: Write;
}

/** Wrap the adapter's source writes so the layers of an empty source are hidden; false if it can't. */
export function hideEmptyLayers(adapter: object, map: MlMap): boolean {
  const inside = adapter as AdapterInside;
  const write = inside._setGeoJSONLayerData;
  const add = inside._addGeoJSONLayer;
  const prefix = inside._prefixId;
  if (typeof write !== "function" || typeof add !== "function" || typeof prefix !== "string")
    return false;
  const wrap = (inner: Write): Write =>
    function (this: unknown, type, features) {
      const out = inner.call(this, type, features);
      showLayersOf(map, `${prefix}-${type.toLowerCase()}`, features.length > 0);
      return out;
    };
  inside._setGeoJSONLayerData = wrap(write);
  inside._addGeoJSONLayer = wrap(add);
  return true;
}
