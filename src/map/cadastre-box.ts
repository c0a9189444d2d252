/**
 * Box select on the cadastre: while on, a drag on the map draws a rectangle instead of panning,
 * and its four corners (lon/lat, so a rotated map gives the box as seen) go to `onBox`. The
 * keyboard's way to the same selection is "필지 in view" (the view's corners), in the panel.
 */
import type { Position } from "geojson";
import type { Map as MlMap } from "maplibre-gl";

/** A drag shorter than this (px) on either side is a click, not a box. */
const MIN_PX = 4;

export class CadastreBox {
  private map: MlMap | null = null;
  private on = false;
  private panWas = true;
  private from: [number, number] | null = null;
  private box: HTMLDivElement | null = null;
  /** Called with the box's four corners, in order round it. */
  onBox: (corners: Position[]) => void = () => {};

  attach(map: MlMap): void {
    this.map = map;
    const el = map.getCanvasContainer();
    el.addEventListener("pointerdown", (e) => this.down(e));
    el.addEventListener("pointermove", (e) => this.move(e));
    el.addEventListener("pointerup", (e) => this.up(e));
  }

  setOn(on: boolean): void {
    const map = this.map;
    if (!map || on === this.on) return;
    this.on = on;
    map.getCanvas().style.cursor = on ? "crosshair" : "";
    this.clear();
  }

  /** The view's corners, as a box over the whole map. */
  viewCorners(): Position[] {
    const map = this.map;
    if (!map) return [];
    const { width, height } = map.getCanvas().getBoundingClientRect();
    return this.corners([0, 0], [width, height]);
  }

  private at(e: PointerEvent): [number, number] {
    const r = this.map?.getCanvasContainer().getBoundingClientRect();
    return [e.clientX - (r?.left ?? 0), e.clientY - (r?.top ?? 0)];
  }

  private corners([x0, y0]: [number, number], [x1, y1]: [number, number]): Position[] {
    const map = this.map;
    if (!map) return [];
    return (
      [
        [x0, y0],
        [x1, y0],
        [x1, y1],
        [x0, y1],
      ] as [number, number][]
    ).map((p) => {
      const ll = map.unproject(p);
      return [ll.lng, ll.lat];
    });
  }

  private down(e: PointerEvent): void {
    const map = this.map;
    if (!map || !this.on || e.button !== 0) return;
    // Panning is turned off for this drag only (the pointer comes before MapLibre's mouse
    // event): other parts of the app turn it back on as they please, a tool or an undo.
    this.panWas = map.dragPan.isEnabled();
    map.dragPan.disable();
    this.from = this.at(e);
    const box = document.createElement("div");
    box.className = "cadastre-box";
    box.setAttribute("aria-hidden", "true");
    this.map?.getCanvasContainer().appendChild(box);
    this.box = box;
    this.draw(this.from);
  }

  private move(e: PointerEvent): void {
    if (this.from) this.draw(this.at(e));
  }

  private up(e: PointerEvent): void {
    const from = this.from;
    if (!from) return;
    const to = this.at(e);
    this.clear();
    if (Math.abs(to[0] - from[0]) < MIN_PX || Math.abs(to[1] - from[1]) < MIN_PX) return;
    this.onBox(this.corners(from, to));
  }

  private draw(to: [number, number]): void {
    const [from, box] = [this.from, this.box];
    if (!from || !box) return;
    box.style.left = `${Math.min(from[0], to[0])}px`;
    box.style.top = `${Math.min(from[1], to[1])}px`;
    box.style.width = `${Math.abs(to[0] - from[0])}px`;
    box.style.height = `${Math.abs(to[1] - from[1])}px`;
  }

  private clear(): void {
    if (this.from && this.panWas) this.map?.dragPan.enable();
    this.from = null;
    this.box?.remove();
    this.box = null;
  }
}
