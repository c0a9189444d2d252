/**
 * `czd check` without options takes its defaults from the filing (FILING.md, "The checker"): the
 * stamped rule set, the stamped 시·도, and the embedded hub layer unless `--hubs` names files
 * (repeatable) or `none`; the report names what it counted in `hubs.sources`.
 */
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import type { Report } from "../../geo/types";
import { runMain as run } from "../support/czd";
import { EXAMPLES, ROOT } from "../support/paths";

const BELT = join(ROOT, "test/fixtures/parity/jinju-belt-phase3.geojson");
const JINJU = join(EXAMPLES, "jinju-two-parcels.geojson");
const HUBS_CSV = join(ROOT, "test/fixtures/hubs/points-lonlat.csv");
const HUBS_GEOJSON = join(ROOT, "test/fixtures/hubs/mixed.geojson");

async function report(...args: string[]): Promise<Report> {
  const r = await run("check", ...args, "--format", "json");
  expect(r.stderr).toBe("");
  return JSON.parse(r.stdout) as Report;
}

describe("czd check: the rule set and 시·도 the filing is stamped with", () => {
  it("checks a filing stamped phase-3 with phase-3, and its 시·도 from the stamp", async () => {
    const r = await report(BELT);
    expect(r.ruleSet).toBe("phase-3");
    expect(r.verdict).toBe("pass");
    expect(r.sido).toMatchObject({ code: "KR-48", from: "filing" });
  });

  it("--rules wins over the stamp (a belt is no phase-1-2 envelope)", async () => {
    const r = await report(BELT, "--rules", "phase-1-2");
    expect(r.ruleSet).toBe("phase-1-2");
    expect(r.findings.map((f) => f.code)).toContain("ENVELOPE_SHAPE");
  });

  it("an unstamped filing is checked with phase-1-2", async () => {
    expect((await report(JINJU)).ruleSet).toBe("phase-1-2");
  });

  it("a stamp it doesn't know is exit 2: one ko/en line naming it, the known ones and --rules", async () => {
    const r = await run("check", join(ROOT, "test/fixtures/parity/unknown-rules-stamp.geojson"));
    expect(r.code).toBe(2);
    expect(r.stdout).toBe("");
    expect(r.stderr.trim().split("\n")).toHaveLength(1);
    expect(r.stderr).toMatch(/'phase-9'.*phase-1-2, phase-3.*--rules/);
    expect(r.stderr).toMatch(/알 수 없습니다.*is unknown/);
  });
});

describe("czd check: the hubs it counts, and hubs.sources", () => {
  it("counts the embedded 혁신도시 layer by default", async () => {
    const r = await report(JINJU);
    expect(r.hubs.given).toBe(true);
    expect(r.hubs.counts.innovation_city).toBe(1);
    expect(r.hubs.sources).toEqual([{ name: "혁신도시 (embedded, approximate)", count: 1 }]);
    const text = await run("check", JINJU);
    expect(text.stdout).toContain("집계한 거점: 혁신도시 (embedded, approximate) 1");
  });

  it("--hubs is repeatable and replaces the embedded layer; each file is a named source", async () => {
    const r = await report(JINJU, "--hubs", HUBS_CSV, "--hubs", HUBS_GEOJSON);
    expect(r.hubs.sources.map((s) => s.name)).toEqual(["points-lonlat.csv", "mixed.geojson"]);
    expect(r.hubs.sources[0]?.count).toBe(1);
    const counted = r.hubs.sources.reduce((sum, s) => sum + s.count, 0);
    expect(counted).toBe(r.hubs.counts.total);
  });

  it("--hubs none counts nothing and names no source", async () => {
    const r = await report(JINJU, "--hubs", "none");
    expect(r.hubs).toMatchObject({ given: false, sources: [] });
    expect(r.hubs.counts.total).toBe(0);
  });

  it("--hubs none beside a hub file is a usage error (exit 2)", async () => {
    const r = await run("check", JINJU, "--hubs", "none", "--hubs", HUBS_CSV);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("--hubs none");
  });
});
