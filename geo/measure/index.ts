/** Measurement's face: ellipsoidal and TM areas, geodesic distances (GeographicLib), Korean CRSs. */
export {
  fromLonLat,
  normalizeCrs,
  reprojectGeometry,
  SUPPORTED_CRS,
  tmPlanes,
  toLonLat,
} from "./crs";
export { enclosedLand } from "./enclosed";
export { A_M, DEG, E2, Geodesic, type LocalOffset, localOffset, WGS84 } from "./geodesic";
export {
  azimuthDeg,
  destination,
  distanceM,
  geodesicAreaM2,
  lineLengthM,
  tmAreaM2,
} from "./measure";
