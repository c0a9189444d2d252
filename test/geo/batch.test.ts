import { existsSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join, relative } from "node:path";
import { describe, expect, it } from "vitest";
import type { Report } from "../../geo/index";
import { type BatchRow, batchRowOf, type CheckedRow, displayWidth } from "../../geo/report";
import { runMain as run, runCzd } from "../support/czd";
import { EXAMPLES, ROOT } from "../support/paths";

const FIX = join(ROOT, "test/fixtures/cli");
const GOLDEN = join(ROOT, "test/fixtures/batch/examples-table.txt");
/** The shared examples as a reviewer globs them (`czd check test/fixtures/examples/*.geojson`). */
const EXAMPLE_FILES = readdirSync(EXAMPLES)
  .filter((f) => f.endsWith(".geojson"))
  .sort()
  .map((f) => relative(ROOT, join(EXAMPLES, f)));

interface BatchJson {
  summary: { count: number; pass: number; fail: number; unreadable: number };
  filings: (BatchRow & { report?: Report })[];
}

describe("czd check of several filings (issue 22)", () => {
  it("checks every file: a compliant one followed by a failing one is not a pass", async () => {
    const r = await run(
      "check",
      join(EXAMPLES, "jinju-two-parcels.geojson"),
      join(EXAMPLES, "busan-radius-over.geojson"),
    );
    expect(r.code).toBe(1);
    expect(r.stdout).toContain("busan-radius-over.geojson");
    expect(r.stdout).toContain("RADIUS");
    expect(r.stdout).toContain("2건: 적합 1, 부적합 1");
  });

  it("lists a file it can't read with its message, checks the others, and exits 2", async () => {
    const r = await run(
      "check",
      join(FIX, "not-json.geojson"),
      join(EXAMPLES, "jinju-two-parcels.geojson"),
      "--format",
      "json",
    );
    expect(r.code).toBe(2);
    const out = JSON.parse(r.stdout) as BatchJson;
    expect(out.summary).toEqual({ count: 2, pass: 1, fail: 0, unreadable: 1 });
    const [bad, good] = out.filings;
    expect(bad?.ok).toBe(false);
    expect(bad && !bad.ok && bad.message.en).toMatch(/not-json\.geojson.*not JSON/i);
    expect(good?.ok && good.verdict).toBe("pass");
    expect(r.stderr).toMatch(/^czd: .*not-json\.geojson/);
    expect(r.stderr.trim().split("\n")).toHaveLength(1);
  });

  it("exits 0 only when every filing complies", async () => {
    const r = await run(
      "check",
      join(EXAMPLES, "jinju-two-parcels.geojson"),
      join(EXAMPLES, "jinju-epsg5179.geojson"),
    );
    expect(r.code).toBe(0);
    expect(r.stdout).toContain("2건: 적합 2, 부적합 0");
  });

  it("golden: the table of the shared examples equals their single reports, row by row", async () => {
    const batch = await run("check", ...EXAMPLE_FILES, "--format", "json");
    expect(batch.code).toBe(1);
    const out = JSON.parse(batch.stdout) as BatchJson;
    expect(out.filings.map((f) => f.file)).toEqual(EXAMPLE_FILES);
    for (const [k, file] of EXAMPLE_FILES.entries()) {
      const single = await run("check", file, "--format", "json");
      const report = JSON.parse(single.stdout) as Report;
      const { report: inBatch, ...row } = out.filings[k] as CheckedRow & { report: Report };
      expect(inBatch).toEqual(report);
      expect(row).toEqual(batchRowOf(file, undefined, report));
      expect(row.verdict).toBe(report.verdict);
      expect(row.totalKm2).toBe(report.area.totalKm2);
      expect(row.reachKm).toBe(report.envelope.reachKm);
      expect(row.limitKm).toBe(report.envelope.limitKm);
      expect(row.hubs).toBe(report.hubs.counts.total);
      expect([...row.errors, ...row.warnings].sort()).toEqual(
        report.findings
          .filter((f) => f.severity !== "info")
          .map((f) => f.code)
          .sort(),
      );
    }
    // The text form: the table as reviewed by eye (REGEN=1 rewrites it), then each report verbatim.
    const text = await run("check", ...EXAMPLE_FILES);
    const table = text.stdout.slice(0, text.stdout.indexOf("\n== "));
    if (process.env.REGEN || !existsSync(GOLDEN)) writeFileSync(GOLDEN, table);
    expect(table).toBe(readFileSync(GOLDEN, "utf8"));
    for (const file of EXAMPLE_FILES) {
      const single = await run("check", file);
      expect(text.stdout).toContain(`== ${file} ==\n${single.stdout}`);
    }
  });

  it("one file prints exactly what czd check always printed (no table)", async () => {
    const r = await run("check", join(EXAMPLES, "jinju-two-parcels.geojson"));
    expect(r.stdout.startsWith("클러스터 지구 검토 결과: 적합\n")).toBe(true);
    expect(r.stdout).not.toContain("==");
  });

  it("CSV: a BOM, a header and one row a filing, numbers unformatted", async () => {
    const r = await run("check", ...EXAMPLE_FILES, "--format", "csv", "--lang", "en");
    expect(r.code).toBe(1);
    expect(
      r.stdout.startsWith(
        "\uFEFFFile,Zone,Province,Rule set,Verdict,Area (km²),Reach (km),Limit (km),Hubs,Findings\r\n",
      ),
    ).toBe(true);
    const lines = r.stdout.trim().split("\r\n");
    expect(lines).toHaveLength(EXAMPLE_FILES.length + 1);
    const jincheon = lines.find((l) => l.includes("jincheon"));
    expect(jincheon).toMatch(/,,KR-43,phase-1-2,FAIL,15\.003,6\.544,20,0,AREA_CAP \(NO_HUB\)$/);
  });

  it("HTML: the table, then each filing's A4 report", async () => {
    const r = await run("check", ...EXAMPLE_FILES, "--format", "html");
    expect(r.stdout).toMatch(/^<!doctype html>/);
    expect(r.stdout.match(/<tr data-row=/g)).toHaveLength(EXAMPLE_FILES.length);
    expect(r.stdout.match(/<main class="czd-report">/g)).toHaveLength(EXAMPLE_FILES.length);
    expect(r.stdout).toContain('<td class="fail">부적합</td>');
  });

  it("one file as CSV or HTML is a batch of one; none at all is refused", async () => {
    const csv = await run("check", EXAMPLE_FILES[0] as string, "--format", "csv");
    expect(csv.code).toBe(1);
    expect(csv.stdout.trim().split("\r\n")).toHaveLength(2);
    const none = await run("check", "--format", "csv");
    expect(none.code).toBe(2);
    expect(none.stderr).toMatch(/검사할 파일/);
  });

  it("refuses an unknown format with exit 2", async () => {
    const r = await run("check", ...EXAMPLE_FILES, "--format", "xml");
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/--format/);
  });

  it("aligns Hangul as a terminal draws it, two cells a syllable", () => {
    expect(displayWidth("부산광역시 KR-26")).toBe(16);
    expect(displayWidth("㎢")).toBe(2);
  });
});

describe("czd check of several filings on worker threads (the built czd)", () => {
  it("--jobs 2 gives the same table, reports and exit code as --jobs 1", () => {
    const files = [...EXAMPLE_FILES, ...EXAMPLE_FILES, join(FIX, "not-json.geojson")];
    const one = runCzd("check", ...files, "--format", "json", "--jobs", "1");
    const two = runCzd("check", ...files, "--format", "json", "--jobs", "2");
    expect(one.status).toBe(2);
    expect(two.status).toBe(2);
    expect(two.stdout).toBe(one.stdout);
    expect(JSON.parse(two.stdout).filings).toHaveLength(files.length);
  });

  it("--jobs on one file is ignored: the single report as always", () => {
    const plain = runCzd("check", join(EXAMPLES, "jinju-two-parcels.geojson"));
    const jobs = runCzd("check", join(EXAMPLES, "jinju-two-parcels.geojson"), "--jobs", "2");
    expect(jobs.status).toBe(0);
    expect(jobs.stdout).toBe(plain.stdout);
  });

  it("refuses --jobs 0", () => {
    const r = runCzd("check", ...EXAMPLE_FILES, "--jobs", "0");
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/--jobs/);
  });
});
