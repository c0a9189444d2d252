/**
 * The cadastre Worker: reads a 연속지적도 (geo/io/lsmd-read.ts) record by record, reporting
 * progress, keeps its 필지 for the 지번 조서, and hands the map their outlines. The page cancels by
 * terminating it (src/cadastre/client.ts).
 */

import {
  type BjdTable,
  buildJoso,
  cadastreIndex,
  jibunOf,
  josoCsv,
  josoXlsx,
  openCadastre,
  type Pilji,
  parsePnu,
  readPilji,
} from "../../geo/cadastre";
import { importZone, isFilingError } from "../../geo/index";
import bjd from "../../public/data/bjd-codes.json";
import type { CadastreReply, CadastreRequest, Outlines } from "../cadastre/protocol";

const scope = self as unknown as {
  postMessage: (m: CadastreReply, transfer?: Transferable[]) => void;
  onmessage: ((e: MessageEvent<CadastreRequest>) => void) | null;
};

let pilji: Pilji[] = [];

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
    const outlines: Outlines = {
      type: "FeatureCollection",
      features: read.map((p) => ({
        type: "Feature",
        properties: { pnu: p.pnu, label: label(p) },
        geometry: p.geometry,
      })),
    };
    scope.postMessage({ kind: "opened", id: req.id, layers: layers.map((l) => l.name), outlines });
    return;
  }
  const zone = await importZone(new TextEncoder().encode(req.filing), req.fileName);
  const joso = buildJoso(zone, cadastreIndex(pilji), bjd as BjdTable);
  const bytes = req.format === "xlsx" ? await josoXlsx(joso) : josoCsv(joso, req.encoding);
  scope.postMessage({ kind: "joso", id: req.id, bytes }, [bytes.buffer]);
}

scope.onmessage = (e) => {
  handle(e.data).catch((err: unknown) => {
    const ko = isFilingError(err) ? err.ko : String(err);
    const en = isFilingError(err) ? err.en : String(err);
    scope.postMessage({ kind: "error", id: e.data.id, ko, en });
  });
};
