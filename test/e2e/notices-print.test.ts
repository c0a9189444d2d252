/**
 * Issue 21's rough edges: a notice speaks the UI's language only and goes by itself (an error
 * stays until closed with its button); the print view says when in KST, not UTC ISO.
 */
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { EXAMPLES } from "../support/paths";
import { type AppPage, openAppAt } from "./browser";
import { START } from "./tools-helpers";

let app: AppPage;

beforeAll(async () => {
  app = await openAppAt(inject("baseUrl"), START);
});

afterAll(async () => {
  await app?.close();
});

const notice = () => app.page.getByTestId("notice");

describe("notices", () => {
  it("an info notice is in Korean only, and goes by itself", async () => {
    await app.page.getByTestId("import-hubs").setInputFiles("test/fixtures/io/hubs-cp949.csv");
    await expect
      .poll(() => notice().locator("p").allTextContents())
      .toEqual([expect.stringContaining("거점 2개")]);
    // No English beside it (the file's own name aside).
    const text = (await notice().locator("p").textContent()) ?? "";
    expect(text.replace("hubs-cp949.csv", "")).not.toMatch(/[A-Za-z]/);
    // Gone within its longest lifetime (15 s), with nothing done.
    await expect.poll(() => notice().count(), { timeout: 20_000, interval: 500 }).toBe(0);
  });

  it("an info notice stays while keyboard focus is on its close button, and goes after", async () => {
    await app.page.getByTestId("import-hubs").setInputFiles("test/fixtures/io/hubs-cp949.csv");
    await expect.poll(() => notice().getAttribute("data-kind")).toBe("info");
    await notice().getByTestId("notice-close").focus();
    // Past the longest lifetime (15 s): still there, focus still on it.
    await app.page.waitForTimeout(16_000);
    expect(await notice().count()).toBe(1);
    expect(await app.page.evaluate(() => document.activeElement?.getAttribute("data-testid"))).toBe(
      "notice-close",
    );
    // Focus elsewhere: it goes within its lifetime.
    await app.page.getByTestId("lang-toggle").focus();
    await expect.poll(() => notice().count(), { timeout: 20_000, interval: 500 }).toBe(0);
  });

  it("an error stays until closed with its button, and switches language with the UI", async () => {
    await app.page.getByTestId("import-file").setInputFiles({
      name: "broken.geojson",
      mimeType: "application/geo+json",
      buffer: Buffer.from("this is not JSON {"),
    });
    await expect.poll(() => notice().getAttribute("data-kind")).toBe("error");
    await app.page.waitForTimeout(16_000);
    expect(await notice().locator("p").textContent()).toContain("broken.geojson");
    await app.page.getByTestId("lang-toggle").click();
    // English only: no Hangul (the file's excerpt may hold an ellipsis or quotes).
    expect(await notice().locator("p").textContent()).not.toMatch(/[가-힣]/);
    expect(await notice().locator("p").textContent()).toMatch(/not JSON/i);
    expect(await notice().getByTestId("notice-close").getAttribute("aria-label")).toBe("Close");
    await app.page.getByTestId("lang-toggle").click();
    expect(await notice().getByTestId("notice-close").getAttribute("aria-label")).toBe("닫기");
    await notice().getByTestId("notice-close").click();
    expect(await notice().count()).toBe(0);
  });

  it("the same refusal twice is a new alert, spoken again; focus on its close button stays on it", async () => {
    const page = app.page;
    const broken = {
      name: "broken.geojson",
      mimeType: "application/geo+json",
      buffer: Buffer.from("this is not JSON {"),
    };
    await page.getByTestId("import-file").setInputFiles(broken);
    await expect.poll(() => notice().getAttribute("data-kind")).toBe("error");
    const first = (await notice().locator("p").textContent()) ?? "";
    // Mark the alert element and put focus on its close button.
    await notice().evaluate((el) => {
      el.setAttribute("data-first", "yes");
    });
    await notice().getByTestId("notice-close").focus();
    await page.getByTestId("import-file").setInputFiles(broken);
    // Same text, but a new element with role="alert": a screen reader announces an inserted alert,
    // not one whose text did not change.
    await expect.poll(() => notice().getAttribute("data-first")).toBe(null);
    expect(await notice().locator("p").textContent()).toBe(first);
    expect(await notice().getAttribute("role")).toBe("alert");
    expect(
      await page.evaluate(
        () =>
          document.activeElement?.getAttribute("data-testid") ?? document.activeElement?.tagName,
      ),
    ).toBe("notice-close");
    await notice().getByTestId("notice-close").click();
    expect(await notice().count()).toBe(0);
  });
});

describe("the print view", () => {
  it("says when in KST (Asia/Seoul), to the minute, not in UTC ISO", async () => {
    const page = app.page;
    await page.evaluate(() => {
      window.print = () => undefined;
    });
    await page.getByTestId("reviewer-mode").click();
    await page
      .getByTestId("reviewer-file")
      .setInputFiles(join(EXAMPLES, "jinju-two-parcels.geojson"));
    await page.getByTestId("review-sha256").waitFor();
    const before = Date.now();
    await page.getByTestId("print-view").click();
    const sheet = page.getByTestId("print-sheet");
    await expect.poll(() => sheet.textContent()).toMatch(/KST/);
    const text = (await sheet.textContent()) ?? "";
    expect(text).not.toMatch(/\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/);
    const shown = /(\d{4})-(\d{2})-(\d{2}) (\d{2}):(\d{2}) KST/.exec(text);
    expect(shown).not.toBeNull();
    const [, y, mo, d, h, mi] = (shown ?? []).map(Number);
    // The shown minute, back in UTC, is the minute the report was made.
    const utc = Date.UTC(y ?? 0, (mo ?? 1) - 1, d ?? 0, (h ?? 0) - 9, mi ?? 0);
    expect(Math.abs(utc - before)).toBeLessThan(2 * 60_000);
    await page.getByTestId("print-close").click();
  });

  it("logged no console errors", () => {
    expect(app.errors).toEqual([]);
  });
});
