/**
 * Firms summed into square bins for drawing: a heatmap needs ~2 km squares, points at high zoom
 * ~100 m ones (larger when there would be too many). Done where the firms are read (the app's
 * Worker), so a million firms never cost the page's thread more than drawing 50,000 points.
 */
import type { Feature, FeatureCollection, Point } from "geojson";
import type { Firms } from "./firms";

export interface FirmBins {
  /** Points of ~2 km bins with `w` (weight) and `n` (firms), for a heatmap. */
  heat: FeatureCollection<Point>;
  /** The firms themselves up to RAW_POINTS, else bins of ~100 m or larger, at most that many. */
  points: FeatureCollection<Point>;
  /** The heaviest heat bin's weight, to scale the heatmap by. */
  maxHeat: number;
}

const HEAT_BIN_DEG = 0.02;
const POINT_BIN_DEG = 0.001;
const RAW_POINTS = 50_000;

/** Firms summed into square bins of `binDeg`, each a point at its firms' weighted mean. */
export function binFirms(firms: Firms, binDeg: number): FeatureCollection<Point> {
  const index = new Map<number, number>();
  const x: number[] = [];
  const y: number[] = [];
  const w: number[] = [];
  const n: number[] = [];
  for (let i = 0; i < firms.lon.length; i++) {
    const lon = firms.lon[i] as number;
    const lat = firms.lat[i] as number;
    const wt = firms.weight[i] as number;
    // Bins of lon/lat degrees: fewer than 2^21 along each axis for any bin of 0.001° or more.
    const key =
      (Math.floor(lon / binDeg) + 2 ** 20) * 2 ** 21 + (Math.floor(lat / binDeg) + 2 ** 20);
    let b = index.get(key);
    if (b === undefined) {
      b = x.length;
      index.set(key, b);
      x.push(0);
      y.push(0);
      w.push(0);
      n.push(0);
    }
    // Weighted means need some weight: a bin of zero-weight firms sits at their plain mean.
    const k = wt > 0 ? wt : 1e-9;
    x[b] = (x[b] as number) + lon * k;
    y[b] = (y[b] as number) + lat * k;
    w[b] = (w[b] as number) + wt;
    n[b] = (n[b] as number) + 1;
  }
  const features: Feature<Point>[] = x.map((sx, b) => {
    const k = (w[b] as number) > 0 ? (w[b] as number) : (n[b] as number) * 1e-9;
    return {
      type: "Feature",
      properties: { w: w[b] as number, n: n[b] as number },
      geometry: { type: "Point", coordinates: [sx / k, (y[b] as number) / k] },
    };
  });
  return { type: "FeatureCollection", features };
}

function rawPoints(firms: Firms): FeatureCollection<Point> {
  const features: Feature<Point>[] = [];
  for (let i = 0; i < firms.lon.length; i++) {
    features.push({
      type: "Feature",
      properties: { w: firms.weight[i] as number, n: 1 },
      geometry: { type: "Point", coordinates: [firms.lon[i] as number, firms.lat[i] as number] },
    });
  }
  return { type: "FeatureCollection", features };
}

/** The heatmap and point layers' data for these firms. */
export function firmBins(firms: Firms): FirmBins {
  const heat = binFirms(firms, HEAT_BIN_DEG);
  let maxHeat = 1;
  for (const f of heat.features) maxHeat = Math.max(maxHeat, Number(f.properties?.w ?? 0));
  let points = firms.lon.length <= RAW_POINTS ? rawPoints(firms) : null;
  for (let deg = POINT_BIN_DEG; points === null; deg *= 2) {
    const bins = binFirms(firms, deg);
    if (bins.features.length <= RAW_POINTS || deg >= HEAT_BIN_DEG) points = bins;
  }
  return { heat, points, maxHeat };
}
