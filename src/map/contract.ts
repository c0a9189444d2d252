/**
 * The map adapter's contract: what the rest of the app hands it (tools, basemap, label language,
 * the scene to draw) and the properties each scene source's features carry, which the builders
 * (scene*.ts) write and the overlays' expressions read. Types only: no maplibre-gl here.
 */
import type { Feature, FeatureCollection, Polygon } from "geojson";
import type { Envelope, EnvelopeShape, FirmBins, Lang } from "../../geo/index";
import type { Basemap, ToolId } from "../store/vocabulary";

/** What the map shows, as plain GeoJSON built from the store; the map adapter only draws it. */
export interface Scene {
  parcels: FeatureCollection;
  envelope: FeatureCollection;
  /** The smallest circle holding the parcels and the limit around it, when no envelope is given. */
  enclosing: FeatureCollection;
  hubs: FeatureCollection;
  /** Parcels the select tool may edit: simple polygons only (terra-draw can't keep holes). */
  editable: Feature<Polygon>[];
  /** The envelope as drawn, for the select tool's handles (envelope-edit.ts). */
  editableEnvelope: Envelope | null;
  focus: { bbox: [number, number, number, number]; seq: number } | null;
  /** Each parcel's name and area at its interior point (parcel-labels.ts). */
  labels: ParcelLabel[];
}

/** A parcel's label: rebuilt when the zone's parcels change, never on a drag's moves. */
export interface ParcelLabel {
  id: string;
  name: string;
  /** Ellipsoidal area, as the report measures it. */
  km2: number;
  /** The interior point farthest from the parcel's edges (label-point.ts), [lon, lat]. */
  at: [number, number];
}

/** The tool, basemap and label language the UI chose. */
export interface MapControls {
  setTool: (tool: ToolId) => void;
  setBasemap: (basemap: Basemap) => void;
  setLang: (lang: Lang) => void;
}

/** The firms the map draws: only the bins made for it. */
export interface MapFirms {
  bins: FirmBins;
}

/** The firms overlay and the proposals' outlines (outlines: envelope features with `proposal`). */
export interface FirmsView {
  setFirms: (firms: MapFirms | null) => void;
  setProposals: (proposals: FeatureCollection | null) => void;
}

/** A parcel (source `parcels`). */
export interface ParcelProps {
  id: string;
  name: string;
  highlighted: boolean;
}

/** A part of the envelope (source `envelope`), and of a proposal's outline with its shape. */
export interface EnvelopeProps {
  role: "envelope";
  shape: EnvelopeShape;
  /** The checker's verdict on the envelope's own size (shapeOverLimit); none on a proposal. */
  state?: EnclosingState;
  proposal?: EnvelopeShape;
}

/** Whether a drawn shape (the inferred circle, a filed envelope) is within its limit. */
export type EnclosingState = "within" | "over";

/** The inferred circle or the limit circle around it (source `enclosing`). */
export interface EnclosingProps {
  role: "enclosing" | "limit";
  state: EnclosingState;
  radiusKm: number;
  limitKm: number;
}

/** A hub (source `hubs`). */
export interface HubProps {
  name: string;
  type: string;
  approximate: boolean;
}

/** A bin of firms (the firms overlay's sources), as geo/propose/bins.ts writes it. */
export interface FirmBinProps {
  /** The bin's weight. */
  w: number;
  /** How many firms it holds. */
  n: number;
}
