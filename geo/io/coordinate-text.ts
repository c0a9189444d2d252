/**
 * Coordinates typed or pasted by hand (the app's 좌표 입력, the keyboard way to draw): a parcel's
 * vertices as `lon lat` pairs, TM x/y in a named CRS, WKT or GeoJSON; a circle envelope as a
 * centre and a radius; a belt as its axis vertices and a half-width. Pure: text in, WGS84
 * geometry out, or a FilingError saying in Korean and English which entry is wrong and why.
 */
import type { Geometry, LineString, Point, Polygon, Position } from "geojson";
import { FilingError } from "../errors";
import { normalizeCrs, toLonLat } from "../measure";
import { rewind } from "./rewind";

/** What the typed text is meant to be. */
export type CoordinateEntryKind =
  | "parcel"
  | "envelope-circle"
  | "envelope-belt"
  | "envelope-polygon";

export interface CoordinateEntryInput {
  kind: CoordinateEntryKind;
  /** The coordinates as typed: pairs, WKT or GeoJSON (a circle: its centre pair). */
  text: string;
  /** The CRS of typed pairs and WKT ("EPSG:4326" for lon/lat, a TM belt for x/y in metres). */
  crs: string;
  /** A circle's radius or a belt's half-width, km, as typed. */
  sizeKm?: string;
}

export type CoordinateEntry =
  | { kind: "parcel"; geometry: Polygon }
  | { kind: "envelope-circle"; center: Position; radiusKm: number }
  | { kind: "envelope-belt"; axis: Position[]; halfWidthKm: number }
  | { kind: "envelope-polygon"; geometry: Polygon };

function bad(ko: string, en: string): FilingError {
  return new FilingError("BAD_COORDINATES", ko, en);
}

const NUMBER = /^[-+]?(\d+(\.\d*)?|\.\d+)([eE][-+]?\d+)?$/;

/** "128.10 35.17, 128.12 35.17; …" or one pair a line ("x,y" or "x<TAB>y" from a spreadsheet). */
export function parsePairs(text: string): Position[] {
  const lines = text
    .split(/\r?\n/)
    .map((l) => l.trim())
    .filter((l) => l.length > 0);
  // One pair a line when every line holds exactly two numbers (commas then separate x from y).
  const perLine =
    lines.length >= 1 &&
    lines.every((l) => l.split(/[\s,;]+/).filter((w) => w.length > 0).length === 2);
  const entries = perLine ? lines : text.split(/[,;\n]/).map((e) => e.trim());
  const out: Position[] = [];
  entries.forEach((entry, i) => {
    if (entry.length === 0) {
      if (perLine || i === entries.length - 1) return;
      throw bad(
        `${i + 1}번째 좌표가 비어 있습니다 (쉼표가 두 번 이어짐)`,
        `Coordinate ${i + 1} is empty (two commas in a row)`,
      );
    }
    const words = entry.split(/[\s,;()[\]]+/).filter((w) => w.length > 0);
    if (words.length !== 2) {
      throw bad(
        `${i + 1}번째 좌표 "${entry}": 숫자 두 개(경도 위도 또는 x y)여야 합니다`,
        `Coordinate ${i + 1} "${entry}": needs two numbers (lon lat, or x y)`,
      );
    }
    const nums = words.map((w) => (NUMBER.test(w) ? Number(w) : Number.NaN));
    if (!nums.every(Number.isFinite)) {
      throw bad(
        `${i + 1}번째 좌표 "${entry}": 숫자가 아닙니다`,
        `Coordinate ${i + 1} "${entry}": not a number`,
      );
    }
    out.push(nums);
  });
  return out;
}

/** WKT POLYGON / LINESTRING / POINT (one ring: holes are not drawn by hand). */
function parseWkt(text: string): { type: string; positions: Position[] } {
  const m = /^\s*(POLYGON|LINESTRING|POINT)\s*(Z\s*)?\(\s*(\(?)([^()]*)\)?\s*(.*)\)\s*$/is.exec(
    text,
  );
  if (!m) {
    throw bad(
      "WKT를 읽지 못했습니다: POLYGON((x y, …)), LINESTRING(x y, …), POINT(x y)만 받습니다",
      "WKT not read: only POLYGON((x y, …)), LINESTRING(x y, …) and POINT(x y) are taken",
    );
  }
  const type = (m[1] as string).toUpperCase();
  if ((m[5] ?? "").trim().length > 0) {
    throw bad(
      "WKT 다각형은 바깥 고리 하나만 받습니다 (구멍은 파일로 가져오세요)",
      "A WKT polygon is taken with its outer ring only (import holes from a file)",
    );
  }
  return { type, positions: parsePairs(m[4] ?? "") };
}

