/**
 * One 시·군 closed on its own (src/workers/cadastre-held.ts, cadastre-keep.ts): 진주 and 사천
 * held, 사천 closed: its 필지 leave the count, the map tiles' index (a point on a 사천 필지 finds
 * nothing, no tile over 사천 holds it), the selections' index (a lasso over it), the 지번 search
 * and the PNU map; the 구역's PNUs that were its 필지 are named. What is kept changes by layer:
 * an add writes the new layer only, a close deletes its own only, and a damaged or missing entry
 * is left out of a restore (the others restored, the lost one named, its entry alone to be
 * deleted) — every entry bad refuses the whole; a manifest of the earlier version (no files a
 * layer) is still read.
 */
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import type { BjdTable } from "../../geo/cadastre";
import { findPilji, innerPoint } from "../../geo/cadastre";
import { openCadastre, readPilji } from "../../geo/io/lsmd-read";
import bjd from "../../public/data/bjd-codes.json";
import type { KeptManifest } from "../../src/persistence/cadastre-kept";
import { HeldCadastre, layerPlace } from "../../src/workers/cadastre-held";
import {
  type HeldLayer,
  isManifest,
  type KeptReader,
  keepPlan,
  manifestOf,
  restoreLayers,
  unpackKept,
} from "../../src/workers/cadastre-keep";
import { PACK_VERSION, packPilji } from "../../src/workers/cadastre-pack";
import { answerSelection, lassoPilji } from "../../src/workers/cadastre-select";
import { mercX, mercY } from "../../src/workers/cadastre-tiles";

const table = bjd as BjdTable;
const source = (name: string) => ({ name, size: 1, lastModified: 2 });
const layerOf = (path: string, key: string): HeldLayer => {
  const l = openCadastre([{ name: "c.zip", bytes: readFileSync(path) }])[0];
  if (!l) throw new Error(`no layer in ${path}`);
  return { name: l.name, pilji: [...readPilji(l)], key, sources: [source(`${key}.zip`)] };
};
const jinju = layerOf("test/fixtures/cadastre/LSMD_CONT_LDREG_48170.zip", "layer-a");
const sacheon = layerOf("test/fixtures/cadastre/LSMD_CONT_LDREG_48240.zip", "layer-b");
const s0 = sacheon.pilji[0];
const j0 = jinju.pilji[0];
if (!s0 || !j0) throw new Error("empty fixture");

/** A small square around a point (lon/lat), as a lasso. */
const square = ([x = 0, y = 0]: number[], d = 0.0004) => ({
  type: "Polygon" as const,
  coordinates: [
    [
      [x - d, y - d],
      [x + d, y - d],
      [x + d, y + d],
      [x - d, y + d],
      [x - d, y - d],
    ],
  ],
});

