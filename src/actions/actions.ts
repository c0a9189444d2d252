/**
 * What a map gesture means for the zone: each finished gesture is exactly one transact (one undo
 * step); a drag in progress is only a preview. Kept out of components so tests can drive it.
 */
import type { Polygon } from "geojson";
import type { CoordinateEntry, Envelope } from "../../geo/index";
import { ruleSetFor } from "../store/derive";
import { type DrawnGeometry, drawnDiff } from "../store/drawn";
import { type AppStore, activeZone } from "../store/store";
import type { ToolId } from "../store/vocabulary";

/** A shape the planner finished drawing with a tool. */
export function applyDrawn(store: AppStore, tool: ToolId, geometry: DrawnGeometry): void {
  const s = store.getState();
  const zone = activeZone(s);
  const diff = drawnDiff(zone, ruleSetFor(zone.ruleSetId, s.customRuleSets), tool, geometry);
  if (diff) s.transact(diff);
}

/** The envelope dragged with the select tool (a centre, a radius, a vertex, a width): one edit. */
export function applyEnvelopeEdited(store: AppStore, envelope: Envelope): void {
  store.getState().transact({ envelope });
}

/** A vertex or shape moved with the select tool: a preview while dragging, an edit at the end. */
export function applyEdited(
  store: AppStore,
  parcelId: string,
  geometry: Polygon,
  final: boolean,
): void {
  const s = store.getState();
  const zone = activeZone(s);
  const parcel = zone.parcels.find((p) => p.id === parcelId);
  if (!parcel) return;
  const edited = { ...parcel, geometry };
  if (final) {
    s.setPreview(null);
    s.transact({ put: [edited] });
  } else {
    s.setPreview({ zoneId: zone.id, parcel: edited });
  }
}

export function applyDeleted(store: AppStore, parcelId: string): void {
  const s = store.getState();
  s.setPreview(null);
  s.transact({ remove: [parcelId] });
}

/** A new envelope size typed as a number; ignored unless it is a positive number. */
export function setEnvelopeSize(store: AppStore, km: number): void {
  const s = store.getState();
  const env = activeZone(s).envelope;
  if (!env || !Number.isFinite(km) || km <= 0) return;
  if (env.shape === "circle") s.transact({ envelope: { ...env, radiusKm: km } });
  if (env.shape === "belt") s.transact({ envelope: { ...env, halfWidthKm: km } });
}

/** A drag ended without an edit (Esc): the preview goes, the zone stays as it was. */
export function cancelEdit(store: AppStore): void {
  store.getState().setPreview(null);
}

/** The shape being drawn on the map, which undo and redo reach before the store's history. */
export interface Sketch {
  undoSketch: () => boolean;
  redoSketch: () => boolean;
  /** A shape is being drawn or dragged (optional: a map without it never blocks tool keys). */
  inProgress?: () => boolean;
}

const sketches = new WeakMap<AppStore, Sketch>();

/** Let undo and redo reach the map's shape in progress first. Returns unbind. */
export function bindSketch(store: AppStore, sketch: Sketch): () => void {
  sketches.set(store, sketch);
  return () => {
    if (sketches.get(store) === sketch) sketches.delete(store);
  };
}

/** Whether the map has a shape in progress, which a tool key must not drop. */
export function sketchInProgress(store: AppStore): boolean {
  return sketches.get(store)?.inProgress?.() ?? false;
}

/**
 * Undo: inside a shape being drawn, its last vertex (never an earlier parcel, and the redo
 * stack is left alone); otherwise the last edit of the zones.
 */
export function undo(store: AppStore): void {
  if (sketches.get(store)?.undoSketch()) return;
  store.getState().setPreview(null);
  store.temporal.getState().undo();
}

export function redo(store: AppStore): void {
  if (sketches.get(store)?.redoSketch()) return;
  store.getState().setPreview(null);
  store.temporal.getState().redo();
}

/**
 * A shape typed as coordinates (좌표 입력): one edit, one undo step, checked like a drawn one.
 * A parcel is added as if drawn with the polygon tool (the map then shows it); an envelope
 * replaces the zone's envelope. Returns the new parcel's id, if one was added.
 */
export function applyCoordinateEntry(store: AppStore, entry: CoordinateEntry): string | null {
  const s = store.getState();
  const zone = activeZone(s);
  s.setPreview(null);
  switch (entry.kind) {
    case "parcel": {
      const diff = drawnDiff(
        zone,
        ruleSetFor(zone.ruleSetId, s.customRuleSets),
        "parcel-polygon",
        entry.geometry,
      );
      const id = diff?.put?.[0]?.id ?? null;
      if (!diff || !id) return null;
      s.transact(diff);
      store.getState().focusParcels([id]);
      return id;
    }
    case "envelope-circle":
      s.transact({
        envelope: { shape: "circle", center: entry.center, radiusKm: entry.radiusKm },
      });
      return null;
    case "envelope-belt":
      s.transact({
        envelope: { shape: "belt", axis: entry.axis, halfWidthKm: entry.halfWidthKm },
      });
      return null;
    case "envelope-polygon":
      s.transact({ envelope: { shape: "polygon", polygon: entry.geometry } });
      return null;
  }
}
