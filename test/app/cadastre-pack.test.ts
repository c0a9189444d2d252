/**
 * The cadastre's kept form (src/workers/cadastre-pack.ts): the small synthetic 연속지적도 packed
 * and unpacked is the same 필지 as read from the Shapefile; another format version, a cut buffer
 * or a changed byte is refused whole, never half a cadastre. The map tiles' box index, kept
 * beside them, cuts the same tiles; one of another cadastre is built again.
 */
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import type { Pilji } from "../../geo/cadastre/types";
import { openCadastre, readPilji } from "../../geo/io/lsmd-read";
import {
  PACK_VERSION,
  PackRefused,
  packPilji,
  packVersion,
  unpackPilji,
} from "../../src/workers/cadastre-pack";
import { cadastreTiles } from "../../src/workers/cadastre-tiles";

const layer = openCadastre([
  { name: "c.zip", bytes: readFileSync("test/fixtures/cadastre/LSMD_CONT_LDREG_48170.zip") },
])[0];
const pilji = layer ? [...readPilji(layer)] : [];

/** Every way a 필지 may look: a MultiPolygon of one part, a hole, a null SGG_OID, Korean text. */
const odd: Pilji[] = [
  {
    pnu: "4817010100100010000",
    jibun: "1",
    jimok: "대",
    bchk: "",
    sggOid: null,
    colAdmSe: "48170",
    geometry: {
      type: "MultiPolygon",
      coordinates: [
        [
          [
            [128.1, 35.1],
            [128.2, 35.1],
            [128.2, 35.2],
            [128.1, 35.1],
          ],
        ],
      ],
    },
  },
  {
    pnu: "4817010100200020003",
    jibun: "산2-3",
    jimok: "",
    bchk: "미등록 필지",
    sggOid: 0,
    colAdmSe: "",
    geometry: {
      type: "Polygon",
      coordinates: [
        [
          [0, 0],
          [10, 0],
          [10, 10],
          [0, 10],
          [0, 0],
        ],
        [
          [2, 2],
          [2, 3],
          [3, 3],
          [2, 2],
        ],
      ],
    },
  },
];

const refusal = (f: () => unknown): PackRefused | null => {
  try {
    f();
    return null;
  } catch (e) {
    if (e instanceof PackRefused) return e;
    throw e;
  }
};

describe("the cadastre's kept form", () => {
  it("unpacks to exactly the 필지 read from the Shapefile", () => {
    expect(pilji.length).toBe(2738);
    const packed = packPilji(pilji);
    expect(packVersion(new Uint8Array(packed))).toBe(PACK_VERSION);
    expect(unpackPilji(packed)).toEqual(pilji);
  });

  it("keeps the geometry type, holes, a null SGG_OID and Korean text", () => {
    const back = unpackPilji(packPilji(odd));
    expect(back).toEqual(odd);
    expect(back[0]?.geometry.type).toBe("MultiPolygon");
    expect(back[1]?.sggOid).toBe(0);
    expect(back[0]?.sggOid).toBeNull();
  });

  it("packs no 필지 as an empty cadastre", () => {
    expect(unpackPilji(packPilji([]))).toEqual([]);
  });

  it("reads a pack from inside a larger buffer (as storage may hand it back)", () => {
    const packed = new Uint8Array(packPilji(odd));
    const outer = new Uint8Array(packed.byteLength + 3);
    outer.set(packed, 3);
    expect(unpackPilji(outer.subarray(3))).toEqual(odd);
  });

  it("refuses another format version", () => {
    const packed = packPilji(odd);
    new DataView(packed).setUint32(4, PACK_VERSION + 1, true);
    expect(refusal(() => unpackPilji(packed))?.why).toBe("format");
  });

  it("refuses a cut buffer at any length", () => {
    const packed = new Uint8Array(packPilji(pilji.slice(0, 50)));
    for (const n of [0, 10, 64, 200, packed.byteLength >> 1, packed.byteLength - 8]) {
      expect(refusal(() => unpackPilji(packed.slice(0, n)))?.why).toBe("damaged");
    }
  });

  it("refuses a changed byte anywhere after the header (checksum)", () => {
    const packed = new Uint8Array(packPilji(pilji.slice(0, 50)));
    for (const at of [64, 300, packed.byteLength >> 1, packed.byteLength - 1]) {
      const bad = packed.slice();
      bad[at] = (bad[at] as number) ^ 0x10;
      expect(refusal(() => unpackPilji(bad))?.why).toBe("damaged");
    }
  });

  it("refuses bytes that are not a kept cadastre", () => {
    expect(refusal(() => unpackPilji(new TextEncoder().encode("x".repeat(100))))?.why).toBe(
      "damaged",
    );
  });
});

describe("the map tiles' box index kept beside them", () => {
  const label = (p: Pilji) => `${p.jibun}${p.jimok}`;
  const built = cadastreTiles(pilji, label);
  /** Tiles at zoom 16 around the fixture's middle 필지. */
  const around = (() => {
    const g = pilji[1369]?.geometry;
    const ring = (g?.type === "Polygon" ? g.coordinates[0] : g?.coordinates[0]?.[0]) ?? [];
    const [lon = 0, lat = 0] = ring[0] ?? [];
    const n = 2 ** 16;
    const x = Math.floor(((lon + 180) / 360) * n);
    const r = (lat * Math.PI) / 180;
    const y = Math.floor(((1 - Math.log(Math.tan(r) + 1 / Math.cos(r)) / Math.PI) / 2) * n);
    return [-1, 0, 1].flatMap((dx) => [-1, 0, 1].map((dy) => [16, x + dx, y + dy] as const));
  })();

  it("cuts the same tiles from the kept index as from one built", () => {
    const kept = cadastreTiles(unpackPilji(packPilji(pilji)), label, built.index.slice(0));
    let some = 0;
    for (const [z, x, y] of around) {
      const a = built.tile(z, x, y);
      some += a.byteLength;
      expect(kept.tile(z, x, y)).toEqual(a);
    }
    expect(some).toBeGreaterThan(0);
  });

  it("builds the index again when the kept one is of another cadastre", () => {
    const other = cadastreTiles(pilji.slice(0, 10), label).index;
    const tiles = cadastreTiles(pilji, label, other);
    for (const [z, x, y] of around) expect(tiles.tile(z, x, y)).toEqual(built.tile(z, x, y));
    expect(new Uint8Array(tiles.index)).not.toEqual(new Uint8Array(other));
  });
});
