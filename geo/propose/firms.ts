/**
 * Firms as the proposals see them: positions and weights in flat arrays (a million firms are
 * three Float64Arrays, not a million objects).
 */
export interface Firms {
  lon: Float64Array;
  lat: Float64Array;
  /** Each firm's weight (1, or its 종업원수, 매출액, …); never negative. */
  weight: Float64Array;
}

/** Firms from parallel lists, weights defaulting to 1. */
export function createFirms(
  points: readonly (readonly number[])[],
  weights?: readonly number[],
): Firms {
  const n = points.length;
  const firms: Firms = {
    lon: new Float64Array(n),
    lat: new Float64Array(n),
    weight: new Float64Array(n),
  };
  points.forEach((p, i) => {
    firms.lon[i] = p[0] ?? 0;
    firms.lat[i] = p[1] ?? 0;
    firms.weight[i] = weights?.[i] ?? 1;
  });
  return firms;
}

/** The total weight of the firms. */
export function totalWeight(firms: Firms): number {
  let total = 0;
  for (let i = 0; i < firms.weight.length; i++) total += firms.weight[i] ?? 0;
  return total;
}

/** Only the firms `keep` says yes to, in order. */
export function filterFirms(firms: Firms, keep: (i: number) => boolean): Firms {
  const ids = new Uint32Array(firms.lon.length);
  let n = 0;
  for (let i = 0; i < firms.lon.length; i++) if (keep(i)) ids[n++] = i;
  const pick = (a: Float64Array) => {
    const out = new Float64Array(n);
    for (let k = 0; k < n; k++) out[k] = a[ids[k] as number] as number;
    return out;
  };
  return { lon: pick(firms.lon), lat: pick(firms.lat), weight: pick(firms.weight) };
}

/**
 * Firms gathered one at a time (a file read in a stream): three Float64Arrays that double when
 * full, cut to length at the end — never a list of a million numbers or objects.
 */
export class FirmBuffer {
  private lon = new Float64Array(1024);
  private lat = new Float64Array(1024);
  private weight = new Float64Array(1024);
  length = 0;

  push(lon: number, lat: number, weight: number): void {
    if (this.length === this.lon.length) {
      const grow = (a: Float64Array) => {
        const b = new Float64Array(a.length * 2);
        b.set(a);
        return b;
      };
      this.lon = grow(this.lon);
      this.lat = grow(this.lat);
      this.weight = grow(this.weight);
    }
    this.lon[this.length] = lon;
    this.lat[this.length] = lat;
    this.weight[this.length] = weight;
    this.length++;
  }

  /** The firms pushed, in order. */
  firms(): Firms {
    const n = this.length;
    return {
      lon: this.lon.slice(0, n),
      lat: this.lat.slice(0, n),
      weight: this.weight.slice(0, n),
    };
  }
}
