/**
 * A proposal end to end: the firms the region counts, the envelope of the asked shape that covers
 * the most of their weight (with a proven bound), parcels inside it up to the area cap, and the
 * zone stamped with the rule set — checked by checkFiling exactly as a drawn zone would be.
 */
import { checkFiling } from "../check";
import { FilingError } from "../errors";
import type { ErrorParams } from "../errors/params";
import type { HubIndex } from "../hubs";
import { DEFAULT_BELT_LIMITS, isMetroSido, radiusLimitKm } from "../rules";
import { decideSido, sidoByCode } from "../sido";
import type { Envelope, EnvelopeShape, Parcel, Report, RuleSet, Zone } from "../types";
import { beltCellBound } from "./belt-bound";
import { type Firms, totalWeight } from "./firms";
import type { ParcelChoice } from "./parcels";
import {
  eligibleSidoOf,
  type FirmAccount,
  firmsOfSido,
  type PlacedFirms,
  placeFirms,
} from "./region";
import type { ShapeProposal } from "./shape-proposal";
import { proposeShape } from "./shapes";
import { chooseSites, type Site, type SiteChoice } from "./sites";
import { zoneParcels } from "./zone-parcels";

export interface ProposeOptions {
  shape: EnvelopeShape;
  ruleSet: RuleSet;
  /** The 시·도 the zone is for: only its firms count, and its radius applies. */
  sido?: string;
  /** The parcels' total area, km² (default and at most the rule set's cap). */
  capKm2?: number;
  hubs?: HubIndex;
  /** Stop the search once within this share of the bound (default 0.99). */
  ratio?: number;
  /** Grid-cell parcels in at most this many pieces when the firms allow (default 10). */
  maxPieces?: number;
  /** Candidate sites: when given, the parcels are whole sites instead of grid cells. */
  sites?: readonly Site[];
}

/** The circle radius that applied and why: the 시·도 is a 광역시 (10 km) or not (20 km). */
export interface RadiusRule {
  sido: string;
  radiusKm: number;
  metro: boolean;
}

/**
 * A 시·도 considered without `--sido`: what its best proposal covered, or why there is none —
 * `lighter`: its firms (for a belt: the heaviest cells a belt can meet) weigh less than
 * another 시·도's envelope covers, so it can't win;
 * `none`: no compliant zone with parcels.
 */
export interface Candidate {
  sido: string;
  radiusKm: number;
  /** Its counted firms' total weight. */
  weight: number;
  outcome: "searched" | "lighter" | "none";
  covered: number | null;
  inParcels: number | null;
}

/** What `czd propose --format json` prints (FILING.md), plus the zone and its report. */
export interface Proposal {
  shape: EnvelopeShape;
  envelope: Report["envelope"];
  weight: { covered: number; inParcels: number; total: number; share: number };
  /** Every firm read, accounted for, and how many lie in the envelope and in the parcels. */
  firms: FirmAccount & { covered: number };
  parcels: { count: number; km2: number; weight: number; curve: [number, number][] };
  hubs: { total: number };
  optimality: { bound: number; method: string };
  radius: RadiusRule;
  /** Without `--sido`: each 시·도 searched, heaviest first. */
  candidates: Candidate[];
  zone: Zone;
  report: Report;
}

/** No proposal can be made (exit 1): the firms are there, but no compliant zone holds them. */
export class NoProposalError extends FilingError {
  constructor(params: ErrorParams["NO_PROPOSAL"]) {
    super({ code: "NO_PROPOSAL", params });
    this.name = "NoProposalError";
  }
}

export function isNoProposal(e: unknown): e is NoProposalError {
  return e instanceof NoProposalError;
}

function bad(params: ErrorParams["BAD_FILE"]): FilingError {
  return new FilingError({ code: "BAD_FILE", params });
}

interface Pieces {
  pieces: Site[];
  weight: number;
  curve: [number, number][];
}

