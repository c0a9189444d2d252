/**
 * The cadastre's raster tiles (src/workers/cadastre-raster.ts) and the Worker's point lookup
 * (cadastre-tiles.ts `at`), on the small 진주 fixture: a tile draws every 필지 its vector twin
 * holds, each ring once, in the tile's pixels, outlines one CSS pixel wide at any pixel ratio
 * and 지목 colours grouped by colour; where no 필지 lies there is no image; a point in
 * a 필지 finds that 필지 (picking below the labels' zoom), a point outside every 필지 none.
 */
import { readFileSync } from "node:fs";
import { VectorTile } from "@mapbox/vector-tile";
import { pointOnFeature } from "@turf/turf";
import { PbfReader } from "pbf";
import { describe, expect, it } from "vitest";
import { openCadastre, readPilji } from "../../geo/io/lsmd-read";
import { CADASTRE_OUTLINE, JIMOK_COLOURS, OTHER_COLOUR } from "../../src/map/jimok-colours";
import { TILE_LAYER } from "../../src/workers/cadastre-protocol";
import {
  drawRasterTile,
  type Pen,
  rasterTile,
  type TileCanvas,
} from "../../src/workers/cadastre-raster";
import { cadastreTiles } from "../../src/workers/cadastre-tiles";

const layer = openCadastre([
  { name: "c.zip", bytes: readFileSync("test/fixtures/cadastre/LSMD_CONT_LDREG_48170.zip") },
])[0];
const pilji = layer ? [...readPilji(layer)] : [];
const tiles = cadastreTiles(pilji, (p) => `${p.jibun}${p.jimok}`);

function tileOf(lon: number, lat: number, z: number): [number, number] {
  const n = 2 ** z;
  const r = (lat * Math.PI) / 180;
  return [
    Math.floor(((lon + 180) / 360) * n),
    Math.floor(((1 - Math.log(Math.tan(r) + 1 / Math.cos(r)) / Math.PI) / 2) * n),
  ];
}

/** A Pen that records what is drawn. */
function recorder() {
  const calls: {
    op: string;
    x?: number;
    y?: number;
    style?: unknown;
    width?: number;
    alpha?: number;
  }[] = [];
  const pen: Pen = {
    fillStyle: "",
    strokeStyle: "",
    lineWidth: 0,
    globalAlpha: 1,
    beginPath: () => calls.push({ op: "begin" }),
    moveTo: (x, y) => calls.push({ op: "move", x, y }),
    lineTo: (x, y) => calls.push({ op: "line", x, y }),
    closePath: () => calls.push({ op: "close" }),
    fill: () => calls.push({ op: "fill", style: pen.fillStyle, alpha: pen.globalAlpha }),
    stroke: () => calls.push({ op: "stroke", style: pen.strokeStyle, width: pen.lineWidth }),
  };
  return { pen, calls };
}

const rings = (i: number): number => {
  const g = pilji[i]?.geometry;
  return !g ? 0 : g.type === "Polygon" ? g.coordinates.length : g.coordinates.flat().length;
};

describe("the cadastre's raster tiles", () => {
  const first = pilji[0];
  const inner = first ? pointOnFeature(first.geometry).geometry.coordinates : [0, 0];
  const [lon = 0, lat = 0] = inner;

  it("draw every 필지 the vector tile holds, each ring once, outlined one CSS pixel wide", () => {
    expect(pilji.length).toBeGreaterThan(1000);
    for (const [z, ratio] of [
      [15, 1],
      [16, 2],
    ] as const) {
      const [x, y] = tileOf(lon, lat, z);
      const size = 256 * ratio;
      const hits = tiles.near(z, x, y, 2 * ratio, size);
      const vector = new VectorTile(new PbfReader(tiles.tile(Math.min(z, 16), x, y))).layers[
        TILE_LAYER
      ];
      const inVector = new Set(
        Array.from({ length: vector?.length ?? 0 }, (_, k) =>
          String(vector?.feature(k).properties.pnu),
        ),
      );
      const drawn = new Set(hits.map((i) => pilji[i]?.pnu));
      for (const pnu of inVector) expect(drawn.has(pnu)).toBe(true);
      const { pen, calls } = recorder();
      drawRasterTile(pen, pilji, hits, { z, x, y, size, ratio }, false);
      expect(calls.filter((c) => c.op === "move").length).toBe(
        hits.reduce((n, i) => n + rings(i), 0),
      );
      const strokes = calls.filter((c) => c.op === "stroke");
      expect(strokes).toEqual([{ op: "stroke", style: CADASTRE_OUTLINE, width: ratio }]);
      expect(calls.some((c) => c.op === "fill")).toBe(false);
      // The 필지 under the tile's first point is drawn where it lies: in the tile's pixels.
      const moves = calls.filter((c) => c.op === "move" || c.op === "line");
      const inside = moves.filter(
        ({ x = -1, y = -1 }) => x >= 0 && x <= size && y >= 0 && y <= size,
      );
      expect(inside.length).toBeGreaterThan(moves.length / 4);
    }
  });

  it("fill the 지목 colours when asked, one fill a colour, under the outlines", () => {
    const [x, y] = tileOf(lon, lat, 15);
    const hits = tiles.near(15, x, y, 2, 256);
    const { pen, calls } = recorder();
    drawRasterTile(pen, pilji, hits, { z: 15, x, y, size: 256, ratio: 1 }, true);
    const fills = calls.filter((c) => c.op === "fill");
    const colours = new Set(
      hits.map((i) => JIMOK_COLOURS[pilji[i]?.jimok as keyof typeof JIMOK_COLOURS] ?? OTHER_COLOUR),
    );
    expect(new Set(fills.map((f) => f.style))).toEqual(colours);
    expect(fills.length).toBe(colours.size);
    expect(fills.every((f) => f.alpha === 0.55)).toBe(true);
    expect(calls.findLastIndex((c) => c.op === "fill")).toBeLessThan(
      calls.findIndex((c) => c.op === "stroke"),
    );
  });

  it("are no image where no 필지 lies, else the canvas's own bitmap, drawn at the size asked", () => {
    const sizes: number[] = [];
    const canvas = (size: number): TileCanvas => {
      sizes.push(size);
      return {
        getContext: () => recorder().pen,
        transferToImageBitmap: () => ({ width: size, height: size }) as ImageBitmap,
      };
    };
    const far = { z: 15, x: 0, y: 0, size: 256, ratio: 1 };
    expect(rasterTile(tiles, pilji, far, false, canvas)).toBeNull();
    const [x, y] = tileOf(lon, lat, 15);
    const near = rasterTile(tiles, pilji, { z: 15, x, y, size: 512, ratio: 2 }, false, canvas);
    expect(near?.width).toBe(512);
    expect(sizes).toEqual([512]);
  });
});

describe("the 필지 under a point", () => {
  it("is the 필지 the point lies in, for a sample across the cadastre", () => {
    const step = Math.max(1, Math.floor(pilji.length / 300));
    for (let i = 0; i < pilji.length; i += step) {
      const p = pilji[i];
      if (!p) continue;
      const [lon = 0, lat = 0] = pointOnFeature(p.geometry).geometry.coordinates;
      expect(pilji[tiles.at(lon, lat)]?.pnu).toBe(p.pnu);
    }
  });

  it("is none outside every 필지", () => {
    expect(tiles.at(0, 0)).toBe(-1);
    expect(tiles.at(127.0, 37.5)).toBe(-1);
  });
});
