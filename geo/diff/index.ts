/** The diff's face: what changed between two checked versions of a zone (`czd diff`, reviewer mode). */
export {
  type DiffSide,
  diffZones,
  type FigureRow,
  type ParcelRef,
  type PnuChange,
  type PnuDiff,
  type ReshapedParcel,
  type ZoneDiff,
} from "./diff";
export { MIN_MATCH_SHARE, matchParcels, type ParcelPair, sameGeometry } from "./match";
