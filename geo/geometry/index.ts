/** Geometry's face: ring validity, overlaps between parcels, banded polygons for fast point location. */
export * from "./banded-polygon";
export { type RingProblem, ringProblems } from "./geometry";
export { searchOverlaps } from "./overlaps";
export { pointInRing } from "./point-in-ring";
