import { spawnSync } from "node:child_process";
import { copyFileSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { runMain as run } from "../support/czd";
import { EXAMPLES } from "../support/paths";

const ROOT = join(__dirname, "../..");
const FIX = join(ROOT, "test/fixtures/cli");

describe("czd check: exit codes and output", () => {
  it("exit 0 and a Korean text report for a compliant filing", async () => {
    const r = await run("check", join(EXAMPLES, "jinju-two-parcels.geojson"));
    expect(r.code).toBe(0);
    expect(r.stdout).toContain("클러스터 지구 검토 결과: 적합");
    expect(r.stdout).toContain("9.5㎢");
    expect(r.stderr).toBe("");
  });

  it("exit 1 with the AREA_CAP finding, in English with --lang en", async () => {
    const r = await run("check", join(EXAMPLES, "jincheon-cap-15003.geojson"), "--lang", "en");
    expect(r.code).toBe(1);
    expect(r.stdout).toContain("Cluster zone review: FAIL");
    expect(r.stdout).toMatch(
      /AREA_CAP: Total area 15\.003 km² exceeds the cap of 15 km² by 0\.003 km² \(3,00\d m²\)/,
    );
  });

  it("--format json prints the FILING.md report", async () => {
    const r = await run("check", join(EXAMPLES, "busan-radius-over.geojson"), "--format", "json");
    expect(r.code).toBe(1);
    const report = JSON.parse(r.stdout);
    expect(Object.keys(report)).toEqual(
      expect.arrayContaining([
        "verdict",
        "ruleSet",
        "ruleSetVersion",
        "sido",
        "area",
        "envelope",
        "hubs",
        "findings",
      ]),
    );
    expect(report.sido.code).toBe("KR-26");
    expect(report.envelope.limitKm).toBe(10);
    expect(report.findings[0].code).toBe("RADIUS");
  });

  it("reads a filing with a legacy crs member and a CSV of hubs", async () => {
    const r = await run(
      "check",
      join(EXAMPLES, "jinju-epsg5179.geojson"),
      "--hubs",
      join(FIX, "hubs-jinju.csv"),
      "--format",
      "json",
    );
    expect(r.code).toBe(0);
    const report = JSON.parse(r.stdout);
    expect(report.area.totalKm2).toBeCloseTo(4, 5);
    expect(report.hubs.given).toBe(true);
    expect(report.hubs.counts.total).toBeGreaterThanOrEqual(0);
  });

  it("--rules phase-3 and a custom --crs are honoured", async () => {
    const r = await run(
      "check",
      join(EXAMPLES, "jinju-two-parcels.geojson"),
      "--rules",
      "phase-3",
      "--crs",
      "EPSG:5179",
      "--format",
      "json",
    );
    const report = JSON.parse(r.stdout);
    expect(report.ruleSet).toBe("phase-3");
    expect(report.area.tm.crs).toBe("EPSG:5179");
    expect(report.area.tm.totalKm2).toBeCloseTo(9.493261, 5);
  });

  it("checks a zipped Shapefile and counts hubs from a CP949 CSV with Korean headers", async () => {
    const zip = join(mkdtempSync(join(tmpdir(), "czd-")), "zone.zip");
    expect(
      (await run("convert", join(EXAMPLES, "jinju-two-parcels.geojson"), "--to", "shp", "-o", zip))
        .code,
    ).toBe(0);
    const r = await run(
      "check",
      zip,
      "--hubs",
      join(ROOT, "test/fixtures/io/hubs-cp949.csv"),
      "--format",
      "json",
    );
    const report = JSON.parse(r.stdout);
    expect(Math.abs(report.area.totalKm2 - 9.500000003622226) * 1e6).toBeLessThan(1);
    expect(report.hubs.given).toBe(true);
    expect(report.hubs.counts.total).toBe(
      report.hubs.counts.innovation_city + report.hubs.counts.industrial_complex,
    );
  });

  it("reads a filing saved without an extension by sniffing GeoJSON or ZIP bytes", async () => {
    const dir = mkdtempSync(join(tmpdir(), "czd-"));
    const plain = join(dir, "download");
    copyFileSync(join(EXAMPLES, "jinju-two-parcels.geojson"), plain);
    expect((await run("check", plain)).code).toBe(0);
    const zip = join(dir, "zone.zip");
    await run("convert", join(EXAMPLES, "busan-radius-over.geojson"), "--to", "shp", "-o", zip);
    const bare = join(dir, "shapefile-download");
    copyFileSync(zip, bare);
    expect((await run("check", bare)).code).toBe(1);
    const garbage = join(dir, "noext");
    writeFileSync(garbage, "hello");
    const r = await run("check", garbage);
    expect(r.code).toBe(2);
    expect(r.stderr.split("noext").length - 1).toBe(2);
  });

  it("names a bad hub file once, with the way to give the CRS", async () => {
    const dir = mkdtempSync(join(tmpdir(), "czd-"));
    const hubs = join(dir, "xy-hubs.csv");
    writeFileSync(hubs, "name,type,x,y\n진주,innovation_city,290000,180000\n");
    const r = await run("check", join(EXAMPLES, "jinju-two-parcels.geojson"), "--hubs", hubs);
    expect(r.code).toBe(2);
    expect(r.stderr.split("xy-hubs.csv").length - 1).toBe(2);
    expect(r.stderr).toContain("--hubs-crs");
  });

  it("a bow-tie ring is a finding (exit 1), not a crash", async () => {
    const r = await run("check", join(FIX, "bowtie.geojson"), "--format", "json");
    expect(r.code).toBe(1);
    expect(JSON.parse(r.stdout).findings.map((f: { code: string }) => f.code)).toContain(
      "INVALID_GEOMETRY",
    );
  });

  it("--help prints usage in Korean and English", async () => {
    const r = await run("--help");
    expect(r.code).toBe(0);
    expect(r.stdout).toContain("사용법 / usage");
  });
});

describe("czd check: unusable input is exit 2 with one clear ko/en line", () => {
  it.each([
    ["not JSON", "not-json.geojson", /JSON/],
    ["an empty collection", "empty.geojson", /empty|비어/i],
    ["no polygon", "no-polygon.geojson", /polygon|지구/i],
    ["metres without a crs member", "metres-no-crs.geojson", /crs/i],
    ["a null coordinate", "nan-coords.geojson", /coordinate|좌표/i],
    ["string coordinates", "string-coords.geojson", /coordinate|좌표/i],
    ["an unknown CRS", "unknown-crs.geojson", /32652/],
    ["a missing file", "does-not-exist.geojson", /does-not-exist/],
  ])("%s", async (_label, file, pattern) => {
    const r = await run("check", join(FIX, file));
    expect(r.code).toBe(2);
    expect(r.stdout).toBe("");
    expect(r.stderr.trim().split("\n")).toHaveLength(1);
    expect(r.stderr).toMatch(pattern);
    expect(r.stderr).toMatch(/[가-힣]/);
    expect(r.stderr).not.toMatch(/\bat .*\.ts:\d+/);
  });

  it("an unknown option and a bad rules file", async () => {
    const bogus = await run("check", join(EXAMPLES, "jinju-two-parcels.geojson"), "--bogus");
    expect(bogus.code).toBe(2);
    expect(bogus.stderr).toContain("--bogus");
    const rules = join(FIX, "empty.geojson");
    const badRules = await run(
      "check",
      join(EXAMPLES, "jinju-two-parcels.geojson"),
      "--rules",
      rules,
    );
    expect(badRules.code).toBe(2);
    expect(badRules.stderr).toMatch(/규칙 파일.*Rules file/);
  });
});

describe("the built czd (dist-cli/czd.mjs, npm run build:cli) as a process", () => {
  const czd = (...args: string[]) =>
    spawnSync(process.execPath, [join(ROOT, "dist-cli/czd.mjs"), ...args], {
      cwd: ROOT,
      encoding: "utf8",
    });

  it("exits 1 on a failing filing and 2 with no stack trace on garbage", () => {
    const fail = czd("check", join(EXAMPLES, "busan-radius-over.geojson"));
    expect(fail.status).toBe(1);
    expect(fail.stdout).toContain("부적합");
    const bad = czd("check", join(FIX, "not-json.geojson"));
    expect(bad.status).toBe(2);
    expect(bad.stderr).not.toContain("    at ");
    const help = czd("--help");
    expect(help.status).toBe(0);
    expect(help.stdout).toContain("--hubs none");
  });

  it("prints the same JSON report as the CLI run in-process, embedded hubs included", async () => {
    const file = join(EXAMPLES, "jinju-two-parcels.geojson");
    const built = czd("check", file, "--format", "json");
    expect(built.status).toBe(0);
    expect(built.stdout).toBe((await run("check", file, "--format", "json")).stdout);
    expect(JSON.parse(built.stdout).hubs.sources).toEqual([
      { name: "혁신도시 (embedded, approximate)", count: 1 },
    ]);
  });
});
