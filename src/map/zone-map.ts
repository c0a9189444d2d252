/**
 * The map adapter: the only object that talks to MapLibre and terra-draw. It takes scene diffs
 * to draw and reports what the planner did through handlers it reads from a ref, so React
 * never calls the map and listeners are bound once.
 */
import type {
  Feature,
  FeatureCollection,
  Geometry,
  LineString,
  Point,
  Polygon,
  Position,
} from "geojson";
import {
  type ErrorEvent,
  type GeoJSONSource,
  Map as MlMap,
  NavigationControl,
  ScaleControl,
} from "maplibre-gl";
import type { TerraDraw } from "terra-draw";
import type { Lang } from "../../geo/index";
import { type Basemap, type DrawTool, TOOLS, type ToolId } from "../store/vocabulary";
import type { ArchiveInfo } from "./archive-basemap";
import { baseStyle } from "./basemap";
import { CadastreBox } from "./cadastre-box";
import { CadastreLayer } from "./cadastre-layer";
import type { Scene } from "./contract";
import { type DragWatch, watchDrags } from "./drag-end";
import type { createDraw } from "./draw";
import { type LiveHandler, type SketchWatch, watchSketch } from "./draw-measure";
import { setSourceData } from "./empty-layers";
import type { EnvelopeEdit, EnvelopeEditHooks } from "./envelope-edit";
import { FirmsLayer } from "./firms-layer";
import { bindHash, initialView } from "./hash";
import { holdFrames } from "./hold-frames";
import type { HubRaster } from "./hub-raster-layer";
import { COLOURS, LAYERS, RASTER_MIN_HUBS, SIGUNGU_MINZOOM, SOURCES } from "./ids";
import { addSidoLabels } from "./labels";
import type { MotionResolution } from "./motion-resolution";
import { onceAFrame } from "./once-a-frame";
import { addOverlays } from "./overlays";
import { ParcelLabels } from "./parcel-labels";
import { bindPointerTools, type PointerHandlers } from "./pointer-tools";
import { SearchHitLayer } from "./search-hit-layer";
import { withoutValidation } from "./unvalidated";
import { whenQuiet } from "./when-quiet";

export interface MapHandlers extends PointerHandlers {
  onDrawn: (tool: DrawTool, geometry: Polygon | Point | LineString) => void;
  onEdited: (parcelId: string, geometry: Polygon, final: boolean) => void;
  onDeleted: (parcelId: string) => void;
  /** A drag was cancelled (Esc, or undo during it): the preview goes, the store stays. */
  onEditCancelled: () => void;
  onReady: (firstRenderMs: number) => void;
  onError: (message: string) => void;
  /** An online raster's tiles failed to load: the UI falls back to the embedded map. */
  onTilesFailed: () => void;
  /** The shape in progress changed (null: none), for the live measures. */
  onLive?: LiveHandler;
  /** The envelope dragged with the select tool, when the drag ends: one edit. */
  onEnvelopeEdited?: EnvelopeEditHooks["onCommit"];
}

export interface ZoneMapOptions {
  /** The 시·도 at full precision (data/sido.json), drawn from SIGUNGU_MINZOOM on. */
  sidoUrl: string;
  /** The first frame's coarse 시·도 (data/sido-lite.json), drawn below it and naming the 시·도. */
  sidoLiteUrl: string;
  /** The 시·군·구 boundaries, fetched once for the map and the report alike. */
  loadSigungu: () => Promise<FeatureCollection>;
  vworldKey?: string;
  /** MapLibre's own control labels in the page's language (read once, when the map is made). */
  locale?: Record<string, string>;
}

const ONLINE_SOURCES: readonly string[] = [
  SOURCES.osm,
  SOURCES.vworld,
  SOURCES.vworldSatellite,
  SOURCES.vworldHybrid,
];

const DRAW_TOOLS: readonly string[] = Object.values(TOOLS).filter(
  (t) => t !== TOOLS.none && t !== TOOLS.select,
);

