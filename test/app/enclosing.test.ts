/**
 * The map's scene carries the smallest enclosing circle when no envelope is given: its ring lies
 * at the report's radius around the report's centre (measured with geo's own geodesic distance),
 * it says whether the radius is within the limit, and it follows a drag preview.
 */
import type { Feature, FeatureCollection, Polygon, Position } from "geojson";
import { describe, expect, it } from "vitest";
import { distanceToLineM } from "../../geo/envelope/index";
import { distanceM, envelopeOutline } from "../../geo/index";
import { applyDrawn, applyEdited, setEnvelopeSize } from "../../src/actions/actions";
import type { Scene } from "../../src/map/contract";
import { subscribeScene } from "../../src/map/subscriptions";
import { reportSource } from "../../src/store/live-report";
import { createAppStore } from "../../src/store/store";
import { startTestChecks } from "../support/check-port";
import { createSquare } from "./factories";

/** A store with the app's checks, whose scene diffs are kept, latest last. */
function createWatchedStore() {
  const store = createAppStore();
  const checks = startTestChecks(store);
  const diffs: Partial<Scene>[] = [];
  const offScene = subscribeScene(store, (d) => diffs.push(d), reportSource(checks.reports));
  const latestEnclosing = (): FeatureCollection | undefined =>
    diffs.findLast((d) => d.enclosing !== undefined)?.enclosing;
  const stop = () => {
    offScene();
    checks.stop();
  };
  return { store, diffs, stop, latestEnclosing, live: checks.live };
}

const byRole = (fc: FeatureCollection | undefined, role: string): Feature<Polygon> | undefined =>
  fc?.features.find((f) => f.properties?.role === role) as Feature<Polygon> | undefined;

/** The largest gap, in metres, between a ring vertex's distance from `center` and `radiusKm`. */
function worstRadiusErrorM(ring: Position[], center: Position, radiusKm: number): number {
  return Math.max(...ring.map((p) => Math.abs(distanceM(center, p) - radiusKm * 1000)));
}

describe("the inferred enclosing circle in the scene", () => {
  it("is empty for an empty zone and drawn around one parcel, within the limit", async () => {
    const { store, latestEnclosing, stop, live } = createWatchedStore();
    await live();
    expect(latestEnclosing()?.features).toEqual([]);
    applyDrawn(store, "parcel-polygon", createSquare(127.9, 37.3, 0.02));
    const env = (await live()).envelope;
    const { center, radiusKm, limitKm } = env;
    if (!center || radiusKm === undefined || limitKm === undefined) throw new Error("no circle");
    const circle = byRole(latestEnclosing(), "enclosing");
    const ring = circle?.geometry.coordinates[0] ?? [];
    expect(ring.length).toBeGreaterThanOrEqual(65);
    expect(ring[0]).toEqual(ring.at(-1));
    expect(worstRadiusErrorM(ring, center, radiusKm)).toBeLessThan(1);
    expect(circle?.properties?.state).toBe("within");
    // The limit circle: same centre, the rule set's radius (20 km outside the metro cities).
    expect(limitKm).toBe(20);
    const limitRing = byRole(latestEnclosing(), "limit")?.geometry.coordinates[0] ?? [];
    expect(worstRadiusErrorM(limitRing, center, 20)).toBeLessThan(1);
    stop();
  });

  it("turns 'over' with two parcels a degree of longitude apart (≈ 45 km radius by hand)", async () => {
    const { store, latestEnclosing, stop, live } = createWatchedStore();
    applyDrawn(store, "parcel-polygon", createSquare(127.9, 37.3, 0.02));
    applyDrawn(store, "parcel-polygon", createSquare(128.9, 37.3, 0.02));
    const { center, radiusKm } = (await live()).envelope;
    if (!center || radiusKm === undefined) throw new Error("no circle");
    // 1.02° of longitude at 37.31°N: 1.02 × 111.32 km × cos 37.31° ≈ 90.3 km across.
    expect(radiusKm).toBeGreaterThan(44);
    expect(radiusKm).toBeLessThan(46.5);
    const circle = byRole(latestEnclosing(), "enclosing");
    expect(circle?.properties?.state).toBe("over");
    expect(circle?.properties?.radiusKm).toBe(radiusKm);
    const ring = circle?.geometry.coordinates[0] ?? [];
    expect(worstRadiusErrorM(ring, center, radiusKm)).toBeLessThan(1);
    stop();
  });

  it("follows a vertex drag (the preview) and is not resent while the circle stays the same", async () => {
    const { store, diffs, latestEnclosing, stop, live } = createWatchedStore();
    applyDrawn(store, "parcel-polygon", createSquare(127.9, 37.3, 0.02));
    await live();
    const before = latestEnclosing();
    // A drag preview that stretches the parcel to 0.5° a side: the circle grows past 20 km.
    applyEdited(store, "P1", createSquare(127.9, 37.3, 0.5), false);
    const { center, radiusKm } = (await live()).envelope;
    const dragged = byRole(latestEnclosing(), "enclosing");
    expect(latestEnclosing()).not.toBe(before);
    expect(dragged?.properties?.state).toBe("over");
    if (!center || radiusKm === undefined) throw new Error("no circle");
    expect(
      worstRadiusErrorM(dragged?.geometry.coordinates[0] ?? [], center, radiusKm),
    ).toBeLessThan(1);
    // A UI-only change reports nothing new about the circle.
    const count = diffs.length;
    store.getState().setLang("en");
    expect(diffs.slice(count).some((d) => d.enclosing !== undefined)).toBe(false);
    stop();
  });

  it("is gone once an envelope is given", async () => {
    const { store, latestEnclosing, stop, live } = createWatchedStore();
    applyDrawn(store, "parcel-polygon", createSquare(127.9, 37.3, 0.02));
    await live();
    expect(latestEnclosing()?.features).toHaveLength(2);
    applyDrawn(store, "envelope-circle", { type: "Point", coordinates: [127.91, 37.31] });
    await live();
    expect(latestEnclosing()?.features).toEqual([]);
    stop();
  });
});

