/**
 * What a new planner meets: a fresh, empty zone is a neutral state (not a red 부적합) with a
 * hint to start, and the language chosen is the one the page comes back in after a reload.
 */
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { type AppPage, openAppAt, waitForMap } from "./browser";

let app: AppPage;

beforeAll(async () => {
  app = await openAppAt(inject("baseUrl"), "#9/36.85/127.45");
});

afterAll(async () => {
  await app?.close();
});

describe("a first visit", () => {
  it("shows an empty zone as neutral, with no red finding", async () => {
    const verdict = app.page.getByTestId("verdict");
    expect(await verdict.getAttribute("data-state")).toBe("empty");
    expect(await verdict.textContent()).toBe("빈 지구");
    await app.page.getByTestId("empty-hint").waitFor();
    expect(await app.page.getByTestId("findings").count()).toBe(0);
  });

  it("keeps the language across a reload", async () => {
    await app.page.getByTestId("lang-toggle").click();
    expect(await app.page.getByTestId("verdict").textContent()).toBe("Empty zone");
    await app.page.reload();
    await waitForMap(app.page);
    expect(await app.page.locator("html").getAttribute("lang")).toBe("en");
    expect(await app.page.getByTestId("verdict").textContent()).toBe("Empty zone");
    await app.page.getByTestId("lang-toggle").click();
    await app.page.reload();
    await waitForMap(app.page);
    expect(await app.page.getByTestId("verdict").textContent()).toBe("빈 지구");
  });
});