export class ZoneMap {
  private readonly map: MlMap;
  private draw: TerraDraw | null = null;
  private pending: Partial<Scene> = {};
  private shown: Partial<Scene> = {};
  private tool: ToolId = "none";
  private syncing = false;
  /** A select-tool drag has moved a parcel and not yet finished. */
  private editing = false;
  private ignoreFinish = false;
  private drag: DragWatch | null = null;
  private sketch: SketchWatch | null = null;
  private readonly live: LiveHandler = (shape) => this.handlers.current.onLive?.(shape);
  /**
   * The parcels terra-draw holds: the one the select tool picked and the one last pressed on.
   * terra-draw clones its whole store on every change of a drag, so it never gets them all.
   */
  private readonly picked = new Set<string>();
  private setLabelLang: ((lang: Lang) => void) | null = null;
  private lang: Lang = "ko";
  private basemap: Basemap = "none";
  private removed = false;
  /** The coarse 시·도 file could not be read (the map then shows its frames without it). */
  private liteFailed = false;
  private readonly unbindView: () => void;
  /** The style has loaded (the map's "load"): an archive basemap can be added. */
  private readonly styled: Promise<void>;
  /** The map has loaded (its `load`) and terra-draw's and the envelope handles' chunks are in (or failed). */
  readonly loadedWithTools: Promise<void>;
  /** The firms overlay (heatmap and points), drawn by firms-layer.ts. */
  readonly firms = new FirmsLayer();
  /** The 연속지적도's outlines and 필지 picking (cadastre-layer.ts). */
  readonly cadastre = new CadastreLayer();
  /** Box select on the cadastre (cadastre-box.ts). */
  readonly cadastreBox = new CadastreBox();
  /** The 필지 a search found (search-hit-layer.ts). */
  readonly searchHit = new SearchHitLayer();
  /** The parcels' names and areas (parcel-labels.ts). */
  private readonly parcelLabels = new ParcelLabels();
  /** Many hub points as raster tiles drawn in a Worker (hub-raster-layer.ts, a lazy chunk). */
  private hubRaster: Promise<HubRaster> | null = null;
  /** The same once its module has come, for what must switch within a frame. */
  private hubRasterShown: HubRaster | null = null;
  /** The map drawn lighter while it moves, where frames are slow (after the first render). */
  private motion: MotionResolution | null = null;
  /** Frames at full resolution were found slow (motion-resolution.ts). */
  private slowFrames = false;
  /** The enclosing circle follows each live report of a drag, handed over once a frame at most. */
  private readonly enclosing = onceAFrame((data: FeatureCollection) =>
    setSourceData(this.map, SOURCES.enclosing, data),
  );
  /** The envelope's handles (envelope-edit.ts): a lazy chunk, like terra-draw, with its geodesy. */
  private envelopeEdit: EnvelopeEdit | null = null;
  private readonly edits: EnvelopeEditHooks = {
    onLive: (shape) => this.live(shape),
    onCommit: (envelope) => this.handlers.current.onEnvelopeEdited?.(envelope),
  };

