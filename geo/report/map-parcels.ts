/**
 * The report's second map: the parcels at a scale a planner reads a designation map at (about
 * 1:5,000–1:25,000; coarser only when a parcel is too large for the panel on A4), each parcel
 * named with its area, and the hubs in view marked and named. Parcels far apart get panels of
 * their own side by side, all at one scale. Labels that would overlap are left out, largest
 * parcel first, hubs after. Pure: zone and hubs in, HTML (inline SVG) out.
 *
 * Sizes are in millimetres on paper: each SVG is given its width in mm, so "1:25,000" holds on
 * the printed A4 page (the app's screen view shows the same map, scaled).
 */
import type { MultiPolygon, Point, Polygon, Position } from "geojson";
import { geodesicAreaM2 } from "../measure";
import type { Hub, Lang, Zone } from "../types";
import { hubLabels, inLang } from "./labels";
import { type Bbox, escapeXml as esc, extend, ringsOf } from "./map";
import { SHAPE_COLOURS as C } from "./palette";

/** The printed width the panels share, mm (A4 less the report's margins). */
const ROW_MM = 176;
const HEIGHT_MM = 54;
const GAP_MM = 3;
const MAX_PANELS = 3;
/** The scales tried, finest first: the first at which every parcel fits in the panels wins. */
export const PARCEL_MAP_SCALES = [
  5_000, 10_000, 15_000, 20_000, 25_000, 30_000, 40_000, 50_000, 60_000, 80_000, 100_000,
];
const M_PER_DEG_LAT = 111_320;
/** SVG units per mm (0.1 mm units: whole numbers are fine enough). */
const U = 10;
const FONT_MM = 2.6;
const LABELLED = 300;

export interface ParcelPanel {
  /** [west, south, east, north] of the panel's view, degrees. */
  view: Bbox;
  widthMm: number;
}

export interface ParcelMapLayout {
  /** The scale's denominator: 25000 for 1:25,000 on paper. */
  scale: number;
  panels: ParcelPanel[];
}

const boxOf = (g: Polygon | MultiPolygon): Bbox => {
  const b: Bbox = [Infinity, Infinity, -Infinity, -Infinity];
  for (const ring of ringsOf(g)) for (const p of ring) extend(b, p);
  return b;
};

const within = (inner: Bbox, outer: Bbox): boolean =>
  inner[0] >= outer[0] && inner[1] >= outer[1] && inner[2] <= outer[2] && inner[3] <= outer[3];

/**
 * The finest scale, and the fewest panels at it, that show every parcel whole: parcels largest
 * first, each in the first panel that holds it, else in a new panel centred on it.
 */
export function parcelMapLayout(zone: Zone): ParcelMapLayout | null {
  const boxes = zone.parcels
    .map((p) => ({ box: boxOf(p.geometry), m2: geodesicAreaM2(p.geometry) }))
    .filter((p) => p.box[0] <= p.box[2])
    .sort((a, b) => b.m2 - a.m2)
    .map((p) => p.box);
  if (boxes.length === 0) return null;
  const lat0 = ((boxes[0]?.[1] ?? 0) + (boxes[0]?.[3] ?? 0)) / 2;
  const mPerDegLon = M_PER_DEG_LAT * Math.cos((lat0 * Math.PI) / 180);
  let fallback: ParcelMapLayout | null = null;
  for (const scale of PARCEL_MAP_SCALES) {
    for (let n = 1; n <= MAX_PANELS; n++) {
      const widthMm = (ROW_MM - (n - 1) * GAP_MM) / n;
      const halfW = (widthMm * scale) / 1000 / mPerDegLon / 2;
      const halfH = (HEIGHT_MM * scale) / 1000 / M_PER_DEG_LAT / 2;
      const views: Bbox[] = [];
      let fits = true;
      for (const b of boxes) {
        if (views.some((v) => within(b, v))) continue;
        const [cx, cy] = [(b[0] + b[2]) / 2, (b[1] + b[3]) / 2];
        const view: Bbox = [cx - halfW, cy - halfH, cx + halfW, cy + halfH];
        if (!within(b, view) || views.length === n) {
          fits = false;
          break;
        }
        views.push(view);
      }
      const layout = { scale, panels: views.map((view) => ({ view, widthMm })) };
      if (fits) return layout;
      // The coarsest scale with the largest parcel in one panel: better than no map at all.
      if (n === 1 && scale === PARCEL_MAP_SCALES.at(-1)) fallback = layout;
    }
  }
  return fallback;
}

interface Placed {
  x0: number;
  y0: number;
  x1: number;
  y1: number;
}

/** Text width estimate in mm: Hangul and other wide characters a full em, the rest about half. */
function textWidthMm(text: string, fontMm: number): number {
  let em = 0;
  for (const ch of text) em += (ch.codePointAt(0) ?? 0) > 0x2e80 ? 1 : 0.58;
  return em * fontMm;
}