describe("a filed envelope over its limit, in the scene", () => {
  const latestEnvelope = (diffs: Partial<Scene>[]) =>
    diffs.findLast((d) => d.envelope !== undefined)?.envelope;

  it("turns 'over' when the report finds its radius over the limit, as the report's map does", async () => {
    const { store, diffs, stop, live } = createWatchedStore();
    applyDrawn(store, "parcel-polygon", createSquare(127.9, 37.3, 0.02));
    applyDrawn(store, "envelope-circle", { type: "Point", coordinates: [127.91, 37.31] });
    await live();
    const states = () => latestEnvelope(diffs)?.features.map((f) => f.properties?.state);
    expect(states()).toEqual(["within", "within"]);
    setEnvelopeSize(store, 25);
    const report = await live();
    expect(report.findings.some((f) => f.code === "RADIUS" && f.figures.kind === "GIVEN")).toBe(
      true,
    );
    expect(states()).toEqual(["over", "over"]);
    setEnvelopeSize(store, 15);
    await live();
    expect(states()).toEqual(["within", "within"]);
    stop();
  });
});

describe("drawn envelope outlines are the checker's geodesic shapes", () => {
  it("puts every vertex of a 20 km envelope circle 20 km from its centre (within 1 m)", () => {
    const center: Position = [128.6, 35.87];
    const ring = envelopeOutline({ shape: "circle", center, radiusKm: 20 }).coordinates[0] ?? [];
    expect(ring).toHaveLength(97);
    for (const p of ring) expect(Math.abs(distanceM(center, p) - 20_000)).toBeLessThan(1);
  });

  it("outlines a belt as one ring whose every vertex lies the half-width from the axis", () => {
    const axis: Position[] = [
      [127.2, 36.3],
      [127.6, 36.5],
    ];
    const ring = envelopeOutline({ shape: "belt", axis, halfWidthKm: 5 }).coordinates[0] ?? [];
    // One ring (geo's outline), every vertex of it 5 km from the axis: no inner seams.
    for (const p of ring) expect(Math.abs(distanceToLineM(p, axis) - 5000)).toBeLessThan(5);
  });
});
