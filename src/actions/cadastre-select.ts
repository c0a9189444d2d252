/**
 * Selections from the cadastre beyond a click and a lasso (cadastre-pick.ts): a box (dragged,
 * or the view), "all 필지 inside this outline / the envelope", "필지 touching this 구역", and
 * what a freehand 구역 covers. The Worker answers from its box index; each gesture is one
 * transact, so one undo step, and the live check runs on it as on any edit.
 */
import type { MultiPolygon, Polygon, Position } from "geojson";
import { envelopeOutline, type Parcel } from "../../geo/index";
import { type AppStore, activeZone } from "../store/store";
import type { ZoneDoc } from "../store/types";
import { coverInWorker, selectInWorker } from "../workers/cadastre-client";
import { buildingTarget, builtFrom, inTurn, isBuilt, pnusOf } from "./cadastre-pick";

/** 필지 another built 구역 of the zone already holds: a selection leaves them there. */
function heldElsewhere(zone: ZoneDoc, id: string): Set<string> {
  return new Set(zone.parcels.filter((p) => p.id !== id && isBuilt(p)).flatMap(pnusOf));
}

/** Adds these 필지 to the 구역 being built; resolves to how many were new to it. */
async function addToBuilding(store: AppStore, pnus: string[]): Promise<number> {
  const zone = activeZone(store.getState());
  const target = buildingTarget(zone);
  const held = heldElsewhere(zone, target.id);
  const own = pnusOf(target);
  const mine = new Set(own);
  const fresh = pnus.filter((x) => !mine.has(x) && !held.has(x));
  if (fresh.length === 0) return 0;
  const built = await builtFrom(target, [...own, ...fresh]);
  if (!built) return 0;
  store.getState().transact({ put: [built] });
  return fresh.length;
}

/** A box of the map, as four lon/lat corners in order: the 필지 whose inner point is inside it. */
export function selectBox(store: AppStore, corners: Position[]): Promise<number> {
  return inTurn(async () => {
    const ring = [...corners, corners[0] as Position];
    return addToBuilding(
      store,
      await selectInWorker("box", { type: "Polygon", coordinates: [ring] }),
    );
  });
}

/** All 필지 wholly inside the active zone's envelope go to the 구역 being built. */
export function selectInsideEnvelope(store: AppStore): Promise<number> {
  return inTurn(async () => {
    const envelope = activeZone(store.getState()).envelope;
    if (!envelope) return 0;
    return addToBuilding(store, await selectInWorker("inside", envelopeOutline(envelope)));
  });
}

/** Rebuilds a 구역 from 필지: its geometry becomes their union, one undo step. */
async function rebuild(
  store: AppStore,
  parcelId: string,
  pick: (parcel: Parcel, zone: ZoneDoc) => Promise<string[]>,
): Promise<number> {
  const zone = activeZone(store.getState());
  const parcel = zone.parcels.find((p) => p.id === parcelId);
  if (!parcel) return 0;
  const held = heldElsewhere(zone, parcel.id);
  const pnus = (await pick(parcel, zone)).filter((x) => !held.has(x));
  if (pnus.length === 0) return 0;
  const built = await builtFrom(parcel, pnus);
  if (!built) return 0;
  store.getState().transact({ put: [built] });
  return pnus.length;
}

/** The 구역 becomes the 필지 wholly inside its outline. */
export function selectInsideParcel(store: AppStore, parcelId: string): Promise<number> {
  return inTurn(() =>
    rebuild(store, parcelId, (parcel) => selectInWorker("inside", parcel.geometry)),
  );
}

/** The 구역 gains every 필지 sharing area with it (those another built 구역 holds stay there). */
export function selectTouchingParcel(store: AppStore, parcelId: string): Promise<number> {
  return inTurn(() =>
    rebuild(store, parcelId, async (parcel) => {
      const own = isBuilt(parcel) ? pnusOf(parcel) : [];
      const touching = await selectInWorker("touching", parcel.geometry);
      return [...own, ...touching.filter((x) => !own.includes(x))];
    }),
  );
}

/** The filing properties naming what a freehand 구역 covers (pnu whole, partialPnu in part). */
export function coverOf(
  geometry: Polygon | MultiPolygon,
): Promise<{ pnu: string[]; partialPnu: { pnu: string; m2: number }[] }> {
  return inTurn(() => coverInWorker(geometry));
}
