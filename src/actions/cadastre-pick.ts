/**
 * A click on a 필지: added to the 구역 being built, or taken out of the 구역 that has it; a lasso:
 * each freehand 구역 becomes the 필지 inside it. The 구역 is the exact union of its 필지, made by
 * the Worker that holds them (geo/cadastre/union.ts), and names them in `properties.pnu`; each
 * gesture is one transact, so one undo step. Gestures run one after another, so a quick second
 * click sees the first one's 구역.
 */
import type { Parcel } from "../../geo/index";
import { useCadastre } from "../store/cadastre";
import { type AppStore, activeZone } from "../store/store";
import type { ZoneDoc } from "../store/types";
import { nextParcelId } from "../store/zone-diff";
import { insideInWorker, unionInWorker } from "../workers/cadastre-client";

export const pnusOf = (p: Parcel): string[] =>
  Array.isArray(p.properties.pnu)
    ? p.properties.pnu.filter((x): x is string => typeof x === "string")
    : [];

/**
 * A 구역 built from 필지 (its geometry their union): it names 필지 and none in part. A freehand
 * 구역 over the cadastre names the 필지 it covers too, but always with a `partialPnu` list.
 */
export const isBuilt = (p: Parcel): boolean =>
  pnusOf(p).length > 0 && !Array.isArray(p.properties.partialPnu);

let queue: Promise<unknown> = Promise.resolve();

/** Gestures on the cadastre run one after another, each seeing the one before's 구역. */
export function inTurn<T>(run: () => Promise<T>): Promise<T> {
  const next = queue.then(run);
  queue = next.catch(() => undefined);
  return next;
}

/** The 구역 new 필지 go to: the last one built from 필지, or a new one after 새 구역. */
export function buildingTarget(zone: ZoneDoc): Parcel {
  const { startNew } = useCadastre.getState();
  const built = zone.parcels.filter(isBuilt);
  const last = startNew ? undefined : built[built.length - 1];
  if (startNew) useCadastre.setState({ startNew: false });
  if (last) return last;
  const id = nextParcelId(zone);
  return {
    id,
    name: `${id.replace(/^P/, "")}구역`,
    geometry: { type: "Polygon", coordinates: [] },
    properties: {},
  };
}

/** The 구역 as the exact union of these 필지, naming them; null when the Worker has none. */
export async function builtFrom(target: Parcel, pnus: string[]): Promise<Parcel | null> {
  const union = await unionInWorker(pnus);
  if (!union) return null;
  const { partialPnu: _, ...properties } = target.properties;
  return { ...target, geometry: union, properties: { ...properties, pnu: pnus } };
}

async function toggle(store: AppStore, pnu: string): Promise<void> {
  const zone = activeZone(store.getState());
  const holder = zone.parcels.find((p) => isBuilt(p) && pnusOf(p).includes(pnu));
  const target = holder ?? buildingTarget(zone);
  const pnus = holder ? pnusOf(holder).filter((x) => x !== pnu) : [...pnusOf(target), pnu];
  if (pnus.length === 0) {
    store.getState().transact({ remove: [target.id] });
    return;
  }
  const built = await builtFrom(target, pnus);
  if (built) store.getState().transact({ put: [built] });
}

export function togglePilji(store: AppStore, pnu: string): Promise<void> {
  return inTurn(() => toggle(store, pnu));
}

/** Lasso: the active zone's freehand 구역 (not built from 필지) become the 필지 inside their outlines. */
export function snapToPilji(store: AppStore): Promise<number> {
  return inTurn(async () => {
    const zone = activeZone(store.getState());
    const put: Parcel[] = [];
    for (const parcel of zone.parcels) {
      if (isBuilt(parcel)) continue;
      const { pnus, geometry } = await insideInWorker(parcel.geometry);
      const { partialPnu: _, ...properties } = parcel.properties;
      if (geometry) put.push({ ...parcel, geometry, properties: { ...properties, pnu: pnus } });
    }
    if (put.length > 0) store.getState().transact({ put });
    return put.length;
  });
}
