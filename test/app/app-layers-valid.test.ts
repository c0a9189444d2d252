/**
 * The sources and layers the app adds as the map loads go in without MapLibre's validation
 * (src/map/unvalidated.ts: it serialised the whole style for each, on the first render's path).
 * They are validated here instead, with MapLibre's own style-spec validator, in the order and
 * with the arguments the map is given: the base style, then what zone-map.ts adds at `load`,
 * terra-draw's layers as it starts and the envelope handles' after it. A layer with a bad property, filter or source fails
 * here as it would have failed (as a console error) in the browser.
 */

import { readFileSync } from "node:fs";
import {
  type LayerSpecification,
  type SourceSpecification,
  type StyleSpecification,
  validateStyleMin,
} from "@maplibre/maplibre-gl-style-spec";
import { describe, expect, it, vi } from "vitest";

vi.mock("maplibre-gl", () => ({ addProtocol: () => undefined, Marker: class {} }));

/** Anything at all: every property and every call gives itself back (DOM elements, listeners). */
const anything: unknown = new Proxy(() => undefined, {
  get: (_t, key) => (key === Symbol.toPrimitive ? () => 0 : key === "then" ? undefined : anything),
  apply: () => anything,
});
vi.stubGlobal("window", anything);
vi.stubGlobal("document", anything);

const { baseStyle } = await import("../../src/map/basemap");
const { addOverlays } = await import("../../src/map/overlays");
const { FirmsLayer } = await import("../../src/map/firms-layer");
const { CadastreLayer } = await import("../../src/map/cadastre-layer");
const { CadastreBox } = await import("../../src/map/cadastre-box");
const { ParcelLabels } = await import("../../src/map/parcel-labels");
const { SearchHitLayer } = await import("../../src/map/search-hit-layer");
const { startEnvelopeEdit } = await import("../../src/map/envelope-edit");
const { withoutValidation } = await import("../../src/map/unvalidated");
const { createDraw } = await import("../../src/map/draw");
type MlMap = import("maplibre-gl").Map;

/** A map that records what is added into a style (and its later visibility, paint and filter). */
function recordingMap(style: StyleSpecification) {
  const layers = style.layers;
  const layer = (id: string) => layers.find((l) => l.id === id);
  const own: Record<string, unknown> = {
    addSource: (id: string, source: SourceSpecification) => {
      style.sources[id] = structuredClone(source);
    },
    addLayer: (spec: LayerSpecification, before?: string) => {
      const at = before ? layers.findIndex((l) => l.id === before) : -1;
      layers.splice(at < 0 ? layers.length : at, 0, structuredClone(spec));
    },
    getLayer: (id: string) => layer(id),
    getLayersOrder: () => layers.map((l) => l.id),
    getSource: (id: string) => (style.sources[id] ? anything : undefined),
    getLayoutProperty: (id: string, name: string) =>
      (layer(id) as { layout?: Record<string, unknown> } | undefined)?.layout?.[name],
    setLayoutProperty: (id: string, name: string, value: unknown) => {
      const l = layer(id) as { layout?: Record<string, unknown> } | undefined;
      if (l) l.layout = { ...l.layout, [name]: value };
    },
    setPaintProperty: (id: string, name: string, value: unknown) => {
      const l = layer(id) as { paint?: Record<string, unknown> } | undefined;
      if (l) l.paint = { ...l.paint, [name]: value };
    },
    setFilter: (id: string, filter: unknown) => {
      const l = layer(id) as { filter?: unknown } | undefined;
      if (l) l.filter = filter;
    },
    getZoom: () => 6.3,
    style: undefined,
  };
  return new Proxy(own, {
    get: (t, key) => (typeof key === "string" && key in t ? t[key] : anything),
  }) as unknown as MlMap;
}

/** What the map is given up to its first render, as one style. */
function appStyle(): StyleSpecification {
  const style = structuredClone(baseStyle(undefined));
  const map = recordingMap(style);
  // As zone-map.ts does at `load`, and the envelope handles once their chunk is in.
  withoutValidation(map, () => {
    addOverlays(map);
    new FirmsLayer().attach(map);
    new CadastreLayer().attach(map);
    new CadastreBox().attach(map);
    new ParcelLabels().attach(map);
    new SearchHitLayer().attach(map);
  });
  withoutValidation(map, () => createDraw(map, () => []).start());
  const hooks = { onLive: () => undefined, onCommit: () => undefined };
  withoutValidation(map, () => startEnvelopeEdit(map, hooks, false, undefined));
  return style;
}

const errors = (style: StyleSpecification) => validateStyleMin(style).map((e) => e.message);

describe("the app's own sources and layers, added without MapLibre's validation", () => {
  it("are all there: the overlays, firms, the cadastre, the search hit, terra-draw's and the envelope handles", () => {
    const style = appStyle();
    const added = style.layers.length - baseStyle(undefined).layers.length;
    expect(added).toBeGreaterThanOrEqual(20);
    expect(style.layers.map((l) => l.id)).toContain("td-polygon");
    expect(Object.keys(style.sources).length).toBeGreaterThan(
      Object.keys(baseStyle(undefined).sources).length + 8,
    );
  });

  it("are what zone-map.ts adds unvalidated, no more: a call added there must be added here", () => {
    const source = readFileSync("src/map/zone-map.ts", "utf8");
    const blocks = [...source.matchAll(/withoutValidation\(this\.map, \(\) => \{([^}]*)\}\)/g)];
    const calls = blocks.flatMap((m) => (m[1] ?? "").match(/[\w.]+\(/g) ?? []);
    expect(calls).toEqual([
      "addOverlays(",
      "this.firms.attach(",
      "this.cadastre.attach(",
      "this.cadastreBox.attach(",
      "this.parcelLabels.attach(",
      "this.searchHit.attach(",
      "this.startDraw(",
      "startEnvelopeEdit(",
    ]);
  });

  it("make a valid MapLibre style with the base style", () => {
    expect(errors(appStyle())).toEqual([]);
  });

  it("would fail here with a bad paint value, an unknown source or a bad filter", () => {
    const bad = (change: (style: StyleSpecification) => void) => {
      const style = appStyle();
      change(style);
      return errors(style);
    };
    const line = (s: StyleSpecification) =>
      s.layers.find((l) => l.id === "czd-search-hit-line") as LayerSpecification & {
        paint: Record<string, unknown>;
        source: string;
        filter?: unknown;
      };
    expect(
      bad((s) => {
        line(s).paint["line-width"] = "thick";
      }),
    ).not.toEqual([]);
    expect(
      bad((s) => {
        line(s).source = "no-such-source";
      }),
    ).not.toEqual([]);
    expect(
      bad((s) => {
        line(s).filter = ["==", ["geometry-type"]];
      }),
    ).not.toEqual([]);
  });
});
