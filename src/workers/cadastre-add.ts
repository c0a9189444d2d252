/**
 * Adding a 시·군's layers to the cadastre held (cadastre.worker.ts): each layer keeps only the
 * 필지 whose PNU is not held yet (nor earlier in what is added), so the same file picked twice,
 * or two files that overlap, hold each 필지 once. A layer left with none is not added.
 */
import type { Pilji } from "../../geo/cadastre/types";
import { type Bbox, geometryBounds, unionBbox } from "../../geo/geometry";
import type { ReadLayer } from "./cadastre-keep";

/** A box in longitude / latitude: west, south, east, north. */
export type Extent = Bbox;

/** The box of these 필지 (every vertex), or null for none. */
export function extentOf(pilji: readonly Pilji[]): Extent | null {
  return pilji.length > 0 ? unionBbox(pilji.map((p) => geometryBounds(p.geometry))) : null;
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
