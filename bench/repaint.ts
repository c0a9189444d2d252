/**
 * In the page, as strings (so no bundler helper leaks in): hide some map layers (and set some
 * paint properties), marking what they were, then repaint the map 20 frames and restore them, giving the median frame interval.
 * Used by bench/frame-layers.ts and bench/cadastre-layers.ts; the map is `window.__czdMap`
 * (a VITE_BENCH_MAP build).
 */
export const HIDE = `async (hide, paint) => {
  const map = window.__czdMap;
  hide = hide.filter((id) => map.getLayer(id));
  paint = (paint || []).filter(([id]) => map.getLayer(id));
  window.__czdWas = hide.map((id) => [id, map.getLayoutProperty(id, "visibility")]);
  window.__czdPaintWas = paint.map(([id, p]) => [id, p, map.getPaintProperty(id, p)]);
  for (const id of hide) map.setLayoutProperty(id, "visibility", "none");
  for (const [id, p, v] of paint) map.setPaintProperty(id, p, v);
  await new Promise((r) => setTimeout(r, 500));
}`;
export const REPAINT = `async () => {
  const map = window.__czdMap;
  const frames = [];
  await new Promise((done) => {
    function tick(t) {
      frames.push(t);
      if (frames.length > 20) return done();
      map.triggerRepaint();
      requestAnimationFrame(tick);
    }
    map.triggerRepaint();
    requestAnimationFrame(tick);
  });
  for (const [id, v] of window.__czdWas) map.setLayoutProperty(id, "visibility", v ?? "visible");
  for (const [id, p, v] of window.__czdPaintWas) map.setPaintProperty(id, p, v);
  const gaps = frames.slice(1).map((t, i) => t - frames[i]).sort((a, b) => a - b);
  return gaps[Math.floor(gaps.length / 2)];
}`;

/** In the page: MapLibre's pixel ratio set to `r` (as motion-resolution.ts does); the canvas width. */
export const SET_RATIO = (r: number): string => `(() => {
  const map = window.__czdMap;
  map._overridePixelRatio = ${r};
  map._resizeInternal(false);
  return map.getCanvas().width;
})()`;
