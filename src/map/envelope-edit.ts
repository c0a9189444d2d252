/**
 * The envelope edited in place with the select tool: its handles (envelope-handles.ts) are drawn
 * over the map, and a press on one drags it — the outline follows the pointer, the live measures
 * with it — and the edit is committed once when the drag ends, however it ends: released over
 * the map, over a panel or outside the window, or the window losing focus; Esc or undo cancels
 * it. A double press on a vertex removes it. terra-draw is not involved: it never holds the envelope, so a press on a handle is kept
 * from it and from the map's pan (the press is taken in the capture phase, above the canvas).
 */
import type { Feature, FeatureCollection, Position } from "geojson";
import type { Map as MlMap } from "maplibre-gl";
import type { Envelope } from "../../geo/index";
import type { LiveHandler } from "./draw-measure";
import { setSourceData, showLayersOf } from "./empty-layers";
import { dragHandle, envelopeHandles, type Handle, removeVertex } from "./envelope-handles";
import { COLOURS, LAYERS, SOURCES } from "./ids";
import { envelopeCollection } from "./scene";

/** How near (px) a press must be to a handle to take it. */
const HIT_PX = 9;
/** Two presses on one vertex within this many ms remove it. */
const DOUBLE_PRESS_MS = 400;

export interface EnvelopeEditHooks {
  onLive: LiveHandler;
  /** A drag ended with the envelope changed: one edit. */
  onCommit: (envelope: Envelope) => void;
}

interface Drag {
  handle: Handle;
  start: Envelope;
  current: Envelope;
  /** The pointer, in page pixels, when it was last over the map. */
  at: [number, number];
  /** Whether the map's pan was on before the drag turned it off. */
  panWas: boolean;
  /** A vertex removed by a double press: the pointer's moves don't change it. */
  removal: boolean;
}

const collection = (features: Feature[]): FeatureCollection => ({
  type: "FeatureCollection",
  features,
});

export class EnvelopeEdit {
  private envelope: Envelope | null = null;
  private active = false;
  private drag: Drag | null = null;
  private frame = 0;
  private lastPress: { handle: Handle; time: number } | null = null;
  private readonly container: HTMLElement;
  private readonly unbind: () => void;

  constructor(
    private readonly map: MlMap,
    private readonly hooks: EnvelopeEditHooks,
  ) {
    this.container = map.getCanvasContainer();
    const onDown = (e: PointerEvent) => this.onDown(e);
    const onMove = (e: PointerEvent) => this.onMove(e);
    const onUp = (e: PointerEvent) => this.onUp(e);
    // The second press of a vertex removal is no double-click zoom for the map.
    const onDouble = (e: MouseEvent) => {
      if (this.lastPress && e.timeStamp - this.lastPress.time < DOUBLE_PRESS_MS * 2) {
        e.preventDefault();
        e.stopPropagation();
      }
    };
    const onBlur = () => this.commit();
    const onHidden = () => {
      if (document.visibilityState === "hidden") this.commit();
    };
    const onKey = (e: KeyboardEvent) => {
      if (e.key === "Escape" && this.cancel()) {
        e.preventDefault();
        e.stopPropagation();
      }
    };
    this.container.addEventListener("pointerdown", onDown, true);
    this.container.addEventListener("dblclick", onDouble, true);
    window.addEventListener("pointermove", onMove, true);
    window.addEventListener("pointerup", onUp, true);
    window.addEventListener("pointercancel", onBlur, true);
    window.addEventListener("blur", onBlur);
    window.addEventListener("keydown", onKey, true);
    document.addEventListener("visibilitychange", onHidden);
    this.unbind = () => {
      this.container.removeEventListener("pointerdown", onDown, true);
      this.container.removeEventListener("dblclick", onDouble, true);
      window.removeEventListener("pointermove", onMove, true);
      window.removeEventListener("pointerup", onUp, true);
      window.removeEventListener("pointercancel", onBlur, true);
      window.removeEventListener("blur", onBlur);
      window.removeEventListener("keydown", onKey, true);
      document.removeEventListener("visibilitychange", onHidden);
    };
  }

  /** Add the handles' source and layers (on the map's load, over the zone's own layers). */
  attach(): void {
    this.map.addSource(SOURCES.envelopeEdit, { type: "geojson", data: collection([]) });
    this.map.addLayer({
      id: LAYERS.envelopeEditLine,
      type: "line",
      source: SOURCES.envelopeEdit,
      filter: ["!=", ["geometry-type"], "Point"],
      paint: { "line-color": COLOURS.envelope, "line-width": 2.5 },
    });
    this.map.addLayer({
      id: LAYERS.envelopeEditHandle,
      type: "circle",
      source: SOURCES.envelopeEdit,
      filter: ["==", ["geometry-type"], "Point"],
      paint: {
        "circle-radius": ["case", ["==", ["get", "kind"], "midpoint"], 3.5, 5.5],
        "circle-color": ["case", ["==", ["get", "kind"], "midpoint"], "#ffffff", COLOURS.envelope],
        "circle-stroke-color": COLOURS.envelope,
        "circle-stroke-width": 1.5,
      },
    });
    showLayersOf(this.map, SOURCES.envelopeEdit, false);
    this.redraw();
  }

  /** The envelope as the store holds it (a drag in progress keeps its own). */
  setEnvelope(envelope: Envelope | null): void {
    this.envelope = envelope;
    if (!this.drag) this.redraw();
  }

