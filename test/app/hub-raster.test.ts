/**
 * The hubs' raster tiles (src/workers/hub-raster.ts): the radius follows the vector layer's
 * interpolation at the map zoom a 256-px tile is drawn for; packing gives each hub its type's
 * colour (a type not named, or named like an Object member, grey); a tile holds exactly the hubs
 * whose circle with its stroke reaches into it, in their given order, including those just over
 * its edge; each is drawn as a white disc under its coloured one, at the tile's pixels and pixel
 * ratio; where no hub reaches there is no image.
 */
import { describe, expect, it } from "vitest";
import { HUB_COLOURS, OTHER_HUB_COLOUR } from "../../src/map/ids";
import {
  drawHubTile,
  type HubCanvas,
  type HubPen,
  type HubTile,
  hubRadius,
  hubRasterTile,
  hubsInTile,
  indexHubs,
  mercX,
  mercY,
  packHubs,
  STROKE_COLOUR,
} from "../../src/workers/hub-raster";

/** The 256-px tile z/x/y holding lon/lat, and the point's pixel in it. */
function tileOf(
  lon: number,
  lat: number,
  z: number,
): { x: number; y: number; px: number; py: number } {
  const n = 2 ** z;
  const fx = mercX(lon) * n;
  const fy = mercY(lat) * n;
  const x = Math.floor(fx);
  const y = Math.floor(fy);
  return { x, y, px: (fx - x) * 256, py: (fy - y) * 256 };
}

function recorder() {
  const calls: { op: string; x?: number; y?: number; r?: number; style?: unknown }[] = [];
  const pen: HubPen = {
    fillStyle: "",
    beginPath: () => calls.push({ op: "begin" }),
    arc: (x, y, r) => calls.push({ op: "arc", x, y, r }),
    fill: () => calls.push({ op: "fill", style: pen.fillStyle }),
  };
  return { pen, calls };
}

describe("hub raster tiles", () => {
  it("sizes a hub as the vector layer's circle-radius interpolation does", () => {
    expect(hubRadius(3)).toBe(3);
    expect(hubRadius(5)).toBe(3);
    expect(hubRadius(7.5)).toBeCloseTo(4.5, 10);
    expect(hubRadius(10)).toBe(6);
    expect(hubRadius(13)).toBe(6);
  });

  it("packs each hub's colour by its type, grey for others", () => {
    const packed = packHubs(
      [
        { lon: 127, lat: 36, type: "technopark" },
        { lon: 128, lat: 35, type: "no_such_type" },
        { lon: 126, lat: 37, type: "constructor" },
        { lon: 129, lat: 34, type: "innovation_city" },
      ],
      HUB_COLOURS,
      OTHER_HUB_COLOUR,
    );
    const colours = [...packed.colour].map((i) => packed.palette[i]);
    expect(colours).toEqual([
      HUB_COLOURS.technopark,
      OTHER_HUB_COLOUR,
      OTHER_HUB_COLOUR,
      HUB_COLOURS.innovation_city,
    ]);
    expect(packed.xy[0]).toBeCloseTo(mercX(127), 12);
    expect(packed.xy[1]).toBeCloseTo(mercY(36), 12);
  });

  it("finds the hubs that reach into a tile, over its edge too, in their order", () => {
    const z = 14;
    const centre = tileOf(127.1, 35.2, z);
    const pixel = 360 / 2 ** z / 256; // degrees of longitude a pixel
    const tile: HubTile = { z, x: centre.x, y: centre.y, size: 256, ratio: 1 };
    // Longitudes of the tile's west edge plus/minus a few pixels (radius 6 + stroke 1 = 7 px).
    const west = (centre.x / 2 ** z) * 360 - 180;
    const points = [
      { lon: 127.1, lat: 35.2, type: "technopark" }, // inside
      { lon: west - 5 * pixel, lat: 35.2, type: "technopark" }, // 5 px west: its circle reaches in
      { lon: west - 12 * pixel, lat: 35.2, type: "technopark" }, // 12 px west: it does not
      { lon: 127.1, lat: 35.2, type: "innovation_city" }, // inside, later
    ];
    const packed = packHubs(points, HUB_COLOURS, OTHER_HUB_COLOUR);
    const index = indexHubs(packed.xy);
    expect(hubsInTile(index, tile)).toEqual([0, 1, 3]);
    // The same tile at pixel ratio 2 (twice the pixels, the same CSS size): the same hubs.
    expect(hubsInTile(index, { ...tile, size: 512, ratio: 2 })).toEqual([0, 1, 3]);
    // A far tile holds none.
    expect(hubsInTile(index, { ...tile, x: tile.x + 10 })).toEqual([]);
  });

  it("draws each hub as a white disc under its coloured one, in the tile's pixels", () => {
    const z = 14;
    const at = tileOf(127.1, 35.2, z);
    const packed = packHubs([{ lon: 127.1, lat: 35.2, type: "rnd_special_zone" }], HUB_COLOURS, "");
    for (const ratio of [1, 2]) {
      const { pen, calls } = recorder();
      drawHubTile(pen, packed, [0], { z, x: at.x, y: at.y, size: 256 * ratio, ratio });
      const arcs = calls.filter((c) => c.op === "arc");
      const fills = calls.filter((c) => c.op === "fill").map((c) => c.style);
      expect(fills).toEqual([STROKE_COLOUR, HUB_COLOURS.rnd_special_zone]);
      // Map zoom 13 for a 256-px tile of zoom 14: radius 6 CSS px, stroke 1, at the pixel ratio.
      expect(arcs.map((a) => a.r)).toEqual([7 * ratio, 6 * ratio]);
      for (const a of arcs) {
        expect(a.x).toBeCloseTo(at.px * ratio, 6);
        expect(a.y).toBeCloseTo(at.py * ratio, 6);
      }
    }
  });

  it("gives no image where no hub reaches, and an image drawn on the canvas where one does", () => {
    const packed = packHubs([{ lon: 127.1, lat: 35.2, type: "technopark" }], HUB_COLOURS, "");
    const index = indexHubs(packed.xy);
    const at = tileOf(127.1, 35.2, 12);
    const made: number[] = [];
    const { pen, calls } = recorder();
    const bitmap = {} as ImageBitmap;
    const canvas = (size: number): HubCanvas => {
      made.push(size);
      return { getContext: () => pen, transferToImageBitmap: () => bitmap };
    };
    const tile = { z: 12, x: at.x, y: at.y, size: 512, ratio: 2 };
    expect(hubRasterTile(packed, index, { ...tile, x: at.x + 3 }, canvas)).toBeNull();
    expect(made).toEqual([]);
    expect(hubRasterTile(packed, index, tile, canvas)).toBe(bitmap);
    expect(made).toEqual([512]);
    expect(calls.filter((c) => c.op === "fill")).toHaveLength(2);
  });

  it("holds no hub for an empty set", () => {
    const packed = packHubs([], HUB_COLOURS, OTHER_HUB_COLOUR);
    const index = indexHubs(packed.xy);
    expect(hubRasterTile(packed, index, { z: 0, x: 0, y: 0, size: 256, ratio: 1 })).toBeNull();
  });
});
