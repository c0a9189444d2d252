import { describe, expect, it } from "vitest";
import { binFirms, firmBins } from "../../geo/propose/bins";
import { createFirms } from "../../geo/propose/firms";
import { createFirmRows, JINJU_CLUMPS } from "../support/firms";

function firmsOf(n: number) {
  const rows = createFirmRows(3, n, JINJU_CLUMPS, 0.3);
  return createFirms(
    rows.map((r) => [r.lon, r.lat]),
    rows.map((r) => r.staff),
  );
}

const sum = (fc: { features: { properties: { w?: number; n?: number } | null }[] }, k: "w" | "n") =>
  fc.features.reduce((s, f) => s + (f.properties?.[k] ?? 0), 0);

describe("firm bins for the map", () => {
  it("keep every firm and all their weight, each bin at its firms' weighted mean", () => {
    const firms = createFirms(
      [
        [128.0001, 35.0001],
        [128.0003, 35.0003],
        [128.5, 35.5],
      ],
      [1, 3, 2],
    );
    const bins = binFirms(firms, 0.01);
    expect(bins.features).toHaveLength(2);
    const first = bins.features.find((f) => f.properties?.n === 2);
    expect(first?.properties?.w).toBe(4);
    expect(first?.geometry.coordinates[0]).toBeCloseTo(128.00025, 9);
  });

  it("draw the firms themselves up to 50,000 and at most 50,000 bins past that", () => {
    const few = firmsOf(2_000);
    expect(firmBins(few).points.features).toHaveLength(2_000);
    const many = firmsOf(120_000);
    const bins = firmBins(many);
    expect(bins.points.features.length).toBeLessThanOrEqual(50_000);
    expect(sum(bins.points, "n")).toBe(120_000);
    expect(sum(bins.heat, "w")).toBe(sum(bins.points, "w"));
    expect(bins.maxHeat).toBe(Math.max(...bins.heat.features.map((f) => f.properties?.w ?? 0)));
  });
});
