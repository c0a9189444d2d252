import { readFileSync } from "node:fs";
import { join, relative } from "node:path";
import { describe, expect, it } from "vitest";
import type { Report } from "../../geo/index";
import type { SidoCapTotal } from "../../geo/report";
import { areaCapKm2For, parseCustomRuleSet } from "../../geo/rules";
import { runMain as run } from "../support/czd";
import { ROOT } from "../support/paths";

const RULES = join(ROOT, "public/data/rules/opportunity-zone.json");
const at = (name: string): string => relative(ROOT, join(ROOT, "test/fixtures/batch", name));
const BUSAN = [at("busan-gangseo.geojson"), at("busan-gijang.geojson")];
const GIMHAE = at("gyeongnam-gimhae.geojson");

describe("caps over several zones: capScope 'sido' (issue 22)", () => {
  it("two Busan zones that each pass alone fail together: 2.50 + 2.50 km² over 150만 평 ≈ 4.959 km²", async () => {
    for (const file of [...BUSAN, GIMHAE]) {
      const one = await run("check", file, "--rules", RULES);
      expect(one.code).toBe(0);
    }
    const r = await run("check", ...BUSAN, GIMHAE, "--rules", RULES, "--format", "json");
    expect(r.code).toBe(1);
    const out = JSON.parse(r.stdout) as { sidoCaps: SidoCapTotal[] };
    const busan = out.sidoCaps.find((c) => c.sido.code === "KR-26");
    expect(busan?.files).toEqual(BUSAN);
    expect(busan?.capKm2).toBe(4.958678);
    expect(busan?.totalKm2).toBeGreaterThan(4.99);
    expect(busan?.overKm2).toBeCloseTo((busan?.totalKm2 ?? 0) - 4.958678, 6);
    const gyeongnam = out.sidoCaps.find((c) => c.sido.code === "KR-48");
    expect(gyeongnam).toMatchObject({ capKm2: 6.61157, overKm2: 0, files: [GIMHAE] });
    const text = await run("check", ...BUSAN, GIMHAE, "--rules", RULES);
    expect(text.stdout).toMatch(
      /부산광역시 \(KR-26\) 지구 2개 합계 4\.99\d㎢ \/ 상한 4\.959㎢, 0\.0\d\d㎢ 초과 — 부적합/,
    );
  });

  it("one zone a 시·도 within its cap passes the batch", async () => {
    const r = await run("check", BUSAN[0] as string, GIMHAE, "--rules", RULES);
    expect(r.code).toBe(0);
  });

  it("a rule set without capScope sums nothing (phase-1-2: no 시·도 line)", async () => {
    const r = await run("check", ...BUSAN, GIMHAE, "--format", "json");
    expect(JSON.parse(r.stdout).sidoCaps).toBeUndefined();
  });

  it("the 광역시 cap is the zone's own cap too, decided in one place", async () => {
    const rules = parseCustomRuleSet(JSON.parse(readFileSync(RULES, "utf8")));
    expect(areaCapKm2For(rules, "KR-26")).toBe(4.958678);
    expect(areaCapKm2For(rules, "KR-48")).toBe(6.61157);
    expect(areaCapKm2For(rules, null)).toBe(6.61157);
    const r = await run("check", BUSAN[0] as string, "--rules", RULES, "--format", "json");
    expect((JSON.parse(r.stdout) as Report).area.capKm2).toBe(4.958678);
  });

  it("the shipped example says it is as reported and to be confirmed, and converts 평 right", () => {
    const raw = JSON.parse(readFileSync(RULES, "utf8"));
    const rules = parseCustomRuleSet(raw);
    expect(rules.published).toBe(false);
    expect(rules.capScope).toBe("sido");
    expect(rules.note?.ko).toContain("확인이 필요");
    expect(rules.note?.en).toContain("to be confirmed");
    const pyeongM2 = 400 / 121;
    expect(rules.metroAreaCapKm2).toBeCloseTo((1_500_000 * pyeongM2) / 1e6, 6);
    expect(rules.areaCapKm2).toBeCloseTo((2_000_000 * pyeongM2) / 1e6, 5);
  });

  it("refuses a capScope other than zone or sido, naming the field", () => {
    const raw = JSON.parse(readFileSync(RULES, "utf8"));
    expect(() => parseCustomRuleSet({ ...raw, capScope: "nation" })).toThrow(/capScope/);
  });
});