const clash = (a: Placed, b: Placed): boolean =>
  a.x0 < b.x1 && b.x0 < a.x1 && a.y0 < b.y1 && b.y0 < a.y1;

function areaText(m2: number, lang: Lang): string {
  const km2 = m2 / 1e6;
  return `${km2.toFixed(km2 < 0.1 ? 4 : 3)} ${lang === "en" ? "km²" : "㎢"}`;
}

/** A point inside the parcel for its label: the grid point farthest from the edges it can find. */
function insidePoint(g: Polygon | MultiPolygon): Position {
  const polys = g.type === "Polygon" ? [g.coordinates] : g.coordinates;
  const biggest = polys.reduce((a, b) => (boxArea(boxOf2(b)) > boxArea(boxOf2(a)) ? b : a));
  const b = boxOf2(biggest);
  const n = 16;
  let best: Position = [(b[0] + b[2]) / 2, (b[1] + b[3]) / 2];
  let bestD = -1;
  for (let i = 1; i < n; i++) {
    for (let j = 1; j < n; j++) {
      const p: Position = [b[0] + ((b[2] - b[0]) * i) / n, b[1] + ((b[3] - b[1]) * j) / n];
      if (!inPolygon(p, biggest)) continue;
      const d = edgeDistance(p, biggest, Math.cos(((p[1] ?? 0) * Math.PI) / 180));
      if (d > bestD) [best, bestD] = [p, d];
    }
  }
  return best;
}

const boxOf2 = (poly: Position[][]): Bbox => {
  const b: Bbox = [Infinity, Infinity, -Infinity, -Infinity];
  for (const p of poly[0] ?? []) extend(b, p);
  return b;
};
const boxArea = (b: Bbox): number => (b[2] - b[0]) * (b[3] - b[1]);

function inPolygon(p: Position, poly: Position[][]): boolean {
  let inside = false;
  const [x = 0, y = 0] = p;
  for (const ring of poly) {
    for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
      const [xi = 0, yi = 0] = ring[i] ?? [];
      const [xj = 0, yj = 0] = ring[j] ?? [];
      if (yi > y !== yj > y && x < ((xj - xi) * (y - yi)) / (yj - yi) + xi) inside = !inside;
    }
  }
  return inside;
}

function edgeDistance(p: Position, poly: Position[][], k: number): number {
  const [px = 0, py = 0] = p;
  let best = Infinity;
  for (const ring of poly) {
    for (let i = 1; i < ring.length; i++) {
      const [ax = 0, ay = 0] = ring[i - 1] ?? [];
      const [bx = 0, by = 0] = ring[i] ?? [];
      const [dx, dy] = [(bx - ax) * k, by - ay];
      const len2 = dx * dx + dy * dy;
      const t =
        len2 === 0 ? 0 : Math.max(0, Math.min(1, ((px - ax) * k * dx + (py - ay) * dy) / len2));
      best = Math.min(best, Math.hypot((px - ax) * k - t * dx, py - ay - t * dy));
    }
  }
  return best;
}

const hubPoint = (g: Point | Polygon | MultiPolygon): Position =>
  g.type === "Point" ? g.coordinates : insidePoint(g);

