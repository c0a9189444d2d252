/**
 * What the search box searches: the 시·도 and 시·군·구 boundaries the app already fetches
 * (public/data, offline), and the hubs and hub layers in the store.
 */
import type { FeatureCollection } from "geojson";
import { bboxOf, boundaryPlaces, type Place, SIDO_SHORT } from "../../geo/index";
import type { HubLayer } from "../store/types";

let boundaries: Promise<Place[]> | null = null;

async function fetchJson(path: string): Promise<FeatureCollection> {
  const res = await fetch(new URL(path, document.baseURI));
  if (!res.ok) throw new Error(`${path}: HTTP ${res.status}`);
  return (await res.json()) as FeatureCollection;
}

/** The 시·도 and 시·군·구 as places, read once (the browser has both files cached by then). */
export function boundaryPlacesOnce(): Promise<Place[]> {
  boundaries ??= Promise.all([fetchJson("data/sido.json"), fetchJson("data/sigungu.json")]).then(
    ([sido, sigungu]) => {
      const sidoName = new Map(sido.features.map((f) => [f.properties?.code, f.properties?.name]));
      return [
        ...boundaryPlaces(sido, "sido"),
        ...boundaryPlaces(sigungu, "sigungu", (f) => {
          const code = String(f.properties?.sido);
          return `${sidoName.get(code) ?? ""} ${SIDO_SHORT[code] ?? ""}`.trim();
        }),
      ];
    },
  );
  boundaries.catch(() => {
    boundaries = null;
  });
  return boundaries;
}

/** Every hub by its name, and every imported layer by its name (the box around its hubs). */
export function hubPlaces(layers: readonly HubLayer[]): Place[] {
  const out: Place[] = [];
  for (const layer of layers) {
    const boxes = layer.hubs.flatMap((h) => {
      const bbox = bboxOf(h.geometry);
      if (bbox && h.name) out.push({ kind: "hub", name: h.name, detail: layer.name, bbox });
      return bbox ? [bbox] : [];
    });
    if (layer.builtin || boxes.length === 0) continue;
    out.push({
      kind: "layer",
      name: layer.name,
      bbox: [
        Math.min(...boxes.map((b) => b[0])),
        Math.min(...boxes.map((b) => b[1])),
        Math.max(...boxes.map((b) => b[2])),
        Math.max(...boxes.map((b) => b[3])),
      ],
    });
  }
  return out;
}
