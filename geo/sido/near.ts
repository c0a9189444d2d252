/**
 * How close each parcel comes to a 시·도 other than the zone's: the distance from the parcel to
 * the nearest boundary edge that another 시·도 owns. Shared borders are stored once per 시·도, so
 * an edge owned by another 시·도 is exactly a border (or that 시·도's coast). Distances are in a
 * local equirectangular frame, which over a few hundred metres is within a fraction of a metre.
 */
import type { Position } from "geojson";
import type { ParcelGeometry } from "../types";
import { sidoIndex } from "./boundary-index";

const M_PER_DEG_LAT = 111_132;
const RAD = Math.PI / 180;

export interface NearBorder {
  /** Index of the parcel. */
  parcel: number;
  /** The other 시·도 (ISO code) and the shortest distance to it, metres. */
  code: string;
  distanceM: number;
}

function rings(g: ParcelGeometry): Position[][] {
  return g.type === "Polygon" ? g.coordinates : g.coordinates.flat();
}

/** Distance, in frame units, from point p to segment ab (all [x, y] in metres). */
function pointSegment(px: number, py: number, ax: number, ay: number, bx: number, by: number) {
  const dx = bx - ax;
  const dy = by - ay;
  const len2 = dx * dx + dy * dy;
  const t = len2 === 0 ? 0 : Math.max(0, Math.min(1, ((px - ax) * dx + (py - ay) * dy) / len2));
  return Math.hypot(px - ax - t * dx, py - ay - t * dy);
}

/** Whether segments pq and ab cross (proper crossing; touching is caught by the distances). */
function crosses(
  px: number,
  py: number,
  qx: number,
  qy: number,
  ax: number,
  ay: number,
  bx: number,
  by: number,
): boolean {
  const side = (x1: number, y1: number, x2: number, y2: number, x: number, y: number) =>
    Math.sign((x2 - x1) * (y - y1) - (y2 - y1) * (x - x1));
  return (
    side(px, py, qx, qy, ax, ay) * side(px, py, qx, qy, bx, by) < 0 &&
    side(ax, ay, bx, by, px, py) * side(ax, ay, bx, by, qx, qy) < 0
  );
}

/**
 * Parcels within `withinM` metres of a 시·도 other than `code` (or inside one), with the nearest
 * such 시·도 and the distance, nearest first.
 */
export function parcelsNearOtherSido(
  geoms: ParcelGeometry[],
  code: string,
  withinM: number,
): NearBorder[] {
  const ix = sidoIndex();
  const own = ix.sido.findIndex((s) => s.code === code);
  return parcelsNearEdges(geoms, withinM, (k) => k !== own);
}

/**
 * Parcels within `withinM` metres of the 시·도 `code` itself (of its border or coast), nearest
 * first: where the embedded borders are too coarse to tell a named 시·도 wrong (SIDO_MISMATCH).
 * A parcel inside that 시·도 but farther than `withinM` from its edges is not listed.
 */
export function parcelsNearSido(
  geoms: ParcelGeometry[],
  code: string,
  withinM: number,
): NearBorder[] {
  const ix = sidoIndex();
  const own = ix.sido.findIndex((s) => s.code === code);
  if (own < 0) return [];
  return parcelsNearEdges(geoms, withinM, (k) => k === own);
}

function parcelsNearEdges(
  geoms: ParcelGeometry[],
  withinM: number,
  counts: (owner: number) => boolean,
): NearBorder[] {
  const ix = sidoIndex();
  const out: NearBorder[] = [];
  geoms.forEach((g, parcel) => {
    const pts = rings(g).flat();
    const first = pts[0];
    if (!first) return;
    const lat0 = first[1] ?? 0;
    const mx = M_PER_DEG_LAT * Math.cos(lat0 * RAD);
    const my = M_PER_DEG_LAT;
    let minX = Infinity;
    let minY = Infinity;
    let maxX = -Infinity;
    let maxY = -Infinity;
    for (const [x = 0, y = 0] of pts) {
      minX = Math.min(minX, x);
      minY = Math.min(minY, y);
      maxX = Math.max(maxX, x);
      maxY = Math.max(maxY, y);
    }
    const padX = withinM / mx;
    const padY = withinM / my;
    // Candidate edges in metres with their boxes, so most parcel segments are rejected by four
    // comparisons against the best distance found so far.
    const cand: number[] = [];
    const owners: number[] = [];
    for (const e of ix.tree.search(minX - padX, minY - padY, maxX + padX, maxY + padY)) {
      const k = ix.owner[e] ?? 0;
      if (!counts(k)) continue;
      const ax = (ix.xy[4 * e] ?? 0) * mx;
      const ay = (ix.xy[4 * e + 1] ?? 0) * my;
      const bx = (ix.xy[4 * e + 2] ?? 0) * mx;
      const by = (ix.xy[4 * e + 3] ?? 0) * my;
      cand.push(ax, ay, bx, by);
      owners.push(k);
    }
    let best: { k: number; d: number } | undefined;
    let bound = withinM;
    for (const ring of rings(g)) {
      for (let i = 0; i + 1 < ring.length; i++) {
        const px = (ring[i]?.[0] ?? 0) * mx;
        const py = (ring[i]?.[1] ?? 0) * my;
        const qx = (ring[i + 1]?.[0] ?? 0) * mx;
        const qy = (ring[i + 1]?.[1] ?? 0) * my;
        const sx0 = Math.min(px, qx) - bound;
        const sx1 = Math.max(px, qx) + bound;
        const sy0 = Math.min(py, qy) - bound;
        const sy1 = Math.max(py, qy) + bound;
        for (let c = 0; c < owners.length; c++) {
          const ax = cand[4 * c] ?? 0;
          const ay = cand[4 * c + 1] ?? 0;
          const bx = cand[4 * c + 2] ?? 0;
          const by = cand[4 * c + 3] ?? 0;
          if (Math.max(ax, bx) < sx0 || Math.min(ax, bx) > sx1) continue;
          if (Math.max(ay, by) < sy0 || Math.min(ay, by) > sy1) continue;
          const d = crosses(px, py, qx, qy, ax, ay, bx, by)
            ? 0
            : Math.min(
                pointSegment(px, py, ax, ay, bx, by),
                pointSegment(ax, ay, px, py, qx, qy),
                pointSegment(bx, by, px, py, qx, qy),
              );
          if (d <= bound && (!best || d < best.d)) {
            best = { k: owners[c] ?? 0, d };
            bound = d;
          }
        }
      }
    }
    const other = best ? ix.sido[best.k]?.code : undefined;
    if (best && other) out.push({ parcel, code: other, distanceM: best.d });
  });
  return out.sort((a, b) => a.distanceM - b.distanceM || a.parcel - b.parcel);
}
