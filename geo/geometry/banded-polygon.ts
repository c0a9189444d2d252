/**
 * Polygons prepared for many point-in-polygon tests: the edges of all rings are sorted into
 * horizontal bands, so a test walks only the few edges whose latitude range meets the point's band
 * instead of every vertex. Preparing a 256-vertex parcel costs about as much as one plain test.
 *
 * Edges are straight lines in lon/lat. That is what GeoJSON tools and Turf assume, and at parcel
 * scale it is exact enough: a 1 km edge at 35°N bows from its geodesic by about a centimetre, far
 * below the accuracy of a drawn parcel.
 */
import type { MultiPolygon, Polygon, Position } from "geojson";

export type Bbox = [minX: number, minY: number, maxX: number, maxY: number];

export interface BandedPolygon {
  bbox: Bbox;
  bandCount: number;
  bandHeight: number;
  /**
   * Bands per degree of latitude: a band index is floor((y − minY) · bandScale). Multiplying is
   * monotone in y like the division it replaces, so an edge's bands still hold its points' band.
   */
  bandScale: number;
  /** Edges of band k are edge numbers bandStart[k] … bandStart[k + 1] - 1. */
  bandStart: Uint32Array;
  /** Edge e is (x1, y1) → (x2, y2) at edges[4e … 4e + 3]. */
  edges: Float64Array;
}

/** Aim for about this many edges per band: fewer bands cost less to build, more test faster. */
const EDGES_PER_BAND = 4;

/** One BandedPolygon per polygon of a Polygon or MultiPolygon (holes go with their polygon). */
export function bandPolygons(geometry: Polygon | MultiPolygon): BandedPolygon[] {
  const polygons = geometry.type === "Polygon" ? [geometry.coordinates] : geometry.coordinates;
  return polygons.map((rings) => bandInto(rings, emptyBanded()));
}

/** A BandedPolygon with no room yet, for bandInto to fill. */
export function emptyBanded(): BandedPolygon {
  return {
    bbox: [0, 0, 0, 0],
    bandCount: 1,
    bandHeight: 1,
    bandScale: 1,
    bandStart: new Uint32Array(0),
    edges: new Float64Array(0),
  };
}

/**
 * Each vertex's band, shared by the two edges that meet there; a Float64Array so a NaN latitude
 * stays NaN (its edges then join no band, as before). Grown on demand, never shrunk: scratch
 * memory only, it carries nothing from one call to the next.
 */
let vertexBands = new Float64Array(1024);

/**
 * Bands the polygon `rings` into `p`, reusing p's arrays when they are large enough (countHubs
 * bands parcel after parcel into the same few), and returns p.
 */
export function bandInto(rings: Position[][], p: BandedPolygon): BandedPolygon {
  const bbox = boundsOf(rings);
  const bandCount = Math.max(1, Math.min(1024, Math.ceil(edgeCount(rings) / EDGES_PER_BAND)));
  const height = (bbox[3] - bbox[1]) / bandCount;
  const bandHeight = height > 0 ? height : 1;
  // Capped so a subnormal height can't make 0 · ∞ = NaN of the lowest vertex.
  const bandScale = Math.min(1 / bandHeight, Number.MAX_VALUE);
  const minY = bbox[1];
  if (p.bandStart.length < bandCount + 1) p.bandStart = new Uint32Array(bandCount + 1);
  const bandStart = p.bandStart;
  bandStart.fill(0, 0, bandCount + 1);

  // Counting sort, two walks over the edges: count per band, then fill each band from its end,
  // which leaves bandStart[k] at the start of band k. Plain loops, not a visitor closure: two
  // closures through one call site kept V8 from inlining either.
  for (const ring of rings) {
    const last = fillVertexBands(ring, minY, bandScale, bandCount);
    const bands = vertexBands;
    for (let i = 0; i < last; i++) {
      const lo = Math.min(bands[i] as number, bands[i + 1] as number);
      const hi = Math.max(bands[i] as number, bands[i + 1] as number);
      for (let k = lo; k <= hi; k++) bandStart[k] = (bandStart[k] as number) + 1;
    }
  }
  for (let k = 1; k < bandCount; k++) {
    bandStart[k] = (bandStart[k] as number) + (bandStart[k - 1] as number);
  }
  const total = bandStart[bandCount - 1] as number;
  bandStart[bandCount] = total;
  if (p.edges.length < 4 * total) p.edges = new Float64Array(4 * total);
  const edges = p.edges;
  for (const ring of rings) {
    const n = ring.length;
    const last = fillVertexBands(ring, minY, bandScale, bandCount);
    const bands = vertexBands;
    for (let i = 0; i < last; i++) {
      const a = ring[i] as Position;
      const b = ring[i + 1 === n ? 0 : i + 1] as Position;
      const x1 = a[0] as number;
      const y1 = a[1] as number;
      const x2 = b[0] as number;
      const y2 = b[1] as number;
      const lo = Math.min(bands[i] as number, bands[i + 1] as number);
      const hi = Math.max(bands[i] as number, bands[i + 1] as number);
      for (let k = lo; k <= hi; k++) {
        const at = (bandStart[k] as number) - 1;
        bandStart[k] = at;
        edges[4 * at] = x1;
        edges[4 * at + 1] = y1;
        edges[4 * at + 2] = x2;
        edges[4 * at + 3] = y2;
      }
    }
  }
  p.bbox = bbox;
  p.bandCount = bandCount;
  p.bandHeight = bandHeight;
  p.bandScale = bandScale;
  return p;
}

