import { readFileSync } from "node:fs";
import { afterEach, describe, expect, it, vi } from "vitest";
import { loadRuleSet } from "../../geo/index";
import { applyDrawn, applyEdited } from "../../src/actions/actions";
import { exportFiling } from "../../src/actions/filing-io";
import { importFilingBytes, importHubsBytes } from "../../src/actions/imports";
import { parseSavedProject, snapshotProject } from "../../src/persistence/persist";
import { type AppStore, activeZone, createAppStore } from "../../src/store/store";
import type { CheckPort } from "../../src/workers/check-client";
import { inProcessPort, startTestChecks, type TestChecks } from "../support/check-port";
import { createSquare } from "./factories";

const FIXTURES = "test/fixtures/app";
/** GeographicLib's total for the example filing (shared examples' expected.json), km². */
const JINJU_TWO_PARCELS_KM2 = 9.500000003622226;

/** The app's checks on a store, as main.tsx starts them (the Worker's engine, in-process). */
let running: TestChecks[] = [];
function checksOf(store: AppStore, spawn?: () => CheckPort): TestChecks {
  const t = startTestChecks(store, spawn);
  running.push(t);
  return t;
}
afterEach(() => {
  for (const t of running) t.stop();
  running = [];
});

describe("the live report", () => {
  it("is not checked again while only UI state changes, and is after an edit", async () => {
    const store = createAppStore();
    const checks = checksOf(store);
    applyDrawn(store, "parcel-polygon", createSquare(127.9, 37.3, 0.02));
    const first = await checks.live();
    store.getState().setLang("en");
    store.getState().setHelpOpen(true);
    expect(checks.reports.getState()).toEqual({ report: first, checking: false });
    applyDrawn(store, "parcel-polygon", createSquare(127.95, 37.3, 0.02));
    expect(checks.reports.getState().checking).toBe(true);
    const second = await checks.live();
    expect(second).not.toBe(first);
    expect(second.area.parcels).toHaveLength(2);
  });

  it("follows a drag preview before the edit is committed", async () => {
    const store = createAppStore();
    const checks = checksOf(store);
    applyDrawn(store, "parcel-polygon", createSquare(127.9, 37.3, 0.02));
    const before = (await checks.live()).area.totalKm2;
    applyEdited(store, "P1", createSquare(127.9, 37.3, 0.04), false);
    // Twice the side, four times the area (to the report's rounding).
    expect((await checks.live()).area.totalKm2 / before).toBeCloseTo(4, 2);
    // The committed report (an export's) is still of the zone as stored.
    expect((await checks.committed()).area.totalKm2).toBe(before);
  });

  it("settles on the zone as it is after an undo, a redo and an undo at once", async () => {
    const store = createAppStore();
    const checks = checksOf(store);
    applyDrawn(store, "parcel-polygon", createSquare(127.9, 37.3, 0.02));
    applyDrawn(store, "parcel-polygon", createSquare(127.95, 37.3, 0.02));
    expect((await checks.live()).area.parcels).toHaveLength(2);
    const { undo, redo } = store.temporal.getState();
    // The undone zone's check starts, the redone one's waits, the undone one is wanted again.
    undo();
    redo();
    undo();
    expect((await checks.live()).area.parcels).toHaveLength(1);
    // Nothing older comes after it: the panel stays settled on the zone as it is.
    await new Promise((resolve) => setTimeout(resolve, 100));
    const { report, checking } = checks.reports.getState();
    expect(checking).toBe(false);
    expect(report?.area.parcels).toHaveLength(1);
  });

  it("says the check did not finish when its Worker crashes twice, and checks the next edit", async () => {
    const store = createAppStore();
    // Until `crash` is turned off, every Worker crashes on its first check (out of memory).
    let crash = true;
    const crashing = (): CheckPort => {
      const port: CheckPort = {
        postMessage: (m) => {
          if (m.kind === "check") setTimeout(() => port.onerror?.(new Event("error")), 0);
        },
        onmessage: null,
        onerror: null,
        terminate: () => undefined,
      };
      return port;
    };
    const { reports } = checksOf(store, () => (crash ? crashing() : inProcessPort()));
    applyDrawn(store, "parcel-polygon", createSquare(127.9, 37.3, 0.02));
    await vi.waitFor(() => expect(reports.getState().checking).toBe(false));
    const { report } = reports.getState();
    expect(report?.verdict).toBe("fail");
    expect(report?.findings[0]?.message).toBe("검사가 끝나지 않았습니다");
    expect(report?.findings[0]?.messageEn).toBe("The check did not finish");
    crash = false;
    applyDrawn(store, "parcel-polygon", createSquare(127.95, 37.3, 0.02));
    expect(reports.getState().checking).toBe(true);
    await vi.waitFor(() => expect(reports.getState().checking).toBe(false));
    expect(reports.getState().report?.area.parcels).toHaveLength(2);
  });

  it("is the committed report when the drag preview belongs to a zone no longer active", async () => {
    // Found by edits.property.test.ts: draw, drag without release, add a zone, draw there.
    const store = createAppStore();
    const checks = checksOf(store);
    applyDrawn(store, "parcel-polygon", createSquare(127.9, 37.3, 0.02));
    applyEdited(store, "P1", createSquare(127.9, 37.3, 0.04), false);
    store.getState().addZone();
    applyDrawn(store, "parcel-polygon", createSquare(127.9, 37.3, 0.02));
    expect(store.getState().preview).not.toBeNull();
    expect(await checks.live()).toEqual(await checks.committed());
  });
});

