/**
 * The reviewer's desk in the app (issue 22): several filings in one table with the CLI's rows,
 * a row opening that filing's report, and two versions of a zone compared — the diff map and
 * table the same as `czd diff`'s, printed on A4.
 */
import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { basename, join } from "node:path";
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import {
  type BatchRow,
  batchCells,
  figureValue,
  findingTitle,
  loadRuleSet,
  type ZoneDiff,
} from "../../geo/index";
import { runMain } from "../support/czd";
import { EXAMPLES, ROOT } from "../support/paths";
import { type AppPage, openAppAt } from "./browser";

const EXAMPLE_FILES = [
  "busan-radius-over.geojson",
  "jincheon-cap-15003.geojson",
  "jinju-epsg5179.geojson",
  "jinju-two-parcels.geojson",
].map((f) => join(EXAMPLES, f));
const NOT_JSON = join(ROOT, "test/fixtures/cli/not-json.geojson");
const OLD = join(EXAMPLES, "jinju-two-parcels.geojson");
const NEW = join(ROOT, "test/fixtures/diff/in/jinju-amended.geojson");
const RULES = join(ROOT, "public/data/rules/opportunity-zone.json");

/** The batch fixtures stamped with the 기회발전특구 rules, as a 시·도 would file them. */
function stampedCopies(): string[] {
  const dir = mkdtempSync(join(tmpdir(), "czd-desk-oz-"));
  return ["busan-gangseo", "busan-gijang", "gyeongnam-gimhae"].map((name) => {
    const filing = JSON.parse(
      readFileSync(join(ROOT, `test/fixtures/batch/${name}.geojson`), "utf8"),
    );
    filing.czd = { ...filing.czd, ruleSet: "opportunity-zone-2024" };
    const path = join(dir, `${name}.geojson`);
    writeFileSync(path, JSON.stringify(filing));
    return path;
  });
}

let app: AppPage;
let page: Page;

beforeAll(async () => {
  app = await openAppAt(inject("baseUrl"), "#9/35.2/128.1");
  page = app.page;
  await page.evaluate(() => {
    window.print = () => undefined;
  });
  // The 기회발전특구 example rules, for the caps over several zones below.
  await page.getByTestId("import-rules").setInputFiles(RULES);
  await page
    .getByTestId("rule-set")
    .locator("option", { hasText: "기회발전특구" })
    .waitFor({ state: "attached" });
  await page.getByTestId("reviewer-mode").click();
});

afterAll(async () => {
  await app?.close();
});

