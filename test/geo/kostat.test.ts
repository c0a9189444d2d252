/**
 * The KOSTAT boundaries at work: parcels inside real 광역시 get their 광역시 and its 10 km limit,
 * the capital region and the sea are not eligible, the report names the 시·군·구, and a parcel
 * near another 시·도 is flagged when the 시·도 decides the radius verdict.
 */
import { readFileSync } from "node:fs";
import type { Polygon } from "geojson";
import { beforeAll, describe, expect, it } from "vitest";
import { checkFiling } from "../../geo/check/check";
import { loadEmbeddedSigungu } from "../../geo/cli/sigungu-embedded";
import { reportBodyHtml } from "../../geo/report/html";
import { formatReportText } from "../../geo/report/text";
import { loadRuleSet } from "../../geo/rules/load";
import type { Report } from "../../geo/types";
import { createPolygon, createRect } from "../support/shapes";
import { createGeodesicCircle, createParcel, createZone, offset } from "../support/zones";

const phase12 = loadRuleSet("phase-1-2");
const phase3 = loadRuleSet("phase-3");

interface MetroParcel {
  properties: { id: string; name: string; sido: string; sigungu: string; sigunguName: string };
  geometry: Polygon;
}
const metro = (
  JSON.parse(readFileSync("test/fixtures/sido/metro-parcels.geojson", "utf8")) as {
    features: MetroParcel[];
  }
).features;

/** A square parcel about 400 m a side (or `d`° half-side) centred on a point. */
function square(lon: number, lat: number, d = 0.002): Polygon {
  return createPolygon(createRect(lon - d, lat - d, lon + d, lat + d));
}

const codes = (r: Report) => r.findings.map((f) => `${f.severity}:${f.code}`);

beforeAll(() => loadEmbeddedSigungu());

describe("parcels inside real 광역시 (KOSTAT 2018, 군위군 in 대구)", () => {
  it("hold at least the 시·군·구 the issue names", () => {
    const names = metro.map((f) => f.properties.sigunguName);
    expect(metro.length).toBeGreaterThanOrEqual(20);
    for (const n of ["달성군", "군위군", "기장군", "강서구", "광산구"]) expect(names).toContain(n);
  });

  it.each(metro.map((f) => [f.properties.name, f] as const))(
    "%s: its 광역시, the 10 km limit and its 시·군·구",
    (_name, f) => {
      const report = checkFiling(createZone([createParcel("P1", f.geometry)]), {
        ruleSet: phase12,
      });
      expect(report.sido).toMatchObject({ code: f.properties.sido, from: "parcels", metro: true });
      expect(report.envelope.limitKm).toBe(10);
      expect(report.sido.sigungu?.[0]).toMatchObject({
        code: f.properties.sigungu,
        name: f.properties.sigunguName,
      });
      expect(codes(report)).not.toContain("error:REGION_NOT_ELIGIBLE");
    },
  );

  it("puts two parcels at either end of 달성군 in 대구, where they fail the 10 km radius", () => {
    const zone = createZone([
      createParcel("P1", square(128.64, 35.77)),
      createParcel("P2", square(128.41, 35.63)),
    ]);
    const report = checkFiling(zone, { ruleSet: phase12 });
    expect(report.sido.code).toBe("KR-27");
    expect(report.sido.sigungu?.map((s) => s.name)).toEqual(["달성군"]);
    expect(report.envelope.radiusKm).toBeGreaterThan(12);
    expect(formatReportText(report)).toMatch(
      /시·군·구: 달성군 \(행정표준코드 27710 · 통계청 22310\) 0\.32\d㎢/,
    );
    expect(formatReportText(report, "en")).toContain(
      "Districts: 달성군 (admin code 27710 · KOSTAT 22310)",
    );
    const html = reportBodyHtml({
      report,
      zone,
      ruleSet: phase12,
      fileName: "dalseong.geojson",
      sha256: "0".repeat(64),
      generatedAt: "2026-11-25T00:00:00Z",
    });
    expect(html).toMatch(
      /<td>시·군·구 <span class="en">Districts<\/span><\/td><td>달성군 \(27710 · 통계청 22310\) 0\.32\d km²/,
    );
    // The map draws the 시·군·구 outlines in view, named, with the source's attribution.
    expect(html).toContain('<path class="sigungu"');
    expect(html).toContain("<title>달성군</title>");
    expect(html).toContain("통계청 통계지리정보서비스(SGIS), 2018");
    expect(report.verdict).toBe("fail");
    expect(codes(report)).toContain("error:RADIUS");
  });
});

