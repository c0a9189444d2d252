/**
 * Adding layers to the cadastre held (src/workers/cadastre-add.ts): 사천 added to 진주 is added
 * whole; 진주 again adds nothing; a layer overlapping the one held adds only its new 필지, and
 * a 필지 twice within what is added is added once.
 */
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { openCadastre, readPilji } from "../../geo/io/lsmd-read";
import { newLayers } from "../../src/workers/cadastre-add";
import type { ReadLayer } from "../../src/workers/cadastre-keep";

const layerOf = (path: string): ReadLayer => {
  const l = openCadastre([{ name: "c.zip", bytes: readFileSync(path) }])[0];
  if (!l) throw new Error(`no layer in ${path}`);
  return { name: l.name, pilji: [...readPilji(l)] };
};
const jinju = layerOf("test/fixtures/cadastre/LSMD_CONT_LDREG_48170.zip");
const sacheon = layerOf("test/fixtures/cadastre/LSMD_CONT_LDREG_48240.zip");
const pnus = (l: ReadLayer) => l.pilji.map((p) => p.pnu);

describe("layers added to the cadastre held", () => {
  it("adds a neighbouring 시·군 whole", () => {
    const { added, skipped } = newLayers(pnus(jinju), [sacheon]);
    expect(skipped).toBe(0);
    expect(added.map((l) => l.name)).toEqual(["LSMD_CONT_LDREG_48240"]);
    expect(added[0]?.pilji).toHaveLength(485);
  });

  it("adds nothing for the same file again, and says how many were skipped", () => {
    const { added, skipped } = newLayers(pnus(jinju), [jinju]);
    expect(added).toEqual([]);
    expect(skipped).toBe(2738);
  });

  it("adds only the new 필지 of a layer that overlaps, each once", () => {
    const half = { name: "half", pilji: sacheon.pilji.slice(0, 200) };
    const again = { name: "again", pilji: sacheon.pilji.slice(100, 300) };
    const { added, skipped } = newLayers(pnus(half), [sacheon, again]);
    expect(skipped).toBe(200 + 200);
    expect(added.map((l) => [l.name, l.pilji.length])).toEqual([["LSMD_CONT_LDREG_48240", 285]]);
    expect(new Set(added.flatMap(pnus)).size).toBe(285);
  });
});
