/**
 * The search box's pure half (issue 21): coordinates as typed (decimal either way round, DMS,
 * TM with a CRS) and place names from our own boundaries, ranked; the view that shows a box.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import type { FeatureCollection } from "geojson";
import { describe, expect, it } from "vitest";
import { fromLonLat } from "../../geo/measure";
import {
  boundaryPlaces,
  type Place,
  parseTypedPoint,
  SIDO_SHORT,
  searchPlaces,
  viewOfBbox,
} from "../../geo/search";
import { ROOT } from "../support/paths";

const read = (name: string) =>
  JSON.parse(readFileSync(join(ROOT, "public/data", name), "utf8")) as FeatureCollection;
const sido = read("sido.json");
const sidoName = new Map(sido.features.map((f) => [f.properties?.code, f.properties?.name]));
const places: Place[] = [
  ...boundaryPlaces(sido, "sido"),
  ...boundaryPlaces(read("sigungu.json"), "sigungu", (f) => {
    const code = String(f.properties?.sido);
    return `${sidoName.get(code) ?? ""} ${SIDO_SHORT[code] ?? ""}`;
  }),
];

const lonLatOf = (text: string) => parseTypedPoint(text)?.lonLat;

describe("coordinates as typed", () => {
  it("decimal degrees, lat first or lon first, with or without hemispheres", () => {
    expect(lonLatOf("35.18, 128.08")).toEqual([128.08, 35.18]);
    expect(lonLatOf("128.08 35.18")).toEqual([128.08, 35.18]);
    expect(lonLatOf("35.18N 128.08E")).toEqual([128.08, 35.18]);
    expect(lonLatOf("E128.08, N35.18")).toEqual([128.08, 35.18]);
    // Outside Korea with no hemisphere: read as "lat, lon", the usual order.
    expect(lonLatOf("48.85, 2.35")).toEqual([2.35, 48.85]);
  });

  it("degrees, minutes and seconds, in symbols or in Korean", () => {
    const p = lonLatOf(`35°10'12"N 128°5'E`);
    expect(p?.[0]).toBeCloseTo(128 + 5 / 60, 10);
    expect(p?.[1]).toBeCloseTo(35 + 10 / 60 + 12 / 3600, 10);
    expect(lonLatOf("128도 5분 동 35도 10분 12초 북")).toEqual(p);
    expect(lonLatOf(`35°70'N 128°E`)).toBeUndefined();
  });

  it("TM metres with a CRS: the EPSG:5186 origin (38°N 127°E) is 200000, 600000", () => {
    for (const text of [
      "EPSG:5186 200000 600000",
      "5186: 200000, 600000",
      "200000 600000 epsg:5186",
    ]) {
      const p = parseTypedPoint(text);
      expect(p?.crs).toBe("EPSG:5186");
      expect(p?.crsAssumed).toBe(false);
      expect(p?.lonLat[0]).toBeCloseTo(127, 9);
      expect(p?.lonLat[1]).toBeCloseTo(38, 9);
    }
  });

  it("TM in another belt goes back where it came from", () => {
    const [x, y] = fromLonLat("EPSG:5187")([129.3, 35.5]);
    const p = parseTypedPoint(`EPSG:5187 ${x?.toFixed(3)} ${y?.toFixed(3)}`);
    expect(p?.lonLat[0]).toBeCloseTo(129.3, 6);
    expect(p?.lonLat[1]).toBeCloseTo(35.5, 6);
  });

  it("TM-sized numbers without a CRS are read in EPSG:5186, and say so", () => {
    const p = parseTypedPoint("200000 600000");
    expect(p?.crs).toBe("EPSG:5186");
    expect(p?.crsAssumed).toBe(true);
  });

  it("text that is not a coordinate pair is none", () => {
    for (const text of ["진주", "", "35.18", "1 2 3", "EPSG:9999 1 2", "200 300"]) {
      expect(parseTypedPoint(text)).toBeNull();
    }
  });
});

describe("places by name", () => {
  const names = (q: string) => searchPlaces(q, places).map((p) => `${p.kind}:${p.name}`);

  it("a 시·군·구 by its name or the start of it", () => {
    expect(names("진주시")[0]).toBe("sigungu:진주시");
    expect(names("진주")[0]).toBe("sigungu:진주시");
    expect(names("Jinju")[0]).toBe("sigungu:진주시");
  });

  it("a 시·도 by its full or short name, before the 시·군·구 that also match", () => {
    expect(names("경상남도")[0]).toBe("sido:경상남도");
    expect(names("경남")[0]).toBe("sido:경상남도");
    expect(names("제주")[0]).toBe("sido:제주특별자치도");
  });

  it("a 시·군·구 name many 시·도 share, narrowed by the 시·도 typed before it", () => {
    expect(names("중구").length).toBeGreaterThan(3);
    const daegu = searchPlaces("대구 중구", places);
    expect(daegu).toHaveLength(1);
    expect(daegu[0]?.detail).toMatch(/대구광역시/);
  });

  it("matches without spaces or middle dots, and finds nothing for a name we don't have", () => {
    expect(names("전주시덕진구")[0]).toBe("sigungu:전주시 덕진구");
    expect(names("없는곳")).toEqual([]);
  });

  it("the box of 진주시 lies around the city (approximately 35.2°N 128.1°E)", () => {
    const [jinju] = searchPlaces("진주시", places);
    const [w, s, e, n] = jinju?.bbox ?? [0, 0, 0, 0];
    expect(w).toBeLessThan(128.1);
    expect(e).toBeGreaterThan(128.1);
    expect(s).toBeLessThan(35.2);
    expect(n).toBeGreaterThan(35.2);
  });
});

describe("the view that shows a box", () => {
  it("is centred on the box and fits it; a bigger box, a smaller zoom", () => {
    const small = viewOfBbox([128, 35, 128.1, 35.1], 1000, 800);
    const big = viewOfBbox([127, 34, 129, 36], 1000, 800);
    expect(small.lon).toBeCloseTo(128.05, 10);
    expect(small.lat).toBeCloseTo(35.05, 2);
    expect(big.zoom).toBeCloseTo(small.zoom - Math.log2(20), 0);
    // At that zoom the box's width in pixels is within the map less its padding.
    const px = (0.1 / 360) * 256 * 2 ** small.zoom;
    expect(px).toBeLessThanOrEqual(1000 - 80 + 1e-6);
  });

  it("a point gets the largest zoom", () => {
    expect(viewOfBbox([128, 35, 128, 35], 1000, 800).zoom).toBe(16);
  });
});
