/**
 * The cadastre Worker: reads a 연속지적도 (geo/io/lsmd-read.ts) record by record, reporting
 * progress, and keeps its 필지: the page asks it for unions (a pick, a lasso) and the 지번 조서.
 * The map gets the 필지 as vector tiles cut here (cadastre-tiles.ts), only those in view. The
 * page cancels by terminating this one (cadastre-client.ts). What it read it also keeps for the
 * next visit, packed, in IndexedDB (cadastre-keep.ts), and restores from there on a reload or
 * when the same files are picked again, without reading the Shapefile.
 *
 * Files picked while a cadastre is held are added to it (a neighbouring 시·군): their 필지 are
 * appended, except those whose PNU is already held (the same file picked twice is held once),
 * and the indexes are built again over all (cadastre-held.ts). One layer can be closed on its
 * own. Each layer is kept as its own entry: an add writes only the new one, a close deletes
 * only its own (cadastre-keep.ts).
 */
import {
  type BjdTable,
  buildJoso,
  cadastreIndex,
  findPilji,
  josoAppendixOf,
  josoCsv,
  josoXlsx,
  openCadastre,
  type Pilji,
  readPilji,
  unionPilji,
} from "../../geo/cadastre";
import { type ErrorData, importZone, isFilingError } from "../../geo/index";
import bjd from "../../public/data/bjd-codes.json";
import type { SourceId } from "../persistence/cadastre-kept";
import { extentOf, newLayers } from "./cadastre-add";
import { HeldCadastre, layerPlace, namedPlace } from "./cadastre-held";
import {
  type HeldLayer,
  KeptLayers,
  type ReadLayer,
  restoreLayers,
  sameSources,
} from "./cadastre-keep";
import type { CadastreReply, CadastreRequest } from "./cadastre-protocol";
import { rasterTile } from "./cadastre-raster";
import { answerSelection, lassoPilji } from "./cadastre-select";
import { RasterCache, tileKey } from "./raster-cache";

const scope = self as unknown as {
  postMessage: (m: CadastreReply, transfer?: Transferable[]) => void;
  onmessage: ((e: MessageEvent<CadastreRequest>) => void) | null;
};

const bjdTable = bjd as BjdTable;
const held = new HeldCadastre();
/** What is in IndexedDB: each layer its own entry, written once. */
const kept = new KeptLayers();
/** Where the cadastre held came from last: read from files, or restored from what was kept. */
let heldFrom: "files" | "kept" = "files";

/** The raster tiles last drawn, of generation rasterGeneration. */
const rasterCache = new RasterCache();
let rasterGeneration = 0;

const PROGRESS_EVERY = 5000;
const KEEP_AFTER_MS = 1500;

/**
 * The layers read, keyed for the kept store: `layer-<n>` after the highest held (those not held
 * are deleted from the store, or it is cleared before a fresh cadastre's first write).
 */
function keyed(layers: ReadLayer[], sources: SourceId[]): HeldLayer[] {
  let next =
    1 + Math.max(-1, ...held.layers.map((l) => Number(/^layer-(\d+)$/.exec(l.key)?.[1] ?? -1)));
  return layers.map((l) => ({ ...l, key: `layer-${next++}`, sources }));
}

const places = (): string[] => held.layers.map((l) => layerPlace(l, bjdTable));

/** Each layer of the files, read 필지 by 필지 with progress. */
function readFiles(req: Extract<CadastreRequest, { kind: "open" }>): ReadLayer[] {
  const layers = openCadastre(req.files);
  const total = layers.reduce((n, l) => n + l.count, 0);
  let read = 0;
  return layers.map((layer) => {
    const out: Pilji[] = [];
    for (const p of readPilji(layer)) {
      out.push(p);
      if (++read % PROGRESS_EVERY === 0) {
        scope.postMessage({ kind: "progress", id: req.id, read, total });
      }
    }
    return { name: layer.name, pilji: out };
  });
}

/**
 * Files picked while a cadastre is held: their layers appended, less the 필지 already held (by
 * PNU). Files already held (same name, size and time) are not read again. The map's tiles get
 * the new generation either way (a stale tile is never drawn).
 */
