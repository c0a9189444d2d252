/**
 * The shape being drawn, reported as it changes so the app can measure it before Enter: the
 * polygon, rectangle or circle terra-draw holds while drawing (the pointer as its last vertex),
 * the belt axis so far, and with the envelope circle tool — whose click places the centre at
 * once — the circle a click would place where the pointer is.
 */
import type { LineString, Point, Polygon } from "geojson";
import type { Map as MlMap } from "maplibre-gl";
import type { TerraDraw } from "terra-draw";
import { type DrawTool, type LiveShape, TOOLS, type ToolId } from "../store/vocabulary";

const DRAWN_TYPES = ["Polygon", "LineString", "Point"] as const;
const DRAW_TOOLS: readonly string[] = Object.values(TOOLS).filter(
  (t) => t !== TOOLS.none && t !== TOOLS.select,
);

/** Told of the shape in progress as it changes; null when there is none. */
export type LiveHandler = (shape: LiveShape | null) => void;

export interface SketchWatch {
  /** Forget the shape (a tool switch): the app is told there is none. */
  reset: () => void;
  destroy: () => void;
}

export function watchSketch(
  map: MlMap,
  draw: TerraDraw,
  toolOf: () => ToolId,
  emit: LiveHandler,
): SketchWatch {
  const container = map.getCanvasContainer();
  let at: [number, number] | null = null;
  let over = false;
  let frame = 0;
  let sent: LiveShape | null = null;

  /** The shape terra-draw is drawing now, or (envelope circle) the centre under the pointer. */
  const current = (): LiveShape | null => {
    const tool = toolOf();
    if (!DRAW_TOOLS.includes(tool) || !at) return null;
    const drawTool = tool as DrawTool;
    if (drawTool === "envelope-circle") {
      if (!over) return null;
      const box = map.getCanvas().getBoundingClientRect();
      const { lng, lat } = map.unproject([at[0] - box.left, at[1] - box.top]);
      const geometry: Point = { type: "Point", coordinates: [lng, lat] };
      return { kind: "drawing", tool: drawTool, geometry, at };
    }
    const feature = draw
      .getSnapshot()
      .find((f) => f.properties.mode === tool && f.properties.currentlyDrawing === true);
    const g = feature?.geometry;
    if (!g || !(DRAWN_TYPES as readonly string[]).includes(g.type)) return null;
    return { kind: "drawing", tool: drawTool, geometry: g as Polygon | LineString | Point, at };
  };

  // One report a frame at most: the app checks the zone with the shape in it each time.
  const schedule = () => {
    if (frame) return;
    frame = requestAnimationFrame(() => {
      frame = 0;
      const shape = current();
      if (shape === null && sent === null) return;
      sent = shape;
      emit(shape);
    });
  };

  const onMove = (e: PointerEvent) => {
    at = [e.clientX, e.clientY];
    over = true;
    if (toolOf() === "envelope-circle") schedule();
  };
  const onLeave = () => {
    over = false;
    if (toolOf() === "envelope-circle") schedule();
  };
  const onChange = () => {
    if (DRAW_TOOLS.includes(toolOf())) schedule();
  };
  container.addEventListener("pointermove", onMove, true);
  container.addEventListener("pointerleave", onLeave);
  draw.on("change", onChange);
  draw.on("finish", onChange);

  return {
    reset: () => schedule(),
    destroy: () => {
      cancelAnimationFrame(frame);
      container.removeEventListener("pointermove", onMove, true);
      container.removeEventListener("pointerleave", onLeave);
      draw.off("change", onChange);
      draw.off("finish", onChange);
    },
  };
}
