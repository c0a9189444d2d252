import { readFileSync } from "node:fs";
import type { Feature, FeatureCollection, Position } from "geojson";
import { describe, expect, it } from "vitest";
import { labelPoint } from "../../src/map/label-point";

/** The grid point farthest from the edges by a plain scan of every point and every edge. */
function fullScan(feature: Feature, grid = 24): Position | null {
  const g = feature.geometry;
  const polys =
    g.type === "Polygon" ? [g.coordinates] : g.type === "MultiPolygon" ? g.coordinates : [];
  const area = (ring: Position[]) =>
    Math.abs(
      ring.reduce((a, [x = 0, y = 0], i) => {
        const [xj = 0, yj = 0] = ring[(i + ring.length - 1) % ring.length] ?? [];
        return a + xj * y - x * yj;
      }, 0),
    );
  const rings = polys.reduce<Position[][] | null>(
    (best, poly) => (poly[0] && (!best || area(poly[0]) > area(best[0] ?? [])) ? poly : best),
    null,
  );
  const outer = rings?.[0];
  if (!rings || !outer) return null;
  const inRing = ([x = 0, y = 0]: Position, ring: Position[]) =>
    ring.reduce((inside, [xi = 0, yi = 0], i) => {
      const [xj = 0, yj = 0] = ring[(i + ring.length - 1) % ring.length] ?? [];
      return yi > y !== yj > y && x < ((xj - xi) * (y - yi)) / (yj - yi) + xi ? !inside : inside;
    }, false);
  const toEdge = ([px = 0, py = 0]: Position) => {
    let d = Number.POSITIVE_INFINITY;
    for (const ring of rings)
      for (let i = 1; i < ring.length; i += 1) {
        const [ax = 0, ay = 0] = ring[i - 1] ?? [];
        const [bx = 0, by = 0] = ring[i] ?? [];
        const [dx, dy] = [bx - ax, by - ay];
        const len2 = dx * dx + dy * dy;
        const t =
          len2 === 0 ? 0 : Math.max(0, Math.min(1, ((px - ax) * dx + (py - ay) * dy) / len2));
        d = Math.min(d, Math.hypot(px - (ax + t * dx), py - (ay + t * dy)));
      }
    return d;
  };
  const xs = outer.map((p) => p[0] ?? 0);
  const ys = outer.map((p) => p[1] ?? 0);
  const [x0, x1] = [xs.reduce((a, b) => Math.min(a, b)), xs.reduce((a, b) => Math.max(a, b))];
  const [y0, y1] = [ys.reduce((a, b) => Math.min(a, b)), ys.reduce((a, b) => Math.max(a, b))];
  let best: Position = outer[0] ?? [x0, y0];
  let bestD = -1;
  for (let i = 0; i <= grid; i += 1)
    for (let j = 0; j <= grid; j += 1) {
      const p: Position = [x0 + ((x1 - x0) * i) / grid, y0 + ((y1 - y0) * j) / grid];
      if (!inRing(p, outer) || rings.slice(1).some((hole) => inRing(p, hole))) continue;
      const d = toEdge(p);
      if (d > bestD) [best, bestD] = [p, d];
    }
  return best;
}

describe("labelPoint", () => {
  it("picks the point a full scan of the grid picks, for every 시·도", () => {
    const sido = JSON.parse(readFileSync("public/data/sido.json", "utf8")) as FeatureCollection;
    expect(sido.features.length).toBe(17);
    for (const f of sido.features) expect(labelPoint(f)).toEqual(fullScan(f));
  });

  it("keeps a ring-shaped province's label out of its hole (경기도 around 서울)", () => {
    const donut: Feature = {
      type: "Feature",
      properties: {},
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
            [3, 3],
            [3, 7],
            [7, 7],
            [7, 3],
            [3, 3],
          ],
        ],
      },
    };
    const [x = 0, y = 0] = labelPoint(donut) ?? [];
    const inHole = x > 3 && x < 7 && y > 3 && y < 7;
    expect(inHole).toBe(false);
    expect(x >= 0 && x <= 10 && y >= 0 && y <= 10).toBe(true);
  });

  it("puts a square's label at its middle", () => {
    const square: Feature = {
      type: "Feature",
      properties: {},
      geometry: {
        type: "Polygon",
        coordinates: [
          [
            [0, 0],
            [4, 0],
            [4, 4],
            [0, 4],
            [0, 0],
          ],
        ],
      },
    };
    expect(labelPoint(square)).toEqual([2, 2]);
  });
});
