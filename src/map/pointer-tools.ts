/**
 * What the pointer does on the map besides drawing (issue 21): its position for the status bar,
 * a hub's name on hover and a popup on click, and the measure tool's points (clicks add one, a
 * double click or Enter ends the line, Esc clears it), drawn in a layer of their own. Bound once
 * with the map; it reports through handlers read from a ref, like the rest of the adapter.
 */
import type { Feature, FeatureCollection, Position } from "geojson";
import {
  type GeoJSONSource,
  type MapLayerMouseEvent,
  type MapMouseEvent,
  type Map as MlMap,
  Popup,
} from "maplibre-gl";
import type { HubProps } from "./contract";
import { setSourceData } from "./empty-layers";
import { COLOURS, LAYERS, SOURCES } from "./ids";

export type LonLat = [number, number];

export interface PointerHandlers {
  /** The pointer's position over the map, null once it leaves. */
  onPointer?: (at: LonLat | null) => void;
  /** The measure tool's points so far, and whether the line is ended. */
  onMeasure?: (points: LonLat[], ended: boolean) => void;
  /** A hub's name and what it is, in the UI's words, for its tooltip and popup. */
  describeHub?: (hub: HubProps) => { title: string; detail: string };
  /** No drawing tool is on: a click on a hub may open its popup. */
  isIdle?: () => boolean;
}

/** Turns the measure tool on or off; set once the map is bound (one map a page). */
let measureSwitch: ((on: boolean) => void) | null = null;

export function setMeasuring(on: boolean): void {
  measureSwitch?.(on);
}

function measureData(points: LonLat[], ended: boolean): FeatureCollection {
  const features: Feature[] = points.map((p) => ({
    type: "Feature",
    properties: {},
    geometry: { type: "Point", coordinates: p },
  }));
  if (points.length >= 2) {
    features.push({
      type: "Feature",
      properties: {},
      geometry: {
        type: "LineString",
        coordinates: ended && points.length >= 3 ? [...points, points[0] as Position] : points,
      },
    });
  }
  if (ended && points.length >= 3) {
    features.push({
      type: "Feature",
      properties: {},
      geometry: { type: "Polygon", coordinates: [[...points, points[0] as Position]] },
    });
  }
  return { type: "FeatureCollection", features };
}

function addMeasureLayers(map: MlMap): GeoJSONSource | undefined {
  if (!map.getSource(SOURCES.measure)) {
    map.addSource(SOURCES.measure, { type: "geojson", data: measureData([], false) });
    const colour = COLOURS.highlight;
    map.addLayer({
      id: LAYERS.measureFill,
      type: "fill",
      source: SOURCES.measure,
      filter: ["==", ["geometry-type"], "Polygon"],
      paint: { "fill-color": colour, "fill-opacity": 0.12 },
    });
    map.addLayer({
      id: LAYERS.measureLine,
      type: "line",
      source: SOURCES.measure,
      filter: ["==", ["geometry-type"], "LineString"],
      paint: { "line-color": colour, "line-width": 2, "line-dasharray": [3, 2] },
    });
    map.addLayer({
      id: LAYERS.measurePoint,
      type: "circle",
      source: SOURCES.measure,
      filter: ["==", ["geometry-type"], "Point"],
      paint: {
        "circle-radius": 4,
        "circle-color": "#fff",
        "circle-stroke-color": colour,
        "circle-stroke-width": 2,
      },
    });
  }
  return map.getSource<GeoJSONSource>(SOURCES.measure);
}

