/**
 * The reviewer's report: pure HTML checks, and the real thing: `czd report`'s HTML printed to
 * A4 PDF by headless Chromium, its text read back with pdftotext.
 */
import { execFileSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { checkFiling } from "../../geo/check/check";
import { main } from "../../geo/cli";
import { importZone } from "../../geo/io/registry";
import { reportHtml } from "../../geo/report/html";
import { sha256Hex } from "../../geo/report/sha256";
import { loadRuleSet } from "../../geo/rules/load";
import type { Zone } from "../../geo/types";

const FIXTURES = join(__dirname, "../fixtures/io");
const FILING = join(FIXTURES, "jincheon-korean.geojson");
// `sha256sum test/fixtures/io/jincheon-korean.geojson`
const FILING_SHA256 = "f3a2216dc64c01205e77ee38696145ffc7c45eaabef6848188b17afa7c31f454";

function has(cmd: string, arg = "--version"): boolean {
  try {
    execFileSync(cmd, [arg], { stdio: "ignore" });
    return true;
  } catch {
    return false;
  }
}

describe("sha256Hex", () => {
  it("matches the FIPS 180-2 test vector and sha256sum", async () => {
    expect(await sha256Hex(new TextEncoder().encode("abc"))).toBe(
      "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad",
    );
    expect(await sha256Hex(readFileSync(FILING))).toBe(FILING_SHA256);
  });
});

describe("reportHtml", () => {
  let zone: Zone;
  beforeAll(async () => {
    zone = await importZone(readFileSync(FILING), "jincheon-korean.geojson");
  });

  function render(z: Zone, lang: "ko" | "en" = "ko"): string {
    const ruleSet = loadRuleSet("phase-1-2");
    return reportHtml({
      report: checkFiling(z, { ruleSet }),
      zone: z,
      ruleSet,
      fileName: "a<b>.geojson",
      sha256: FILING_SHA256,
      generatedAt: "2026-01-02T03:04:05Z",
      lang,
    });
  }

  it("is one standalone A4 page: print CSS, inline SVG map, nothing fetched", () => {
    const html = render(zone);
    expect(html).toMatch(/@page \{ size: A4;/);
    expect(html).toContain("Noto Sans CJK KR");
    expect(html).toContain("<svg");
    expect(html).not.toMatch(/\b(src|href)=|@import|url\(/);
  });

  it("escapes names, and carries hash, rule set version, areas and the signature block", () => {
    const html = render({
      ...zone,
      parcels: zone.parcels.map((p) => ({ ...p, name: `<i>${p.name}</i>` })),
    });
    expect(html).toContain("a&#60;b&#62;.geojson");
    expect(html).not.toContain("<i>");
    expect(html).toContain(FILING_SHA256);
    expect(html).toContain("2021-03");
    // The oracle's total (15.003000005745877 km², shared/examples/expected.json) to 6 decimals.
    expect(html).toContain("15.003000");
    for (const word of ["검토자", "서명", "일자", "AREA_CAP"]) expect(html).toContain(word);
  });

  it("in English has English labels and messages", () => {
    const html = render(zone, "en");
    expect(html).toContain('<html lang="en">');
    expect(html).toContain("Reviewer");
    expect(html).toContain("exceeds the cap");
    expect(html).not.toContain("검토자");
  });
});

const canPrint = (existsSync("/usr/bin/chromium") || has("chromium")) && has("pdftotext", "-v");
it.runIf(process.env.CI)("CI has chromium and pdftotext", () => expect(canPrint).toBe(true));
describe.skipIf(!canPrint)("czd report → Chromium A4 PDF", () => {
  let dir = "";
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), "czd-report-"));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it("prints a clean A4 PDF whose text carries the report", async () => {
    const html = join(dir, "report.html");
    const errors: string[] = [];
    const code = await main(
      ["report", FILING, "-o", html, "--hubs", join(FIXTURES, "hubs-cp949.csv")],
      () => undefined,
      (s) => errors.push(s),
    );
    expect(errors).toEqual([]);
    expect(code).toBe(1); // 15.003 km² is over the cap: not compliant, report written anyway
    const pdf = join(dir, "report.pdf");
    execFileSync(
      "chromium",
      [
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--no-pdf-header-footer",
        `--print-to-pdf=${pdf}`,
        html,
      ],
      { stdio: "ignore", timeout: 60_000 },
    );
    const info = execFileSync("pdfinfo", [pdf], { encoding: "utf8" });
    expect(info).toMatch(/Page size:\s+594\.\d+ x 841\.\d+ pts \(A4\)/);
    const text = execFileSync("pdftotext", ["-layout", pdf, "-"], { encoding: "utf8" });
    expect(text).toContain(FILING_SHA256);
    for (const s of [
      "클러스터 지구 검토 보고서",
      "진천 똠방 산업지구",
      "음성 쀍 연구지구",
      "phase-1-2",
      "2021-03",
      "EPSG:5186",
      "AREA_CAP",
      "검토자",
      "서명",
      "일자",
      "15.003000",
    ]) {
      expect(text).toContain(s);
    }
  }, 90_000);
});
