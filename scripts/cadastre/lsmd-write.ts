/**
 * Writes 필지 as the 연속지적도 is distributed: `LSMD_CONT_LDREG_<code>.shp .shx .dbf .prj`, POLYGON
 * shapes in EPSG:5186 metres, a CP949 dBase table with PNU, JIBUN, BCHK, SGG_OID and COL_ADM_SE,
 * and no .cpg (the real files carry none; readers must know CP949). Records go to disk as they
 * come, so a 300,000-필지 시·군 never sits in memory as one buffer.
 */
import { closeSync, openSync, writeSync } from "node:fs";
import { encodeCp949 } from "../../geo/io/cp949";
import { prjFor } from "../../geo/io/prj";

export interface LsmdRecord {
  /** Rings in EPSG:5186 [easting, northing], outer clockwise, closed. */
  rings: [number, number][][];
  pnu: string;
  jibun: string;
  bchk: string;
  sggOid: number;
  colAdmSe: string;
}

const FIELDS: { name: string; type: "C" | "N"; size: number }[] = [
  { name: "PNU", type: "C", size: 19 },
  { name: "JIBUN", type: "C", size: 30 },
  { name: "BCHK", type: "C", size: 1 },
  { name: "SGG_OID", type: "N", size: 10 },
  { name: "COL_ADM_SE", type: "C", size: 5 },
];
const RECORD_BYTES = 1 + FIELDS.reduce((s, f) => s + f.size, 0);
const DBF_HEADER_BYTES = 32 + 32 * FIELDS.length + 1;

/** A growing byte buffer flushed to a file descriptor. */
class Sink {
  private buf = new Uint8Array(1 << 20);
  private view = new DataView(this.buf.buffer);
  private at = 0;
  written = 0;
  constructor(private readonly fd: number) {}
  private room(n: number): void {
    if (this.at + n <= this.buf.length) return;
    this.flush();
    if (n > this.buf.length) {
      this.buf = new Uint8Array(n * 2);
      this.view = new DataView(this.buf.buffer);
    }
  }
  bytes(b: Uint8Array): void {
    this.room(b.length);
    this.buf.set(b, this.at);
    this.at += b.length;
  }
  int32(v: number, little: boolean): void {
    this.room(4);
    this.view.setInt32(this.at, v, little);
    this.at += 4;
  }
  float64(v: number): void {
    this.room(8);
    this.view.setFloat64(this.at, v, true);
    this.at += 8;
  }
  flush(): void {
    if (this.at > 0) writeSync(this.fd, this.buf, 0, this.at);
    this.written += this.at;
    this.at = 0;
  }
}

function shpHeader(lengthBytes: number, box: number[]): Uint8Array {
  const b = new Uint8Array(100);
  const v = new DataView(b.buffer);
  v.setInt32(0, 9994);
  v.setInt32(24, lengthBytes / 2);
  v.setInt32(28, 1000, true);
  v.setInt32(32, 5, true);
  box.forEach((n, i) => {
    v.setFloat64(36 + 8 * i, n, true);
  });
  return b;
}

function dbfHeader(records: number): Uint8Array {
  const b = new Uint8Array(DBF_HEADER_BYTES);
  const v = new DataView(b.buffer);
  b[0] = 0x03;
  b[1] = 126;
  b[2] = 1;
  b[3] = 1;
  v.setUint32(4, records, true);
  v.setUint16(8, DBF_HEADER_BYTES, true);
  v.setUint16(10, RECORD_BYTES, true);
  FIELDS.forEach((f, i) => {
    const at = 32 + 32 * i;
    for (let k = 0; k < f.name.length; k++) b[at + k] = f.name.charCodeAt(k);
    b[at + 11] = f.type.charCodeAt(0);
    b[at + 16] = f.size;
  });
  b[DBF_HEADER_BYTES - 1] = 0x0d;
  return b;
}

function field(text: string, size: number, right: boolean): Uint8Array {
  const bytes = encodeCp949(text).subarray(0, size);
  const out = new Uint8Array(size).fill(0x20);
  out.set(bytes, right ? size - bytes.length : 0);
  return out;
}

/** Opens the four files of one layer; `add` a record at a time, then `close`. */
export function lsmdWriter(
  basePath: string,
  write: (path: string, data: string | Uint8Array) => void,
): { add: (r: LsmdRecord) => void; close: () => number } {
  const shpFd = openSync(`${basePath}.shp`, "w");
  const shxFd = openSync(`${basePath}.shx`, "w");
  const dbfFd = openSync(`${basePath}.dbf`, "w");
  const shp = new Sink(shpFd);
  const shx = new Sink(shxFd);
  const dbf = new Sink(dbfFd);
  // Headers are written last, at offset 0, once the counts and the box are known.
  shp.bytes(new Uint8Array(100));
  shx.bytes(new Uint8Array(100));
  dbf.bytes(new Uint8Array(DBF_HEADER_BYTES));
  const box = [Infinity, Infinity, -Infinity, -Infinity];
  let offset = 100;
  let count = 0;
  const add = (r: LsmdRecord): void => {
    const points = r.rings.reduce((s, ring) => s + ring.length, 0);
    const content = 44 + 4 * r.rings.length + 16 * points;
    const rbox = [Infinity, Infinity, -Infinity, -Infinity];
    for (const ring of r.rings)
      for (const [x, y] of ring) {
        rbox[0] = Math.min(rbox[0] as number, x);
        rbox[1] = Math.min(rbox[1] as number, y);
        rbox[2] = Math.max(rbox[2] as number, x);
        rbox[3] = Math.max(rbox[3] as number, y);
      }
    for (let i = 0; i < 4; i++) {
      box[i] = (i < 2 ? Math.min : Math.max)(box[i] as number, rbox[i] as number);
    }
    count++;
    shx.int32(offset / 2, false);
    shx.int32(content / 2, false);
    shp.int32(count, false);
    shp.int32(content / 2, false);
    shp.int32(5, true);
    for (const n of rbox) shp.float64(n);
    shp.int32(r.rings.length, true);
    shp.int32(points, true);
    let start = 0;
    for (const ring of r.rings) {
      shp.int32(start, true);
      start += ring.length;
    }
    for (const ring of r.rings)
      for (const [x, y] of ring) {
        shp.float64(x);
        shp.float64(y);
      }
    offset += 8 + content;
    dbf.bytes(Uint8Array.of(0x20));
    dbf.bytes(field(r.pnu, 19, false));
    dbf.bytes(field(r.jibun, 30, false));
    dbf.bytes(field(r.bchk, 1, false));
    dbf.bytes(field(String(r.sggOid), 10, true));
    dbf.bytes(field(r.colAdmSe, 5, false));
  };
  const close = (): number => {
    dbf.bytes(Uint8Array.of(0x1a));
    for (const s of [shp, shx, dbf]) s.flush();
    const fullBox = [...box, 0, 0, 0, 0];
    writeSync(shpFd, shpHeader(offset, fullBox), 0, 100, 0);
    writeSync(shxFd, shpHeader(100 + 8 * count, fullBox), 0, 100, 0);
    writeSync(dbfFd, dbfHeader(count), 0, DBF_HEADER_BYTES, 0);
    for (const fd of [shpFd, shxFd, dbfFd]) closeSync(fd);
    write(`${basePath}.prj`, prjFor("EPSG:5186") ?? "");
    return count;
  };
  return { add, close };
}
