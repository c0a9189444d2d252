import { readFileSync } from "node:fs";
import { join } from "node:path";
import { area as turfArea } from "@turf/turf";
import { describe, expect, it } from "vitest";
import { checkFiling, indexHubs, loadRuleSet, readFiling } from "../../geo/index";
import type { Hub } from "../../geo/types";
import { EXAMPLES } from "../support/paths";
import {
  createGeodesicCircle,
  createParcel,
  createPolygonOfArea,
  createZone,
  offset,
} from "../support/zones";

const expected: Record<
  string,
  {
    totalKm2: number;
    parcelKm2: number[];
    mecRadiusKm: number;
    tmKm2: Record<string, number>;
    rules: string;
    verdict: string;
    codes: string[];
  }
> = JSON.parse(readFileSync(join(EXAMPLES, "expected.json"), "utf8"));

const phase12 = loadRuleSet("phase-1-2");
const phase3 = loadRuleSet("phase-3");
const errorCodes = (r: ReturnType<typeof checkFiling>) =>
  r.findings.filter((f) => f.severity === "error").map((f) => f.code);

describe("checkFiling on the shared examples (independent oracle)", () => {
  for (const [file, want] of Object.entries(expected)) {
    it(`${file}: areas, radius and verdict agree with the oracle`, () => {
      const zone = readFiling(readFileSync(join(EXAMPLES, file), "utf8"));
      for (const crs of ["EPSG:5186", "EPSG:5179", "EPSG:5187"]) {
        const r = checkFiling(zone, { ruleSet: loadRuleSet(want.rules), tmCrs: crs });
        expect(Math.abs(r.area.tm.totalKm2 - (want.tmKm2[crs] ?? 0)) * 1e6).toBeLessThan(1);
      }
      const report = checkFiling(zone, { ruleSet: loadRuleSet(want.rules) });
      expect(Math.abs(report.area.totalKm2 - want.totalKm2) * 1e6).toBeLessThan(10);
      want.parcelKm2.forEach((km2, i) => {
        expect(Math.abs((report.area.parcels[i]?.km2 ?? 0) - km2) * 1e6).toBeLessThan(10);
      });
      expect(Math.abs((report.envelope.radiusKm ?? 0) - want.mecRadiusKm) * 1000).toBeLessThan(20);
      expect(report.envelope.reachKm).toBe(report.envelope.radiusKm);
      expect(report.verdict).toBe(want.verdict);
      expect([...new Set(errorCodes(report))].sort()).toEqual([...want.codes].sort());
    });
  }

  it("busan: the 10 km metropolitan radius applies and the finding says by how much", () => {
    const zone = readFiling(readFileSync(join(EXAMPLES, "busan-radius-over.geojson"), "utf8"));
    const report = checkFiling(zone, { ruleSet: phase12 });
    expect(report.sido.code).toBe("KR-26");
    expect(report.sido.metro).toBe(true);
    expect(report.envelope.limitKm).toBe(10);
    const radius = report.findings.find((f) => f.code === "RADIUS");
    expect(radius?.figures.overKm).toBeCloseTo(11.431, 2);
    expect(radius?.message).toContain("11.431㎞");
    expect(radius?.messageEn).toContain("11.431 km over the 10 km limit");
  });
});

describe("the cap at the square metre: ellipsoidal, not spherical", () => {
  it("15.004 km² at 37°N fails, though Turf's spherical area says it is under the cap", () => {
    const polygon = createPolygonOfArea([127.5, 37], 15.004e6);
    expect(turfArea(polygon)).toBeLessThan(15e6);
    const report = checkFiling(createZone([createParcel("P1", polygon)]), { ruleSet: phase12 });
    expect(report.verdict).toBe("fail");
    expect(errorCodes(report)).toEqual(["AREA_CAP"]);
    const cap = report.findings[0];
    expect(cap?.figures.overM2).toBeGreaterThan(3990);
    expect(cap?.figures.overM2).toBeLessThan(4010);
    expect(cap?.message).toMatch(/^총면적 15\.004㎢가 상한 15㎢를/);
  });

  it("14.996 km² at 33°N passes, though Turf's spherical area says it is over the cap", () => {
    const polygon = createPolygonOfArea([126.55, 33.38], 14.996e6);
    expect(turfArea(polygon)).toBeGreaterThan(15e6);
    const report = checkFiling(createZone([createParcel("P1", polygon)]), { ruleSet: phase12 });
    expect(report.verdict).toBe("pass");
    expect(report.area.totalKm2).toBeCloseTo(14.996, 5);
  });
});

