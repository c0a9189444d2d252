import { readFileSync } from "node:fs";
import { area as turfArea } from "@turf/area";
import { feature, featureCollection } from "@turf/helpers";
import { intersect } from "@turf/intersect";
import * as geodesicNs from "geographiclib-geodesic";
import type { Polygon, Position } from "geojson";
import { describe, expect, it } from "vitest";
import { isFilingError } from "../../geo/errors";
import { decideSido, SIDO, sidoByCode, sidoShares } from "../../geo/sido/sido";
import boundaries from "../../public/data/sido.json";
import { EXAMPLES } from "../support/paths";

type GeodesicLib = typeof geodesicNs;
const lib: GeodesicLib =
  (geodesicNs as GeodesicLib & { default?: GeodesicLib }).default ?? geodesicNs;
const WGS84 = lib.Geodesic.WGS84;

function readPolygons(path: string): Polygon[] {
  const fc = JSON.parse(readFileSync(path, "utf8")) as { features: { geometry: Polygon }[] };
  return fc.features.map((f) => f.geometry).filter((g) => g.type === "Polygon");
}

/** A small square parcel (about 200 m a side) centred on a point. */
function createSquare(lon: number, lat: number, halfDeg = 0.001): Polygon {
  const [w, s, e, n] = [lon - halfDeg, lat - halfDeg, lon + halfDeg, lat + halfDeg];
  return {
    type: "Polygon",
    coordinates: [
      [
        [w, s],
        [e, s],
        [e, n],
        [w, n],
        [w, s],
      ],
    ],
  };
}

/** Ellipsoidal area by GeographicLib (geodesic edges): the independent oracle, km². */
function geodesicKm2(ring: Position[]): number {
  const poly = new lib.PolygonArea.PolygonArea(WGS84, false);
  for (const [lon = 0, lat = 0] of ring.slice(0, -1)) poly.AddPoint(lat, lon);
  return Math.abs(poly.Compute(false, true).area ?? 0) / 1e6;
}

describe("the 시·도 table", () => {
  it("has the 17 시·도 with unique codes, 세종 among them", () => {
    expect(SIDO).toHaveLength(17);
    expect(new Set(SIDO.map((s) => s.code)).size).toBe(17);
    expect(sidoByCode("KR-50")?.name).toBe("세종특별자치시");
  });

  it("reads codes in any case and the new 강원/전북 codes as aliases", () => {
    expect(sidoByCode("kr-27")?.name).toBe("대구광역시");
    expect(sidoByCode("KR-51")?.code).toBe("KR-42");
    expect(sidoByCode("KR-52")?.name).toBe("전북특별자치도");
    expect(sidoByCode("KR-99")).toBeUndefined();
  });

  it("marks the six 광역시 as metro and 서울/인천/경기 as capital region", () => {
    const metro = SIDO.filter((s) => s.metro).map((s) => s.code);
    expect(metro).toEqual(["KR-26", "KR-27", "KR-28", "KR-29", "KR-30", "KR-31"]);
    expect(SIDO.filter((s) => s.capital).map((s) => s.code)).toEqual(["KR-11", "KR-28", "KR-41"]);
  });

  it("matches the boundaries file feature for feature", () => {
    expect(boundaries.features.map((f) => f.properties.code)).toEqual(SIDO.map((s) => s.code));
  });
});

describe("decideSido from parcels", () => {
  it.each([
    ["대구 시청", 128.6014, 35.8714, "KR-27"],
    ["경산 (경북)", 128.74, 35.82, "KR-47"],
    ["제주", 126.53, 33.38, "KR-49"],
    ["세종 시청", 127.289, 36.48, "KR-50"],
  ])("puts a parcel near %s in its 시·도", (_name, lon, lat, code) => {
    const d = decideSido([createSquare(lon, lat)]);
    expect(d).toMatchObject({ code, from: "parcels", spans: false });
  });

  it("gives 대구 as a 광역시", () => {
    const d = decideSido([createSquare(128.6014, 35.8714)]);
    expect(d.code && sidoByCode(d.code)?.metro).toBe(true);
  });

  it.each([
    ["jinju-two-parcels.geojson", "KR-48"],
    ["jincheon-cap-15003.geojson", "KR-43"],
    ["busan-radius-over.geojson", "KR-26"],
  ])("puts the example %s in %s, with shares adding up to the oracle's area", (name, code) => {
    const expected = JSON.parse(readFileSync(`${EXAMPLES}/expected.json`, "utf8")) as Record<
      string,
      { totalKm2: number }
    >;
    const d = decideSido(readPolygons(`${EXAMPLES}/${name}`));
    expect(d.code).toBe(code);
    const sumKm2 = d.shares.reduce((a, s) => a + s.km2, 0);
    // 10 m², the examples' own tolerance.
    expect(Math.abs(sumKm2 - (expected[name]?.totalKm2 ?? 0))).toBeLessThan(1e-5);
  });

  it("says none for a parcel at sea", () => {
    const d = decideSido(readPolygons("test/fixtures/sido/east-sea.geojson"));
    expect(d).toEqual({ code: null, from: "none", shares: [], spans: false });
  });
});

