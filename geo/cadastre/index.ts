/** The cadastre's face: 법정동 and PNU, 지목, 필지 unions and selection, the 지번 조서, and the reader. */
export { type CadastreLayer, openCadastre, readPilji, readPiljiAt } from "../io/lsmd-read";
export { adminSigunguCode, type BjdTable, currentBjd, sojaeji } from "./bjd";
export { findPilji, looksLikeJibun, type PiljiHit } from "./find";
export { JIMOK, type JimokCode, jimokName } from "./jimok";
export {
  buildJoso,
  type CadastreIndex,
  cadastreIndex,
  type Joso,
  type JosoRow,
  type JosoTotal,
} from "./joso";
export { josoAppendixHtml, josoAppendixOf } from "./joso-html";
export { JOSO_HEADER, josoCells, josoCsv, josoXlsx } from "./joso-write";
export {
  type Covered,
  coveredPilji,
  type PartialPnu,
  parcelFromPilji,
  pnuProperties,
} from "./parcel";
export { type PiljiIndex, piljiIndex } from "./pilji-index";
export { isPnu, type Jibun, jibunOf, type Pnu, parsePnu, splitJibun } from "./pnu";
export { innerPoint, piljiInside, pointInGeometry } from "./select";
export { piljiTouching, piljiWhollyInside } from "./select-cover";
export type { Pilji } from "./types";
export { SNAP_DEG, unionPilji } from "./union";
