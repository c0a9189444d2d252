/**
 * What the proposals panel does: read a firm file in the Worker (progress, cancel), keep the
 * firms in IndexedDB under their own key, compute the three proposals, and accept one into the
 * active zone as one transact — one undo step, checked like anything drawn.
 */
import { get as idbGet, set as idbSet } from "idb-keyval";
import {
  type EnvelopeShape,
  type FirmBins,
  type Firms,
  firmBins,
  loadRuleSet,
  totalWeight,
} from "../../geo/index";
import { ruleSetFor } from "../store/derive";
import type { FirmSet } from "../store/firms-slice";
import type { ProposalView } from "../store/proposal-view";
import { type AppStore, activeZone } from "../store/store";
import {
  Cancelled,
  cancelWorker,
  importFirmsInWorker,
  proposeInWorker,
} from "../workers/firms-client";
import { failure } from "./imports";

/** The IndexedDB key of the project's firms, apart from the project itself. */
export const FIRMS_KEY = "czd-firms-v1";

export const PROPOSAL_SHAPES: readonly EnvelopeShape[] = ["circle", "belt", "polygon"];

function firmSet(
  firms: Firms,
  name: string,
  weightColumn: string | null,
  bins?: FirmBins,
): FirmSet {
  // Firms saved before bins were kept get them here, once, on the page's thread.
  return { ...firms, name, weightColumn, total: totalWeight(firms), bins: bins ?? firmBins(firms) };
}

function isFirmSet(v: unknown): v is FirmSet {
  const f = v as Partial<FirmSet> | null;
  return (
    typeof f === "object" &&
    f !== null &&
    typeof f.name === "string" &&
    f.lon instanceof Float64Array &&
    f.lat instanceof Float64Array &&
    f.weight instanceof Float64Array &&
    f.lon.length === f.lat.length &&
    f.lat.length === f.weight.length
  );
}

/** Restores the saved firms, if any (a damaged record is ignored, never half-loaded). */
export async function restoreFirms(store: AppStore): Promise<void> {
  try {
    const saved: unknown = await idbGet(FIRMS_KEY);
    if (isFirmSet(saved) && store.getState().firms === null) {
      store.getState().setFirms(firmSet(saved, saved.name, saved.weightColumn ?? null, saved.bins));
    }
  } catch {
    store.getState().setSaveState("failed");
  }
}

async function saveFirms(store: AppStore, firms: FirmSet | null): Promise<void> {
  try {
    await idbSet(FIRMS_KEY, firms);
  } catch {
    store.getState().setSaveState("failed");
  }
}

/** Reads a firm file in the Worker; the firms replace the project's only when all is read. */
export async function importFirmsFile(
  store: AppStore,
  bytes: Uint8Array,
  name: string,
  opts: { weight?: string; industry?: string; crs?: string },
): Promise<boolean> {
  const s = store.getState();
  s.setFirmsImport({ busy: true, share: 0, name });
  try {
    const { firms, bins } = await importFirmsInWorker(bytes, name, opts, (share) =>
      store.getState().setFirmsImport({ busy: true, share, name }),
    );
    const set = firmSet(firms, name, opts.weight ?? null, bins);
    store.getState().setFirms(set);
    store.getState().setFirmsImport({ busy: false, share: 1, name });
    const n = firms.lon.length.toLocaleString();
    store.getState().notify({
      kind: "info",
      ko: `${name}: 기업 ${n}곳을 읽었습니다`,
      en: `${name}: read ${n} firms`,
    });
    await saveFirms(store, set);
    return true;
  } catch (e) {
    store.getState().setFirmsImport(null);
    if (!(e instanceof Cancelled)) store.getState().notify(failure(e, name));
    return false;
  }
}

/** Stops a firm import or a proposal run; the project keeps what it had. */
export function cancelFirmsWork(store: AppStore): void {
  cancelWorker();
  store.getState().setFirmsImport(null);
  store.getState().setProposals(store.getState().proposals, false);
}

/** The active zone's rule set when it allows all three shapes, else phase-3 (the Phase 3 rule). */
function proposalRuleSet(store: AppStore) {
  const s = store.getState();
  const own = ruleSetFor(activeZone(s).ruleSetId, s.customRuleSets);
  return PROPOSAL_SHAPES.every((sh) => own.envelope.shapes.includes(sh))
    ? own
    : loadRuleSet("phase-3");
}

/** Computes circle, belt and polygon proposals for the firms, in the Worker. */
export async function runProposals(store: AppStore): Promise<void> {
  const s = store.getState();
  const firms = s.firms;
  if (!firms) return;
  s.setProposals(null, true);
  s.setProposalsZone(activeZone(s).id);
  const zone = activeZone(s);
  try {
    const proposals = await proposeInWorker({
      firms: { lon: firms.lon, lat: firms.lat, weight: firms.weight },
      ruleSet: proposalRuleSet(store),
      ...(zone.sido ? { sido: zone.sido } : {}),
      hubs: s.hubLayers.filter((l) => l.visible).flatMap((l) => l.hubs),
      shapes: [...PROPOSAL_SHAPES],
    });
    store.getState().setProposals(proposals);
  } catch (e) {
    store.getState().setProposals(null);
    if (!(e instanceof Cancelled)) store.getState().notify(failure(e, firms.name));
  }
}

/**
 * Accepts a proposal into a new zone (made active), as one undo step: the zone that was active
 * keeps its parcels. The proposals stay open for the new zone, which lies in their 시·도.
 */
export function acceptProposal(store: AppStore, p: ProposalView): void {
  const s = store.getState();
  const id = s.addZone({
    name: p.zone.meta.name ?? `${p.shape} 제안`,
    sido: p.zone.meta.sido ?? null,
    ruleSetId: p.ruleSetId,
    envelope: p.zone.envelope,
    parcels: p.zone.parcels,
  });
  store.getState().setProposalsZone(id);
}

/**
 * Replaces the active zone's envelope and parcels with the proposal's, as one undo step — only
 * after `confirm` (asked with the zone's name) says yes. Returns whether it did.
 */
export function replaceWithProposal(
  store: AppStore,
  p: ProposalView,
  confirm: (zoneName: string, parcels: number) => boolean,
): boolean {
  const s = store.getState();
  const zone = activeZone(s);
  if (!confirm(zone.name, zone.parcels.length)) return false;
  s.transact({
    zoneId: zone.id,
    remove: zone.parcels.map((q) => q.id),
    put: p.zone.parcels,
    envelope: p.zone.envelope,
    meta: { ruleSetId: p.ruleSetId },
  });
  return true;
}
