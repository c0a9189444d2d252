/**
 * 구역 and 필지: a 구역 built from 필지 (their exact union, naming them in `properties.pnu`), and
 * the 필지 a 구역 covers, whole or in part, with the m² of each inside it. A filing keeps
 * `properties.pnu` (the 필지 wholly inside) and `properties.partialPnu` ({ pnu, m2 } for those
 * only partly inside), so a filing re-opened later, or checked by `czd check`, still knows them.
 */
import { feature, intersect } from "@turf/turf";
import Flatbush from "flatbush";
import type { Feature, MultiPolygon, Polygon } from "geojson";
import { type Bbox, geometryBounds } from "../geometry";
import { geodesicAreaM2 } from "../measure";
import { innerPoint, pointInGeometry } from "./select";
import type { Pilji } from "./types";
import { unionPilji } from "./union";

/** A 필지 only partly inside a 구역, with the part inside (m², ellipsoidal). */
export interface PartialPnu {
  pnu: string;
  m2: number;
}

/** A 구역 (a filing's parcel feature) made of these 필지: their union, their PNUs in order. */
export function parcelFromPilji(
  pilji: readonly Pilji[],
  props: { id: string; name?: string },
): Feature<Polygon | MultiPolygon> | null {
  const geometry = unionPilji(pilji.map((p) => p.geometry));
  if (!geometry) return null;
  return {
    type: "Feature",
    properties: { ...props, pnu: pilji.map((p) => p.pnu) },
    geometry,
  };
}

/** What a 구역 covers of one 필지: all of it, or `m2` of it. */
export interface Covered {
  pilji: Pilji;
  whole: boolean;
  /** m² of the 필지 inside the 구역 (its whole area when whole). */
  m2: number;
}

/** A 필지 counts as whole when the part outside is below this (m²): floating point, not land. */
const WHOLE_TOLERANCE_M2 = 0.01;

/** The outline's edges, [ax, ay, bx, by] each, in a box index, to find those near a 필지. */
interface EdgeIndex {
  tree: Flatbush;
  ends: Float64Array;
}

function edgeIndex(g: Polygon | MultiPolygon): EdgeIndex | null {
  const rings = g.type === "Polygon" ? g.coordinates : g.coordinates.flat();
  const n = rings.reduce((s, r) => s + Math.max(0, r.length - 1), 0);
  if (n === 0) return null;
  const tree = new Flatbush(n);
  const ends = new Float64Array(n * 4);
  let k = 0;
  for (const r of rings)
    for (let i = 0; i + 1 < r.length; i++) {
      const [ax = 0, ay = 0] = r[i] as number[];
      const [bx = 0, by = 0] = r[i + 1] as number[];
      ends.set([ax, ay, bx, by], k * 4);
      k++;
      tree.add(Math.min(ax, bx), Math.min(ay, by), Math.max(ax, bx), Math.max(ay, by));
    }
  tree.finish();
  return { tree, ends };
}

/** Whether segment `i` passes through the box (Liang–Barsky): a long diagonal edge's own box
 * meets many 필지 it never comes near. */
function edgeMeetsBox(ends: Float64Array, i: number, box: Bbox): boolean {
  const ax = ends[i * 4] as number;
  const ay = ends[i * 4 + 1] as number;
  const dx = (ends[i * 4 + 2] as number) - ax;
  const dy = (ends[i * 4 + 3] as number) - ay;
  let t0 = 0;
  let t1 = 1;
  for (const [p, q] of [
    [-dx, ax - box[0]],
    [dx, box[2] - ax],
    [-dy, ay - box[1]],
    [dy, box[3] - ay],
  ] as [number, number][]) {
    if (p === 0) {
      if (q < 0) return false;
    } else {
      const t = q / p;
      if (p < 0) t0 = Math.max(t0, t);
      else t1 = Math.min(t1, t);
      if (t0 > t1) return false;
    }
  }
  return true;
}

/** About 1 cm in degrees: a 필지 this near the outline's boundary is clipped, not guessed. */
const MARGIN_DEG = 1e-7;

/**
 * The 필지 a freehand 구역 covers, whole or in part, with the m² inside (the ellipsoidal area of
 * their intersection); 필지 touching it only along an edge are left out. A 필지 whose box no edge
 * of the 구역 comes near is all inside or all outside, decided by its inner point; only those
 * along the 구역's boundary are clipped.
 */
export function coveredPilji(
  parcel: Polygon | MultiPolygon,
  candidates: Iterable<Pilji>,
): Covered[] {
  const box = geometryBounds(parcel);
  const edges = edgeIndex(parcel);
  const out: Covered[] = [];
  const zone = feature(parcel);
  for (const p of candidates) {
    const b = geometryBounds(p.geometry);
    if (b[0] > box[2] || b[2] < box[0] || b[1] > box[3] || b[3] < box[1]) continue;
    const m = MARGIN_DEG;
    const grown: Bbox = [b[0] - m, b[1] - m, b[2] + m, b[3] + m];
    const near = edges
      ? edges.tree.search(...grown, (i) => edgeMeetsBox(edges.ends, i, grown))
      : [];
    if (near.length === 0) {
      if (pointInGeometry(innerPoint(p.geometry), parcel))
        out.push({ pilji: p, whole: true, m2: geodesicAreaM2(p.geometry) });
      continue;
    }
    const part = intersect({ type: "FeatureCollection", features: [zone, feature(p.geometry)] });
    if (!part) continue;
    const m2 = geodesicAreaM2(part.geometry);
    if (m2 <= WHOLE_TOLERANCE_M2) continue;
    const full = geodesicAreaM2(p.geometry);
    const whole = full - m2 <= WHOLE_TOLERANCE_M2;
    out.push({ pilji: p, whole, m2: whole ? full : m2 });
  }
  return out;
}

/** The filing properties naming what a 구역 covers: `pnu` and `partialPnu`. */
export function pnuProperties(covered: readonly Covered[]): {
  pnu: string[];
  partialPnu: PartialPnu[];
} {
  return {
    pnu: covered.filter((c) => c.whole).map((c) => c.pilji.pnu),
    partialPnu: covered
      .filter((c) => !c.whole)
      .map((c) => ({ pnu: c.pilji.pnu, m2: Number(c.m2.toFixed(2)) })),
  };
}
