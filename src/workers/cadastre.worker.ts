/**
 * The cadastre Worker: reads a 연속지적도 (geo/io/lsmd-read.ts) record by record, reporting
 * progress, and keeps its 필지: the page asks it for unions (a pick, a lasso) and the 지번 조서.
 * The map gets the 필지 as vector tiles cut here (cadastre-tiles.ts), only those in view. The
 * page cancels by terminating this one (cadastre-client.ts).
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
import type { CadastreReply, CadastreRequest } from "./cadastre-protocol";
import { answerSelection, lassoPilji } from "./cadastre-select";
import { type CadastreTiles, cadastreTiles } from "./cadastre-tiles";

const scope = self as unknown as {
  postMessage: (m: CadastreReply, transfer?: Transferable[]) => void;
  onmessage: ((e: MessageEvent<CadastreRequest>) => void) | null;
};

const bjdTable = bjd as BjdTable;
let pilji: Pilji[] = [];
let byPnu = new Map<string, Pilji>();
let tiles: CadastreTiles | null = null;
let generation = 0;

const PROGRESS_EVERY = 5000;

function label(p: Pilji): string {
  try {
    return `${jibunOf(parsePnu(p.pnu))}${p.jimok}`;
  } catch {
    return `${p.jibun}${p.jimok}`;
  }
}

async function handle(req: CadastreRequest): Promise<void> {
  if (req.kind === "open") {
    const layers = openCadastre(req.files);
    const total = layers.reduce((n, l) => n + l.count, 0);
    const read: Pilji[] = [];
    for (const layer of layers) {
      for (const p of readPilji(layer)) {
        read.push(p);
        if (read.length % PROGRESS_EVERY === 0) {
          scope.postMessage({ kind: "progress", id: req.id, read: read.length, total });
        }
      }
    }
    pilji = read;
    byPnu = new Map(read.map((p) => [p.pnu, p]));
    // The tile index before the reply: the map's first tiles come as soon as it asks.
    tiles = cadastreTiles(read, label);
    generation = req.generation;
    const names = layers.map((l) => l.name);
    scope.postMessage({ kind: "opened", id: req.id, layers: names, count: read.length });
    return;
  }
  if (req.kind === "tile") {
    const bytes =
      tiles && req.generation === generation ? tiles.tile(req.z, req.x, req.y) : new Uint8Array();
    scope.postMessage({ kind: "tile", id: req.id, bytes }, [bytes.buffer as ArrayBuffer]);
    return;
  }
  if (req.kind === "select" || req.kind === "cover") {
    scope.postMessage(answerSelection(req, pilji));
    return;
  }
  if (req.kind === "union") {
    const geometry = unionPilji(req.pnus.flatMap((x) => byPnu.get(x)?.geometry ?? []));
    scope.postMessage({ kind: "union", id: req.id, geometry });
    return;
  }
  if (req.kind === "inside") {
    const pnus = lassoPilji(req.outline, pilji);
    const geometry = unionPilji(pnus.flatMap((x) => byPnu.get(x)?.geometry ?? []));
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
