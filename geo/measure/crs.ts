/**
 * Korean coordinate reference systems, and reprojection of GeoJSON geometries.
 *
 * GIS tools in Korea still write GeoJSON in a national TM plane with the old top-level `crs`
 * member; FILING.md asks the checker to honour it, so these are the CRSs such files name.
 * Definitions checked against the EPSG registry entries (epsg.io WKT). The 2010 belts and the
 * unified CS are Transverse Mercator on GRS80 (KGD2002), which coincides with WGS84 to well
 * under a metre, so no datum shift is applied: they run through geo/measure/tmerc.ts. Only the
 * Korean 1985 belts (EPSG:5174 and its kin), on the Bessel ellipsoid, go through proj4 for their
 * datum shift.
 */
import type { Geometry, Position } from "geojson";
import proj4 from "proj4";
import { FilingError } from "../errors";
import { createTm, type TmParams } from "./tmerc";

const WGS84_A_M = 6378137;
const GRS80_F = 1 / 298.257222101;

/**
 * A Korea 2000 belt: TM on GRS80, origin 38°N on the belt's meridian, false easting 200 km; false
 * northing 600 km for the 2010 belts, 500 km for the older ones (550 km for the Jeju belt).
 */
function belt2010(lon0Deg: number, y0M = 600000): TmParams {
  return { aM: WGS84_A_M, f: GRS80_F, lat0Deg: 38, lon0Deg, k0: 1, x0M: 200000, y0M };
}

/** The datum-free TM planes, as EPSG defines them (checked against the epsg.io WKT). */
const TM_PARAMS: Readonly<Record<string, TmParams>> = {
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
  // The Korea 2000 belts before 2010, still what Kakao maps and many 지자체 datasets use.
  "EPSG:5180": belt2010(125, 500000), // West Belt
  "EPSG:5181": belt2010(127, 500000), // Central Belt
  "EPSG:5182": belt2010(127, 550000), // Central Belt Jeju
  "EPSG:5183": belt2010(129, 500000), // East Belt
  "EPSG:5184": belt2010(131, 500000), // East Sea Belt
};

/**
 * The Korean 1985 (Bessel 1841) belts: TM at 38°N, false easting 200 km, false northing 500 km
 * (550 km for Jeju); the "Modified" belts move the meridian by 10.405" (checked against
 * `gdalsrsinfo -o proj4 EPSG:…`, GDAL with PROJ's EPSG database).
 */
const BESSEL_BELTS: Readonly<Record<string, { lon0Deg: number; y0M: number }>> = {
  "EPSG:5174": { lon0Deg: 127.0028902777778, y0M: 500000 }, // Modified Central Belt
  "EPSG:5173": { lon0Deg: 125.0028902777778, y0M: 500000 }, // Modified West Belt
  "EPSG:5175": { lon0Deg: 127.0028902777778, y0M: 550000 }, // Modified Central Belt Jeju
  "EPSG:5176": { lon0Deg: 129.0028902777778, y0M: 500000 }, // Modified East Belt
  "EPSG:5177": { lon0Deg: 131.0028902777778, y0M: 500000 }, // Modified East Sea Belt
  "EPSG:2096": { lon0Deg: 129, y0M: 500000 }, // East Belt
  "EPSG:2097": { lon0Deg: 127, y0M: 500000 }, // Central Belt
  "EPSG:2098": { lon0Deg: 125, y0M: 500000 }, // West Belt
};

/**
 * Korean 1985 / Modified Central Belt: Bessel 1841, meridian 127°00'10.405" (the correction that
 * makes the grid match the old Tokyo-datum cadastre), false northing 500 km. EPSG's own shift to
 * WGS84 ("Korean 1985 to WGS 84 (1)", what PROJ and GDAL apply) is a Molodensky-Badekas with a
 * pivot point (T = -145.907, 505.034, 685.756 m; coordinate-frame rotations -1.162, 2.347,
 * 1.592"; 6.342 ppm; pivot -3159521.31, 4068151.32, 3748113.85), which `+towgs84` cannot take
 * as such. Folding the pivot into the translation (T' = T + P - (1+s)·R·P) and turning the
 * rotations to proj4's position-vector sign gives the exact same transformation as a
 * 7-parameter Helmert: it matches PROJ's cs2cs to the millimetre, so a reviewer's QGIS and this
 * checker agree on 5174 files (the older -115.80, 474.99, 674.11 set is off by ~5 cm). Every
 * Korean 1985 belt shares it.
 */
const KOREAN_1985_TOWGS84 = "-114.620,475.963,675.018,1.162,-2.347,-1.592,6.342";

function besselDef(crs: string): string | null {
  const belt = BESSEL_BELTS[crs];
  if (!belt) return null;
  return `+proj=tmerc +lat_0=38 +lon_0=${belt.lon0Deg} +k=1 +x_0=200000 +y_0=${belt.y0M} +ellps=bessel +units=m +towgs84=${KOREAN_1985_TOWGS84} +no_defs`;
}

