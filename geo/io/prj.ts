/**
 * Shapefile .prj (ESRI WKT1) ↔ the CRSs of FILING.md. Writing uses the WKT GDAL itself writes
 * for these codes (`gdalsrsinfo -o wkt_esri`), so QGIS, ArcGIS and ogrinfo recognise them.
 * Reading matches the projection's parameters, not its name: names vary by tool and version
 * ("Korea_2000_Korea_Central_Belt_2010", "KGD2002_Central_Belt_2010", …), parameters don't.
 */
import { normalizeCrs, SUPPORTED_CRS, tmPlanes } from "../measure";

const GCS_KOREA_2000 =
  'GEOGCS["GCS_Korea_2000",DATUM["D_Korea_2000",SPHEROID["GRS_1980",6378137.0,298.257222101]],PRIMEM["Greenwich",0.0],UNIT["Degree",0.0174532925199433]]';
const GCS_KOREAN_1985 =
  'GEOGCS["GCS_Korean_Datum_1985",DATUM["D_Korean_Datum_1985",SPHEROID["Bessel_1841",6377397.155,299.1528128]],PRIMEM["Greenwich",0.0],UNIT["Degree",0.0174532925199433]]';

/** The names ESRI tools (and GDAL's `-o wkt_esri`) give the TM planes, by code. */
const ESRI_NAMES: Readonly<Record<string, string>> = {
  "EPSG:5179": "Korea_2000_Korea_Unified_Coordinate_System",
  "EPSG:5185": "Korea_2000_Korea_West_Belt_2010",
  "EPSG:5186": "Korea_2000_Korea_Central_Belt_2010",
  "EPSG:5187": "Korea_2000_Korea_East_Belt_2010",
  "EPSG:5188": "Korea_2000_Korea_East_Sea_Belt_2010",
  "EPSG:5180": "Korea_2000_Korea_West_Belt",
  "EPSG:5181": "Korea_2000_Korea_Central_Belt",
  "EPSG:5182": "Korea_2000_Korea_Central_Belt_Jeju",
  "EPSG:5183": "Korea_2000_Korea_East_Belt",
  "EPSG:5184": "Korea_2000_Korea_East_Sea_Belt",
  "EPSG:5173": "Korean_1985_Modified_Korea_West_Belt",
  "EPSG:5174": "Korean_1985_Modified_Korea_Central_Belt",
  "EPSG:5175": "Korean_1985_Modified_Korea_Central_Belt_Jeju",
  "EPSG:5176": "Korean_1985_Modified_Korea_East_Belt",
  "EPSG:5177": "Korean_1985_Modified_Korea_East_Sea_Belt",
  "EPSG:2096": "Korean_1985_Korea_East_Belt",
  "EPSG:2097": "Korean_1985_Korea_Central_Belt",
  "EPSG:2098": "Korean_1985_Korea_West_Belt",
};

function tmWkt(crs: string): string | null {
  const plane = tmPlanes().find((p) => p.crs === crs);
  const name = ESRI_NAMES[crs];
  if (!plane || !name) return null;
  const gcs = plane.bessel ? GCS_KOREAN_1985 : GCS_KOREA_2000;
  return `PROJCS["${name}",${gcs},PROJECTION["Transverse_Mercator"],PARAMETER["False_Easting",${plane.x0M.toFixed(1)}],PARAMETER["False_Northing",${plane.y0M.toFixed(1)}],PARAMETER["Central_Meridian",${Number.isInteger(plane.lon0Deg) ? plane.lon0Deg.toFixed(1) : plane.lon0Deg}],PARAMETER["Scale_Factor",${plane.k0}],PARAMETER["Latitude_Of_Origin",38.0],UNIT["Meter",1.0]]`;
}

const WKT_4326 =
  'GEOGCS["GCS_WGS_1984",DATUM["D_WGS_1984",SPHEROID["WGS_1984",6378137.0,298.257223563]],PRIMEM["Greenwich",0.0],UNIT["Degree",0.0174532925199433]]';

/** The .prj text (ESRI WKT1) for a CRS we write Shapefiles in; null for one we don't. */
export function prjFor(crs: string): string | null {
  const key = normalizeCrs(crs);
  if (key === null) return null;
  return key === "EPSG:4326" ? WKT_4326 : tmWkt(key);
}

