/**
 * The report's map: an inline SVG of the parcels, the envelope and the 시·도 (and, once provided,
 * 시·군·구) outlines, so the printed page needs no tiles, fonts or network. Equirectangular scaled by cos(latitude) at the
 * map's centre: at zone scale (tens of km) that keeps shapes true to well under a percent,
 * which is all a paper map for matching a filing needs. Pure: zone in, SVG text out.
 */
import type { MultiPolygon, Polygon, Position } from "geojson";
import { envelopeOutline } from "../envelope";
import { showInvisible } from "../sanitize";
import { sidoBoundaryFile, sigunguOutlines } from "../sido";
import type { Envelope, Zone } from "../types";
import type { MapEnvelope } from "./map-envelope";
import { SHAPE_COLOURS as C } from "./palette";

const WIDTH = 1000;
const KM_PER_DEG_LAT = 111.32;

export type Bbox = [number, number, number, number];

export function extend(b: Bbox, p: Position): void {
  const [x = 0, y = 0] = p;
  b[0] = Math.min(b[0], x);
  b[1] = Math.min(b[1], y);
  b[2] = Math.max(b[2], x);
  b[3] = Math.max(b[3], y);
}

export function ringsOf(g: Polygon | MultiPolygon): Position[][] {
  return g.type === "Polygon" ? g.coordinates : g.coordinates.flat();
}

/** The envelope as rings to draw: its one outline (envelopeOutline), and a belt's axis. */
export function envelopeRings(e: Envelope): { rings: Position[][]; line?: Position[] } {
  const rings = envelopeOutline(e).coordinates;
  return e.shape === "belt" ? { rings, line: e.axis } : { rings };
}

export interface Frame {
  project: (p: Position) => [number, number];
  height: number;
  view: Bbox;
  kmPerUnit: number;
}

export function frameFor(b: Bbox): Frame {
  const lat0 = (b[1] + b[3]) / 2;
  const k = Math.cos((lat0 * Math.PI) / 180);
  const padX = Math.max((b[2] - b[0]) * 0.08, 0.005);
  const padY = Math.max((b[3] - b[1]) * 0.08, 0.005);
  const view: Bbox = [b[0] - padX, b[1] - padY, b[2] + padX, b[3] + padY];
  const spanX = (view[2] - view[0]) * k;
  const spanY = view[3] - view[1];
  const scale = WIDTH / spanX;
  const height = Math.min(Math.max(spanY * scale, 300), 1400);
  const yOffset = (height - spanY * scale) / 2;
  return {
    project: ([lon = 0, lat = 0]) => [
      Math.round((lon - view[0]) * k * scale * 10) / 10,
      Math.round(((view[3] - lat) * scale + yOffset) * 10) / 10,
    ],
    height: Math.round(height),
    view,
    kmPerUnit: KM_PER_DEG_LAT / scale,
  };
}

export function pathOf(rings: Position[][], f: Frame): string {
  return rings.map((ring) => `M${ring.map((p) => f.project(p).join(",")).join("L")}Z`).join("");
}

interface SidoFeature {
  properties: { code: string; name: string };
  geometry: Polygon | MultiPolygon;
}

export function sidoPaths(f: Frame): string {
  const out: string[] = [];
  for (const feature of (sidoBoundaryFile() as { features: SidoFeature[] }).features) {
    const rings = ringsOf(feature.geometry);
    const b: Bbox = [Infinity, Infinity, -Infinity, -Infinity];
    for (const ring of rings) for (const p of ring) extend(b, p);
    if (b[2] < f.view[0] || b[0] > f.view[2] || b[3] < f.view[1] || b[1] > f.view[3]) continue;
    out.push(
      `<path class="sido" d="${pathOf(rings, f)}"><title>${escapeXml(feature.properties.name)}</title></path>`,
    );
  }
  return out.join("");
}

/** The 시·군·구 outlines in view, when the boundaries have been provided (thin, under the 시·도). */
export function sigunguPaths(f: Frame): string {
  const out: string[] = [];
  for (const s of sigunguOutlines()) {
    const rings = ringsOf(s.geometry);
    const b: Bbox = [Infinity, Infinity, -Infinity, -Infinity];
    for (const ring of rings) for (const p of ring) extend(b, p);
    if (b[2] < f.view[0] || b[0] > f.view[2] || b[3] < f.view[1] || b[1] > f.view[3]) continue;
    out.push(
      `<path class="sigungu" d="${pathOf(rings, f)}"><title>${escapeXml(s.name)}</title></path>`,
    );
  }
  return out.join("");
}

