/**
 * The firms Worker: reads a firm file (a million rows stay off the page's thread, with progress
 * after each chunk) and computes the proposals, with the same geo core as `czd propose`.
 */
import {
  decodeText,
  type EnvelopeShape,
  type ErrorData,
  type Firms,
  firmBins,
  firmsFromCsvText,
  indexHubs,
  isFilingError,
  parseIndustry,
  propose,
  readFirms,
} from "../../geo/index";
import type { ProposalView } from "../store/proposal-view";
import type { ImportRequest, ProposeRequest, WorkerReply, WorkerRequest } from "./firms-protocol";

function reply(message: WorkerReply, transfer: Transferable[] = []): void {
  self.postMessage(message, { transfer });
}

function errorOf(e: unknown): { ko: string; en: string } {
  if (isFilingError(e)) return { ko: e.ko, en: e.en };
  const text = e instanceof Error ? e.message : String(e);
  return { ko: `처리할 수 없습니다 (${text})`, en: `Can't be used (${text})` };
}

/** The error as data for the page (a "no proposal" too: its code is NO_PROPOSAL). */
function errorDataOf(e: unknown): ErrorData {
  if (isFilingError(e)) return e.data;
  return {
    code: "BAD_FILE",
    params: { kind: "UNUSABLE", why: e instanceof Error ? e.message : String(e) },
  };
}

async function readFile(req: ImportRequest): Promise<Firms> {
  const opts = {
    ...(req.weight ? { weight: req.weight } : {}),
    ...(req.industry ? { industry: parseIndustry(req.industry) } : {}),
    ...(req.crs ? { crs: req.crs } : {}),
  };
  if (/\.(csv|txt)$/i.test(req.name)) {
    return firmsFromCsvText(decodeText(req.bytes), {
      ...opts,
      onProgress: (share) => reply({ kind: "progress", id: req.id, share }),
    });
  }
  reply({ kind: "progress", id: req.id, share: 0.1 });
  return readFirms(req.bytes, req.name, opts);
}

function proposalsFor(req: ProposeRequest): ProposalView[] {
  const hubs = req.hubs.length > 0 ? indexHubs(req.hubs) : undefined;
  return req.shapes.map((shape: EnvelopeShape) => {
    try {
      const p = propose(req.firms, {
        shape,
        ruleSet: req.ruleSet,
        ...(req.sido ? { sido: req.sido } : {}),
        ...(hubs ? { hubs } : {}),
      });
      return {
        shape,
        covered: p.weight.covered,
        total: p.weight.total,
        share: p.weight.share,
        coveredFirms: p.firms.covered,
        totalFirms: p.firms.counted,
        curve: p.parcels.curve,
        bound: p.optimality.bound,
        method: p.optimality.method,
        parcelsCount: p.parcels.count,
        parcelsKm2: p.parcels.km2,
        parcelsWeight: p.parcels.weight,
        hubs: p.hubs.total,
        envelope: p.envelope,
        zone: p.zone,
        ruleSetId: req.ruleSet.id,
      };
    } catch (e) {
      const empty = { parcels: [], envelope: null, meta: {}, sourceCrs: "EPSG:4326" };
      return {
        shape,
        covered: 0,
        total: 0,
        share: 0,
        coveredFirms: 0,
        totalFirms: 0,
        curve: [],
        bound: 0,
        method: "",
        parcelsCount: 0,
        parcelsKm2: 0,
        parcelsWeight: 0,
        hubs: 0,
        envelope: { shape, given: false },
        zone: empty,
        ruleSetId: req.ruleSet.id,
        error: errorOf(e),
      };
    }
  });
}

self.onmessage = async (e: MessageEvent<WorkerRequest>) => {
  const req = e.data;
  try {
    if (req.kind === "import") {
      const firms = await readFile(req);
      reply({ kind: "progress", id: req.id, share: 1 });
      reply({ kind: "firms", id: req.id, firms, bins: firmBins(firms) }, [
        firms.lon.buffer,
        firms.lat.buffer,
        firms.weight.buffer,
      ]);
    } else {
      reply({ kind: "proposals", id: req.id, proposals: proposalsFor(req) });
    }
  } catch (err) {
    reply({ kind: "error", id: req.id, error: errorDataOf(err) });
  }
};
