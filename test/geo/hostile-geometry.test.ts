/**
 * Geography and size limits (issue 8): huge rings, deep nesting, the poles, the antimeridian,
 * overlapping parts of one MultiPolygon and an unclosed envelope ring.
 */
import type { Position } from "geojson";
import { describe, expect, it } from "vitest";
import { checkFiling } from "../../geo/check/check";
import { FilingError } from "../../geo/errors";
import { readFiling } from "../../geo/filing/filing";
import { ringProblems } from "../../geo/geometry/geometry";
import { searchOverlaps } from "../../geo/geometry/overlaps";
import { importZone } from "../../geo/io/registry";
import { loadRuleSet } from "../../geo/rules/load";
import { expectFilingError } from "../support/filing";
import { createRect } from "../support/shapes";
import { createGeodesicCircle, oracleAreaM2 } from "../support/zones";

const rules = loadRuleSet("phase-1-2");

function filingOf(geometry: unknown, envelope?: unknown): unknown {
  const features: unknown[] = [{ type: "Feature", properties: { id: "P1" }, geometry }];
  if (envelope) features.push(envelope);
  return { type: "FeatureCollection", features };
}

describe("big and deep input", () => {
  it("checks a 150,000-vertex parcel (it once overflowed the stack)", () => {
    const g = createGeodesicCircle([127.5, 36.5], 2000, 150_000);
    const report = checkFiling(readFiling(filingOf(g)), { ruleSet: rules });
    expect(report.area.totalKm2 * 1e6).toBeCloseTo(oracleAreaM2(g), -1);
    expect(report.findings.map((f) => f.code)).not.toContain("INVALID_GEOMETRY");
  });

  it("refuses more than a million positions before measuring any", () => {
    const ring = Array.from({ length: 1_000_001 }, (_, i) => [127 + i * 1e-7, 36]);
    const e = expectFilingError(filingOf({ type: "Polygon", coordinates: [ring] }), "BAD_FILE");
    expect(e.en).toContain("more than 1,000,000 positions");
  });

  it("refuses nesting 100,000 deep with one message, not a stack overflow", () => {
    let deep: unknown = [127, 36];
    for (let i = 0; i < 100_000; i++) deep = [deep];
    const e = expectFilingError(filingOf({ type: "Polygon", coordinates: deep }), "NOT_GEOJSON");
    expect(e.en).toContain("nests more than 64 levels");
  });
});

describe("places that can't be measured are refused", () => {
  it("a parcel touching latitude 90", () => {
    const ring = createRect(127, 89.5, 128, 90);
    const e = expectFilingError(
      filingOf({ type: "Polygon", coordinates: [ring] }),
      "BAD_COORDINATES",
    );
    expect(e.en).toContain("near a pole");
  });

  it("a parcel across the antimeridian", () => {
    const ring: Position[] = [
      [179.9, 10],
      [-179.9, 10],
      [-179.9, 10.1],
      [179.9, 10.1],
      [179.9, 10],
    ];
    const e = expectFilingError(
      filingOf({ type: "Polygon", coordinates: [ring] }),
      "BAD_COORDINATES",
    );
    expect(e.en).toContain("antimeridian");
  });
});

describe("one MultiPolygon's parts may not share area", () => {
  it("identical parts are INVALID_GEOMETRY, not twice the area", () => {
    const part = createGeodesicCircle([127.5, 36.5], 1000, 32).coordinates;
    const zone = readFiling(filingOf({ type: "MultiPolygon", coordinates: [part, part] }));
    const report = checkFiling(zone, { ruleSet: rules });
    const finding = report.findings.find((f) => f.code === "INVALID_GEOMETRY");
    expect(finding?.figures.kind).toBe("PARTS_OVERLAP");
    expect(finding?.messageEn).toContain("parts of the multipolygon overlap");
    expect(report.verdict).toBe("fail");
  });

  it("parts apart are fine", () => {
    const a = createGeodesicCircle([127.5, 36.5], 1000, 32).coordinates;
    const b = createGeodesicCircle([127.6, 36.5], 1000, 32).coordinates;
    const report = checkFiling(
      readFiling(filingOf({ type: "MultiPolygon", coordinates: [a, b] })),
      {
        ruleSet: rules,
      },
    );
    expect(report.findings.map((f) => f.code)).not.toContain("INVALID_GEOMETRY");
  });
});

