/**
 * What each envelope shape's search returns, in a module of its own so that shapes.ts (which
 * calls the searches) and belt.ts / polygon.ts (which return it) don't import each other.
 */
import type { Envelope, ParcelGeometry } from "../types";

export interface ShapeProposal {
  envelope: Envelope;
  covered: number;
  /** How many firms lie inside the envelope. */
  coveredFirms: number;
  bound: number;
  method: string;
  /** Whether a parcel of this geometry would lie inside the envelope (as the checker judges it, with a margin). */
  inside: (g: ParcelGeometry) => boolean;
  bbox: [number, number, number, number];
}
