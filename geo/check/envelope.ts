/**
 * The envelope rules: the circle (given or the smallest enclosing one), the belt and the polygon.
 * Each returns the report's envelope section and the findings, as values.
 */

import type { MultiPolygon, Polygon } from "geojson";
import {
  beltReachM,
  parcelPositions,
  parcelRings,
  polygonContains,
  reachM,
  smallestEnclosingCircle,
} from "../envelope";
import { geodesicAreaM2, lineLengthM } from "../measure";
import type { Envelope, FindingFigures, FindingValue, Report, RuleSet } from "../types";
import type { CheckContext } from "./context";
import { round } from "./round";

type Section = Report["envelope"];
export interface EnvelopeResult {
  section: Section;
  findings: FindingValue[];
}

/** Distances within a centimetre of a limit are on it: vertices snapped onto a drawn circle. */
const TOLERANCE_KM = 1e-5;

/** The limit and its 시·도, for a radius over it (the sentence says which limit applied). */
function sidoNote(ctx: CheckContext): { limitKm: number; metro: boolean } {
  return {
    limitKm: ctx.radiusLimitKm,
    metro: ctx.metro,
    ...(ctx.sidoName ? { sidoName: ctx.sidoName } : {}),
    ...(ctx.sidoNameEn ? { sidoNameEn: ctx.sidoNameEn } : {}),
  };
}

function radiusError(parcels: string[], figures: FindingFigures["RADIUS"]): FindingValue {
  return { code: "RADIUS", severity: "error", parcels, figures };
}

function envelopeError(parcels: string[], figures: FindingFigures["ENVELOPE"]): FindingValue {
  return { code: "ENVELOPE", severity: "error", parcels, figures };
}

/** The overshoot (km) when `value` is over `limit` (a radius, a half-width, a length); else null. */
function overKmOf(value: number, limit: number): number | null {
  return value <= limit + TOLERANCE_KM ? null : round(value - limit, 3);
}

/**
 * Each parcel's reach (by `reachOfM`, over its whole boundary), the farthest of them in km, and a finding (by `outside`,
 * given the parcel, its reach and overshoot in km) for every parcel past `allowedKm` when the
 * rule set wants parcels inside the envelope.
 */
function parcelReaches(
  ctx: CheckContext,
  reachOfM: (g: Polygon | MultiPolygon) => number,
  allowedKm: number,
  outside: (parcel: string, reachKm: number, overKm: number) => FindingValue,
): { reachKm: number; findings: FindingValue[] } {
  let reachKm = 0;
  const findings: FindingValue[] = [];
  ctx.geoms.forEach((g, i) => {
    const parcelReachKm = reachOfM(g) / 1000;
    reachKm = Math.max(reachKm, parcelReachKm);
    if (ctx.ruleSet.parcelsInsideEnvelope && parcelReachKm > allowedKm + TOLERANCE_KM) {
      findings.push(
        outside(ctx.ids[i] ?? "", round(parcelReachKm, 3), round(parcelReachKm - allowedKm, 3)),
      );
    }
  });
  return { reachKm, findings };
}

function inferredCircle(ctx: CheckContext): EnvelopeResult {
  // Nothing drawn yet (the app's new zone): no circle to infer; the NO_PARCEL rule says so.
  if (ctx.geoms.length === 0) {
    return { section: { shape: "circle", given: false, limitKm: ctx.radiusLimitKm }, findings: [] };
  }
  const mec = smallestEnclosingCircle(parcelPositions(ctx.geoms));
  const radiusKm = mec.radiusM / 1000;
  const overKm = overKmOf(radiusKm, ctx.radiusLimitKm);
  const findings: FindingValue[] = [];
  if (overKm !== null) {
    const parcels = ctx.geoms
      .map((g, i) => ({ i, reachKm: reachM(mec.center, parcelPositions([g])) / 1000 }))
      .filter((r) => r.reachKm > ctx.radiusLimitKm + TOLERANCE_KM)
      .map((r) => ctx.ids[r.i] ?? "");
    const note = sidoNote(ctx);
    findings.push(
      radiusError(parcels, { ...note, kind: "ENCLOSING", radiusKm: round(radiusKm, 3), overKm }),
    );
  }
  const section: Section = {
    shape: "circle",
    given: false,
    center: mec.center.map((v) => round(v, 6)),
    radiusKm: round(radiusKm, 3),
    reachKm: round(radiusKm, 3),
    limitKm: ctx.radiusLimitKm,
  };
  return { section, findings };
}

