/**
 * The app's print view on paper (issue 11): Chromium prints it to A4 PDF (page.pdf, as a planner
 * prints it) and poppler reads the PDF back. It takes no more pages than the CLI's HTML report for
 * the same filing printed the same way, carries the SHA-256 and page numbers, and its map legend
 * names what each circle is.
 */
import { execFileSync } from "node:child_process";
import { createHash } from "node:crypto";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { basename, join } from "node:path";
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { runMain } from "../support/czd";
import { EXAMPLES, ROOT } from "../support/paths";
import { type AppPage, openAppAt } from "./browser";

const FILINGS = [
  join(EXAMPLES, "jincheon-cap-15003.geojson"),
  join(EXAMPLES, "busan-radius-over.geojson"),
  join(EXAMPLES, "jinju-two-parcels.geojson"),
  join(ROOT, "test/fixtures/parity/jinju-belt-phase3.geojson"),
];

let app: AppPage;
let page: Page;
let dir: string;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), "czd-print-"));
  app = await openAppAt(inject("baseUrl"), "#9/36.85/127.45");
  page = app.page;
  // The sheet calls window.print() itself; a headless page has no dialog to open.
  await page.evaluate(() => {
    window.print = () => undefined;
  });
  await page.getByTestId("reviewer-mode").click();
});

afterAll(async () => {
  await app?.close();
});

interface Printed {
  pages: number;
  text: string;
}

function readPdf(path: string, bytes: Buffer): Printed {
  writeFileSync(path, bytes);
  const info = execFileSync("pdfinfo", [path], { encoding: "utf8" });
  expect(info).toMatch(/Page size:.*\(A4\)/);
  const text = execFileSync("pdftotext", ["-layout", path, "-"], { encoding: "utf8" });
  return { pages: Number(/Pages:\s+(\d+)/.exec(info)?.[1]), text };
}

/** The CLI's HTML report for a filing, printed by the same Chromium the same way. */
async function printCli(filing: string): Promise<Printed> {
  const html = join(dir, `${basename(filing)}.html`);
  const run = await runMain("report", filing, "-o", html);
  expect(run.stderr).toBe("");
  const other = await app.context.newPage();
  await other.setContent(readFileSync(html, "utf8"));
  const pdf = await other.pdf({ format: "A4", printBackground: true });
  await other.close();
  return readPdf(join(dir, `${basename(filing)}.cli.pdf`), pdf);
}

/** The app's print view of a filing opened in reviewer mode. */
async function printApp(filing: string): Promise<Printed> {
  await page.getByTestId("reviewer-file").setInputFiles(filing);
  const hash = createHash("sha256").update(readFileSync(filing)).digest("hex");
  await expect.poll(() => page.getByTestId("review-sha256").textContent()).toBe(hash);
  await page.getByTestId("print-view").click();
  await expect.poll(() => page.getByTestId("print-sheet").textContent()).toContain(hash);
  const pdf = await page.pdf({ format: "A4", printBackground: true });
  await page.getByTestId("print-close").click();
  return readPdf(join(dir, `${basename(filing)}.app.pdf`), pdf);
}

const flat = (s: string) => s.replace(/\s+/g, "");

/** The map legend and the drawn shape's class for the examples: what each circle is and its colour. */
const LEGENDS: Record<string, { legend: string; shape: string }> = {
  // 15.003 km², no envelope, radius within 20 km: the inferred circle, blue, not an envelope.
  "jincheon-cap-15003.geojson": {
    legend: "파랑점선:모든구역을담는최소포함원,지정범위가아닙니다",
    shape: 'class="enclosing"',
  },
  // No envelope, radius over Busan's 10 km: the inferred circle in red.
  "busan-radius-over.geojson": {
    legend: "빨강점선:모든구역을담는최소포함원,지정범위가아닙니다",
    shape: 'class="enclosing over"',
  },
  "jinju-belt-phase3.geojson": {
    legend: "파랑파선:신청서의지정범위(벨트형,한도안)",
    shape: 'class="envelope"',
  },
};

describe("the print view on A4", () => {
  it("marks and names the hubs on the parcel map, as the CLI's report does", async () => {
    const filing = join(ROOT, "test/fixtures/parity/jinju-belt-phase3.geojson");
    const cli = await printCli(filing);
    const printed = await printApp(filing);
    // 경남 혁신도시 lies in P1: the only hub of the embedded layer in the parcel map's view.
    expect(flat(printed.text)).toContain("경남혁신도시(혁신도시)");
    expect(flat(cli.text)).toContain("경남혁신도시(혁신도시)");
  });

  it.each(FILINGS)(
    "%s: no more pages than the CLI's report, with hash and page numbers",
    async (filing) => {
      const cli = await printCli(filing);
      const printed = await printApp(filing);
      const hash = createHash("sha256").update(readFileSync(filing)).digest("hex");
      expect(printed.pages).toBeLessThanOrEqual(cli.pages);
      expect(printed.pages).toBeLessThanOrEqual(2);
      expect(flat(printed.text)).toContain(hash);
      expect(flat(cli.text)).toContain(hash);
      for (let n = 1; n <= printed.pages; n++)
        expect(flat(printed.text)).toContain(`${n}/${printed.pages}`);
      expect(printed.text).toContain("검토 확인");
      // The second map at parcel scale (issue 21), at the same scale on both papers.
      const scale = /구역상세지도\(축척(1:[\d,]+),A4인쇄기준\)/.exec(flat(printed.text))?.[1];
      expect(scale).toBeDefined();
      expect(flat(cli.text)).toContain(`구역상세지도(축척${scale}`);
      const want = LEGENDS[basename(filing)];
      if (want) {
        expect(flat(printed.text)).toContain(want.legend);
        // The reviewer's map is the same SVG as the paper's (reportMapSvg), shown as an image.
        const img = page.getByTestId("review-map");
        const src = decodeURIComponent((await img.getAttribute("src")) ?? "");
        expect(src).toContain(want.shape);
      }
    },
  );
});