/**
 * Puts the band of each vertex of `ring` in vertexBands, the first again after the last when
 * the ring is unclosed (its closing edge), and returns the ring's edge count.
 */
function fillVertexBands(ring: Position[], minY: number, scale: number, count: number): number {
  const n = ring.length;
  if (n < 2) return 0;
  if (vertexBands.length < n + 1) vertexBands = new Float64Array(2 * n + 2);
  const bands = vertexBands;
  for (let i = 0; i < n; i++) {
    bands[i] = bandIndex((ring[i] as Position)[1] as number, minY, scale, count);
  }
  if (isClosed(ring)) return n - 1;
  bands[n] = bands[0] as number;
  return n;
}

/**
 * Where (x, y) lies: 1 strictly inside, 0 on any ring's boundary, -1 outside. Ray casting with
 * even-odd parity over all rings, so holes subtract. Exact on edges for coordinates whose cross
 * products are exact; otherwise a point within rounding of an edge may fall either way.
 */
export function locatePoint(x: number, y: number, p: BandedPolygon): number {
  const { bbox } = p;
  if (x < bbox[0] || x > bbox[2] || y < bbox[1] || y > bbox[3]) return -1;
  const k = bandOf(p, y);
  const end = p.bandStart[k + 1] as number;
  const edges = p.edges;
  let inside = false;
  for (let e = p.bandStart[k] as number; e < end; e++) {
    const xi = edges[4 * e] as number;
    const yi = edges[4 * e + 1] as number;
    const xj = edges[4 * e + 2] as number;
    const yj = edges[4 * e + 3] as number;
    if (yi === y) {
      // Every vertex starts one edge, and that edge's band holds the vertex: checked once here.
      if (xi === x) return 0;
      if (yj === y && xi < x !== xj < x) return 0;
    }
    // Half-open rule (one end above y, the other at or below) counts each vertex once.
    if (yi > y !== yj > y) {
      const cross = (xj - xi) * (y - yi) - (x - xi) * (yj - yi);
      if (cross === 0) return 0;
      if (cross > 0 === yj > yi) inside = !inside;
    }
  }
  return inside ? 1 : -1;
}

/** The bounding box of several boxes. */
export function unionBbox(boxes: Bbox[]): Bbox {
  const out: Bbox = [
    Number.POSITIVE_INFINITY,
    Number.POSITIVE_INFINITY,
    Number.NEGATIVE_INFINITY,
    Number.NEGATIVE_INFINITY,
  ];
  for (const b of boxes) {
    out[0] = Math.min(out[0], b[0]);
    out[1] = Math.min(out[1], b[1]);
    out[2] = Math.max(out[2], b[2]);
    out[3] = Math.max(out[3], b[3]);
  }
  return out;
}

/** The bounding box of rings (every ring, so a stray hole cannot escape it). */
export function boundsOf(rings: Position[][]): Bbox {
  let minX = Number.POSITIVE_INFINITY;
  let minY = Number.POSITIVE_INFINITY;
  let maxX = Number.NEGATIVE_INFINITY;
  let maxY = Number.NEGATIVE_INFINITY;
  for (const ring of rings) {
    for (let i = 0; i < ring.length; i++) {
      const p = ring[i] as Position;
      const x = p[0] as number;
      const y = p[1] as number;
      if (x < minX) minX = x;
      if (x > maxX) maxX = x;
      if (y < minY) minY = y;
      if (y > maxY) maxY = y;
    }
  }
  return [minX, minY, maxX, maxY];
}

/** The lon/lat box of a polygon's or multipolygon's every ring. */
export function geometryBounds(g: Polygon | MultiPolygon): Bbox {
  return boundsOf(g.type === "Polygon" ? g.coordinates : g.coordinates.flat());
}

/** Band index of latitude y; monotone in y, so an edge's bands always include its points' band. */
function bandOf(p: BandedPolygon, y: number): number {
  return bandIndex(y, p.bbox[1], p.bandScale, p.bandCount);
}

function bandIndex(y: number, minY: number, bandScale: number, bandCount: number): number {
  const k = Math.floor((y - minY) * bandScale);
  return k < 0 ? 0 : k >= bandCount ? bandCount - 1 : k;
}

/** Number of edges; an unclosed ring gets its closing edge. */
function edgeCount(rings: Position[][]): number {
  let n = 0;
  for (const ring of rings) n += ring.length < 2 ? 0 : ring.length - (isClosed(ring) ? 1 : 0);
  return n;
}

function isClosed(ring: Position[]): boolean {
  const a = ring[0];
  const b = ring[ring.length - 1];
  return a !== undefined && b !== undefined && a[0] === b[0] && a[1] === b[1];
}
