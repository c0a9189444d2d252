import type { Polygon, Position } from "geojson";
import { describe, expect, it } from "vitest";
import { destination } from "../../geo/measure";
import { beltHolds, beltHoldsExactly } from "../../geo/propose/belt-holds";

function random(seed: number): () => number {
  let s = seed;
  return () => {
    s = (s * 1_103_515_245 + 12_345) % 2_147_483_648;
    return s / 2_147_483_648;
  };
}

/** A square parcel of side `sideM` turned by `turnDeg`, about `c`. */
function square(c: Position, sideM: number, turnDeg: number): Polygon {
  const ring = [45, 135, 225, 315, 45].map((a) =>
    destination(c, a + turnDeg, (sideM / 2) * Math.SQRT2),
  );
  return { type: "Polygon", coordinates: [ring] };
}

describe("beltHolds (plane first, the checker's reach near the rim)", () => {
  it("judges every parcel as the checker's edge-exact reach does, about a bent axis 50 km long", () => {
    const start: Position = [128.3, 35.1];
    const bend = destination(start, 60, 25_000);
    const axis = [start, bend, destination(bend, 150, 25_000)];
    const holds = beltHolds(axis, 5_000);
    const r = random(11);
    let inside = 0;
    let outside = 0;
    for (let k = 0; k < 1500; k++) {
      const on = r() < 0.5 ? [start, bend] : [bend, axis[2] as Position];
      const a = on[0] as Position;
      const along = destination(a, r() < 0.5 ? 60 : 150, r() * 25_000);
      // Most parcels near the rim (the 4,999 m line), some well inside or well out.
      const off = r() < 0.7 ? 3_500 + r() * 2_500 : r() * 9_000;
      const c = destination(along, r() * 360, off);
      const g = square(c, 100 + r() * 2_000, r() * 90);
      const want = beltHoldsExactly(g, axis, 5_000);
      expect(holds(g)).toBe(want);
      if (want) inside++;
      else outside++;
    }
    expect(inside).toBeGreaterThan(200);
    expect(outside).toBeGreaterThan(200);
  });

  it("fails the parcel whose corners sit on both arms of a bend but whose middle is far from it", () => {
    const a: Position = [128.0, 35.0];
    const bend = destination(a, 0, 20_000);
    const axis = [a, bend, destination(bend, 40, 20_000)];
    // A triangle with corners on the two arms, its third corner inside the bend's opening.
    const p1 = destination(bend, 180, 8_000);
    const p2 = destination(bend, 40, 8_000);
    const g: Polygon = { type: "Polygon", coordinates: [[p1, p2, bend, p1]] };
    expect(beltHolds(axis, 2_000)(g)).toBe(beltHoldsExactly(g, axis, 2_000));
    const strip: Polygon = {
      type: "Polygon",
      coordinates: [[p1, p2, destination(p2, 200, 10), p1]],
    };
    expect(beltHolds(axis, 2_000)(strip)).toBe(false);
    expect(beltHoldsExactly(strip, axis, 2_000)).toBe(false);
  });
});
