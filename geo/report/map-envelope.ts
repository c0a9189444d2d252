/**
 * Which circle or shape the report's map draws around the parcels, and in which colour: the
 * envelope the filing gives, or else the smallest enclosing circle the checker inferred (which is
 * no envelope and must not be called one); red when its size is over the rule set's limit, blue
 * within it, as the app's map colours them (one palette: ./palette.ts).
 */
import type { Envelope, Report, Zone } from "../types";

export interface MapEnvelope {
  /** The shape to draw, or null when there is none (no parcel, no envelope). */
  envelope: Envelope | null;
  /** True for the smallest enclosing circle (no envelope filed), false for the filed envelope. */
  inferred: boolean;
  /** The shape's size is over its limit: radius, belt width or length, polygon area. */
  over: boolean;
}

/**
 * Whether the report finds the zone's shape itself over its limit — the circle's radius (given
 * or inferred), the belt's width or length, the polygon's area — not a parcel outside it. The one
 * rule the report's map and the app's map colour a shape red by.
 */
export function shapeOverLimit(report: Report): boolean {
  return report.findings.some(
    (f) =>
      (f.code === "RADIUS" && (f.figures.kind === "ENCLOSING" || f.figures.kind === "GIVEN")) ||
      (f.code === "ENVELOPE" &&
        (f.figures.kind === "BELT_WIDTH" ||
          f.figures.kind === "BELT_LENGTH" ||
          f.figures.kind === "POLYGON_AREA")),
  );
}

/** The shape the report's map draws for a checked zone. */
export function mapEnvelope(report: Report, zone: Zone): MapEnvelope {
  const e = report.envelope;
  if (zone.envelope)
    return { envelope: zone.envelope, inferred: false, over: shapeOverLimit(report) };
  const circle: Envelope | null =
    e.center && e.radiusKm !== undefined
      ? { shape: "circle", center: e.center, radiusKm: e.radiusKm }
      : null;
  return { envelope: circle, inferred: true, over: circle !== null && shapeOverLimit(report) };
}
