/**
 * A 구역 of 필지 is their exact union: shared edges dissolved, its area the sum of theirs to
 * 0.01 m², no interior ring where the 필지 leave no hole, and the hole where they do.
 */
import { readFileSync } from "node:fs";
import type { MultiPolygon, Polygon, Position } from "geojson";
import { describe, expect, it } from "vitest";
import { coveredPilji, parcelFromPilji, pnuProperties } from "../../geo/cadastre/parcel";
import { piljiInside } from "../../geo/cadastre/select";
import type { Pilji } from "../../geo/cadastre/types";
import { unionPilji } from "../../geo/cadastre/union";
import { openCadastre, readPilji } from "../../geo/io/lsmd-read";
import { geodesicAreaM2 } from "../../geo/measure/measure";

const layer = openCadastre([
  { name: "c.zip", bytes: readFileSync("test/fixtures/cadastre/LSMD_CONT_LDREG_48170.zip") },
])[0];
const pilji = layer ? [...readPilji(layer)] : [];

const vertexKey = (p: Position) => `${p[0]},${p[1]}`;

/** 필지 by the vertices they share: neighbours along an edge share two. */
function neighbours(): Map<number, Set<number>> {
  const at = new Map<string, number[]>();
  pilji.forEach((p, i) => {
    for (const q of (p.geometry as Polygon).coordinates[0]?.slice(1) ?? []) {
      const list = at.get(vertexKey(q)) ?? [];
      list.push(i);
      at.set(vertexKey(q), list);
    }
  });
  const shared = new Map<string, number>();
  for (const list of at.values())
    for (const a of list)
      for (const b of list) if (a < b) shared.set(`${a},${b}`, (shared.get(`${a},${b}`) ?? 0) + 1);
  const n = new Map<number, Set<number>>();
  for (const [k, c] of shared) {
    if (c < 2) continue;
    const [a, b] = k.split(",").map(Number) as [number, number];
    n.set(a, (n.get(a) ?? new Set()).add(b));
    n.set(b, (n.get(b) ?? new Set()).add(a));
  }
  return n;
}

/**
 * The 필지 lying wholly in a box that are connected, by shared edges, to the first of them: a
 * complete component, so no 필지 is left enclosed (a truncated search can enclose some).
 */
function component(box: [number, number, number, number]): number[] {
  const n = neighbours();
  const within = (i: number) =>
    ((pilji[i] as Pilji).geometry as Polygon).coordinates[0]?.every(
      ([x = 0, y = 0]) => x >= box[0] && y >= box[1] && x <= box[2] && y <= box[3],
    ) ?? false;
  const from = pilji.findIndex((_, i) => within(i));
  const seen = new Set([from]);
  const queue = [from];
  while (queue.length) {
    const i = queue.shift() as number;
    for (const j of n.get(i) ?? []) {
      if (!seen.has(j) && within(j)) {
        seen.add(j);
        queue.push(j);
      }
    }
  }
  return [...seen];
}

const sum = (list: Pilji[]) => list.reduce((s, p) => s + geodesicAreaM2(p.geometry), 0);
const holes = (g: Polygon | MultiPolygon | null) =>
  g === null
    ? -1
    : (g.type === "Polygon" ? [g.coordinates] : g.coordinates).reduce(
        (s, p) => s + p.length - 1,
        0,
      );

