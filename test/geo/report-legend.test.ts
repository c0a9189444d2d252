/**
 * The report's map says what it draws (issue 11): the filed envelope dashed, or the smallest
 * enclosing circle dotted and never called 지정 범위; red when over its limit, blue within. The
 * sign-off block repeats the SHA-256, and the pages are numbered.
 */
import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { runMain } from "../support/czd";
import { EXAMPLES, ROOT } from "../support/paths";

async function reportHtmlOf(filing: string, ...args: string[]): Promise<string> {
  const out = join(mkdtempSync(join(tmpdir(), "czd-legend-")), "report.html");
  const run = await runMain("report", filing, "-o", out, ...args);
  expect(run.stderr).toBe("");
  return readFileSync(out, "utf8");
}

/** The legend paragraph right after the map. */
function legendOf(html: string): string {
  return /<\/svg><\/div><p class="note">(.*?)<\/p>/.exec(html)?.[1] ?? "";
}

describe("the report map's legend and colours", () => {
  it("calls an inferred circle over the limit the smallest enclosing circle, in red", async () => {
    const html = await reportHtmlOf(join(EXAMPLES, "busan-radius-over.geojson"));
    expect(html).toContain('class="enclosing over"');
    expect(legendOf(html)).toContain(
      "빨강 점선: 모든 구역을 담는 최소 포함원, 지정 범위가 아닙니다",
    );
    expect(legendOf(html)).not.toContain("지정 범위 (");
    expect(html).toContain('aria-label="구역과 최소 포함원 지도"');
  });

  it("draws an inferred circle within the limit in blue", async () => {
    const html = await reportHtmlOf(join(EXAMPLES, "jinju-two-parcels.geojson"), "--lang", "en");
    expect(html).toContain('class="enclosing"');
    expect(legendOf(html)).toContain(
      "blue dots: the smallest circle holding every parcel, not an envelope",
    );
  });

  it("names a filed belt as the filed envelope, by its label", async () => {
    const html = await reportHtmlOf(join(ROOT, "test/fixtures/parity/jinju-belt-phase3.geojson"));
    expect(html).toContain('class="envelope"');
    expect(legendOf(html)).toContain("파랑 파선: 신청서의 지정 범위 (벨트형, 한도 안)");
  });

  it("repeats the SHA-256 in the sign-off and numbers the pages", async () => {
    const html = await reportHtmlOf(join(EXAMPLES, "jinju-two-parcels.geojson"));
    const signOff = html.slice(html.indexOf("검토 확인"));
    expect(signOff).toMatch(/<span class="hash">[0-9a-f]{64}<\/span>/);
    expect(html).toContain('@bottom-right { content: counter(page) " / " counter(pages);');
  });
});
