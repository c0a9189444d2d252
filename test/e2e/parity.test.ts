/**
 * App = CLI in the built app: reviewer mode opens a filing stamped phase-3, and the JSON report it
 * lets the reviewer download is, byte for byte, what `czd check --format json` prints for that
 * file with no options (the stamped rule set, the embedded 혁신도시 layer, the same hubs.sources).
 */
import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { runCzd } from "../support/czd";
import { EXAMPLES, ROOT } from "../support/paths";
import { type AppPage, openAppAt } from "./browser";
import { saveDownload } from "./files";

const PHASE3_BELT = join(ROOT, "test/fixtures/parity/jinju-belt-phase3.geojson");

let app: AppPage;
let page: Page;
let dir: string;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), "czd-parity-"));
  app = await openAppAt(inject("baseUrl"), "#11/35.17/128.15");
  page = app.page;
  await page.getByTestId("reviewer-mode").click();
  await page.getByTestId("review-sha256").waitFor();
});

afterAll(async () => {
  await app?.close();
});

/** Opens `path` in reviewer mode and returns the JSON report the app downloads for it. */
async function appReport(path: string): Promise<string> {
  await page.getByTestId("reviewer-file").setInputFiles(path);
  const name = path.split("/").pop() as string;
  await expect.poll(() => page.getByTestId("review-file-name").textContent()).toBe(name);
  const saved = await saveDownload(page, dir, () => page.getByTestId("review-json").click());
  expect(saved.name).toBe(name.replace(/\.geojson$/, ".report.json"));
  return readFileSync(saved.path, "utf8");
}

function cliReport(path: string): string {
  const r = runCzd("check", path, "--format", "json");
  expect([0, 1]).toContain(r.status);
  return r.stdout;
}

describe("reviewer mode's JSON report equals czd check's", () => {
  it("for a phase-3 belt filing: phase-3 and the embedded 혁신도시 on both sides", async () => {
    const shown = await appReport(PHASE3_BELT);
    const cli = cliReport(PHASE3_BELT);
    expect(JSON.parse(shown)).toEqual(JSON.parse(cli));
    expect(shown).toBe(cli);
    const report = JSON.parse(cli);
    expect(report.ruleSet).toBe("phase-3");
    expect(report.hubs.sources).toEqual([{ name: "혁신도시 (embedded, approximate)", count: 1 }]);
    expect(await page.getByTestId("review-hub-sources").textContent()).toContain(
      "혁신도시 (내장, 대략적 위치) 1",
    );
    expect(app.errors).toEqual([]);
  });

  it("for an unstamped example filing (phase-1-2)", async () => {
    const path = join(EXAMPLES, "busan-radius-over.geojson");
    const shown = await appReport(path);
    expect(shown).toBe(cliReport(path));
    expect(JSON.parse(shown).ruleSet).toBe("phase-1-2");
  });
});
