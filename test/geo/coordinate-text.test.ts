/** 좌표 입력: typed or pasted coordinates to WGS84 shapes, and a clear message for bad input. */
import { describe, expect, it } from "vitest";
import { fromLonLat, isFilingError, parseCoordinateEntry } from "../../geo/index";

const SQUARE = "128.10 35.17, 128.12 35.17, 128.12 35.19, 128.10 35.19";

function message(f: () => unknown): { ko: string; en: string } {
  try {
    f();
  } catch (e) {
    if (isFilingError(e)) return { ko: e.ko, en: e.en };
    throw e;
  }
  throw new Error("no error");
}

describe("parseCoordinateEntry", () => {
  it("reads lon lat pairs into a closed counter-clockwise ring", () => {
    const r = parseCoordinateEntry({ kind: "parcel", text: SQUARE, crs: "EPSG:4326" });
    if (r.kind !== "parcel") throw new Error(r.kind);
    const ring = r.geometry.coordinates[0] ?? [];
    expect(ring).toHaveLength(5);
    expect(ring[0]).toEqual(ring[4]);
    expect(ring[0]).toEqual([128.1, 35.17]);
  });

  it("turns a clockwise ring counter-clockwise", () => {
    const cw = "128.10 35.17; 128.10 35.19; 128.12 35.19; 128.12 35.17; 128.10 35.17";
    const r = parseCoordinateEntry({ kind: "parcel", text: cw, crs: "EPSG:4326" });
    if (r.kind !== "parcel") throw new Error(r.kind);
    const ring = r.geometry.coordinates[0] ?? [];
    expect(ring).toHaveLength(5);
    expect(ring[1]).toEqual([128.12, 35.17]);
  });

  it("reads one pair a line as pasted from a spreadsheet (x,y or tab)", () => {
    const text = "128.10,35.17\n128.12\t35.17\n128.12, 35.19\n";
    const r = parseCoordinateEntry({ kind: "parcel", text, crs: "EPSG:4326" });
    if (r.kind !== "parcel") throw new Error(r.kind);
    expect(r.geometry.coordinates[0]).toHaveLength(4);
  });

  it("reads TM x/y in the chosen CRS back to the same lon/lat", () => {
    const to5186 = fromLonLat("EPSG:5186");
    const lonlat = [
      [128.1, 35.17],
      [128.12, 35.17],
      [128.12, 35.19],
    ];
    const text = lonlat.map((p) => to5186(p).join(" ")).join(", ");
    const r = parseCoordinateEntry({ kind: "parcel", text, crs: "EPSG:5186" });
    if (r.kind !== "parcel") throw new Error(r.kind);
    const ring = r.geometry.coordinates[0] ?? [];
    for (const [i, p] of lonlat.entries()) {
      expect(ring[i]?.[0]).toBeCloseTo(p[0] ?? 0, 9);
      expect(ring[i]?.[1]).toBeCloseTo(p[1] ?? 0, 9);
    }
  });

  it("reads WKT and GeoJSON", () => {
    const wkt = parseCoordinateEntry({
      kind: "parcel",
      text: `POLYGON ((${SQUARE}, 128.10 35.17))`,
      crs: "EPSG:4326",
    });
    const gj = parseCoordinateEntry({
      kind: "parcel",
      text: JSON.stringify({
        type: "Feature",
        properties: {},
        geometry: {
          type: "Polygon",
          coordinates: [
            [
              [128.1, 35.17],
              [128.12, 35.17],
              [128.12, 35.19],
              [128.1, 35.19],
              [128.1, 35.17],
            ],
          ],
        },
      }),
      crs: "EPSG:5186",
    });
    expect(wkt).toEqual(gj);
  });

  it("reads a circle envelope as a centre and a radius, a belt as its axis and half-width", () => {
    expect(
      parseCoordinateEntry({
        kind: "envelope-circle",
        text: "128.1 35.18",
        crs: "EPSG:4326",
        sizeKm: "7.5",
      }),
    ).toEqual({ kind: "envelope-circle", center: [128.1, 35.18], radiusKm: 7.5 });
    expect(
      parseCoordinateEntry({
        kind: "envelope-belt",
        text: "LINESTRING (128.0 35.1, 128.2 35.2)",
        crs: "EPSG:4326",
        sizeKm: "5",
      }),
    ).toEqual({
      kind: "envelope-belt",
      axis: [
        [128, 35.1],
        [128.2, 35.2],
      ],
      halfWidthKm: 5,
    });
  });

  it("names the wrong entry in Korean and English", () => {
    const m = message(() =>
      parseCoordinateEntry({
        kind: "parcel",
        text: "128.1 35.1, 128.2 abc, 128.3 35.2",
        crs: "EPSG:4326",
      }),
    );
    expect(m.ko).toContain("2번째 좌표");
    expect(m.en).toContain("Coordinate 2");
  });

  it("refuses too few vertices, TM typed as lon/lat and lon/lat typed as TM", () => {
    expect(
      message(() =>
        parseCoordinateEntry({ kind: "parcel", text: "128.1 35.1, 128.2 35.1", crs: "EPSG:4326" }),
      ).en,
    ).toContain("at least 3");
    expect(
      message(() =>
        parseCoordinateEntry({
          kind: "parcel",
          text: "200000 600000, 201000 600000, 201000 601000",
          crs: "EPSG:4326",
        }),
      ).ko,
    ).toContain("좌표계");
    expect(
      message(() => parseCoordinateEntry({ kind: "parcel", text: SQUARE, crs: "EPSG:5186" })).en,
    ).toContain("looks like lon/lat");
  });

  it("refuses a missing radius, an empty text and an unreadable WKT", () => {
    expect(
      message(() =>
        parseCoordinateEntry({
          kind: "envelope-circle",
          text: "128 35",
          crs: "EPSG:4326",
          sizeKm: "",
        }),
      ).en,
    ).toContain("radius");
    expect(
      message(() => parseCoordinateEntry({ kind: "parcel", text: "  ", crs: "EPSG:4326" })).ko,
    ).toBe("좌표를 입력하세요");
    expect(
      message(() =>
        parseCoordinateEntry({ kind: "parcel", text: "POLYGN((1 2))", crs: "EPSG:4326" }),
      ).en,
    ).toContain("WKT");
  });
});
