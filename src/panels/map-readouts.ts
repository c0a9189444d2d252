/**
 * The status bar's readouts as text: the pointer in WGS84 and in EPSG:5186 (the TM plane the
 * filings use), and the measure tool's geodesic length and area (geo's GeographicLib functions,
 * the same the checker measures with).
 */
import { distanceM, fromLonLat, geodesicAreaM2 } from "../../geo/index";
import type { LonLat } from "./transient";

const to5186 = fromLonLat("EPSG:5186");

/** "35.18000°N 128.08000°E", hemispheres named. */
export function formatLonLat([lon, lat]: LonLat): string {
  const ns = lat >= 0 ? "N" : "S";
  const ew = lon >= 0 ? "E" : "W";
  return `${Math.abs(lat).toFixed(5)}°${ns} ${Math.abs(lon).toFixed(5)}°${ew}`;
}

/** "EPSG:5186 x 200000.0 y 600000.0" (easting, northing in metres, to the decimetre). */
export function format5186(at: LonLat): string {
  const [x = Number.NaN, y = Number.NaN] = to5186(at);
  return `EPSG:5186 x ${x.toFixed(1)} y ${y.toFixed(1)}`;
}

export interface MeasureFigures {
  /** Along the points in order, and back to the first once the line is ended as an area. */
  lengthM: number;
  /** The area the ended line closes (3 points or more), else null. */
  areaM2: number | null;
}

export function measureFigures(points: LonLat[], ended: boolean): MeasureFigures {
  let lengthM = 0;
  for (let i = 1; i < points.length; i++) {
    lengthM += distanceM(points[i - 1] as LonLat, points[i] as LonLat);
  }
  const closes = ended && points.length >= 3;
  if (closes) lengthM += distanceM(points[points.length - 1] as LonLat, points[0] as LonLat);
  const areaM2 = closes
    ? geodesicAreaM2({ type: "Polygon", coordinates: [[...points, points[0] as LonLat]] })
    : null;
  return { lengthM, areaM2 };
}

/** "850 m" under a kilometre, else "12.345 km". */
export function formatLength(m: number): string {
  return m < 1000 ? `${m.toFixed(0)} m` : `${(m / 1000).toFixed(3)} km`;
}

/** "4,500 m²" under a hectare-ish 0.01 km², else km² (㎢ in Korean, as the panels write it). */
export function formatArea(m2: number, lang: "ko" | "en"): string {
  if (m2 < 10_000) return `${Math.round(m2).toLocaleString("en-US")} m²`;
  return `${(m2 / 1e6).toFixed(4)} ${lang === "ko" ? "㎢" : "km²"}`;
}