function add(
  req: Extract<CadastreRequest, { kind: "open" }>,
  sources: SourceId[],
): Extract<CadastreReply, { kind: "opened" }> {
  const heldSources = held.sources();
  const known = (s: SourceId) => heldSources.some((h) => sameSources([h], [s]));
  const named = req.files.every((f) => f.lastModified !== undefined);
  const fresh = named ? sources.filter((s) => !known(s)) : sources;
  const read = fresh.length > 0 ? readFiles(req) : [];
  const { added, skipped } = newLayers(
    held.pilji.map((p) => p.pnu),
    read,
  );
  const count = added.reduce((n, l) => n + l.pilji.length, 0);
  if (added.length > 0) {
    heldFrom = "files";
    held.hold([...held.layers, ...keyed(added, sources)], req.generation);
  } else {
    held.generation = req.generation;
  }
  const extent = extentOf(added.flatMap((l) => l.pilji));
  return opened(req.id, held.pilji.length, {
    layers: added.map((l) => l.name),
    count,
    skipped,
    ...(extent ? { extent } : {}),
  });
}

type Opened = Extract<CadastreReply, { kind: "opened" }>;

/**
 * The reply to an open, an add or a restore: the layers now held, where from, what was added,
 * what of the kept could not be restored.
 */
function opened(id: number, count: number, added?: Opened["added"], lost?: string[]): Opened {
  return {
    kind: "opened",
    id,
    layers: held.layers.map((l) => l.name),
    places: places(),
    count,
    from: heldFrom,
    ...(added ? { added } : {}),
    ...(lost?.length
      ? { lost: lost.map((name) => ({ name, place: namedPlace(name, bjdTable) })) }
      : {}),
  };
}

