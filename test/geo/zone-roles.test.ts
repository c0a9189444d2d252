import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { checkFiling, type Report, zoneRoleOf } from "../../geo/index";
import { exportZone, importZone } from "../../geo/io/registry";
import { formatReportText, reportHtml } from "../../geo/report";
import { BUILTIN_RULE_SETS } from "../../geo/rules";
import { runMain as run } from "../support/czd";
import { EXAMPLES, ROOT } from "../support/paths";

const FILE = join(ROOT, "test/fixtures/roles/jinju-roles.geojson");
const ruleSet = BUILTIN_RULE_SETS[0] as (typeof BUILTIN_RULE_SETS)[number];

async function roleReport(): Promise<Report> {
  const r = await run("check", FILE, "--format", "json", "--hubs", "none");
  return JSON.parse(r.stdout) as Report;
}

describe("parcel roles: 코어 / 연계 / 협력 (properties.zoneRole, issue 22)", () => {
  it("reads the role in English or Korean, and nothing else as one", () => {
    const p = (zoneRole: unknown) => ({ properties: { zoneRole } });
    expect(zoneRoleOf(p("core"))).toBe("core");
    expect(zoneRoleOf(p(" Partner "))).toBe("partner");
    expect(zoneRoleOf(p("연계"))).toBe("link");
    expect(zoneRoleOf(p("envelope"))).toBeNull();
    expect(zoneRoleOf(p(3))).toBeNull();
    expect(zoneRoleOf({ properties: { role: "core" } })).toBeNull();
  });

  it("sums the area per role in the report, each parcel's role beside its area", async () => {
    const report = await roleReport();
    const km2 = Object.fromEntries(report.area.parcels.map((p) => [p.id, p.km2]));
    expect(report.area.parcels.map((p) => p.zoneRole)).toEqual([
      "core",
      "partner",
      "link",
      undefined,
    ]);
    expect(report.area.roles).toEqual([
      { role: "core", km2: km2.P1, parcels: ["P1"] },
      { role: "link", km2: km2.P3, parcels: ["P3"] },
      { role: "partner", km2: km2.P2, parcels: ["P2"] },
      { role: "none", km2: km2.P4, parcels: ["P4"] },
    ]);
    const sum = (report.area.roles ?? []).reduce((s, g) => s + g.km2, 0);
    expect(sum).toBeCloseTo(report.area.totalKm2, 6);
  });

  it("a report without roles has no roles field and no zoneRole: unchanged", async () => {
    const r = await run("check", join(EXAMPLES, "jinju-two-parcels.geojson"), "--format", "json");
    const report = JSON.parse(r.stdout) as Report;
    expect("roles" in report.area).toBe(false);
    expect(report.area.parcels.every((p) => !("zoneRole" in p))).toBe(true);
  });

  it("the text and A4 reports show each role and the sum per role", async () => {
    const report = await roleReport();
    const text = formatReportText(report);
    expect(text).toMatch(/ {2}P1 \(지구 1\) \[코어\]: 6㎢/);
    expect(text).toMatch(
      / {2}역할별: 코어 6㎢ \(P1\), 연계 1\.\d+㎢ \(P3\), 협력 3\.5㎢ \(P2\), 역할 없음 0\.\d+㎢ \(P4\)/,
    );
    const zone = await importZone(readFileSync(FILE), FILE);
    const html = reportHtml({
      report: checkFiling(zone, { ruleSet }),
      zone,
      ruleSet,
      fileName: "jinju-roles.geojson",
      sha256: "0",
      generatedAt: "2026-12-06T00:00:00Z",
    });
    expect(html).toContain('<span class="role">코어 <span class="en">core</span></span>');
    expect(html.match(/class="role-total"/g)).toHaveLength(4);
  });

  for (const id of ["geojson", "geojson-5186", "shp", "shp-cp949"]) {
    it(`${id}: the role survives export and import`, async () => {
      const zone = await importZone(readFileSync(FILE), FILE);
      const file = await exportZone(zone, id, "roles");
      const bytes = typeof file.data === "string" ? new TextEncoder().encode(file.data) : file.data;
      const back = await importZone(bytes, file.fileName);
      expect(back.parcels.map(zoneRoleOf)).toEqual(["core", "partner", "link", null]);
    });
  }
});
