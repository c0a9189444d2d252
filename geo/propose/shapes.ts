/**
 * One face for the three envelope shapes: each proposes its envelope, the weight it covers, a
 * proven bound and how that bound was found (`method`, an id README.md explains), and says which
 * grid cells the parcels may use.
 */
import { parcelPositions } from "../envelope";
import { distanceM } from "../measure";
import type { EnvelopeShape, RuleSet } from "../types";
import { proposeBelt } from "./belt";
import { padBox, RIM_MARGIN_M } from "./box";
import { proposeCircle } from "./circle";
import type { Firms } from "./firms";
import { proposePolygon } from "./polygon";
import type { ShapeProposal } from "./shape-proposal";

export type { ShapeProposal };

function circleShape(firms: Firms, radiusKm: number, ratio?: number): ShapeProposal {
  const radiusM = radiusKm * 1000;
  const p = proposeCircle(firms, { radiusM, ...(ratio ? { ratio } : {}) });
  const center = p.center;
  return {
    envelope: { shape: "circle", center, radiusKm },
    covered: p.covered,
    coveredFirms: p.coveredFirms,
    bound: p.bound,
    method: "branch-and-bound:disk-cells",
    inside: (g) =>
      parcelPositions([g]).every((c) => distanceM(center, c) <= radiusM - RIM_MARGIN_M),
    bbox: padBox([center], radiusM),
  };
}

/** The proposal of `opts.shape`; `radiusKm` is the circle's limit where the zone lies. */
export function proposeShape(
  firms: Firms,
  opts: { shape: EnvelopeShape; ruleSet: RuleSet; ratio?: number },
  radiusKm: number,
): ShapeProposal {
  if (opts.shape === "belt") return proposeBelt(firms, opts.ruleSet, opts.ratio);
  if (opts.shape === "polygon") return proposePolygon(firms, opts.ruleSet, opts.ratio);
  return circleShape(firms, radiusKm, opts.ratio);
}
