/**
 * The figures of a shape in progress: its own (area, radius, axis length, half-width) and the
 * zone's as if it were finished — the checker's own figures (zoneFigures: its measure and its
 * envelope section, without the overlap search and hub count, which a large zone would hold for
 * seconds on every move) of the zone with the shape's edit applied (drawn.ts), so a figure shown
 * while drawing is the figure the panel shows after.
 * Ellipsoidal, as the checker measures: GeographicLib areas and geodesic distances.
 */
import type { Position } from "geojson";
import {
  distanceM,
  type Envelope,
  geodesicAreaM2,
  lineLengthM,
  type RuleSet,
  type ZoneFigures,
  zoneFigures,
} from "../../geo/index";
import { ruleSetFor, toGeoZone } from "./derive";
import { drawnDiff } from "./drawn";
import { activeZone } from "./store";
import type { AppState, ZoneDoc } from "./types";
import type { LiveShape } from "./vocabulary";
import { applyDiff } from "./zone-diff";

/** The shape's own figures, those its kind has. */
export interface ShapeFigures {
  areaKm2?: number;
  radiusKm?: number;
  axisLengthKm?: number;
  halfWidthKm?: number;
}

export interface LiveFigures {
  shape: ShapeFigures;
  /** The zone with the shape finished, as the checker reports it; null when it can't be checked. */
  zone: ZoneFigures | null;
}

const DEG = Math.PI / 180;
const mercatorY = (lat: number) => Math.log(Math.tan(Math.PI / 4 + (lat * DEG) / 2));
const latOfMercatorY = (y: number) => (2 * Math.atan(Math.exp(y)) - Math.PI / 2) / DEG;

/** The positions of a ring without its closing repeat. */
function openRing(ring: Position[]): Position[] {
  const first = ring[0];
  const last = ring[ring.length - 1];
  const closed = ring.length > 1 && first?.[0] === last?.[0] && first?.[1] === last?.[1];
  return closed ? ring.slice(0, -1) : ring;
}

/**
 * The centre and radius (km) of a circle drawn as a ring: the centre is the mean of its vertices
 * in Web Mercator, where terra-draw lays them out evenly round it, and the radius their mean
 * geodesic distance from it.
 */
export function ringCircle(ring: Position[]): { center: Position; radiusKm: number } {
  const points = openRing(ring);
  if (points.length === 0) return { center: [0, 0], radiusKm: 0 };
  let x = 0;
  let y = 0;
  for (const [lon = 0, lat = 0] of points) {
    x += lon;
    y += mercatorY(lat);
  }
  const center = [x / points.length, latOfMercatorY(y / points.length)];
  let sumM = 0;
  for (const p of points) sumM += distanceM(center, p);
  return { center, radiusKm: sumM / points.length / 1000 };
}

function envelopeFigures(envelope: Envelope): ShapeFigures {
  if (envelope.shape === "circle") return { radiusKm: envelope.radiusKm };
  if (envelope.shape === "belt") {
    return { axisLengthKm: lineLengthM(envelope.axis) / 1000, halfWidthKm: envelope.halfWidthKm };
  }
  return { areaKm2: geodesicAreaM2(envelope.polygon) / 1e6 };
}

/** The zone as it would be with the shape finished, or null when the shape adds nothing. */
function finished(zone: ZoneDoc, ruleSet: RuleSet, live: LiveShape): ZoneDoc | null {
  if (live.kind === "envelope") return { ...zone, envelope: live.envelope };
  const diff = drawnDiff(zone, ruleSet, live.tool, live.geometry);
  return diff ? applyDiff(zone, diff) : null;
}

function shapeFigures(zone: ZoneDoc, live: LiveShape): ShapeFigures {
  if (live.kind === "envelope") return envelopeFigures(live.envelope);
  const g = live.geometry;
  if (g.type === "Polygon") {
    const areaKm2 = geodesicAreaM2(g) / 1e6;
    if (live.tool !== "parcel-circle") return { areaKm2 };
    return { areaKm2, radiusKm: ringCircle(g.coordinates[0] ?? []).radiusKm };
  }
  // A point or a line makes an envelope: its figures are those of that envelope.
  return zone.envelope ? envelopeFigures(zone.envelope) : {};
}

/** The live figures of `live` drawn in `zone`, checked against `ruleSet` (hubs aside). */
export function liveFigures(zone: ZoneDoc, ruleSet: RuleSet, live: LiveShape): LiveFigures {
  const next = finished(zone, ruleSet, live);
  if (!next) return { shape: {}, zone: null };
  const shape = shapeFigures(next, live);
  try {
    return { shape, zone: zoneFigures(toGeoZone(next), { ruleSet }) };
  } catch {
    // A rule set the checker refuses (the panel says so already): the shape's own figures only.
    return { shape, zone: null };
  }
}

let memo: { zone: ZoneDoc; ruleSet: RuleSet; live: LiveShape; figures: LiveFigures } | null = null;

/** The live figures of the shape in progress (memoised on it and the zone), or null. */
export function selectLiveFigures(s: AppState): LiveFigures | null {
  const live = s.live;
  if (!live) return null;
  const zone = activeZone(s);
  const ruleSet = ruleSetFor(zone.ruleSetId, s.customRuleSets);
  if (memo && memo.zone === zone && memo.ruleSet === ruleSet && memo.live === live) {
    return memo.figures;
  }
  const figures = liveFigures(zone, ruleSet, live);
  memo = { zone, ruleSet, live, figures };
  return figures;
}
