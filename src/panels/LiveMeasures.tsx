/**
 * The figures of the shape in progress, in the panel and beside the pointer: its area, radius,
 * axis length and half-width, and the zone's total area and reach as if it were finished.
 */
import { type Messages, useT } from "../i18n";
import { type LiveFigures, selectLiveFigures } from "../store/live-figures";
import { useAppStore } from "../store/store";
import { fixed } from "./Verdict";

interface Line {
  id: string;
  text: string;
}

/** The lines to show, formatted as the panel formats the report's figures. */
export function liveLines(t: Messages, figures: LiveFigures): Line[] {
  const { shape, zone } = figures;
  const lines: Line[] = [];
  if (shape.areaKm2 !== undefined)
    lines.push({ id: "area", text: `${t.liveArea} ${fixed(shape.areaKm2, 3)} ${t.km2}` });
  if (shape.radiusKm !== undefined)
    lines.push({ id: "radius", text: `${t.liveRadius} ${fixed(shape.radiusKm, 2)} km` });
  if (shape.axisLengthKm !== undefined)
    lines.push({ id: "axis", text: `${t.liveAxis} ${fixed(shape.axisLengthKm, 2)} km` });
  if (shape.halfWidthKm !== undefined)
    lines.push({ id: "half-width", text: `${t.liveHalfWidth} ${fixed(shape.halfWidthKm, 2)} km` });
  if (zone) {
    lines.push({
      id: "total",
      text: `${t.liveTotal} ${fixed(zone.totalKm2, 3)} ${t.km2} / ${t.cap} ${zone.capKm2} ${t.km2}`,
    });
    const env = zone.envelope;
    if (env.shape !== "polygon" && env.reachKm !== undefined) {
      lines.push({
        id: "reach",
        text: `${t.liveReach} ${fixed(env.reachKm, 2)} km / ${t.limit} ${fixed(env.limitKm, 0)} km`,
      });
    }
  }
  return lines;
}

function Lines({ lines, prefix }: { lines: Line[]; prefix: string }) {
  return (
    <ul>
      {lines.map((l) => (
        <li key={l.id} data-testid={`${prefix}-${l.id}`}>
          {l.text}
        </li>
      ))}
    </ul>
  );
}

/** In the panel, above the report of the zone as it stands. */
export function LiveMeasures() {
  const t = useT();
  const figures = useAppStore(selectLiveFigures);
  if (!figures) return null;
  return (
    <div className="live-measures" data-testid="live-measures" aria-live="polite">
      <strong>{t.liveDrawing}</strong>
      <Lines lines={liveLines(t, figures)} prefix="live" />
    </div>
  );
}

/** Px from the pointer to the tooltip's corner, so the cursor never covers it. */
const OFFSET_PX = 16;

/** Beside the pointer, over the map. */
export function LiveTooltip() {
  const t = useT();
  const figures = useAppStore(selectLiveFigures);
  const at = useAppStore((s) => s.live?.at);
  if (!figures || !at) return null;
  const lines = liveLines(t, figures);
  if (lines.length === 0) return null;
  return (
    <div
      className="live-tooltip"
      data-testid="live-tooltip"
      style={{ left: at[0] + OFFSET_PX, top: at[1] + OFFSET_PX }}
    >
      <Lines lines={lines} prefix="tip" />
    </div>
  );
}
