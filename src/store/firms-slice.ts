/**
 * The firms the planner imported and the proposals drawn from them. Not undone (the zone is,
 * when a proposal is accepted) and saved under their own IndexedDB key
 * (src/actions/firms-actions.ts).
 */
import type { StateCreator } from "zustand";
import type { FirmBins, Firms } from "../../geo/index";
import type { ProposalView } from "./proposal-view";
import type { AppState } from "./types";

export interface FirmSet extends Firms {
  /** The file they came from. */
  name: string;
  weightColumn: string | null;
  total: number;
  /** What the map draws (made with the firms, in the Worker). */
  bins: FirmBins;
}

export interface FirmsImport {
  /** A file being read, with the share read so far (0–1). */
  busy: boolean;
  share: number;
  name: string;
}

export interface FirmsSlice {
  firms: FirmSet | null;
  firmsImport: FirmsImport | null;
  proposals: ProposalView[] | null;
  proposing: boolean;
  /** The zone the proposals were made for: the panel shows them only while it is active. */
  proposalsZoneId: string | null;
  setFirms: (firms: FirmSet | null) => void;
  setFirmsImport: (state: FirmsImport | null) => void;
  setProposals: (proposals: ProposalView[] | null, proposing?: boolean) => void;
  setProposalsZone: (zoneId: string | null) => void;
}

export const createFirmsSlice: StateCreator<AppState, [], [], FirmsSlice> = (set) => ({
  firms: null,
  firmsImport: null,
  proposals: null,
  proposing: false,
  proposalsZoneId: null,
  setFirms: (firms) => set({ firms, proposals: null }),
  setFirmsImport: (firmsImport) => set({ firmsImport }),
  setProposals: (proposals, proposing = false) => set({ proposals, proposing }),
  setProposalsZone: (proposalsZoneId) => set({ proposalsZoneId }),
});