describe("the radius that applies depends on the 시·도", () => {
  // Two 1 km² parcels 22.8 km apart (NNE–SSW, inside 대구 and far from its border): the smallest
  // enclosing circle is 11.4 km + each parcel's own 0.56 km radius.
  const pair = (center: [number, number]) => [
    createParcel("P1", createGeodesicCircle(offset(center, 30, 11_400), 560)),
    createParcel("P2", createGeodesicCircle(offset(center, 210, 11_400), 560)),
  ];

  it("a zone in 대구 with a 12 km enclosing circle fails on radius", () => {
    const report = checkFiling(createZone(pair([128.59, 35.91])), { ruleSet: phase12 });
    expect(report.sido.code).toBe("KR-27");
    expect(report.sido.from).toBe("parcels");
    expect(report.envelope.radiusKm).toBeCloseTo(11.96, 1);
    expect(report.envelope.limitKm).toBe(10);
    expect(errorCodes(report)).toEqual(["RADIUS"]);
    expect(report.sido.why.ko).toContain("광역시");
  });

  it("the same shape in 경북 passes under the 20 km radius, with no border nearby to warn of", () => {
    const report = checkFiling(createZone(pair([128.73, 36.57])), { ruleSet: phase12 });
    expect(report.sido.code).toBe("KR-47");
    expect(report.envelope.limitKm).toBe(20);
    expect(report.verdict).toBe("pass");
    // Every parcel is kilometres from another 시·도 (kostat.test.ts has the near-border cases).
    expect(report.findings.map((f) => f.code)).not.toContain("SIDO_DECIDES_RADIUS");
    // A named 시·도 is the filer's word: no warning then either.
    const named = checkFiling(createZone(pair([128.73, 36.57]), null, "KR-47"), {
      ruleSet: phase12,
    });
    expect(named.findings.map((f) => f.code)).not.toContain("SIDO_DECIDES_RADIUS");
  });

  it("--sido is the claim over the filing's czd.sido, and either is checked against the parcels", () => {
    // 안동 (경북), far from 대구: the filing's 대구 is refused, --sido's 경북 stands.
    const zone = createZone(pair([128.73, 36.57]), null, "KR-27");
    expect(checkFiling(zone, { ruleSet: phase12 }).sido).toMatchObject({
      code: "KR-47",
      from: "parcels",
      claimed: "KR-27",
    });
    const named = checkFiling(zone, { ruleSet: phase12, sido: "KR-47" }).sido;
    expect(named).toMatchObject({ code: "KR-47", from: "option" });
    expect(named.claimed).toBeUndefined();
  });
});

describe("envelopes", () => {
  const center: [number, number] = [127.38, 36.35];
  const parcel = createParcel("P1", createGeodesicCircle(offset(center, 90, 3000), 500));

  it("a given circle: reach is the farthest vertex; a parcel outside is named with the overshoot", () => {
    const inside = checkFiling(createZone([parcel], { shape: "circle", center, radiusKm: 4 }), {
      ruleSet: phase12,
      sido: "KR-30",
    });
    expect(inside.envelope.given).toBe(true);
    expect(inside.envelope.reachKm).toBeCloseTo(3.5, 2);
    expect(inside.verdict).toBe("pass");
    const outside = checkFiling(createZone([parcel], { shape: "circle", center, radiusKm: 3 }), {
      ruleSet: phase12,
      sido: "KR-30",
    });
    const finding = outside.findings.find((f) => f.code === "RADIUS");
    expect(finding?.parcels).toEqual(["P1"]);
    expect(finding?.figures.overKm).toBeCloseTo(0.5, 2);
  });

  it("a belt is refused by phase-1-2 and checked against its half-width in phase-3", () => {
    const axis = [offset(center, 0, 20_000), offset(center, 180, 20_000)];
    const belt = { shape: "belt" as const, axis, halfWidthKm: 3 };
    expect(errorCodes(checkFiling(createZone([parcel], belt), { ruleSet: phase12 }))).toContain(
      "ENVELOPE_SHAPE",
    );
    const r3 = checkFiling(createZone([parcel], belt), { ruleSet: phase3 });
    expect(r3.envelope.axisLengthKm).toBeCloseTo(40, 2);
    expect(r3.envelope.reachKm).toBeCloseTo(3.5, 1);
    expect(errorCodes(r3)).toEqual(["ENVELOPE"]);
    const wide = checkFiling(createZone([parcel], { ...belt, halfWidthKm: 6 }), {
      ruleSet: phase3,
    });
    expect(wide.findings.find((f) => f.code === "ENVELOPE")?.figures.kind).toBe("BELT_WIDTH");
  });

  it("a polygon envelope holds or misses parcels", () => {
    const envelope = { shape: "polygon" as const, polygon: createGeodesicCircle(center, 5000) };
    const r = checkFiling(createZone([parcel], envelope), { ruleSet: phase3 });
    expect(r.verdict).toBe("pass");
    expect(r.envelope.areaKm2).toBeCloseTo(Math.PI * 25, 0);
    const small = { shape: "polygon" as const, polygon: createGeodesicCircle(center, 2000) };
    expect(errorCodes(checkFiling(createZone([parcel], small), { ruleSet: phase3 }))).toEqual([
      "ENVELOPE",
    ]);
  });
});