describe("filings in and out", () => {
  it("imports an example filing as a new zone with the oracle's total area", async () => {
    const store = createAppStore();
    const checks = checksOf(store);
    const bytes = readFileSync(`${FIXTURES}/jinju-two-parcels.geojson`);
    expect(await importFilingBytes(store, bytes, "jinju-two-parcels.geojson")).toBe(true);
    expect(store.getState().zones).toHaveLength(2);
    const oracle = JINJU_TWO_PARCELS_KM2;
    // Within 10 m² of GeographicLib, as the examples' README asks (plus the report's rounding).
    expect(Math.abs((await checks.live()).area.totalKm2 - oracle)).toBeLessThan(1e-5);
    // The map is asked to zoom to (and highlight) what came in.
    const imported = store.getState().zones[1]?.parcels.map((p) => p.id);
    expect(store.getState().highlight.parcelIds).toEqual(imported);
  });

  it("leaves the project untouched and says why, in Korean and English, for a broken file", async () => {
    const store = createAppStore();
    applyDrawn(store, "parcel-polygon", createSquare(127.9, 37.3, 0.02));
    const zones = store.getState().zones;
    const undoSteps = store.temporal.getState().pastStates.length;
    const broken = new TextEncoder().encode("not json at all {");
    expect(await importFilingBytes(store, broken, "broken.geojson")).toBe(false);
    expect(store.getState().zones).toBe(zones);
    expect(store.temporal.getState().pastStates.length).toBe(undoSteps);
    const notice = store.getState().notice;
    expect(notice?.kind).toBe("error");
    expect(notice?.ko).toMatch(/[가-힣]/);
    expect(notice?.en).toMatch(/JSON/i);
  });

  it("stamps an export with the rule set, its version and the data's date", async () => {
    const store = createAppStore();
    const checks = checksOf(store);
    applyDrawn(store, "parcel-polygon", createSquare(127.9, 37.3, 0.02));
    const s = store.getState();
    const text = exportFiling(activeZone(s), await checks.committed(), loadRuleSet("phase-1-2"));
    const czd = JSON.parse(text).czd;
    expect(czd.ruleSet).toBe("phase-1-2");
    expect(czd.ruleSetVersion).toMatch(/\d/);
    expect(czd.dataDate).toMatch(/^\d{4}-\d{2}-\d{2}$/);
  });
});

describe("the saved project", () => {
  it("round-trips and refuses what is not a project", () => {
    const store = createAppStore();
    applyDrawn(store, "parcel-polygon", createSquare(127.9, 37.3, 0.02));
    const saved = JSON.parse(JSON.stringify(snapshotProject(store.getState())));
    expect(parseSavedProject(saved)?.zones).toEqual(store.getState().zones);
    expect(parseSavedProject(null)).toBeNull();
    expect(parseSavedProject({ version: 2, zones: [] })).toBeNull();
    expect(parseSavedProject({ version: 1, zones: [], activeZoneId: "Z1" })).toBeNull();
  });
});

describe("an empty zone", () => {
  it("has the core's report with zero area and one NO_PARCEL finding, so the panel shows before anything is drawn", async () => {
    const report = await checksOf(createAppStore()).live();
    expect(report.area.totalKm2).toBe(0);
    expect(report.area.capKm2).toBe(15);
    expect(report.findings.map((f) => f.code)).toEqual(["NO_PARCEL"]);
  });
});

describe("hub files", () => {
  it("adds an imported CSV as a visible layer that the report counts", async () => {
    const store = createAppStore();
    const checks = checksOf(store);
    const bytes = readFileSync("test/fixtures/hubs/points-lonlat.csv");
    expect(await importHubsBytes(store, bytes, "points-lonlat.csv")).toBe(true);
    const layer = store.getState().hubLayers.find((l) => l.name === "points-lonlat.csv");
    expect(layer?.visible).toBe(true);
    expect(layer?.hubs.length).toBeGreaterThan(0);
    // A parcel around 진주 혁신도시 (128.134, 35.167) holds that hub and none of the others.
    applyDrawn(store, "parcel-polygon", createSquare(128.12, 35.155, 0.03));
    const counts = (await checks.live()).hubs.counts;
    expect(counts.innovation_city).toBe(1);
    expect(counts.total).toBe(1);
  });

  it("refuses a hub file without the name,type,lon,lat header and adds no layer", async () => {
    const store = createAppStore();
    const bytes = readFileSync("test/fixtures/hubs/bad-header.csv");
    expect(await importHubsBytes(store, bytes, "bad-header.csv")).toBe(false);
    expect(store.getState().hubLayers).toEqual([]);
    expect(store.getState().notice?.kind).toBe("error");
  });
});
