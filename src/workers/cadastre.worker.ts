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
 * the indexes are built again over all, and every layer is kept together.
 */
import {
  type BjdTable,
  buildJoso,
  cadastreIndex,
  findPilji,
  jibunOf,
  josoAppendixHtml,
  josoCsv,
  josoXlsx,
  openCadastre,
  type Pilji,
  parsePnu,
  readPilji,
  unionPilji,
} from "../../geo/cadastre";
import { type ErrorData, importZone, isFilingError } from "../../geo/index";
import bjd from "../../public/data/bjd-codes.json";
import type { SourceId } from "../persistence/cadastre-kept";
import { newLayers } from "./cadastre-add";
import {
  forgetLayers,
  keepLayers,
  type ReadLayer,
  restoreLayers,
  sameSources,
} from "./cadastre-keep";
import type { CadastreReply, CadastreRequest } from "./cadastre-protocol";
import { rasterTile } from "./cadastre-raster";
import { answerSelection, lassoPilji } from "./cadastre-select";
import { type CadastreTiles, cadastreTiles } from "./cadastre-tiles";

const scope = self as unknown as {
  postMessage: (m: CadastreReply, transfer?: Transferable[]) => void;
  onmessage: ((e: MessageEvent<CadastreRequest>) => void) | null;
};

const bjdTable = bjd as BjdTable;
let pilji: Pilji[] = [];
/** The 필지 by PNU, made on the first union asked for (0.5–0.8 s for 290,611: not before the count shows). */
let byPnu: Map<string, Pilji> | null = null;
const piljiOf = (pnu: string): Pilji | undefined => {
  byPnu ??= new Map(pilji.map((p) => [p.pnu, p]));
  return byPnu.get(pnu);
};
let tiles: CadastreTiles | null = null;
let generation = 0;
/** The layers held, the files they were read from, and where they came from last. */
let held: ReadLayer[] = [];
let heldSources: SourceId[] = [];
let heldFrom: "files" | "kept" = "files";
/** The cadastre just read from files, until the page asks for it to be kept. */
let toKeep: { sources: SourceId[]; layers: ReadLayer[] } | null = null;

const PROGRESS_EVERY = 5000;
const KEEP_AFTER_MS = 1500;

function label(p: Pilji): string {
  try {
    return `${jibunOf(parsePnu(p.pnu))}${p.jimok}`;
  } catch {
    return `${p.jibun}${p.jimok}`;
  }
}

/** The 필지 of these layers become the cadastre held (its tiles indexed before the reply). */
function hold(layers: ReadLayer[], g: number, keptIndex?: ArrayBuffer): number {
  held = layers;
  const all = layers.length === 1 ? (layers[0] as ReadLayer).pilji : layers.flatMap((l) => l.pilji);
  pilji = all;
  byPnu = null;
  // The tile index before the reply: the map's first tiles come as soon as it asks.
  tiles = cadastreTiles(all, label, keptIndex);
  generation = g;
  return all.length;
}

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
  const known = (s: SourceId) => heldSources.some((h) => sameSources([h], [s]));
  const named = req.files.every((f) => f.lastModified !== undefined);
  const fresh = named ? sources.filter((s) => !known(s)) : sources;
  const read = fresh.length > 0 ? readFiles(req) : [];
  const { added, skipped } = newLayers(
    pilji.map((p) => p.pnu),
    read,
  );
  const count = added.reduce((n, l) => n + l.pilji.length, 0);
  if (added.length > 0) {
    heldSources = [...heldSources, ...fresh];
    heldFrom = "files";
    hold([...held, ...added], req.generation);
    toKeep = { sources: heldSources, layers: held };
  } else {
    generation = req.generation;
  }
  return {
    kind: "opened",
    id: req.id,
    layers: held.map((l) => l.name),
    count: pilji.length,
    from: heldFrom,
    added: { layers: added.map((l) => l.name), count, skipped },
  };
}

