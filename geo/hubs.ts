/**
 * Hub index and counts (혁신거점 집계): which hubs lie in a zone's parcels.
 *
 * Point hubs go in a KDBush index and are tested with a ray-casting point-in-polygon over the
 * parcel rings; area hubs (industrial complexes drawn as polygons) go in a Flatbush index over
 * their bounding boxes and are clipped with Turf, since there are few of them.
 */
import { area, featureCollection, intersect, union } from "@turf/turf";
import Flatbush from "flatbush";
import type { Feature, MultiPolygon, Polygon } from "geojson";
import KDBush from "kdbush";
import {
  type BandedPolygon,
  type Bbox,
  bandInto,
  boundsOf,
  emptyBanded,
  locatePoint,
  unionBbox,
} from "./geometry";
import { record } from "./own";
import { HUB_TYPES, type Hub, type HubSourceCount } from "./types";

/** Built once from a hub list and reused on every check; treat as opaque. */
export interface HubIndex {
  readonly hubs: readonly Hub[];
  /** KDBush over the point hubs (null when there are none). */
  readonly points: KDBush | null;
  /** KDBush item id → index into `hubs`. */
  readonly pointHub: Uint32Array;
  /** Point coordinates as [lon0, lat0, lon1, lat1, …], by KDBush item id. */
  readonly pointXY: Float64Array;
  /** Flatbush over the area hubs' bounding boxes (null when there are none). */
  readonly areas: Flatbush | null;
  /** Flatbush item id → index into `hubs`. */
  readonly areaHub: Uint32Array;
  /** The named sources the hubs came from (empty for indexHubs), and each hub's source. */
  readonly sourceNames: readonly string[];
  readonly hubSource: Uint32Array;
}

/** Hubs from one layer or file, under the name the report gives it (hubSourceName). */
export interface HubSource {
  name: string;
  hubs: Hub[];
}

export interface HubCounts {
  counts: Record<string, number> & { total: number };
  partial: { name: string; type: string; shareInside: number }[];
  /** Per named source, how many of its hubs counted (every source listed, 0 included). */
  sources: HubSourceCount[];
}

/** Index hubs from named sources, so the report can say what it counted and from where. */
export function indexHubSources(sources: readonly HubSource[]): HubIndex {
  const hubs = sources.flatMap((s) => s.hubs);
  const hubSource = new Uint32Array(hubs.length);
  let at = 0;
  sources.forEach((s, k) => {
    hubSource.fill(k, at, at + s.hubs.length);
    at += s.hubs.length;
  });
  return { ...indexHubs(hubs), sourceNames: sources.map((s) => s.name), hubSource };
}

/** Index hubs for countHubs: O(n log n) once, so each check only touches nearby hubs. */
export function indexHubs(hubs: Hub[]): HubIndex {
  const pointIds: number[] = [];
  const areaIds: number[] = [];
  hubs.forEach((hub, i) => {
    (hub.geometry.type === "Point" ? pointIds : areaIds).push(i);
  });

  const pointXY = new Float64Array(pointIds.length * 2);
  let points: KDBush | null = null;
  if (pointIds.length > 0) {
    points = new KDBush(pointIds.length);
    pointIds.forEach((hubId, k) => {
      const geometry = hubs[hubId]?.geometry;
      if (geometry?.type !== "Point") return;
      const [lon = Number.NaN, lat = Number.NaN] = geometry.coordinates;
      pointXY[2 * k] = lon;
      pointXY[2 * k + 1] = lat;
      points?.add(lon, lat);
    });
    points.finish();
  }

  let areas: Flatbush | null = null;
  if (areaIds.length > 0) {
    areas = new Flatbush(areaIds.length);
    for (const hubId of areaIds) {
      const geometry = hubs[hubId]?.geometry;
      if (geometry === undefined || geometry.type === "Point") continue;
      const [minX, minY, maxX, maxY] = bboxOf(geometry);
      areas.add(minX, minY, maxX, maxY);
    }
    areas.finish();
  }

  return {
    hubs,
    points,
    pointHub: Uint32Array.from(pointIds),
    pointXY,
    areas,
    areaHub: Uint32Array.from(areaIds),
    sourceNames: [],
    hubSource: new Uint32Array(hubs.length),
  };
}

/**
 * Count the hubs in a zone's parcels (lon/lat). A point hub counts when strictly inside a parcel
 * (not on its boundary, not in a hole), once however many parcels hold it; an area hub counts when
 * any part lies in a parcel, and is listed in `partial` with its share inside (0..1, 3 decimals)
 * when not wholly in.
 */
