/**
 * The cadastre Worker: reads a 연속지적도 (geo/io/lsmd-read.ts) record by record, reporting
 * progress, and keeps its 필지: the page asks it for unions (a pick, a lasso) and the 지번 조서.
 * The map gets the outlines as GeoJSON text, transferred, which MapLibre parses in its own
 * Worker. The page cancels by terminating this one (src/cadastre/client.ts).
 */
import type { Position } from "geojson";
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
  piljiInside,
  readPilji,
  unionPilji,
} from "../../geo/cadastre";
import { type ErrorData, importZone, isFilingError } from "../../geo/index";
import bjd from "../../public/data/bjd-codes.json";
import type { CadastreReply, CadastreRequest } from "./cadastre-protocol";
import { answerSelection } from "./cadastre-select";

const scope = self as unknown as {
  postMessage: (m: CadastreReply, transfer?: Transferable[]) => void;
  onmessage: ((e: MessageEvent<CadastreRequest>) => void) | null;
};

const bjdTable = bjd as BjdTable;
let pilji: Pilji[] = [];
let byPnu = new Map<string, Pilji>();

const PROGRESS_EVERY = 5000;

function label(p: Pilji): string {
  try {
    return `${jibunOf(parsePnu(p.pnu))}${p.jimok}`;
  } catch {
    return `${p.jibun}${p.jimok}`;
  }
}

/** Coordinates to 1e-7° (about 1 cm) for drawing: the 필지 kept here stay exact. */
const short = (rings: Position[][]): string =>
  `[${rings.map((r) => `[${r.map((q) => `[${(q[0] ?? 0).toFixed(7)},${(q[1] ?? 0).toFixed(7)}]`).join(",")}]`).join(",")}]`;

function outlinesText(list: Pilji[]): ArrayBuffer {
  const parts: string[] = ['{"type":"FeatureCollection","features":['];
  list.forEach((p, i) => {
    const g = p.geometry;
    const coords =
      g.type === "Polygon" ? short(g.coordinates) : `[${g.coordinates.map(short).join(",")}]`;
    parts.push(
      `${i ? "," : ""}{"type":"Feature","properties":{"pnu":"${p.pnu}","label":${JSON.stringify(label(p))}},"geometry":{"type":"${g.type}","coordinates":${coords}}}`,
    );
  });
  parts.push("]}");
  return new TextEncoder().encode(parts.join("")).buffer as ArrayBuffer;
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
    const outlines = outlinesText(read);
    const names = layers.map((l) => l.name);
    scope.postMessage({ kind: "opened", id: req.id, layers: names, count: read.length, outlines }, [
      outlines,
    ]);
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
    const pnus = piljiInside(req.outline, pilji);
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