  constructor(
    container: HTMLElement,
    private readonly handlers: { readonly current: MapHandlers },
    options: ZoneMapOptions,
  ) {
    // The coarse 시·도 (preloaded by index.html) read while MapLibre starts, not after its `load`.
    const liteRead = readSidoLite(options.sidoLiteUrl);
    // Its failure is reported where it is awaited (showSidoLite), not as an unhandled rejection.
    liteRead.catch(() => undefined);
    // The sea before any frame is drawn: MapLibre's canvas stays empty until the land is in.
    container.style.background = COLOURS.sea;
    this.map = new MlMap({
      container,
      style: baseStyle(options.vworldKey),
      // The app's own style, validated in test/app/base-style.test.ts.
      validateStyle: false,
      ...(initialView() ?? { center: [127.8, 36.2], zoom: 6.3 }),
      attributionControl: { compact: true },
      ...(options.locale ? { locale: options.locale } : {}),
    });
    // Only in bench/frame-layers.ts's build (see vite-env.d.ts).
    if (import.meta.env.VITE_BENCH_MAP)
      (window as unknown as { __czdMap?: MlMap }).__czdMap = this.map;
    // Slow frames (software WebGL: VDI, 망분리 PCs) drawn at a lower resolution while moving.
    // Its module comes after the first render (it has nothing to do before a move, and the
    // script before the map stays within its 300 kB).
    const unbind = [
      bindHash(this.map),
      bindPointerTools(this.map, handlers),
      () => this.motion?.destroy(),
    ];
    this.unbindView = () => unbind.forEach((f) => void f());
    this.map.addControl(new NavigationControl({ showCompass: false }), "top-right");
    this.map.addControl(new ScaleControl({ unit: "metric" }), "bottom-left");
    this.map.on("error", (e: ErrorEvent & { sourceId?: string }) => {
      if (e.sourceId && ONLINE_SOURCES.includes(e.sourceId)) this.handlers.current.onTilesFailed();
      else if (e.sourceId === SOURCES.sido || e.sourceId === SOURCES.sidoLite)
        this.sidoFailed(e.sourceId === SOURCES.sido ? options.sidoUrl : options.sidoLiteUrl, e);
      else this.handlers.current.onError(String(e.error?.message ?? e));
    });
    // terra-draw comes in its own chunk, fetched while the map starts: the first screen's script
    // is MapLibre's, and the map is ready once both are.
    const drawModule = import("./draw");
    const editModule = import("./envelope-edit");
    this.styled = new Promise((ready) => this.map.once("load", () => ready()));
    this.loadedWithTools = Promise.allSettled([drawModule, editModule, this.styled]).then(
      () => undefined,
    );
    // No frame before the first view's land is loaded (hold-frames.ts): at most FRAME_HOLD_MS.
    const hold = holdFrames(this.map, () => this.landLoaded(), FRAME_HOLD_MS);
    let firstRenderShown: () => void = () => undefined;
    const firstRender = new Promise<void>((shown) => {
      firstRenderShown = shown;
    });
    let land: Promise<void> = Promise.resolve();
    this.map.once("style.load", () => {
      land = this.showSidoLite(options.sidoLiteUrl, liteRead);
      // A failed read leaves no land to wait for.
      void land.then(() => {
        if (this.liteFailed) hold.release();
      });
      this.whenDetailNeeded(firstRender, () => {
        void this.loadSido(options.sidoUrl).then(() => this.loadSigungu(options.loadSigungu));
      });
    });
    this.map.on("load", () => {
      startMark("map-load");
      // Validated in test/app/app-layers-valid.test.ts, not on the first render's path.
      withoutValidation(this.map, () => {
        addOverlays(this.map);
        this.firms.attach(this.map);
        this.cadastre.attach(this.map);
        this.cadastreBox.attach(this.map);
        this.parcelLabels.attach(this.map);
        this.searchHit.attach(this.map);
      });
      this.setBasemap(this.basemap);
      const drawn = drawModule
        .then(({ createDraw }) => {
          withoutValidation(this.map, () => {
            this.startDraw(createDraw);
          });
          startMark("draw-ready");
        })
        .catch((e: unknown) => this.handlers.current.onError(`terra-draw: ${e}`));
      const edits = editModule.then(({ startEnvelopeEdit }) => {
        const [active, shown] = [this.tool === "select", this.shown.editableEnvelope];
        if (!this.removed)
          withoutValidation(this.map, () => {
            this.envelopeEdit = startEnvelopeEdit(this.map, this.edits, active, shown);
          });
        startMark("envelope-edit-ready");
      });
      this.flush();
      // Time since navigation start: what the planner waits for, script loading included.
      // The first render is the map idle with its land drawn, not the sea before the 시·도 arrive
      // (and, frames held, not an idle before any frame was drawn).
      const idle = Promise.all([land, hold.released]).then(
        () => new Promise((idled) => this.map.once("idle", () => idled(startMark("map-idle")))),
      );
      void Promise.all([idle, drawn, edits]).then(() => {
        this.handlers.current.onReady(performance.now());
        firstRenderShown();
        // A few frames timed once the page is quiet (not the app's own start), so a slow
        // machine's first drag is already drawn lighter.
        void import("./motion-resolution").then(({ lowerWhileMoving }) => {
          if (this.removed) return;
          this.motion = lowerWhileMoving(this.map, {
            // Many hubs are drawn by their tiles while the map is lowered (hub-raster-layer.ts),
            // drawn ahead at rest once the machine is known slow.
            onStep: (share) => this.hubRasterShown?.setLowered(share < 1),
            onSlow: () => {
              this.slowFrames = true;
              this.hubRasterShown?.drawAhead();
            },
          });
          whenQuiet(() => this.motion?.calibrate());
        });
      });
    });
  }