  /** The select tool is on (handles shown and taken) or off (a drag in progress is cancelled). */
  setActive(active: boolean): void {
    if (!active) this.cancel();
    this.active = active;
    this.redraw();
  }

  dragging(): boolean {
    return this.drag !== null;
  }

  /** Cancel the drag in progress (Esc, undo, a tool switch); true when there was one. */
  cancel(): boolean {
    if (!this.drag) return false;
    this.end();
    return true;
  }

  destroy(): void {
    cancelAnimationFrame(this.frame);
    this.unbind();
  }

  private onDown(e: PointerEvent): void {
    if (!this.active || !this.envelope || this.drag || !e.isPrimary || e.button !== 0) return;
    const handle = this.handleAt(e.clientX, e.clientY, this.envelope);
    if (!handle) return;
    // The press is this drag's: not a click for terra-draw, not a pan for the map.
    e.preventDefault();
    e.stopPropagation();
    const panWas = this.map.dragPan.isEnabled();
    this.map.dragPan.disable();
    const env = this.envelope;
    const last = this.lastPress;
    const again =
      last !== null &&
      e.timeStamp - last.time < DOUBLE_PRESS_MS &&
      last.handle.kind === handle.kind &&
      last.handle.index === handle.index;
    const removed = again ? removeVertex(env, handle) : null;
    this.lastPress = { handle, time: e.timeStamp };
    this.drag = {
      handle,
      start: env,
      current: removed ?? env,
      at: [e.clientX, e.clientY],
      panWas,
      removal: removed !== null,
    };
  }

  private onMove(e: PointerEvent): void {
    const drag = this.drag;
    if (!drag) return;
    e.stopPropagation();
    // The button was let go where no pointerup reached the page (outside the window).
    if (e.buttons === 0) {
      this.commit();
      return;
    }
    if (drag.removal) return;
    const box = this.map.getCanvas().getBoundingClientRect();
    const x = e.clientX - box.left;
    const y = e.clientY - box.top;
    // Off the map the edit stays where the pointer last was over it, as the planner saw it.
    if (x < 0 || y < 0 || x > box.width || y > box.height) return;
    const { lng, lat } = this.map.unproject([x, y]);
    drag.current = dragHandle(drag.start, drag.handle, [lng, lat]);
    drag.at = [e.clientX, e.clientY];
    this.schedule();
  }

  private onUp(e: PointerEvent): void {
    if (!this.drag) return;
    // Not a click for terra-draw's select mode (it would pick or drop a parcel).
    e.stopPropagation();
    this.commit();
  }

  /** End the drag, keeping its edit when the envelope changed. */
  private commit(): void {
    const drag = this.drag;
    if (!drag) return;
    this.end();
    if (drag.current !== drag.start) this.hooks.onCommit(drag.current);
  }

  private end(): void {
    const drag = this.drag;
    if (!drag) return;
    this.drag = null;
    if (drag.panWas) this.map.dragPan.enable();
    cancelAnimationFrame(this.frame);
    this.frame = 0;
    this.hooks.onLive(null);
    this.redraw();
  }

  /** The outline and the live measures follow the pointer once a frame. */
  private schedule(): void {
    if (this.frame) return;
    this.frame = requestAnimationFrame(() => {
      this.frame = 0;
      const drag = this.drag;
      if (!drag) return;
      this.redraw();
      this.hooks.onLive({ kind: "envelope", envelope: drag.current, at: drag.at });
    });
  }

  private handleAt(clientX: number, clientY: number, envelope: Envelope): Handle | null {
    const box = this.map.getCanvas().getBoundingClientRect();
    let best: Handle | null = null;
    let bestPx = HIT_PX;
    for (const h of envelopeHandles(envelope)) {
      const [lon = 0, lat = 0] = h.position;
      const p = this.map.project([lon, lat]);
      const d = Math.hypot(p.x + box.left - clientX, p.y + box.top - clientY);
      // Later handles are drawn on top: a tie goes to them.
      if (d <= bestPx) {
        bestPx = d;
        best = h;
      }
    }
    return best;
  }

  private redraw(): void {
    if (!this.map.getSource(SOURCES.envelopeEdit)) return;
    const shown = this.drag?.current ?? (this.active ? this.envelope : null);
    if (!shown) {
      setSourceData(this.map, SOURCES.envelopeEdit, collection([]));
      return;
    }
    const handles = envelopeHandles(shown).map(
      (h): Feature => ({
        type: "Feature",
        properties: { kind: h.kind },
        geometry: { type: "Point", coordinates: h.position as Position },
      }),
    );
    // While dragging, the outline as it will be; the store's own stays drawn under it till then.
    const outline = this.drag
      ? envelopeCollection(shown).features.filter((f) => f.geometry.type !== "Point")
      : [];
    setSourceData(this.map, SOURCES.envelopeEdit, collection([...outline, ...handles]));
  }
}

/**
 * The handles on a loaded map, in the state the map has reached by the time this module (a lazy
 * chunk, with its geodesy) arrives: the tool in use and the envelope shown.
 */
export function startEnvelopeEdit(
  map: MlMap,
  hooks: EnvelopeEditHooks,
  active: boolean,
  envelope: Envelope | null | undefined,
): EnvelopeEdit {
  const edit = new EnvelopeEdit(map, hooks);
  edit.attach();
  edit.setActive(active);
  if (envelope !== undefined) edit.setEnvelope(envelope);
  return edit;
}
