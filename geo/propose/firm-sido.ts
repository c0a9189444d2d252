/**
 * Each firm's 시·도 by point-in-polygon on the checker's own embedded boundaries — never by the
 * majority of a grid square, which along the 대구/경북 border gave hundreds of firms the wrong
 * 시·도 (issue 17). Fast for a million firms all the same: a square that no boundary edge meets
 * lies wholly in one 시·도 (or wholly at sea), so one ray cast from its middle settles every firm
 * in it; a square that an edge crosses is split in four, down to ~35 m, and only firms in the
 * last squares an edge still crosses get a ray cast each.
 */
import { locate, segmentMeetsBox, sidoIndex } from "../sido/boundary-index";
import type { Firms } from "./firms";

/** Square sides tried in turn, degrees (0.04° ≈ 4 km, then halves down to ≈ 35 m). */
const SIDES_DEG = [0.04, 0.01, 0.0025, 0.000625, 0.0003125];
/** A square's result when an edge crosses it: look closer. */
const MIXED = -2;
const OFFSET = 2 ** 20;

export interface FirmSido {
  /** Index into `codes` of each firm's 시·도; −1 for a firm no 시·도 holds (at sea, abroad). */
  index: Int16Array;
  /** ISO 3166-2:KR codes of the boundaries, in their order. */
  codes: string[];
}

function holder(found: number[]): number {
  // The embedded 시·도 don't overlap; if a file's did, the first holder decides.
  return found[0] ?? -1;
}

/** Smallest and largest of an array (the firms' extent). */
function extent(a: Float64Array): [number, number] {
  let lo = Number.POSITIVE_INFINITY;
  let hi = Number.NEGATIVE_INFINITY;
  for (let i = 0; i < a.length; i++) {
    const v = a[i] as number;
    if (v < lo) lo = v;
    if (v > hi) hi = v;
  }
  return [lo, hi];
}

/** Square keys below this are small integers, which a Map hashes without boxing a number. */
const SMALL_KEYS = 2 ** 30;
/** The first level's squares sit in one array when there are at most this many. */
const DENSE_SQUARES = 4_000_000;
const UNSEEN = -3;

/** The 시·도 of every firm (FirmSido.index), by ray casting on the embedded boundaries. */
export function firmSido(firms: Firms): FirmSido {
  const ix = sidoIndex();
  const { xy } = ix;
  const n = firms.lon.length;
  const [lonLo, lonHi] = n > 0 ? extent(firms.lon) : [0, 0];
  const [latLo, latHi] = n > 0 ? extent(firms.lat) : [0, 0];
  // Squares numbered within the firms' extent (small keys, fast to hash) where it is small
  // enough, as everywhere in Korea; else by their place on the globe.
  const grids = SIDES_DEG.map((side) => {
    const i0 = Math.floor(lonLo / side);
    const j0 = Math.floor(latLo / side);
    const cols = Math.floor(lonHi / side) - i0 + 1;
    const rows = Math.floor(latHi / side) - j0 + 1;
    return { i0, j0, rows, small: cols * rows < SMALL_KEYS, count: cols * rows };
  });
  const caches = SIDES_DEG.map(() => new Map<number, number>());
  const first = grids[0] as (typeof grids)[number];
  const dense = first.count <= DENSE_SQUARES ? new Int16Array(first.count).fill(UNSEEN) : null;
  const settle = (side: number, i: number, j: number): number => {
    const box = [i * side, j * side, (i + 1) * side, (j + 1) * side];
    const crossed = ix.tree
      .search(box[0] as number, box[1] as number, box[2] as number, box[3] as number)
      .some((e) =>
        segmentMeetsBox(
          xy[4 * e] as number,
          xy[4 * e + 1] as number,
          xy[4 * e + 2] as number,
          xy[4 * e + 3] as number,
          box,
        ),
      );
    return crossed ? MIXED : holder(locate(ix, (i + 0.5) * side, (j + 0.5) * side));
  };
  const squareOf = (level: number, lon: number, lat: number): number => {
    const side = SIDES_DEG[level] as number;
    const g = grids[level] as (typeof grids)[number];
    const i = Math.floor(lon / side);
    const j = Math.floor(lat / side);
    const local = (i - g.i0) * g.rows + (j - g.j0);
    if (level === 0 && dense) {
      let found = dense[local] as number;
      if (found === UNSEEN) {
        found = settle(side, i, j);
        dense[local] = found;
      }
      return found;
    }
    const cache = caches[level] as Map<number, number>;
    const key = g.small ? local : (i + OFFSET) * 2 ** 22 + (j + OFFSET);
    let found = cache.get(key);
    if (found === undefined) {
      found = settle(side, i, j);
      cache.set(key, found);
    }
    return found;
  };
  const index = new Int16Array(n);
  for (let k = 0; k < n; k++) {
    const lon = firms.lon[k] as number;
    const lat = firms.lat[k] as number;
    let found = MIXED;
    for (let level = 0; level < SIDES_DEG.length && found === MIXED; level++) {
      found = squareOf(level, lon, lat);
    }
    index[k] = found === MIXED ? holder(locate(ix, lon, lat)) : found;
  }
  return { index, codes: ix.sido.map((s) => s.code) };
}
