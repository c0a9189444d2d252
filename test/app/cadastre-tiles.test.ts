/**
 * The cadastre's vector tiles, cut in its Worker (src/workers/cadastre-tiles.ts), decoded as
 * MapLibre decodes them: a tile holds the 필지 under it with their PNU, 지번 label and 지목 부호;
 * none below the cadastre's zooms or where no 필지 lies. And the 지목 colours: one a 부호, no two
 * alike.
 */
import { readFileSync } from "node:fs";
import { VectorTile } from "@mapbox/vector-tile";
import { PbfReader } from "pbf";
import { describe, expect, it } from "vitest";
import { JIMOK } from "../../geo/cadastre/jimok";
import { openCadastre, readPilji } from "../../geo/io/lsmd-read";
import { JIMOK_CODES, JIMOK_COLOURS, OTHER_COLOUR } from "../../src/map/jimok-colours";
import { TILE_LAYER } from "../../src/workers/cadastre-protocol";
import { cadastreTiles } from "../../src/workers/cadastre-tiles";

const layer = openCadastre([
  {
    name: "c.zip",
    bytes: readFileSync("test/fixtures/cadastre/LSMD_CONT_LDREG_48170.zip"),
  },
])[0];
const pilji = layer ? [...readPilji(layer)] : [];
const tiles = cadastreTiles(pilji, (p) => `${p.jibun}${p.jimok}`);

/** The tile (x, y) at zoom z that holds a lon/lat. */
function tileOf(lon: number, lat: number, z: number): [number, number] {
  const n = 2 ** z;
  const x = Math.floor(((lon + 180) / 360) * n);
  const r = (lat * Math.PI) / 180;
  const y = Math.floor(((1 - Math.log(Math.tan(r) + 1 / Math.cos(r)) / Math.PI) / 2) * n);
  return [x, y];
}

function decode(bytes: Uint8Array) {
  const l = new VectorTile(new PbfReader(bytes)).layers[TILE_LAYER];
  return l ? Array.from({ length: l.length }, (_, i) => l.feature(i)) : [];
}

describe("the cadastre's vector tiles", () => {
  const p = pilji.find((q) => q.jimok === "대" && q.geometry.type === "Polygon");
  const ring = p?.geometry.type === "Polygon" ? (p.geometry.coordinates[0] ?? []) : [];
  const [lon, lat] = [
    ring.slice(1).reduce((s, q) => s + (q[0] ?? 0), 0) / (ring.length - 1),
    ring.slice(1).reduce((s, q) => s + (q[1] ?? 0), 0) / (ring.length - 1),
  ];

  it("holds the 필지 under a tile, with PNU, label and 지목 부호, as polygons", () => {
    expect(p).toBeDefined();
    for (const z of [14, 15, 16]) {
      const [x, y] = tileOf(lon, lat, z);
      const features = decode(tiles.tile(z, x, y));
      const f = features.find((g) => g.properties.pnu === p?.pnu);
      expect(f?.type).toBe(3);
      expect(f?.properties.label).toBe(`${p?.jibun}대`);
      expect(f?.properties.jimok).toBe("대");
      // A z16 tile (about 500 m) of central 진주 holds dozens of 필지, not all 2,738.
      if (z === 16) expect(features.length).toBeGreaterThan(20);
      if (z === 16) expect(features.length).toBeLessThan(pilji.length);
    }
  });

  it("cuts no tile below zoom 14, past zoom 16 or where no 필지 lies", () => {
    const [x, y] = tileOf(lon, lat, 13);
    expect(tiles.tile(13, x, y).byteLength).toBe(0);
    const [x17, y17] = tileOf(lon, lat, 17);
    expect(tiles.tile(17, x17, y17).byteLength).toBe(0);
    const [sx, sy] = tileOf(126.97, 37.56, 15); // 서울: no 필지 of this 진주 cadastre
    expect(tiles.tile(15, sx, sy).byteLength).toBe(0);
  });

  it("puts a 필지 across a tile border whole in both tiles, outer ring clockwise, hole not", () => {
    // A 100 m square with a 20 m hole, astride the border of two z16 tiles.
    const z = 16;
    const [tx, ty] = tileOf(128.1, 35.18, z);
    const border = ((tx + 1) / 2 ** z) * 360 - 180;
    const sq = (x0: number, y0: number, d: number) => [
      [x0, y0],
      [x0 + d, y0],
      [x0 + d, y0 + d],
      [x0, y0 + d],
      [x0, y0],
    ];
    const t = cadastreTiles(
      [
        {
          pnu: "4817010100100010000",
          jimok: "대",
          geometry: {
            type: "Polygon",
            coordinates: [
              sq(border - 0.0005, 35.18, 0.001),
              sq(border - 0.0001, 35.1804, 0.0002).reverse(),
            ],
          },
        },
      ],
      () => "1대",
    );
    const signed = (ring: { x: number; y: number }[]) =>
      ring.reduce((s, p, i) => {
        const q = ring[(i + 1) % ring.length] as { x: number; y: number };
        return s + (p.x * q.y - q.x * p.y);
      }, 0);
    for (const x of [tx, tx + 1]) {
      const [f] = decode(t.tile(z, x, ty));
      expect(f?.properties.pnu).toBe("4817010100100010000");
      const rings = f?.loadGeometry() ?? [];
      expect(rings).toHaveLength(2);
      expect(signed(rings[0] ?? [])).toBeGreaterThan(0);
      expect(signed(rings[1] ?? [])).toBeLessThan(0);
    }
    expect(t.tile(z, tx + 2, ty).byteLength).toBe(0);
  });

  it("gives each tile a buffer of its own, so it can be transferred", () => {
    const [x, y] = tileOf(lon, lat, 15);
    const b = tiles.tile(15, x, y);
    expect(b.byteOffset).toBe(0);
    expect(b.buffer.byteLength).toBe(b.byteLength);
  });
});

/** CIE 1976 L*a*b* of an sRGB hex colour (D65). */
function lab(hex: string): [number, number, number] {
  const [r, g, b] = [1, 3, 5].map((i) => {
    const c = Number.parseInt(hex.slice(i, i + 2), 16) / 255;
    return c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  }) as [number, number, number];
  const f = (v: number) => (v > 0.008856 ? Math.cbrt(v) : 7.787 * v + 16 / 116);
  const X = f((0.4124 * r + 0.3576 * g + 0.1805 * b) / 0.95047);
  const Y = f(0.2126 * r + 0.7152 * g + 0.0722 * b);
  const Z = f((0.0193 * r + 0.1192 * g + 0.9505 * b) / 1.08883);
  return [116 * Y - 16, 500 * (X - Y), 200 * (Y - Z)];
}

describe("the 지목 colours", () => {
  it("give each of the 28 지목 a colour, no two closer than ΔE*ab 15", () => {
    expect(JIMOK_CODES).toEqual(Object.keys(JIMOK));
    const colours = [...JIMOK_CODES.map((c) => JIMOK_COLOURS[c]), OTHER_COLOUR];
    let closest = Number.POSITIVE_INFINITY;
    for (let i = 0; i < colours.length; i++) {
      for (let j = i + 1; j < colours.length; j++) {
        const [a, b] = [lab(colours[i] as string), lab(colours[j] as string)];
        closest = Math.min(closest, Math.hypot(a[0] - b[0], a[1] - b[1], a[2] - b[2]));
      }
    }
    expect(closest).toBeGreaterThanOrEqual(15);
  });
});