describe("reviewer mode: several filings and two versions (issue 22)", () => {
  it("opens several filings in one table whose rows are the CLI's, a bad file listed with its message", async () => {
    await page.getByTestId("desk-files").setInputFiles([...EXAMPLE_FILES, NOT_JSON]);
    const rows = page.getByTestId("desk-row");
    await expect.poll(() => rows.count()).toBe(5);
    await expect
      .poll(() => page.getByTestId("desk-summary").textContent())
      .toBe("5건: 적합 2, 부적합 2, 읽을 수 없음 1");
    const cli = await runMain("check", ...EXAMPLE_FILES, "--format", "json");
    const cliRows = (JSON.parse(cli.stdout) as { filings: BatchRow[] }).filings;
    for (const [k, row] of cliRows.entries()) {
      const cells = await rows.nth(k).locator("td").allTextContents();
      // The CLI's cells, but the rule set and the findings by their titles (issue 21: no ids or
      // codes in the Korean view).
      const want = batchCells({ ...row, file: basename(row.file) }, "ko");
      if (row.ok) {
        want[3] = loadRuleSet(row.ruleSet).name.ko;
        want[8] = [
          ...row.errors.map((c) => findingTitle(c)[0]),
          ...row.warnings.map((c) => `(${findingTitle(c)[0]})`),
        ].join(", ");
      }
      expect(cells).toEqual(want);
      expect(cells.join(" ")).not.toMatch(/\b[A-Z]+_[A-Z_]+\b|phase-\d/);
    }
    expect(await rows.nth(4).textContent()).toContain("not-json.geojson");
    expect(await rows.nth(4).textContent()).toContain("읽을 수 없음");
    expect(app.errors).toEqual([]);
  });

  it("sums the zones of each 시·도 where the rule set caps them together (capScope sido)", async () => {
    const files = stampedCopies();
    await page.getByTestId("desk-files").setInputFiles(files);
    await expect.poll(() => page.getByTestId("desk-row").count()).toBe(3);
    const caps = page.getByTestId("desk-sido-cap");
    await expect.poll(() => caps.count()).toBe(2);
    const cli = await runMain("check", ...files, "--rules", RULES);
    expect(cli.code).toBe(1);
    const cliLines = cli.stdout.split("\n").filter((l) => l.startsWith("시·도 전체 면적 상한"));
    expect(await caps.allTextContents()).toEqual(cliLines);
    expect(cliLines[0]).toMatch(/부산광역시 \(KR-26\) 지구 2개 .* 초과 — 부적합$/);
    await page.getByTestId("desk-files").setInputFiles([...EXAMPLE_FILES, NOT_JSON]);
    await expect.poll(() => page.getByTestId("desk-row").count()).toBe(5);
  });

  it("a row opens that filing's report", async () => {
    await page.getByTestId("desk-row").nth(0).click();
    await expect
      .poll(() => page.getByTestId("review-file-name").textContent())
      .toBe("busan-radius-over.geojson");
  });

  it("two versions: the diff map and the table of czd diff, printed on A4", async () => {
    await page.getByTestId("diff-old").setInputFiles(OLD);
    await page.getByTestId("diff-new").setInputFiles(NEW);
    await page.getByTestId("diff-map").waitFor();
    expect(await page.getByTestId("diff-parcels").textContent()).toBe(
      "구역: 추가 1, 삭제 1, 변경 1, 유지 0",
    );
    const src = await page.getByTestId("diff-map").getAttribute("src");
    const svg = decodeURIComponent(src?.replace(/^data:image\/svg\+xml;charset=utf-8,/, "") ?? "");
    expect(svg.match(/class="added"/g)).toHaveLength(2);
    expect(svg.match(/class="removed"/g)).toHaveLength(1);
    // The table: every figure as `czd diff --format json` gives it for the same two files.
    const cli = await runMain("diff", OLD, NEW, "--format", "json");
    const diff = JSON.parse(cli.stdout) as ZoneDiff;
    const table = page.getByTestId("diff-table");
    for (const f of diff.figures) {
      const cells = await table.locator(`tr[data-key="${f.key}"] td`).allTextContents();
      expect(cells.slice(0, 2)).toEqual([figureValue(f, "old", "ko"), figureValue(f, "new", "ko")]);
    }
    await page.getByTestId("diff-print").click();
    const sheet = page.getByTestId("print-sheet");
    await expect.poll(() => sheet.textContent()).toContain("클러스터 지구 변경 비교");
    expect(await sheet.textContent()).toContain("P1 → A1");
    const dir = mkdtempSync(join(tmpdir(), "czd-desk-"));
    const pdf = join(dir, "diff.pdf");
    writeFileSync(pdf, await page.pdf({ format: "A4", printBackground: true }));
    const info = execFileSync("pdfinfo", [pdf], { encoding: "utf8" });
    expect(info).toMatch(/Page size:.*\(A4\)/);
    const text = execFileSync("pdftotext", ["-layout", pdf, "-"], { encoding: "utf8" });
    expect(text).toContain("클러스터 지구 변경 비교");
    expect(text).toMatch(/P1 → A1/);
    await page.getByTestId("print-close").click();
    expect(app.errors).toEqual([]);
  });

  it("in plan mode, sums the project's zones of each 시·도 under such a rule set, as the CLI does", async () => {
    const files = stampedCopies();
    await page.getByTestId("reviewer-mode").click();
    for (const file of files) await page.getByTestId("import-file").setInputFiles(file);
    await page.getByTestId("project-caps-check").click();
    const caps = page.getByTestId("project-cap");
    await expect.poll(() => caps.count()).toBe(2);
    const cli = await runMain("check", ...files, "--rules", RULES);
    const cliLines = cli.stdout.split("\n").filter((l) => l.startsWith("시·도 전체 면적 상한"));
    // The app names zones, not files; the sentences name neither, so they are the same.
    expect(await caps.allTextContents()).toEqual(cliLines);
  });
});
