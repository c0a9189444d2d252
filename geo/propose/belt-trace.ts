/**
 * A belt axis that follows the firms: a polyline grown step by step from a start (the search's
 * centre, or a heavy place apart from it), in the search's local plane (metres east and north of
 * the centre). Steps are half the half-width (2.5 km for Phase 3), between 1/200 and 1/20 of L.
 *
 * Each step, both ends look ahead: along every direction within MAX_TURN of the end's heading
 * (any direction for the first step), the weight of the firms not yet covered that lie within the
 * half-width of a ray of LOOK_STEPS steps, firms near the ray's middle line counting a little
 * more (so the ray points at the corridor, not at its edge). The end and direction that see the
 * most take one step; the firms within the half-width of that step are then covered. Where
 * neither end sees anything, a ray four times longer looks across the gap; where that sees
 * nothing either, or the length is spent, the trace stops. Firms are first binned into 500 m
 * squares (their weighted centre stands for them), which is all a search needs: the caller trims
 * and measures the axis on the firms themselves.
 */
import type { Offsets } from "./belt-bend";

const BIN_M = 500;
/** Headings, over a full turn (5° apart). */
const DIRECTIONS = 72;
/** An end turns at most this many headings (45°) a step. */
const MAX_TURN = 9;
const LOOK_STEPS = 4;
const FAR_LOOK = 4;

export type PlanePoint = [east: number, north: number];

/** Binned firms, bucketed by squares of the half-width for segment queries. */
class Bins {
  readonly x: Float64Array;
  readonly y: Float64Array;
  readonly w: Float64Array;
  readonly covered: Uint8Array;
  private readonly start: Int32Array;
  private readonly ids: Int32Array;
  private readonly x0: number;
  private readonly y0: number;
  private readonly cols: number;
  private readonly rows: number;

  constructor(
    near: Offsets,
    private readonly reachM: number,
  ) {
    const sums = new Map<number, [number, number, number]>();
    for (let i = 0; i < near.east.length; i++) {
      const wt = near.weight[i] as number;
      if (!(wt > 0)) continue;
      const e = near.east[i] as number;
      const n = near.north[i] as number;
      const key = (Math.floor(e / BIN_M) + 32768) * 65536 + (Math.floor(n / BIN_M) + 32768);
      const s = sums.get(key);
      if (s) {
        s[0] += e * wt;
        s[1] += n * wt;
        s[2] += wt;
      } else sums.set(key, [e * wt, n * wt, wt]);
    }
    const count = sums.size;
    this.x = new Float64Array(count);
    this.y = new Float64Array(count);
    this.w = new Float64Array(count);
    this.covered = new Uint8Array(count);
    let k = 0;
    for (const [sx, sy, sw] of sums.values()) {
      this.x[k] = sx / sw;
      this.y[k] = sy / sw;
      this.w[k] = sw;
      k++;
    }
    let [xLo, xHi, yLo, yHi] = [0, 0, 0, 0];
    for (let i = 0; i < count; i++) {
      xLo = Math.min(xLo, this.x[i] as number);
      xHi = Math.max(xHi, this.x[i] as number);
      yLo = Math.min(yLo, this.y[i] as number);
      yHi = Math.max(yHi, this.y[i] as number);
    }
    this.x0 = xLo;
    this.y0 = yLo;
    this.cols = Math.floor((xHi - xLo) / reachM) + 1;
    this.rows = Math.floor((yHi - yLo) / reachM) + 1;
    const bucket = new Int32Array(count);
    this.start = new Int32Array(this.cols * this.rows + 1);
    for (let i = 0; i < count; i++) {
      const c = this.bucketOf(this.x[i] as number, this.y[i] as number);
      bucket[i] = c;
      (this.start[c + 1] as number)++;
    }
    for (let c = 0; c < this.cols * this.rows; c++) {
      this.start[c + 1] = (this.start[c + 1] as number) + (this.start[c] as number);
    }
    const fill = this.start.slice(0, -1);
    this.ids = new Int32Array(count);
    for (let i = 0; i < count; i++) {
      const c = bucket[i] as number;
      this.ids[fill[c] as number] = i;
      fill[c] = (fill[c] as number) + 1;
    }
  }

  private bucketOf(x: number, y: number): number {
    const col = Math.floor((x - this.x0) / this.reachM);
    const row = Math.floor((y - this.y0) / this.reachM);
    return row * this.cols + col;
  }

