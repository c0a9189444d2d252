/**
 * Another tab's edit in this tab's undo history. zundo keeps whole snapshots of the zones, so an
 * edit arriving from another tab is replayed on every snapshot (as if it had come first): undo
 * then takes back this tab's own edits without undoing the other tab's.
 */
import type { AppStore, UndoState } from "../store/store";
import type { ZoneDoc } from "../store/types";
import type { ZoneChange } from "./zone-merge";

/** Where a zone sits in the list: its record's order (Infinity for one not yet written). */
export type Rank = (id: string) => number;

/**
 * The zones with zone `id` replaced, or removed when null; a zone new to the list goes before
 * the first zone ranked after it, so every tab lists zones in their records' order.
 */
export function withZone(
  zones: ZoneDoc[],
  id: string,
  zone: ZoneDoc | null,
  rank: Rank = () => Number.POSITIVE_INFINITY,
): ZoneDoc[] {
  if (zone === null) return zones.filter((z) => z.id !== id);
  if (zones.some((z) => z.id === id)) return zones.map((z) => (z.id === id ? zone : z));
  const at = zones.findIndex((z) => rank(z.id) > rank(id));
  return at < 0 ? [...zones, zone] : [...zones.slice(0, at), zone, ...zones.slice(at)];
}

function activeIn(zones: ZoneDoc[], activeZoneId: string | undefined): string {
  return zones.some((z) => z.id === activeZoneId) ? (activeZoneId ?? "") : (zones[0]?.id ?? "");
}

function replay(
  snapshot: Partial<UndoState>,
  id: string,
  change: ZoneChange,
  rank: Rank,
): Partial<UndoState> {
  const zones = snapshot.zones ?? [];
  const next = withZone(zones, id, change(zones.find((z) => z.id === id) ?? null), rank);
  // A history without any zone left is no state to go back to: keep the snapshot's own.
  if (next.length === 0) return snapshot;
  return { ...snapshot, zones: next, activeZoneId: activeIn(next, snapshot.activeZoneId) };
}

/**
 * Put `zone` (another tab's version, or a merge with it) into the store without an undo step,
 * replaying `change` on the undo and redo snapshots.
 */
export function applyRemote(
  store: AppStore,
  id: string,
  zone: ZoneDoc | null,
  change: ZoneChange,
  rank?: Rank,
): void {
  const temporal = store.temporal;
  const t = temporal.getState();
  const order = rank ?? (() => Number.POSITIVE_INFINITY);
  temporal.setState({
    pastStates: t.pastStates.map((s) => replay(s, id, change, order)),
    futureStates: t.futureStates.map((s) => replay(s, id, change, order)),
  });
  const s = store.getState();
  const zones = withZone(s.zones, id, zone, order);
  if (zones.length === 0) return;
  t.pause();
  store.setState({ zones, activeZoneId: activeIn(zones, s.activeZoneId) });
  temporal.getState().resume();
}

/** One undo step back to the zones as they are with zone `id` replaced by `other`. */
export function pushUndoStep(store: AppStore, id: string, other: ZoneDoc | null): void {
  const s = store.getState();
  const zones = withZone(s.zones, id, other);
  if (zones.length === 0) return;
  const past = store.temporal.getState().pastStates;
  store.temporal.setState({
    pastStates: [...past, { zones, activeZoneId: activeIn(zones, s.activeZoneId) }],
    futureStates: [],
  });
}
