/**
 * The fuzz suites' one assertion: whatever the input, `czd` ends in an honest report (exit 0 or
 * 1, the JSON report whole, its verdict matching the exit code) or exit 2 with one clear line on
 * stderr: no stack trace, no internal error text, no escape codes, no megabyte line.
 */
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { expect } from "vitest";
import type { Report } from "../../geo/types";
import { type CliRun, runMain } from "./czd";

export type { CliRun };

export function runCli(args: string[]): Promise<CliRun> {
  return runMain(...args);
}

const dir = mkdtempSync(join(tmpdir(), "czd-fuzz-"));
let count = 0;

/** Writes `data` to a fresh temporary file named `name` and returns its path. */
export function tempFile(name: string, data: Uint8Array | string): string {
  count++;
  const path = join(dir, `${count}-${name}`);
  writeFileSync(path, data);
  return path;
}

/** Signs that an error escaped as itself instead of a sentence for people. */
const INTERNAL =
  /\bat .+:\d+:\d+|TypeError|RangeError|ReferenceError|Maximum call stack|is not a function|Cannot read prop|undefined|\bNaN\b|DataView/;

function hasControl(text: string): boolean {
  for (const c of text) {
    const code = c.charCodeAt(0);
    if (code < 0x20 || (code >= 0x7f && code <= 0x9f)) return true;
  }
  return false;
}

/**
 * Asserts the run ended honestly; returns the report for exits 0 and 1 (`--format json`).
 * With `report: false` (`czd convert -o`), exit 0 must be silent instead.
 */
export function expectHonest(run: CliRun, { report: expected = true } = {}): Report | null {
  expect([0, 1, 2]).toContain(run.code);
  if (run.code === 2) {
    expect(run.stdout).toBe("");
    expect(run.stderr).toMatch(/^czd: [^\n]+\n$/);
    const line = run.stderr.slice(0, -1);
    expect(line.length).toBeLessThan(1400);
    expect(hasControl(line)).toBe(false);
    expect(line).not.toMatch(INTERNAL);
    return null;
  }
  expect(run.stderr).toBe("");
  if (!expected) {
    expect(run).toEqual({ code: 0, stdout: "", stderr: "" });
    return null;
  }
  const report = JSON.parse(run.stdout) as Report;
  expect(report.verdict).toBe(run.code === 0 ? "pass" : "fail");
  expect(Number.isFinite(report.area.totalKm2)).toBe(true);
  for (const f of report.findings) {
    expect(f.message.length).toBeGreaterThan(0);
    expect(f.messageEn.length).toBeGreaterThan(0);
    expect(`${f.message}${f.messageEn}`).not.toMatch(/\bNaN\b|undefined/);
  }
  return report;
}
