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
import { nextParcelId } from "../store/zone-diff";
import { insideInWorker, unionInWorker } from "../workers/cadastre-client";

const pnusOf = (p: Parcel): string[] =>
  Array.isArray(p.properties.pnu)
    ? p.properties.pnu.filter((x): x is string => typeof x === "string")
    : [];

let queue: Promise<unknown> = Promise.resolve();

function inTurn<T>(run: () => Promise<T>): Promise<T> {
  const next = queue.then(run);
  queue = next.catch(() => undefined);
  return next;
}

async function toggle(store: AppStore, pnu: string): Promise<void> {
  const { startNew } = useCadastre.getState();
  const zone = activeZone(store.getState());
  const holder = zone.parcels.find((p) => pnusOf(p).includes(pnu));
  const built = zone.parcels.filter((p) => pnusOf(p).length > 0);
  let target: Parcel;
  let pnus: string[];
  if (holder) {
    target = holder;
    pnus = pnusOf(holder).filter((x) => x !== pnu);
  } else {
    const last = startNew ? undefined : built[built.length - 1];
    const id = last?.id ?? nextParcelId(zone);
    target = last ?? {
      id,
      name: `${id.replace(/^P/, "")}구역`,
      geometry: { type: "Polygon", coordinates: [] },
      properties: {},
    };
    pnus = [...pnusOf(target), pnu];
  }
  if (startNew) useCadastre.setState({ startNew: false });
  if (pnus.length === 0) {
    store.getState().transact({ remove: [target.id] });
    return;
  }
  const union = await unionInWorker(pnus);
  if (!union) return;
  store.getState().transact({
    put: [{ ...target, geometry: union, properties: { ...target.properties, pnu: pnus } }],
  });
}

export function togglePilji(store: AppStore, pnu: string): Promise<void> {
  return inTurn(() => toggle(store, pnu));
}

/** Lasso: the active zone's freehand 구역 (naming no 필지) become the 필지 inside their outlines. */
export function snapToPilji(store: AppStore): Promise<number> {
  return inTurn(async () => {
    const zone = activeZone(store.getState());
    const put: Parcel[] = [];
    for (const parcel of zone.parcels) {
      if (pnusOf(parcel).length > 0) continue;
      const { pnus, geometry } = await insideInWorker(parcel.geometry);
      if (geometry)
        put.push({ ...parcel, geometry, properties: { ...parcel.properties, pnu: pnus } });
    }
    if (put.length > 0) store.getState().transact({ put });
    return put.length;
  });
}