export function bindPointerTools(
  map: MlMap,
  handlers: { readonly current: PointerHandlers },
): () => void {
  const h = () => handlers.current;
  const onMove = (e: MapMouseEvent) => h().onPointer?.([e.lngLat.lng, e.lngLat.lat]);
  const onOut = () => h().onPointer?.(null);

  const tip = new Popup({
    closeButton: false,
    closeOnClick: false,
    offset: 10,
    className: "hub-tip",
  });
  const describe = (e: MapLayerMouseEvent) => {
    const props = e.features?.[0]?.properties as HubProps | undefined;
    if (!props) return null;
    return h().describeHub?.(props) ?? { title: String(props.name), detail: String(props.type) };
  };
  const onHubMove = (e: MapLayerMouseEvent) => {
    const d = describe(e);
    if (!d) return;
    map.getCanvas().style.cursor = "pointer";
    tip.setLngLat(e.lngLat).setText(d.title).addTo(map);
    tip.getElement()?.setAttribute("data-testid", "hub-tip");
  };
  const onHubLeave = () => {
    map.getCanvas().style.cursor = "";
    tip.remove();
  };
  const onHubClick = (e: MapLayerMouseEvent) => {
    if (measuring || !(h().isIdle?.() ?? true)) return;
    const d = describe(e);
    if (!d) return;
    const box = document.createElement("div");
    box.setAttribute("data-testid", "hub-popup");
    const title = document.createElement("strong");
    title.textContent = d.title;
    const detail = document.createElement("div");
    detail.textContent = d.detail;
    box.append(title, detail);
    tip.remove();
    new Popup({ offset: 10 }).setLngLat(e.lngLat).setDOMContent(box).addTo(map);
  };

  let measuring = false;
  let points: LonLat[] = [];
  let ended = false;
  const show = () => {
    if (addMeasureLayers(map)) setSourceData(map, SOURCES.measure, measureData(points, ended));
    h().onMeasure?.([...points], ended);
  };
  const onMeasureClick = (e: MapMouseEvent) => {
    if (!measuring) return;
    if (ended) {
      points = [];
      ended = false;
    }
    points = [...points, [e.lngLat.lng, e.lngLat.lat]];
    show();
  };
  const onMeasureEnd = (e: MapMouseEvent) => {
    if (!measuring) return;
    e.preventDefault();
    // The double click's second click added the same point again.
    points = points.slice(0, -1);
    ended = points.length >= 2;
    show();
  };
  const onKey = (e: KeyboardEvent) => {
    if (!measuring) return;
    if (e.key === "Escape") {
      points = [];
      ended = false;
      show();
    } else if (e.key === "Enter" && points.length >= 2) {
      ended = true;
      show();
    }
  };
  measureSwitch = (on) => {
    measuring = on;
    points = [];
    ended = false;
    if (on) map.doubleClickZoom.disable();
    else map.doubleClickZoom.enable();
    map.getCanvas().style.cursor = on ? "crosshair" : "";
    if (map.isStyleLoaded() || map.getSource(SOURCES.measure)) show();
    else h().onMeasure?.([], false);
  };

  const hubLayers = [LAYERS.hubPoint, LAYERS.hubArea];
  // The hub tooltip, asked for here rather than through MapLibre's layer events: those query the
  // hub layers at every pointer move, each move of a vertex drag included (with 100,000 hubs, at
  // every event of the drag). A button pressed puts the tooltip away; while one is held, no query.
  let overHub = false;
  const onHubOut = () => {
    if (!overHub) return;
    overHub = false;
    onHubLeave();
  };
  const onHubPointer = (e: MapMouseEvent) => {
    if (e.originalEvent.buttons !== 0) return onHubOut();
    const layers = hubLayers.filter((id) => map.getLayer(id));
    const features = layers.length > 0 ? map.queryRenderedFeatures(e.point, { layers }) : [];
    if (features.length === 0) return onHubOut();
    overHub = true;
    onHubMove(Object.assign(e, { features }) as MapLayerMouseEvent);
  };
  map.on("mousemove", onMove);
  map.on("mouseout", onOut);
  map.on("mousemove", onHubPointer);
  map.on("mouseout", onHubOut);
  map.on("mousedown", onHubOut);
  map.on("click", hubLayers, onHubClick);
  map.on("click", onMeasureClick);
  map.on("dblclick", onMeasureEnd);
  window.addEventListener("keydown", onKey);
  return () => {
    map.off("mousemove", onMove);
    map.off("mouseout", onOut);
    map.off("mousemove", onHubPointer);
    map.off("mouseout", onHubOut);
    map.off("mousedown", onHubOut);
    map.off("click", hubLayers, onHubClick);
    map.off("click", onMeasureClick);
    map.off("dblclick", onMeasureEnd);
    window.removeEventListener("keydown", onKey);
    tip.remove();
    measureSwitch = null;
  };
}
