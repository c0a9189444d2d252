/** The proposals' face: firms in, an envelope and parcels out, with a proven bound (FILING.md, "Phase 3 proposals"). */

export { binFirms, type FirmBins, firmBins } from "./bins";
export { type CircleOptions, type CircleProposal, proposeCircle } from "./circle";
export { type CsvChunkOptions, firmsFromCsvText } from "./csv-chunks";
export { createFirms, type Firms, filterFirms, totalWeight } from "./firms";
export {
  type Candidate,
  isNoProposal,
  NoProposalError,
  type Proposal,
  type ProposeOptions,
  propose,
  type RadiusRule,
} from "./propose";
export {
  type FirmPick,
  type FirmReadOptions,
  firmsFromFeatures,
  parseIndustry,
  parseWeight,
  readFirms,
  readSites,
} from "./read";
export type { FirmAccount } from "./region";
export type { Site } from "./sites";