/** A scale bar of a round length near a fifth of the map's width. */
export function scaleBar(f: Frame): string {
  const targetKm = (WIDTH / 5) * f.kmPerUnit;
  const steps = [0.5, 1, 2, 5, 10, 20, 50, 100];
  const km = steps.reduce((best, s) =>
    Math.abs(s - targetKm) < Math.abs(best - targetKm) ? s : best,
  );
  const px = Math.round(km / f.kmPerUnit);
  const y = f.height - 24;
  return `<g class="scale"><path d="M20,${y}h${px}" /><text x="20" y="${y - 6}">${km} km</text></g>`;
}

/**
 * The map as an SVG element (width 100% in CSS), viewBox 1000 units wide. `drawn` is the shape to
 * draw (mapEnvelope): the zone's own envelope dashed, or the smallest enclosing circle the checker
 * inferred dotted; red when over its limit, blue within it.
 */
export function reportMapSvg(
  zone: Zone,
  title: string,
  drawn: MapEnvelope = { envelope: zone.envelope, inferred: false, over: false },
): string {
  const env = drawn.envelope ? envelopeRings(drawn.envelope) : null;
  const envClass = `${drawn.inferred ? "enclosing" : "envelope"}${drawn.over ? " over" : ""}`;
  const b: Bbox = [Infinity, Infinity, -Infinity, -Infinity];
  for (const p of zone.parcels)
    for (const ring of ringsOf(p.geometry)) for (const q of ring) extend(b, q);
  for (const ring of env?.rings ?? []) for (const q of ring) extend(b, q);
  const f = frameFor(b);
  const parcels = zone.parcels
    .map((p) => {
      const [x, y] = f.project(labelPoint(p.geometry));
      return `<path class="parcel" fill-rule="evenodd" d="${pathOf(ringsOf(p.geometry), f)}" /><text class="label" x="${x}" y="${y}">${escapeXml(p.id)}</text>`;
    })
    .join("");
  const envelopePath = env
    ? `<path class="${envClass}" d="${pathOf(env.rings, f)}" />${env.line ? `<path class="axis${drawn.over ? " over" : ""}" d="M${env.line.map((p) => f.project(p).join(",")).join("L")}" />` : ""}`
    : "";
  return `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${WIDTH} ${f.height}" role="img" aria-label="${escapeXml(title)}"><style>.sido{fill:#f4f4f0;stroke:#888;stroke-width:1.2}.sigungu{fill:none;stroke:#b0a890;stroke-width:0.8}.parcel{fill:${C.parcel}55;stroke:${C.parcelEdge};stroke-width:2}.envelope,.enclosing{fill:none;stroke:${C.envelope};stroke-width:2.5;stroke-dasharray:10 6}.enclosing{stroke:${C.within};stroke-dasharray:3 5}.axis{fill:none;stroke:${C.envelope};stroke-width:2}.over{stroke:${C.over}}.label{font-size:30px;font-weight:700;text-anchor:middle;fill:#000;paint-order:stroke;stroke:#fff;stroke-width:4}.scale path{stroke:#000;stroke-width:3}.scale text{font-size:26px}</style><rect width="100%" height="100%" fill="#e8f1f8" />${sidoPaths(f)}${sigunguPaths(f)}${envelopePath}${parcels}${scaleBar(f)}</svg>`;
}

/** Where a parcel's id goes: the centre of its first outer ring's bounding box. */
export function labelPoint(g: Polygon | MultiPolygon): Position {
  const b: Bbox = [Infinity, Infinity, -Infinity, -Infinity];
  for (const p of ringsOf(g)[0] ?? []) extend(b, p);
  return [(b[0] + b[2]) / 2, (b[1] + b[3]) / 2];
}

/** Text safe inside XML/HTML text and attribute values. */
export function escapeXml(text: string): string {
  // Bidi controls and line separators shown as "[U+202E]", then the markup characters escaped.
  return showInvisible(text).replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}
