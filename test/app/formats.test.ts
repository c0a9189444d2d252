/** The app's one import path on bytes, its exports and reviewer mode, without a browser. */
import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import { afterEach, describe, expect, it } from "vitest";
import { exportZone, loadRuleSet, readFiling } from "../../geo/index";
import { applyDrawn } from "../../src/actions/actions";
import { exportZoneAs } from "../../src/actions/exports";
import { importFilingBytes, importHubsBytes } from "../../src/actions/imports";
import { reviewCurrent, reviewFile } from "../../src/actions/review";
import { type AppStore, activeZone, createAppStore } from "../../src/store/store";
import { startTestChecks, type TestChecks } from "../support/check-port";
import { createSquare } from "./factories";

/** shared/examples/expected.json, jincheon-cap-15003 (GeographicLib): total area, km². */
const JINCHEON_ORACLE_KM2 = 15.003000005745877;
const JINCHEON = "test/fixtures/io/jincheon-korean.geojson";
const sha256 = (bytes: Uint8Array) => createHash("sha256").update(bytes).digest("hex");

/** A store with the app's checks started, as main.tsx starts them; stopped after the test. */
let running: TestChecks[] = [];
function checkedStore(): { store: AppStore; checks: TestChecks } {
  const store = createAppStore();
  const checks = startTestChecks(store);
  running.push(checks);
  return { store, checks };
}
afterEach(() => {
  for (const checks of running) checks.stop();
  running = [];
});

async function createShpZip(): Promise<Uint8Array> {
  const zone = readFiling(readFileSync(JINCHEON, "utf8"));
  return (await exportZone(zone, "shp-cp949", "jincheon")).data as Uint8Array;
}

describe("importing bytes", () => {
  it("reads a zipped CP949 Shapefile into a new zone named after the file", async () => {
    const { store, checks } = checkedStore();
    expect(await importFilingBytes(store, await createShpZip(), "jincheon.zip")).toBe(true);
    const zone = activeZone(store.getState());
    expect(zone.name).toBe("jincheon");
    expect(zone.parcels.map((p) => p.name)).toContain("진천 똠방 산업지구");
    const total = (await checks.live()).area.totalKm2;
    expect(Math.abs(total - JINCHEON_ORACLE_KM2)).toBeLessThan(1e-3);
  });

  it("refuses a truncated zip naming it, with no zone and no undo step added", async () => {
    const store = createAppStore();
    const zip = await createShpZip();
    const zones = store.getState().zones;
    const steps = store.temporal.getState().pastStates.length;
    const cut = zip.subarray(0, Math.floor(zip.length / 2));
    expect(await importFilingBytes(store, cut, "cut.zip")).toBe(false);
    expect(store.getState().zones).toBe(zones);
    expect(store.temporal.getState().pastStates.length).toBe(steps);
    const notice = store.getState().notice;
    expect(notice?.ko).toMatch(/[가-힣]/);
    expect(notice?.ko).toContain("cut.zip");
    expect(notice?.en).toContain("cut.zip");
    // The file is named once, not once by the geo core and again by the app.
    expect(notice?.en.split("cut.zip")).toHaveLength(2);
  });

  it("reads hubs from a CP949 CSV with Korean headers", async () => {
    const store = createAppStore();
    const bytes = readFileSync("test/fixtures/io/hubs-cp949.csv");
    expect(await importHubsBytes(store, bytes, "hubs-cp949.csv")).toBe(true);
    const hubs = store.getState().hubLayers[0]?.hubs ?? [];
    expect(hubs.map((h) => h.name)).toEqual(["진주 혁신도시", "진주 뿌리산업단지"]);
    expect(hubs[0]?.geometry).toEqual({ type: "Point", coordinates: [128.1178, 35.1656] });
  });

  it("places x/y hubs in the CRS chosen next to the hub import, and asks for it without", async () => {
    const store = createAppStore();
    const bytes = readFileSync("test/fixtures/io/hubs-5186-xy.csv");
    expect(await importHubsBytes(store, bytes, "xy.csv")).toBe(false);
    expect(store.getState().hubLayers).toEqual([]);
    expect(store.getState().notice?.en).toMatch(
      /x,y columns need their coordinate system: name it in the “CRS of x\/y columns in a hub CSV” menu/,
    );
    expect(store.getState().notice?.ko).toMatch(/'거점 CSV의 x\/y 좌표계' 메뉴에서 지정하십시오/);
    expect(store.getState().notice?.en).not.toContain("--hubs-crs");
    expect(await importHubsBytes(store, bytes, "xy.csv", { crs: "EPSG:5186" })).toBe(true);
    const point = store.getState().hubLayers[0]?.hubs[0]?.geometry;
    if (point?.type !== "Point") throw new Error("no point hub");
    // By hand: 111 km east of 127°E at ~35.2°N (91 km per degree) and 315 km south of 38°N.
    const [lon = 0, lat = 0] = point.coordinates;
    expect(Math.abs(lon - 128.22)).toBeLessThan(0.05);
    expect(Math.abs(lat - 35.16)).toBeLessThan(0.05);
  });
});

describe("exports and review", () => {
  it("names every export after the zone", async () => {
    const { store, checks } = checkedStore();
    store.getState().transact({ meta: { name: "진천 지구" } });
    applyDrawn(store, "parcel-polygon", createSquare(127.5, 36.9, 0.02));
    const s = store.getState();
    const args = [activeZone(s), await checks.committed(), loadRuleSet("phase-1-2")] as const;
    expect((await exportZoneAs(...args, "shp")).fileName).toBe("진천_지구.zip");
    expect((await exportZoneAs(...args, "shp-cp949")).fileName).toBe("진천_지구-cp949.zip");
    expect((await exportZoneAs(...args, "geojson-5179")).fileName).toBe("진천_지구-5179.geojson");
    expect((await exportZoneAs(...args, "csv")).fileName).toBe("진천_지구.csv");
  });

  it("reviews a filed file: its SHA-256, the verdict and the finding the oracle expects", async () => {
    const bytes = readFileSync(JINCHEON);
    const review = await reviewFile(checkedStore().store.getState(), bytes, "jincheon.geojson");
    expect(review.sha256).toBe(sha256(bytes));
    expect(review.report.verdict).toBe("fail");
    expect(review.report.findings.map((f) => f.code)).toContain("AREA_CAP");
  });

  it("hashes the current zone as the bytes it offers for download, a filing of that zone", async () => {
    const { store } = checkedStore();
    applyDrawn(store, "parcel-polygon", createSquare(127.5, 36.9, 0.02));
    const review = await reviewCurrent(store.getState());
    expect(review.source).toBe("current");
    expect(review.sha256).toBe(sha256(review.bytes));
    const reread = readFiling(new TextDecoder().decode(review.bytes));
    expect(reread.parcels.map((p) => p.geometry)).toEqual([createSquare(127.5, 36.9, 0.02)]);
  });
});
