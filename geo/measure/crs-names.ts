/**
 * The CRSs a filing may name and the datum-free TM planes' parameters: apart from crs.ts so
 * that listing them (the app's CRS pickers) doesn't load proj4, which only EPSG:5174 needs.
 */
import type { TmParams } from "./tmerc";

export const WGS84_A_M = 6378137;
const GRS80_F = 1 / 298.257222101;

/** A 2010 belt: TM on GRS80, origin 38°N on the belt's meridian, false origin (200 km, 600 km). */
function belt2010(lon0Deg: number): TmParams {
  return { aM: WGS84_A_M, f: GRS80_F, lat0Deg: 38, lon0Deg, k0: 1, x0M: 200000, y0M: 600000 };
}

/** The datum-free TM planes, as EPSG defines them (checked against the epsg.io WKT). */
export const TM_PARAMS: Readonly<Record<string, TmParams>> = {
  // Korea 2000 / Unified CS (UTM-K): one plane for the whole country.
  "EPSG:5179": {
    aM: WGS84_A_M,
    f: GRS80_F,
    lat0Deg: 38,
    lon0Deg: 127.5,
    k0: 0.9996,
    x0M: 1000000,
    y0M: 2000000,
  },
  "EPSG:5185": belt2010(125), // West Belt 2010
  "EPSG:5186": belt2010(127), // Central Belt 2010
  "EPSG:5187": belt2010(129), // East Belt 2010
  "EPSG:5188": belt2010(131), // East Sea Belt 2010
};

/** The CRSs a filing may name, WGS84 first. */
export const SUPPORTED_CRS: readonly string[] = Object.freeze([
  "EPSG:4326",
  "EPSG:3857",
  ...Object.keys(TM_PARAMS),
  "EPSG:5174",
]);

