/**
 * The firms overlay: a heatmap of firm weight at low zoom and the firms as points at high zoom,
 * under the zone's own layers. It draws the bins the firms Worker made (geo/propose/bins.ts), so
 * the map never holds a million features.
 */
import type { FeatureCollection } from "geojson";
import type { Map as MlMap } from "maplibre-gl";
import type { EnvelopeProps, FirmBinProps, MapFirms } from "./contract";
import { setSourceData, showLayersOf } from "./empty-layers";
import { get } from "./get";
import { FIRMS_COLOURS, FIRMS_IDS, LAYERS, PROPOSAL_COLOURS } from "./ids";

const EMPTY: FeatureCollection = { type: "FeatureCollection", features: [] };

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
          "heatmap-weight": ["/", get<FirmBinProps>("w"), ["literal", this.maxHeat]],
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
          get<EnvelopeProps>("proposal"),
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
    showLayersOf(map, FIRMS_IDS.proposalSource, this.proposals.features.length > 0);
    this.draw();
  }

  /** The proposals' envelopes, each feature with `proposal` = its shape; empty hides them. */
  setProposals(proposals: FeatureCollection | null): void {
    this.proposals = proposals ?? EMPTY;
    if (this.map) setSourceData(this.map, FIRMS_IDS.proposalSource, this.proposals);
  }

  setFirms(firms: MapFirms | null): void {
    this.heat = firms?.bins.heat ?? EMPTY;
    this.points = firms?.bins.points ?? EMPTY;
    this.maxHeat = firms?.bins.maxHeat ?? 1;
    this.draw();
  }

  private draw(): void {
    const map = this.map;
    if (!map) return;
    setSourceData(map, FIRMS_IDS.heatSource, this.heat);
    setSourceData(map, FIRMS_IDS.pointSource, this.points);
    if (map.getLayer(FIRMS_IDS.heat)) {
      map.setPaintProperty(FIRMS_IDS.heat, "heatmap-weight", [
        "/",
        get<FirmBinProps>("w"),
        ["literal", this.maxHeat],
      ]);
    }
  }
}
