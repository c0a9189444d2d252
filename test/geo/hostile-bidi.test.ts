/**
 * Bidi controls (U+202A–202E, U+2066–2069, U+200E/F) and U+2028/2029 are shown as visible
 * escapes in every report and in the app (issue 18): `P1\u202Egnp.exe` showed as "P1exe.png" in
 * the HTML report, and U+2028 passed through the text report. Generators with fixed seeds.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { checkFiling } from "../../geo/check/check";
import { parcelTableCsv } from "../../geo/io/csv";
import { decodeText } from "../../geo/io/text";
import { reportHtml } from "../../geo/report/html";
import { formatReportText } from "../../geo/report/text";
import { loadRuleSet } from "../../geo/rules/load";
import { findingText } from "../../src/i18n/hints";
import { parcelRows } from "../../src/panels/parcel-rows";
import { createGeodesicCircle, createParcel, createZone } from "../support/zones";

const INVISIBLE = [
  0x200e, 0x200f, 0x202a, 0x202b, 0x202c, 0x202d, 0x202e, 0x2066, 0x2067, 0x2068, 0x2069, 0x2028,
  0x2029,
].map((c) => String.fromCharCode(c));
const ANY_INVISIBLE = /[\u200E\u200F\u202A-\u202E\u2066-\u2069\u2028\u2029]/;
const rules = loadRuleSet("phase-1-2");

function outputs(id: string, name: string) {
  // Two overlapping parcels, so a finding names the hostile id too.
  const zone = createZone([
    createParcel(id, createGeodesicCircle([128.1, 35.18], 800), name),
    createParcel("P2", createGeodesicCircle([128.105, 35.18], 800)),
  ]);
  const report = checkFiling(zone, { ruleSet: rules });
  const html = reportHtml({
    report,
    zone,
    ruleSet: rules,
    fileName: `${name}.geojson`,
    sha256: "0",
    generatedAt: "t",
  });
  return {
    html,
    text: formatReportText(report, "ko") + formatReportText(report, "en"),
    csv: decodeText(parcelTableCsv(zone)),
    app: [
      ...report.findings.map((f) => findingText(f, "ko")),
      ...parcelRows(
        zone.parcels,
        report,
        () => [],
        () => 0,
      ).map((r) => r.name),
    ].join("\n"),
  };
}

describe("invisible characters are shown, never passed through", () => {
  it("P1\\u202Egnp.exe reads as P1[U+202E]gnp.exe in HTML, text, CSV and the app", () => {
    const out = outputs("P1\u202Egnp.exe", "지구\u2028둘째 줄");
    for (const [where, text] of Object.entries(out)) {
      expect({ where, raw: ANY_INVISIBLE.test(text) }).toEqual({ where, raw: false });
      expect(text).toContain("P1[U+202E]gnp.exe");
    }
    expect(out.html).toContain("지구[U+2028]둘째 줄");
    expect(out.csv).toContain("지구[U+2028]둘째 줄");
  });

  it("generated: ids and names with any bidi control or separator come out escaped everywhere", () => {
    fc.assert(
      fc.property(
        fc.array(fc.oneof(fc.constantFrom(...INVISIBLE), fc.string({ maxLength: 3 })), {
          minLength: 1,
          maxLength: 8,
        }),
        fc.array(fc.oneof(fc.constantFrom(...INVISIBLE), fc.string({ maxLength: 3 })), {
          minLength: 1,
          maxLength: 8,
        }),
        (idParts, nameParts) => {
          const id = `P${idParts.join("")}`;
          const name = `N${nameParts.join("")}`;
          if (id === "P2") return;
          for (const text of Object.values(outputs(id, name)))
            expect(ANY_INVISIBLE.test(text)).toBe(false);
        },
      ),
      { seed: 1891, numRuns: 40 },
    );
  });
});
