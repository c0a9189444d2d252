/**
 * A synthetic 연속지적도 in the real schema, for tests and benchmarks (no real cadastre may be
 * kept here). A real KOSTAT 시·군 outline, in EPSG:5186 metres, is covered by a grid of blocks:
 * 4 × 2 lots and a road (8 m), stream (천, 25 m) or ditch (구거, 4 m) band on two sides. Near the
 * given centre blocks are urban (lots of 30 × 25 m, mostly 대); further out farmland (60 × 25 m,
 * 답 and 전); where a smooth pseudo-random "hilliness" is high, 산 필지 of one block or 2 × 2
 * blocks (임야) swallow the roads. Roads run as long thin 도 필지 over up to six blocks. Every
 * 필지 is a run of grid cells and its outline passes through every grid vertex on it, so
 * neighbours share their vertices exactly (no T-junction), as a cadastre's topology does.
 * Vertices are jittered (±1 m, one offset per grid vertex, shared by all its 필지) so lots are
 * not perfect rectangles. 법정동 come from the real code table, placed by nearest random seed:
 * real codes, made-up places. Nothing here is a real 필지.
 */

export interface TessellateOptions {
  /** The 시·군 outline in EPSG:5186: polygons of rings, [easting, northing]. */
  outline: [number, number][][][];
  /** Where the town is (EPSG:5186). */
  centre: [number, number];
  /** Keep only this square around the centre (metres a side); the whole 시·군 without it. */
  windowM?: number;
  /** Lot size factor: 1 gives 30 × 25 m urban lots. */
  scale?: number;
  /** Urban radius (m). */
  urbanM?: number;
  /** 법정동 codes to place (leaves: 동 and 리 of the 시·군). */
  bjd: { dong: string[]; ri: string[] };
  /** 시·군·구 code for COL_ADM_SE (행정표준코드, 5 digits). */
  sggCode: string;
  seed?: number;
}

export interface Pilji {
  rings: [number, number][][];
  pnu: string;
  jibun: string;
}

function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** A hash of integers in [0, 1): the same vertex always gets the same jitter. */
function hash(a: number, b: number, c = 0): number {
  let h = Math.imul(a, 0x27d4eb2d) ^ Math.imul(b, 0x165667b1) ^ Math.imul(c, 0x85ebca6b);
  h = Math.imul(h ^ (h >>> 15), 0x2c1b3c6d);
  h = Math.imul(h ^ (h >>> 12), 0x297a2d39);
  return ((h ^ (h >>> 15)) >>> 0) / 4294967296;
}

/** Smooth value noise in [0, 1) on a lattice of `cell` metres. */
function noise(x: number, y: number, cell: number): number {
  const gx = Math.floor(x / cell);
  const gy = Math.floor(y / cell);
  const fx = x / cell - gx;
  const fy = y / cell - gy;
  const s = (t: number) => t * t * (3 - 2 * t);
  const v = (i: number, j: number) => hash(i, j, 7);
  const top = v(gx, gy + 1) + (v(gx + 1, gy + 1) - v(gx, gy + 1)) * s(fx);
  const bottom = v(gx, gy) + (v(gx + 1, gy) - v(gx, gy)) * s(fx);
  return bottom + (top - bottom) * s(fy);
}

/** Inside intervals of the outline along the horizontal line y (even-odd). */
function crossings(outline: [number, number][][][], y: number): number[] {
  const xs: number[] = [];
  for (const polygon of outline)
    for (const ring of polygon)
      for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
        const [ax, ay] = ring[i] as [number, number];
        const [bx, by] = ring[j] as [number, number];
        if (ay > y !== by > y) xs.push(ax + ((y - ay) * (bx - ax)) / (by - ay));
      }
  return xs.sort((a, b) => a - b);
}

function inside(xs: number[], x: number): boolean {
  let n = 0;
  for (const c of xs) if (c < x) n++;
  return n % 2 === 1;
}

type Kind = "urban" | "farm" | "hill";

