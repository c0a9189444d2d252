/**
 * 필지 chosen by an outline (a lasso, a freehand 구역, the envelope): those whose inner point lies
 * inside it. An inner point rather than "wholly inside", because a planner's lasso follows 필지
 * roughly and a 필지 mostly inside is meant; a box test first keeps it fast at a 시·군's size.
 */
import type { MultiPolygon, Polygon, Position } from "geojson";
import { geometryBounds, pointInRing } from "../geometry";

type Geometry = Polygon | MultiPolygon;

function rings(g: Geometry): Position[][] {
  return g.type === "Polygon" ? g.coordinates : g.coordinates.flat();
}

/** Inside a polygon or multipolygon, holes excluded (even-odd over all rings). */
export function pointInGeometry(p: Position, g: Geometry): boolean {
  const polys = g.type === "Polygon" ? [g.coordinates] : g.coordinates;
  return polys.some((poly) =>
    poly.reduce((inside, ring) => inside !== pointInRing(p, ring), false),
  );
}

/**
 * A point inside a 필지: the mean of its outer ring's vertices when that lies inside (lots are
 * near convex), else the middle of the widest span of the horizontal line through it.
 */
export function innerPoint(g: Geometry): Position {
  const outer = rings(g)[0] ?? [];
  const n = Math.max(1, outer.length - 1);
  let x = 0;
  let y = 0;
  for (let i = 0; i < n; i++) {
    x += outer[i]?.[0] ?? 0;
    y += outer[i]?.[1] ?? 0;
  }
  const my = y / n;
  const mean: Position = [x / n, my];
  if (pointInGeometry(mean, g)) return mean;
  const xs: number[] = [];
  for (const ring of rings(g))
    for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
      const [ax = 0, ay = 0] = ring[i] as Position;
      const [bx = 0, by = 0] = ring[j] as Position;
      if (ay > my !== by > my) xs.push(ax + ((my - ay) * (bx - ax)) / (by - ay));
    }
  xs.sort((a, b) => a - b);
  let best: Position = mean;
  let width = -1;
  for (let i = 0; i + 1 < xs.length; i += 2) {
    const w = (xs[i + 1] as number) - (xs[i] as number);
    if (w > width) {
      width = w;
      best = [((xs[i] as number) + (xs[i + 1] as number)) / 2, my];
    }
  }
  return best;
}

/** The PNUs of the 필지 whose inner point lies inside `outline`, in the order given. */
export function piljiInside(
  outline: Geometry,
  candidates: Iterable<{ pnu: string; geometry: Geometry }>,
): string[] {
  const b = geometryBounds(outline);
  const out: string[] = [];
  for (const c of candidates) {
    const cb = geometryBounds(c.geometry);
    if (cb[0] > b[2] || cb[2] < b[0] || cb[1] > b[3] || cb[3] < b[1]) continue;
    if (pointInGeometry(innerPoint(c.geometry), outline)) out.push(c.pnu);
  }
  return out;
}