describe("unionPilji", () => {
  it("dissolves hundreds of adjacent 필지 of the fixture into one polygon of exactly their area", () => {
    const chosen = component([128.101, 35.174, 128.114, 35.185]).map((i) => pilji[i] as Pilji);
    expect(chosen.length).toBeGreaterThan(200);
    const union = unionPilji(chosen.map((p) => p.geometry));
    expect(union?.type).toBe("Polygon");
    expect(holes(union)).toBe(0);
    expect(Math.abs(geodesicAreaM2(union as Polygon) - sum(chosen))).toBeLessThan(0.01);
  });

  it("keeps the hole where the 필지 around one 필지 leave it out", () => {
    const n = neighbours();
    const centre = [...n.keys()].find(
      (i) => (n.get(i)?.size ?? 0) >= 4 && pilji[i]?.jimok === "대",
    ) as number;
    // Every 필지 touching the centre one, even at a corner.
    const ring = pilji.filter((p, i) => {
      if (i === centre) return false;
      const own = new Set(
        ((pilji[centre] as Pilji).geometry as Polygon).coordinates[0]?.map(vertexKey),
      );
      return (p.geometry as Polygon).coordinates[0]?.some((q) => own.has(vertexKey(q)));
    });
    const union = unionPilji(ring.map((p) => p.geometry)) as Polygon;
    expect(union.type).toBe("Polygon");
    expect(union.coordinates).toHaveLength(2);
    const hole = geodesicAreaM2({
      type: "Polygon",
      coordinates: [union.coordinates[1] as Position[]],
    });
    expect(Math.abs(hole - geodesicAreaM2((pilji[centre] as Pilji).geometry))).toBeLessThan(0.01);
    expect(Math.abs(geodesicAreaM2(union) - sum(ring))).toBeLessThan(0.01);
  });

  it("dissolves an edge split by a neighbour's vertex (a T-junction) and vertices a hair apart", () => {
    const d = 0.0003;
    const left: Polygon = {
      type: "Polygon",
      coordinates: [
        [
          [128, 35],
          [128 + d, 35],
          [128 + d, 35 + 2 * d],
          [128, 35 + 2 * d],
          [128, 35],
        ],
      ],
    };
    // Two 필지 on the right, whose shared corner lies on the left one's edge; off by 1e-10°.
    const e = 1e-10;
    const lower: Polygon = {
      type: "Polygon",
      coordinates: [
        [
          [128 + d + e, 35],
          [128 + 2 * d, 35],
          [128 + 2 * d, 35 + d],
          [128 + d, 35 + d],
          [128 + d + e, 35],
        ],
      ],
    };
    const upper: Polygon = {
      type: "Polygon",
      coordinates: [
        [
          [128 + d, 35 + d],
          [128 + 2 * d, 35 + d],
          [128 + 2 * d, 35 + 2 * d],
          [128 + d - e, 35 + 2 * d],
          [128 + d, 35 + d],
        ],
      ],
    };
    const union = unionPilji([left, lower, upper]) as Polygon;
    expect(union.type).toBe("Polygon");
    expect(union.coordinates).toHaveLength(1);
    const parts = geodesicAreaM2(left) + geodesicAreaM2(lower) + geodesicAreaM2(upper);
    expect(Math.abs(geodesicAreaM2(union) - parts)).toBeLessThan(0.01);
  });

  it("keeps apart 필지 that do not touch, or touch only at a corner", () => {
    const sq = (x: number, y: number): Polygon => ({
      type: "Polygon",
      coordinates: [
        [
          [x, y],
          [x + 0.001, y],
          [x + 0.001, y + 0.001],
          [x, y + 0.001],
          [x, y],
        ],
      ],
    });
    expect(unionPilji([sq(128, 35), sq(128.01, 35)])?.type).toBe("MultiPolygon");
    const pinch = unionPilji([sq(128, 35), sq(128.001, 35.001)]) as MultiPolygon;
    expect(pinch.type).toBe("MultiPolygon");
    expect(pinch.coordinates.map((p) => p[0]?.length)).toEqual([5, 5]);
  });
});

describe("구역 and the 필지 they cover", () => {
  it("names the 필지 of a 구역 built from them, and finds exactly those, whole, under it", () => {
    const chosen = component([128.104, 35.178, 128.108, 35.181]).map((i) => pilji[i] as Pilji);
    const parcel = parcelFromPilji(chosen, { id: "P1", name: "1구역" });
    expect(parcel?.properties).toEqual({ id: "P1", name: "1구역", pnu: chosen.map((p) => p.pnu) });
    const covered = coveredPilji(parcel?.geometry as Polygon, pilji);
    expect(covered.every((c) => c.whole)).toBe(true);
    expect(covered.map((c) => c.pilji.pnu).sort()).toEqual(chosen.map((p) => p.pnu).sort());
  });

  it("lists the 필지 a freehand 구역 covers in part, with the m² inside adding up to its area", () => {
    const freehand: Polygon = {
      type: "Polygon",
      coordinates: [
        [
          [128.1052, 35.1788],
          [128.1081, 35.1791],
          [128.1077, 35.1812],
          [128.1049, 35.1806],
          [128.1052, 35.1788],
        ],
      ],
    };
    const covered = coveredPilji(freehand, pilji);
    const { pnu, partialPnu } = pnuProperties(covered);
    expect(pnu.length).toBeGreaterThan(10);
    expect(partialPnu.length).toBeGreaterThan(10);
    for (const c of covered.filter((x) => !x.whole)) {
      expect(c.m2).toBeLessThan(geodesicAreaM2(c.pilji.geometry));
    }
    const total = covered.reduce((s, c) => s + c.m2, 0);
    expect(Math.abs(total - geodesicAreaM2(freehand))).toBeLessThan(0.5);
  });

  it("takes, as a lasso, exactly the 필지 whose inner point lies inside the outline", () => {
    const chosen = component([128.104, 35.178, 128.108, 35.181]).map((i) => pilji[i] as Pilji);
    const outline = unionPilji(chosen.map((p) => p.geometry)) as Polygon;
    expect(piljiInside(outline, pilji).sort()).toEqual(chosen.map((p) => p.pnu).sort());
  });
});
