/**
 * 구역 and 필지: a 구역 built from 필지 (their exact union, naming them in `properties.pnu`), and
 * the 필지 a 구역 covers, whole or in part, with the m² of each inside it. A filing keeps
 * `properties.pnu` (the 필지 wholly inside) and `properties.partialPnu` ({ pnu, m2 } for those
 * only partly inside), so a filing re-opened later, or checked by `czd check`, still knows them.
 */
import { feature, intersect } from "@turf/turf";
import Flatbush from "flatbush";
import type { Feature, MultiPolygon, Polygon } from "geojson";
import { geometryBounds } from "../geometry";
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

/** Edges of the outline's rings as boxes, so a 필지 its boundary can't reach is decided at once. */
function edgeIndex(g: Polygon | MultiPolygon): Flatbush | null {
  const rings = g.type === "Polygon" ? g.coordinates : g.coordinates.flat();
  const n = rings.reduce((s, r) => s + Math.max(0, r.length - 1), 0);
  if (n === 0) return null;
  const tree = new Flatbush(n);
  for (const r of rings)
    for (let i = 0; i + 1 < r.length; i++) {
      const [ax = 0, ay = 0] = r[i] as number[];
      const [bx = 0, by = 0] = r[i + 1] as number[];
      tree.add(Math.min(ax, bx), Math.min(ay, by), Math.max(ax, bx), Math.max(ay, by));
    }
  tree.finish();
  return tree;
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
    const near = edges?.search(b[0] - m, b[1] - m, b[2] + m, b[3] + m) ?? [];
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
