/**
 * Coordinates as a planner types them into the search box: decimal degrees in either order
 * ("35.18, 128.08", "128.08 35.18", "35.18N 128.08E"), degrees-minutes-seconds
 * ("35°10'12\"N 128°5'E", "35도 10분 12초 북 128도 5분 동"), or TM easting/northing with its CRS
 * ("EPSG:5186 200000 500000", "5186: 200000, 500000"). Pure: text in, WGS84 position out.
 */
import { normalizeCrs, SUPPORTED_CRS, toLonLat } from "../measure";

export interface TypedPoint {
  /** WGS84 [lon, lat]. */
  lonLat: [number, number];
  /** The CRS the numbers were read in ("EPSG:4326" for degrees). */
  crs: string;
  /** True when the CRS was not typed and EPSG:5186 was taken (TM-sized numbers alone). */
  crsAssumed: boolean;
}

/** Where Korea lies, with a margin: the plausible answer when the order is not said. */
const KOREA = { lat: [32, 40] as const, lon: [123, 133] as const };
const inRange = (v: number, [lo, hi]: readonly [number, number]) => v >= lo && v <= hi;

const NUM = String.raw`[-+]?\d+(?:\.\d+)?`;
/** One angle: degrees, optional minutes and seconds, optional hemisphere (letters or Korean). */
const ANGLE = new RegExp(
  String.raw`(${NUM})\s*(?:°|º|도|d)\s*(?:(${NUM})\s*(?:'|′|’|분|m)\s*)?(?:(${NUM})\s*(?:"|″|”|''|초|s)\s*)?([NSEWnsew]|북|남|동|서)?`,
  "g",
);
const HEMI: Record<string, "lat" | "lon"> = { N: "lat", S: "lat", E: "lon", W: "lon" };
const KO_HEMI: Record<string, string> = { 북: "N", 남: "S", 동: "E", 서: "W" };

interface Angle {
  value: number;
  axis: "lat" | "lon" | null;
}

function signed(value: number, hemi: string | undefined): Angle {
  const h = hemi ? (KO_HEMI[hemi] ?? hemi.toUpperCase()) : undefined;
  const axis = h ? (HEMI[h] ?? null) : null;
  return { value: h === "S" || h === "W" ? -Math.abs(value) : value, axis };
}

/** Two angles as [lon, lat]: by their hemispheres, else by where Korea lies, else lat first. */
function order(a: Angle, b: Angle): [number, number] | null {
  let lon: number;
  let lat: number;
  if (a.axis === "lon" || b.axis === "lat") [lon, lat] = [a.value, b.value];
  else if (a.axis === "lat" || b.axis === "lon") [lat, lon] = [a.value, b.value];
  else if (inRange(a.value, KOREA.lon) && inRange(b.value, KOREA.lat))
    [lon, lat] = [a.value, b.value];
  else [lat, lon] = [a.value, b.value];
  if (Math.abs(lat) > 90 || Math.abs(lon) > 180) return null;
  return [lon, lat];
}

function parseDms(text: string): TypedPoint | null {
  const angles: Angle[] = [];
  for (const m of text.matchAll(ANGLE)) {
    const [, d, min, sec, hemi] = m;
    const deg = Number(d);
    const minutes = Number(min ?? 0);
    const seconds = Number(sec ?? 0);
    if (minutes >= 60 || seconds >= 60) return null;
    const value = Math.sign(deg || 1) * (Math.abs(deg) + minutes / 60 + seconds / 3600);
    angles.push(signed(value, hemi));
  }
  const [a, b] = angles;
  if (angles.length !== 2 || !a || !b) return null;
  const lonLat = order(a, b);
  return lonLat ? { lonLat, crs: "EPSG:4326", crsAssumed: false } : null;
}

/** Decimal degrees, each optionally with a hemisphere letter before or after. */
function parseDecimal(text: string): TypedPoint | null {
  const m = new RegExp(
    String.raw`^([NSEWnsew])?\s*(${NUM})\s*([NSEWnsew])?\s*[,\s]\s*([NSEWnsew])?\s*(${NUM})\s*([NSEWnsew])?$`,
  ).exec(text);
  if (!m) return null;
  const a = signed(Number(m[2]), m[1] ?? m[3]);
  const b = signed(Number(m[5]), m[4] ?? m[6]);
  if (Math.abs(a.value) > 180 || Math.abs(b.value) > 180) return null;
  const lonLat = order(a, b);
  return lonLat ? { lonLat, crs: "EPSG:4326", crsAssumed: false } : null;
}

/** The CRS named in the text ("EPSG:5186", "epsg 5186", a bare "5186"), and the text without it. */
function takeCrs(text: string): { crs: string | null; rest: string } {
  const named = /(?:EPSG\s*[:：]?\s*)(\d{4,6})/i.exec(text);
  if (named?.[1]) {
    return { crs: normalizeCrs(`EPSG:${named[1]}`), rest: text.replace(named[0], " ") };
  }
  // A bare 4-digit code before the numbers ("5186: 200000 500000").
  const bare = /^\s*(\d{4})\s*[:：]\s*/.exec(text);
  if (bare?.[1] && SUPPORTED_CRS.includes(`EPSG:${bare[1]}`)) {
    return { crs: `EPSG:${bare[1]}`, rest: text.slice(bare[0].length) };
  }
  return { crs: null, rest: text };
}

/** TM easting and northing (metres) in a Korean CRS; 5186 taken (and said) when none is typed. */
function parseTm(text: string): TypedPoint | null {
  const { crs, rest } = takeCrs(text);
  const m = new RegExp(
    String.raw`^\s*(?:x\s*=?\s*)?(${NUM})\s*[,\s]\s*(?:y\s*=?\s*)?(${NUM})\s*$`,
    "i",
  ).exec(rest);
  if (!m) return null;
  const x = Number(m[1]);
  const y = Number(m[2]);
  const named = crs !== null;
  // Without a CRS, only numbers the size of Korean TM metres (not degrees) are read as TM.
  if (!named && (Math.abs(x) < 10_000 || Math.abs(y) < 10_000)) return null;
  const used = crs ?? "EPSG:5186";
  if (used === "EPSG:4326") return null;
  const [lon, lat] = toLonLat(used)([x, y]);
  if (lon === undefined || lat === undefined || !Number.isFinite(lon) || !Number.isFinite(lat)) {
    return null;
  }
  if (Math.abs(lat) > 90 || Math.abs(lon) > 180) return null;
  return { lonLat: [lon, lat], crs: used, crsAssumed: !named };
}

/** The position typed in `text`, or null when the text is not a coordinate pair. */
export function parseTypedPoint(text: string): TypedPoint | null {
  const t = text.trim();
  if (t === "") return null;
  if (/[°º′″도]/.test(t)) return parseDms(t);
  if (/epsg|^\s*\d{4}\s*[:：]/i.test(t)) return parseTm(t);
  return parseDecimal(t) ?? parseTm(t);
}
