import type { MultiPolygon, Polygon } from "geojson";

/** One 필지 of the 연속지적도, in WGS84 lon/lat. */
export interface Pilji {
  /** 19-digit PNU. */
  pnu: string;
  /** The 지번 as the JIBUN field writes it, without the 지목 부호 (`12-3`, `산45`). */
  jibun: string;
  /** 지목 부호 (`대`, `임`), "" when the JIBUN carries none. */
  jimok: string;
  /** BCHK, SGG_OID and COL_ADM_SE as the file has them. */
  bchk: string;
  sggOid: number | null;
  colAdmSe: string;
  geometry: Polygon | MultiPolygon;
}
