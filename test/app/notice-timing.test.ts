/** Toasts go by themselves once read (issue 21: one stayed 5 minutes); errors stay until closed. */
import { describe, expect, it } from "vitest";
import { NOTICE_MAX_MS, NOTICE_MIN_MS, noticeLifetimeMs } from "../../src/panels/notice-timing";

const info = { kind: "info" as const, ko: "가져왔습니다", en: "imported" };

describe("how long a notice stays", () => {
  it("an info notice goes, later for a longer text, within bounds", () => {
    const short = noticeLifetimeMs(info, "가져왔습니다");
    const long = noticeLifetimeMs(info, "가".repeat(150));
    expect(short).toBe(NOTICE_MIN_MS);
    expect(long).toBeGreaterThan(short ?? 0);
    expect(noticeLifetimeMs(info, "가".repeat(10_000))).toBe(NOTICE_MAX_MS);
  });

  it("an error, or a notice marked to stay, stays until closed", () => {
    expect(noticeLifetimeMs({ ...info, kind: "error" }, "x")).toBeNull();
    expect(noticeLifetimeMs({ ...info, stay: true }, "x")).toBeNull();
  });
});