describe("one 시·군 closed in the Worker", () => {
  const held = new HeldCadastre();
  held.hold([jinju, sacheon], 1);
  const sIn = innerPoint(s0.geometry);
  const [sx = 0, sy = 0] = sIn;
  const before = {
    at: held.pilji[held.tiles?.at(sx, sy) ?? -1]?.pnu,
    lasso: lassoPilji(square(sIn), held.pilji),
    found: findPilji(s0.pnu, held.pilji, table).length,
  };

  it("holds both first: the 사천 필지 is found every way", () => {
    expect(held.pilji).toHaveLength(2738 + 485);
    expect(before.at).toBe(s0.pnu);
    expect(before.lasso).toContain(s0.pnu);
    expect(before.found).toBeGreaterThan(0);
    expect(held.piljiOf(s0.pnu)).toBeDefined();
    expect([jinju, sacheon].map((l) => layerPlace(l, table))).toEqual(["진주시", "사천시"]);
  });

  it("closes 사천: its 필지 leave the count, both indexes, the search and the PNU map", () => {
    const watch = [j0.pnu, s0.pnu, s0.pnu, "4824000000100000000"];
    const gone = held.close(1, sacheon.name, 2, watch);
    expect(gone).toEqual([s0.pnu]);
    expect(held.generation).toBe(2);
    expect(held.layers.map((l) => l.name)).toEqual([jinju.name]);
    expect(held.pilji).toHaveLength(2738);
    expect(held.sources()).toEqual([source("layer-a.zip")]);
    // The map tiles' index: the point on the 사천 필지 finds none of 사천's.
    const i = held.tiles?.at(sx, sy) ?? -1;
    expect(sacheon.pilji.map((p) => p.pnu)).not.toContain(held.pilji[i]?.pnu);
    // A tile over the 사천 필지 has no 필지 of 사천.
    const z = 16;
    const tx = Math.floor(mercX(sx) * 2 ** z);
    const ty = Math.floor(mercY(sy) * 2 ** z);
    const near = held.tiles?.near(z, tx, ty, 0, 512) ?? [];
    const own = new Set(sacheon.pilji.map((p) => p.pnu));
    expect(near.filter((k) => own.has(held.pilji[k]?.pnu ?? ""))).toEqual([]);
    // The selections' index, built again for the new list.
    expect(lassoPilji(square(sIn), held.pilji).filter((p) => own.has(p))).toEqual([]);
    const sel = answerSelection(
      { kind: "select", id: 1, how: "box", outline: square(sIn, 0.002) },
      held.pilji,
    );
    expect(sel.kind === "select" && sel.pnus.filter((p) => own.has(p))).toEqual([]);
    expect(findPilji(s0.pnu, held.pilji, table)).toEqual([]);
    expect(held.piljiOf(s0.pnu)).toBeUndefined();
    expect(held.piljiOf(j0.pnu)).toBeDefined();
  });

  it("does nothing for a layer no longer held (closed twice), and finds one listed before a change by its name", () => {
    // The same × pressed twice quickly: the second close finds it gone, and leaves 진주 alone.
    expect(held.close(1, sacheon.name, 3, [])).toBeNull();
    expect(held.close(0, sacheon.name, 3, [])).toBeNull();
    expect(held.pilji).toHaveLength(2738);
    expect(held.layers.map((l) => l.name)).toEqual([jinju.name]);
    const two = new HeldCadastre();
    two.hold([jinju, sacheon], 1);
    // 진주 listed second by a page that has not heard of a change yet: still 진주 closed.
    expect(two.close(1, jinju.name, 2, [j0.pnu])).toEqual([j0.pnu]);
    expect(two.layers.map((l) => l.name)).toEqual([sacheon.name]);
  });
});

describe("files picked together, one of their layers closed", () => {
  it("no longer counts the closed layer's files as held, so picking them again reads them", () => {
    const both = [source("jinju.zip"), source("sacheon.zip")];
    const h = new HeldCadastre();
    h.hold(
      [
        { ...jinju, sources: both },
        { ...sacheon, sources: both },
      ],
      1,
    );
    expect(h.sources()).toEqual(both);
    h.close(1, sacheon.name, 2, []);
    // Which of the two files held 사천 is not known, so neither is taken as still open: picked
    // again, it is read, and the PNU check adds 사천's 필지 and skips 진주's.
    expect(h.sources()).toEqual([]);
    expect(h.layers[0]?.pilji).toBe(jinju.pilji);
    // A layer from its own pick keeps its files.
    const g = new HeldCadastre();
    g.hold([jinju, sacheon], 1);
    g.close(1, sacheon.name, 2, []);
    expect(g.sources()).toEqual([source("layer-a.zip")]);
  });
});