/** A WKT node: KEYWORD[arg, …], each arg a quoted string, a number or a node. */
interface WktNode {
  key: string;
  args: (string | number | WktNode)[];
}

/** Long enough for any real .prj (GDAL's WKT2 of a TM plane is about 2 kB). */
const MAX_WKT_CHARS = 64_000;
const MAX_WKT_DEPTH = 16;

/** Parses WKT 1 or 2 into nodes; null when the text is not WKT. */
export function parseWkt(text: string): WktNode | null {
  if (text.length > MAX_WKT_CHARS) return null;
  let i = 0;
  const skip = () => {
    while (i < text.length && /\s/.test(text[i] ?? "")) i++;
  };
  const node = (depth: number): WktNode | null => {
    if (depth > MAX_WKT_DEPTH) return null;
    skip();
    const key = /^[A-Za-z_][A-Za-z0-9_]*/.exec(text.slice(i, i + 64))?.[0];
    if (!key) return null;
    i += key.length;
    skip();
    const open = text[i];
    if (open !== "[" && open !== "(") return null;
    i++;
    const args: WktNode["args"] = [];
    for (;;) {
      skip();
      const c = text[i];
      if (c === undefined) return null;
      if (c === "]" || c === ")") {
        i++;
        return { key: key.toUpperCase(), args };
      }
      if (args.length > 0) {
        if (c !== ",") return null;
        i++;
        skip();
      }
      const d = text[i];
      if (d === '"') {
        let out = "";
        i++;
        for (;;) {
          const e = text[i];
          if (e === undefined) return null;
          if (e === '"') {
            if (text[i + 1] === '"') {
              out += '"';
              i += 2;
              continue;
            }
            i++;
            break;
          }
          out += e;
          i++;
        }
        args.push(out);
      } else if (d !== undefined && /[-+.\d]/.test(d)) {
        const m = /^[-+]?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?/.exec(text.slice(i, i + 40));
        if (!m) return null;
        args.push(Number(m[0]));
        i += m[0].length;
      } else {
        const at = i;
        const child = node(depth + 1);
        if (!child) {
          i = at;
          // A bare enumeration (WKT2's AXIS direction such as `east`): kept as text.
          const word = /^[A-Za-z_]+/.exec(text.slice(i, i + 64))?.[0];
          if (!word) return null;
          args.push(word);
          i += word.length;
        } else args.push(child);
      }
    }
  };
  const root = node(0);
  skip();
  return root && i === text.length ? root : null;
}

const children = (n: WktNode): WktNode[] =>
  n.args.filter((a): a is WktNode => typeof a === "object");
const child = (n: WktNode | undefined, ...keys: string[]): WktNode | undefined =>
  n ? children(n).find((c) => keys.includes(c.key)) : undefined;
const nameOf = (n: WktNode | undefined): string =>
  n && typeof n.args[0] === "string" ? n.args[0] : "";
const numbers = (n: WktNode | undefined): number[] =>
  n ? n.args.filter((a): a is number => typeof a === "number") : [];

type Ellipsoid = "grs80" | "bessel" | "other";

function ellipsoidOf(n: WktNode | undefined): { kind: Ellipsoid; name: string } {
  const [a = Number.NaN, invf = Number.NaN] = numbers(n);
  const name = nameOf(n);
  if (Math.abs(a - 6378137) < 0.5 && Math.abs(invf - 298.2572) < 0.001)
    return { kind: "grs80", name };
  if (Math.abs(a - 6377397.155) < 0.5 && Math.abs(invf - 299.1528128) < 1e-4)
    return { kind: "bessel", name };
  return { kind: "other", name };
}

/** The parameter's value under any of its WKT 1 (ESRI, OGC) or WKT 2 names. */
function paramOf(params: Map<string, number>, ...names: string[]): number | null {
  for (const n of names) {
    const v = params.get(n);
    if (v !== undefined) return v;
  }
  return null;
}

const foldName = (s: string) => s.toLowerCase().replace(/[^a-z0-9]/g, "");

export type PrjReading = { crs: string } | { problem: { ko: string; en: string } };

