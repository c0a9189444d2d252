import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { join, relative } from "node:path";
import { describe, expect, it } from "vitest";
import type { ZoneDiff } from "../../geo/diff";
import { runMain as run } from "../support/czd";
import { EXAMPLES, ROOT } from "../support/paths";

const IN = join(ROOT, "test/fixtures/diff/in");
const OUT = join(ROOT, "test/fixtures/diff/out");
const OLD = relative(ROOT, join(EXAMPLES, "jinju-two-parcels.geojson"));
const edited = (name: string): string => relative(ROOT, join(IN, `${name}.geojson`));
const expected = JSON.parse(readFileSync(join(EXAMPLES, "expected.json"), "utf8"))[
  "jinju-two-parcels.geojson"
] as { totalKm2: number; parcelKm2: number[] };

async function diffJson(a: string, b: string): Promise<ZoneDiff> {
  const r = await run("diff", a, b, "--format", "json");
  expect(r.code).toBe(0);
  return JSON.parse(r.stdout) as ZoneDiff;
}

const figure = (d: ZoneDiff, key: string) => d.figures.find((f) => f.key === key);

/** The text table, exactly as reviewed by eye (test/fixtures/diff/out; REGEN=1 rewrites it). */
async function expectGolden(name: string, a: string, b: string): Promise<void> {
  const r = await run("diff", a, b);
  expect(r.code).toBe(0);
  const path = join(OUT, `${name}.txt`);
  if (process.env.REGEN || !existsSync(path)) writeFileSync(path, r.stdout);
  expect(r.stdout).toBe(readFileSync(path, "utf8"));
}

