/**
 * A journal entry holds what an edit changed, not the whole zone twice: the parcels put or
 * removed with their versions before the edit, and the envelope and meta when they changed. With
 * the zone record it was made on (or any later one) that is enough to rebuild both sides of the
 * three-way merge, since a parcel the edit did not touch is the same on both sides.
 */
import type { Envelope, Parcel } from "../../geo/index";
import type { ZoneDoc } from "../store/types";

type Meta = Pick<ZoneDoc, "name" | "sido" | "ruleSetId">;

/** What one tab changed in a zone since the record revision it last knew. */
export interface ZoneEdit {
  /** Parcels added or changed, as they are now. */
  put: Parcel[];
  /** Ids of parcels removed. */
  remove: string[];
  /** The versions before the edit of the parcels put (when they existed) or removed. */
  was: Parcel[];
  envelope?: { now: Envelope | null; was: Envelope | null };
  meta?: { now: Meta; was: Meta };
}

const same = (a: unknown, b: unknown) => a === b || JSON.stringify(a) === JSON.stringify(b);

function metaOf(z: ZoneDoc): Meta {
  return { name: z.name, sido: z.sido, ruleSetId: z.ruleSetId };
}

/** The edit that turns `base` into `ours` (parcels compared by identity first: cheap). */
export function zoneEdit(base: ZoneDoc, ours: ZoneDoc): ZoneEdit {
  const baseById = new Map(base.parcels.map((p) => [p.id, p]));
  const put: Parcel[] = [];
  const was: Parcel[] = [];
  for (const p of ours.parcels) {
    const b = baseById.get(p.id);
    baseById.delete(p.id);
    if (b !== undefined && same(b, p)) continue;
    put.push(p);
    if (b !== undefined) was.push(b);
  }
  const remove = [...baseById.keys()];
  was.push(...baseById.values());
  const edit: ZoneEdit = { put, remove, was };
  if (!same(base.envelope, ours.envelope)) {
    edit.envelope = { now: ours.envelope, was: base.envelope };
  }
  if (!same(metaOf(base), metaOf(ours))) edit.meta = { now: metaOf(ours), was: metaOf(base) };
  return edit;
}

/** Whether the edit changes anything. */
export function isEmptyEdit(edit: ZoneEdit): boolean {
  return edit.put.length === 0 && edit.remove.length === 0 && !edit.envelope && !edit.meta;
}

/**
 * Both sides of the edit laid on `on` (the record as it is now): `base` is `on` with the touched
 * parts as they were before the edit, `ours` is `on` with the edit applied. Parcel order follows
 * `on`; parcels the edit added go at the end, as an edit adds them.
 */
export function edgesOf(edit: ZoneEdit, on: ZoneDoc): { base: ZoneDoc; ours: ZoneDoc } {
  const wasById = new Map(edit.was.map((p) => [p.id, p]));
  const putById = new Map(edit.put.map((p) => [p.id, p]));
  const removed = new Set(edit.remove);
  const touched = new Set([...wasById.keys(), ...putById.keys()]);
  const baseParcels: Parcel[] = [];
  const ourParcels: Parcel[] = [];
  for (const p of on.parcels) {
    if (!touched.has(p.id)) {
      baseParcels.push(p);
      ourParcels.push(p);
      continue;
    }
    const b = wasById.get(p.id);
    if (b) baseParcels.push(b);
    wasById.delete(p.id);
    const o = putById.get(p.id);
    if (o) ourParcels.push(o);
    else if (!removed.has(p.id)) ourParcels.push(p);
    putById.delete(p.id);
  }
  // Touched parcels `on` no longer has (the other side removed them).
  baseParcels.push(...wasById.values());
  ourParcels.push(...[...putById.values()]);
  const base: ZoneDoc = {
    ...on,
    ...(edit.meta?.was ?? {}),
    envelope: edit.envelope ? edit.envelope.was : on.envelope,
    parcels: baseParcels,
  };
  const ours: ZoneDoc = {
    ...on,
    ...(edit.meta?.now ?? {}),
    envelope: edit.envelope ? edit.envelope.now : on.envelope,
    parcels: ourParcels,
  };
  return { base, ours };
}