function fromGeoJson(text: string): Geometry {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (e) {
    throw bad(`GeoJSON을 읽지 못했습니다: ${String(e)}`, `GeoJSON not read: ${String(e)}`);
  }
  let g = value as { type?: string; geometry?: unknown; features?: unknown[] } | null;
  if (g?.type === "FeatureCollection") {
    if (g.features?.length !== 1) {
      throw bad(
        `GeoJSON 피처가 ${g.features?.length ?? 0}개입니다: 하나씩 입력하세요`,
        `The GeoJSON has ${g.features?.length ?? 0} features: enter one at a time`,
      );
    }
    g = g.features[0] as typeof g;
  }
  if (g?.type === "Feature") g = g.geometry as typeof g;
  const geometry = g as Geometry | null;
  if (!geometry || !["Polygon", "LineString", "Point"].includes(geometry.type)) {
    throw bad(
      `GeoJSON 도형이 ${geometry?.type ?? "없음"}입니다: Polygon, LineString 또는 Point여야 합니다`,
      `The GeoJSON geometry is ${geometry?.type ?? "missing"}: it must be a Polygon, LineString or Point`,
    );
  }
  return geometry;
}

/** Text to positions and the shape they came as ("pairs" when bare). */
function readShape(text: string): { type: string; positions: Position[]; geoJson: boolean } {
  const t = text.trim();
  if (t.length === 0) throw bad("좌표를 입력하세요", "Enter the coordinates");
  if (t.startsWith("{")) {
    const g = fromGeoJson(t);
    const positions =
      g.type === "Polygon"
        ? ((g as Polygon).coordinates[0] ?? [])
        : g.type === "LineString"
          ? (g as LineString).coordinates
          : [(g as Point).coordinates];
    if ((g as Polygon).type === "Polygon" && (g as Polygon).coordinates.length > 1) {
      throw bad(
        "다각형은 바깥 고리 하나만 받습니다 (구멍은 파일로 가져오세요)",
        "A polygon is taken with its outer ring only (import holes from a file)",
      );
    }
    positions.forEach((p, i) => {
      if (!Array.isArray(p) || p.length < 2 || !p.slice(0, 2).every(Number.isFinite)) {
        throw bad(
          `${i + 1}번째 좌표가 숫자 쌍이 아닙니다`,
          `Coordinate ${i + 1} is not a number pair`,
        );
      }
    });
    return {
      type: g.type.toUpperCase(),
      positions: positions.map((p) => p.slice(0, 2)),
      geoJson: true,
    };
  }
  if (/^[a-z]/i.test(t)) {
    const w = parseWkt(t);
    return { ...w, geoJson: false };
  }
  return { type: "PAIRS", positions: parsePairs(t), geoJson: false };
}

/** To WGS84, refusing what can't be a place on Earth (or a lon/lat typed as TM and back). */
function toWgs84(positions: Position[], crs: string): Position[] {
  const key = normalizeCrs(crs);
  if (key === null) {
    throw bad(`좌표계 ${crs}는 지원하지 않습니다`, `The coordinate system ${crs} is not supported`);
  }
  if (key === "EPSG:4326") {
    positions.forEach((p, i) => {
      const [lon = 0, lat = 0] = p;
      if (Math.abs(lon) > 180 || Math.abs(lat) > 90) {
        throw bad(
          `${i + 1}번째 좌표 (${lon} ${lat})가 경위도 범위 밖입니다: TM 좌표라면 좌표계를 고르세요`,
          `Coordinate ${i + 1} (${lon} ${lat}) is outside lon/lat: for TM x/y pick the coordinate system`,
        );
      }
    });
    return positions.map((p) => p.slice(0, 2));
  }
  const convert = toLonLat(key);
  return positions.map((p, i) => {
    const [x = 0, y = 0] = p;
    if (Math.abs(x) <= 180 && Math.abs(y) <= 90) {
      throw bad(
        `${i + 1}번째 좌표 (${x} ${y})는 경위도로 보입니다: 좌표계를 경위도(EPSG:4326)로 고르세요`,
        `Coordinate ${i + 1} (${x} ${y}) looks like lon/lat: pick lon/lat (EPSG:4326) as the coordinate system`,
      );
    }
    const out = convert([x, y]);
    if (!out.every(Number.isFinite)) {
      throw bad(
        `${i + 1}번째 좌표 (${x} ${y})를 변환하지 못했습니다`,
        `Coordinate ${i + 1} (${x} ${y}) could not be converted`,
      );
    }
    return out;
  });
}

