/** Pure zone edits: the one place a ZoneDiff turns into a new ZoneDoc. */
import type { Parcel } from "../../geo/index";
import type { ZoneDiff, ZoneDoc } from "./types";

/** The zone after the diff; the same object when the diff changes nothing. */
export function applyDiff(zone: ZoneDoc, diff: ZoneDiff): ZoneDoc {
  let parcels = zone.parcels;
  if (diff.remove && diff.remove.length > 0) {
    const gone = new Set(diff.remove);
    parcels = parcels.filter((p) => !gone.has(p.id));
  }
  if (diff.put && diff.put.length > 0) {
    parcels = putParcels(parcels, diff.put);
  }
  const envelope = diff.envelope === undefined ? zone.envelope : diff.envelope;
  const meta = diff.meta ?? {};
  if (parcels === zone.parcels && envelope === zone.envelope && Object.keys(meta).length === 0) {
    return zone;
  }
  return { ...zone, ...meta, parcels, envelope };
}

/** Replace parcels by id in place (order kept, as the report lists them), append the new ones. */
function putParcels(parcels: Parcel[], put: Parcel[]): Parcel[] {
  const byId = new Map(put.map((p) => [p.id, p]));
  const next = parcels.map((p) => {
    const replacement = byId.get(p.id);
    if (replacement) byId.delete(p.id);
    return replacement ?? p;
  });
  return [...next, ...byId.values()];
}

/** The next free parcel id of the form P<n>. */
export function nextParcelId(zone: ZoneDoc): string {
  let max = 0;
  for (const p of zone.parcels) {
    const m = /^P(\d+)$/.exec(p.id);
    if (m?.[1]) max = Math.max(max, Number(m[1]));
  }
  let n = max + 1;
  const taken = new Set(zone.parcels.map((p) => p.id));
  while (taken.has(`P${n}`)) n += 1;
  return `P${n}`;
}

/** A fresh zone with no parcels. */
export function createZone(id: string, over: Partial<ZoneDoc> = {}): ZoneDoc {
  return {
    id,
    name: over.name ?? id,
    sido: over.sido ?? null,
    ruleSetId: over.ruleSetId ?? "phase-1-2",
    envelope: over.envelope ?? null,
    parcels: over.parcels ?? [],
    createdAt: over.createdAt ?? new Date().toISOString(),
  };
}