describe("a parcel across the 대구/경북 border", () => {
  const geoms = readPolygons("test/fixtures/sido/daegu-gyeongbuk-straddle.geojson");
  const [parcel] = geoms;

  it("spans, and its shares add up to its geodesic area", () => {
    const d = decideSido(geoms);
    expect(d.spans).toBe(true);
    expect(d.shares.map((s) => s.code).sort()).toEqual(["KR-27", "KR-47"]);
    const sumKm2 = d.shares.reduce((a, s) => a + s.km2, 0);
    const ring = parcel?.coordinates[0] ?? [];
    expect(Math.abs(sumKm2 - geodesicKm2(ring))).toBeLessThan(1e-5);
  });

  it("splits like a polygon intersection does", () => {
    const shares = sidoShares(geoms);
    const total = shares.reduce((a, s) => a + s.km2, 0);
    for (const s of shares) {
      const f = boundaries.features.find((b) => b.properties.code === s.code);
      if (!f || !parcel) throw new Error(`no boundary for ${s.code}`);
      const piece = intersect(featureCollection([feature(parcel), feature(f.geometry as Polygon)]));
      const ratio = piece ? turfArea(piece) / turfArea(parcel) : 0;
      // turf's areas are spherical, but a ratio over one square kilometre is not affected.
      expect(s.km2 / total).toBeCloseTo(ratio, 5);
    }
  });
});

describe("a named 시·도", () => {
  const geoms = [createSquare(128.6014, 35.8714)];

  it("is a claim: where the parcels lie elsewhere, their 시·도 applies and the claim is kept", () => {
    expect(decideSido(geoms, { code: "kr-47", from: "option" })).toMatchObject({
      code: "KR-27",
      from: "parcels",
      claimed: { code: "KR-47", from: "option" },
    });
  });

  it("stands where the parcels lie in it", () => {
    expect(decideSido(geoms, { code: "kr-27", from: "option" })).toMatchObject({
      code: "KR-27",
      from: "option",
    });
  });

  it("is read through the new codes", () => {
    // 춘천, in 강원 (KR-42, now also KR-51).
    expect(
      decideSido([createSquare(127.73, 37.88)], { code: "KR-51", from: "filing" }),
    ).toMatchObject({
      code: "KR-42",
      from: "filing",
    });
  });

  it("falls back to the parcels when the filing names none", () => {
    expect(decideSido(geoms, { from: "filing" })).toMatchObject({ code: "KR-27", from: "parcels" });
  });

  it("is refused when unknown, in Korean and English", () => {
    try {
      decideSido(geoms, { code: "KR-99", from: "filing" });
      expect.unreachable();
    } catch (e) {
      expect(isFilingError(e) && e.code).toBe("UNKNOWN_SIDO");
      expect(isFilingError(e) && e.ko).toContain("KR-99");
    }
  });
});

describe("sidoShares", () => {
  it("adds parcels in one 시·도 together and orders shares largest first", () => {
    const shares = sidoShares([
      createSquare(128.6014, 35.8714),
      createSquare(128.59, 35.86),
      createSquare(128.74, 35.82, 0.002),
    ]);
    expect(shares.map((s) => s.code)).toEqual(["KR-47", "KR-27"]);
    // The 0.004° square is four times each 0.002° one: twice the two together, to within cos φ.
    expect((shares[0]?.km2 ?? 0) / (shares[1]?.km2 ?? 1)).toBeCloseTo(2, 2);
  });
});