  /** Draw what changed; parts not in the diff stay as they are. */
  render(diff: Partial<Scene>): void {
    this.pending = { ...this.pending, ...diff };
    if (this.map.loaded() || this.draw) this.flush();
  }

  setTool(tool: ToolId): void {
    if (tool === this.tool) return;
    const wasSelect = this.tool === "select";
    this.tool = tool;
    // A tool switch ends any drag (the store's preview goes with it): nothing is left to finish.
    this.editing = false;
    this.picked.clear();
    this.sketch?.reset();
    this.envelopeEdit?.setActive(tool === "select");
    const draw = this.draw;
    if (!draw) return;
    if (wasSelect) this.quietly(() => draw.clear());
    draw.setMode(tool === "none" ? "static" : tool);
    if (tool === "select") this.syncEditable();
  }

  setBasemap(basemap: Basemap): void {
    this.basemap = basemap;
    const show = (id: string, on: boolean) => {
      if (this.map.getLayer(id))
        this.map.setLayoutProperty(id, "visibility", on ? "visible" : "none");
    };
    show(LAYERS.osm, basemap === "osm");
    show(LAYERS.vworld, basemap === "vworld");
    show(LAYERS.vworldSatellite, basemap === "vworld-satellite" || basemap === "vworld-hybrid");
    show(LAYERS.vworldHybrid, basemap === "vworld-hybrid");
  }

  /** Draw a PMTiles archive (a URL beside the app, or a file) as the basemap: archive-basemap.ts. */
  async showArchive(input: string | File): Promise<ArchiveInfo> {
    await this.styled;
    // pmtiles comes in its own chunk, only when there is an archive to show.
    const { archiveLoaded, showArchive } = await import("./archive-basemap");
    const info = await showArchive(this.map, input);
    // Its tiles around the view: the status bar says "shown" once they are.
    await new Promise<void>((done) => {
      const check = () => {
        if (this.removed || archiveLoaded(this.map)) {
          this.map.off("sourcedata", check);
          this.map.off("idle", check);
          done();
        }
      };
      this.map.on("sourcedata", check);
      this.map.on("idle", check);
      check();
    });
    return info;
  }

  setLang(lang: Lang): void {
    this.lang = lang;
    this.setLabelLang?.(lang);
    this.parcelLabels.setLang(lang);
  }

  /**
   * Undo inside the shape being drawn: a drag is cancelled, a polygon or line loses its last
   * vertex (the shape is cancelled when none is left), a circle or rectangle is cancelled.
   * False when nothing is being drawn, so undo goes to the store's history instead.
   */
  undoSketch(): boolean {
    if (this.drag?.cancel() || this.envelopeEdit?.cancel()) return true;
    const draw = this.draw;
    if (!draw || !DRAW_TOOLS.includes(this.tool) || draw.getModeState() !== "drawing") return false;
    if (draw.canUndo() && draw.undo()) return true;
    draw.setMode(this.tool);
    return true;
  }

  /** A shape is being drawn or a parcel dragged: one-key tool shortcuts must not cut it off. */
  inProgress(): boolean {
    return this.editing || this.envelopeEdit?.dragging() || this.draw?.getModeState() === "drawing";
  }

  /** Redo a vertex undone in the shape being drawn; false when there is none to redo. */
  redoSketch(): boolean {
    const draw = this.draw;
    if (!draw) return false;
    return draw.getModeState() === "drawing" && draw.canRedo() && draw.redo();
  }

  destroy(): void {
    this.removed = true;
    this.enclosing.cancel();
    this.drag?.destroy();
    this.sketch?.destroy();
    this.envelopeEdit?.destroy();
    this.unbindView();
    this.draw?.stop();
    this.map.remove();
  }

