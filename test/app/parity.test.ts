/**
 * App = CLI (FILING.md, "The checker"): the reviewer mode and the panel of an app booted as
 * src/main.tsx boots it (the built-in hub layer) give, for the same file, exactly the report
 * `czd check --format json` prints with no options: the stamped rule set, the embedded hubs,
 * the same `hubs.sources`.
 */
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { exportZone, importZone, provideSigungu, type Report, reportJson } from "../../geo/index";
import { importFilingBytes } from "../../src/actions/imports";
import { reviewFile } from "../../src/actions/review";
import { builtinHubLayer } from "../../src/store/builtin-hubs";
import { createAppStore } from "../../src/store/store";
import { startTestChecks, type TestChecks } from "../support/check-port";
import { runCzd } from "../support/czd";
import { EMBEDDED_HUBS, EXAMPLES, ROOT } from "../support/paths";

const PHASE3_BELT = join(ROOT, "test/fixtures/parity/jinju-belt-phase3.geojson");

/**
 * A store as src/main.tsx makes it: the built-in 혁신도시 layer and the 시·군·구 from the files
 * the app fetches.
 */
function bootedStore() {
  provideSigungu(JSON.parse(readFileSync(join(ROOT, "public/data/sigungu.json"), "utf8")));
  const store = createAppStore();
  store.getState().addHubLayer(builtinHubLayer(readFileSync(EMBEDDED_HUBS, "utf8")));
  const checks = startTestChecks(store);
  booted.push(checks);
  return { store, checks };
}

/** The checks of the stores booted by a test, stopped after it. */
let booted: TestChecks[] = [];
afterEach(() => {
  for (const checks of booted) checks.stop();
  booted = [];
});

/** The CLI's report for a file, with no options (exit 0 or 1: a report either way). */
function cliReport(path: string): string {
  const r = runCzd("check", path, "--format", "json");
  expect(r.stderr).toBe("");
  expect([0, 1]).toContain(r.status);
  return r.stdout;
}

const files: [string, string][] = [
  ...[
    "jinju-two-parcels.geojson",
    "jincheon-cap-15003.geojson",
    "busan-radius-over.geojson",
    "jinju-epsg5179.geojson",
  ].map((f): [string, string] => [f, join(EXAMPLES, f)]),
  ["phase-3 belt filing", PHASE3_BELT],
];

/** The phase-3 filing as a zipped Shapefile: no czd member survives, so phase-1-2 applies. */
async function zippedShapefile(): Promise<string> {
  const zone = await importZone(readFileSync(PHASE3_BELT), "belt.geojson");
  const shp = await exportZone(zone, "shp", "jinju-belt");
  const path = join(mkdtempSync(join(tmpdir(), "czd-parity-")), shp.fileName);
  writeFileSync(path, shp.data);
  return path;
}

describe("reviewer mode and czd check give the identical JSON report", () => {
  it.each(files)("%s", async (_label, path) => {
    await expectParity(path);
  });

  it("a zipped Shapefile", async () => {
    const report = await expectParity(await zippedShapefile());
    expect(report.ruleSet).toBe("phase-1-2");
  });
});

async function expectParity(path: string): Promise<Report> {
  const cli = cliReport(path);
  const bytes = new Uint8Array(readFileSync(path));
  const name = path.split("/").pop() as string;
  const review = await reviewFile(bootedStore().store.getState(), bytes, name);
  // Field by field (a readable diff), then byte for byte (what a reviewer would hash).
  expect(JSON.parse(reportJson(review.report))).toEqual(JSON.parse(cli));
  expect(reportJson(review.report)).toBe(cli);
  // The panel, once the same file is imported to edit, shows that report too.
  const { store, checks: panel } = bootedStore();
  expect(await importFilingBytes(store, bytes, name)).toBe(true);
  expect(reportJson(await panel.live())).toBe(cli);
  return review.report;
}

describe("the defaults both sides share", () => {
  it("a filing stamped phase-3 is checked with phase-3, counting the embedded 혁신도시", async () => {
    const report = await expectParity(PHASE3_BELT);
    expect(report.ruleSet).toBe("phase-3");
    expect(report.verdict).toBe("pass");
    expect(report.hubs.sources).toEqual([{ name: "혁신도시 (embedded, approximate)", count: 1 }]);
  });

  it("a rule set the filing names but nobody knows gets no report from either, naming it", async () => {
    const path = join(ROOT, "test/fixtures/parity/unknown-rules-stamp.geojson");
    const cli = runCzd("check", path);
    expect(cli.status).toBe(2);
    expect(cli.stderr).toContain("'phase-9'");
    const bytes = new Uint8Array(readFileSync(path));
    await expect(reviewFile(bootedStore().store.getState(), bytes, "x.geojson")).rejects.toThrow(
      /'phase-9' is unknown \(known: phase-1-2, phase-3\)/,
    );
    // Imported to edit, the zone keeps its parcels (issue 8: a state the planner recovers from
    // by picking a rule set) and the panel says why it has no verdict, never phase-1-2's.
    const { store, checks: panelChecks } = bootedStore();
    const zones = store.getState().zones.length;
    expect(await importFilingBytes(store, bytes, "x.geojson")).toBe(true);
    expect(store.getState().zones).toHaveLength(zones + 1);
    const panel = await panelChecks.live();
    expect(panel.area.totalKm2).toBe(0);
    expect(panel.findings.map((f) => f.messageEn).join()).toContain("'phase-9' is unknown");
  });
});
