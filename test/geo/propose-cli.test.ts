import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { encodeText } from "../../geo/io/text";
import { runMain as run } from "../support/czd";
import { createFirmRows, DAEGU_CLUMPS, firmCsv, JINJU_CLUMPS } from "../support/firms";

function tempFile(name: string, data: string | Uint8Array): string {
  const path = join(mkdtempSync(join(tmpdir(), "czd-propose-")), name);
  writeFileSync(path, data);
  return path;
}

interface Summary {
  shape: string;
  envelope: { shape: string; radiusKm?: number; limitKm?: number };
  weight: { covered: number; total: number; share: number };
  parcels: { count: number; km2: number };
  hubs: { total: number };
  optimality: { bound: number; method: string };
}

const jinju = () => tempFile("firms.csv", firmCsv(createFirmRows(1, 400, JINJU_CLUMPS)));

describe("czd propose", () => {
  for (const shape of ["circle", "belt", "polygon"] as const) {
    it(`writes a ${shape} filing that czd check passes, and the JSON summary of FILING.md`, async () => {
      const out = join(mkdtempSync(join(tmpdir(), "czd-propose-")), `${shape}.geojson`);
      const r = await run(
        "propose",
        jinju(),
        "--shape",
        shape,
        "--weight",
        "종업원수",
        "--format",
        "json",
        "-o",
        out,
      );
      expect(r.stderr).toBe("");
      expect(r.code).toBe(0);
      const s = JSON.parse(r.stdout) as Summary;
      expect(s.shape).toBe(shape);
      expect(s.envelope.shape).toBe(shape);
      expect(s.weight.covered).toBeGreaterThan(0);
      expect(s.weight.covered).toBeLessThanOrEqual(s.optimality.bound);
      expect(s.weight.share).toBeCloseTo(s.weight.covered / s.weight.total, 9);
      expect(s.parcels.km2).toBeLessThanOrEqual(15);
      expect(s.parcels.count).toBeGreaterThan(0);
      expect(typeof s.hubs.total).toBe("number");
      expect(s.optimality.method).not.toBe("");
      const filing = JSON.parse(readFileSync(out, "utf8")) as { czd: { ruleSet: string } };
      expect(filing.czd.ruleSet).toBe("phase-3");
      const check = await run("check", out, "--format", "json");
      expect(
        JSON.parse(check.stdout).findings.filter(
          (f: { severity: string }) => f.severity === "error",
        ),
      ).toEqual([]);
      expect(check.code).toBe(0);
    }, 60_000);
  }

  it("is within 1% of its bound for a circle", async () => {
    const r = await run("propose", jinju(), "--shape", "circle", "--format", "json");
    const s = JSON.parse(r.stdout) as Summary;
    expect(s.weight.covered / s.optimality.bound).toBeGreaterThanOrEqual(0.99);
    expect(s.envelope.radiusKm).toBe(20);
  });

  it("takes the 10 km radius where the firms are in a 광역시, read from CP949", async () => {
    const csv = encodeText(firmCsv(createFirmRows(2, 300, DAEGU_CLUMPS)), "cp949");
    const r = await run(
      "propose",
      tempFile("daegu.csv", csv),
      "--shape",
      "circle",
      "--format",
      "json",
    );
    expect(r.code).toBe(0);
    const s = JSON.parse(r.stdout) as Summary;
    expect(s.envelope.radiusKm).toBe(10);
    expect(s.envelope.limitKm).toBe(10);
  });

  it("reads GeoJSON points and keeps under a smaller --cap-km2", async () => {
    const rows = createFirmRows(3, 200, JINJU_CLUMPS);
    const geojson = {
      type: "FeatureCollection",
      features: rows.map((f) => ({
        type: "Feature",
        properties: { 매출액: f.staff * 10 },
        geometry: { type: "Point", coordinates: [f.lon, f.lat] },
      })),
    };
    const path = tempFile("firms.geojson", JSON.stringify(geojson));
    const r = await run(
      "propose",
      path,
      "--shape",
      "circle",
      "--weight",
      "매출액",
      "--cap-km2",
      "5",
      "--format",
      "json",
    );
    expect(r.code).toBe(0);
    expect((JSON.parse(r.stdout) as Summary).parcels.km2).toBeLessThanOrEqual(5);
  });

  it("proposes whole candidate sites with --sites: inside, under the cap, never overlapping", async () => {
    const square = (name: string, lon: number, lat: number, size: number) => ({
      type: "Feature",
      properties: { name },
      geometry: {
        type: "Polygon",
        coordinates: [
          [
            [lon, lat],
            [lon + size, lat],
            [lon + size, lat + size],
            [lon, lat + size],
            [lon, lat],
          ],
        ],
      },
    });
    const sites = {
      type: "FeatureCollection",
      features: [
        square("진주산단", 128.09, 35.17, 0.015),
        square("진주산단 확장", 128.097, 35.175, 0.015),
        square("사천산단", 128.06, 35.07, 0.015),
        square("먼 단지", 129.3, 36.0, 0.015),
        square("큰 단지", 128.05, 35.1, 0.05),
      ],
    };
    const out = join(mkdtempSync(join(tmpdir(), "czd-propose-")), "sites.geojson");
    const r = await run(
      "propose",
      jinju(),
      "--shape",
      "circle",
      "--sites",
      tempFile("sites.geojson", JSON.stringify(sites)),
      "--format",
      "json",
      "-o",
      out,
    );
    expect(r.stderr).toBe("");
    const names = (
      JSON.parse(readFileSync(out, "utf8")) as {
        features: { properties: { name?: string; role?: string } }[];
      }
    ).features
      .filter((f) => f.properties.role !== "envelope")
      .map((f) => f.properties.name)
      .sort();
    expect(names).toHaveLength(2);
    expect(names).toContain("사천산단");
    expect(names.filter((n) => n?.startsWith("진주산단"))).toHaveLength(1);
    expect((JSON.parse(r.stdout) as Summary).parcels.km2).toBeLessThan(15);
    expect((await run("check", out)).code).toBe(0);
  });

  it("explains the belt's and the circle's optimality proof in plain words, not the method's id (ko, en)", async () => {
    for (const [shape, id] of [
      ["belt", "heaviest-cells-a-belt-meets"],
      ["circle", "branch-and-bound"],
    ] as const) {
      const out = join(mkdtempSync(join(tmpdir(), "czd-propose-")), `${shape}.geojson`);
      const ko = await run("propose", jinju(), "--shape", shape, "-o", out);
      expect(ko.code).toBe(0);
      const en = await run("propose", jinju(), "--shape", shape, "--lang", "en", "-o", out);
      expect(en.code).toBe(0);
      for (const text of [ko.stdout, en.stdout]) expect(text).not.toContain(id);
      if (shape === "belt") {
        expect(ko.stdout).toContain(
          "(증명: 두 상한 가운데 작은 값 — 어느 띠든 축 길이의 절반에 반폭을",
        );
        expect(en.stdout).toContain(
          "(proven: the smaller of two bounds — every belt lies in a circle",
        );
      } else {
        expect(ko.stdout).toContain("(증명: 분기한정법 —");
        expect(en.stdout).toContain("(proven: branch and bound —");
      }
    }
  });

  it("prints the filing on stdout without -o", async () => {
    const r = await run("propose", jinju(), "--shape", "circle");
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout).type).toBe("FeatureCollection");
  });

  it("exits 2 with one line for unusable input", async () => {
    const cases = [
      ["propose", jinju(), "--shape", "square"],
      ["propose", jinju(), "--shape", "circle", "--weight", "없는열"],
      ["propose", jinju(), "--shape", "belt", "--rules", "phase-1-2"],
      ["propose", jinju(), "--shape", "circle", "--cap-km2", "20"],
      ["propose", jinju(), "--shape", "circle", "--sido", "KR-99"],
      ["propose", tempFile("empty.csv", "위도,경도\n"), "--shape", "circle"],
      [
        "propose",
        tempFile("bad.csv", "위도,경도,종업원수\n35.1,128.1,많음\n"),
        "--shape",
        "circle",
        "--weight",
        "종업원수",
      ],
    ];
    for (const args of cases) {
      const r = await run(...args);
      expect(r.code, args.join(" ")).toBe(2);
      expect(r.stderr.trim().split("\n")).toHaveLength(1);
      expect(r.stdout).toBe("");
    }
  });

  it("exits 1 with why, in Korean and English, when the firms allow no proposal", async () => {
    // Read fine, but nothing to propose: all in 서울 (not eligible), or none in the 시·도 named.
    const cases = [
      ["propose", tempFile("seoul.csv", "위도,경도\n37.56,126.97\n"), "--shape", "circle"],
      ["propose", jinju(), "--shape", "circle", "--sido", "KR-49"],
    ];
    for (const args of cases) {
      const r = await run(...args);
      expect(r.code, args.join(" ")).toBe(1);
      expect(r.stdout).toBe("");
      const line = r.stderr.trim();
      expect(line.split("\n")).toHaveLength(1);
      expect(line).toMatch(/제안 없음 \/ no proposal: .*[가-힣].* \/ No firms/);
    }
  });
});