describe("czd diff: the shared example against edited copies (issue 22)", () => {
  it("a parcel added", async () => {
    const d = await diffJson(OLD, edited("jinju-p3-added"));
    expect(d.parcels.added.map((p) => p.id)).toEqual(["P3"]);
    expect(d.parcels.removed).toEqual([]);
    expect(d.parcels.reshaped).toEqual([]);
    expect(d.parcels.kept.map((p) => p.id)).toEqual(["P1", "P2"]);
    const area = figure(d, "area.totalKm2");
    expect(area?.old).toBeCloseTo(expected.totalKm2, 5);
    // The square's own area, ~1.0009 km² (0.011° × 0.009° at 35.14°N).
    expect(area?.delta).toBeCloseTo(d.parcels.added[0]?.km2 ?? 0, 9);
    expect(area?.delta).toBeGreaterThan(0.99);
    expect(area?.delta).toBeLessThan(1.01);
    await expectGolden("p3-added", OLD, edited("jinju-p3-added"));
  });

  it("a parcel removed", async () => {
    const d = await diffJson(OLD, edited("jinju-p2-removed"));
    expect(d.parcels.removed.map((p) => p.id)).toEqual(["P2"]);
    expect(figure(d, "area.totalKm2")?.delta).toBeCloseTo(-(expected.parcelKm2[1] ?? 0), 3);
    expect(figure(d, "parcels.count")).toMatchObject({ old: 2, new: 1, delta: -1 });
    // Without P2 the smallest enclosing circle is P1's own, so the envelope moved and shrank.
    expect(figure(d, "envelope.reachKm")?.delta).toBeLessThan(-3);
    await expectGolden("p2-removed", OLD, edited("jinju-p2-removed"));
  });

  it("a parcel reshaped (scaled by 1.1: area × 1.21)", async () => {
    const d = await diffJson(OLD, edited("jinju-p1-reshaped"));
    expect(d.parcels.reshaped).toHaveLength(1);
    const [p] = d.parcels.reshaped;
    expect(p).toMatchObject({ oldId: "P1", newId: "P1", matchedBy: "id" });
    expect((p?.newKm2 ?? 0) / (p?.oldKm2 ?? 1)).toBeCloseTo(1.21, 2);
    expect(d.parcels.kept.map((k) => k.id)).toEqual(["P2"]);
    await expectGolden("p1-reshaped", OLD, edited("jinju-p1-reshaped"));
  });

  it("an envelope moved: a filed circle 2 km east of the inferred one", async () => {
    const d = await diffJson(OLD, edited("jinju-envelope-moved"));
    expect(d.parcels.kept).toHaveLength(2);
    expect(figure(d, "envelope.given")).toMatchObject({ old: "false", new: "true", changed: true });
    const moved = figure(d, "envelope.centerMovedKm");
    expect(moved?.new).toBeGreaterThan(1.98);
    expect(moved?.new).toBeLessThan(2.02);
    expect(figure(d, "envelope.radiusKm")).toMatchObject({ new: 10 });
    await expectGolden("envelope-moved", OLD, edited("jinju-envelope-moved"));
  });

  it("every edit at once, P1 re-filed as A1 and matched by overlap", async () => {
    const d = await diffJson(OLD, edited("jinju-amended"));
    expect(d.parcels.added.map((p) => p.id)).toEqual(["P3"]);
    expect(d.parcels.removed.map((p) => p.id)).toEqual(["P2"]);
    expect(d.parcels.reshaped).toEqual([
      expect.objectContaining({ oldId: "P1", newId: "A1", matchedBy: "overlap" }),
    ]);
    await expectGolden("amended", OLD, edited("jinju-amended"));
  });

  it("필지 added and removed when both versions name PNUs", async () => {
    const d = await diffJson(edited("jinju-pnu-old"), edited("jinju-pnu-new"));
    expect(d.pnu).toEqual({
      added: ["4817010100100030000", "4817010100100040001"],
      removed: ["4817010100100020000"],
      kept: 3,
      changed: [],
      partialM2: { old: {}, new: {} },
    });
    const none = await diffJson(OLD, edited("jinju-p3-added"));
    expect(none.pnu).toBeNull();
    await expectGolden("pnu", edited("jinju-pnu-old"), edited("jinju-pnu-new"));
  });

  it("필지 in part: 편입 면적 changed (whole ↔ part, a part's m²), and 필지 added in part", async () => {
    const [a, b] = [edited("jinju-partial-old"), edited("jinju-partial-new")];
    const d = await diffJson(a, b);
    expect(d.pnu).toEqual({
      added: ["4817010100200450000", "4817010200100130000"],
      removed: ["4817010100100020000"],
      kept: 2,
      changed: [
        { pnu: "4817010100100030000", oldM2: 120.5, newM2: null, deltaM2: null },
        { pnu: "4817010100100040001", oldM2: 300, newM2: 412.25, deltaM2: 112.25 },
      ],
      partialM2: {
        old: { "4817010100100030000": 120.5, "4817010100100040001": 300 },
        new: {
          "4817010100100040001": 412.25,
          "4817010100200450000": 88.1,
          "4817010200100130000": 10,
        },
      },
    });
    await expectGolden("partial", a, b);
    const en = await run("diff", a, b, "--lang", "en");
    expect(en.stdout).toContain(
      "Land parcels (PNU): added 2, removed 1, area included changed 2, kept 2",
    );
    expect(en.stdout).toContain(
      "  ~ 4817010100100040001: part 300 m² → part 412.25 m² (+112.25 m²)",
    );
    expect(en.stdout).toContain(
      "  + 4817010100200450000 (part 88.1 m²), 4817010200100130000 (part 10 m²)",
    );
    const html = await run("diff", a, b, "--format", "html");
    expect(html.stdout).toContain("4817010100100030000: 일부 120.5㎡ → 전체");
  });

  it("parcel roles: a role given is a change, and the area by role old → new", async () => {
    const d = await diffJson(
      OLD,
      relative(ROOT, join(ROOT, "test/fixtures/roles/jinju-roles.geojson")),
    );
    expect(d.parcels.roleChanged).toEqual([
      { id: "P1", oldRole: null, newRole: "core" },
      { id: "P2", oldRole: null, newRole: "partner" },
    ]);
    expect(figure(d, "roles.core")).toMatchObject({ old: 0, new: 6 });
    expect(figure(d, "roles.none")?.old).toBe(figure(d, "area.totalKm2")?.old);
    const none = await diffJson(OLD, edited("jinju-p3-added"));
    expect(none.figures.some((f) => f.key.startsWith("roles."))).toBe(false);
    expect(none.parcels.roleChanged).toEqual([]);
  });

  it("a file compared with itself: nothing added, removed or reshaped, every difference 0", async () => {
    const d = await diffJson(OLD, OLD);
    expect(d.parcels.added.length + d.parcels.removed.length + d.parcels.reshaped.length).toBe(0);
    for (const f of d.figures) expect(f.changed).toBe(false);
  });

  it("HTML: both versions on one map, added green, removed red, kept grey; A4 print CSS", async () => {
    const r = await run("diff", OLD, edited("jinju-amended"), "--format", "html");
    expect(r.code).toBe(0);
    expect(r.stdout).toContain("@page { size: A4");
    const svg = r.stdout.slice(r.stdout.indexOf("<svg"), r.stdout.indexOf("</svg>"));
    expect(svg.match(/class="added"/g)).toHaveLength(2);
    expect(svg.match(/class="removed"/g)).toHaveLength(1);
    expect(svg.match(/class="was"/g)).toHaveLength(1);
    expect(svg).toContain('class="env-old"');
    expect(svg).toContain('class="env-new"');
    const kept = await run("diff", OLD, edited("jinju-p3-added"), "--format", "html");
    expect(kept.stdout.match(/class="kept"/g)).toHaveLength(2);
  });

  it("exit 2 naming the file that can't be read; refuses one file", async () => {
    const r = await run("diff", OLD, join(ROOT, "test/fixtures/cli/not-json.geojson"));
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/not-json\.geojson/);
    expect(r.stdout).toBe("");
    const one = await run("diff", OLD);
    expect(one.code).toBe(2);
  });
});
