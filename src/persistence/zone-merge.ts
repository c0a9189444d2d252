/**
 * Two versions of one zone made from a common one (two tabs editing the same project), merged
 * parcel by parcel: what only one side changed is taken from it, and a parcel both sides changed
 * differently is a conflict, resolved for "ours" with "theirs" kept beside it for an undo step.
 * Pure functions over ZoneDoc; nothing here touches storage or the store.
 */
import type { Parcel } from "../../geo/index";
import type { ZoneDoc } from "../store/types";
import { nextParcelId } from "../store/zone-diff";

/** A change of one zone from a base version to another, replayable on any version of it. */
export type ZoneChange = (zone: ZoneDoc | null) => ZoneDoc | null;

export interface Merged {
  zone: ZoneDoc | null;
  /** Parcel ids (and "envelope", "meta") both sides changed differently: ours was kept. */
  conflicts: string[];
  /** The merge with theirs for every conflict: what an undo step brings back. */
  theirsKept: ZoneDoc | null;
}

const same = (a: unknown, b: unknown) => a === b || JSON.stringify(a) === JSON.stringify(b);

function metaOf(z: ZoneDoc) {
  return { name: z.name, sido: z.sido, ruleSetId: z.ruleSetId };
}

/** The change that turns `base` into `next`, to replay on other versions (a history's). */
export function zoneChange(base: ZoneDoc | null, next: ZoneDoc | null): ZoneChange {
  if (next === null) return () => null;
  if (base === null) return (z) => z ?? next;
  const baseById = new Map(base.parcels.map((p) => [p.id, p]));
  const put = next.parcels.filter((p) => !same(baseById.get(p.id), p));
  const nextIds = new Set(next.parcels.map((p) => p.id));
  const removed = new Set(base.parcels.filter((p) => !nextIds.has(p.id)).map((p) => p.id));
  const envelopeChanged = !same(base.envelope, next.envelope);
  const metaChanged = !same(metaOf(base), metaOf(next));
  return (z) => {
    if (z === null) return null;
    const putById = new Map(put.map((p) => [p.id, p]));
    const parcels = z.parcels
      .filter((p) => !removed.has(p.id))
      .map((p) => {
        const q = putById.get(p.id);
        putById.delete(p.id);
        return q ?? p;
      });
    return {
      ...z,
      ...(metaChanged ? metaOf(next) : {}),
      envelope: envelopeChanged ? next.envelope : z.envelope,
      parcels: [...parcels, ...putById.values()],
    };
  };
}

/** Ours, with every parcel whose id theirs also created (from nothing) given a fresh id. */
function reIdCollisions(ours: ZoneDoc, theirs: ZoneDoc, base: ZoneDoc): ZoneDoc {
  const inBase = new Set(base.parcels.map((p) => p.id));
  const theirById = new Map(theirs.parcels.map((p) => [p.id, p]));
  const parcels: Parcel[] = [];
  for (const p of ours.parcels) {
    const t = theirById.get(p.id);
    if (inBase.has(p.id) || !t || same(t, p)) {
      parcels.push(p);
      continue;
    }
    // Both drew a new parcel and named it alike: two parcels, not one edited twice.
    const taken = { ...ours, parcels: [...theirs.parcels, ...ours.parcels, ...parcels] };
    const id = nextParcelId(taken);
    const name = p.name === p.id ? id : p.name;
    parcels.push({ ...p, id, name, properties: { ...p.properties, id, name } });
  }
  return { ...ours, parcels };
}

/**
 * Merge ours and theirs, both made from base (null: the zone did not exist, or was not known,
 * when they were made). A deleted side (null) loses to an edited one: nothing drawn is dropped.
 */
export function mergeZones(
  base: ZoneDoc | null,
  oursIn: ZoneDoc | null,
  theirs: ZoneDoc | null,
): Merged {
  if (same(oursIn, base)) return { zone: theirs, conflicts: [], theirsKept: null };
  if (same(theirs, base) || same(theirs, oursIn)) {
    return { zone: oursIn, conflicts: [], theirsKept: null };
  }
  if (theirs === null) return { zone: oursIn, conflicts: ["zone"], theirsKept: null };
  if (oursIn === null) return { zone: theirs, conflicts: ["zone"], theirsKept: null };
  // Unknown base (both made the zone): theirs without parcels or envelope, so both sides' count.
  const b = base ?? { ...theirs, parcels: [], envelope: null };
  const ours = reIdCollisions(oursIn, theirs, b);
  // Start from theirs and replay our own changes on it; then find what both changed.
  const zone = zoneChange(b, ours)(theirs) ?? ours;
  const baseById = new Map(b.parcels.map((p) => [p.id, p]));
  const ourById = new Map(ours.parcels.map((p) => [p.id, p]));
  const theirConflicts = theirs.parcels.filter((t) => {
    const was = baseById.get(t.id);
    const o = ourById.get(t.id);
    return was !== undefined && !same(t, was) && !same(o, was) && !same(o, t);
  });
  const conflicts = theirConflicts.map((t) => t.id);
  const kept = new Map(theirConflicts.map((t) => [t.id, t]));
  let theirsKept: ZoneDoc = {
    ...zone,
    parcels: [
      ...zone.parcels.map((p) => kept.get(p.id) ?? p),
      ...theirConflicts.filter((t) => !zone.parcels.some((p) => p.id === t.id)),
    ],
  };
  const changed = (f: (z: ZoneDoc) => unknown) =>
    !same(f(b), f(theirs)) && !same(f(b), f(ours)) && !same(f(ours), f(theirs));
  if (changed((z) => z.envelope)) {
    conflicts.push("envelope");
    theirsKept = { ...theirsKept, envelope: theirs.envelope };
  }
  if (changed(metaOf)) {
    conflicts.push("meta");
    theirsKept = { ...theirsKept, ...metaOf(theirs) };
  }
  return { zone, conflicts, theirsKept: conflicts.length > 0 ? theirsKept : null };
}
