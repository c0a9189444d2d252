/** The zone's own layers over the basemap: envelope (given or inferred), parcels, hubs. */
import type { ExpressionSpecification, Map as MlMap } from "maplibre-gl";
import type { EnclosingProps, EnvelopeProps, HubProps, ParcelProps } from "./contract";
import { showLayersOf } from "./empty-layers";
import { get, propIs } from "./get";
import { COLOURS, HUB_COLOURS, LAYERS, OTHER_HUB_COLOUR, SOURCES } from "./ids";

const EMPTY = { type: "FeatureCollection" as const, features: [] };

/** The enclosing circle's source is tiled up to this zoom only (see addOverlays). */
export const ENCLOSING_MAXZOOM = 11;

function hubColour(): ExpressionSpecification {
  return ["coalesce", ["get", get<HubProps>("type"), ["literal", HUB_COLOURS]], OTHER_HUB_COLOUR];
}

const lit = propIs<ParcelProps, "highlighted">("highlighted", true);

/** A filed envelope's colour: red when the report finds it over its limit (shapeOverLimit). */
const envelopeColour: ExpressionSpecification = [
  "case",
  propIs<EnvelopeProps, "state">("state", "over"),
  COLOURS.enclosingOver,
  COLOURS.envelope,
];

export function addOverlays(map: MlMap): void {
  map.addSource(SOURCES.envelope, { type: "geojson", data: EMPTY });
  // Cut into tiles no finer than zoom 11 (overzoomed beyond): a circle of a few km then lies in
  // 1–4 tiles at the zooms a zone is edited at, not the 4–9 of 512-px tiles at zoom 13, and each
  // of a drag's updates reloads every tile it lies in (its points then fall on a grid of ≈ 2 m).
  map.addSource(SOURCES.enclosing, { type: "geojson", data: EMPTY, maxzoom: ENCLOSING_MAXZOOM });
  map.addSource(SOURCES.parcels, { type: "geojson", data: EMPTY });
  map.addSource(SOURCES.hubs, { type: "geojson", data: EMPTY });
  map.addSource(SOURCES.hubAreas, { type: "geojson", data: EMPTY });
  map.addLayer({
    id: LAYERS.envelopeFill,
    type: "fill",
    source: SOURCES.envelope,
    filter: ["==", ["geometry-type"], "Polygon"],
    paint: { "fill-color": envelopeColour, "fill-opacity": 0.08 },
  });
  map.addLayer({
    id: LAYERS.envelopeLine,
    type: "line",
    source: SOURCES.envelope,
    filter: ["!=", ["geometry-type"], "Point"],
    paint: { "line-color": envelopeColour, "line-width": 1.5, "line-dasharray": [3, 2] },
  });
  map.addLayer({
    id: LAYERS.envelopeCentre,
    type: "circle",
    source: SOURCES.envelope,
    filter: ["==", ["geometry-type"], "Point"],
    paint: { "circle-radius": 4, "circle-color": envelopeColour },
  });
  addEnclosing(map);
  map.addLayer({
    id: LAYERS.hubArea,
    type: "fill",
    source: SOURCES.hubAreas,
    paint: { "fill-color": hubColour(), "fill-opacity": 0.3 },
  });
  addParcels(map);
  map.addLayer({
    id: LAYERS.hubPoint,
    type: "circle",
    source: SOURCES.hubs,
    paint: {
      "circle-radius": ["interpolate", ["linear"], ["zoom"], 5, 3, 10, 6],
      "circle-color": hubColour(),
      "circle-stroke-color": "#ffffff",
      "circle-stroke-width": 1,
    },
  });
  // Empty till the zone is drawn: src/map/empty-layers.ts.
  for (const source of [
    SOURCES.envelope,
    SOURCES.enclosing,
    SOURCES.parcels,
    SOURCES.hubs,
    SOURCES.hubAreas,
  ])
    showLayersOf(map, source, false);
}

/** A parcel's paint value: `on` when it is highlighted, else `off`. */
const whenLit = (on: string | number, off: string | number): ExpressionSpecification => [
  "case",
  lit,
  on,
  off,
];

/** The parcels, filled and outlined, in the highlight colour when a finding points at them. */
function addParcels(map: MlMap): void {
  const colour = whenLit(COLOURS.highlight, COLOURS.parcel);
  const source = SOURCES.parcels;
  map.addLayer({
    id: LAYERS.parcelFill,
    type: "fill",
    source,
    // No antialiased outline pass: the parcel line draws every edge 1.5 px wide over it. In
    // software WebGL that pass was ≈ 15 ms of every frame of the 20 × 256 drag
    // (bench:frame-layers, "parcel fill not antialiased").
    paint: { "fill-color": colour, "fill-opacity": whenLit(0.45, 0.3), "fill-antialias": false },
  });
  map.addLayer({
    id: LAYERS.parcelLine,
    type: "line",
    source,
    paint: { "line-color": colour, "line-width": whenLit(3, 1.5) },
  });
}

const role = (r: EnclosingProps["role"]) => propIs<EnclosingProps, "role">("role", r);

/** The inferred circle, blue within its limit and red over it, and the faint limit circle. */
function addEnclosing(map: MlMap): void {
  map.addLayer({
    id: LAYERS.enclosingLimit,
    type: "line",
    source: SOURCES.enclosing,
    filter: role("limit"),
    paint: {
      "line-color": COLOURS.enclosingLimit,
      "line-opacity": 0.45,
      "line-width": 1,
      "line-dasharray": [2, 3],
    },
  });
  map.addLayer({
    id: LAYERS.enclosingLine,
    type: "line",
    source: SOURCES.enclosing,
    filter: role("enclosing"),
    paint: {
      "line-color": [
        "case",
        propIs<EnclosingProps, "state">("state", "over"),
        COLOURS.enclosingOver,
        COLOURS.enclosingWithin,
      ],
      "line-width": 2,
      "line-dasharray": [3, 2],
    },
  });
}
