/**
 * The .shp file record by record, every one accounted for: a record that is cut off, has a null
 * shape, no parts, an empty part or a coordinate that is not a number stops the import naming
 * the record (1-based, as GIS tools count features), instead of being skipped. shpjs skipped
 * them, and a 16.29 km² zone read as 8.15 km² passed. The .shx index, when present, must point
 * at the same records.
 */
import type { Geometry, Position } from "geojson";
import { FilingError } from "../errors";
import type { ErrorParams, ShpRecordProblem } from "../errors/params";
import { MAX_POSITIONS, tooManyPositions } from "../filing";
import { pointInRing } from "../geometry";

/** Where a record lies in the .shp: byte offset of its header and its content length. */
export interface ShpRecordSpan {
  offset: number;
  contentBytes: number;
}

export interface ShpRecords {
  geometries: Geometry[];
  spans: ShpRecordSpan[];
}

function bad(params: ErrorParams["BAD_FILE"]): FilingError {
  return new FilingError({ code: "BAD_FILE", params });
}

type RecordFigures = {
  type?: number;
  parts?: number;
  points?: number;
  part?: number;
  bytes?: number;
};

function badRecord(
  layer: string,
  k: number,
  problem: ShpRecordProblem,
  more: RecordFigures = {},
): FilingError {
  return bad({ kind: "SHP_RECORD", layer, record: k, problem, ...more });
}

const POINT = new Set([1, 11, 21]);
const MULTIPOINT = new Set([8, 18, 28]);
const POLYLINE = new Set([3, 13, 23]);
const POLYGON = new Set([5, 15, 25]);

/** Shoelace area, positive for a counter-clockwise ring (the Shapefile's holes). */
function signedArea(ring: Position[]): number {
  let twice = 0;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
    const p = ring[j] as Position;
    const q = ring[i] as Position;
    twice += ((p[0] as number) - (q[0] as number)) * ((p[1] as number) + (q[1] as number));
  }
  return twice / 2;
}

type Box = [number, number, number, number];

function boxOf(ring: Position[]): Box {
  const box: Box = [Infinity, Infinity, -Infinity, -Infinity];
  for (const [x = 0, y = 0] of ring) {
    box[0] = Math.min(box[0], x);
    box[1] = Math.min(box[1], y);
    box[2] = Math.max(box[2], x);
    box[3] = Math.max(box[3], y);
  }
  return box;
}

/**
 * Rings into polygons: clockwise rings are outers, counter-clockwise ones holes of the smallest
 * outer holding them. Files written with the opposite winding are read the other way round when
 * that leaves no hole stray; a hole no outer holds becomes a polygon of its own, as GDAL does,
 * never dropped (the checker then sees its area, and any overlap).
 */
function assemble(
  rings: Position[][],
  outerClockwise: boolean,
): { polygons: Position[][][]; stray: number } {
  const outers: { ring: Position[]; box: Box; area: number; holes: Position[][] }[] = [];
  const holes: Position[][] = [];
  for (const ring of rings) {
    const area = signedArea(ring);
    if (area < 0 === outerClockwise)
      outers.push({ ring, box: boxOf(ring), area: Math.abs(area), holes: [] });
    else holes.push(ring);
  }
  let stray = 0;
  const polygons: Position[][][] = [];
  for (const hole of holes) {
    const box = boxOf(hole);
    let best: (typeof outers)[number] | undefined;
    for (const o of outers) {
      const holds =
        o.box[0] <= box[0] && o.box[1] <= box[1] && o.box[2] >= box[2] && o.box[3] >= box[3];
      if (holds && (!best || o.area < best.area) && pointInRing(hole[0] as Position, o.ring))
        best = o;
    }
    if (best) best.holes.push(hole);
    else {
      stray++;
      polygons.push([hole]);
    }
  }
  return { polygons: [...outers.map((o) => [o.ring, ...o.holes]), ...polygons], stray };
}

function polygonOf(rings: Position[][]): Geometry {
  const normal = assemble(rings, true);
  const chosen = normal.stray === 0 ? normal : assemble(rings, false);
  const polygons = chosen.stray < normal.stray ? chosen.polygons : normal.polygons;
  if (polygons.length === 1) return { type: "Polygon", coordinates: polygons[0] as Position[][] };
  return { type: "MultiPolygon", coordinates: polygons };
}