/** Every TM plane's parameters, GRS80 and Bessel, for readers that match a .prj against them. */
export function tmPlanes(): {
  crs: string;
  lon0Deg: number;
  y0M: number;
  x0M: number;
  k0: number;
  bessel: boolean;
}[] {
  return [
    ...Object.entries(TM_PARAMS).map(([crs, p]) => ({
      crs,
      lon0Deg: p.lon0Deg,
      y0M: p.y0M,
      x0M: p.x0M,
      k0: p.k0,
      bessel: false,
    })),
    ...Object.entries(BESSEL_BELTS).map(([crs, b]) => ({
      crs,
      lon0Deg: b.lon0Deg,
      y0M: b.y0M,
      x0M: 200000,
      k0: 1,
      bessel: true,
    })),
  ];
}

const WGS84_DEF = "+proj=longlat +datum=WGS84 +no_defs";

/** The CRSs a filing may name, WGS84 first. */
export const SUPPORTED_CRS: readonly string[] = Object.freeze([
  "EPSG:4326",
  "EPSG:3857",
  ...Object.keys(TM_PARAMS),
  ...Object.keys(BESSEL_BELTS),
]);

/**
 * The names GIS tools give these planes, as nameKey() folds them: EPSG's and GDAL's ("Korea 2000
 * / Central Belt") and ESRI's .prj names ("Korea_2000_Korea_Central_Belt") alike.
 */
const NAME_ALIASES: Readonly<Record<string, string>> = {
  KOREA_2000_UNIFIED_CS: "EPSG:5179",
  KOREA_2000_UNIFIED_COORDINATE_SYSTEM: "EPSG:5179",
  KOREA_2000_WEST_BELT_2010: "EPSG:5185",
  KOREA_2000_CENTRAL_BELT_2010: "EPSG:5186",
  KOREA_2000_EAST_BELT_2010: "EPSG:5187",
  KOREA_2000_EAST_SEA_BELT_2010: "EPSG:5188",
  KOREA_2000_WEST_BELT: "EPSG:5180",
  KOREA_2000_CENTRAL_BELT: "EPSG:5181",
  KOREA_2000_CENTRAL_BELT_JEJU: "EPSG:5182",
  KOREA_2000_EAST_BELT: "EPSG:5183",
  KOREA_2000_EAST_SEA_BELT: "EPSG:5184",
  KOREAN_1985_MODIFIED_WEST_BELT: "EPSG:5173",
  KOREAN_1985_MODIFIED_CENTRAL_BELT: "EPSG:5174",
  KOREAN_1985_MODIFIED_CENTRAL_BELT_JEJU: "EPSG:5175",
  KOREAN_1985_MODIFIED_EAST_BELT: "EPSG:5176",
  KOREAN_1985_MODIFIED_EAST_SEA_BELT: "EPSG:5177",
  KOREAN_1985_EAST_BELT: "EPSG:2096",
  KOREAN_1985_CENTRAL_BELT: "EPSG:2097",
  KOREAN_1985_WEST_BELT: "EPSG:2098",
};

/** "Korea 2000 / Central Belt", "Korea_2000_Korea_Central_Belt" → "KOREA_2000_CENTRAL_BELT". */
function nameKey(name: string): string {
  return name
    .toUpperCase()
    .replace(/[^A-Z0-9]+/g, "_")
    .replace(/^_|_$/g, "")
    .replace(/^(KOREA_2000|KOREAN_1985)_KOREA_/, "$1_")
    .replace(/^(KOREAN_1985_MODIFIED)_KOREA_/, "$1_");
}

/** Other codes that mean Web Mercator (Google's 900913 and ESRI's ids). */
const CODE_ALIASES: Readonly<Record<string, string>> = {
  "900913": "3857",
  "3785": "3857",
  "102100": "3857",
  "102113": "3857",
};

const CRS84_NAMES = new Set([
  "CRS84",
  "OGC:CRS84",
  "URN:OGC:DEF:CRS:OGC:1.3:CRS84",
  "URN:OGC:DEF:CRS:OGC::CRS84",
  "HTTP://WWW.OPENGIS.NET/DEF/CRS/OGC/1.3/CRS84",
  "WGS84",
]);

const CODE_PATTERNS = [
  /^EPSG::?(\d+)$/,
  /^URN:OGC:DEF:CRS:EPSG:[\d.]*:(\d+)$/,
  /^HTTPS?:\/\/WWW\.OPENGIS\.NET\/DEF\/CRS\/EPSG\/[\d.]+\/(\d+)$/,
];

/**
 * "EPSG:5186", "urn:ogc:def:crs:EPSG::5186", "CRS84", … → "EPSG:5186" / "EPSG:4326";
 * null for a name that is not one of SUPPORTED_CRS.
 */
