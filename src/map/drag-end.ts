/**
 * Ends terra-draw's vertex and shape drags however the pointer lets go. terra-draw listens on the
 * map canvas only, so a button released over a panel or outside the window never reaches it: its
 * drag stays open (the vertex follows the pointer when it comes back over the map) and the store
 * never gets the edit. This watches the window and finishes the drag on the canvas itself, at
 * the last position the pointer had over the map, which is what the planner last saw.
 */

export interface DragHooks {
  /** A drag of the select tool has moved a parcel since the pointer went down. */
  isEditing: () => boolean;
  /** Run while the drag is ended for a cancel: terra-draw's finish must then be ignored. */
  cancelling: (end: () => void) => void;
  /** After a cancel: put the parcel back as the store has it. */
  onCancelled: () => void;
}

export interface DragWatch {
  /** Cancel the drag in progress, if any (Esc, or undo during a drag); true when there was one. */
  cancel: () => boolean;
  destroy: () => void;
}

export function watchDrags(canvas: HTMLElement, hooks: DragHooks): DragWatch {
  let down = false;
  let last: { x: number; y: number } | null = null;
  // After a drag ended here, the button's real release over the map must not become a click.
  let swallowUp = false;

  /** Finish terra-draw's drag; `held`: the button may still be down (its release is no click). */
  const end = (held: boolean) => {
    down = false;
    if (!last) return;
    swallowUp = held;
    canvas.dispatchEvent(
      new PointerEvent("pointerup", {
        bubbles: true,
        isPrimary: true,
        pointerId: 1,
        pointerType: "mouse",
        button: 0,
        clientX: last.x,
        clientY: last.y,
      }),
    );
  };
  const commit = (held: boolean) => {
    if (down && hooks.isEditing()) end(held);
    down = false;
  };
  const released = () => commit(false);
  const blurred = () => commit(true);
  const cancel = (): boolean => {
    if (!down || !hooks.isEditing()) return false;
    hooks.cancelling(() => end(true));
    hooks.onCancelled();
    return true;
  };

  const onCanvasDown = (e: PointerEvent) => {
    if (!e.isTrusted || !e.isPrimary || e.button !== 0) return;
    down = true;
    swallowUp = false;
    last = { x: e.clientX, y: e.clientY };
  };
  const onCanvasMove = (e: PointerEvent) => {
    if (e.isTrusted && down) last = { x: e.clientX, y: e.clientY };
  };
  const onWindowUp = (e: PointerEvent) => {
    if (!e.isTrusted) return;
    if (e.target === canvas) {
      if (swallowUp) e.stopImmediatePropagation();
      swallowUp = false;
      down = false;
      return;
    }
    released();
  };
  const onWindowMove = (e: PointerEvent) => {
    // The button was let go where no pointerup reached the page (outside the window).
    if (e.isTrusted && down && e.buttons === 0) released();
  };
  const onKey = (e: KeyboardEvent) => {
    if (e.key === "Escape" && cancel()) e.preventDefault();
  };
  const onHidden = () => {
    if (document.visibilityState === "hidden") blurred();
  };

  canvas.addEventListener("pointerdown", onCanvasDown, true);
  canvas.addEventListener("pointermove", onCanvasMove, true);
  window.addEventListener("pointerup", onWindowUp, true);
  window.addEventListener("pointercancel", released, true);
  window.addEventListener("pointermove", onWindowMove, true);
  window.addEventListener("blur", blurred);
  window.addEventListener("keydown", onKey, true);
  document.addEventListener("visibilitychange", onHidden);
  return {
    cancel,
    destroy: () => {
      canvas.removeEventListener("pointerdown", onCanvasDown, true);
      canvas.removeEventListener("pointermove", onCanvasMove, true);
      window.removeEventListener("pointerup", onWindowUp, true);
      window.removeEventListener("pointercancel", released, true);
      window.removeEventListener("pointermove", onWindowMove, true);
      window.removeEventListener("blur", blurred);
      window.removeEventListener("keydown", onKey, true);
      document.removeEventListener("visibilitychange", onHidden);
    },
  };
}