describe("overlaps, geometry, ids and hubs", () => {
  const a = createParcel("A", createGeodesicCircle([128.1, 35.18], 800));
  const b = createParcel("B", createGeodesicCircle([128.105, 35.18], 800));

  it("overlapping parcels are an error naming both", () => {
    const r = checkFiling(createZone([a, b]), { ruleSet: phase12 });
    const overlap = r.findings.find((f) => f.code === "OVERLAP");
    expect(overlap?.parcels).toEqual(["A", "B"]);
    expect(overlap?.figures.areaM2).toBeGreaterThan(100_000);
  });

  it("a bow-tie ring is INVALID_GEOMETRY with the crossing point, not a crash", () => {
    const bowtie = createParcel("X", {
      type: "Polygon",
      coordinates: [
        [
          [128.1, 35.1],
          [128.2, 35.2],
          [128.2, 35.1],
          [128.1, 35.2],
          [128.1, 35.1],
        ],
      ],
    });
    const r = checkFiling(createZone([bowtie]), { ruleSet: phase12 });
    const f = r.findings.find((x) => x.code === "INVALID_GEOMETRY");
    expect(f?.figures.kind).toBe("SELF_CROSSING");
    expect(f?.figures.lon).toBeCloseTo(128.15, 3);
    expect(r.verdict).toBe("fail");
  });

  it("duplicate ids are reported", () => {
    const twin = createParcel("A", createGeodesicCircle([128.2, 35.18], 300));
    expect(errorCodes(checkFiling(createZone([a, twin]), { ruleSet: phase12 }))).toContain(
      "DUPLICATE_ID",
    );
  });

  it("hubs strictly inside are counted by type; none gives a NO_HUB warning", () => {
    const hubs: Hub[] = [
      { name: "in", type: "technopark", geometry: { type: "Point", coordinates: [128.1, 35.18] } },
      {
        name: "other",
        type: "첨단의료복합단지",
        geometry: { type: "Point", coordinates: [128.1005, 35.1805] },
      },
      { name: "out", type: "technopark", geometry: { type: "Point", coordinates: [128.3, 35.18] } },
    ];
    const r = checkFiling(createZone([a]), { ruleSet: phase12, hubs: indexHubs(hubs) });
    expect(r.hubs.counts.technopark).toBe(1);
    expect(r.hubs.counts.첨단의료복합단지).toBe(1);
    expect(r.hubs.counts.total).toBe(2);
    expect(r.hubs.counts.innovation_city).toBe(0);
    const none = checkFiling(createZone([a]), {
      ruleSet: phase12,
      hubs: indexHubs([hubs[2] as Hub]),
    });
    expect(none.findings.map((f) => f.code)).toContain("NO_HUB");
    expect(none.verdict).toBe("pass");
  });
});

describe("an empty zone (the app's new zone)", () => {
  it("gives a report with a NO_PARCEL error instead of throwing", () => {
    const r = checkFiling(createZone([]), { ruleSet: phase12, hubs: indexHubs([]) });
    expect(r.verdict).toBe("fail");
    expect(r.findings.map((f) => f.code)).toEqual(["NO_PARCEL"]);
    expect(r.findings[0]?.message).toContain("구역이 없습니다");
    expect(r.area.totalKm2).toBe(0);
    expect(r.envelope).toEqual({ shape: "circle", given: false, limitKm: 20 });
  });
});
