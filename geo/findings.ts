/**
 * Finding values, one type a code: each code carries its own figures (the numbers behind the
 * sentence), so a rule can't emit a code with the wrong figures and messages.ts can't miss one.
 */
export const SEVERITIES = ["error", "warning", "info"] as const;
export type Severity = (typeof SEVERITIES)[number];

export const FINDING_CODES = {
  AREA_CAP: "AREA_CAP",
  RADIUS: "RADIUS",
  ENVELOPE: "ENVELOPE",
  OVERLAP: "OVERLAP",
  /** The overlap search ran out of its work budget (thousands of overlapping parcels). */
  OVERLAP_LIMIT: "OVERLAP_LIMIT",
  INVALID_GEOMETRY: "INVALID_GEOMETRY",
  AREA_METHOD_DISAGREES: "AREA_METHOD_DISAGREES",
  SIDO_SPAN: "SIDO_SPAN",
  SIDO_UNKNOWN: "SIDO_UNKNOWN",
  NO_HUB: "NO_HUB",
  HUB_PARTIAL: "HUB_PARTIAL",
  ENVELOPE_SHAPE: "ENVELOPE_SHAPE",
  DUPLICATE_ID: "DUPLICATE_ID",
  NO_PARCEL: "NO_PARCEL",
  SIDO_DECIDES_RADIUS: "SIDO_DECIDES_RADIUS",
  REGION_NOT_ELIGIBLE: "REGION_NOT_ELIGIBLE",
  SIDO_OUTSIDE_BOUNDARIES: "SIDO_OUTSIDE_BOUNDARIES",
  /** The named 시·도 is not where the boundaries put the parcels. */
  SIDO_MISMATCH: "SIDO_MISMATCH",
} as const;

export type FindingCode = keyof typeof FINDING_CODES;

/**
 * Every figures type is also readable as a plain bag of values: a report read back from JSON
 * (a filing's `czd.report`) carries the same keys, and a reader may look any of them up.
 */
type Bag = { readonly [key: string]: number | string | boolean | undefined };

interface SidoNote extends Bag {
  limitKm: number;
  metro: boolean;
  sidoName?: string;
  sidoNameEn?: string;
}

/** The figures of each finding code. RADIUS and ENVELOPE have one sentence per `kind`. */
export interface FindingFigures {
  AREA_CAP: Bag & { totalKm2: number; capKm2: number; overKm2: number; overM2: number };
  RADIUS:
    | (SidoNote & { kind: "ENCLOSING"; radiusKm: number; overKm: number })
    | (SidoNote & { kind: "GIVEN"; radiusKm: number; overKm: number })
    | (Bag & { kind: "OUTSIDE"; radiusKm: number; reachKm: number; overKm: number });
  ENVELOPE:
    | (Bag & { kind: "BELT_OUTSIDE"; halfWidthKm: number; reachKm: number; overKm: number })
    | (Bag & { kind: "BELT_WIDTH"; halfWidthKm: number; limitKm: number; overKm: number })
    | (Bag & { kind: "BELT_LENGTH"; axisLengthKm: number; limitKm: number; overKm: number })
    | (Bag & { kind: "POLYGON_AREA"; areaKm2: number; limitKm2: number; overKm2: number })
    | (Bag & { kind: "POLYGON_OUTSIDE" });
  OVERLAP: Bag & { areaM2: number };
  OVERLAP_LIMIT: Bag & { checkedPairs: number; found: number };
  /** A ring problem where it is; none when the app could not check the zone at all. */
  INVALID_GEOMETRY:
    | (Bag & { kind: string; part: number; ring: number; lon?: number; lat?: number })
    | Bag;
  AREA_METHOD_DISAGREES: Bag & {
    totalKm2: number;
    tmTotalKm2: number;
    tmCrs: string;
    capKm2: number;
  };
  /** The 시·도 and the parcel area in each, by Korean and by English name. */
  SIDO_SPAN: Bag & { shares: string; sharesEn: string };
  SIDO_UNKNOWN: Bag & { limitKm: number };
  NO_HUB: Bag;
  HUB_PARTIAL: Bag & { name: string; type: string; sharePct: number };
  ENVELOPE_SHAPE: Bag & { shape: string; allowed: string };
  DUPLICATE_ID: Bag & { id: string; count: number };
  NO_PARCEL: Bag;
  SIDO_DECIDES_RADIUS: Bag & {
    radiusKm: number;
    metroLimitKm: number;
    limitKm: number;
    sidoName: string;
    sidoNameEn: string;
    nearest: string;
    distanceM: number;
    otherName: string;
    otherNameEn: string;
    count: number;
    withinM: number;
  };
  /** Without a 시·도 name: the zone lies in none. */
  REGION_NOT_ELIGIBLE: Bag & { eligibleCount: number; sidoName?: string; sidoNameEn?: string };
  SIDO_OUTSIDE_BOUNDARIES: Bag & { sidoName: string; sidoNameEn: string };
  /** Named (by the filing or the option) against found; the radius limit that now applies. */
  SIDO_MISMATCH: Bag & {
    claimedCode: string;
    claimedName: string;
    claimedNameEn: string;
    from: "filing" | "option";
    sidoCode: string;
    sidoName: string;
    sidoNameEn: string;
    km2: number;
    withinM: number;
    limitKm: number;
  };
}

/** What a rule emits for one code: a value, no sentence. */
export interface FindingOf<C extends FindingCode> {
  code: C;
  severity: Severity;
  parcels: string[];
  figures: FindingFigures[C];
}

/** What a rule emits: a value, no sentence; discriminated by `code`. */
export type FindingValue = { [C in FindingCode]: FindingOf<C> }[FindingCode];

/** A finding as the report carries it: the value plus its Korean and English sentences. */
export type Finding = FindingValue & { message: string; messageEn: string };
