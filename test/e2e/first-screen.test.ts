/**
 * The first screen loads what the map needs and no more: the reviewer view, the export
 * converters and the 시·도 boundaries as a script are not in it; they arrive when asked for
 * (parity.test.ts checks that the 시·도 decided from the fetched file is `czd check`'s).
 */
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { type AppPage, openApp, waitForMap } from "./browser";

let app: AppPage;
const scripts: string[] = [];

beforeAll(async () => {
  app = await openApp(inject("baseUrl"));
  app.page.on("response", (r) => {
    if (/\.m?js$/.test(r.url())) scripts.push(r.url().split("/").pop() ?? "");
  });
  await app.page.goto(`${inject("baseUrl")}#9/36.85/127.45`);
  await waitForMap(app.page);
});

afterAll(async () => {
  await app?.close();
});

const loaded = (prefix: string) => scripts.some((s) => s.startsWith(prefix));

describe("the first screen", () => {
  it("carries no 시·도 geometry in its scripts", async () => {
    const bodies = await app.page.evaluate(
      async (names) => {
        const sizes: number[] = [];
        for (const n of names) {
          const text = await (await fetch(`assets/${n}`)).text();
          sizes.push((text.match(/\[12\d\.\d+,3\d\.\d+\]/g) ?? []).length);
        }
        return sizes;
      },
      scripts.filter((s) => s.startsWith("index-")),
    );
    expect(bodies.length).toBeGreaterThan(0);
    for (const pairs of bodies) expect(pairs).toBeLessThan(100);
  });

  it("loads the reviewer view and the export items only when asked for", async () => {
    expect(loaded("ReviewerView-")).toBe(false);
    expect(loaded("ExportItems-")).toBe(false);
    await app.page.getByTestId("export-menu").locator("summary").click();
    await app.page.getByTestId("export-shp").waitFor();
    expect(loaded("ExportItems-")).toBe(true);
    await app.page.getByTestId("reviewer-mode").click();
    await app.page.getByTestId("review-sha256").waitFor();
    expect(loaded("ReviewerView-")).toBe(true);
    await app.page.getByTestId("reviewer-mode").click();
  });

  it("shows no error while loading in parts", () => {
    expect(app.errors).toEqual([]);
  });
});