describe("what is kept, by layer", () => {
  it("writes only the added layer, deletes only the closed one, clears a store not known", () => {
    expect(keepPlan(new Set(["layer-a"]), [jinju, sacheon])).toEqual({
      clear: false,
      put: [sacheon],
      drop: [],
    });
    expect(keepPlan(new Set(["layer-a", "layer-b"]), [jinju])).toEqual({
      clear: false,
      put: [],
      drop: ["layer-b"],
    });
    expect(keepPlan(null, [jinju])).toEqual({ clear: true, put: [jinju], drop: [] });
  });

  const manifest = manifestOf([jinju, sacheon], () => 0);
  const buffers = [packPilji(jinju.pilji), packPilji(sacheon.pilji)];

  it("restores every layer with its own files", () => {
    const r = unpackKept(manifest, buffers);
    expect(r.ok && r.layers.map((l) => [l.name, l.key, l.pilji.length, l.sources])).toEqual([
      [jinju.name, "layer-a", 2738, [source("layer-a.zip")]],
      [sacheon.name, "layer-b", 485, [source("layer-b.zip")]],
    ]);
    expect(manifest.sources).toEqual([source("layer-a.zip"), source("layer-b.zip")]);
  });

  it("reports its progress", () => {
    const seen: number[] = [];
    unpackKept(manifest, buffers, (n) => seen.push(n));
    // Each layer's end at least (and every 5,000 필지 within a big one), rising to the whole.
    expect(seen).toEqual([2738, 3223]);
  });

  /** The buffer with one byte changed, as a disk error would. */
  const flipped = (b: ArrayBuffer) => {
    const out = b.slice(0);
    const bytes = new Uint8Array(out);
    bytes[bytes.length >> 1] = (bytes[bytes.length >> 1] ?? 0) ^ 0xff;
    return out;
  };

  it("restores the good layers when one entry among them is damaged, naming the one lost", () => {
    const a = buffers[0] as ArrayBuffer;
    const b = buffers[1] as ArrayBuffer;
    for (const bad of [flipped(b), b.slice(0, 1000)]) {
      const r = unpackKept(manifest, [a, bad]);
      expect(r.ok).toBe(true);
      if (!r.ok) continue;
      expect(r.layers.map((l) => [l.name, l.key, l.pilji.length])).toEqual([
        [jinju.name, "layer-a", 2738],
      ]);
      expect(r.lost).toEqual([sacheon.name]);
      // The tiles' index was over both layers: built again, not restored.
      expect(r.index).toBeUndefined();
      // The store then loses the lost layer's entry only (the manifest written without it).
      expect(keepPlan(new Set(manifest.layers.map((l) => l.key)), r.layers)).toEqual({
        clear: false,
        put: [],
        drop: ["layer-b"],
      });
    }
    // The first of three damaged: the other two restored, in their order.
    const three = manifestOf(
      [jinju, sacheon, { ...sacheon, name: "LSMD_CONT_LDREG_48241", key: "layer-c" }],
      () => 0,
    );
    const r = unpackKept(three, [flipped(a), b, b]);
    expect(r.ok && r.layers.map((l) => l.key)).toEqual(["layer-b", "layer-c"]);
    expect(r.ok && r.lost).toEqual([jinju.name]);
  });

  it("restores the others when one entry is missing (deleted under a manifest naming it)", () => {
    const r = unpackKept(manifest, [undefined, buffers[1]]);
    expect(r.ok && r.layers.map((l) => l.name)).toEqual([sacheon.name]);
    expect(r.ok && r.lost).toEqual([jinju.name]);
    // An entry holding another count of 필지 than the manifest says is lost the same way.
    const other = unpackKept(manifest, [buffers[1], buffers[1]]);
    expect(other.ok && other.lost).toEqual([jinju.name]);
  });

  it("no longer counts the lost layer's files as held when layers were picked together", () => {
    const both = [source("jinju.zip"), source("sacheon.zip")];
    const together = manifestOf(
      [
        { ...jinju, sources: both },
        { ...sacheon, sources: both },
      ],
      () => 0,
    );
    const r = unpackKept(together, [buffers[0], undefined]);
    // Picked again, either file is read (the PNU check skips 진주's 필지), not taken as open.
    expect(r.ok && r.layers[0]?.sources).toEqual([]);
  });

  it("refuses the whole, as before, when every entry is damaged or missing", () => {
    const cut = (buffers[1] as ArrayBuffer).slice(0, 1000);
    for (const bad of [
      [flipped(buffers[0] as ArrayBuffer), cut],
      [undefined, undefined],
      [undefined, cut],
    ]) {
      expect(unpackKept(manifest, bad)).toEqual({
        ok: false,
        why: "damaged",
        names: [jinju.name, sacheon.name],
      });
    }
    expect(unpackKept({ ...manifest, version: PACK_VERSION + 1 }, buffers)).toMatchObject({
      ok: false,
      why: "format",
    });
  });

  it("reports the kept entries read from the store, each as it arrives, before any 필지 is unpacked", async () => {
    const index = new ArrayBuffer(64);
    const [a, b] = buffers as [ArrayBuffer, ArrayBuffer];
    const sizes: Record<string, number> = { "layer-a": a.byteLength, "layer-b": b.byteLength };
    const m = manifestOf([jinju, sacheon], (k) => sizes[k] ?? 0, index);
    const store = new Map<string, unknown>([
      ["layer-a", a],
      ["layer-b", b],
      ["tiles-index", index],
    ]);
    const seen: string[] = [];
    // A store whose entries arrive one at a time, as IndexedDB's requests complete.
    const reader: KeptReader = {
      manifest: async () => m,
      entries: async (keys, onEntry) => {
        const out: unknown[] = [];
        for (const [i, k] of keys.entries()) {
          await new Promise((done) => setTimeout(done, 1));
          seen.push(`got ${k}`);
          out.push(store.get(k));
          onEntry(i, out[i]);
        }
        return out;
      },
    };
    const all = a.byteLength + b.byteLength + 64;
    const r = await restoreLayers(
      undefined,
      (p) => seen.push(`${p.unit} ${p.read}/${p.total}`),
      reader,
    );
    expect(r.ok && r.layers.map((l) => l.pilji.length)).toEqual([2738, 485]);
    // The bar moves while the store is read (by bytes, the manifest's sizes), then by 필지.
    expect(seen).toEqual([
      "got layer-a",
      `bytes ${a.byteLength}/${all}`,
      "got layer-b",
      `bytes ${a.byteLength + b.byteLength}/${all}`,
      "got tiles-index",
      `bytes ${all}/${all}`,
      "pilji 2738/3223",
      "pilji 3223/3223",
    ]);
  });

  it("refuses a manifest naming no layer, or one entry for two layers, as damaged", () => {
    // Never written so (the last layer closed deletes the manifest): held, it showed "0 필지"
    // with no file, or the same 필지 twice.
    expect(unpackKept({ ...manifest, layers: [] }, [])).toEqual({
      ok: false,
      why: "damaged",
      names: [],
    });
    const [a] = manifest.layers;
    if (!a) throw new Error("no layer");
    expect(
      unpackKept({ ...manifest, layers: [a, { ...a, name: sacheon.name }] }, [
        buffers[0],
        buffers[0],
      ]),
    ).toEqual({ ok: false, why: "damaged", names: [jinju.name, sacheon.name] });
  });

  it("reads a manifest of the earlier version, which named the files only together", () => {
    const old: KeptManifest = {
      version: PACK_VERSION,
      sources: [source("진주.zip"), source("사천.zip")],
      layers: [
        { name: jinju.name, count: 2738, key: "layer-0", bytes: 0 },
        { name: sacheon.name, count: 485, key: "layer-1", bytes: 0 },
      ],
    };
    const r = unpackKept(old, buffers);
    expect(r.ok && r.layers.map((l) => [l.key, l.sources])).toEqual([
      ["layer-0", undefined],
      ["layer-1", undefined],
    ]);
    const one = unpackKept({ ...old, layers: old.layers.slice(0, 1) }, buffers);
    expect(one.ok && one.layers[0]?.sources).toEqual(old.sources);
  });

  it("tells a manifest of its form from anything else found under its key", () => {
    expect(isManifest(manifest)).toBe(true);
    const { sources: _s, ...noSources } = manifest.layers[0] as KeptManifest["layers"][number];
    expect(isManifest({ ...manifest, layers: [noSources] })).toBe(true);
    for (const bad of [
      null,
      "manifest",
      {},
      { ...manifest, layers: "x" },
      { ...manifest, version: "1" },
    ])
      expect(isManifest(bad)).toBe(false);
    expect(isManifest({ ...manifest, layers: [{ name: "a", key: 1, count: 2 }] })).toBe(false);
  });
});
