/**
 * The one TopoJSON feature the cadastre build needs, decoded here (quantised, delta-encoded arcs
 * as the TopoJSON spec gives them) rather than through a package the project does not depend on.
 */

interface Topology {
  transform?: { scale: [number, number]; translate: [number, number] };
  arcs: [number, number][][];
  objects: Record<string, { geometries: TopoGeometry[] }>;
}

interface TopoGeometry {
  type: string;
  arcs: number[][] | number[][][];
  properties: Record<string, string>;
}

/** The polygons (rings of [lon, lat]) of the geometry in `object` whose `code` is `code`. */
export function topoPolygons(
  topo: Topology,
  object: string,
  code: string,
): [number, number][][][] | null {
  const g = topo.objects[object]?.geometries.find((x) => x.properties.code === code);
  if (!g) return null;
  const [sx, sy] = topo.transform?.scale ?? [1, 1];
  const [tx, ty] = topo.transform?.translate ?? [0, 0];
  const arc = (i: number): [number, number][] => {
    const raw = topo.arcs[i < 0 ? ~i : i] ?? [];
    let x = 0;
    let y = 0;
    const pts = raw.map(([dx, dy]): [number, number] => {
      if (topo.transform) {
        x += dx;
        y += dy;
        return [x * sx + tx, y * sy + ty];
      }
      return [dx, dy];
    });
    return i < 0 ? pts.reverse() : pts;
  };
  const ring = (arcs: number[]): [number, number][] => {
    const out: [number, number][] = [];
    arcs.forEach((a, k) => {
      const pts = arc(a);
      out.push(...(k === 0 ? pts : pts.slice(1)));
    });
    return out;
  };
  const polys = (g.type === "Polygon" ? [g.arcs] : g.arcs) as number[][][];
  return polys.map((p) => p.map(ring));
}