export function countHubs(index: HubIndex, parcels: (Polygon | MultiPolygon)[]): HubCounts {
  // Hub types come from files: counted in a record with no prototype ("constructor" is a type).
  const counts = record<number>() as Record<string, number> & { total: number };
  counts.total = 0;
  for (const type of HUB_TYPES) counts[type] = 0;
  const bySource = index.sourceNames.map(() => 0);
  const tally = (hubId: number): void => {
    const hub = index.hubs[hubId];
    if (hub === undefined) return;
    counts[hub.type] = (counts[hub.type] ?? 0) + 1;
    counts.total += 1;
    const source = index.hubSource[hubId] ?? 0;
    if (source < bySource.length) bySource[source] = (bySource[source] ?? 0) + 1;
  };

  const boxes: Bbox[] = [];
  const counted = new Set<number>();
  const inside = pointsInsideOf(index);
  for (const parcel of parcels) {
    const found = inside(parcel);
    boxes.push(found.box);
    for (const id of found.ids) {
      if (counted.has(id)) continue;
      counted.add(id);
      tally(index.pointHub[id] as number);
    }
  }

  const partial: HubCounts["partial"] = [];
  for (const { hubId, hub, share } of areaShares(index, parcels, boxes)) {
    tally(hubId);
    const shareInside = Math.round(share * 1000) / 1000;
    if (shareInside < 1) {
      // A hub that is in at all never reads as 0% in: the reviewer sees "0.1%", not "none".
      partial.push({ name: hub.name, type: hub.type, shareInside: Math.max(shareInside, 0.001) });
    }
  }
  const sources = index.sourceNames.map((name, k) => ({ name, count: bySource[k] ?? 0 }));
  return { counts, partial, sources };
}

/**
 * Share of each nearby area hub's area that lies in the union of the parcels. Overlapping parcels
 * are unioned first so shared ground is not counted twice. Slivers under a millionth of the hub's
 * area are clipping noise along a shared edge, not a hub that lies in the zone.
 */
function areaShares(
  index: HubIndex,
  parcels: (Polygon | MultiPolygon)[],
  boxes: Bbox[],
): { hubId: number; hub: Hub; share: number }[] {
  const { areas, areaHub } = index;
  if (areas === null || parcels.length === 0) return [];
  const near = new Map<number, number[]>();
  boxes.forEach(([minX, minY, maxX, maxY], parcelIndex) => {
    for (const id of areas.search(minX, minY, maxX, maxY)) {
      const list = near.get(id) ?? [];
      list.push(parcelIndex);
      near.set(id, list);
    }
  });

  const result: { hubId: number; hub: Hub; share: number }[] = [];
  for (const [id, parcelIndexes] of [...near].sort((a, b) => a[0] - b[0])) {
    const hubId = areaHub[id] as number;
    const hub = index.hubs[hubId];
    if (hub === undefined || hub.geometry.type === "Point") continue;
    const hubArea = area(hub.geometry);
    if (!(hubArea > 0)) continue;
    const land = parcelIndexes.map((i) => toFeature(parcels[i] as Polygon | MultiPolygon));
    const zone = land.length === 1 ? land[0] : union(featureCollection(land));
    if (zone === undefined || zone === null) continue;
    const inside = intersect(featureCollection([toFeature(hub.geometry), zone]));
    const share = inside === null ? 0 : Math.min(1, area(inside) / hubArea);
    if (share > 1e-6) result.push({ hubId, hub, share });
  }
  return result;
}

/** A parcel's box and the point hubs strictly inside it (KDBush ids, ascending). */
interface PointsInside {
  box: Bbox;
  ids: Uint32Array;
}

/**
 * Which point hubs of `index` lie strictly inside a parcel, found once per parcel geometry
 * object and index: the store never changes a geometry in place, so a re-check during a drag
 * tests only the moved parcel's nearby hubs again. Parcels are banded one after another into
 * the same few buffers (one per part of the largest MultiPolygon) and dropped.
 */
const pointsInsideMemo = new WeakMap<HubIndex, (g: Polygon | MultiPolygon) => PointsInside>();

function pointsInsideOf(index: HubIndex): (g: Polygon | MultiPolygon) => PointsInside {
  const known = pointsInsideMemo.get(index);
  if (known) return known;
  const byGeometry = new WeakMap<Polygon | MultiPolygon, PointsInside>();
  const pool: BandedPolygon[] = [];
  const { points, pointXY } = index;
  const find = (parcel: Polygon | MultiPolygon): PointsInside => {
    const memo = byGeometry.get(parcel);
    if (memo) return memo;
    const parts = parcel.type === "Polygon" ? [parcel.coordinates] : parcel.coordinates;
    let found: PointsInside;
    if (points === null) {
      found = { box: unionBbox(parts.map(boundsOf)), ids: new Uint32Array(0) };
    } else {
      const banded = parts.map((rings, j) => {
        const buffers = pool[j] ?? emptyBanded();
        pool[j] = buffers;
        return bandInto(rings, buffers);
      });
      const box = unionBbox(banded.map((p) => p.bbox));
      const ids: number[] = [];
      for (const id of points.range(box[0], box[1], box[2], box[3])) {
        if (insideAny(pointXY[2 * id] as number, pointXY[2 * id + 1] as number, banded)) {
          ids.push(id);
        }
      }
      found = { box, ids: Uint32Array.from(ids).sort() };
    }
    byGeometry.set(parcel, found);
    return found;
  };
  pointsInsideMemo.set(index, find);
  return find;
}

function insideAny(x: number, y: number, polygons: BandedPolygon[]): boolean {
  for (const p of polygons) if (locatePoint(x, y, p) > 0) return true;
  return false;
}

function bboxOf(geometry: Polygon | MultiPolygon): Bbox {
  const polygons = geometry.type === "Polygon" ? [geometry.coordinates] : geometry.coordinates;
  return unionBbox(polygons.map(boundsOf));
}

function toFeature(geometry: Polygon | MultiPolygon): Feature<Polygon | MultiPolygon> {
  return { type: "Feature", properties: {}, geometry };
}
