/**
 * The belt proposal: the best disk of the belt's half-width (the circle search), then a search
 * about its centre (belt-search.ts: straight, two-arm and traced polyline axes, each trimmed to
 * the firms it covers); and where the heaviest disk of radius L/2 + w (which any belt lies in)
 * is out of that search's reach, a second search about its centre (traced axes only). The
 * heavier wins.
 * The best disk's centre lies on the first search's axes before the trim, and the trim keeps
 * each covered firm's nearest axis point, so the belt covers at least that disk. The bound is
 * the smaller of two proven ones, both for any axis curve of geodesic length at most L: every
 * axis point lies within L/2 (along the axis, so also geodesically) of the axis' midpoint by
 * length, so the belt lies in the disk of radius L/2 + w about it and covers no more than the
 * heaviest such disk, whose bound the circle search proves; and no belt covers more than the
 * heaviest cells it could meet (belt-bound.ts).
 */
import type { Position } from "geojson";
import { beltReachM, parcelRings } from "../envelope";
import { distanceM } from "../measure";
import { DEFAULT_BELT_LIMITS } from "../rules";
import type { ParcelGeometry, RuleSet } from "../types";
import { beltCellBound } from "./belt-bound";
import { searchAbout } from "./belt-search";
import { padBox, RIM_MARGIN_M } from "./box";
import { gridCellFor, proposeCircle } from "./circle";
import type { Firms } from "./firms";
import { buildGrid } from "./grid";
import type { ShapeProposal } from "./shape-proposal";

/** The axis is kept this much (m) under the length limit. */
const LENGTH_MARGIN_M = 10;

/**
 * Whether every point of `g` lies within the belt, judged as the checker judges it: its edge-exact
 * reach (the farthest distance of any boundary point from the axis, envelope/belt.ts), kept the
 * rim margin inside the half-width.
 */
function beltHolds(g: ParcelGeometry, axis: Position[], halfWidthM: number): boolean {
  return beltReachM(axis, parcelRings([g])) <= halfWidthM - RIM_MARGIN_M;
}

export function proposeBelt(firms: Firms, ruleSet: RuleSet, ratio?: number): ShapeProposal {
  const limits = ruleSet.envelope.belt ?? DEFAULT_BELT_LIMITS;
  const halfWidthM = limits.halfWidthKm * 1000;
  const limitM = limits.axisLengthKm * 1000;
  const lengthM = limitM - LENGTH_MARGIN_M;
  const ratioOpt = ratio ? { ratio } : {};
  const disk = proposeCircle(firms, { radiusM: halfWidthM, ...ratioOpt });
  const c: Position = disk.center;
  const g = buildGrid(firms, gridCellFor(lengthM + halfWidthM));
  // The heaviest disk any belt lies in (its bound is the first below): when it lies beyond the
  // search about the best disk of the half-width, it is searched about too — the best belt need
  // not pass the best small disk.
  const outer = proposeCircle(firms, { radiusM: limitM / 2 + halfWidthM, grid: g, ...ratioOpt });
  let found = searchAbout(g, c, halfWidthM, lengthM, true);
  if (distanceM(c, outer.center) + limitM / 2 > lengthM) {
    const other = searchAbout(g, outer.center, halfWidthM, lengthM, false);
    if (other.weight > found.weight) found = other;
  }
  const { axis, weight: covered, count } = found;
  return {
    envelope: { shape: "belt", axis, halfWidthKm: limits.halfWidthKm },
    covered,
    coveredFirms: count,
    bound: Math.max(covered, Math.min(outer.bound, beltCellBound(firms, halfWidthM, limitM))),
    method: "min(disk-of-radius-half-axis-plus-half-width,heaviest-cells-a-belt-meets)",
    inside: (g) => beltHolds(g, axis, halfWidthM),
    bbox: padBox(axis, halfWidthM),
  };
}
