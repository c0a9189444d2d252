/**
 * Selections from the cadastre: the 필지 wholly inside an outline or the envelope, the 필지
 * touching a 구역, the 필지 a freehand 구역 covers whole or in part — areas to 0.01 m², as the
 * union's are — and the box index the Worker answers them from.
 */
import { readFileSync } from "node:fs";
import { feature, intersect } from "@turf/turf";
import type { Polygon, Position } from "geojson";
import { describe, expect, it } from "vitest";
import { coveredPilji, pnuProperties } from "../../geo/cadastre/parcel";
import { piljiIndex } from "../../geo/cadastre/pilji-index";
import { piljiInside } from "../../geo/cadastre/select";
import { piljiTouching, piljiWhollyInside } from "../../geo/cadastre/select-cover";
import type { Pilji } from "../../geo/cadastre/types";
import { unionPilji } from "../../geo/cadastre/union";
import { geometryBounds } from "../../geo/geometry";
import { openCadastre, readPilji } from "../../geo/io/lsmd-read";
import { geodesicAreaM2 } from "../../geo/measure/measure";

const layer = openCadastre([
  { name: "c.zip", bytes: readFileSync("test/fixtures/cadastre/LSMD_CONT_LDREG_48170.zip") },
])[0];
const pilji = layer ? [...readPilji(layer)] : [];
const byPnu = new Map(pilji.map((p) => [p.pnu, p]));

/** The ellipsoidal m² a 필지 shares with an outline, clipped directly (no shortcut). */
function sharedM2(p: Pilji, outline: Polygon): number {
  const part = intersect({
    type: "FeatureCollection",
    features: [feature(outline), feature(p.geometry)],
  });
  return part ? geodesicAreaM2(part.geometry) : 0;
}

/** A freehand 구역 over central 진주, crossing dozens of 필지. */
const freehand: Polygon = {
  type: "Polygon",
  coordinates: [
    [
      [128.1052, 35.1788],
      [128.1081, 35.1791],
      [128.1077, 35.1812],
      [128.1049, 35.1806],
      [128.1052, 35.1788],
    ],
  ],
};

/** A 32-gon about 150 m across, as an envelope polygon would be drawn. */
const envelope: Polygon = (() => {
  const ring: Position[] = [];
  for (let k = 0; k < 32; k++) {
    const a = (2 * Math.PI * k) / 32;
    ring.push([128.1065 + 0.0009 * Math.cos(a), 35.18 + 0.0007 * Math.sin(a)]);
  }
  ring.push(ring[0] as Position);
  return { type: "Polygon", coordinates: [ring] };
})();

describe("the 필지 wholly inside an outline", () => {
  it("takes from the envelope exactly the 필지 with less than 0.01 m² outside it", () => {
    const inside = new Set(piljiWhollyInside(envelope, pilji));
    expect(inside.size).toBeGreaterThan(5);
    const box = geometryBounds(envelope);
    let outsideChecked = 0;
    for (const p of pilji) {
      const b = geometryBounds(p.geometry);
      if (b[0] > box[2] || b[2] < box[0] || b[1] > box[3] || b[3] < box[1]) continue;
      const outside = geodesicAreaM2(p.geometry) - sharedM2(p, envelope);
      if (inside.has(p.pnu)) expect(outside).toBeLessThan(0.01);
      else {
        expect(outside).toBeGreaterThan(0.01);
        outsideChecked++;
      }
    }
    // The envelope cuts through 필지 too, and those are left out.
    expect(outsideChecked).toBeGreaterThan(5);
    // Stricter than the lasso: every 필지 wholly inside has its inner point inside.
    const lasso = new Set(piljiInside(envelope, pilji));
    for (const x of inside) expect(lasso.has(x)).toBe(true);
    expect(lasso.size).toBeGreaterThan(inside.size);
  });

  it("gives back the very 필지 of a 구역 built from them, not their neighbours along its edge", () => {
    const chosen = piljiWhollyInside(envelope, pilji);
    const outline = unionPilji(chosen.map((x) => byPnu.get(x)?.geometry as Polygon)) as Polygon;
    expect(piljiWhollyInside(outline, pilji).sort()).toEqual([...chosen].sort());
    // Each neighbour shares an edge with the outline, and no area: none is touching either.
    expect(piljiTouching(outline, pilji).sort()).toEqual([...chosen].sort());
  });
});

describe("the 필지 touching a 구역", () => {
  it("takes every 필지 sharing area with a freehand 구역; their union covers it, to 0.01 m²", () => {
    const touching = piljiTouching(freehand, pilji);
    const inside = piljiWhollyInside(freehand, pilji);
    expect(touching.length).toBeGreaterThan(inside.length);
    const union = unionPilji(touching.map((x) => byPnu.get(x)?.geometry as Polygon)) as Polygon;
    const covered = intersect({
      type: "FeatureCollection",
      features: [feature(union), feature(freehand)],
    });
    expect(
      Math.abs(geodesicAreaM2(covered?.geometry as Polygon) - geodesicAreaM2(freehand)),
    ).toBeLessThan(0.01);
    for (const x of touching)
      expect(sharedM2(byPnu.get(x) as Pilji, freehand)).toBeGreaterThan(0.01);
  });
});

describe("the 필지 a freehand 구역 covers", () => {
  it("lists whole and partial 필지, each partial's m² the part inside to 0.01 m²", () => {
    const covered = coveredPilji(freehand, pilji);
    const { pnu, partialPnu } = pnuProperties(covered);
    expect(pnu.length).toBeGreaterThan(10);
    expect(partialPnu.length).toBeGreaterThan(10);
    // The clip splits the 구역's geodesic edges at points on lon/lat straight lines, about 1 mm
    // off the geodesic over 250 m: the parts add up to the 구역 to 1e-6 of it (0.06 m² here).
    const total = covered.reduce((s, c) => s + c.m2, 0);
    const area = geodesicAreaM2(freehand);
    expect(Math.abs(total - area)).toBeLessThan(area * 1e-6);
    // Each partial m² is the clipped area itself, to the 0.01 m² the filing writes.
    for (const { pnu: x, m2 } of partialPnu)
      expect(Math.abs(m2 - sharedM2(byPnu.get(x) as Pilji, freehand))).toBeLessThanOrEqual(0.005);
    // Whole ones: their whole area.
    for (const c of covered.filter((y) => y.whole))
      expect(c.m2).toBe(geodesicAreaM2(c.pilji.geometry));
  });
});

describe("the 필지 box index", () => {
  it("finds the 필지 whose box meets a box, as a scan of all of them does", () => {
    const index = piljiIndex(pilji);
    const box: [number, number, number, number] = [128.105, 35.179, 128.107, 35.181];
    const scan = pilji.filter((p) => {
      const b = geometryBounds(p.geometry);
      return !(b[0] > box[2] || b[2] < box[0] || b[1] > box[3] || b[3] < box[1]);
    });
    expect(index.near(box).map((p) => p.pnu)).toEqual(scan.map((p) => p.pnu));
    expect(scan.length).toBeGreaterThan(20);
    expect(piljiIndex([]).near(box)).toEqual([]);
  });
});
