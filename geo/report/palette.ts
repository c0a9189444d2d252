/**
 * The colours a zone's shapes are drawn in, one palette for the app's map (src/map/ids.ts) and the
 * report's map (./map.ts): parcels orange, a filed envelope violet, the smallest enclosing circle
 * blue within its limit, and any drawn shape red when it is over its limit (shapeOverLimit).
 */
export const SHAPE_COLOURS = {
  parcel: "#d9480f",
  /** A parcel's outline on the report's map, a shade darker than its fill. */
  parcelEdge: "#b02a00",
  /** A parcel a finding points at (the app's map). */
  highlight: "#1971c2",
  envelope: "#5f3dc4",
  /** The smallest enclosing circle within its limit, and any shape over its limit. */
  within: "#3b5bdb",
  over: "#c92a2a",
  /** The limit circle drawn faintly around the smallest enclosing circle. */
  limit: "#495057",
} as const;