  /**
   * The full 시·도 and the 시·군·구 are for zoom SIGUNGU_MINZOOM and closer: a map that starts
   * there waits for them, one that starts zoomed out gets them once its first render is shown
   * (its only worker then indexes neither before it), or as soon as it is zoomed in.
   */
  private whenDetailNeeded(firstRender: Promise<void>, load: () => void): void {
    let started = false;
    const check = (now: boolean) => {
      if (started || this.removed || !(now || this.map.getZoom() >= SIGUNGU_MINZOOM)) return;
      started = true;
      this.map.off("zoom", onZoom);
      load();
    };
    const onZoom = () => check(false);
    if (this.map.getZoom() >= SIGUNGU_MINZOOM) {
      check(true);
      return;
    }
    this.map.on("zoom", onZoom);
    void firstRender.then(() => check(true));
  }

  /**
   * The full 시·도, read and indexed by MapLibre's worker (the page never parses it for the map;
   * the checker reads its own copy of the same file).
   */
  private async loadSido(url: string): Promise<void> {
    const source = this.map.getSource(SOURCES.sido) as GeoJSONSource | undefined;
    // A failure comes as the map's "error" event for the source too (sidoFailed says so).
    await source?.setData(url).then(
      () => startMark("sido-indexed"),
      () => undefined,
    );
  }

  /**
   * The first frame's coarse 시·도 (read by readSidoLite as the map starts): drawn below
   * SIGUNGU_MINZOOM, and the 시·도 names placed from it (a few pixels off at most, any zoom).
   */
  private async showSidoLite(url: string, read: Promise<FeatureCollection>): Promise<void> {
    try {
      const sido = await read;
      startMark("sido-lite-read");
      if (this.removed) return;
      const indexed = (this.map.getSource(SOURCES.sidoLite) as GeoJSONSource | undefined)
        ?.setData(sido)
        .then(() => startMark("sido-lite-indexed"));
      const setLang = addSidoLabels(this.map, sido);
      const setOthers = this.setLabelLang;
      this.setLabelLang = (lang) => {
        setOthers?.(lang);
        setLang(lang);
      };
      this.setLabelLang(this.lang);
      await indexed;
    } catch (e) {
      this.liteFailed = true;
      this.sidoFailed(url, e);
    }
  }

  /** The land of the first view is tiled: the 시·도 source drawn at this zoom has features. */
  private landLoaded(): boolean {
    const id = this.map.getZoom() >= SIGUNGU_MINZOOM ? SOURCES.sido : SOURCES.sidoLite;
    return this.map.isSourceLoaded(id) === true && this.map.querySourceFeatures(id).length > 0;
  }

  private sidoFailed(url: string, e: unknown): void {
    const file = new URL(url).pathname.split("/").pop();
    const why = (e as { error?: { message?: string } })?.error?.message ?? String(e);
    this.handlers.current.onError(`시·도 경계를 읽지 못함 / provinces not read: ${file}: ${why}`);
  }

  private async loadSigungu(load: () => Promise<FeatureCollection>): Promise<void> {
    // The labels' chunk is asked for beside the file; the boundaries are drawn whether it comes
    // or not.
    const labels = import("./sigungu-labels");
    labels.catch(() => undefined);
    let sigungu: FeatureCollection;
    try {
      sigungu = await load();
      (this.map.getSource(SOURCES.sigungu) as GeoJSONSource | undefined)?.setData(sigungu);
    } catch (e) {
      this.handlers.current.onError(`시·군·구 경계를 읽지 못함 / districts not read: ${e}`);
      return;
    }
    try {
      const { addSigunguLabels } = await labels;
      const setLang = addSigunguLabels(this.map, sigungu, SIGUNGU_MINZOOM);
      const setSidoLang = this.setLabelLang;
      this.setLabelLang = (lang) => {
        setSidoLang?.(lang);
        setLang(lang);
      };
      this.setLabelLang(this.lang);
    } catch (e) {
      this.handlers.current.onError(
        `시·군·구 이름을 표시하지 못함 / district names not shown: ${e}`,
      );
    }
  }

