/**
 * MapLibre's own control labels (its `locale` map option): Korean for the controls the map shows,
 * English as MapLibre has them. MapLibre reads them once, when the map is made; a language switch
 * afterwards relabels the controls from the same tables (src/map/control-labels.ts).
 */
import type { Lang } from "../../geo/index";

const KO: Record<string, string> = {
  "AttributionControl.ToggleAttribution": "출처 보기",
  "Map.Title": "지도",
  "NavigationControl.ResetBearing": "끌어서 지도 회전, 누르면 북쪽 위로",
  "NavigationControl.ZoomIn": "확대",
  "NavigationControl.ZoomOut": "축소",
  "Popup.Close": "팝업 닫기",
  "ScaleControl.Meters": "m",
  "ScaleControl.Kilometers": "km",
};

/** MapLibre's own English, spelled out so a switch back from Korean has the words to put back. */
const EN: Record<string, string> = {
  "AttributionControl.ToggleAttribution": "Toggle attribution",
  "Map.Title": "Map",
  "NavigationControl.ResetBearing": "Drag to rotate map, click to reset north",
  "NavigationControl.ZoomIn": "Zoom in",
  "NavigationControl.ZoomOut": "Zoom out",
  "Popup.Close": "Close popup",
  "ScaleControl.Meters": "m",
  "ScaleControl.Kilometers": "km",
};

export const MAPLIBRE_LOCALE: Record<Lang, Record<string, string>> = { ko: KO, en: EN };
