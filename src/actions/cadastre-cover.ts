/**
 * A 구역's 필지 follow its geometry. A 구역 drawn freehand over the open cadastre lists the 필지
 * it covers (`pnu` whole, `partialPnu` in part with the m² inside, FILING.md), and so does one
 * reshaped with the select tool or the arrow keys, built from 필지 or not: after such an edit its
 * old list no longer describes it. The list is written into the edit's own undo step (history
 * paused), so undo takes back the edit and the list together. With no cadastre open the stale
 * list is dropped instead: `czd parcels` then lists the 필지 under the 구역 from its geometry.
 */
import type { Parcel } from "../../geo/index";
import { useCadastre } from "../store/cadastre";
import type { AppStore } from "../store/store";
import type { ZoneDoc } from "../store/types";
import { coverOf } from "./cadastre-select";

const names = (p: Parcel): boolean =>
  Array.isArray(p.properties.pnu) || Array.isArray(p.properties.partialPnu);

/** Parcels whose geometry changed with their properties untouched, or drawn without 필지. */
function stale(next: ZoneDoc[], prev: ZoneDoc[]): { zoneId: string; parcel: Parcel }[] {
  const out: { zoneId: string; parcel: Parcel }[] = [];
  for (const zone of next) {
    const before = prev.find((z) => z.id === zone.id);
    if (before === zone) continue;
    for (const p of zone.parcels) {
      const q = before?.parcels.find((x) => x.id === p.id);
      if (q === p) continue;
      const edited = q !== undefined && q.geometry !== p.geometry && q.properties === p.properties;
      const drawn = q === undefined && !names(p);
      if (edited || drawn) out.push({ zoneId: zone.id, parcel: p });
    }
  }
  return out;
}

/** Writes a parcel's new properties into the present undo step, if it is still as it was. */
function amend(store: AppStore, zoneId: string, was: Parcel, properties: Parcel["properties"]) {
  const zone = store.getState().zones.find((z) => z.id === zoneId);
  const now = zone?.parcels.find((p) => p.id === was.id);
  if (!now || now.geometry !== was.geometry || now.properties !== was.properties) return;
  const temporal = store.temporal.getState();
  temporal.pause();
  try {
    store.getState().transact({ zoneId, put: [{ ...now, properties }] });
  } finally {
    temporal.resume();
  }
}

async function relist(store: AppStore, zoneId: string, parcel: Parcel): Promise<void> {
  const { pnu: _p, partialPnu: _q, ...rest } = parcel.properties;
  if (useCadastre.getState().status !== "ready") {
    if (names(parcel)) amend(store, zoneId, parcel, rest);
    return;
  }
  const covered = await coverOf(parcel.geometry);
  if (covered.pnu.length === 0 && covered.partialPnu.length === 0) {
    if (names(parcel)) amend(store, zoneId, parcel, rest);
    return;
  }
  amend(store, zoneId, parcel, { ...rest, pnu: covered.pnu, partialPnu: covered.partialPnu });
}

/** Keeps the 필지 lists of edited and freehand 구역 true to their geometry. */
export function bindCover(store: AppStore): () => void {
  return store.subscribe((next, prev) => {
    if (next.zones === prev.zones) return;
    const todo = stale(next.zones, prev.zones);
    if (todo.length === 0) return;
    // After the store settles: an undo or a redo with more to redo leaves its states as they were.
    queueMicrotask(() => {
      if (store.temporal.getState().futureStates.length > 0) return;
      for (const { zoneId, parcel } of todo) relist(store, zoneId, parcel).catch(() => undefined);
    });
  });
}