function zoneOf(envelope: Envelope, choice: Pieces, opts: ProposeOptions, sido: string): Zone {
  const parcels: Parcel[] = choice.pieces.map((piece, i) => ({
    id: `P${i + 1}`,
    name: piece.name ?? `제안 구역 ${i + 1}`,
    geometry: piece.geometry,
    properties: {},
  }));
  const meta: Zone["meta"] = { name: `${opts.shape} 제안`, ruleSet: opts.ruleSet.id, sido };
  return { parcels, envelope, meta, sourceCrs: "EPSG:4326" };
}

const fromSites = (c: SiteChoice): Pieces => ({
  pieces: c.sites,
  weight: c.weight,
  curve: c.curve,
});
const fromCells = (c: ParcelChoice): Pieces => ({
  pieces: c.polygons.map((geometry) => ({ geometry })),
  weight: c.weight,
  curve: c.curve,
});

function checkShape(opts: ProposeOptions): void {
  if (!opts.ruleSet.envelope.shapes.includes(opts.shape)) {
    const allowed = opts.ruleSet.envelope.shapes;
    throw bad({ kind: "SHAPE_NOT_ALLOWED", ruleSet: opts.ruleSet.id, shape: opts.shape, allowed });
  }
  const cap = opts.capKm2 ?? opts.ruleSet.areaCapKm2;
  if (!(cap > 0) || cap > opts.ruleSet.areaCapKm2) {
    throw bad({ kind: "CAP_OUT_OF_RANGE", cap, limit: opts.ruleSet.areaCapKm2 });
  }
}

const sidoName = (code: string, en = false): string => {
  const s = sidoByCode(code);
  return s ? (en ? s.nameEn : s.name) : code;
};

/** The proposal for the firms of one 시·도, under that 시·도's own radius. */
function build(
  firms: Firms,
  account: FirmAccount,
  sido: string,
  opts: ProposeOptions,
): Omit<Proposal, "candidates"> {
  const total = totalWeight(firms);
  const radiusKm = radiusLimitKm(opts.ruleSet, sido);
  const shaped: ShapeProposal = proposeShape(firms, opts, radiusKm);
  const capKm2 = opts.capKm2 ?? opts.ruleSet.areaCapKm2;
  const choice = opts.sites
    ? fromSites(chooseSites(firms, opts.sites, shaped.inside, capKm2))
    : fromCells(
        zoneParcels(firms, {
          inside: shaped.inside,
          bbox: shaped.bbox,
          capKm2,
          sido,
          ...(opts.maxPieces ? { maxPieces: opts.maxPieces } : {}),
        }),
      );
  const name = sidoName(sido);
  const nameEn = sidoName(sido, true);
  if (choice.pieces.length === 0) {
    throw new NoProposalError({
      kind: "NO_PARCEL_HOLDS_FIRMS",
      sidoName: name,
      sidoNameEn: nameEn,
      capKm2,
    });
  }
  const zone = zoneOf(shaped.envelope, choice, opts, sido);
  const report = checkFiling(zone, {
    ruleSet: opts.ruleSet,
    ...(opts.hubs ? { hubs: opts.hubs } : {}),
  });
  if (report.verdict !== "pass") {
    const codes = report.findings.filter((f) => f.severity === "error").map((f) => f.code);
    throw new NoProposalError({
      kind: "ZONE_FAILS_CHECK",
      sidoName: name,
      sidoNameEn: nameEn,
      codes,
    });
  }
  return {
    shape: opts.shape,
    envelope: report.envelope,
    weight: {
      covered: shaped.covered,
      inParcels: choice.weight,
      total,
      share: total > 0 ? shaped.covered / total : 0,
    },
    firms: { ...account, covered: shaped.coveredFirms },
    parcels: {
      count: zone.parcels.length,
      km2: report.area.totalKm2,
      weight: choice.weight,
      curve: choice.curve,
    },
    hubs: { total: report.hubs.counts.total },
    optimality: { bound: shaped.bound, method: shaped.method },
    radius: { sido, radiusKm, metro: isMetroSido(opts.ruleSet, sido) },
    zone,
    report,
  };
}

