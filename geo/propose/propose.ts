/**
 * A proposal end to end: the firms the region counts, the envelope of the asked shape that covers
 * the most of their weight (with a proven bound), parcels inside it up to the area cap, and the
 * zone stamped with the rule set — checked by checkFiling exactly as a drawn zone would be.
 */
import { checkFiling } from "../check";
import { FilingError } from "../errors";
import type { HubIndex } from "../hubs";
import { radiusLimitKm } from "../rules";
import { decideSido } from "../sido";
import type { Envelope, EnvelopeShape, Parcel, Report, RuleSet, Zone } from "../types";
import { type Firms, totalWeight } from "./firms";
import { chooseParcels, type ParcelChoice } from "./parcels";
import { firmsForRegion } from "./region";
import { proposeShape, type ShapeProposal } from "./shapes";
import { chooseSites, type Site, type SiteChoice } from "./sites";

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

/** What `czd propose --format json` prints (FILING.md), plus the zone and its report. */
export interface Proposal {
  shape: EnvelopeShape;
  envelope: Report["envelope"];
  weight: { covered: number; total: number; share: number };
  /** How many firms: inside the envelope, and counted in all. */
  firms: { covered: number; total: number };
  parcels: { count: number; km2: number; weight: number; curve: [number, number][] };
  hubs: { total: number };
  optimality: { bound: number; method: string };
  zone: Zone;
  report: Report;
}

function bad(ko: string, en: string): FilingError {
  return new FilingError("BAD_FILE", ko, en);
}

interface Pieces {
  pieces: Site[];
  weight: number;
  curve: [number, number][];
}

function zoneOf(envelope: Envelope, choice: Pieces, opts: ProposeOptions, sido?: string): Zone {
  const parcels: Parcel[] = choice.pieces.map((piece, i) => ({
    id: `P${i + 1}`,
    name: piece.name ?? `제안 구역 ${i + 1}`,
    geometry: piece.geometry,
    properties: {},
  }));
  const meta: Zone["meta"] = { name: `${opts.shape} 제안`, ruleSet: opts.ruleSet.id };
  if (sido) meta.sido = sido;
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
    const allowed = opts.ruleSet.envelope.shapes.join(", ");
    throw bad(
      `규칙 집합 ${opts.ruleSet.id}은(는) ${opts.shape} 지정 범위를 허용하지 않습니다 (허용: ${allowed})`,
      `The rule set ${opts.ruleSet.id} allows no ${opts.shape} envelope (allowed: ${allowed})`,
    );
  }
  const cap = opts.capKm2 ?? opts.ruleSet.areaCapKm2;
  if (!(cap > 0) || cap > opts.ruleSet.areaCapKm2) {
    throw bad(
      `--cap-km2 ${cap}는 0보다 크고 상한 ${opts.ruleSet.areaCapKm2}㎢ 이하여야 합니다`,
      `--cap-km2 ${cap} must be over 0 and at most the cap of ${opts.ruleSet.areaCapKm2} km²`,
    );
  }
}

function build(firms: Firms, total: number, opts: ProposeOptions, radiusKm: number): Proposal {
  const shaped: ShapeProposal = proposeShape(firms, opts, radiusKm);
  const capKm2 = opts.capKm2 ?? opts.ruleSet.areaCapKm2;
  const choice = opts.sites
    ? fromSites(chooseSites(firms, opts.sites, shaped.inside, capKm2))
    : fromCells(
        chooseParcels(firms, {
          inside: shaped.inside,
          bbox: shaped.bbox,
          capKm2,
          ...(opts.maxPieces ? { maxPieces: opts.maxPieces } : {}),
        }),
      );
  const zone = zoneOf(shaped.envelope, choice, opts, opts.sido);
  const report = checkFiling(zone, {
    ruleSet: opts.ruleSet,
    ...(opts.hubs ? { hubs: opts.hubs } : {}),
  });
  return {
    shape: opts.shape,
    envelope: report.envelope,
    weight: { covered: shaped.covered, total, share: total > 0 ? shaped.covered / total : 0 },
    firms: { covered: shaped.coveredFirms, total: firms.lon.length },
    parcels: {
      count: zone.parcels.length,
      km2: report.area.totalKm2,
      weight: choice.weight,
      curve: choice.curve,
    },
    hubs: { total: report.hubs.counts.total },
    optimality: { bound: shaped.bound, method: shaped.method },
    zone,
    report,
  };
}

/**
 * The proposal of `opts.shape` for these firms. Without a 시·도 the radius is first the general
 * one; if the parcels then lie in a 광역시, the search runs again with its smaller radius.
 */
export function propose(allFirms: Firms, opts: ProposeOptions): Proposal {
  checkShape(opts);
  const named = opts.sido ? decideSido([], { code: opts.sido, from: "option" }).code : null;
  const firms = firmsForRegion(allFirms, named ?? undefined);
  const total = totalWeight(firms);
  if (firms.lon.length === 0 || total <= 0) {
    throw bad(
      named
        ? `제안할 기업이 없습니다: ${named}에 기업이 없거나 가중치가 모두 0입니다`
        : "제안할 기업이 없습니다: 모두 수도권(서울·인천·경기)에 있거나 가중치가 모두 0입니다",
      named
        ? `No firms to propose from: none in ${named}, or every weight is 0`
        : "No firms to propose from: all are in the capital region (서울, 인천, 경기), which the programme leaves out, or every weight is 0",
    );
  }
  const sidoOpts = named ? { ...opts, sido: named } : opts;
  const first = build(firms, total, sidoOpts, radiusLimitKm(opts.ruleSet, named));
  if (named || opts.shape !== "circle") return first;
  const landed = first.report.sido.code;
  const limit = radiusLimitKm(opts.ruleSet, landed);
  return limit < radiusLimitKm(opts.ruleSet, null) ? build(firms, total, opts, limit) : first;
}