async function handle(req: CadastreRequest): Promise<void> {
  if (req.kind === "open") {
    const sources: SourceId[] = req.files.map((f) => ({
      name: f.name,
      size: f.bytes.byteLength,
      lastModified: f.lastModified ?? 0,
    }));
    if (held.length > 0) {
      scope.postMessage(add(req, sources));
      return;
    }
    // The same files picked again (name, size, time): what was kept of them, if it reads whole.
    const kept = req.files.every((f) => f.lastModified !== undefined)
      ? await restoreLayers(sources).catch(() => null)
      : null;
    const layers = kept?.ok ? kept.layers : readFiles(req);
    toKeep = kept?.ok ? null : { sources, layers };
    const count = hold(layers, req.generation, kept?.ok ? kept.index : undefined);
    const names = layers.map((l) => l.name);
    const from = kept?.ok ? "kept" : "files";
    heldSources = kept?.ok ? kept.manifest.sources : sources;
    heldFrom = from;
    scope.postMessage({ kind: "opened", id: req.id, layers: names, count, from });
    return;
  }
  if (req.kind === "restore") {
    const kept = await restoreLayers();
    if (!kept.ok) {
      if (kept.why !== "missing") await forgetLayers();
      scope.postMessage({ kind: "unkept", id: req.id, names: kept.names, why: kept.why });
      return;
    }
    toKeep = null;
    heldSources = kept.manifest.sources;
    heldFrom = "kept";
    const count = hold(kept.layers, req.generation, kept.index);
    const names = kept.layers.map((l) => l.name);
    scope.postMessage({ kind: "opened", id: req.id, layers: names, count, from: "kept" });
    return;
  }
  if (req.kind === "keep") {
    // Packed and written here, after the count is shown: the page clones nothing. A moment's
    // wait first lets the map's first tiles, asked for as the count shows, be cut before the
    // packing (a few seconds for a 시·군) holds this thread.
    await new Promise((done) => setTimeout(done, KEEP_AFTER_MS));
    const bytes = toKeep ? await keepLayers(toKeep.sources, toKeep.layers, tiles?.index) : 0;
    toKeep = null;
    scope.postMessage({ kind: "kept", id: req.id, bytes });
    return;
  }
  if (req.kind === "tile") {
    const bytes =
      tiles && req.generation === generation ? tiles.tile(req.z, req.x, req.y) : new Uint8Array();
    scope.postMessage({ kind: "tile", id: req.id, bytes }, [bytes.buffer as ArrayBuffer]);
    return;
  }
  if (req.kind === "raster") {
    const held = tiles && req.generation === generation ? tiles : null;
    const bitmap = held ? rasterTile(held, pilji, req, req.jimok) : null;
    scope.postMessage({ kind: "bitmap", id: req.id, bitmap }, bitmap ? [bitmap] : []);
    return;
  }
  if (req.kind === "at") {
    const i = tiles ? tiles.at(req.lon, req.lat) : -1;
    scope.postMessage({ kind: "at", id: req.id, pnu: pilji[i]?.pnu ?? null });
    return;
  }
  if (req.kind === "select" || req.kind === "cover") {
    scope.postMessage(answerSelection(req, pilji));
    return;
  }
  if (req.kind === "union") {
    const geometry = unionPilji(req.pnus.flatMap((x) => piljiOf(x)?.geometry ?? []));
    scope.postMessage({ kind: "union", id: req.id, geometry });
    return;
  }
  if (req.kind === "inside") {
    const pnus = lassoPilji(req.outline, pilji);
    const geometry = unionPilji(pnus.flatMap((x) => piljiOf(x)?.geometry ?? []));
    scope.postMessage({ kind: "inside", id: req.id, pnus, geometry });
    return;
  }
  if (req.kind === "find") {
    scope.postMessage({ kind: "found", id: req.id, hits: findPilji(req.query, pilji, bjdTable) });
    return;
  }
  // The filing's own bytes, in whatever format it was filed (the print view's appendix).
  const bytes = req.kind === "josoHtml" ? req.bytes : new TextEncoder().encode(req.filing);
  const zone = await importZone(bytes, req.fileName);
  const joso = buildJoso(zone, cadastreIndex(pilji), bjd as BjdTable);
  if (req.kind === "josoHtml") {
    scope.postMessage({ kind: "josoHtml", id: req.id, html: josoAppendixHtml(joso, req.lang) });
    return;
  }
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
