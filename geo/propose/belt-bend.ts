/**
 * Bent belt axes: two arms from the best disk's centre, in any two directions at least 60° apart,
 * sharing the axis length. Each direction's gain — the weight within the half-width of an arm of
 * length t, outside the disk — is a prefix sum over the firms in its strip, so every pair of
 * directions and split of the length is cheap to rank; the best few are then measured exactly
 * by the caller, beside the straight axis.
 */
import { firstAbove, type SortedWeights, sortWeights } from "./sorted-weights";

const DIRECTIONS = 120;
const SPLITS = 12;
const MIN_TURN_DEG = 60;

export interface Offsets {
  east: Float64Array;
  north: Float64Array;
  weight: Float64Array;
}

export interface Bend {
  /** Azimuths (degrees) and lengths (m) of the two arms. */
  az1: number;
  a: number;
  az2: number;
  b: number;
  estimate: number;
}

type Profile = SortedWeights;

/** The firms in the strip of an arm in direction `azimuthDeg`, outside the disk; `t`, `w` scratch. */
function profile(
  near: Offsets,
  azimuthDeg: number,
  halfWidthM: number,
  t: Float64Array,
  w: Float64Array,
): Profile {
  const ux = Math.sin((azimuthDeg * Math.PI) / 180);
  const uy = Math.cos((azimuthDeg * Math.PI) / 180);
  let n = 0;
  for (let i = 0; i < near.east.length; i++) {
    const x = near.east[i] as number;
    const y = near.north[i] as number;
    const along = x * ux + y * uy;
    if (
      along <= 0 ||
      Math.abs(x * uy - y * ux) > halfWidthM ||
      x * x + y * y <= halfWidthM * halfWidthM
    )
      continue;
    t[n] = along;
    w[n] = near.weight[i] as number;
    n++;
  }
  return sortWeights(t, w, n);
}

/** Weight of the strip's firms with t ≤ length. */
function gain(p: Profile, length: number): number {
  return p.prefix[firstAbove(p.t, length)] as number;
}

/** The `keep` most promising bent axes by their estimated gain. */
export function bentAxes(near: Offsets, halfWidthM: number, lengthM: number, keep = 6): Bend[] {
  const t = new Float64Array(near.east.length);
  const w = new Float64Array(near.east.length);
  const profiles = Array.from({ length: DIRECTIONS }, (_, k) =>
    profile(near, (360 * k) / DIRECTIONS, halfWidthM, t, w),
  );
  const found: Bend[] = [];
  for (let k1 = 0; k1 < DIRECTIONS; k1++) {
    for (let k2 = k1 + 1; k2 < DIRECTIONS; k2++) {
      const turn = (360 * (k2 - k1)) / DIRECTIONS;
      if (Math.min(turn, 360 - turn) < MIN_TURN_DEG) continue;
      const p1 = profiles[k1] as Profile;
      const p2 = profiles[k2] as Profile;
      for (let s = 0; s <= SPLITS; s++) {
        const a = (lengthM * s) / SPLITS;
        const estimate = gain(p1, a) + gain(p2, lengthM - a);
        if (found.length < keep || estimate > (found[found.length - 1] as Bend).estimate) {
          found.push({
            az1: (360 * k1) / DIRECTIONS,
            a,
            az2: (360 * k2) / DIRECTIONS,
            b: lengthM - a,
            estimate,
          });
          found.sort((x, y) => y.estimate - x.estimate);
          if (found.length > keep) found.pop();
        }
      }
    }
  }
  return found;
}
