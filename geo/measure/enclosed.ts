/**
 * The land a parcel's rings enclose, as simple polygons, for rings that cross themselves or each
 * other (FILING.md: "a bow-tie is not 0 km²"). A ring's signed area sums its lobes with opposite
 * signs, so a bow-tie of two 9 km² lobes sums to 0; here each outer ring encloses what it winds
 * around (the non-zero rule: both lobes of a bow-tie, a doubly wound loop once), holes take away
 * what they enclose of it, and the parts of a MultiPolygon count once where they overlap. The
 * crossings are found in a gnomonic plane about the parcel, where great circles are straight
 * lines and a parcel's geodesics nearly so (the lon/lat plane bends a 3 km geodesic by metres,
 * which moved a thin bow-tie's crossing enough to change its area by 3e-5).
 */
import { difference, feature, featureCollection, union } from "@turf/turf";
import type { Feature, MultiPolygon, Polygon, Position } from "geojson";

type Area = Feature<Polygon | MultiPolygon>;

const R_M = 6_371_008.8;
const RAD = Math.PI / 180;

/** A gnomonic projection about (lon0, lat0), in metres on the mean sphere, and its inverse. */
function gnomonic(lon0: number, lat0: number) {
  const sin0 = Math.sin(lat0 * RAD);
  const cos0 = Math.cos(lat0 * RAD);
  const forward = ([lon = 0, lat = 0]: Position): Position => {
    const dl = (lon - lon0) * RAD;
    const sinP = Math.sin(lat * RAD);
    const cosP = Math.cos(lat * RAD);
    const cosC = sin0 * sinP + cos0 * cosP * Math.cos(dl);
    return [
      (R_M * cosP * Math.sin(dl)) / cosC,
      (R_M * (cos0 * sinP - sin0 * cosP * Math.cos(dl))) / cosC,
    ];
  };
  const inverse = ([x = 0, y = 0]: Position): Position => {
    const rho = Math.hypot(x, y);
    if (rho === 0) return [lon0, lat0];
    const c = Math.atan(rho / R_M);
    const sinC = Math.sin(c);
    const cosC = Math.cos(c);
    const lat = Math.asin(cosC * sin0 + (y * sinC * cos0) / rho);
    const dl = Math.atan2(x * sinC, rho * cos0 * cosC - y * sin0 * sinC);
    return [lon0 + dl / RAD, lat / RAD];
  };
  return { forward, inverse };
}

function mapRings<T extends Position[][][]>(parts: T, f: (p: Position) => Position): T {
  return parts.map((rings) => rings.map((ring) => ring.map(f))) as T;
}

function closed(ring: Position[]): Position[] {
  const first = ring[0];
  const last = ring[ring.length - 1];
  if (!first || !last) return ring;
  return first[0] === last[0] && first[1] === last[1] ? ring : [...ring, first];
}

/** The union of rings, each read by the non-zero rule; null when they enclose nothing. */
function unionOf(rings: Position[][]): Area | null {
  const usable = rings.map(closed).filter((r) => r.length >= 4);
  if (usable.length === 0) return null;
  const features = usable.map((r) => feature<Polygon>({ type: "Polygon", coordinates: [r] }));
  // A single ring goes through union too: that is what resolves its own crossings.
  const [only] = features;
  if (features.length === 1 && only) return union(featureCollection([only, only]));
  return union(featureCollection(features));
}

/** Farther than this from its first vertex (m in the gnomonic plane), a parcel is not resolved. */
const MAX_REACH_M = 2_000_000;

/**
 * The enclosed land as a MultiPolygon of simple polygons (no crossing, holes inside their outer
 * ring, parts apart), whose ordinary area is the parcel's area; null for rings no parcel has
 * (spanning thousands of km, where the plane breaks down), which stay INVALID_GEOMETRY.
 */
export function enclosedLand(g: Polygon | MultiPolygon): MultiPolygon | null {
  const lonLat = g.type === "Polygon" ? [g.coordinates] : g.coordinates;
  const origin = lonLat[0]?.[0]?.[0];
  if (!origin) return { type: "MultiPolygon", coordinates: [] };
  const plane = gnomonic(origin[0] ?? 0, origin[1] ?? 0);
  const parts = mapRings(lonLat, plane.forward);
  const far = parts.some((rings) =>
    rings.some((ring) =>
      ring.some(([x = 0, y = 0]) => !(Math.abs(x) < MAX_REACH_M && Math.abs(y) < MAX_REACH_M)),
    ),
  );
  if (far) return null;
  const lands: Area[] = [];
  for (const [outer, ...holes] of parts) {
    if (!outer) continue;
    const land = unionOf([outer]);
    if (!land) continue;
    const cut = unionOf(holes);
    const rest = cut ? difference(featureCollection([land, cut])) : land;
    if (rest) lands.push(rest);
  }
  const [first] = lands;
  const all = lands.length > 1 ? union(featureCollection(lands)) : (first ?? null);
  if (!all) return { type: "MultiPolygon", coordinates: [] };
  const geom = all.geometry;
  const simple = geom.type === "Polygon" ? [geom.coordinates] : geom.coordinates;
  return { type: "MultiPolygon", coordinates: mapRings(simple, plane.inverse) };
}
