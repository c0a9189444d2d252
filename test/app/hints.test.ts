/**
 * The app's wording of geo's sentences (issue 11): the app names its own 시·도 menu where the
 * CLI names `czd.sido` and `--sido`, and no sentence shows a raw shape id.
 */
import { describe, expect, it } from "vitest";
import { type Finding, findingMessage } from "../../geo/index";
import { findingText } from "../../src/i18n/hints";

function createFinding(value: Omit<Finding, "message" | "messageEn">): Finding {
  const f = value as Finding;
  return { ...f, message: findingMessage(f, "ko"), messageEn: findingMessage(f, "en") };
}

const decides = createFinding({
  code: "SIDO_DECIDES_RADIUS",
  severity: "warning",
  parcels: [],
  figures: {
    radiusKm: 16,
    metroLimitKm: 15,
    limitKm: 20,
    sidoName: "충청북도",
    sidoNameEn: "North Chungcheong",
    nearest: "P1",
    distanceM: 120,
    otherName: "대전광역시",
    otherNameEn: "Daejeon",
    count: 1,
    withinM: 500,
  },
});

const shape = createFinding({
  code: "ENVELOPE_SHAPE",
  severity: "error",
  parcels: [],
  figures: { shape: "belt", allowed: "circle, polygon" },
});

describe("findings as the app shows them", () => {
  it("name the zone list's 시·도 menu, not czd.sido or --sido", () => {
    expect(decides.message).toContain("--sido");
    for (const lang of ["ko", "en"] as const) {
      const text = findingText(decides, lang);
      expect(text).not.toMatch(/--sido|czd\.sido/);
    }
    expect(findingText(decides, "ko")).toContain("지구 목록의 시·도 메뉴에서 확인하십시오");
    expect(findingText(decides, "en")).toContain(
      "confirm it in the Province menu of the zone list",
    );
  });

  it("name envelope shapes by their labels, in the CLI's report too", () => {
    expect(shape.message).toContain("'벨트형'");
    expect(shape.message).toContain("(허용: 원형, 다각형)");
    expect(shape.messageEn).toContain("'belt'");
    expect(findingText(shape, "ko")).not.toMatch(/belt|circle|polygon/);
  });

  it("say province in English, never 시·도", () => {
    expect(findingText(decides, "en")).not.toMatch(/[가-힣]/);
  });
});
