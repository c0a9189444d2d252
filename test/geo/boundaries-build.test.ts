/**
 * public/data/sido.json, sigungu.json and sido-lite.json are built, not edited: the script
 * rebuilds them byte for byte from the KOSTAT source kept in scripts/kostat/source/ (one run, a
 * few seconds).
 */
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildBoundaries } from "../../scripts/build-boundaries";

const dir = mkdtempSync(join(tmpdir(), "czd-boundaries-"));

describe("scripts/build-boundaries.ts", () => {
  let counts: { sido: number; sigungu: number; lite: number };
  // The whole build (about 5 s alone, far longer on a busy 2-core machine): not a speed test.
  beforeAll(async () => {
    counts = await buildBoundaries(dir);
  }, 180_000);
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it("builds the 17 시·도 and the 250 시·군·구", () => {
    expect(counts).toEqual({ sido: 17, sigungu: 250, lite: 17 });
  });

  it.each(["sido.json", "sigungu.json", "sido-lite.json"])(
    "rebuilds public/data/%s byte for byte",
    (name) => {
      const built = readFileSync(join(dir, name));
      const shipped = readFileSync(join("public/data", name));
      expect(built.length).toBe(shipped.length);
      expect(built.equals(shipped)).toBe(true);
    },
  );

  it("moves 군위군 to 대구 and names 강원 and 전북 as they are named today", () => {
    const sigungu = JSON.parse(readFileSync(join(dir, "sigungu.json"), "utf8")) as {
      features: { properties: { code: string; name: string; sido: string } }[];
    };
    const gunwi = sigungu.features.find((f) => f.properties.name === "군위군");
    expect(gunwi?.properties).toMatchObject({ code: "37310", sido: "KR-27" });
    const sido = JSON.parse(readFileSync(join(dir, "sido.json"), "utf8")) as {
      features: { properties: { code: string; name: string } }[];
    };
    const names = sido.features.map((f) => f.properties.name);
    expect(names).toContain("강원특별자치도");
    expect(names).toContain("전북특별자치도");
    expect(names).not.toContain("강원도");
  });

  it("makes the first frame's 시·도 the same 17 with the same names, under a fifth of the size", () => {
    const read = (name: string) =>
      JSON.parse(readFileSync(join(dir, name), "utf8")) as {
        features: { properties: Record<string, unknown> }[];
      };
    const props = (name: string) => read(name).features.map((f) => f.properties);
    expect(props("sido-lite.json")).toEqual(props("sido.json"));
    const size = (name: string) => readFileSync(join(dir, name)).length;
    expect(size("sido-lite.json")).toBeLessThan(size("sido.json") / 5);
  });
});
