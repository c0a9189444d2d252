/**
 * Adding a 시·군's layers to the cadastre held (cadastre.worker.ts): each layer keeps only the
 * 필지 whose PNU is not held yet (nor earlier in what is added), so the same file picked twice,
 * or two files that overlap, hold each 필지 once. A layer left with none is not added.
 */
import type { Pilji } from "../../geo/cadastre/types";
import type { ReadLayer } from "./cadastre-keep";

/** A box in longitude / latitude: west, south, east, north. */
export type Extent = [number, number, number, number];

/** The box of these 필지 (every vertex), or null for none. */
export function extentOf(pilji: Iterable<Pilji>): Extent | null {
  let [w, s, e, n] = [Infinity, Infinity, -Infinity, -Infinity];
  for (const p of pilji) {
    const polys = p.geometry.type === "Polygon" ? [p.geometry.coordinates] : p.geometry.coordinates;
    for (const poly of polys)
      for (const ring of poly)
        for (const [x = 0, y = 0] of ring) {
          if (x < w) w = x;
          if (x > e) e = x;
          if (y < s) s = y;
          if (y > n) n = y;
        }
  }
  return w <= e ? [w, s, e, n] : null;
}

/** The layers to append, less the 필지 already held, and how many were skipped as held. */
export function newLayers(
  heldPnus: Iterable<string>,
  layers: readonly ReadLayer[],
): { added: ReadLayer[]; skipped: number } {
  const have = new Set(heldPnus);
  const added: ReadLayer[] = [];
  let skipped = 0;
  for (const layer of layers) {
    const own = layer.pilji.filter((p) => {
      if (have.has(p.pnu)) {
        skipped++;
        return false;
      }
      have.add(p.pnu);
      return true;
    });
    if (own.length > 0) added.push({ name: layer.name, pilji: own });
  }
  return { added, skipped };
}
