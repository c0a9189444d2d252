/** The 시·도 and 시·군·구 face: the embedded boundaries, which 시·도 a zone lies in, and why. */
export { provideSido, sidoBoundaryFile } from "./boundary-index";
export { parcelsNearOtherSido, parcelsNearSido } from "./near";
export { CLAIM_NEAR_M, decideSido, SIDO, type SidoInfo, sidoByCode } from "./sido";
export {
  provideSigungu,
  type SigunguShare,
  sigunguNamesOf,
  sigunguOutlines,
  sigunguShares,
  sigunguVersion,
} from "./sigungu";
