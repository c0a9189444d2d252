/**
 * Where a 시·도 name goes: the point of a coarse grid inside the largest polygon that lies
 * farthest from its edges (a small polylabel). A centroid won't do: 경기도 surrounds 서울, so its
 * centroid falls in the hole.
 */
import type { Feature, Position } from "geojson";

type Ring = Position[];

function ringAreaAbs(ring: Ring): number {
  let a = 0;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i, i += 1) {
    const [xi = 0, yi = 0] = ring[i] ?? [];
    const [xj = 0, yj = 0] = ring[j] ?? [];
    a += xj * yi - xi * yj;
  }
  return Math.abs(a / 2);
}

function inRing([x = 0, y = 0]: Position, ring: Ring): boolean {
  let inside = false;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i, i += 1) {
    const [xi = 0, yi = 0] = ring[i] ?? [];
    const [xj = 0, yj = 0] = ring[j] ?? [];
    if (yi > y !== yj > y && x < ((xj - xi) * (y - yi)) / (yj - yi) + xi) inside = !inside;
  }
  return inside;
}

function segmentDistance([px = 0, py = 0]: Position, a: Position, b: Position): number {
  const [ax = 0, ay = 0] = a;
  const [bx = 0, by = 0] = b;
  const dx = bx - ax;
  const dy = by - ay;
  const len2 = dx * dx + dy * dy;
  const t = len2 === 0 ? 0 : Math.max(0, Math.min(1, ((px - ax) * dx + (py - ay) * dy) / len2));
  return Math.hypot(px - (ax + t * dx), py - (ay + t * dy));
}

function edgeDistance(p: Position, rings: Ring[]): number {
  let best = Number.POSITIVE_INFINITY;
  for (const ring of rings) {
    for (let i = 1; i < ring.length; i += 1) {
      const a = ring[i - 1];
      const b = ring[i];
      if (a && b) best = Math.min(best, segmentDistance(p, a, b));
    }
  }
  return best;
}

/** The label point of a Polygon or MultiPolygon feature, or null for other geometries. */
export function labelPoint(feature: Feature, grid = 24): Position | null {
  const g = feature.geometry;
  const polys =
    g.type === "Polygon" ? [g.coordinates] : g.type === "MultiPolygon" ? g.coordinates : [];
  let rings: Ring[] | null = null;
  for (const poly of polys) {
    const outer = poly[0];
    if (outer && (!rings || ringAreaAbs(outer) > ringAreaAbs(rings[0] ?? []))) rings = poly;
  }
  const outer = rings?.[0];
  if (!rings || !outer) return null;
  const xs = outer.map((p) => p[0] ?? 0);
  const ys = outer.map((p) => p[1] ?? 0);
  // Reduced, not Math.min(...xs): spreading a 150k-vertex ring into a call overflows the stack.
  const lo = (a: number, b: number) => Math.min(a, b);
  const hi = (a: number, b: number) => Math.max(a, b);
  const [x0, x1, y0, y1] = [
    xs.reduce(lo, Infinity),
    xs.reduce(hi, -Infinity),
    ys.reduce(lo, Infinity),
    ys.reduce(hi, -Infinity),
  ];
  let best: Position = outer[0] ?? [x0, y0];
  let bestD = -1;
  for (let i = 0; i <= grid; i += 1) {
    for (let j = 0; j <= grid; j += 1) {
      const p: Position = [x0 + ((x1 - x0) * i) / grid, y0 + ((y1 - y0) * j) / grid];
      if (!inRing(p, outer) || rings.slice(1).some((hole) => inRing(p, hole))) continue;
      const d = edgeDistance(p, rings);
      if (d > bestD) {
        bestD = d;
        best = p;
      }
    }
  }
  return best;
}