describe("eligibility (the rule set's eligibleSido)", () => {
  it("lists the 14 non-capital 시·도 in both shipped rule sets", () => {
    for (const rules of [phase12, phase3]) {
      expect(rules.eligibleSido).toHaveLength(14);
      expect(rules.eligibleSido).not.toContain("KR-11");
      expect(rules.eligibleSido).not.toContain("KR-28");
      expect(rules.eligibleSido).not.toContain("KR-41");
    }
  });

  it.each([
    ["판교 (경기 성남시 분당구)", 127.105, 37.4, "경기도", "성남시 분당구"],
    ["송도 (인천 연수구)", 126.65, 37.38, "인천광역시", "연수구"],
    ["마곡 (서울 강서구)", 126.83, 37.56, "서울특별시", "강서구"],
  ])("fails a zone at %s as not eligible", (_at, lon, lat, sidoName, sigungu) => {
    const report = checkFiling(createZone([createParcel("P1", square(lon, lat))]), {
      ruleSet: phase12,
    });
    expect(report.verdict).toBe("fail");
    const finding = report.findings.find((f) => f.code === "REGION_NOT_ELIGIBLE");
    expect(finding).toMatchObject({ severity: "error", parcels: ["P1"] });
    expect(finding?.message).toContain(sidoName);
    expect(finding?.messageEn).toContain("capital region");
    expect(finding?.message).toContain("14개 시·도");
    expect(report.sido.sigungu?.[0]?.name).toBe(sigungu);
  });

  it("fails a zone at sea, but only warns when the filing names its 시·도", () => {
    const atSea = createZone([createParcel("P1", square(130.2, 36.6))]);
    const report = checkFiling(atSea, { ruleSet: phase12 });
    expect(codes(report)).toContain("error:REGION_NOT_ELIGIBLE");
    expect(codes(report)).not.toContain("warning:SIDO_UNKNOWN");
    expect(report.sido.sigungu).toEqual([]);
    const named = checkFiling(atSea, { ruleSet: phase12, sido: "KR-47" });
    expect(named.verdict).toBe("pass");
    expect(codes(named)).toContain("warning:SIDO_OUTSIDE_BOUNDARIES");
    // A capital-region name is no way out.
    const capital = checkFiling(atSea, { ruleSet: phase12, sido: "KR-41" });
    expect(codes(capital)).toContain("error:REGION_NOT_ELIGIBLE");
  });

  it("defaults a reviewer's rules file without the field to the 14, and refuses unknown codes", () => {
    const { eligibleSido: _drop, ...published } = JSON.parse(
      readFileSync("geo/rules/phase-1-2.json", "utf8"),
    ) as Record<string, unknown>;
    // A reviewer's own copy: a built-in id is refused (issue 8), so it takes its own.
    const rest = { ...published, id: "reviewer-copy" };
    expect(loadRuleSet(rest).eligibleSido).toEqual(phase12.eligibleSido);
    expect(loadRuleSet({ ...rest, eligibleSido: ["KR-51"] }).eligibleSido).toEqual(["KR-42"]);
    expect(() => loadRuleSet({ ...rest, eligibleSido: ["KR-99"] })).toThrow(/eligibleSido/);
    expect(() => loadRuleSet({ ...rest, eligibleSido: [] })).toThrow(/eligibleSido/);
  });
});

describe("sido.sigungu", () => {
  it("splits a parcel across 시·군·구 and adds up to the ellipsoidal total", () => {
    // A 2 km square over 대구 중구 and its neighbours, and a parcel in 달성군.
    const report = checkFiling(
      createZone([
        createParcel("P1", square(128.6, 35.86, 0.01)),
        createParcel("P2", square(128.455, 35.692)),
      ]),
      { ruleSet: phase12 },
    );
    const sgg = report.sido.sigungu ?? [];
    expect(sgg.length).toBeGreaterThanOrEqual(3);
    expect(sgg.map((s) => s.name)).toContain("달성군");
    const sum = sgg.reduce((a, s) => a + s.km2, 0);
    expect(sum).toBeCloseTo(report.area.totalKm2, 5);
    expect(sgg.map((s) => s.km2)).toEqual([...sgg.map((s) => s.km2)].sort((a, b) => b - a));
  });
});

describe("a parcel near another 시·도 when the inferred 시·도 decides the radius", () => {
  // A vertex of the 대구/경북 border east of 대구, and a pair 22.8 km apart heading into 경북.
  const border: [number, number] = [128.7566, 35.9036];
  const p1 = offset(border, 60, 1100);
  const p2 = offset(p1, 60, 22_800);

  it("warns with the distance for one parcel", () => {
    const report = checkFiling(
      createZone([
        createParcel("P1", createGeodesicCircle(p1, 560)),
        createParcel("P2", createGeodesicCircle(p2, 560)),
      ]),
      { ruleSet: phase12 },
    );
    expect(report.sido.code).toBe("KR-47");
    const w = report.findings.find((f) => f.code === "SIDO_DECIDES_RADIUS");
    expect(w).toMatchObject({ severity: "warning", parcels: ["P1"] });
    const d = Number(w?.figures.distanceM);
    expect(d).toBeGreaterThan(0);
    expect(d).toBeLessThan(500);
    expect(w?.message).toContain(`P1이(가) 대구광역시 경계에서 ${d}m`);
    expect(w?.messageEn).toContain(`parcel P1 lies ${d} m from Daegu`);
  });

  it("counts every parcel near the border, nearest first", () => {
    const p3 = offset(border, 150, 1000);
    const report = checkFiling(
      createZone([
        createParcel("P1", createGeodesicCircle(p1, 560)),
        createParcel("P2", createGeodesicCircle(p2, 560)),
        createParcel("P3", createGeodesicCircle(p3, 300)),
      ]),
      { ruleSet: phase12 },
    );
    const w = report.findings.find((f) => f.code === "SIDO_DECIDES_RADIUS");
    expect(w?.parcels).toHaveLength(2);
    expect(w?.parcels).not.toContain("P2");
    expect(w?.message).toContain("구역 2개가");
    expect(w?.messageEn).toContain("2 parcels lie within 500 m of Daegu");
  });

  it("stays quiet far from any border, or when the filing names the 시·도", () => {
    const far = createZone([
      createParcel("P1", createGeodesicCircle(offset([128.73, 36.57], 30, 11_400), 560)),
      createParcel("P2", createGeodesicCircle(offset([128.73, 36.57], 210, 11_400), 560)),
    ]);
    const report = checkFiling(far, { ruleSet: phase12 });
    expect(report.sido.code).toBe("KR-47");
    expect(codes(report)).not.toContain("warning:SIDO_DECIDES_RADIUS");
  });
});