describe("the envelope polygon's ring is validated like a parcel's", () => {
  it("an unclosed ring is BAD_ENVELOPE", () => {
    const parcel = createGeodesicCircle([127.5, 36.5], 1000, 32);
    const ring = createRect(127.4, 36.4, 127.6, 36.6).slice(0, 4);
    const envelope = {
      type: "Feature",
      properties: { role: "envelope", shape: "polygon" },
      geometry: { type: "Polygon", coordinates: [ring] },
    };
    const e = expectFilingError(filingOf(parcel, envelope), "BAD_ENVELOPE");
    expect(e.en).toContain("a ring is not closed");
  });
});

describe("the overlap search is bounded", () => {
  it("stops at its budget and says it did not compare every pair", () => {
    const geoms = Array.from({ length: 40 }, () => createGeodesicCircle([127.5, 36.5], 1000, 32));
    const all = geoms.map((_, i) => i);
    const capped = searchOverlaps(geoms, all, { work: 1_000_000, clippedPairs: 30 });
    expect(capped.complete).toBe(false);
    expect(capped.checkedPairs).toBe(30);
    expect(searchOverlaps(geoms.slice(0, 5), [0, 1, 2, 3, 4]).overlaps).toHaveLength(10);
  });

  it("a zone whose check was capped fails with OVERLAP_LIMIT", () => {
    const parcels = Array.from({ length: 120 }, (_, i) => ({
      id: `P${i}`,
      properties: {},
      geometry: createGeodesicCircle([127.5 + i * 1e-5, 36.5], 300, 32),
    }));
    const report = checkFiling(
      { parcels, envelope: null, meta: {}, sourceCrs: "EPSG:4326" },
      { ruleSet: rules },
    );
    const limit = report.findings.find((f) => f.code === "OVERLAP_LIMIT");
    expect(limit?.severity).toBe("error");
    expect(limit?.messageEn).toContain("the rest went unchecked");
  });
});

describe("degrees under a metre CRS member", () => {
  it("are refused, not read as metres somewhere at sea", async () => {
    const filing = {
      type: "FeatureCollection",
      crs: { type: "name", properties: { name: "urn:ogc:def:crs:EPSG::5186" } },
      features: [
        {
          type: "Feature",
          properties: { id: "P1" },
          geometry: createGeodesicCircle([127.5, 36.5], 1000, 16),
        },
      ],
    };
    const e = await importZone(
      new TextEncoder().encode(JSON.stringify(filing)),
      "deg.geojson",
    ).then(
      () => null,
      (err: unknown) => err,
    );
    expect(e).toBeInstanceOf(FilingError);
    expect((e as FilingError).code).toBe("NOT_LONLAT");
    expect((e as FilingError).en).toContain(
      "EPSG:5186 (metres) but every coordinate looks like degrees",
    );
  });
});

describe("a polygon of many holes", () => {
  /** A square at [127, 36] with n × n small square holes, plus `extra` rings. */
  function createHoled(n: number, extra: Position[][]): Position[][] {
    const step = 0.5 / (n + 1);
    const holes: Position[][] = [];
    for (let i = 0; i < n; i++) {
      for (let j = 0; j < n; j++) {
        const x = 127 + step * (i + 0.5);
        const y = 36 + step * (j + 0.5);
        holes.push(createRect(x, y, x + step / 2, y + step / 2).reverse());
      }
    }
    return [createRect(127, 36, 127.5, 36.5), ...holes, ...extra];
  }

  it("finds the one hole inside another and the one outside, among 2,500", () => {
    const step = 0.5 / 51;
    const inner = createRect(127 + step * 0.6, 36 + step * 0.6, 127 + step * 0.7, 36 + step * 0.7);
    const outside = createRect(128, 36, 128.01, 36.01);
    const rings = createHoled(50, [inner, outside]);
    const problems = ringProblems({ type: "Polygon", coordinates: rings });
    expect(problems.map((p) => [p.kind, p.ring])).toEqual([
      ["HOLE_OUTSIDE", 2501],
      ["HOLE_OUTSIDE", 2502],
    ]);
  });
});

describe("a belt axis of thousands of positions", () => {
  it("is refused with a message asking to simplify it", () => {
    const axis = Array.from({ length: 1001 }, (_, i) => [127.3 + i * 1e-4, 36.4 + (i % 2) * 1e-5]);
    const belt = {
      type: "Feature",
      properties: { role: "envelope", shape: "belt", halfWidthKm: 5 },
      geometry: { type: "LineString", coordinates: axis },
    };
    const e = expectFilingError(
      filingOf(createGeodesicCircle([127.35, 36.4], 500, 16), belt),
      "BAD_ENVELOPE",
    );
    expect(e.en).toContain("has 1001 positions: simplify it to at most 1000");
  });
});