  private startDraw(make: typeof createDraw): void {
    if (this.removed) return;
    const draw = make(this.map, () => this.snapVertices());
    draw.start();
    draw.on("finish", (id, ctx) => {
      const feature = draw.getSnapshotFeature(id);
      if (!feature) return;
      if (DRAW_TOOLS.includes(ctx.mode)) {
        // Hand the shape to the store and drop terra-draw's copy: the store draws it from now on.
        setTimeout(() => {
          if (draw.hasFeature(id)) this.quietly(() => draw.removeFeatures([id]));
        }, 0);
        this.handlers.current.onDrawn(ctx.mode as DrawTool, feature.geometry as Polygon);
      } else if (ctx.mode === "select" && feature.geometry.type === "Polygon") {
        this.editing = false;
        if (!this.ignoreFinish) this.handlers.current.onEdited(String(id), feature.geometry, true);
      }
    });
    draw.on("select", (id) => this.picked.add(String(id)));
    draw.on("deselect", (id) => {
      const key = String(id);
      this.picked.delete(key);
      // Out of terra-draw once its select mode is done with it: the store's layer draws it.
      setTimeout(() => {
        if (!this.picked.has(key) && draw.hasFeature(key))
          this.quietly(() => draw.removeFeatures([key]));
      }, 0);
    });
    draw.on("change", (ids, type) => {
      if (this.syncing || this.tool !== "select") return;
      for (const id of ids) {
        const key = String(id);
        if (!this.isParcel(key)) continue;
        if (type === "delete") this.handlers.current.onDeleted(key);
        const g = type === "update" ? draw.getSnapshotFeature(id)?.geometry : undefined;
        if (g?.type === "Polygon") {
          this.editing = true;
          this.handlers.current.onEdited(key, g, false);
        }
      }
    });
    this.drag = watchDrags(this.map.getCanvas(), {
      isEditing: () => this.editing,
      cancelling: (end) => {
        this.ignoreFinish = true;
        this.quietly(end);
        this.ignoreFinish = false;
        this.editing = false;
      },
      onCancelled: () => {
        this.handlers.current.onEditCancelled();
        this.syncEditable();
      },
    });
    this.map.getCanvas().addEventListener("pointerdown", (e) => this.pickUnder(e), true);
    this.sketch = watchSketch(this.map, draw, () => this.tool, this.live);
    this.draw = draw;
    if (this.tool !== "none") draw.setMode(this.tool);
    if (this.tool === "select") this.syncEditable();
  }

  /** A press with the select tool hands terra-draw the parcel under it, so its click can pick it. */
  private pickUnder(e: PointerEvent): void {
    if (this.tool !== "select" || !e.isPrimary || e.button !== 0) return;
    const box = this.map.getCanvas().getBoundingClientRect();
    const hits = this.map.queryRenderedFeatures([e.clientX - box.left, e.clientY - box.top], {
      layers: [LAYERS.parcelFill],
    });
    const id = hits.map((f) => String(f.properties?.id)).find((k) => this.isParcel(k));
    if (!id || this.picked.has(id)) return;
    this.picked.add(id);
    this.syncEditable();
  }

  private isParcel(id: string): boolean {
    return (this.shown.editable ?? []).some((f) => f.id === id);
  }

  private snapVertices(): Position[] {
    const out: Position[] = [];
    for (const f of this.shown.parcels?.features ?? []) collectVertices(f.geometry, out);
    return out;
  }

  private flush(): void {
    const diff = this.pending;
    const was = this.shown;
    this.pending = {};
    const set = (id: string, data: FeatureCollection) => setSourceData(this.map, id, data);
    if (diff.parcels && diff.parcels !== this.shown.parcels) set(SOURCES.parcels, diff.parcels);
    if (diff.envelope && diff.envelope !== this.shown.envelope)
      set(SOURCES.envelope, diff.envelope);
    if (diff.enclosing && diff.enclosing !== this.shown.enclosing)
      this.enclosing.set(diff.enclosing);
    if (diff.hubs && diff.hubs !== this.shown.hubs) {
      // Points and areas in sources of their own, so an empty one is not drawn at all.
      const [points, areas] = splitPoints(diff.hubs);
      set(SOURCES.hubs, points);
      this.rasterHubs(points);
      set(SOURCES.hubAreas, areas);
    }
    if (diff.labels && diff.labels !== this.shown.labels) this.parcelLabels.set(diff.labels);
    if (diff.editableEnvelope !== undefined) this.envelopeEdit?.setEnvelope(diff.editableEnvelope);
    this.shown = { ...this.shown, ...diff };
    if (diff.editable && this.tool === "select") this.syncEditable();
    if (diff.focus) {
      const [w, s, e, n] = diff.focus.bbox;
      this.map.fitBounds([w, s, e, n], { padding: 80, maxZoom: 15, duration: 300 });
    }
    // Many hubs can make every frame much heavier: what a frame costs at full resolution is
    // timed again once the map has settled, unless it is already known slow. (Not after a
    // filing: a big one's frames were a second each, the page unanswering while they were
    // timed; its first move judges them.)
    if (diff.hubs && diff.hubs !== was.hubs && diff.hubs.features.length >= RASTER_MIN_HUBS)
      this.map.once("idle", () => whenQuiet(() => this.motion?.moreToDraw()));
  }