const EXPORT_KO = "GIS에서 EPSG:4326(WGS84 경위도) 또는 EPSG:5186으로 다시 내보내십시오";
const EXPORT_EN = "export it again from GIS in EPSG:4326 (WGS84 lon/lat) or EPSG:5186";

/**
 * What a .prj (ESRI WKT 1, or OGC WKT 1/2) says, read as a whole: the datum, its ellipsoid and
 * any TOWGS84 shift, the prime meridian, the units and the projection's parameters. Only what
 * this checker can place exactly is accepted: WGS84/GRS80 lon/lat with no shift, Web Mercator,
 * and the Korea 2000 (GRS80) and Korean 1985 (Bessel, EPSG's own shift applied) TM planes.
 * Anything else, a Tokyo-datum lon/lat among them, is a problem with a sentence, never a guess.
 */
export function readPrj(wkt: string): PrjReading {
  const root = parseWkt(wkt.trim());
  const refuse = (ko: string, en: string): PrjReading => ({ problem: { ko, en } });
  if (!root)
    return refuse(
      "WKT 좌표계 정의로 읽을 수 없습니다",
      "it is not a WKT coordinate system definition",
    );
  const projected = ["PROJCS", "PROJCRS", "PROJECTEDCRS"].includes(root.key);
  const geographic = ["GEOGCS", "GEOGCRS", "GEODCRS", "GEOGRAPHICCRS", "GEODETICCRS"].includes(
    root.key,
  );
  if (!projected && !geographic)
    return refuse(
      `${root.key}는 지원하는 좌표계 종류가 아닙니다`,
      `${root.key} is not a kind of CRS this checker reads`,
    );
  const geog = projected ? child(root, "GEOGCS", "BASEGEOGCRS", "BASEGEODCRS", "GEOGCRS") : root;
  const datum = child(geog, "DATUM", "GEODETICDATUM", "TRF", "ENSEMBLE", "DATUMENSEMBLE");
  const ellipsoid = ellipsoidOf(child(datum, "SPHEROID", "ELLIPSOID"));
  const datumName = nameOf(datum) || "?";
  const shift = numbers(
    child(datum, "TOWGS84") ?? child(geog, "TOWGS84") ?? child(root, "TOWGS84"),
  );
  const shifted = shift.some((v) => Math.abs(v) > 1e-9);
  const primem = numbers(child(geog, "PRIMEM", "PRIMEMERIDIAN"))[0] ?? 0;
  const tokyo = /TOKYO|BESSEL|1985|KOREAN_DATUM/i.test(datumName);
  const datumKo = `측지계 ${datumName}(${ellipsoid.name || "타원체 불명"}${shifted ? `, TOWGS84 ${shift.join(",")}` : ""})`;
  const datumEn = `datum ${datumName} (${ellipsoid.name || "unknown ellipsoid"}${shifted ? `, TOWGS84 ${shift.join(",")}` : ""})`;
  if (Math.abs(primem) > 1e-9)
    return refuse(
      `본초 자오선이 그리니치가 아닙니다(${primem}): ${EXPORT_KO}`,
      `its prime meridian is not Greenwich (${primem}): ${EXPORT_EN}`,
    );
  if (geographic) {
    if (ellipsoid.kind === "grs80" && !shifted && !tokyo) {
      const unit = numbers(child(root, "UNIT", "ANGLEUNIT"))[0];
      if (unit !== undefined && Math.abs(unit - Math.PI / 180) > 1e-9)
        return refuse(
          `경위도 단위가 도(degree)가 아닙니다(${unit}): ${EXPORT_KO}`,
          `its angles are not in degrees (${unit}): ${EXPORT_EN}`,
        );
      return { crs: "EPSG:4326" };
    }
    return refuse(
      `WGS84가 아닌 ${datumKo}의 경위도입니다: WGS84와 수백 m 어긋나므로 그대로 읽지 않습니다. ${EXPORT_KO}`,
      `it is longitude/latitude on the ${datumEn}, not WGS84: hundreds of metres off, so it is not read as WGS84; ${EXPORT_EN}`,
    );
  }
  const unit = numbers(child(root, "UNIT", "LENGTHUNIT"))[0];
  if (unit !== undefined && Math.abs(unit - 1) > 1e-9)
    return refuse(
      `길이 단위가 미터가 아닙니다(${unit}): ${EXPORT_KO}`,
      `its length unit is not the metre (${unit}): ${EXPORT_EN}`,
    );
  const conversion = child(root, "CONVERSION") ?? root;
  const method = foldName(nameOf(child(conversion, "PROJECTION", "METHOD")));
  const params = new Map<string, number>();
  for (const p of children(conversion).filter((c) => c.key === "PARAMETER")) {
    const v = numbers(p)[0];
    if (v !== undefined) params.set(foldName(nameOf(p)), v);
  }
  if (
    /mercatorauxiliarysphere|popularvisualisation|pseudomercator/.test(method) ||
    /MERCATOR_AUXILIARY_SPHERE|PSEUDO[-_ ]?MERCATOR/i.test(nameOf(root))
  ) {
    return ellipsoid.kind === "grs80" && !shifted
      ? { crs: "EPSG:3857" }
      : refuse(
          `웹 메르카토르이지만 ${datumKo}입니다: ${EXPORT_KO}`,
          `Web Mercator on the ${datumEn}: ${EXPORT_EN}`,
        );
  }
  if (method !== "transversemercator")
    return refuse(
      `투영법 ${nameOf(child(conversion, "PROJECTION", "METHOD")) || "?"}은(는) 지원하지 않습니다: ${EXPORT_KO}`,
      `its projection ${nameOf(child(conversion, "PROJECTION", "METHOD")) || "?"} is not supported: ${EXPORT_EN}`,
    );
  if (ellipsoid.kind === "other" || (ellipsoid.kind === "grs80" && (shifted || tokyo)))
    return refuse(
      `TM 좌표이지만 ${datumKo}입니다: 이 검사기는 Korea 2000(GRS80)과 Korean 1985(Bessel) 측지계만 압니다. ${EXPORT_KO}`,
      `a TM plane on the ${datumEn}: this checker knows the Korea 2000 (GRS80) and Korean 1985 (Bessel) datums only; ${EXPORT_EN}`,
    );
  const lon0 = paramOf(
    params,
    "centralmeridian",
    "longitudeofnaturalorigin",
    "longitudeofcenter",
    "longitudeoforigin",
  );
  const k0 = paramOf(params, "scalefactor", "scalefactoratnaturalorigin");
  const x0 = paramOf(params, "falseeasting");
  const y0 = paramOf(params, "falsenorthing");
  const lat0 = paramOf(params, "latitudeoforigin", "latitudeofnaturalorigin", "latitudeofcenter");
  const bessel = ellipsoid.kind === "bessel";
  const hit = tmPlanes().find(
    (s) =>
      s.bessel === bessel &&
      near(lon0, s.lon0Deg, 1e-6) &&
      near(k0, s.k0, 1e-9) &&
      near(x0, s.x0M, 1e-3) &&
      near(y0, s.y0M, 1e-3) &&
      near(lat0, 38, 1e-9),
  );
  if (hit) return { crs: hit.crs };
  const shown = `λ0=${lon0 ?? "?"}, φ0=${lat0 ?? "?"}, k=${k0 ?? "?"}, x0=${x0 ?? "?"}, y0=${y0 ?? "?"}, ${ellipsoid.name || "?"}`;
  return refuse(
    `TM 매개변수(${shown})가 지원하는 한국 좌표계(${SUPPORTED_CRS.join(", ")}) 중 어느 것과도 맞지 않습니다: ${EXPORT_KO}`,
    `its TM parameters (${shown}) match none of the Korean planes supported (${SUPPORTED_CRS.join(", ")}): ${EXPORT_EN}`,
  );
}

const near = (a: number | null, b: number, tol: number): boolean =>
  a !== null && Math.abs(a - b) <= tol;

/**
 * The CRS a .prj names, as "EPSG:xxxx", or null when it is none this checker can place exactly
 * (readPrj says why). Geographic WGS84/GRS80 lon/lat counts as EPSG:4326 (well under a metre).
 */
export function crsFromPrj(wkt: string): string | null {
  const reading = readPrj(wkt);
  return "crs" in reading ? reading.crs : null;
}