async function handle(req: CadastreRequest): Promise<void> {
  if (req.kind === "open") {
    const sources: SourceId[] = req.files.map((f) => ({
      name: f.name,
      size: f.bytes.byteLength,
      lastModified: f.lastModified ?? 0,
    }));
    if (held.layers.length > 0) {
      scope.postMessage(add(req, sources));
      return;
    }
    // The same files picked again (name, size, time): what was kept of them, if it reads whole
    // (a kept layer lost: the files picked are read instead, and kept anew).
    const fromKept = req.files.every((f) => f.lastModified !== undefined)
      ? await restoreLayers(sources).catch(() => null)
      : null;
    const restored = fromKept?.ok && fromKept.lost.length > 0 ? null : fromKept;
    if (restored?.ok) kept.known(restored.manifest);
    // Nothing is held here: the keys start again from layer-0 (the store is cleared on writing).
    // Files picked together that hold the same 필지 (a copy under another layer name) hold each
    // once, as an add does: the later layer keeps only the PNUs not seen before.
    const read = restored?.ok ? null : readFiles(req);
    const once = read && read.length > 1 ? newLayers([], read) : null;
    const layers = restored?.ok ? restored.layers : keyed(once?.added ?? read ?? [], sources);
    const count = held.hold(layers, req.generation, restored?.ok ? restored.index : undefined);
    heldFrom = restored?.ok ? "kept" : "files";
    const twice = once && once.skipped > 0;
    scope.postMessage(
      opened(
        req.id,
        count,
        twice
          ? { layers: once.added.map((l) => l.name), count, skipped: once.skipped, twice: true }
          : undefined,
      ),
    );
    return;
  }
  if (req.kind === "restore") {
    const restored = await restoreLayers(undefined, (p) =>
      scope.postMessage({ kind: "progress", id: req.id, ...p }),
    );
    if (!restored.ok) {
      if (restored.why !== "missing") await kept.forget();
      scope.postMessage({ kind: "unkept", id: req.id, names: restored.names, why: restored.why });
      return;
    }
    kept.known(restored.manifest);
    heldFrom = "kept";
    const count = held.hold(restored.layers, req.generation, restored.index);
    // A layer lost: its entry deleted and the manifest (and the tiles' index) written without it,
    // the others' entries untouched, so the next reload is clean. Should that fail, the next
    // reload finds the bad entry again and leaves it out the same way.
    if (restored.lost.length > 0)
      await kept.keep(held.layers, held.tiles?.index).catch(() => undefined);
    scope.postMessage(opened(req.id, count, undefined, restored.lost));
    return;
  }
  if (req.kind === "closeLayer") {
    const gone = held.close(req.at, req.name, req.generation, req.watch);
    if (gone === null) {
      // Closed already (the same × pressed twice): the cadastre as it is, nothing written; its
      // tiles under the page's new generation.
      held.generation = req.generation;
      scope.postMessage({
        kind: "closed",
        id: req.id,
        layers: held.layers.map((l) => l.name),
        places: places(),
        count: held.pilji.length,
        gone: [],
        closed: false,
        kept: true,
      });
      return;
    }
    // Only that layer's entry is deleted (with the manifest and the index written again). Should
    // that fail, nothing stays kept: a reload must not bring the closed layer back.
    const written = await kept.keep(held.layers, held.tiles?.index).then(
      () => true,
      () =>
        kept.forget().then(
          () => false,
          () => false,
        ),
    );
    scope.postMessage({
      kind: "closed",
      id: req.id,
      layers: held.layers.map((l) => l.name),
      places: places(),
      count: held.pilji.length,
      gone,
      closed: true,
      kept: written,
    });
    return;
  }
  if (req.kind === "keep") {
    // Packed and written here, after the count is shown: the page clones nothing. A moment's
    // wait first lets the map's first tiles, asked for as the count shows, be cut before the
    // packing (a few seconds for a 시·군) holds this thread.
    await new Promise((done) => setTimeout(done, KEEP_AFTER_MS));
    // Only the layers not kept yet are packed and written: an added 시·군 alone.
    const bytes = await kept.keep(held.layers, held.tiles?.index);
    scope.postMessage({ kind: "kept", id: req.id, bytes });
    return;
  }
  if (req.kind === "tile") {
    const { tiles } = held;
    const bytes =
      tiles && req.generation === held.generation
        ? tiles.tile(req.z, req.x, req.y)
        : new Uint8Array();
    scope.postMessage({ kind: "tile", id: req.id, bytes }, [bytes.buffer as ArrayBuffer]);
    return;
  }
  if (req.kind === "raster") {
    const tiles = held.tiles && req.generation === held.generation ? held.tiles : null;
    if (!tiles) {
      scope.postMessage({ kind: "bitmap", id: req.id, bitmap: null });
      return;
    }
    if (req.generation !== rasterGeneration) rasterCache.clear();
    rasterGeneration = req.generation;
    // Asked for by the raster layer and by the overlay alike: drawn once, each sent a copy.
    const key = tileKey(req);
    let cached = rasterCache.get(key);
    if (!cached) {
      rasterCache.put(key, rasterTile(tiles, held.pilji, req, req.jimok));
      cached = rasterCache.get(key);
    }
    const drawn = cached?.bitmap;
    if (!drawn) {
      scope.postMessage({ kind: "bitmap", id: req.id, bitmap: null });
      return;
    }
    const bitmap = await createImageBitmap(drawn);
    scope.postMessage({ kind: "bitmap", id: req.id, bitmap }, [bitmap]);
    return;
  }
  if (req.kind === "at") {
    const i = held.tiles ? held.tiles.at(req.lon, req.lat) : -1;
    scope.postMessage({ kind: "at", id: req.id, pnu: held.pilji[i]?.pnu ?? null });
    return;
  }
  if (req.kind === "select" || req.kind === "cover") {
    scope.postMessage(answerSelection(req, held.pilji));
    return;
  }
  if (req.kind === "union") {
    const geometry = unionPilji(req.pnus.flatMap((x) => held.piljiOf(x)?.geometry ?? []));
    scope.postMessage({ kind: "union", id: req.id, geometry });
    return;
  }
  if (req.kind === "inside") {
    const pnus = lassoPilji(req.outline, held.pilji);
    const geometry = unionPilji(pnus.flatMap((x) => held.piljiOf(x)?.geometry ?? []));
    scope.postMessage({ kind: "inside", id: req.id, pnus, geometry });
    return;
  }
  if (req.kind === "find") {
    scope.postMessage({
      kind: "found",
      id: req.id,
      hits: findPilji(req.query, held.pilji, bjdTable),
    });
    return;
  }
  // The filing's own bytes, in whatever format it was filed (the print view's appendix).
  const bytes = req.kind === "josoHtml" ? req.bytes : new TextEncoder().encode(req.filing);
  const zone = await importZone(bytes, req.fileName);
  if (req.kind === "josoHtml") {
    // A 구역 naming a 필지 not open: the report is made, its appendix says why it has no 조서.
    const html = josoAppendixOf(zone, cadastreIndex(held.pilji), bjdTable, req.lang);
    scope.postMessage({ kind: "josoHtml", id: req.id, html });
    return;
  }
  const joso = buildJoso(zone, cadastreIndex(held.pilji), bjd as BjdTable);
  const out = req.format === "xlsx" ? await josoXlsx(joso) : josoCsv(joso, req.encoding);
  scope.postMessage({ kind: "joso", id: req.id, bytes: out }, [out.buffer]);
}

scope.onmessage = (e) => {
  handle(e.data).catch((err: unknown) => {
    const error: ErrorData = isFilingError(err)
      ? err.data
      : { code: "BAD_FILE", params: { kind: "FAILED", why: String(err) } };
    scope.postMessage({ kind: "error", id: e.data.id, error });
  });
};
