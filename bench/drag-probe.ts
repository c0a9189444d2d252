/**
 * What the drag benchmark watches inside the page, installed before the app's own scripts run:
 * - every message the page posts to a worker (MapLibre's `loadData` and the like), by type and
 *   source id, so it is plain which map sources are handed over per pointer event;
 * - React commits and the components that rendered in them, through the hook React DevTools use;
 * - requestAnimationFrame timestamps (frame intervals) and long tasks (> 50 ms).
 * Recording runs between `__czdProbe.start()` and `__czdProbe.stop()`. Plain JavaScript in a
 * string: it runs in the page, not in Node.
 */

export interface ProbeReading {
  /** Messages posted to workers, "type:source" → count. */
  messages: Record<string, number>;
  /** React commits (renders that reached the DOM). */
  commits: number;
  /** Component renders (function, class, memo and forwardRef fibers that performed work). */
  renders: number;
  /** Component renders by the component's (possibly minified) name. */
  rendersByName: Record<string, number>;
  frames: number[];
  longTasks: { start: number; duration: number }[];
  /** When the pointer was pressed and released (ms, the page's clock), in order. */
  presses: number[];
  releases: number[];
}

export const PROBE_SCRIPT = `(() => {
  const probe = {
    on: false,
    messages: {},
    commits: 0,
    renders: 0,
    rendersByName: {},
    frames: [],
    longTasks: [],
    presses: [],
    releases: [],
    start() {
      probe.messages = {};
      probe.commits = 0;
      probe.renders = 0;
      probe.rendersByName = {};
      probe.frames = [];
      probe.longTasks = [];
      probe.presses = [];
      probe.releases = [];
      probe.on = true;
      const tick = (t) => {
        if (!probe.on) return;
        probe.frames.push(t);
        requestAnimationFrame(tick);
      };
      requestAnimationFrame(tick);
    },
    stop() {
      probe.on = false;
      const { messages, commits, renders, rendersByName, frames, longTasks, presses, releases } = probe;
      return { messages, commits, renders, rendersByName, frames, longTasks, presses, releases };
    },
  };
  window.__czdProbe = probe;
  addEventListener("pointerdown", () => probe.on && probe.presses.push(performance.now()), true);
  addEventListener("pointerup", () => probe.on && probe.releases.push(performance.now()), true);

  const post = Worker.prototype.postMessage;
  Worker.prototype.postMessage = function (message, ...rest) {
    if (probe.on) {
      const m = message && typeof message === "object" ? message : {};
      const d = m.data && typeof m.data === "object" ? m.data : {};
      const source = typeof d.source === "string" ? d.source : typeof d.sourceId === "string" ? d.sourceId : "";
      // MapLibre's messages have a type; the app's check Worker's a kind.
      const kind = typeof m.kind === "string" ? "check-worker:" + m.kind : "?";
      const key = String(m.type ?? kind) + (source ? ":" + source : "");
      probe.messages[key] = (probe.messages[key] ?? 0) + 1;
    }
    return post.call(this, message, ...rest);
  };

  const COMPONENT_TAGS = new Set([0, 1, 11, 14, 15]);
  const PERFORMED_WORK = 1;
  const nameOf = (type) => {
    if (!type) return "?";
    if (typeof type === "function") return type.displayName || type.name || "anonymous";
    return nameOf(type.type || type.render);
  };
  const walk = (fiber) => {
    const stack = [fiber];
    while (stack.length > 0) {
      const f = stack.pop();
      if (!f) continue;
      const fresh = f.alternate === null;
      if (COMPONENT_TAGS.has(f.tag) && (fresh || (f.flags & PERFORMED_WORK) !== 0)) {
        probe.renders += 1;
        const name = nameOf(f.type);
        probe.rendersByName[name] = (probe.rendersByName[name] ?? 0) + 1;
      }
      // A subtree React did not visit keeps its children: nothing in it rendered.
      if (f.child && (fresh || f.child !== f.alternate.child)) stack.push(f.child);
      if (f.sibling) stack.push(f.sibling);
    }
  };
  window.__REACT_DEVTOOLS_GLOBAL_HOOK__ = {
    isDisabled: false,
    supportsFiber: true,
    renderers: new Map(),
    inject(renderer) {
      const id = this.renderers.size + 1;
      this.renderers.set(id, renderer);
      return id;
    },
    checkDCE() {},
    onScheduleFiberRoot() {},
    onCommitFiberUnmount() {},
    onPostCommitFiberRoot() {},
    onCommitFiberRoot(_id, root) {
      if (!probe.on) return;
      probe.commits += 1;
      if (root && root.current) walk(root.current.child);
    },
  };

  try {
    new PerformanceObserver((list) => {
      if (!probe.on) return;
      for (const e of list.getEntries()) probe.longTasks.push({ start: e.startTime, duration: e.duration });
    }).observe({ type: "longtask" });
  } catch {}
})();`;
