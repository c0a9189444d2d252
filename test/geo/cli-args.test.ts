/**
 * The CLI's own argument parser (issue 18): errors in Korean and English naming the argument and
 * its place, never Node's English ("Unknown option '--cap'. To specify a positional argument
 * …"), and negative numbers as values (`--cap-km2 -5`, then refused by the command's own check).
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { parseCliArgs } from "../../geo/cli/args";
import { isFilingError } from "../../geo/errors";
import { expectHonest, runCli, tempFile } from "../support/fuzz";

const OPTIONS = {
  rules: { type: "string" },
  hubs: { type: "string", multiple: true },
  "cap-km2": { type: "string" },
  output: { type: "string", short: "o" },
  verbose: { type: "boolean" },
  format: { type: "string", default: "text" },
} as const;

const NODE_TEXT =
  /To specify a positional|ERR_PARSE_ARGS|Unknown option '|Option '.*' argument missing/;

describe("parseCliArgs", () => {
  it("takes values, repeated values, short names, = forms, flags and positionals", () => {
    const { values, positionals } = parseCliArgs(
      [
        "a.geojson",
        "--rules",
        "phase-3",
        "--hubs",
        "h1.csv",
        "--hubs=h2.csv",
        "-o",
        "out.html",
        "--verbose",
        "b.zip",
      ],
      OPTIONS,
    );
    expect(positionals).toEqual(["a.geojson", "b.zip"]);
    expect(values).toMatchObject({
      rules: "phase-3",
      hubs: ["h1.csv", "h2.csv"],
      output: "out.html",
      verbose: true,
      format: "text",
    });
  });

  it("takes a negative number as a value, not as an option", () => {
    expect(parseCliArgs(["--cap-km2", "-5"], OPTIONS).values["cap-km2"]).toBe("-5");
    expect(parseCliArgs(["--cap-km2", "-0.5e1"], OPTIONS).values["cap-km2"]).toBe("-0.5e1");
  });

  it("names an unknown option and a missing value in Korean and English", () => {
    for (const [args, en] of [
      [["x", "--cap", "5"], /argument 2 '--cap' is not an option/],
      [["x", "--rules"], /argument 2 '--rules' needs a value/],
      [["--rules", "--hubs", "h.csv"], /argument 1 '--rules' needs a value/],
      [["--verbose=yes"], /--verbose takes no value/],
    ] as const) {
      try {
        parseCliArgs(args, OPTIONS);
        expect.unreachable();
      } catch (e) {
        expect(isFilingError(e) && e.en).toMatch(en);
        expect(isFilingError(e) && e.ko).toMatch(/번째 인자/);
      }
    }
  });

  it("generated: any argument list parses or fails with one Korean/English line, never Node's text", () => {
    const token = fc.oneof(
      fc.constantFrom(
        "--rules",
        "--hubs",
        "--cap-km2",
        "-o",
        "--verbose",
        "--format",
        "--",
        "-",
        "--cap",
        "-x",
        "--hubs=a",
        "--verbose=1",
        "-5",
        "-0.5",
        "--=",
        "---",
      ),
      fc.string({ maxLength: 8 }),
    );
    fc.assert(
      fc.property(fc.array(token, { maxLength: 10 }), (args) => {
        try {
          const { values, positionals } = parseCliArgs(args, OPTIONS);
          expect(Array.isArray(positionals)).toBe(true);
          expect(values.format).toBeDefined();
        } catch (e) {
          expect(isFilingError(e)).toBe(true);
          if (!isFilingError(e)) return;
          expect(e.ko).toMatch(/[가-힣]/);
          expect(`${e.ko} ${e.en}`).not.toMatch(NODE_TEXT);
          expect(e.en).not.toContain("\n");
        }
      }),
      { seed: 1881, numRuns: 400 },
    );
  });
});

describe("czd answers argument errors in one line", () => {
  it("--cap-km2 -5 reaches propose's own check: a clear refusal, exit 2", async () => {
    const firms = tempFile("firms.csv", "name,lat,lon\nA,35.1,128.1\nB,35.11,128.11\n");
    const run = await runCli(["propose", firms, "--shape", "circle", "--cap-km2", "-5"]);
    expectHonest(run);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain("--cap-km2 -5");
    expect(run.stderr).toContain("0보다 큰");
  });

  it("an unknown option to check says which, with no Node text", async () => {
    const run = await runCli(["check", "x.geojson", "--cap", "5"]);
    expectHonest(run);
    expect(run.stderr).toMatch(/'--cap'/);
    expect(run.stderr).not.toMatch(NODE_TEXT);
  });
});
