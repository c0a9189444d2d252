/**
 * Places the search box finds by name, from our own data only (offline): the 시·도 and
 * 시·군·구 boundaries, hubs and the names of imported layers. Pure: names and boxes in, ranked
 * matches out.
 */
import type { Feature, FeatureCollection, Geometry, Position } from "geojson";

export type PlaceKind = "sido" | "sigungu" | "hub" | "layer";

/** [west, south, east, north] in degrees. */
export type Bbox = [number, number, number, number];

export interface Place {
  kind: PlaceKind;
  name: string;
  nameEn?: string;
  /** Other names it goes by ("경남" for 경상남도). */
  aliases?: string[];
  /** Shown beside the name: the 시·도 of a 시·군·구, the layer of a hub. */
  detail?: string;
  bbox: Bbox;
}

/** The short forms of the 시·도 names everyone writes (경남, 충북 …), by ISO 3166-2:KR code. */
export const SIDO_SHORT: Readonly<Record<string, string>> = {
  "KR-11": "서울",
  "KR-26": "부산",
  "KR-27": "대구",
  "KR-28": "인천",
  "KR-29": "광주",
  "KR-30": "대전",
  "KR-31": "울산",
  "KR-50": "세종",
  "KR-41": "경기",
  "KR-42": "강원",
  "KR-43": "충북",
  "KR-44": "충남",
  "KR-45": "전북",
  "KR-46": "전남",
  "KR-47": "경북",
  "KR-48": "경남",
  "KR-49": "제주",
};

/** The box around every position of a geometry (null for an empty one). */
export function bboxOf(g: Geometry | null): Bbox | null {
  if (!g) return null;
  const box: Bbox = [Infinity, Infinity, -Infinity, -Infinity];
  const add = (p: Position) => {
    const [x, y] = p;
    if (x === undefined || y === undefined) return;
    box[0] = Math.min(box[0], x);
    box[1] = Math.min(box[1], y);
    box[2] = Math.max(box[2], x);
    box[3] = Math.max(box[3], y);
  };
  const walk = (c: unknown): void => {
    if (Array.isArray(c) && typeof c[0] === "number") add(c as Position);
    else if (Array.isArray(c)) for (const x of c) walk(x);
  };
  if (g.type === "GeometryCollection") for (const x of g.geometries) walk(bboxCoords(x));
  else walk(g.coordinates);
  return Number.isFinite(box[0]) ? box : null;
}

function bboxCoords(g: Geometry): unknown {
  return g.type === "GeometryCollection" ? g.geometries.map(bboxCoords) : g.coordinates;
}

/**
 * Places from a boundary collection whose features carry `name` (and `nameEn`, `sido`):
 * public/data/sido.json and sigungu.json. `detailOf` names what a feature lies in.
 */
export function boundaryPlaces(
  fc: FeatureCollection,
  kind: "sido" | "sigungu",
  detailOf: (f: Feature) => string | undefined = () => undefined,
): Place[] {
  const out: Place[] = [];
  for (const f of fc.features) {
    const name = f.properties?.name;
    const bbox = bboxOf(f.geometry);
    if (typeof name !== "string" || !bbox) continue;
    const nameEn = f.properties?.nameEn;
    const detail = detailOf(f);
    const short = kind === "sido" ? SIDO_SHORT[String(f.properties?.code)] : undefined;
    out.push({
      kind,
      name,
      bbox,
      ...(short ? { aliases: [short] } : {}),
      ...(typeof nameEn === "string" ? { nameEn } : {}),
      ...(detail ? { detail } : {}),
    });
  }
  return out;
}

/** Folded for matching: no spaces or middle dots, lower case ("시·군·구" ~ "시군구"). */
export function foldName(s: string): string {
  return s
    .normalize("NFC")
    .toLowerCase()
    .replace(/[\s·・.\-_]/g, "");
}

const KIND_RANK: Record<PlaceKind, number> = { sido: 0, sigungu: 1, layer: 2, hub: 3 };

/**
 * The places whose name (Korean or English) matches `query`: whole name first, then names that
 * start with it, then names that contain it; within each, 시·도 before 시·군·구 before the rest.
 * Every word of a query of several ("경남 진주") must match the name or its detail.
 */
export function searchPlaces(query: string, places: readonly Place[], limit = 8): Place[] {
  const words = query.trim().split(/\s+/).map(foldName).filter(Boolean);
  if (words.length === 0) return [];
  const scored: { place: Place; score: number; i: number }[] = [];
  const last = words[words.length - 1] ?? "";
  const earlier = words.slice(0, -1);
  const rank = (n: string) => (n === last ? 0 : n.startsWith(last) ? 1 : n.includes(last) ? 2 : 9);
  places.forEach((place, i) => {
    const names = [place.name, place.nameEn ?? "", ...(place.aliases ?? [])]
      .map(foldName)
      .filter(Boolean);
    const detail = foldName(place.detail ?? "");
    const score = Math.min(...names.map(rank));
    if (score >= 9) return;
    // Earlier words may name what the place lies in ("경상남도 진주").
    const inside = (w: string) => names.some((n) => n.includes(w)) || detail.includes(w);
    if (earlier.every(inside)) scored.push({ place, score, i });
  });
  scored.sort(
    (a, b) => a.score - b.score || KIND_RANK[a.place.kind] - KIND_RANK[b.place.kind] || a.i - b.i,
  );
  return scored.slice(0, limit).map((s) => s.place);
}
