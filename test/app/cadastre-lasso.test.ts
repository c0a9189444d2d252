/**
 * The lasso (윤곽 → 필지) in the cadastre Worker (src/workers/cadastre-select.ts lassoPilji): the
 * candidates come from the box index, then the inner-point test. It must take exactly the 필지
 * the old scan of every 필지 took (piljiInside over all), in the same order: on the test fixture,
 * with lassos whose box only just meets a 필지's, whose edge runs through 필지 and through an
 * inner point, outlines of two parts or with a hole, and multi-part 필지 whose parts lie on both
 * sides of the lasso.
 */
import { readFileSync } from "node:fs";
import type { MultiPolygon, Polygon, Position } from "geojson";
import { describe, expect, it } from "vitest";
import { innerPoint, piljiInside } from "../../geo/cadastre/select";
import type { Pilji } from "../../geo/cadastre/types";
import { geometryBounds } from "../../geo/geometry";
import { openCadastre, readPilji } from "../../geo/io/lsmd-read";
import { lassoPilji } from "../../src/workers/cadastre-select";

const layer = openCadastre([
  { name: "c.zip", bytes: readFileSync("test/fixtures/cadastre/LSMD_CONT_LDREG_48170.zip") },
])[0];
const fixture = layer ? [...readPilji(layer)] : [];

const square = (w: number, s: number, e: number, n: number): Position[] => [
  [w, s],
  [e, s],
  [e, n],
  [w, n],
  [w, s],
];
const polygon = (...rings: Position[][]): Polygon => ({ type: "Polygon", coordinates: rings });

/** A hand-drawn lasso: a wobbly 40-gon about `r` degrees across around a point. */
function wobbly([x, y]: Position, r: number): Polygon {
  const ring: Position[] = [];
  for (let k = 0; k < 40; k++) {
    const a = (2 * Math.PI * k) / 40;
    const f = 1 + 0.2 * Math.sin(5 * a) + 0.07 * Math.cos(11 * a);
    ring.push([(x ?? 0) + r * f * Math.cos(a), (y ?? 0) + 0.8 * r * f * Math.sin(a)]);
  }
  ring.push(ring[0] as Position);
  return polygon(ring);
}

const partsOf = (p: Pilji): Position[][][] =>
  p.geometry.type === "Polygon" ? [p.geometry.coordinates] : p.geometry.coordinates;

/** A 필지 of two parts (a real cadastre has some): two lots of the fixture far apart, one PNU. */
function twoParts(a: Pilji, b: Pilji, pnu: string): Pilji {
  return {
    ...a,
    pnu,
    geometry: { type: "MultiPolygon", coordinates: [...partsOf(a), ...partsOf(b)] },
  };
}

const byPnu = new Map(fixture.map((p) => [p.pnu, p]));
const lot = (pnu: string) => byPnu.get(pnu) as Pilji;
/** Lots by distance from the window's centre, for picking near and far ones. */
const CENTRE: Position = [128.1065, 35.18];
const lots = fixture
  .filter((p) => p.jimok === "대")
  .map((p) => ({
    p,
    d: Math.hypot(
      (innerPoint(p.geometry)[0] ?? 0) - (CENTRE[0] ?? 0),
      (innerPoint(p.geometry)[1] ?? 0) - (CENTRE[1] ?? 0),
    ),
  }))
  .sort((a, b) => a.d - b.d)
  .map((x) => x.p);
const near = lots[0] as Pilji;
const far = lots[lots.length - 1] as Pilji;
/** Inner point near the lasso's middle, the other part far out; and the other way round. */
const multiIn = twoParts(near, far, "4817099999100000001");
const multiOut = twoParts(far, near, "4817099999100000002");
/**
 * Two parts whose inner point lies in the second: the first a U whose vertices' mean falls in its
 * notch, so the point is the middle of the widest span along that line, in the wider part 300 m
 * east. An index of the first part's box alone would never offer it to a lasso around the second.
 */
const D = 0.0001;
const [UX, UY] = [128.1035, 35.1768];
const uShape: Position[] = [
  [0, 0],
  [3, 0],
  [3, 3],
  [2, 3],
  [2, 1],
  [1, 1],
  [1, 3],
  [0, 3],
  [0, 0],
].map(([x = 0, y = 0]) => [UX + x * D, UY + y * D]);
const wide = square(UX + 30 * D, UY + D, UX + 36 * D, UY + 2.5 * D);
const multiSecond: Pilji = {
  ...near,
  pnu: "4817099999100000003",
  geometry: { type: "MultiPolygon", coordinates: [[uShape], [wide]] },
};
const cadastre = [...fixture, multiIn, multiOut, multiSecond];

