/**
 * terra-draw's MapLibre adapter (terra-draw-maplibre-gl-adapter 1.4) hands MapLibre its whole
 * feature set on every change: `setData` of `td-point` (a picked 256-vertex parcel's 513 vertex
 * and midpoint handles) and of `td-polygon`, each a structured clone to the map's worker, a new
 * geojson-vt index there and a reload of every tile of the source in view. A vertex drag changes
 * four of those features per move (the parcel, the vertex's handle, the two midpoints beside it).
 *
 * Here the adapter's one write, `_setGeoJSONLayerData`, is wrapped so each source gets
 * `updateData` with what changed since it was last written (`remove` the features gone, `add`
 * the new or changed ones, which replaces a feature of the same id). MapLibre (≥ 5) updates its
 * worker's index with that diff and reloads only the tiles the changed features touch. A full
 * `setData` is still sent when there is nothing to diff against (the first write, a source made
 * anew), when a feature has no id or two share one, and when most features changed (a selection
 * restyles them all), so the source always ends up holding exactly what the adapter wrote.
 *
 * Like terra-draw-speed.ts it touches a private method: when that method is not there (a newer
 * adapter) nothing is changed and the adapter keeps its own behaviour.
 */
import type { Feature, Geometry } from "geojson";
import type { GeoJSONSource, Map as MlMap } from "maplibre-gl";

export type FeatureId = string | number;

/** What a source holds of one feature: its geometry and a copy of its properties. */
export interface Held {
  geometry: Geometry;
  properties: Record<string, unknown>;
}

export interface SourceDiff {
  remove: FeatureId[];
  add: Feature[];
}

/** Above this share of features changed, one `setData` is sent rather than a diff. */
const MOST = 0.5;

/**
 * The diff that turns what a source holds (`held`) into `next`, or null when a whole `setData`
 * is the better write: nothing held, a feature without an id or two with the same one, or more
 * than half of the features changed. The features added are copies (the adapter restyles its
 * objects in place on the next render).
 */
export function diffFeatures(
  held: Map<FeatureId, Held> | null,
  next: Feature[],
): SourceDiff | null {
  if (!held) return null;
  const seen = new Set<FeatureId>();
  const add: Feature[] = [];
  for (const f of next) {
    const id = f.id;
    if (id === undefined || id === null || seen.has(id)) return null;
    seen.add(id);
    const was = held.get(id);
    if (
      was &&
      sameGeometry(was.geometry, f.geometry) &&
      sameProperties(was.properties, f.properties)
    )
      continue;
    add.push(copyOf(f));
    if (add.length > Math.max(8, MOST * next.length)) return null;
  }
  const remove: FeatureId[] = [];
  for (const id of held.keys()) if (!seen.has(id)) remove.push(id);
  if (remove.length + add.length > Math.max(8, MOST * Math.max(next.length, held.size)))
    return null;
  return { remove, add };
}

/** What a source holds after `setData(features)`. */
export function holding(features: Feature[]): Map<FeatureId, Held> {
  const out = new Map<FeatureId, Held>();
  for (const f of features) if (f.id !== undefined && f.id !== null) out.set(f.id, heldOf(f));
  return out;
}

/** `held` after the diff was applied (MapLibre's order: remove, then add, which replaces). */
export function applyDiff(held: Map<FeatureId, Held>, diff: SourceDiff): void {
  for (const id of diff.remove) held.delete(id);
  for (const f of diff.add) if (f.id !== undefined && f.id !== null) held.set(f.id, heldOf(f));
}

function heldOf(f: Feature): Held {
  return { geometry: f.geometry, properties: { ...(f.properties ?? {}) } };
}

function copyOf(f: Feature): Feature {
  return { ...f, properties: { ...(f.properties ?? {}) } };
}

function sameGeometry(a: Geometry, b: Geometry): boolean {
  if (a === b) return true;
  if (a.type !== b.type) return false;
  if (a.type === "GeometryCollection" || b.type === "GeometryCollection")
    return JSON.stringify(a) === JSON.stringify(b);
  return sameNested(a.coordinates, b.coordinates);
}

function sameNested(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (!Array.isArray(a) || !Array.isArray(b) || a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (!sameNested(a[i], b[i])) return false;
  return true;
}

function sameProperties(
  a: Record<string, unknown>,
  b: Record<string, unknown> | null | undefined,
): boolean {
  const bb = b ?? {};
  let n = 0;
  for (const k in bb) {
    n += 1;
    const [x, y] = [a[k], bb[k]];
    if (x === y) continue;
    // The adapter writes a fresh dash array on every render: compared by value.
    if (typeof x !== "object" || typeof y !== "object" || JSON.stringify(x) !== JSON.stringify(y))
      return false;
  }
  return n === Object.keys(a).length;
}

interface AdapterInside {
  _prefixId?: unknown;
  _setGeoJSONLayerData?: (type: string, features: Feature[]) => unknown;
}

/**
 * Make the adapter write its sources through `updateData` diffs. Returns false (and changes
 * nothing) when the adapter's write is not where terra-draw-maplibre-gl-adapter 1.4 has it.
 */
export function writeChangesOnly(adapter: object, map: MlMap): boolean {
  const inside = adapter as AdapterInside;
  const write = inside._setGeoJSONLayerData;
  if (typeof write !== "function" || typeof inside._prefixId !== "string") return false;
  const prefix = inside._prefixId;
  /** Per source id: the source object last written and what it holds. */
  const held = new Map<string, { source: unknown; features: Map<FeatureId, Held> }>();
  inside._setGeoJSONLayerData = function (this: unknown, type, features) {
    const id = `${prefix}-${type.toLowerCase()}`;
    const source = map.getSource(id) as GeoJSONSource | undefined;
    const last = held.get(id);
    // A source made anew (the adapter registered again) holds none of what was written before.
    const before = last && last.source === source ? last.features : null;
    const diff =
      source && typeof source.updateData === "function" ? diffFeatures(before, features) : null;
    if (!diff || !before) {
      const out = write.call(this, type, features);
      held.set(id, { source, features: holding(features) });
      return out;
    }
    if (diff.remove.length > 0 || diff.add.length > 0) {
      applyDiff(before, diff);
      source?.updateData(diff).catch(() => {
        // Not applied (the source's data could not take a diff): the whole set, as before.
        held.delete(id);
        write.call(this, type, features);
      });
    }
    return id;
  };
  return true;
}
