/**
 * Moving a parcel's vertices from the keyboard (the select tool, the map focused): the parcel
 * picked in the parcel table or by a finding; arrows move its current vertex 10 m (Shift: 100 m),
 * [ and ] step to the previous or next vertex, Delete removes it (a ring keeps three). Each
 * press is one edit (one undo step), checked like a drag.
 */
import type { Polygon, Position } from "geojson";
import type { AppStore } from "../store/store";
import { activeZone } from "../store/store";
import type { AppState } from "../store/types";
import { isTyping } from "./tool-keys";

/** One arrow press, metres; Shift multiplies by SHIFT_FACTOR. */
export const VERTEX_STEP_M = 10;
const SHIFT_FACTOR = 10;
/** Metres per degree of latitude, near enough for a 10 m nudge (the check measures the result). */
const M_PER_DEG = 111_320;

const MOVES: Record<string, [number, number]> = {
  ArrowLeft: [-1, 0],
  ArrowRight: [1, 0],
  ArrowUp: [0, 1],
  ArrowDown: [0, -1],
};

export interface VertexTarget {
  parcelId: string;
  /** The vertex's index in the outer ring (the closing repeat not counted). */
  index: number;
  /** The outer ring's distinct vertices. */
  count: number;
  position: Position;
}

/** The parcel the keys edit: the one picked (highlighted) alone, with the select tool. */
export function vertexTarget(s: AppState): VertexTarget | null {
  if (s.tool !== "select" || s.reviewing || s.highlight.parcelIds.length !== 1) return null;
  const id = s.highlight.parcelIds[0];
  const parcel = activeZone(s).parcels.find((p) => p.id === id);
  if (parcel?.geometry.type !== "Polygon") return null;
  const ring = parcel.geometry.coordinates[0] ?? [];
  const count = ring.length - 1;
  if (count < 3) return null;
  const index = s.vertex?.parcelId === parcel.id ? Math.min(s.vertex.index, count - 1) : 0;
  return { parcelId: parcel.id, index, count, position: ring[index] as Position };
}

/** The ring with vertex `index` replaced (or removed with `to` null), closed again. */
function editRing(ring: Position[], index: number, to: Position | null): Position[] {
  const open = ring.slice(0, -1);
  if (to) open[index] = to;
  else open.splice(index, 1);
  return [...open, open[0] as Position];
}

/** Handles a key press on the map; true when it was a vertex key (the caller stops it there). */
export function vertexKey(store: AppStore, e: KeyboardEvent): boolean {
  if (e.ctrlKey || e.metaKey || e.altKey || isTyping(e.target)) return false;
  const s = store.getState();
  const target = vertexTarget(s);
  if (!target || s.preview !== null) return false;
  const zone = activeZone(s);
  const parcel = zone.parcels.find((p) => p.id === target.parcelId);
  if (!parcel) return false;
  const polygon = parcel.geometry as Polygon;
  const ring = polygon.coordinates[0] ?? [];
  const put = (outer: Position[]) =>
    s.transact({
      put: [
        {
          ...parcel,
          geometry: { ...polygon, coordinates: [outer, ...polygon.coordinates.slice(1)] },
        },
      ],
    });
  if (e.key === "[" || e.key === "]") {
    const step = e.key === "]" ? 1 : -1;
    s.setVertex({
      parcelId: target.parcelId,
      index: (target.index + step + target.count) % target.count,
    });
    return true;
  }
  if (e.key === "Delete" || e.key === "Backspace") {
    // A parcel keeps three vertices: below that it is no polygon (the parcel table deletes it).
    if (target.count <= 3) return true;
    put(editRing(ring, target.index, null));
    s.setVertex({ parcelId: target.parcelId, index: target.index % (target.count - 1) });
    return true;
  }
  const move = MOVES[e.key];
  if (!move) return false;
  const metres = VERTEX_STEP_M * (e.shiftKey ? SHIFT_FACTOR : 1);
  const [lon = 0, lat = 0] = target.position;
  const to = [
    lon + (move[0] * metres) / (M_PER_DEG * Math.cos((lat * Math.PI) / 180)),
    lat + (move[1] * metres) / M_PER_DEG,
  ];
  put(editRing(ring, target.index, to));
  s.setVertex({ parcelId: target.parcelId, index: target.index });
  return true;
}