export function normalizeCrs(name: string): string | null {
  const upper = name.trim().toUpperCase();
  if (CRS84_NAMES.has(upper)) return "EPSG:4326";
  // "Korea 2000 / Central Belt" (GDAL, EPSG) and "Korea_2000_Korea_Central_Belt" (ESRI) alike.
  const alias = NAME_ALIASES[nameKey(upper)];
  if (alias) return alias;
  for (const pattern of CODE_PATTERNS) {
    const code = pattern.exec(upper)?.[1];
    if (code === undefined) continue;
    const crs = `EPSG:${CODE_ALIASES[code] ?? code}`;
    return SUPPORTED_CRS.includes(crs) ? crs : null;
  }
  return null;
}

type Convert = (p: Position) => Position;

interface ConverterPair {
  toLonLat: Convert;
  fromLonLat: Convert;
}

const identity: Convert = (p) => p.slice();

const D2R = Math.PI / 180;

/** EPSG:3857: spherical Mercator formulas applied to WGS84 lon/lat, by definition. */
const webMercator: ConverterPair = {
  fromLonLat: (p) => {
    const lat = (p[1] as number) * D2R;
    const out = [
      WGS84_A_M * (p[0] as number) * D2R,
      WGS84_A_M * Math.log(Math.tan(Math.PI / 4 + lat / 2)),
    ];
    return p.length > 2 ? [...out, ...p.slice(2)] : out;
  },
  toLonLat: (p) => {
    const lat = 2 * Math.atan(Math.exp((p[1] as number) / WGS84_A_M)) - Math.PI / 2;
    const out = [(p[0] as number) / WGS84_A_M / D2R, lat / D2R];
    return p.length > 2 ? [...out, ...p.slice(2)] : out;
  },
};

/**
 * Converters for one CRS. The GRS80 TM planes (GRS80 coincides with WGS84 to a tenth of a
 * millimetre here) and Web Mercator are closed formulas run directly: TM areas are on the hot
 * path of every edit and proj4's general path costs ~0.7 µs a point. EPSG:5174 needs a datum
 * shift, which proj4 does.
 */
function build(key: string): ConverterPair {
  const tm = TM_PARAMS[key];
  if (tm) {
    const projection = createTm(tm);
    return { fromLonLat: projection.forward, toLonLat: projection.inverse };
  }
  if (key === "EPSG:3857") return webMercator;
  const def = besselDef(key);
  if (!def) throw new Error(`no definition for ${key}`);
  const converter = proj4(def, WGS84_DEF);
  // Only x and y go through proj4; an altitude is carried over untouched.
  return {
    toLonLat: (p) => {
      const out = converter.forward([p[0] as number, p[1] as number]);
      return p.length > 2 ? [...out, ...p.slice(2)] : out;
    },
    fromLonLat: (p) => {
      const out = converter.inverse([p[0] as number, p[1] as number]);
      return p.length > 2 ? [...out, ...p.slice(2)] : out;
    },
  };
}

/** Created once per CRS: building a proj4 converter parses the definition and is slow. */
const converterCache = new Map<string, ConverterPair>();

function converters(crs: string): ConverterPair {
  const key = normalizeCrs(crs);
  if (key === null) {
    throw new FilingError({
      code: "UNKNOWN_CRS",
      params: { kind: "UNSUPPORTED", crs, supported: SUPPORTED_CRS },
    });
  }
  const cached = converterCache.get(key);
  if (cached) return cached;
  const pair = key === "EPSG:4326" ? { toLonLat: identity, fromLonLat: identity } : build(key);
  converterCache.set(key, pair);
  return pair;
}

/** A function taking a position in `crs` (TM: [easting, northing] in metres) to WGS84 [lon, lat]. */
export function toLonLat(crs: string): Convert {
  return converters(crs).toLonLat;
}

/** A function taking WGS84 [lon, lat] to a position in `crs` (TM: [easting, northing] in metres). */
export function fromLonLat(crs: string): Convert {
  return converters(crs).fromLonLat;
}

/**
 * A copy of `g` with every position passed through `convert`. A `bbox` is dropped, since it
 * would no longer bound the converted positions.
 */
export function reprojectGeometry<G extends Geometry>(g: G, convert: Convert): G {
  const { bbox: _bbox, ...rest } = g as Geometry;
  const geometry = rest as Geometry;
  switch (geometry.type) {
    case "Point":
      return { ...geometry, coordinates: convert(geometry.coordinates) } as G;
    case "MultiPoint":
    case "LineString":
      return { ...geometry, coordinates: geometry.coordinates.map(convert) } as G;
    case "MultiLineString":
    case "Polygon":
      return {
        ...geometry,
        coordinates: geometry.coordinates.map((ring) => ring.map(convert)),
      } as G;
    case "MultiPolygon":
      return {
        ...geometry,
        coordinates: geometry.coordinates.map((poly) => poly.map((ring) => ring.map(convert))),
      } as G;
    case "GeometryCollection":
      return {
        ...geometry,
        geometries: geometry.geometries.map((member) => reprojectGeometry(member, convert)),
      } as G;
  }
}
