/**
 * Shapefile .prj (ESRI WKT1) ↔ the CRSs of FILING.md. Writing uses the WKT GDAL itself writes
 * for these codes (`gdalsrsinfo -o wkt_esri`), so QGIS, ArcGIS and ogrinfo recognise them.
 * Reading matches the projection's parameters, not its name: names vary by tool and version
 * ("Korea_2000_Korea_Central_Belt_2010", "KGD2002_Central_Belt_2010", …), parameters don't.
 */
import { normalizeCrs } from "../measure";

const GCS_KOREA_2000 =
  'GEOGCS["GCS_Korea_2000",DATUM["D_Korea_2000",SPHEROID["GRS_1980",6378137.0,298.257222101]],PRIMEM["Greenwich",0.0],UNIT["Degree",0.0174532925199433]]';

function tmWkt(name: string, x0M: number, y0M: number, lon0Deg: number, k0: number): string {
  return `PROJCS["${name}",${GCS_KOREA_2000},PROJECTION["Transverse_Mercator"],PARAMETER["False_Easting",${x0M.toFixed(1)}],PARAMETER["False_Northing",${y0M.toFixed(1)}],PARAMETER["Central_Meridian",${lon0Deg.toFixed(1)}],PARAMETER["Scale_Factor",${k0}],PARAMETER["Latitude_Of_Origin",38.0],UNIT["Meter",1.0]]`;
}

const WKT: Readonly<Record<string, string>> = {
  "EPSG:4326":
    'GEOGCS["GCS_WGS_1984",DATUM["D_WGS_1984",SPHEROID["WGS_1984",6378137.0,298.257223563]],PRIMEM["Greenwich",0.0],UNIT["Degree",0.0174532925199433]]',
  "EPSG:5179": tmWkt("Korea_2000_Korea_Unified_Coordinate_System", 1000000, 2000000, 127.5, 0.9996),
  "EPSG:5185": tmWkt("Korea_2000_Korea_West_Belt_2010", 200000, 600000, 125, 1),
  "EPSG:5186": tmWkt("Korea_2000_Korea_Central_Belt_2010", 200000, 600000, 127, 1),
  "EPSG:5187": tmWkt("Korea_2000_Korea_East_Belt_2010", 200000, 600000, 129, 1),
  "EPSG:5188": tmWkt("Korea_2000_Korea_East_Sea_Belt_2010", 200000, 600000, 131, 1),
};

/** The .prj text (ESRI WKT1) for a CRS we write Shapefiles in; null for one we don't. */
export function prjFor(crs: string): string | null {
  const key = normalizeCrs(crs);
  return key === null ? null : (WKT[key] ?? null);
}

interface TmSignature {
  crs: string;
  lon0Deg: number;
  k0: number;
  x0M: number;
  y0M: number;
  bessel: boolean;
}

const TM_SIGNATURES: readonly TmSignature[] = [
  { crs: "EPSG:5179", lon0Deg: 127.5, k0: 0.9996, x0M: 1000000, y0M: 2000000, bessel: false },
  { crs: "EPSG:5185", lon0Deg: 125, k0: 1, x0M: 200000, y0M: 600000, bessel: false },
  { crs: "EPSG:5186", lon0Deg: 127, k0: 1, x0M: 200000, y0M: 600000, bessel: false },
  { crs: "EPSG:5187", lon0Deg: 129, k0: 1, x0M: 200000, y0M: 600000, bessel: false },
  { crs: "EPSG:5188", lon0Deg: 131, k0: 1, x0M: 200000, y0M: 600000, bessel: false },
  { crs: "EPSG:5174", lon0Deg: 127.0028902777778, k0: 1, x0M: 200000, y0M: 500000, bessel: true },
];

function parameter(wkt: string, name: string): number | null {
  const m = new RegExp(`PARAMETER\\[\\s*"${name}"\\s*,\\s*([-+\\d.eE]+)`, "i").exec(wkt);
  return m?.[1] === undefined ? null : Number(m[1]);
}

const near = (a: number | null, b: number, tol: number): boolean =>
  a !== null && Math.abs(a - b) <= tol;

/**
 * The CRS a .prj names, as "EPSG:xxxx", or null when it is none of SUPPORTED_CRS (or not WKT).
 * Geographic WGS84/GRS80 lon/lat counts as EPSG:4326 (they differ by well under a metre).
 */
export function crsFromPrj(wkt: string): string | null {
  const text = wkt.trim();
  const authority = /AUTHORITY\[\s*"EPSG"\s*,\s*"?(\d+)"?\s*\]\s*\]\s*$/i.exec(text);
  if (authority?.[1]) {
    const byCode = normalizeCrs(`EPSG:${authority[1]}`);
    if (byCode) return byCode;
  }
  const upper = text.toUpperCase();
  if (upper.startsWith("GEOGCS[") || upper.startsWith("GEOGCRS[")) {
    return /GRS[ _]?(19)?80|WGS[ _]?(19)?84/.test(upper) ? "EPSG:4326" : null;
  }
  if (!upper.startsWith("PROJCS[")) return null;
  if (/MERCATOR_AUXILIARY_SPHERE|POPULAR_VISUALISATION|PSEUDO[_ ]MERCATOR/.test(upper)) {
    return "EPSG:3857";
  }
  if (!upper.includes("TRANSVERSE_MERCATOR")) return null;
  const lon0 = parameter(text, "Central_Meridian");
  const k0 = parameter(text, "Scale_Factor");
  const x0 = parameter(text, "False_Easting");
  const y0 = parameter(text, "False_Northing");
  const lat0 = parameter(text, "Latitude_Of_Origin");
  const bessel = upper.includes("BESSEL");
  const hit = TM_SIGNATURES.find(
    (s) =>
      s.bessel === bessel &&
      near(lon0, s.lon0Deg, 1e-6) &&
      near(k0, s.k0, 1e-9) &&
      near(x0, s.x0M, 1e-3) &&
      near(y0, s.y0M, 1e-3) &&
      near(lat0, 38, 1e-9),
  );
  return hit?.crs ?? null;
}
