/**
 * docs/FILING.md is the repo's copy of the contract (../shared/FILING.md), so a user's clone has
 * it. Where the shared folder exists (the team's machines, CI), the copy must still equal it.
 */
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { ROOT, SHARED } from "../support/paths";

const COPY = join(ROOT, "docs", "FILING.md");
const SHARED_FILING = join(SHARED, "FILING.md");

describe.runIf(existsSync(SHARED_FILING))("docs/FILING.md against ../shared", () => {
  it("is identical to the shared contract", () => {
    expect(readFileSync(COPY, "utf8")).toBe(readFileSync(SHARED_FILING, "utf8"));
  });
});

describe("docs/FILING.md", () => {
  it("holds the contract's sections", () => {
    const text = readFileSync(COPY, "utf8");
    for (const heading of [
      "## Rule sets",
      "## A filing",
      "## The checker",
      "## The report (JSON)",
    ]) {
      expect(text).toContain(heading);
    }
  });
});
