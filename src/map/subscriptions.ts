/**
 * The map follows the store, all in one place: the scene, the controls, the firms and proposals.
 * Components never draw; they change the store and this file follows (autosave and tab sync
 * follow it in src/persistence/autosave.ts).
 */

import type { FeatureCollection } from "geojson";
import type { Report } from "../../geo/index";
import type { ProposalView } from "../store/proposal-view";
import { type AppStore, activeZone } from "../store/store";
import type { AppState, ZoneDoc } from "../store/types";
import type { EnvelopeProps, FirmsView, MapControls, Scene } from "./contract";
import { parseHash } from "./hash";
import {
  editableParcels,
  envelopeCollection,
  hubsCollection,
  parcelLabels,
  parcelsBbox,
  parcelsCollection,
} from "./scene";
import {
  type EnclosingKey,
  enclosingCollection,
  enclosingKey,
  envelopeOver,
  sameEnclosing,
} from "./scene-enclosing";

/** True when the page was opened at a view its URL names (`#zoom/lat/lon`): that view wins. */
function openedAtView(): boolean {
  return typeof window !== "undefined" && parseHash(window.location.hash) !== null;
}

/** The extent of a zone's parcels, or null for a zone with none. */
function zoneBbox(zone: ZoneDoc): [number, number, number, number] | null {
  return parcelsBbox(
    zone.parcels,
    zone.parcels.map((p) => p.id),
  );
}

/** Where the scene's report comes from: the live report (src/store/live-report.ts). */
export interface ReportSource {
  get: () => Report | null;
  subscribe: (listener: () => void) => () => void;
}

/** Redraw the map from the store: each part of the scene is rebuilt only when its inputs change. */
export function subscribeScene(
  store: AppStore,
  render: (diff: Partial<Scene>) => void,
  reports: ReportSource,
): () => void {
  let last: {
    zone: ZoneDoc;
    /** The parcel being dragged: terra-draw draws it, so the parcels layer leaves it out. */
    dragged: string | null;
    highlight: AppState["highlight"];
    hubLayers: AppState["hubLayers"];
    enclosing: EnclosingKey | null;
    envelopeOver: boolean;
  } | null = null;
  const update = (s: AppState) => {
    const zone = activeZone(s);
    const diff: Partial<Scene> = {};
    // A drag's preview re-sends the parcels only when it starts or ends, not on every move.
    const dragged = s.preview?.zoneId === zone.id ? s.preview.parcel.id : null;
    if (
      !last ||
      last.zone.parcels !== zone.parcels ||
      last.dragged !== dragged ||
      last.highlight !== s.highlight
    ) {
      const parcels = dragged ? zone.parcels.filter((p) => p.id !== dragged) : zone.parcels;
      diff.parcels = parcelsCollection(parcels, s.highlight.parcelIds);
    }
    if (!last || last.zone.parcels !== zone.parcels) {
      diff.editable = editableParcels(zone.parcels);
      // The committed parcels only: a drag's preview changes no label until the drag ends.
      diff.labels = parcelLabels(zone.parcels);
    }
    if (!last || last.hubLayers !== s.hubLayers) diff.hubs = hubsCollection(s.hubLayers);
    // The latest report: a new object only when a check of a changed zone or drag came back.
    const report = reports.get();
    // A filed envelope over its limit is red, as the report's map draws it (shapeOverLimit).
    const over = report
      ? envelopeOver(report, zone.envelope)
      : last?.zone.envelope === zone.envelope && last.envelopeOver;
    if (!last || last.zone.envelope !== zone.envelope || last.envelopeOver !== over) {
      diff.envelope = envelopeCollection(zone.envelope, over);
    }
    if (!last || last.zone.envelope !== zone.envelope) diff.editableEnvelope = zone.envelope;
    const enclosing = report ? enclosingKey(report) : (last?.enclosing ?? null);
    if (!last || !sameEnclosing(last.enclosing, enclosing))
      diff.enclosing = enclosingCollection(enclosing);
    if (last && last.highlight.seq !== s.highlight.seq) {
      const bbox = parcelsBbox(zone.parcels, s.highlight.parcelIds);
      diff.focus = bbox ? { bbox, seq: s.highlight.seq } : null;
    }
    // Opening without a view in the URL shows the active (last) zone, not the whole country;
    // picking another zone flies there. A zone with no parcel leaves the view where it is.
    if (last ? last.zone.id !== zone.id : !openedAtView()) {
      const bbox = zoneBbox(zone);
      if (bbox) diff.focus = { bbox, seq: s.highlight.seq };
    }
    last = {
      zone,
      dragged,
      highlight: s.highlight,
      hubLayers: s.hubLayers,
      enclosing,
      envelopeOver: over,
    };
    if (Object.keys(diff).length > 0) render(diff);
  };
  update(store.getState());
  const offStore = store.subscribe(update);
  const offReports = reports.subscribe(() => update(store.getState()));
  return () => {
    offStore();
    offReports();
  };
}

/** Keep the map's tool, basemap and label language in step with the UI slice. */
export function subscribeMapControls(store: AppStore, map: MapControls): () => void {
  const apply = (s: AppState) => {
    map.setTool(s.tool);
    map.setBasemap(s.basemap);
    map.setLang(s.lang);
  };
  apply(store.getState());
  return store.subscribe((s, prev) => {
    if (s.tool !== prev.tool || s.basemap !== prev.basemap || s.lang !== prev.lang) apply(s);
  });
}

/** Every proposal's envelope outline, as the zone's own is drawn, tagged with its shape. */
export function proposalOutlines(proposals: ProposalView[] | null): FeatureCollection | null {
  if (!proposals) return null;
  return {
    type: "FeatureCollection",
    features: proposals.flatMap((p) => {
      const envelope = p.error ? null : p.zone.envelope;
      if (!envelope) return [];
      const properties: EnvelopeProps = {
        role: "envelope",
        shape: envelope.shape,
        proposal: p.shape,
      };
      return envelopeCollection(envelope).features.map((f) => ({ ...f, properties }));
    }),
  };
}

/** Draws the firms and proposals now and whenever they change. Returns unsubscribe. */
export function subscribeFirms(store: AppStore, view: FirmsView): () => void {
  view.setFirms(store.getState().firms);
  view.setProposals(proposalOutlines(store.getState().proposals));
  return store.subscribe((s, prev) => {
    if (s.firms !== prev.firms) view.setFirms(s.firms);
    if (s.proposals !== prev.proposals) view.setProposals(proposalOutlines(s.proposals));
  });
}
