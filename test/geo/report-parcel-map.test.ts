/**
 * The report's second map (geo/report/map-parcels.ts, issue 21): the parcels at a parcel scale,
 * every parcel whole in a panel, labels that never overlap, and the hubs in view marked and
 * named; the overview map and the sign-off still on the report.
 */
import { describe, expect, it } from "vitest";
import { checkFiling, type Hub, loadRuleSet, reportBodyHtml } from "../../geo/index";
import { parcelMapHtml, parcelMapLayout } from "../../geo/report/map-parcels";
import type { Zone } from "../../geo/types";
import { createSquare } from "../app/factories";
import { createParcel, createZone } from "../support/zones";

/** `n`×`n` squares of `sizeDeg`, touching: labels of neighbours compete for room. */
function createGridZone(n: number, sizeDeg: number): Zone {
  const parcels = [];
  for (let i = 0; i < n; i++)
    for (let j = 0; j < n; j++)
      parcels.push(
        createParcel(
          `P${i * n + j + 1}`,
          createSquare(128.1 + i * sizeDeg, 35.17 + j * sizeDeg, sizeDeg),
          `구역 ${i * n + j + 1}`,
        ),
      );
  return createZone(parcels);
}

/** Each label's box as placed, estimated as the map estimates it (mm at 0.1 mm units). */
function labelBoxes(svg: string): { x0: number; x1: number; y0: number; y1: number }[] {
  return [
    ...svg.matchAll(
      /<text class="(?:label|hub-label)" text-anchor="(\w+)" x="(-?\d+)" y="(-?\d+)">(.*?)<\/text>/g,
    ),
  ].map((m) => {
    const lines = [...(m[4] ?? "").matchAll(/<tspan[^>]*>(.*?)<\/tspan>/g)].map((t) => t[1] ?? "");
    const wide = Math.max(
      ...lines.map((l) =>
        [...l].reduce((w, c) => w + ((c.codePointAt(0) ?? 0) > 0x2e80 ? 26 : 15), 0),
      ),
    );
    const tall = lines.length * 26 * 1.2;
    const x = Number(m[2]);
    const x0 = m[1] === "middle" ? x - wide / 2 : m[1] === "start" ? x : x - wide;
    return { x0, x1: x0 + wide, y0: Number(m[3]) - tall / 2, y1: Number(m[3]) + tall / 2 };
  });
}

describe("the report's parcel map", () => {
  it("shows two far-apart parcels whole in two panels at a parcel scale", () => {
    const zone = createZone([
      createParcel("P1", createSquare(128.1, 35.17, 0.01), "서부"),
      createParcel("P2", createSquare(128.3, 35.2, 0.008), "동부"),
    ]);
    const layout = parcelMapLayout(zone);
    expect(layout?.panels).toHaveLength(2);
    // 0.01° is about 0.9 km × 1.1 km: 1:25,000 or finer on a 54 mm high panel.
    expect(layout?.scale).toBeLessThanOrEqual(25_000);
    for (const p of zone.parcels) {
      const ring = p.geometry.type === "Polygon" ? (p.geometry.coordinates[0] ?? []) : [];
      const [w = 0, s = 0] = ring[0] ?? [];
      const [e = 0, n = 0] = ring[2] ?? [];
      expect(
        layout?.panels.some(
          ({ view }) => view[0] <= w && view[1] <= s && view[2] >= e && view[3] >= n,
        ),
      ).toBe(true);
    }
  });

  it("names every parcel with its area, in the language's unit style", () => {
    const zone = createZone([createParcel("P1", createSquare(128.1, 35.17, 0.01), "서부")]);
    expect(parcelMapHtml(zone, [], "ko", "t")?.html).toMatch(
      /P1 서부<\/tspan><tspan[^>]*>\d+\.\d{3} ㎢/,
    );
    expect(parcelMapHtml(zone, [], "en", "t")?.html).toMatch(/\d+\.\d{3} km²/);
  });

  it("never lets labels overlap, leaving out what has no room", () => {
    const zone = createGridZone(6, 0.002);
    const html = parcelMapHtml(zone, [], "ko", "t")?.html ?? "";
    const panels = html.split("<svg").slice(1);
    expect(panels.length).toBeGreaterThan(0);
    let shown = 0;
    for (const panel of panels) {
      const boxes = labelBoxes(panel);
      shown += boxes.length;
      for (let a = 0; a < boxes.length; a++)
        for (let b = a + 1; b < boxes.length; b++) {
          const [p, q] = [boxes[a], boxes[b]];
          if (!p || !q) continue;
          const apart = p.x1 <= q.x0 || q.x1 <= p.x0 || p.y1 <= q.y0 || q.y1 <= p.y0;
          expect(apart).toBe(true);
        }
    }
    // Some labels drawn, not all 36 (they would overlap at this scale).
    expect(shown).toBeGreaterThan(0);
    expect(shown).toBeLessThan(36);
  });

  it("marks and names the hubs in view, and only those", () => {
    const zone = createZone([createParcel("P1", createSquare(128.1, 35.17, 0.01), "서부")]);
    const hubs: Hub[] = [
      {
        name: "가까운 산단",
        type: "industrial_complex",
        geometry: { type: "Point", coordinates: [128.105, 35.175] },
      },
      {
        name: "먼 혁신도시",
        type: "innovation_city",
        geometry: { type: "Point", coordinates: [127.0, 37.0] },
      },
    ];
    const html = parcelMapHtml(zone, hubs, "ko", "t")?.html ?? "";
    expect(html).toContain("가까운 산단 (산업단지)");
    expect(html).not.toContain("먼 혁신도시");
    expect(html.match(/class="hub"/g)).toHaveLength(1);
  });

  it("is part of the report, with its scale", () => {
    const zone = createZone([createParcel("P1", createSquare(128.1, 35.17, 0.01), "서부")]);
    const ruleSet = loadRuleSet("phase-1-2");
    const html = reportBodyHtml({
      report: checkFiling(zone, { ruleSet }),
      zone,
      ruleSet,
      fileName: "f.geojson",
      sha256: "0",
      generatedAt: "2026-01-01T00:00:00Z",
    });
    expect(html).toMatch(/구역 상세 지도 \(축척 1:\d{1,2},000, A4 인쇄 기준\)/);
    expect(html.match(/<svg/g)?.length).toBe(2);
  });
});
