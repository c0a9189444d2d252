/**
 * A 구역's 필지 follow its geometry. A 구역 drawn freehand over the open cadastre lists the 필지
 * it covers (`pnu` whole, `partialPnu` in part with the m² inside, FILING.md), and so does one
 * reshaped with the select tool or the arrow keys, built from 필지 or not: after such an edit its
 * old list no longer describes it. The list is written into the edit's own undo step (history
 * paused), so undo takes back the edit and the list together. With no cadastre open the stale
 * list is dropped instead: `czd parcels` then lists the 필지 under the 구역 from its geometry.
 *
 * A freehand 구역 with no list while a cadastre is open — drawn before it was opened, or shown
 * again by an undo to a state from before — gets its list the same way: written into the state
 * the planner sees with history paused, so it is no undo step of its own, and only `pnu` /
 * `partialPnu` change (the write is skipped if the 구역 changed meanwhile). The list is derived
 * data: what the 구역 covers in the cadastre open now. So when a 시·군 is added to the cadastre
 * open, the freehand 구역 already listed whose box meets the added 필지's are listed again the
 * same way.
 */
import { type Bbox, geometryBounds } from "../../geo/geometry";
import type { Parcel } from "../../geo/index";
import { useCadastre } from "../store/cadastre";
import type { AppStore } from "../store/store";
import type { ZoneDoc } from "../store/types";
import { coverOf } from "./cadastre-select";

const names = (p: Parcel): boolean =>
  Array.isArray(p.properties.pnu) || Array.isArray(p.properties.partialPnu);

/** Parcels whose geometry changed with their properties untouched (an edit's). */
function stale(next: ZoneDoc[], prev: ZoneDoc[]): { zoneId: string; parcel: Parcel }[] {
  const out: { zoneId: string; parcel: Parcel }[] = [];
  for (const zone of next) {
    const before = prev.find((z) => z.id === zone.id);
    if (before === zone) continue;
    for (const p of zone.parcels) {
      const q = before?.parcels.find((x) => x.id === p.id);
      if (q === p) continue;
      if (q !== undefined && q.geometry !== p.geometry && q.properties === p.properties)
        out.push({ zoneId: zone.id, parcel: p });
    }
  }
  return out;
}

/** Parcels a request is out for: asked once, however many changes come meanwhile. */
const asking = new WeakSet<Parcel>();
/** Geometries that cover no 필지 of the cadastre open now: not asked again until another opens. */
let coversNone = new WeakSet<Parcel["geometry"]>();

const hasArea = (p: Parcel): boolean => p.geometry.coordinates.length > 0;

/** Freehand parcels with no 필지 list that the open cadastre has not been asked about. */
function unlisted(zones: ZoneDoc[]): { zoneId: string; parcel: Parcel }[] {
  const out: { zoneId: string; parcel: Parcel }[] = [];
  for (const zone of zones)
    for (const p of zone.parcels)
      if (!names(p) && hasArea(p) && !asking.has(p) && !coversNone.has(p.geometry))
        out.push({ zoneId: zone.id, parcel: p });
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
  if (asking.has(parcel)) return;
  asking.add(parcel);
  try {
    const covered = await coverOf(parcel.geometry);
    if (covered.pnu.length === 0 && covered.partialPnu.length === 0) {
      coversNone.add(parcel.geometry);
      if (names(parcel)) amend(store, zoneId, parcel, rest);
      return;
    }
    // The same list again (a 구역 away from a 시·군 just added): nothing to write.
    const same =
      JSON.stringify([parcel.properties.pnu, parcel.properties.partialPnu]) ===
      JSON.stringify([covered.pnu, covered.partialPnu]);
    if (same) return;
    amend(store, zoneId, parcel, { ...rest, pnu: covered.pnu, partialPnu: covered.partialPnu });
  } finally {
    asking.delete(parcel);
  }
}

/** Lists every freehand 구역 of the present state that has no list yet (a cadastre is open). */
function listUnlisted(store: AppStore): void {
  if (useCadastre.getState().status !== "ready") return;
  for (const { zoneId, parcel } of unlisted(store.getState().zones))
    relist(store, zoneId, parcel).catch(() => undefined);
}

/** Whether a parcel's box meets a box (west, south, east, north), edges included. */
function meets(p: Parcel, [w, s, e, n]: Bbox): boolean {
  const [x0, y0, x1, y1] = geometryBounds(p.geometry);
  return x0 <= e && x1 >= w && y0 <= n && y1 >= s;
}

/**
 * Lists again the freehand 구역 that have a list and whose box meets the box of the 필지 added
 * (`extent`; every one when not known): a 시·군 was added, and a 구역 over it now covers 필지 it
 * did not before. A 구역 away from it keeps its list untouched, not even asked about. Only lists
 * that change are written, history paused as on open. 구역 built from 필지 are not: their list
 * is what the planner picked.
 */
function relistFreehand(store: AppStore, extent: Bbox | null): void {
  for (const zone of store.getState().zones)
    for (const p of zone.parcels)
      if (Array.isArray(p.properties.partialPnu) && hasArea(p) && (!extent || meets(p, extent)))
        relist(store, zone.id, p).catch(() => undefined);
}

/** Keeps the 필지 lists of edited and freehand 구역 true to their geometry. */
export function bindCover(store: AppStore): () => void {
  const offZones = store.subscribe((next, prev) => {
    if (next.zones === prev.zones) return;
    const todo = stale(next.zones, prev.zones);
    // After the store settles: an undo or a redo with more to redo leaves an edit's list as it
    // was; a 구역 there with no list at all gets one (listUnlisted, history paused).
    queueMicrotask(() => {
      if (store.temporal.getState().futureStates.length === 0)
        for (const { zoneId, parcel } of todo) relist(store, zoneId, parcel).catch(() => undefined);
      listUnlisted(store);
    });
  });
  // A cadastre opened (or opened again with other files): the 구역 drawn before it get their
  // lists. 필지 added to the one open (a neighbouring 시·군): the freehand 구역 listed before are
  // listed again. A cancelled add passes through "none" (nothing held) and adds nothing; a file
  // closed lowers the count and leaves every list as it is (docs/cadastre.md).
  let heldCount = useCadastre.getState().status === "ready" ? useCadastre.getState().count : 0;
  const offCadastre = useCadastre.subscribe((next, prev) => {
    if (next.status === "none") heldCount = 0;
    if (next.status !== "ready" || (prev.status === "ready" && next.url === prev.url)) return;
    const added = heldCount > 0 && next.count > heldCount;
    heldCount = next.count;
    coversNone = new WeakSet();
    if (added) relistFreehand(store, next.addedExtent);
    listUnlisted(store);
  });
  return () => {
    offZones();
    offCadastre();
  };
}
