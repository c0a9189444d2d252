import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { FilingError } from "../../geo/errors";
import { readHubs } from "../../geo/io/hubs";
import { importHubs } from "../../geo/io/registry";
import { EMBEDDED_HUBS } from "../support/paths";

const fixture = (name: string): string =>
  readFileSync(new URL(`../fixtures/hubs/${name}`, import.meta.url), "utf8");

/** The FilingError `run` throws (fails the test when it throws none). */
function errorOf(run: () => unknown): FilingError {
  try {
    run();
  } catch (e) {
    if (e instanceof FilingError) return e;
    throw e;
  }
  throw new Error("expected a FilingError");
}

const featureCollection = (features: unknown[]): string =>
  JSON.stringify({ type: "FeatureCollection", features });

describe("readHubs: GeoJSON", () => {
  it("reads the twelve innovation cities as twelve point hubs", () => {
    const text = readFileSync(EMBEDDED_HUBS, "utf8");
    const hubs = readHubs(text, "innovation-cities.geojson");
    expect(hubs).toHaveLength(12);
    expect(hubs.every((h) => h.type === "innovation_city" && h.geometry.type === "Point")).toBe(
      true,
    );
    expect(hubs[0]).toEqual({
      name: "부산 혁신도시",
      type: "innovation_city",
      geometry: { type: "Point", coordinates: [129.066, 35.146] },
    });
  });

  it("keeps other type ids and area hubs, and maps the Korean type names", () => {
    const hubs = readHubs(fixture("mixed.geojson"), "mixed.geojson");
    expect(hubs.map((h) => [h.type, h.geometry.type])).toEqual([
      ["happy_city", "Point"],
      ["industrial_complex", "Polygon"],
      ["industrial_complex", "MultiPolygon"],
    ]);
  });

  it("sniffs GeoJSON when the extension says nothing", () => {
    expect(readHubs(`  ${fixture("mixed.geojson")}`, "hubs.txt")).toHaveLength(3);
  });

  it("names the feature that lacks a type or a name", () => {
    const point = { type: "Point", coordinates: [128, 35] };
    const noType = featureCollection([
      { type: "Feature", properties: { name: "a", type: "technopark" }, geometry: point },
      { type: "Feature", properties: { name: "b" }, geometry: point },
    ]);
    const e = errorOf(() => readHubs(noType, "h.geojson"));
    expect(e.code).toBe("BAD_HUBS");
    expect(e.en).toContain("feature 1");
    expect(e.en).toContain("type");
    expect(e.ko).toContain("피처 1");
    const noName = featureCollection([
      { type: "Feature", properties: { type: "technopark" }, geometry: point },
    ]);
    expect(errorOf(() => readHubs(noName, "h.geojson")).en).toContain("feature 0: properties.name");
  });

  it("refuses bad geometries, naming the feature", () => {
    const withGeometry = (geometry: unknown): string =>
      featureCollection([
        { type: "Feature", properties: { name: "x", type: "technopark" }, geometry },
      ]);
    const cases = [
      null,
      {
        type: "LineString",
        coordinates: [
          [128, 35],
          [129, 35],
        ],
      },
      { type: "Point", coordinates: [128] },
      { type: "Point", coordinates: ["128", 35] },
      {
        type: "Polygon",
        coordinates: [
          [
            [128, 35],
            [129, 35],
            [128, 35],
          ],
        ],
      },
      {
        type: "Polygon",
        coordinates: [
          [
            [128, 35],
            [129, 35],
            [129, 36],
            [128, 36],
          ],
        ],
      },
      { type: "Point", coordinates: [200000, 600000] },
    ];
    for (const geometry of cases) {
      const e = errorOf(() => readHubs(withGeometry(geometry), "h.geojson"));
      expect(e.code).toBe("BAD_HUBS");
      expect(e.en).toContain("feature 0");
    }
  });

  it("refuses text that is not a FeatureCollection", () => {
    expect(errorOf(() => readHubs("{ not json", "h.geojson")).code).toBe("BAD_HUBS");
    expect(errorOf(() => readHubs('{"type":"Feature"}', "h.geojson")).code).toBe("BAD_HUBS");
  });

  it("reprojects a legacy crs member (EPSG:5186 false origin is 127°E 38°N)", () => {
    const text = JSON.stringify({
      type: "FeatureCollection",
      crs: { type: "name", properties: { name: "urn:ogc:def:crs:EPSG::5186" } },
      features: [
        {
          type: "Feature",
          properties: { name: "o", type: "technopark" },
          geometry: { type: "Point", coordinates: [200000, 600000] },
        },
      ],
    });
    const [lon, lat] = (readHubs(text, "h.geojson")[0]?.geometry.coordinates ?? []) as number[];
    expect(lon).toBeCloseTo(127, 9);
    expect(lat).toBeCloseTo(38, 9);
  });
});