function beltCeiling(firms: Firms, ruleSet: RuleSet): number {
  const belt = ruleSet.envelope.belt ?? DEFAULT_BELT_LIMITS;
  return beltCellBound(firms, belt.halfWidthKm * 1000, belt.axisLengthKm * 1000);
}

function namedSido(placed: PlacedFirms, code: string): string {
  const named = decideSido([], { code, from: "option" }).code as string;
  if (sidoByCode(named)?.capital) {
    throw bad({
      kind: "SIDO_IN_CAPITAL_REGION",
      sidoName: sidoName(named),
      sidoNameEn: sidoName(named, true),
    });
  }
  if (!placed.placed.codes.includes(named)) {
    throw bad({ kind: "NO_SIDO_BOUNDARY", sido: named });
  }
  return named;
}

/**
 * The proposal of `opts.shape` for these firms. With a 시·도, for its firms under its radius;
 * without, each eligible 시·도 holding firms is searched under its own rule (10 km in a 광역시,
 * 20 km in a 도), heaviest first, and the one whose envelope covers the most weight wins.
 * Throws NoProposalError when no 시·도 yields a zone with parcels that passes the check.
 */
export function propose(allFirms: Firms, opts: ProposeOptions): Proposal {
  checkShape(opts);
  const placed = placeFirms(allFirms);
  const order = opts.sido
    ? [namedSido(placed, opts.sido)]
    : eligibleSidoOf(placed).map((s) => s.code);
  const weights = new Map(eligibleSidoOf(placed).map((s) => [s.code, s.weight]));
  if (order.length === 0 || order.every((c) => !((weights.get(c) ?? 0) > 0))) {
    const named = opts.sido ? order[0] : undefined;
    const read = allFirms.lon.length;
    throw new NoProposalError(
      named
        ? {
            kind: "NO_FIRMS_IN_SIDO",
            sidoName: sidoName(named),
            sidoNameEn: sidoName(named, true),
            read,
          }
        : { kind: "NO_WEIGHTED_FIRMS", read },
    );
  }
  const candidates: Candidate[] = [];
  let best: Omit<Proposal, "candidates"> | undefined;
  let firstFailure: NoProposalError | undefined;
  for (const code of order) {
    const weight = weights.get(code) ?? 0;
    // Sorted heaviest first: a 시·도 whose firms weigh less than the best cover can't win.
    if (!(weight > 0)) continue;
    const radiusKm = radiusLimitKm(opts.ruleSet, code);
    const none = { covered: null, inParcels: null };
    if (best && weight <= best.weight.covered) {
      candidates.push({ sido: code, radiusKm, weight, outcome: "lighter", ...none });
      continue;
    }
    const { firms, account } = firmsOfSido(placed, code);
    // A belt covers at most the heaviest cells it can meet (belt-bound.ts): cheaper than a
    // search, and often enough to rule a 시·도 out.
    if (best && opts.shape === "belt" && beltCeiling(firms, opts.ruleSet) <= best.weight.covered) {
      candidates.push({ sido: code, radiusKm, weight, outcome: "lighter", ...none });
      continue;
    }
    try {
      const p = build(firms, account, code, opts);
      candidates.push({
        sido: code,
        radiusKm,
        weight,
        outcome: "searched",
        covered: p.weight.covered,
        inParcels: p.weight.inParcels,
      });
      if (
        !best ||
        p.weight.covered > best.weight.covered ||
        (p.weight.covered === best.weight.covered && p.weight.inParcels > best.weight.inParcels)
      ) {
        best = p;
      }
    } catch (e) {
      if (!isNoProposal(e)) throw e;
      firstFailure ??= e;
      candidates.push({ sido: code, radiusKm, weight, outcome: "none", ...none });
    }
  }
  if (!best) throw firstFailure as NoProposalError;
  return { ...best, candidates };
}
