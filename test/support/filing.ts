/** Shared helpers for the filing tests: factories of real-looking filings and error checks. */
import type { Position } from "geojson";
import { expect } from "vitest";
import { FilingError, type FilingErrorCode } from "../../geo/errors";
import { readFiling } from "../../geo/filing/filing";
import type { Zone } from "../../geo/types";

/** The FilingError `read` throws; fails the test when it throws nothing or something else. */
export function errorOf(read: () => unknown): FilingError {
  try {
    read();
  } catch (e) {
    if (e instanceof FilingError) return e;
    throw e;
  }
  throw new Error("expected a FilingError, got none");
}

export function expectFilingError(input: unknown, code: FilingErrorCode): FilingError {
  const err = errorOf(() => readFiling(input));
  expect(err.code).toBe(code);
  expect(err.ko.length).toBeGreaterThan(5);
  expect(err.en.length).toBeGreaterThan(5);
  // The Korean text is Korean, the English text English (ids may be Korean in both).
  expect(err.ko).toMatch(/[가-힣]{2}/);
  expect(err.en).toMatch(/\b(the|is|are|a|an|not|no|must|needs)\b/i);
  expect(err.en).not.toBe(err.ko);
  return err;
}

export const createSquare = (lon: number, lat: number, halfDeg = 0.01): Position[] => [
  [lon - halfDeg, lat - halfDeg],
  [lon + halfDeg, lat - halfDeg],
  [lon + halfDeg, lat + halfDeg],
  [lon - halfDeg, lat + halfDeg],
  [lon - halfDeg, lat - halfDeg],
];

export const createFiling = (features: unknown[], extra: Record<string, unknown> = {}) => ({
  type: "FeatureCollection",
  ...extra,
  features,
});

export const parcelFeature = (
  props: Record<string, unknown>,
  ring = createSquare(127.3, 36.5),
) => ({
  type: "Feature",
  properties: props,
  geometry: { type: "Polygon", coordinates: [ring] },
});

export function allPositions(zone: Zone): Position[] {
  return zone.parcels.flatMap((p) =>
    p.geometry.type === "Polygon" ? p.geometry.coordinates.flat() : p.geometry.coordinates.flat(2),
  );
}
