/**
 * The app's own sources and layers added without MapLibre's style validation. Each
 * `map.addLayer` and `map.addSource` checks its argument against the style spec, and to do so
 * serialises the whole style first: for the ≈ 25 layers added as the map loads, ≈ 25–90 ms of the
 * page's thread between MapLibre's `load` and the first render (docs/benchmarks.md, (11) and
 * (13)). The same sources and layers are validated with MapLibre's own style-spec validator in
 * test/app/app-layers-valid.test.ts, so a bad layer still fails, in the tests rather than as a
 * console error at run time; terra-draw's, added as it starts, are validated there too.
 */
import type { Map as MlMap, StyleSetterOptions } from "maplibre-gl";

type Style = MlMap["style"];

/** Run `add` with validation off for what it adds to this map's style, then put it back. */
export function withoutValidation(map: MlMap, add: () => void): void {
  const style: Style | undefined = map.style;
  if (!style) {
    add();
    return;
  }
  const { addLayer, addSource } = style;
  const off = (options?: StyleSetterOptions) => ({ ...options, validate: false });
  // Own properties shadowing the class's methods; deleting them gives the methods back.
  style.addLayer = (layer, before, options) => addLayer.call(style, layer, before, off(options));
  style.addSource = (id, source, options) => addSource.call(style, id, source, off(options));
  try {
    add();
  } finally {
    Reflect.deleteProperty(style, "addLayer");
    Reflect.deleteProperty(style, "addSource");
  }
}