/** One panel's SVG: parcels, hubs in view, labels that don't collide, a scale bar. */
function panelSvg(
  zone: Zone,
  hubs: readonly Hub[],
  panel: ParcelPanel,
  scale: number,
  lang: Lang,
  title: string,
): string {
  const [w, s, e, n] = panel.view;
  const k = Math.cos((((s + n) / 2) * Math.PI) / 180);
  const mmPerDegLat = (M_PER_DEG_LAT * 1000) / scale;
  const project = ([lon = 0, lat = 0]: Position): [number, number] => [
    Math.round((lon - w) * k * mmPerDegLat * U),
    Math.round((n - lat) * mmPerDegLat * U),
  ];
  const [W, H] = [Math.round(panel.widthMm * U), HEIGHT_MM * U];
  const path = (rings: Position[][]) =>
    rings.map((r) => `M${r.map((p) => project(p).join(",")).join("L")}Z`).join("");
  const inView = (b: Bbox) => b[2] >= w && b[0] <= e && b[3] >= s && b[1] <= n;
  const taken: Placed[] = [];
  const labels: string[] = [];
  /** Place a label of lines centred at (x, y) (or beside it, with dx), if it collides with none. */
  const place = (
    lines: string[],
    x: number,
    y: number,
    cls: string,
    anchor = "middle",
  ): boolean => {
    const fontU = FONT_MM * U;
    const wide = Math.max(...lines.map((l) => textWidthMm(l, FONT_MM))) * U;
    const tall = lines.length * fontU * 1.2;
    const x0 = anchor === "middle" ? x - wide / 2 : anchor === "start" ? x : x - wide;
    const box = { x0, y0: y - tall / 2, x1: x0 + wide, y1: y + tall / 2 };
    if (box.x0 < 0 || box.x1 > W || box.y0 < 0 || box.y1 > H) return false;
    if (taken.some((t) => clash(t, box))) return false;
    taken.push(box);
    const tspans = lines
      .map(
        (l, i) =>
          `<tspan x="${Math.round(x)}" dy="${i === 0 ? Math.round(-tall / 2 + fontU * 0.95) : Math.round(fontU * 1.2)}">${esc(l)}</tspan>`,
      )
      .join("");
    labels.push(
      `<text class="${cls}" text-anchor="${anchor}" x="${Math.round(x)}" y="${Math.round(y)}">${tspans}</text>`,
    );
    return true;
  };
  const parcels = zone.parcels
    .filter((p) => inView(boxOf(p.geometry)))
    .map((p) => ({ p, m2: geodesicAreaM2(p.geometry) }))
    .sort((a, b) => b.m2 - a.m2);
  const shapes = parcels
    .map(({ p }) => `<path class="parcel" fill-rule="evenodd" d="${path(ringsOf(p.geometry))}" />`)
    .join("");
  // The largest LABELLED only: past a few hundred labels none would find room on a panel, and
  // each label point scans its parcel's edges (a hostile file may hold 100,000 parcels).
  for (const { p, m2 } of parcels.slice(0, LABELLED)) {
    const [x, y] = project(insidePoint(p.geometry));
    place(
      [p.name && p.name !== p.id ? `${p.id} ${p.name}` : p.id, areaText(m2, lang)],
      x,
      y,
      "label",
    );
  }
  const shown = hubs.filter((h) => {
    const g = h.geometry;
    return g.type === "Point"
      ? inView([...g.coordinates, ...g.coordinates] as Bbox)
      : inView(boxOf(g));
  });
  const marks = shown.map((h) => {
    const [x, y] = project(hubPoint(h.geometry));
    const area =
      h.geometry.type === "Point"
        ? ""
        : `<path class="hub-area" d="${path(ringsOf(h.geometry))}" />`;
    return {
      h,
      x,
      y,
      svg: `${area}<path class="hub" d="M${x},${y - 16}L${x + 14},${y + 10}L${x - 14},${y + 10}Z" />`,
    };
  });
  for (const { h, x, y } of marks) {
    const text = [`${h.name} (${inLang(hubLabels(h.type), lang)})`];
    // Right, left, above, below the mark: the first spot free of other labels.
    const spots: [number, number, string][] = [
      [x + 22, y, "start"],
      [x - 22, y, "end"],
      [x, y - 34, "middle"],
      [x, y + 38, "middle"],
    ];
    spots.some(([sx, sy, anchor]) => place(text, sx, sy, "hub-label", anchor));
  }
  const bar = scaleBar(scale);
  return `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${W} ${H}" style="width:${panel.widthMm.toFixed(1)}mm" role="img" aria-label="${esc(title)}"><style>.parcel{fill:${C.parcel}44;stroke:${C.parcelEdge};stroke-width:5}.hub-area{fill:#2b8a3e22;stroke:#2b8a3e;stroke-width:3;stroke-dasharray:10 6}.hub{fill:#2b8a3e;stroke:#fff;stroke-width:3}.label,.hub-label{font-size:${FONT_MM * U}px;paint-order:stroke;stroke:#fff;stroke-width:6;stroke-linejoin:round}.label{font-weight:700;fill:#000}.hub-label{fill:#1b5e20}.scale path{stroke:#000;stroke-width:5;fill:none}.scale text{font-size:22px}</style><rect width="100%" height="100%" fill="#fbfaf5" />${shapes}${marks.map((m) => m.svg).join("")}${labels.join("")}<g class="scale" transform="translate(30 ${H - 30})"><path d="M0,0h${bar.lengthU}" /><text y="-10">${bar.text}</text></g></svg>`;
}

/** A scale bar of a round length near 30 mm on paper. */
function scaleBar(scale: number): { lengthU: number; text: string } {
  const targetM = (30 * scale) / 1000;
  const steps = [100, 200, 250, 500, 1000, 2000];
  const m = steps.reduce((a, b) => (Math.abs(b - targetM) < Math.abs(a - targetM) ? b : a));
  return {
    lengthU: Math.round(((m * 1000) / scale) * U),
    text: m >= 1000 ? `${m / 1000} km` : `${m} m`,
  };
}

/** The parcel-scale map as HTML: its panels in one row, and the scale as printed on A4. */
export function parcelMapHtml(
  zone: Zone,
  hubs: readonly Hub[],
  lang: Lang,
  title: string,
): { html: string; scale: number } | null {
  const layout = parcelMapLayout(zone);
  if (!layout) return null;
  const svgs = layout.panels
    .map((p) => panelSvg(zone, hubs, p, layout.scale, lang, title))
    .join("");
  return { html: `<div class="parcel-maps">${svgs}</div>`, scale: layout.scale };
}
