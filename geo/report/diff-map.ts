/**
 * Both versions of a zone on one map: parcels added green, removed red, kept grey, and a
 * reshaped parcel as its new shape green over its old outline dashed red; the old envelope
 * dashed grey, the new one dashed blue. The report's own frame, boundaries and scale bar
 * (map.ts), so the two maps read alike. Pure: zones in, SVG text out.
 */
import type { DiffSide, ZoneDiff } from "../diff";
import type { Envelope, Parcel } from "../types";
import {
  type Bbox,
  envelopeRings,
  escapeXml,
  extend,
  type Frame,
  frameFor,
  labelPoint,
  pathOf,
  ringsOf,
  scaleBar,
  sidoPaths,
  sigunguPaths,
} from "./map";
import { mapEnvelope } from "./map-envelope";

const WIDTH = 1000;

const STYLE =
  ".sido{fill:#f4f4f0;stroke:#888;stroke-width:1.2}.sigungu{fill:none;stroke:#b0a890;stroke-width:0.8}" +
  ".kept{fill:#8888887a;stroke:#555;stroke-width:2}.added{fill:#2b8a3e88;stroke:#1b5e20;stroke-width:2.5}" +
  ".removed{fill:#c9213588;stroke:#8b0000;stroke-width:2.5}.was{fill:none;stroke:#c92135;stroke-width:2.5;stroke-dasharray:8 5}" +
  ".env-old{fill:none;stroke:#777;stroke-width:2.5;stroke-dasharray:10 6}.env-new{fill:none;stroke:#1c5fb8;stroke-width:2.5;stroke-dasharray:10 6}" +
  ".label{font-size:28px;font-weight:700;text-anchor:middle;fill:#000;paint-order:stroke;stroke:#fff;stroke-width:4}" +
  ".scale path{stroke:#000;stroke-width:3}.scale text{font-size:26px}";

function parcelPath(p: Parcel, cls: string, f: Frame, label = true): string {
  const [x, y] = f.project(labelPoint(p.geometry));
  const text = label ? `<text class="label" x="${x}" y="${y}">${escapeXml(p.id)}</text>` : "";
  return `<path class="${cls}" fill-rule="evenodd" d="${pathOf(ringsOf(p.geometry), f)}"><title>${escapeXml(p.id)}</title></path>${text}`;
}

function envelopePath(e: Envelope | null, cls: string, f: Frame): string {
  if (!e) return "";
  const { rings, line } = envelopeRings(e);
  const axis = line
    ? `<path class="${cls}" d="M${line.map((p) => f.project(p).join(",")).join("L")}" />`
    : "";
  return `<path class="${cls}" d="${pathOf(rings, f)}" />${axis}`;
}

/** The envelope each version was judged on: the filed one, else the inferred circle. */
const judged = (s: DiffSide): Envelope | null => mapEnvelope(s.report, s.zone).envelope;

export function diffMapSvg(older: DiffSide, newer: DiffSide, d: ZoneDiff, title: string): string {
  const envOld = judged(older);
  const envNew = judged(newer);
  const b: Bbox = [Infinity, Infinity, -Infinity, -Infinity];
  for (const z of [older.zone, newer.zone])
    for (const p of z.parcels)
      for (const ring of ringsOf(p.geometry)) for (const q of ring) extend(b, q);
  for (const e of [envOld, envNew])
    if (e) for (const ring of envelopeRings(e).rings) for (const q of ring) extend(b, q);
  const f = frameFor(b);
  const removedIds = new Set(d.parcels.removed.map((p) => p.id));
  const addedIds = new Set(d.parcels.added.map((p) => p.id));
  const reshapedOld = new Set(d.parcels.reshaped.map((p) => p.oldId));
  const reshapedNew = new Set(d.parcels.reshaped.map((p) => p.newId));
  const removed = older.zone.parcels
    .filter((p) => removedIds.has(p.id))
    .map((p) => parcelPath(p, "removed", f));
  const was = older.zone.parcels
    .filter((p) => reshapedOld.has(p.id))
    .map((p) => parcelPath(p, "was", f, false));
  const current = newer.zone.parcels.map((p) =>
    parcelPath(p, addedIds.has(p.id) || reshapedNew.has(p.id) ? "added" : "kept", f),
  );
  return `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${WIDTH} ${f.height}" role="img" aria-label="${escapeXml(title)}"><style>${STYLE}</style><rect width="100%" height="100%" fill="#e8f1f8" />${sidoPaths(f)}${sigunguPaths(f)}${envelopePath(envOld, "env-old", f)}${envelopePath(envNew, "env-new", f)}${removed.join("")}${current.join("")}${was.join("")}${scaleBar(f)}</svg>`;
}
