/**
 * The report as JSON text, exactly as `czd check --format json` prints it and the app's reviewer
 * mode downloads it: one serialisation, so the two files compare byte for byte.
 */
import type { Report } from "../types";

export function reportJson(report: Report): string {
  return `${JSON.stringify(report, null, 2)}\n`;
}
