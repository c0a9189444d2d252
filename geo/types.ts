/**
 * The values the geo core passes around. Positions are always GeoJSON [lon, lat] in WGS84
 * unless a name says otherwise (TM positions are [easting, northing] in metres).
 */
import type { MultiPolygon, Point, Polygon, Position } from "geojson";
import type { Finding } from "./findings";
import type { RoleArea, ZoneRole } from "./zone-roles";

/** The six hub types of the programme; other type ids are kept and counted too. */
export const HUB_TYPES = [
  "innovation_city",
  "industrial_complex",
  "free_economic_zone",
  "technopark",
  "enterprise_city",
  "rnd_special_zone",
] as const;
export type HubType = (typeof HUB_TYPES)[number];

export type ParcelGeometry = Polygon | MultiPolygon;

/** The two languages of everything a user reads: Korean first, English second. */
export type Lang = "ko" | "en";

/** One designated piece of land: a polygon or multipolygon, holes allowed. */
export interface Parcel {
  id: string;
  name?: string;
  geometry: ParcelGeometry;
  /** Every property the filing carried, kept so an export loses nothing. */
  properties: Record<string, unknown>;
}

export const ENVELOPE_SHAPES = ["circle", "belt", "polygon"] as const;
export type EnvelopeShape = (typeof ENVELOPE_SHAPES)[number];

export type Envelope =
  | { shape: "circle"; center: Position; radiusKm: number }
  | { shape: "belt"; axis: Position[]; halfWidthKm: number }
  | { shape: "polygon"; polygon: Polygon };

/** The top-level `czd` member of a filing. */
export interface ZoneMeta {
  name?: string;
  /** ISO 3166-2:KR code, e.g. "KR-49". */
  sido?: string;
  ruleSet?: string;
  createdAt?: string;
  [key: string]: unknown;
}

/** A zone read from a filing, always in WGS84 lon/lat. */
export interface Zone {
  parcels: Parcel[];
  envelope: Envelope | null;
  meta: ZoneMeta;
  /** The CRS the filing was written in ("EPSG:4326" for plain RFC 7946). */
  sourceCrs: string;
}

/** A hub (혁신거점): a point, or an area such as an industrial complex. */
export interface Hub {
  name: string;
  /** One of HUB_TYPES, or another id the decree names (kept and counted). */
  type: string;
  geometry: Point | Polygon | MultiPolygon;
}

export {
  FINDING_CODES,
  type Finding,
  type FindingCode,
  type FindingFigures,
  type FindingOf,
  type FindingValue,
  SEVERITIES,
  type Severity,
} from "./findings";

/** A rule set: data a reviewer can write, interpreted by check/ (see FILING.md). */
export interface RuleSet {
  id: string;
  version: string;
  name: { ko: string; en: string };
  /** false for Phase 3, whose limits were never published: the report says they are illustrative. */
  published: boolean;
  note?: { ko: string; en: string };
  areaCapKm2: number;
  /** The cap for a zone in one of `envelope.circle.metroSido` (the 광역시), when it differs. */
  metroAreaCapKm2?: number;
  /**
   * What the cap limits: each zone (the default) or, with "sido", all the zones of one 시·도
   * together — a batch check sums the filings of each 시·도 (as for 기회발전특구).
   */
  capScope?: "zone" | "sido";
  envelope: {
    shapes: EnvelopeShape[];
    circle: { radiusKm: number; metroRadiusKm: number; metroSido: string[] };
    belt?: { axisLengthKm: number; halfWidthKm: number };
    polygon?: { areaKm2: number };
  };
  parcelsInsideEnvelope: boolean;
  overlapAllowed: boolean;
  validGeometry: boolean;
  /**
   * The 시·도 (ISO 3166-2:KR) where a zone may lie: the 14 outside the capital region. The loader
   * fills it in for a rules file without it; absent on a hand-made RuleSet, every 시·도 is eligible.
   */
  eligibleSido?: string[];
}

export interface HubTally {
  counts: Record<string, number> & { total: number };
  /** Area hubs only partly inside the parcels, with the share (0–1) of their area inside. */
  partial: { name: string; type: string; shareInside: number }[];
  /** false when no hub file was given: the counts are then zero by construction. */
  given: boolean;
  /** What was counted: each hub layer or file consulted, with how many of its hubs counted. */
  sources: HubSourceCount[];
}

/** One hub source of a report, named by hubSourceName (geo/io/hub-sources.ts). */
export interface HubSourceCount {
  name: string;
  count: number;
}

/** The compliance report of FILING.md. */
export interface Report {
  verdict: "pass" | "fail";
  ruleSet: string;
  ruleSetVersion: string;
  /** true when the rule set is not a shipped one exactly (a reviewer's file): reports say "custom". */
  ruleSetCustom?: boolean;
  sido: {
    code: string | null;
    name: string | null;
    from: "filing" | "option" | "parcels" | "none";
    metro: boolean;
    shares: { code: string; km2: number }[];
    /** Which 시·도 and radius applied, and why, in Korean and English. */
    why: { ko: string; en: string };
    /**
     * The 시·도 the filing (`czd.sido`) or `--sido` named when the boundaries put the parcels in
     * another one (finding SIDO_MISMATCH); `code` is then the parcels' own 시·도.
     */
    claimed?: string;
    /**
     * The 시·군·구 the parcels lie in (KOSTAT code, name), with the parcel area in each, km²,
     * largest first; absent while the app has not loaded the 시·군·구 boundaries yet.
     */
    sigungu?: { code: string; name: string; km2: number }[];
  };
  area: {
    totalKm2: number;
    parcels: { id: string; name?: string; km2: number; zoneRole?: ZoneRole }[];
    tm: { crs: string; totalKm2: number };
    capKm2: number;
    /** Area by parcel role (`properties.zoneRole`), only when some parcel has one. */
    roles?: RoleArea[];
  };
  envelope: {
    shape: EnvelopeShape;
    given: boolean;
    center?: Position;
    radiusKm?: number;
    reachKm?: number;
    limitKm?: number;
    halfWidthKm?: number;
    axisLengthKm?: number;
    areaKm2?: number;
  };
  hubs: HubTally;
  findings: Finding[];
}
