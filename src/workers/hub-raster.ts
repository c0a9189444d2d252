/**
 * The hub points as raster tiles: every hub drawn once per tile in a Worker on an OffscreenCanvas
 * (its type's colour, a white stroke of one CSS pixel, the radius of the vector layer's
 * interpolation at the tile's zoom) and handed to the map as an ImageBitmap, which MapLibre then
 * draws as one textured square per tile every frame — as the cadastre's raster tiles are
 * (cadastre-raster.ts).
 *
 * Why: in software WebGL (SwiftShader: headless Chromium, office and VDI machines without a
 * usable GPU) the ≈ 7,000 hub circles in view at zoom 14 of the 100,000-hub drag bench cost
 * 30–45 ms of the GPU process's CPU on every frame of a drag or a pan (bench:frame-layers). The
 * hubs do not move while the user drags, so a tile drawn once serves every frame after it.
 *
 * Pure: the packing, the tile math and the drawing take plain arrays and a Pen; the Worker
 * (hubs.worker.ts) gives them an OffscreenCanvas.
 */
import KDBush from "kdbush";

/** The tiles are 256 CSS pixels a side; MapLibre's zoom is the tile's zoom − 1 (512-px world). */
export const HUB_TILE = 256;
/** The vector layer's `circle-radius`: linear from 3 px at map zoom 5 to 6 px at zoom 10, flat outside. */
export const RADIUS_STOPS: readonly [number, number][] = [
  [5, 3],
  [10, 6],
];
/** The white stroke around each hub, CSS pixels (the vector layer's `circle-stroke-width`). */
export const STROKE_PX = 1;
export const STROKE_COLOUR = "#ffffff";

/** The hubs as the Worker holds them: Web Mercator in the unit square and a colour index each. */
export interface PackedHubs {
  /** x0, y0, x1, y1, … (x east, y south, both 0–1). */
  xy: Float64Array;
  /** Index into `palette`, per hub. */
  colour: Uint8Array;
  palette: string[];
}

/** Web Mercator x in the unit square. */
export const mercX = (lon: number): number => lon / 360 + 0.5;
/** Web Mercator y in the unit square, growing south. */
export const mercY = (lat: number): number =>
  0.5 - Math.log(Math.tan(Math.PI / 4 + (lat * Math.PI) / 360)) / (2 * Math.PI);

/** The vector layer's circle radius (CSS px) at a MapLibre zoom. */
export function hubRadius(mapZoom: number): number {
  const [[z0, r0], [z1, r1]] = RADIUS_STOPS as [[number, number], [number, number]];
  if (mapZoom <= z0) return r0;
  if (mapZoom >= z1) return r1;
  return r0 + ((mapZoom - z0) / (z1 - z0)) * (r1 - r0);
}

/**
 * Hub points packed for the Worker: their positions in Mercator units and each one's colour, as
 * the vector layer picks it (`colours[type]`, `other` for any type not named there).
 */
export function packHubs(
  points: readonly { lon: number; lat: number; type: unknown }[],
  colours: Readonly<Record<string, string>>,
  other: string,
): PackedHubs {
  const palette = [...Object.values(colours), other];
  const slot = new Map(Object.keys(colours).map((k, i) => [k, i]));
  const xy = new Float64Array(points.length * 2);
  const colour = new Uint8Array(points.length);
  points.forEach((p, i) => {
    xy[2 * i] = mercX(p.lon);
    xy[2 * i + 1] = mercY(p.lat);
    colour[i] = slot.get(String(p.type)) ?? palette.length - 1;
  });
  return { xy, colour, palette };
}

/** The hubs' index: which hubs lie in a box of Mercator units. */
export function indexHubs(xy: Float64Array): KDBush {
  const n = xy.length / 2;
  const index = new KDBush(Math.max(1, n));
  for (let i = 0; i < n; i++) index.add(xy[2 * i] ?? 0, xy[2 * i + 1] ?? 0);
  if (n === 0) index.add(-1, -1); // KDBush needs an item; this one lies in no tile.
  return index.finish();
}

export interface HubTile {
  z: number;
  x: number;
  y: number;
  /** Device pixels a side. */
  size: number;
  /** Device pixels a CSS pixel. */
  ratio: number;
}

/** The radius and stroke of a hub in a tile, in device pixels. */
export function tileRadius(tile: HubTile): { radius: number; stroke: number } {
  return { radius: hubRadius(tile.z - 1) * tile.ratio, stroke: STROKE_PX * tile.ratio };
}

/**
 * The hubs to draw in a tile, in their given order (later ones over earlier ones, as the vector
 * layer draws them): those whose circle with its stroke reaches into the tile.
 */
export function hubsInTile(index: KDBush, tile: HubTile): number[] {
  const units = tile.size * 2 ** tile.z;
  const { radius, stroke } = tileRadius(tile);
  // A hub this far outside the tile still reaches it (and one device pixel for antialiasing).
  const pad = (radius + stroke + 1) / units;
  const n = 2 ** tile.z;
  const hits = index.range(
    tile.x / n - pad,
    tile.y / n - pad,
    (tile.x + 1) / n + pad,
    (tile.y + 1) / n + pad,
  );
  return hits.sort((a, b) => a - b);
}

/** What the drawing needs of a 2D context (an OffscreenCanvasRenderingContext2D has it). */
export interface HubPen {
  beginPath(): void;
  arc(x: number, y: number, r: number, start: number, end: number): void;
  fill(): void;
  fillStyle: unknown;
}

/**
 * Draw these hubs in tile z/x/y: each a white disc of radius + stroke under a disc of its colour
 * (MapLibre's stroke lies outside the radius), one hub after the other so that an overlapping
 * later hub covers an earlier one with its white ring, as on the vector layer.
 */
export function drawHubTile(
  pen: HubPen,
  hubs: PackedHubs,
  hits: readonly number[],
  tile: HubTile,
): void {
  const units = tile.size * 2 ** tile.z;
  const ox = tile.x * tile.size;
  const oy = tile.y * tile.size;
  const { radius, stroke } = tileRadius(tile);
  for (const i of hits) {
    const x = (hubs.xy[2 * i] ?? 0) * units - ox;
    const y = (hubs.xy[2 * i + 1] ?? 0) * units - oy;
    pen.fillStyle = STROKE_COLOUR;
    pen.beginPath();
    pen.arc(x, y, radius + stroke, 0, 2 * Math.PI);
    pen.fill();
    pen.fillStyle = hubs.palette[hubs.colour[i] ?? 0];
    pen.beginPath();
    pen.arc(x, y, radius, 0, 2 * Math.PI);
    pen.fill();
  }
}

/** A canvas to draw a tile on and hand over. */
export interface HubCanvas {
  getContext(kind: "2d"): HubPen | null;
  transferToImageBitmap(): ImageBitmap;
}

const offscreen = (size: number) => new OffscreenCanvas(size, size) as unknown as HubCanvas;

/** Tile z/x/y of the hubs as an image, or null where no hub reaches it (the map draws nothing there). */
export function hubRasterTile(
  hubs: PackedHubs,
  index: KDBush,
  tile: HubTile,
  canvas: (size: number) => HubCanvas = offscreen,
): ImageBitmap | null {
  const hits = hubsInTile(index, tile).filter((i) => i < hubs.colour.length);
  if (hits.length === 0) return null;
  const c = canvas(tile.size);
  const pen = c.getContext("2d");
  if (!pen) throw new Error("no 2D canvas in this Worker");
  drawHubTile(pen, hubs, hits, tile);
  return c.transferToImageBitmap();
}