function samePos(a: Position | undefined, b: Position | undefined): boolean {
  return a !== undefined && b !== undefined && a[0] === b[0] && a[1] === b[1];
}

/** Positions to a closed ring of at least three distinct vertices, counter-clockwise. */
function ringPolygon(positions: Position[]): Polygon {
  const open = samePos(positions[0], positions[positions.length - 1])
    ? positions.slice(0, -1)
    : positions;
  const distinct = new Set(open.map((p) => `${p[0]} ${p[1]}`));
  if (distinct.size < 3) {
    throw bad(
      `꼭짓점이 ${distinct.size}개입니다: 필지에는 서로 다른 꼭짓점이 3개 이상 필요합니다`,
      `${distinct.size} vertices: a parcel needs at least 3 distinct vertices`,
    );
  }
  return rewind({ type: "Polygon", coordinates: [[...open, open[0] as Position]] });
}

function readSize(sizeKm: string | undefined, what: { ko: string; en: string }): number {
  const text = (sizeKm ?? "").trim();
  const km = NUMBER.test(text) ? Number(text) : Number.NaN;
  if (!Number.isFinite(km) || km <= 0) {
    throw bad(
      `${what.ko}은(는) 0보다 큰 숫자(km)여야 합니다: "${text}"`,
      `The ${what.en} must be a number of km above 0: "${text}"`,
    );
  }
  return km;
}

/** The typed entry as WGS84 geometry; a FilingError (BAD_COORDINATES) naming the wrong part. */
export function parseCoordinateEntry(input: CoordinateEntryInput): CoordinateEntry {
  const shape = readShape(input.text);
  // GeoJSON is WGS84 by RFC 7946; typed pairs and WKT are in the chosen CRS.
  const positions = toWgs84(shape.positions, shape.geoJson ? "EPSG:4326" : input.crs);
  switch (input.kind) {
    case "parcel":
    case "envelope-polygon": {
      if (shape.type === "LINESTRING" || shape.type === "POINT") {
        throw bad(
          `${shape.type}가 아니라 다각형(꼭짓점 3개 이상)을 입력하세요`,
          `Enter a polygon (3 or more vertices), not a ${shape.type}`,
        );
      }
      const geometry = ringPolygon(positions);
      return input.kind === "parcel"
        ? { kind: "parcel", geometry }
        : { kind: "envelope-polygon", geometry };
    }
    case "envelope-circle": {
      if (positions.length !== 1) {
        throw bad(
          `원의 중심은 좌표 하나입니다 (${positions.length}개 입력됨)`,
          `A circle's centre is one coordinate (${positions.length} given)`,
        );
      }
      const radiusKm = readSize(input.sizeKm, { ko: "반지름", en: "radius" });
      return { kind: "envelope-circle", center: positions[0] as Position, radiusKm };
    }
    case "envelope-belt": {
      const axis = positions.filter((p, i) => i === 0 || !samePos(p, positions[i - 1]));
      if (axis.length < 2) {
        throw bad(
          `띠의 축에는 서로 다른 꼭짓점이 2개 이상 필요합니다 (${axis.length}개)`,
          `A belt's axis needs at least 2 distinct vertices (${axis.length} given)`,
        );
      }
      const halfWidthKm = readSize(input.sizeKm, { ko: "반폭", en: "half-width" });
      return { kind: "envelope-belt", axis, halfWidthKm };
    }
  }
}