describe("readHubs: CSV", () => {
  it("reads name,type,lon,lat with quoted commas, skipping blank lines", () => {
    expect(readHubs(fixture("points-lonlat.csv"), "points.csv")).toEqual([
      {
        name: "진주 혁신도시",
        type: "innovation_city",
        geometry: { type: "Point", coordinates: [128.134, 35.167] },
      },
      {
        name: "사천, 제1산단",
        type: "industrial_complex",
        geometry: { type: "Point", coordinates: [128.07, 35.09] },
      },
      {
        name: "세종 행복도시",
        type: "happy_city",
        geometry: { type: "Point", coordinates: [127.26, 36.48] },
      },
    ]);
  });

  it("reads Korean headers in another order, with a BOM and Korean type names", () => {
    expect(readHubs(fixture("points-korean.csv"), "거점.csv")).toEqual([
      {
        name: "진주 혁신도시",
        type: "innovation_city",
        geometry: { type: "Point", coordinates: [128.134, 35.167] },
      },
      {
        name: "사천 산단",
        type: "industrial_complex",
        geometry: { type: "Point", coordinates: [128.07, 35.09] },
      },
    ]);
  });

  it("sniffs CSV when the extension says nothing", () => {
    expect(readHubs(fixture("points-lonlat.csv"), "hubs")).toHaveLength(3);
  });

  it("reprojects x,y columns with the given CRS (EPSG:5186 false origin is 127°E 38°N)", () => {
    const [hub] = readHubs(fixture("points-tm5186.csv"), "tm.csv", { crs: "EPSG:5186" });
    const [lon, lat] = (hub?.geometry.coordinates ?? []) as number[];
    expect(hub?.name).toBe("원점");
    expect(lon).toBeCloseTo(127, 9);
    expect(lat).toBeCloseTo(38, 9);
  });

  it("asks for --hubs-crs when x,y come without one", () => {
    const e = errorOf(() => readHubs(fixture("points-tm5186.csv"), "tm.csv"));
    expect(e.code).toBe("BAD_HUBS");
    expect(e.en).toContain("--hubs-crs");
    expect(e.ko).toContain("--hubs-crs");
  });

  it("names the line of a non-numeric or out-of-range coordinate", () => {
    const nan = errorOf(() => readHubs(fixture("bad-number.csv"), "bad.csv"));
    expect(nan.code).toBe("BAD_HUBS");
    expect(nan.en).toContain("line 3");
    expect(nan.ko).toContain("3행");
    const range = errorOf(() => readHubs(fixture("bad-range.csv"), "bad.csv"));
    expect(range.en).toContain("line 4");
    expect(range.en).toContain("228.1");
  });

  it("refuses a header without the needed columns", () => {
    const e = errorOf(() => readHubs(fixture("bad-header.csv"), "bad.csv"));
    expect(e.code).toBe("BAD_HUBS");
    expect(e.en).toContain("line 1");
  });

  it("reads a CP949 list of enterprises (기업명, 위도, 경도; no type column) as 'enterprise' points", async () => {
    const bytes = readFileSync(new URL("../fixtures/hubs/enterprises-cp949.csv", import.meta.url));
    const hubs = await importHubs(new Uint8Array(bytes), "enterprises-cp949.csv");
    expect(hubs.map((h) => h.name)).toEqual(["(주)진주정밀", "남강바이오"]);
    expect(hubs.every((h) => h.type === "enterprise")).toBe(true);
    expect(hubs[0]?.geometry).toEqual({ type: "Point", coordinates: [128.1042, 35.1801] });
  });

  it("refuses a row with an empty name or type", () => {
    const e = errorOf(() => readHubs("name,type,lon,lat\n,technopark,128,35\n", "h.csv"));
    expect(e.en).toContain("line 2");
  });
});
