/**
 * The status bar's map readouts (issue 21): where the pointer is, in WGS84 and EPSG:5186, and
 * the measure tool, whose button turns it on (and the drawing tools off) and whose figures are
 * geodesic. Both read transient values the map reports (transient.ts), not the app's store.
 */
import { useEffect } from "react";
import { useSearchT } from "../i18n/search";
import { setMeasuring } from "../map/pointer-tools";
import { useAppStore } from "../store/store";
import { format5186, formatArea, formatLength, formatLonLat, measureFigures } from "./map-readouts";
import { measure, pointer } from "./transient";
import "./map-readouts.css";

export function PointerReadout() {
  const t = useSearchT();
  const at = pointer.use();
  return (
    <span className="pointer-readout" data-testid="pointer-readout" title={t.pointer}>
      {at ? `${formatLonLat(at)} · ${format5186(at)}` : ""}
    </span>
  );
}

export function MeasureTool() {
  const t = useSearchT();
  const lang = useAppStore((s) => s.lang);
  const tool = useAppStore((s) => s.tool);
  const setTool = useAppStore((s) => s.setTool);
  const state = measure.use();
  // Picking a drawing tool ends measuring: a click is then the tool's.
  useEffect(() => {
    if (tool !== "none" && measure.get().on) {
      setMeasuring(false);
      measure.set({ on: false, points: [], ended: false });
    }
  }, [tool]);
  const toggle = () => {
    const on = !state.on;
    if (on) setTool("none");
    setMeasuring(on);
    measure.set({ on, points: [], ended: false });
  };
  const figures = measureFigures(state.points, state.ended);
  return (
    <span className="measure-tool">
      <button
        type="button"
        data-testid="measure-toggle"
        aria-pressed={state.on}
        title={t.measureHint}
        onClick={toggle}
      >
        <span aria-hidden="true">📏</span> {state.on ? t.measureStop : t.measure}
      </button>
      {state.on ? (
        // Shown, empty, from the start: the first figures then don't reflow the bar.
        <span data-testid="measure-result">
          {state.points.length >= 2 ? `${t.length} ${formatLength(figures.lengthM)}` : ""}
          {figures.areaM2 !== null ? ` · ${t.area} ${formatArea(figures.areaM2, lang)}` : ""}
        </span>
      ) : null}
    </span>
  );
}