  /**
   * The uncovered weight within the reach of segment a→b, each bin weighted by
   * 1 − d / (2·reach) when `centred` (1 otherwise); with `cover`, those bins become covered.
   */
  along(ax: number, ay: number, bx: number, by: number, centred: boolean, cover = false): number {
    const r = this.reachM;
    const c0 = Math.max(0, Math.floor((Math.min(ax, bx) - r - this.x0) / r));
    const c1 = Math.min(this.cols - 1, Math.floor((Math.max(ax, bx) + r - this.x0) / r));
    const r0 = Math.max(0, Math.floor((Math.min(ay, by) - r - this.y0) / r));
    const r1 = Math.min(this.rows - 1, Math.floor((Math.max(ay, by) + r - this.y0) / r));
    const dx = bx - ax;
    const dy = by - ay;
    const len2 = dx * dx + dy * dy;
    let sum = 0;
    for (let row = r0; row <= r1; row++) {
      for (let col = c0; col <= c1; col++) {
        const c = row * this.cols + col;
        for (let k = this.start[c] as number; k < (this.start[c + 1] as number); k++) {
          const i = this.ids[k] as number;
          if (this.covered[i]) continue;
          const px = (this.x[i] as number) - ax;
          const py = (this.y[i] as number) - ay;
          const u = len2 > 0 ? Math.min(1, Math.max(0, (px * dx + py * dy) / len2)) : 0;
          const ex = px - u * dx;
          const ey = py - u * dy;
          const d2 = ex * ex + ey * ey;
          if (d2 > r * r) continue;
          const d = Math.sqrt(d2);
          sum += (this.w[i] as number) * (centred ? 1 - d / (2 * r) : 1);
          if (cover) this.covered[i] = 1;
        }
      }
    }
    return sum;
  }
}

interface End {
  x: number;
  y: number;
  /** Heading index, −1 before the first step. */
  dir: number;
  path: PlanePoint[];
}

const unit = (k: number): PlanePoint => {
  const a = (2 * Math.PI * k) / DIRECTIONS;
  return [Math.sin(a), Math.cos(a)];
};

/** Where traces start besides the centre: the heaviest bins, at least this many half-widths apart. */
const SEED_SPACING = 2;

/**
 * Polylines (plane metres) traced through `near` within `lengthM`: one from each of `given`,
 * then from the heaviest bins, each at least two half-widths from every start before it, up to
 * `seeds` in all (the best belt need not pass the best disk).
 */
export function traceAxes(
  near: Offsets,
  halfWidthM: number,
  lengthM: number,
  given: readonly PlanePoint[],
  seeds: number,
): PlanePoint[][] {
  const bins = new Bins(near, halfWidthM);
  const starts: PlanePoint[] = [...given];
  const order = Array.from(bins.w.keys()).sort(
    (a, b) => (bins.w[b] as number) - (bins.w[a] as number),
  );
  const gap2 = (SEED_SPACING * halfWidthM) ** 2;
  for (const i of order) {
    if (starts.length >= Math.max(seeds, given.length)) break;
    const x = bins.x[i] as number;
    const y = bins.y[i] as number;
    if (starts.every(([sx, sy]) => (x - sx) ** 2 + (y - sy) ** 2 >= gap2)) starts.push([x, y]);
  }
  return starts.map(([x, y]) => {
    bins.covered.fill(0);
    return trace(bins, x, y, halfWidthM, lengthM);
  });
}

function trace(
  bins: Bins,
  x0: number,
  y0: number,
  halfWidthM: number,
  lengthM: number,
): PlanePoint[] {
  const step = Math.max(lengthM / 200, Math.min(halfWidthM / 2, lengthM / 20));
  bins.along(x0, y0, x0, y0, false, true);
  const head: End = { x: x0, y: y0, dir: -1, path: [] };
  const tail: End = { x: x0, y: y0, dir: -1, path: [] };
  let used = 0;
  const bestMove = (lookM: number) => {
    let best = { score: 0, end: head, k: -1 };
    for (const end of head.dir < 0 ? [head] : [head, tail]) {
      const turns = end.dir < 0 ? DIRECTIONS / 2 : MAX_TURN;
      const first = end.dir < 0 ? 0 : end.dir - turns;
      const last = end.dir < 0 ? DIRECTIONS - 1 : end.dir + turns;
      for (let j = first; j <= last; j++) {
        const k = (j + DIRECTIONS) % DIRECTIONS;
        const [ux, uy] = unit(k);
        const score = bins.along(end.x, end.y, end.x + lookM * ux, end.y + lookM * uy, true);
        if (score > best.score) best = { score, end, k };
      }
    }
    return best;
  };
  while (used + step <= lengthM) {
    let move = bestMove(LOOK_STEPS * step);
    if (move.k < 0) move = bestMove(Math.min(lengthM - used, FAR_LOOK * LOOK_STEPS * step));
    if (move.k < 0) break;
    const end = move.end;
    if (head.dir < 0) tail.dir = (move.k + DIRECTIONS / 2) % DIRECTIONS;
    const [ux, uy] = unit(move.k);
    const nx = end.x + step * ux;
    const ny = end.y + step * uy;
    bins.along(end.x, end.y, nx, ny, false, true);
    // A step on the same heading lengthens the last segment instead of adding a vertex.
    if (end.dir === move.k && end.path.length > 0) end.path[end.path.length - 1] = [nx, ny];
    else end.path.push([nx, ny]);
    end.x = nx;
    end.y = ny;
    end.dir = move.k;
    used += step;
  }
  return [...[...tail.path].reverse(), [x0, y0], ...head.path];
}