/** One record's shape, read from its content (little-endian, starting with the shape type). */
export function shapeOf(
  layer: string,
  k: number,
  view: DataView,
  c: number,
  bytes: number,
): Geometry {
  const type = view.getInt32(c, true);
  const fail = (problem: ShpRecordProblem, more?: RecordFigures) =>
    badRecord(layer, k, problem, more);
  const point = (at: number): Position => {
    const x = view.getFloat64(at, true);
    const y = view.getFloat64(at + 8, true);
    if (!Number.isFinite(x) || !Number.isFinite(y)) {
      throw fail("NOT_A_NUMBER");
    }
    return [x, y];
  };
  if (type === 0) {
    throw fail("NULL_SHAPE");
  }
  if (POINT.has(type)) {
    if (bytes < 20) throw fail("TOO_SHORT");
    return { type: "Point", coordinates: point(c + 4) };
  }
  if (MULTIPOINT.has(type)) {
    const n = bytes >= 40 ? view.getInt32(c + 36, true) : -1;
    if (n < 1 || 40 + 16 * n > bytes) throw fail("NO_POINTS");
    const points: Position[] = [];
    for (let i = 0; i < n; i++) points.push(point(c + 40 + 16 * i));
    return n === 1
      ? { type: "Point", coordinates: points[0] as Position }
      : { type: "MultiPoint", coordinates: points };
  }
  if (!POLYLINE.has(type) && !POLYGON.has(type)) {
    throw fail("UNKNOWN_TYPE", { type });
  }
  const parts = bytes >= 44 ? view.getInt32(c + 36, true) : -1;
  const total = bytes >= 44 ? view.getInt32(c + 40, true) : -1;
  if (parts < 1 || total < 1) {
    throw fail("NO_PARTS");
  }
  if (44 + 4 * parts + 16 * total > bytes) {
    throw fail("TOO_SHORT_FOR_PARTS", { parts, points: total });
  }
  const starts: number[] = [];
  for (let p = 0; p < parts; p++) starts.push(view.getInt32(c + 44 + 4 * p, true));
  starts.push(total);
  const rings: Position[][] = [];
  const base = c + 44 + 4 * parts;
  for (let p = 0; p < parts; p++) {
    const from = starts[p] as number;
    const to = starts[p + 1] as number;
    if ((p === 0 && from !== 0) || to <= from || to > total) {
      throw fail("BAD_PART", { part: p + 1 });
    }
    const ring: Position[] = [];
    for (let i = from; i < to; i++) ring.push(point(base + 16 * i));
    rings.push(ring);
  }
  if (POLYGON.has(type)) return polygonOf(rings);
  return rings.length === 1
    ? { type: "LineString", coordinates: rings[0] as Position[] }
    : { type: "MultiLineString", coordinates: rings };
}

/** Every record of a .shp, in order; throws BAD_FILE naming the first record that can't be read. */
export function readShpRecords(layer: string, shp: Uint8Array): ShpRecords {
  const view = new DataView(shp.buffer, shp.byteOffset, shp.byteLength);
  if (shp.length < 100 || view.getInt32(0) !== 9994) {
    throw bad({ kind: "NOT_A_SHAPEFILE", layer });
  }
  const declared = view.getInt32(24) * 2;
  if (declared !== shp.length) {
    throw bad({ kind: "SHP_TRUNCATED", layer, declared, bytes: shp.length });
  }
  const geometries: Geometry[] = [];
  const spans: ShpRecordSpan[] = [];
  let points = 0;
  for (let offset = 100, k = 1; offset < shp.length; k++) {
    const remaining = shp.length - offset - 8;
    const contentBytes = remaining >= 0 ? view.getInt32(offset + 4) * 2 : -1;
    if (contentBytes < 4 || contentBytes > remaining) {
      throw badRecord(layer, k, "CUT_OFF", { bytes: contentBytes });
    }
    // Every point takes 16 bytes of content: a bound on what this record will make.
    points += Math.max(1, Math.floor(contentBytes / 16));
    if (points > MAX_POSITIONS * 2) throw tooManyPositions();
    geometries.push(shapeOf(layer, k, view, offset + 8, contentBytes));
    spans.push({ offset, contentBytes });
    offset += 8 + contentBytes;
  }
  return { geometries, spans };
}

/** The .shx must index exactly the records read from the .shp, or the two disagree on the shapes. */
export function checkShx(layer: string, shx: Uint8Array, spans: ShpRecordSpan[]): void {
  const view = new DataView(shx.buffer, shx.byteOffset, shx.byteLength);
  const count = (shx.length - 100) / 8;
  if (shx.length < 100 || view.getInt32(0) !== 9994 || !Number.isInteger(count)) {
    throw bad({ kind: "SHX_DAMAGED", layer });
  }
  if (count !== spans.length) {
    throw bad({ kind: "SHX_COUNTS", layer, count, records: spans.length });
  }
  spans.forEach((span, i) => {
    const offset = view.getInt32(100 + 8 * i) * 2;
    const contentBytes = view.getInt32(104 + 8 * i) * 2;
    if (offset !== span.offset || contentBytes !== span.contentBytes) {
      throw bad({ kind: "SHX_POSITION", layer, row: i + 1 });
    }
  });
}
