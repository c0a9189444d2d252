/**
 * Adding a 시·군's layers to the cadastre held (cadastre.worker.ts): each layer keeps only the
 * 필지 whose PNU is not held yet (nor earlier in what is added), so the same file picked twice,
 * or two files that overlap, hold each 필지 once. A layer left with none is not added.
 */
import type { ReadLayer } from "./cadastre-keep";

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
