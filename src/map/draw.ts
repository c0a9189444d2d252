/**
 * terra-draw, set up for the zone's tools. Mode names are the app's tool ids, so the adapter
 * passes a tool straight through. Snapping goes to the store's parcel vertices (a custom snap,
 * because in drawing modes terra-draw does not hold the parcels).
 */
import type { Position } from "geojson";
import type { Map as MlMap } from "maplibre-gl";
import {
  type SnapToCustom,
  TerraDraw,
  TerraDrawCircleMode,
  TerraDrawLineStringMode,
  TerraDrawModeUndoRedo,
  TerraDrawPointMode,
  TerraDrawPolygonMode,
  TerraDrawRectangleMode,
  TerraDrawSelectMode,
} from "terra-draw";
import { TerraDrawMapLibreGLAdapter } from "terra-draw-maplibre-gl-adapter";
import { writeChangesOnly } from "./adapter-diff";
import { hideEmptyLayers } from "./adapter-empty";
import { COLOURS } from "./ids";
import { speedUpDrags } from "./terra-draw-speed";

const SNAP_PX = 10;

/** A snap to the nearest of the given vertices within SNAP_PX pixels. */
export function snapToVertices(vertices: () => Position[]): SnapToCustom {
  return (event, ctx) => {
    let best: Position | undefined;
    let bestPx = SNAP_PX;
    for (const v of vertices()) {
      const [lon = 0, lat = 0] = v;
      const p = ctx.project(lon, lat);
      const d = Math.hypot(p.x - event.containerX, p.y - event.containerY);
      if (d < bestPx) {
        bestPx = d;
        best = v;
      }
    }
    return best;
  };
}

const editable = {
  feature: {
    draggable: true,
    coordinates: { draggable: true, deletable: true, midpoints: true, snappable: true },
  },
};

let idCounter = 0;

export function createDraw(map: MlMap, vertices: () => Position[]): TerraDraw {
  const snapping = { toCustom: snapToVertices(vertices) };
  const styles = { fillColor: COLOURS.parcel, outlineColor: COLOURS.parcel } as const;
  const envelopeStyles = { fillColor: COLOURS.envelope, outlineColor: COLOURS.envelope } as const;
  // Filings reprojected from a projected CRS (EPSG:5186) carry 14-15 decimals; terra-draw's
  // default of 9 would reject such parcels, so the select tool could not pick them.
  const adapter = new TerraDrawMapLibreGLAdapter({ map, coordinatePrecision: 15 });
  // A drag's move hands MapLibre the four features it changed, not the 513 handles again.
  writeChangesOnly(adapter, map);
  // Its empty sources' layers are not drawn: each would cost a stencil pass per frame.
  hideEmptyLayers(adapter, map);
  const draw = new TerraDraw({
    adapter,
    // Vertex-level undo inside a shape being drawn; the app's undo asks it first (ZoneMap.undoSketch).
    undoRedo: { modeLevel: new TerraDrawModeUndoRedo() },
    // Parcel ids ("P1") are used as feature ids in select mode, so any non-empty string is valid.
    idStrategy: {
      isValidId: (id) => typeof id === "string" && id.length > 0,
      getId: () => {
        idCounter += 1;
        return `td-${Date.now().toString(36)}-${idCounter}`;
      },
    },
    modes: [
      new TerraDrawPolygonMode({ modeName: "parcel-polygon", snapping, styles }),
      new TerraDrawCircleMode({ modeName: "parcel-circle", styles }),
      new TerraDrawRectangleMode({ modeName: "parcel-rectangle", styles }),
      new TerraDrawPointMode({ modeName: "envelope-circle" }),
      new TerraDrawLineStringMode({
        modeName: "envelope-belt",
        snapping,
        styles: { lineStringColor: COLOURS.envelope },
      }),
      new TerraDrawPolygonMode({
        modeName: "envelope-polygon",
        snapping,
        styles: envelopeStyles,
      }),
      new TerraDrawSelectMode({ flags: { "parcel-polygon": editable } }),
    ],
  });
  // A drag's move copies the moved parcel and its two midpoints, not the whole store.
  speedUpDrags(draw);
  return draw;
}
