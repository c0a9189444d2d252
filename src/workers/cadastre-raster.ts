/**
 * The cadastre as raster tiles below the zoom of its labels: the 필지 outlines (and, as an option,
 * their 지목 colours) drawn once per tile in the cadastre Worker on an OffscreenCanvas and handed
 * to the page as an ImageBitmap, shown in a canvas the compositor moves with the map
 * (src/map/cadastre-overlay.ts; MapLibre's raster layer only while the map is pitched).
 *
 * Why: as vector tiles, MapLibre redraws every outline and fill triangle of the tens of thousands
 * of 필지 in view on every frame of a pan. In software WebGL (SwiftShader: headless Chromium, and
 * the many office and VDI machines without a usable GPU) that alone was about 230 ms of the GPU
 * process's CPU per frame at zoom 15 on the 300,000-필지 bench (bench/cadastre-app.bench.ts),
 * against about 70 ms for everything else on the map. From the labels' zoom on, where few 필지 are
 * in view, the vector layer still draws them (and gives the labels their text).
 */
import type { Position } from "geojson";
import {
  CADASTRE_OUTLINE,
  JIMOK_COLOURS,
  JIMOK_FILL_ALPHA,
  OTHER_COLOUR,
} from "../map/jimok-colours";
import { type CadastreTiles, mercX, mercY, type TileFeatureInput } from "./cadastre-tiles";

/** Pixels beyond the tile a 필지's box may reach and still be drawn in it (a stroke's half width). */
const PAD_PX = 2;

/** What the drawing needs of a 2D context (an OffscreenCanvasRenderingContext2D has it). */
export interface Pen {
  beginPath(): void;
  moveTo(x: number, y: number): void;
  lineTo(x: number, y: number): void;
  closePath(): void;
  fill(rule: "evenodd"): void;
  stroke(): void;
  fillStyle: unknown;
  strokeStyle: unknown;
  lineWidth: number;
  globalAlpha: number;
}

/** A canvas of `size` × `size` pixels to draw a tile on and encode. */
export interface TileCanvas {
  getContext(kind: "2d"): Pen | null;
  transferToImageBitmap(): ImageBitmap;
}

/** Trace the rings of these 필지 as sub-paths, in the tile's pixels. */
function trace(
  pen: Pen,
  pilji: readonly TileFeatureInput[],
  hits: readonly number[],
  toPx: (p: Position) => [number, number],
): void {
  for (const i of hits) {
    const g = (pilji[i] as TileFeatureInput).geometry;
    const polys = g.type === "Polygon" ? [g.coordinates] : g.coordinates;
    for (const ring of polys.flat()) {
      ring.forEach((p, k) => {
        const [x, y] = toPx(p);
        if (k === 0) pen.moveTo(x, y);
        else pen.lineTo(x, y);
      });
      pen.closePath();
    }
  }
}

/**
 * Draw tile z/x/y (`size` pixels a side, `ratio` device pixels a CSS pixel): the 지목 colours
 * when asked, then every outline one CSS pixel wide.
 */
export function drawRasterTile(
  pen: Pen,
  pilji: readonly TileFeatureInput[],
  hits: readonly number[],
  tile: { z: number; x: number; y: number; size: number; ratio: number },
  jimok: boolean,
): void {
  const units = tile.size * 2 ** tile.z;
  const toPx = ([lon = 0, lat = 0]: Position): [number, number] => [
    mercX(lon) * units - tile.x * tile.size,
    mercY(lat) * units - tile.y * tile.size,
  ];
  if (jimok) {
    const byColour = new Map<string, number[]>();
    for (const i of hits) {
      const code = (pilji[i] as TileFeatureInput).jimok as keyof typeof JIMOK_COLOURS;
      const colour = JIMOK_COLOURS[code] ?? OTHER_COLOUR;
      const list = byColour.get(colour);
      if (list) list.push(i);
      else byColour.set(colour, [i]);
    }
    pen.globalAlpha = JIMOK_FILL_ALPHA;
    for (const [colour, list] of byColour) {
      pen.fillStyle = colour;
      pen.beginPath();
      trace(pen, pilji, list, toPx);
      pen.fill("evenodd");
    }
    pen.globalAlpha = 1;
  }
  pen.strokeStyle = CADASTRE_OUTLINE;
  pen.lineWidth = tile.ratio;
  pen.beginPath();
  trace(pen, pilji, hits, toPx);
  pen.stroke();
}

const offscreen = (size: number) => new OffscreenCanvas(size, size) as unknown as TileCanvas;

/**
 * Tile z/x/y of the cadastre as an image, or null where no 필지 lies (the map then draws
 * nothing there). The image is the canvas's own bitmap, handed over without encoding: MapLibre
 * takes an ImageBitmap from a protocol as it is, so no PNG is written here or decoded on the page.
 */
export function rasterTile(
  tiles: CadastreTiles,
  pilji: readonly TileFeatureInput[],
  tile: { z: number; x: number; y: number; size: number; ratio: number },
  jimok: boolean,
  canvas: (size: number) => TileCanvas = offscreen,
): ImageBitmap | null {
  const hits = tiles.near(tile.z, tile.x, tile.y, PAD_PX * tile.ratio, tile.size);
  if (hits.length === 0) return null;
  const c = canvas(tile.size);
  const pen = c.getContext("2d");
  if (!pen) throw new Error("no 2D canvas in this Worker");
  drawRasterTile(pen, pilji, hits, tile, jimok);
  return c.transferToImageBitmap();
}