  /** Many hub points drawn as raster tiles; the module comes with the first such hub file. */
  private rasterHubs(points: FeatureCollection): void {
    if (!this.hubRaster && points.features.length < RASTER_MIN_HUBS) return;
    this.hubRaster ??= import("./hub-raster-layer").then(({ HubRaster }) => {
      this.hubRasterShown = new HubRaster(this.map, () => this.slowFrames);
      return this.hubRasterShown;
    });
    void this.hubRaster.then((raster) => raster.set(points));
  }

  /** Make terra-draw hold exactly the picked editable parcels, touching only what differs. */
  private syncEditable(): void {
    const draw = this.draw;
    if (!draw) return;
    const editable = new Map((this.shown.editable ?? []).map((f) => [String(f.id), f]));
    for (const id of this.picked) if (!editable.has(id)) this.picked.delete(id);
    const want = new Map(
      [...this.picked].flatMap((id) => {
        const f = editable.get(id);
        return f ? [[id, f] as const] : [];
      }),
    );
    this.quietly(() => {
      const stale: string[] = [];
      for (const f of draw.getSnapshot()) {
        // Selection and midpoint handles are terra-draw's own; removing them breaks its select mode.
        if (f.properties.mode !== "parcel-polygon") continue;
        const id = String(f.id);
        const w = want.get(id);
        if (!w) stale.push(id);
        else if (JSON.stringify(w.geometry) === JSON.stringify(f.geometry)) want.delete(id);
        else stale.push(id);
      }
      if (stale.length > 0) draw.removeFeatures(stale);
      if (want.size > 0) {
        // Edited as if drawn with the parcel polygon tool, whose select flags allow vertex edits.
        const features = [...want.values()].map((f) => ({
          ...f,
          properties: { ...f.properties, mode: "parcel-polygon" },
        }));
        const results = draw.addFeatures(features as Parameters<TerraDraw["addFeatures"]>[0]);
        // A parcel terra-draw refuses can't be edited: it must not stay picked (a drag would pan).
        for (const r of results) if (!r.valid) this.picked.delete(String(r.id));
      }
    });
  }

  private quietly(fn: () => void): void {
    this.syncing = true;
    try {
      fn();
    } finally {
      this.syncing = false;
    }
  }
}

/**
 * At most this long after the map is made, its frames are drawn whether or not the land is in
 * (a slow worker, a missing file): held longer, the planner would see a map that does not move.
 */
const FRAME_HOLD_MS = 2500;

/** The coarse 시·도 file, fetched (from the preload) and parsed. */
async function readSidoLite(url: string): Promise<FeatureCollection> {
  const res = await fetch(url);
  if (!res.ok) throw new Error(`HTTP ${res.status}`);
  return (await res.json()) as FeatureCollection;
}

/**
 * A named moment of the map's start in the page's timeline (`czd:map-load`, `czd:sido-read`…),
 * read by bench/app-load.bench.ts to say what the first render waits for.
 */
function startMark(name: string): void {
  performance.mark(`czd:${name}`);
}

function collectVertices(g: Geometry, out: Position[]): void {
  const rings =
    g.type === "Polygon" ? g.coordinates : g.type === "MultiPolygon" ? g.coordinates.flat() : [];
  for (const ring of rings) for (const p of ring) out.push(p);
}

/** A collection's point features and its other features, as two collections. */
function splitPoints(all: FeatureCollection): [FeatureCollection, FeatureCollection] {
  const points: Feature[] = [];
  const others: Feature[] = [];
  for (const f of all.features) (f.geometry?.type === "Point" ? points : others).push(f);
  return [
    { type: "FeatureCollection", features: points },
    { type: "FeatureCollection", features: others },
  ];
}
