/** The filing's face: parse and validate a filing into a Zone, write a Zone back as a filing. */
export { readFiling, zoneToFiling } from "./filing";
export { checkDepth, looksLikeDegrees, MAX_POSITIONS, tooManyPositions } from "./limits";
