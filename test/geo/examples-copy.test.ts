/**
 * The in-repo examples are copies of ../shared/examples: where that folder exists (the team's
 * machines, CI), they must still be identical to it. A clone without it has nothing to compare.
 */
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { EXAMPLES, SHARED_EXAMPLES } from "../support/paths";

const copied = readdirSync(EXAMPLES).filter((f) => f !== "README.md");

describe.runIf(existsSync(SHARED_EXAMPLES))("test/fixtures/examples against ../shared", () => {
  it.each(copied)("%s is identical to the shared copy", (name) => {
    expect(readFileSync(join(EXAMPLES, name))).toEqual(readFileSync(join(SHARED_EXAMPLES, name)));
  });

  it("copies every shared filing and its answers", () => {
    const shared = readdirSync(SHARED_EXAMPLES).filter((f) => f !== "README.md");
    expect(copied.sort()).toEqual(shared.sort());
  });
});

describe("test/fixtures/examples", () => {
  it("holds the four example filings and their answers", () => {
    const expected = JSON.parse(readFileSync(join(EXAMPLES, "expected.json"), "utf8"));
    expect(Object.keys(expected).sort()).toEqual(
      copied.filter((f) => f.endsWith(".geojson")).sort(),
    );
  });
});