function givenCircle(
  ctx: CheckContext,
  env: Extract<Envelope, { shape: "circle" }>,
): EnvelopeResult {
  const reach = parcelReaches(
    ctx,
    // Distance from a point is quasi-convex along a geodesic edge: the farthest is a vertex.
    (g) => reachM(env.center, parcelPositions([g])),
    env.radiusKm,
    (parcel, reachKm, overKm) =>
      radiusError([parcel], { kind: "OUTSIDE", radiusKm: env.radiusKm, reachKm, overKm }),
  );
  const overKm = overKmOf(env.radiusKm, ctx.radiusLimitKm);
  const findings = [
    ...(overKm === null
      ? []
      : [radiusError([], { ...sidoNote(ctx), kind: "GIVEN", radiusKm: env.radiusKm, overKm })]),
    ...reach.findings,
  ];
  const section: Section = {
    shape: "circle",
    given: true,
    center: env.center,
    radiusKm: env.radiusKm,
    reachKm: round(reach.reachKm, 3),
    limitKm: ctx.radiusLimitKm,
  };
  return { section, findings };
}

/** The belt's own limits: its half-width and its axis length, each against the rule set's. */
function beltLimits(
  limits: { halfWidthKm: number; axisLengthKm: number },
  halfWidthKm: number,
  axisLengthKm: number,
): FindingValue[] {
  const findings: FindingValue[] = [];
  const wideKm = overKmOf(halfWidthKm, limits.halfWidthKm);
  if (wideKm !== null) {
    findings.push(
      envelopeError([], {
        kind: "BELT_WIDTH",
        halfWidthKm,
        limitKm: limits.halfWidthKm,
        overKm: wideKm,
      }),
    );
  }
  const longKm = overKmOf(axisLengthKm, limits.axisLengthKm);
  if (longKm !== null) {
    findings.push(
      envelopeError([], {
        kind: "BELT_LENGTH",
        axisLengthKm: round(axisLengthKm, 3),
        limitKm: limits.axisLengthKm,
        overKm: longKm,
      }),
    );
  }
  return findings;
}

function belt(ctx: CheckContext, env: Extract<Envelope, { shape: "belt" }>): EnvelopeResult {
  const limits = ctx.ruleSet.envelope.belt;
  const axisLengthKm = lineLengthM(env.axis) / 1000;
  const reach = parcelReaches(
    ctx,
    (g) => beltReachM(env.axis, parcelRings([g])),
    env.halfWidthKm,
    (parcel, reachKm, overKm) =>
      envelopeError([parcel], {
        kind: "BELT_OUTSIDE",
        halfWidthKm: env.halfWidthKm,
        reachKm,
        overKm,
      }),
  );
  const findings = [
    ...(limits ? beltLimits(limits, env.halfWidthKm, axisLengthKm) : []),
    ...reach.findings,
  ];
  const section: Section = {
    shape: "belt",
    given: true,
    halfWidthKm: env.halfWidthKm,
    axisLengthKm: round(axisLengthKm, 3),
    reachKm: round(reach.reachKm, 3),
  };
  if (limits) section.limitKm = limits.halfWidthKm;
  return { section, findings };
}

function polygon(ctx: CheckContext, env: Extract<Envelope, { shape: "polygon" }>): EnvelopeResult {
  const limit = ctx.ruleSet.envelope.polygon;
  const areaKm2 = geodesicAreaM2(env.polygon) / 1e6;
  const findings: FindingValue[] = [];
  if (limit && areaKm2 > limit.areaKm2) {
    findings.push(
      envelopeError([], {
        kind: "POLYGON_AREA",
        areaKm2: round(areaKm2, 6),
        limitKm2: limit.areaKm2,
        overKm2: round(areaKm2 - limit.areaKm2, 6),
      }),
    );
  }
  if (ctx.ruleSet.parcelsInsideEnvelope) {
    const outside = ctx.geoms
      .map((g, i) => (polygonContains(env.polygon, g) ? null : (ctx.ids[i] ?? "")))
      .filter((id): id is string => id !== null);
    for (const id of outside) findings.push(envelopeError([id], { kind: "POLYGON_OUTSIDE" }));
  }
  return { section: { shape: "polygon", given: true, areaKm2: round(areaKm2, 6) }, findings };
}

function shapeNotAllowed(ruleSet: RuleSet, shape: string): FindingValue {
  return {
    code: "ENVELOPE_SHAPE",
    severity: "error",
    parcels: [],
    figures: { shape, allowed: ruleSet.envelope.shapes.join(", ") },
  };
}

/** The envelope section of the report and its findings, under the context's rule set. */
export function checkEnvelope(ctx: CheckContext, envelope: Envelope | null): EnvelopeResult {
  const allowed = ctx.ruleSet.envelope.shapes;
  if (envelope === null) {
    const result = inferredCircle(ctx);
    if (!allowed.includes("circle")) result.findings.push(shapeNotAllowed(ctx.ruleSet, "none"));
    return result;
  }
  const result =
    envelope.shape === "circle"
      ? givenCircle(ctx, envelope)
      : envelope.shape === "belt"
        ? belt(ctx, envelope)
        : polygon(ctx, envelope);
  if (!allowed.includes(envelope.shape)) {
    result.findings.unshift(shapeNotAllowed(ctx.ruleSet, envelope.shape));
  }
  return result;
}
