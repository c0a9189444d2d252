/**
 * The 시·군·구 boundaries (public/data/sigungu.json, about 1.3 MB), fetched once after the page
 * has started: the map draws them and the geo core names them in the report.
 */
import type { FeatureCollection } from "geojson";
import { provideSigungu } from "../geo/index";

let pending: Promise<FeatureCollection> | null = null;

/** The parsed file, fetched on first call; the geo core has it once this resolves. */
export function loadSigungu(): Promise<FeatureCollection> {
  pending ??= fetch(new URL("data/sigungu.json", document.baseURI))
    .then((res) => {
      if (!res.ok) throw new Error(`HTTP ${res.status}`);
      return res.json() as Promise<FeatureCollection>;
    })
    .then((fc) => {
      provideSigungu(fc);
      return fc;
    });
  return pending;
}

/**
 * Resolves once the 시·군·구 are in (or could not be had): what anything writing or showing a
 * full report awaits, so an export's embedded report names the 시·군·구 as `czd check` does.
 */
export function sigunguSettled(): Promise<void> {
  return loadSigungu().then(
    () => undefined,
    (e: unknown) => console.warn("시·군·구 not loaded", e),
  );
}