const BAND_M = { road: 8, stream: 25, ditch: 4 } as const;
const JITTER_M = 1;

function pick<T>(r: number, table: [T, number][]): T {
  let acc = 0;
  for (const [v, w] of table) {
    acc += w;
    if (r < acc) return v;
  }
  return (table[table.length - 1] as [T, number])[0];
}

const URBAN_JIMOK: [string, number][] = [
  ["대", 0.72],
  ["장", 0.05],
  ["학", 0.03],
  ["주", 0.02],
  ["차", 0.03],
  ["창", 0.03],
  ["종", 0.02],
  ["공", 0.04],
  ["체", 0.02],
  ["잡", 0.04],
];
const FARM_JIMOK: [string, number][] = [
  ["답", 0.55],
  ["전", 0.28],
  ["과", 0.05],
  ["목", 0.02],
  ["유", 0.03],
  ["양", 0.01],
  ["대", 0.04],
  ["창", 0.02],
];

/** Every 필지, in a deterministic order; `emit` receives them one at a time. */
export function tessellate(opts: TessellateOptions, emit: (p: Pilji) => void): number {
  const scale = opts.scale ?? 1;
  const lotW = 30 * scale;
  const lotH = 25 * scale;
  const urbanM = opts.urbanM ?? 2500;
  const rand = mulberry32(opts.seed ?? 20);
  const [cx0, cy0] = opts.centre;
  // The region: the outline's box, or the window around the centre.
  let [minX, minY, maxX, maxY] = [Infinity, Infinity, -Infinity, -Infinity];
  for (const polygon of opts.outline)
    for (const [x, y] of polygon[0] ?? []) {
      minX = Math.min(minX, x);
      minY = Math.min(minY, y);
      maxX = Math.max(maxX, x);
      maxY = Math.max(maxY, y);
    }
  if (opts.windowM) {
    const h = opts.windowM / 2;
    minX = Math.max(minX, cx0 - h);
    maxX = Math.min(maxX, cx0 + h);
    minY = Math.max(minY, cy0 - h);
    maxY = Math.min(maxY, cy0 + h);
  }
  const bandX = (bi: number): "road" | "stream" => (bi % 9 === 4 ? "stream" : "road");
  const bandY = (bj: number): "road" | "ditch" => (bj % 5 === 2 ? "ditch" : "road");
  // Grid vertex coordinates: 5 columns and 3 rows of cells a block.
  const colX: number[] = [];
  for (let x = minX, bi = 0; x < maxX; bi++) {
    for (let k = 0; k < 4; k++) colX.push(x + k * lotW);
    colX.push(x + 4 * lotW);
    x += 4 * lotW + BAND_M[bandX(bi)];
  }
  const rowY: number[] = [];
  for (let y = minY, bj = 0; y < maxY; bj++) {
    for (let k = 0; k < 2; k++) rowY.push(y + k * lotH);
    rowY.push(y + 2 * lotH);
    y += 2 * lotH + BAND_M[bandY(bj)];
  }
  const nbi = colX.length / 5;
  const nbj = rowY.length / 3;
  const xAt = (c: number): number =>
    c < colX.length
      ? (colX[c] as number)
      : (colX[colX.length - 1] as number) + BAND_M[bandX(nbi - 1)];
  const yAt = (r: number): number =>
    r < rowY.length
      ? (rowY[r] as number)
      : (rowY[rowY.length - 1] as number) + BAND_M[bandY(nbj - 1)];
  const vertex = (c: number, r: number): [number, number] => {
    const jx = (hash(c, r, 1) * 2 - 1) * JITTER_M;
    const jy = (hash(c, r, 2) * 2 - 1) * JITTER_M;
    return [Math.round((xAt(c) + jx) * 1000) / 1000, Math.round((yAt(r) + jy) * 1000) / 1000];
  };
  // A block is kept when its four corners are inside the outline and the region.
  const rowCross = new Map<number, number[]>();
  const cross = (r: number) => {
    let xs = rowCross.get(r);
    if (!xs) {
      xs = crossings(opts.outline, yAt(r));
      rowCross.set(r, xs);
    }
    return xs;
  };
  const kept = new Uint8Array(nbi * nbj);
  const kind: Kind[] = [];
  for (let bj = 0; bj < nbj; bj++) {
    const r0 = 3 * bj;
    const r1 = 3 * bj + 3;
    for (let bi = 0; bi < nbi; bi++) {
      const c0 = 5 * bi;
      const c1 = 5 * bi + 5;
      const ok =
        xAt(c1) <= maxX &&
        yAt(r1) <= maxY &&
        inside(cross(r0), xAt(c0)) &&
        inside(cross(r0), xAt(c1)) &&
        inside(cross(r1), xAt(c0)) &&
        inside(cross(r1), xAt(c1));
      kept[bj * nbi + bi] = ok ? 1 : 0;
      const mx = (xAt(c0) + xAt(c1)) / 2;
      const my = (yAt(r0) + yAt(r1)) / 2;
      const d = Math.hypot(mx - cx0, my - cy0);
      const n = noise(mx, my, 1500);
      kind.push(d < urbanM && n < 0.75 ? "urban" : n + d / 25000 > 0.85 ? "hill" : "farm");
    }
  }
  const isKept = (bi: number, bj: number) =>
    bi >= 0 && bj >= 0 && bi < nbi && bj < nbj && kept[bj * nbi + bi] === 1;
  const kindOf = (bi: number, bj: number) => kind[bj * nbi + bi] as Kind;

  // 법정동 seeds: 동 near the centre, 리 further out (made-up places for real codes).
  const urbanBlocks: [number, number][] = [];
  const outerBlocks: [number, number][] = [];
  for (let bj = 0; bj < nbj; bj++)
    for (let bi = 0; bi < nbi; bi++) {
      if (!isKept(bi, bj)) continue;
      const p: [number, number] = [xAt(5 * bi + 2), yAt(3 * bj + 1)];
      (Math.hypot(p[0] - cx0, p[1] - cy0) < urbanM ? urbanBlocks : outerBlocks).push(p);
    }
  const seeds: { x: number; y: number; code: string }[] = [];
  const place = (codes: string[], pool: [number, number][]) => {
    if (pool.length === 0) return;
    for (const code of codes) {
      const [x, y] = pool[Math.floor(rand() * pool.length)] as [number, number];
      seeds.push({ x, y, code });
    }
  };
  place(opts.bjd.dong, urbanBlocks.length ? urbanBlocks : outerBlocks);
  place(opts.bjd.ri, outerBlocks);
  const bjdAt = (bi: number, bj: number): string => {
    const x = xAt(5 * bi + 2);
    const y = yAt(3 * bj + 1);
    let best = seeds[0];
    let bestD = Infinity;
    for (const s of seeds) {
      const d = (s.x - x) ** 2 + (s.y - y) ** 2;
      if (d < bestD) {
        bestD = d;
        best = s;
      }
    }
    return best?.code ?? "0000000000";
  };
  const counters = new Map<string, number>();
  const next = (key: string) => {
    const n = (counters.get(key) ?? 0) + 1;
    counters.set(key, n);
    return n;
  };
  let count = 0;
  const out = (
    c0: number,
    r0: number,
    c1: number,
    r1: number,
    bjd: string,
    san: boolean,
    bon: number,
    bu: number,
    jimok: string,
  ) => {
    const ring: [number, number][] = [];
    for (let r = r0; r < r1; r++) ring.push(vertex(c0, r));
    for (let c = c0; c < c1; c++) ring.push(vertex(c, r1));
    for (let r = r1; r > r0; r--) ring.push(vertex(c1, r));
    for (let c = c1; c > c0; c--) ring.push(vertex(c, r0));
    ring.push(ring[0] as [number, number]);
    const pnu = `${bjd}${san ? 2 : 1}${String(bon).padStart(4, "0")}${String(bu).padStart(4, "0")}`;
    const jibun = `${san ? "산" : ""}${bon}${bu ? `-${bu}` : ""}${jimok}`;
    emit({ rings: [ring], pnu, jibun });
    count++;
  };
  const taken = new Uint8Array(nbi * nbj);
  // 산: 2 × 2 blocks of hills as one 필지, else one block.
  for (let bj = 0; bj < nbj; bj++)
    for (let bi = 0; bi < nbi; bi++) {
      if (!isKept(bi, bj) || kindOf(bi, bj) !== "hill" || taken[bj * nbi + bi]) continue;
      const bjd = bjdAt(bi, bj);
      const group =
        bi % 2 === 0 &&
        bj % 2 === 0 &&
        [
          [1, 0],
          [0, 1],
          [1, 1],
        ].every(
          ([di = 0, dj = 0]) =>
            isKept(bi + di, bj + dj) &&
            kindOf(bi + di, bj + dj) === "hill" &&
            !taken[(bj + dj) * nbi + bi + di],
        );
      const span = group ? 2 : 1;
      for (let dj = 0; dj < span; dj++)
        for (let di = 0; di < span; di++) taken[(bj + dj) * nbi + bi + di] = 1;
      const grave = !group && hash(bi, bj, 3) < 0.15;
      const key = `${bjd}${grave ? 1 : 2}`;
      out(
        5 * bi,
        3 * bj,
        5 * (bi + span),
        3 * (bj + span),
        bjd,
        !grave,
        next(key),
        0,
        grave ? "묘" : "임",
      );
    }
  // Lots, then the horizontal band above each block.
  for (let bj = 0; bj < nbj; bj++)
    for (let bi = 0; bi < nbi; bi++) {
      if (!isKept(bi, bj) || taken[bj * nbi + bi]) continue;
      const bjd = bjdAt(bi, bj);
      const k = kindOf(bi, bj);
      const c = 5 * bi;
      const r = 3 * bj;
      if (k === "urban") {
        const bon = next(`${bjd}1`);
        let bu = 0;
        for (let row = 0; row < 2; row++)
          for (let col = 0; col < 4; ) {
            const wide = col % 2 === 0 && hash(bi * 4 + col, bj * 2 + row, 4) < 0.2;
            const w = wide ? 2 : 1;
            const jimok = pick(hash(bi * 4 + col, bj * 2 + row, 5), URBAN_JIMOK);
            out(c + col, r + row, c + col + w, r + row + 1, bjd, false, bon, bu++, jimok);
            col += w;
          }
      } else {
        for (let row = 0; row < 2; row++)
          for (let col = 0; col < 4; col += 2) {
            const jimok = pick(hash(bi * 4 + col, bj * 2 + row, 6), FARM_JIMOK);
            out(c + col, r + row, c + col + 2, r + row + 1, bjd, false, next(`${bjd}1`), 0, jimok);
          }
      }
      const band = bandY(bj);
      const jimok = band === "ditch" ? "구" : "도";
      out(c, r + 2, c + 4, r + 3, bjd, false, next(`${bjd}1`), 0, jimok);
    }
  // Vertical bands: runs of up to six blocks as one long 도 or 천 필지.
  for (let bi = 0; bi < nbi; bi++) {
    const jimok = bandX(bi) === "stream" ? "천" : "도";
    for (let bj = 0; bj < nbj; ) {
      if (!isKept(bi, bj) || taken[bj * nbi + bi]) {
        bj++;
        continue;
      }
      let end = bj;
      while (end < nbj && end - bj < 6 && isKept(bi, end) && !taken[end * nbi + bi]) end++;
      const bjd = bjdAt(bi, bj);
      out(5 * bi + 4, 3 * bj, 5 * bi + 5, 3 * end, bjd, false, next(`${bjd}1`), 0, jimok);
      bj = end;
    }
  }
  return count;
}
