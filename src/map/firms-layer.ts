/**
 * The firms overlay: a heatmap of firm weight at low zoom and the firms as points at high zoom,
 * under the zone's own layers. A million firms are binned first (≈ 2 km squares for the heatmap,
 * ≈ 100 m for the points), so the map never holds a million features.
 */
import type { Feature, FeatureCollection, Point } from "geojson";
import type { GeoJSONSource, Map as MlMap } from "maplibre-gl";
import type { FirmSet } from "../store/firms-slice";
import { FIRMS_COLOURS, FIRMS_IDS, LAYERS, PROPOSAL_COLOURS } from "./ids";

const HEAT_BIN_DEG = 0.02;
const POINT_BIN_DEG = 0.001;
/** Up to this many firms are drawn one by one; more are binned. */
const RAW_POINTS = 50_000;
const EMPTY: FeatureCollection = { type: "FeatureCollection", features: [] };

/** Firms summed into square bins, each a point at its bins' weighted mean, with `w` and `n`. */
export function binFirms(firms: FirmSet, binDeg: number): FeatureCollection<Point> {
  const bins = new Map<string, { x: number; y: number; w: number; n: number }>();
  for (let i = 0; i < firms.lon.length; i++) {
    const lon = firms.lon[i] as number;
    const lat = firms.lat[i] as number;
    const w = firms.weight[i] as number;
    const key = `${Math.floor(lon / binDeg)},${Math.floor(lat / binDeg)}`;
    const b = bins.get(key) ?? { x: 0, y: 0, w: 0, n: 0 };
    // Weighted means need some weight: a bin of zero-weight firms sits at their plain mean.
    const k = w > 0 ? w : 1e-9;
    b.x += lon * k;
    b.y += lat * k;
    b.w += w;
    b.n += 1;
    bins.set(key, b);
  }
  const features: Feature<Point>[] = [];
  for (const b of bins.values()) {
    const k = b.w > 0 ? b.w : b.n * 1e-9;
    features.push({
      type: "Feature",
      properties: { w: b.w, n: b.n },
      geometry: { type: "Point", coordinates: [b.x / k, b.y / k] },
    });
  }
  return { type: "FeatureCollection", features };
}

function rawPoints(firms: FirmSet): FeatureCollection<Point> {
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

export class FirmsLayer {
  private map: MlMap | null = null;
  private heat: FeatureCollection = EMPTY;
  private points: FeatureCollection = EMPTY;
  private maxHeat = 1;
  private proposals: FeatureCollection = EMPTY;

  /** Adds the sources and layers (once the style has loaded) and draws any firms already set. */
  attach(map: MlMap): void {
    this.map = map;
    map.addSource(FIRMS_IDS.heatSource, { type: "geojson", data: this.heat });
    map.addSource(FIRMS_IDS.pointSource, { type: "geojson", data: this.points });
    map.addSource(FIRMS_IDS.proposalSource, { type: "geojson", data: this.proposals });
    const before = map.getLayer(LAYERS.envelopeFill) ? LAYERS.envelopeFill : undefined;
    map.addLayer(
      {
        id: FIRMS_IDS.heat,
        type: "heatmap",
        source: FIRMS_IDS.heatSource,
        maxzoom: 12,
        paint: {
          "heatmap-weight": ["/", ["get", "w"], ["literal", this.maxHeat]],
          "heatmap-intensity": ["interpolate", ["linear"], ["zoom"], 5, 0.6, 11, 2],
          "heatmap-radius": ["interpolate", ["linear"], ["zoom"], 5, 8, 11, 30],
          "heatmap-opacity": ["interpolate", ["linear"], ["zoom"], 10, 0.8, 12, 0],
        },
      },
      before,
    );
    map.addLayer(
      {
        id: FIRMS_IDS.points,
        type: "circle",
        source: FIRMS_IDS.pointSource,
        minzoom: 10,
        paint: {
          "circle-radius": ["interpolate", ["linear"], ["zoom"], 10, 2, 15, 5],
          "circle-color": FIRMS_COLOURS.point,
          "circle-stroke-color": FIRMS_COLOURS.pointStroke,
          "circle-stroke-width": 0.5,
        },
      },
      before,
    );
    map.addLayer({
      id: FIRMS_IDS.proposals,
      type: "line",
      source: FIRMS_IDS.proposalSource,
      filter: ["!=", ["geometry-type"], "Point"],
      paint: {
        "line-color": [
          "match",
          ["get", "proposal"],
          "belt",
          PROPOSAL_COLOURS.belt,
          "polygon",
          PROPOSAL_COLOURS.polygon,
          PROPOSAL_COLOURS.circle,
        ],
        "line-width": 2,
        "line-dasharray": [1, 1.5],
      },
    });
    this.draw();
  }

  /** The proposals' envelopes, each feature with `proposal` = its shape; empty hides them. */
  setProposals(proposals: FeatureCollection | null): void {
    this.proposals = proposals ?? EMPTY;
    (this.map?.getSource(FIRMS_IDS.proposalSource) as GeoJSONSource | undefined)?.setData(
      this.proposals,
    );
  }

  setFirms(firms: FirmSet | null): void {
    if (!firms) {
      this.heat = EMPTY;
      this.points = EMPTY;
    } else {
      const heat = binFirms(firms, HEAT_BIN_DEG);
      this.heat = heat;
      this.maxHeat = Math.max(1, ...heat.features.map((f) => Number(f.properties?.w ?? 0)));
      this.points =
        firms.lon.length <= RAW_POINTS ? rawPoints(firms) : binFirms(firms, POINT_BIN_DEG);
    }
    this.draw();
  }

  private draw(): void {
    const map = this.map;
    if (!map) return;
    (map.getSource(FIRMS_IDS.heatSource) as GeoJSONSource | undefined)?.setData(this.heat);
    (map.getSource(FIRMS_IDS.pointSource) as GeoJSONSource | undefined)?.setData(this.points);
    if (map.getLayer(FIRMS_IDS.heat)) {
      map.setPaintProperty(FIRMS_IDS.heat, "heatmap-weight", [
        "/",
        ["get", "w"],
        ["literal", this.maxHeat],
      ]);
    }
  }
}