describe("the lasso from the box index", () => {
  it("takes the same 필지 as a scan of every 필지, in the same order", () => {
    const lassos: (Polygon | MultiPolygon)[] = [
      wobbly(CENTRE, 0.0012),
      wobbly([128.1025, 35.1745], 0.002),
      polygon(square(128.1052, 35.1788, 128.1081, 35.1812)),
      // Two parts, and a part with a hole.
      {
        type: "MultiPolygon",
        coordinates: [
          [square(128.101, 35.175, 128.1025, 35.1762)],
          [square(128.11, 35.182, 128.1125, 35.184), square(128.1105, 35.1825, 128.112, 35.1835)],
        ],
      },
    ];
    for (const outline of lassos) {
      const scan = piljiInside(outline, cadastre);
      expect(scan.length).toBeGreaterThan(3);
      expect(scan.length).toBeLessThan(cadastre.length / 4);
      expect(lassoPilji(outline, cadastre)).toEqual(scan);
    }
  });

  it("takes a multi-part 필지 by its inner point, whichever part the lasso's box meets", () => {
    const outline = wobbly(innerPoint(near.geometry), 0.0006);
    const taken = lassoPilji(outline, cadastre);
    expect(taken).toEqual(piljiInside(outline, cadastre));
    // Its inner point (the first part's) is inside: taken, though its box reaches far out.
    expect(taken).toContain(multiIn.pnu);
    expect(taken).toContain(near.pnu);
    // The same parts the other way round: its box meets the lasso's, its inner point is far out.
    expect(taken).not.toContain(multiOut.pnu);
    // Around the far part: the other way round.
    const there = wobbly(innerPoint(far.geometry), 0.0003);
    expect(lassoPilji(there, cadastre)).toEqual(piljiInside(there, cadastre));
    expect(lassoPilji(there, cadastre)).toContain(multiOut.pnu);
    expect(lassoPilji(there, cadastre)).not.toContain(multiIn.pnu);
  });

  it("finds a multi-part 필지 by all its parts' box, its inner point in the second part", () => {
    const [px = 0, py = 0] = innerPoint(multiSecond.geometry);
    expect(px).toBeGreaterThan(UX + 30 * D);
    // A lasso around the second part only: its box does not reach the first part's.
    const outline = polygon(square(UX + 28 * D, UY, UX + 38 * D, UY + 3.5 * D));
    expect(py).toBeGreaterThan(UY);
    const taken = lassoPilji(outline, cadastre);
    expect(taken).toEqual(piljiInside(outline, cadastre));
    expect(taken).toContain(multiSecond.pnu);
  });

  it("takes a 필지 whose box the lasso's only just meets, and decides 필지 on its edge as the scan does", () => {
    // A lasso exactly a lot's box: the boxes meet along all four sides (Flatbush is inclusive).
    const [w, s, e, n] = geometryBounds(near.geometry);
    const exact = polygon(square(w, s, e, n));
    expect(lassoPilji(exact, cadastre)).toEqual(piljiInside(exact, cadastre));
    expect(lassoPilji(exact, cadastre)).toContain(near.pnu);
    // A lasso whose east side is a lot's west edge's x, reaching only that far: the lot's box
    // touches the lasso's at one line.
    const touching = polygon(square(w - 0.001, s - 0.0005, w, n + 0.0005));
    expect(lassoPilji(touching, cadastre)).toEqual(piljiInside(touching, cadastre));
    // A lasso whose south edge runs through inner points: the horizontal line through one
    // lot's inner point, and a vertex exactly at another's.
    const [ix = 0, iy = 0] = innerPoint(near.geometry);
    const other = lot(lots[5]?.pnu ?? "");
    const through = polygon([
      [ix - 0.0015, iy],
      [ix + 0.0015, iy],
      innerPoint(other.geometry),
      [ix + 0.0015, iy + 0.0012],
      [ix - 0.0015, iy + 0.0012],
      [ix - 0.0015, iy],
    ]);
    const scan = piljiInside(through, cadastre);
    expect(scan.length).toBeGreaterThan(3);
    expect(lassoPilji(through, cadastre)).toEqual(scan);
    // 필지 the edge crosses are taken by their inner point: some in, some out.
    const crossed = fixture.filter((p) => {
      const [bw, bs, be, bn] = geometryBounds(p.geometry);
      return bs < iy && bn > iy && bw > ix - 0.0014 && be < ix + 0.0014;
    });
    expect(crossed.some((p) => scan.includes(p.pnu))).toBe(true);
    expect(crossed.some((p) => !scan.includes(p.pnu))).toBe(true);
  });

  it("answers from the index of the cadastre it is given, not of the one before", () => {
    const outline = wobbly(CENTRE, 0.0012);
    const some = fixture.slice(0, 500);
    expect(lassoPilji(outline, some)).toEqual(piljiInside(outline, some));
    expect(lassoPilji(outline, cadastre)).toEqual(piljiInside(outline, cadastre));
    expect(lassoPilji(outline, [])).toEqual([]);
  });
});
