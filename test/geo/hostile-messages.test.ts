/**
 * Messages about a broken file say which file, where, what is there and what to do (issue 18):
 * UTF-16 files (with or without BOM) are read, not reported as "Unexpected token '�'"; JSON
 * errors carry line and column and the text there; a broken rules file is a JSON error with its
 * place, not an "unknown rule set" quoting it; positions are quoted as given, never `[null, …]`.
 * Generators with fixed seeds.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { isFilingError } from "../../geo/errors";
import { readFiling } from "../../geo/index";
import { importZone } from "../../geo/io/registry";
import { decodeText, detectUtf16 } from "../../geo/io/text";
import { loadRuleSet } from "../../geo/rules/load";
import phase12 from "../../geo/rules/phase-1-2.json";
import { errorOf } from "../support/filing";
import { expectHonest, runCli, tempFile } from "../support/fuzz";

const FIXTURE = readFileSync(join(__dirname, "../fixtures/io/jincheon-korean.geojson"), "utf8");

function utf16(text: string, be: boolean, bom: boolean): Uint8Array {
  const units = (bom ? "\uFEFF" : "") + text;
  const out = new Uint8Array(units.length * 2);
  for (let i = 0; i < units.length; i++) {
    const c = units.charCodeAt(i);
    out[2 * i + (be ? 1 : 0)] = c & 0xff;
    out[2 * i + (be ? 0 : 1)] = c >> 8;
  }
  return out;
}

/** Line and column (1-based) of a character offset: the oracle for the messages. */
function lineColumn(text: string, offset: number): [number, number] {
  const before = text.slice(0, offset).split("\n");
  return [before.length, (before.at(-1)?.length ?? 0) + 1];
}

const V8_TEXT = /Unexpected|JSON at position|is not valid JSON|Expected property/;

describe("UTF-16 is read", () => {
  it("the filing as UTF-16 LE and BE, with and without BOM, imports as its UTF-8 self", async () => {
    const plain = await importZone(new TextEncoder().encode(FIXTURE), "z.geojson");
    for (const be of [false, true]) {
      for (const bom of [false, true]) {
        const zone = await importZone(utf16(FIXTURE, be, bom), "z.geojson");
        expect(zone.parcels.map((p) => p.name)).toEqual(plain.parcels.map((p) => p.name));
        expect(zone.parcels[0]?.geometry).toEqual(plain.parcels[0]?.geometry);
      }
    }
  });

  it("generated: any text survives UTF-16 with or without BOM; UTF-8 and CP949 are never taken for it", () => {
    fc.assert(
      fc.property(
        fc.string({ minLength: 2, maxLength: 200, unit: "grapheme" }),
        fc.boolean(),
        fc.boolean(),
        (raw, be, bom) => {
          // Text a GIS file would hold: ASCII structure around the generated words.
          const text = `{"name": ${JSON.stringify(raw)}, "type": "FeatureCollection"}`;
          expect(decodeText(utf16(text, be, bom))).toBe(text);
          expect(detectUtf16(new TextEncoder().encode(text))).toBeNull();
        },
      ),
      { seed: 1871, numRuns: 200 },
    );
  });
});

describe("JSON errors name the line, the column and the text there", () => {
  it("generated: a character broken into a valid filing is reported by its place, in one line, without V8's English", () => {
    const lines = FIXTURE.split("\n").length;
    fc.assert(
      fc.property(
        fc.nat({ max: FIXTURE.length - 1 }),
        fc.constantFrom(",", "}", "]", "x", ":", '"'),
        (at, junk) => {
          const broken = FIXTURE.slice(0, at) + junk + FIXTURE.slice(at);
          try {
            JSON.parse(broken);
            return; // still JSON (a comma inside a string)
          } catch {}
          const e = errorOf(() => readFiling(broken));
          expect(e.code).toBe("NOT_JSON");
          const m = /line (\d+), column (\d+)/.exec(e.en);
          expect(m).not.toBeNull();
          const line = Number(m?.[1]);
          expect(line).toBeGreaterThanOrEqual(lineColumn(broken, at)[0]);
          expect(line).toBeLessThanOrEqual(lines + 1);
          expect(e.ko).toMatch(/\d+행 \d+열/);
          for (const text of [e.en, e.ko]) {
            expect(text).not.toMatch(V8_TEXT);
            expect(text).not.toContain("\n");
          }
        },
      ),
      { seed: 1872, numRuns: 150 },
    );
  });

  it("a broken rules file is a JSON error with its line and column, not an unknown rule set", async () => {
    const text = JSON.stringify({ ...phase12, id: "my-rules" }, null, 2).replace(
      '"areaCapKm2": 15',
      '"areaCapKm2": 15,,',
    );
    const e = errorOf(() => loadRuleSet(text));
    expect(e.code).toBe("BAD_RULES");
    expect(e.en).toMatch(/line \d+, column \d+/);
    expect(e.en).not.toMatch(/Unknown rule set/);
    const rules = tempFile("rules.json", text);
    const filing = tempFile("z.geojson", FIXTURE);
    const run = await runCli(["check", filing, "--rules", rules, "--lang", "en"]);
    expectHonest(run);
    expect(run.stderr).toContain("rules.json");
    expect(run.stderr).toMatch(/line \d+, column \d+/);
  });

  it("generated: rules files cut anywhere are refused with their place", () => {
    const text = JSON.stringify({ ...phase12, id: "cut-rules" }, null, 2);
    fc.assert(
      fc.property(fc.integer({ min: 1, max: text.length - 1 }), (cut) => {
        const e = errorOf(() => loadRuleSet(text.slice(0, cut)));
        expect(e.code).toBe("BAD_RULES");
        expect(e.en).toMatch(/line \d+, column \d+/);
      }),
      { seed: 1873, numRuns: 60 },
    );
  });
});

describe("values are quoted as given", () => {
  it("a position [1e999, 36.85] is shown with Infinity, not null", () => {
    const text = FIXTURE.replace(/\[\s*127\.[0-9]+/, "[1e999");
    try {
      readFiling(text);
      expect.unreachable();
    } catch (e) {
      expect(isFilingError(e) && e.en).toContain("Infinity");
      expect(isFilingError(e) && e.en).not.toMatch(/\[null/);
    }
  });
});
