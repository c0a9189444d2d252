export { parseTypedPoint, type TypedPoint } from "./coords";
export {
  type Bbox,
  bboxOf,
  boundaryPlaces,
  foldName,
  type Place,
  type PlaceKind,
  SIDO_SHORT,
  searchPlaces,
} from "./places";
export { type View, viewOfBbox } from "./view";
