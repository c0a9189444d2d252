/**
 * Parcel roles in the app (issue 22): a filing whose parcels carry `properties.zoneRole` shows
 * 코어 / 연계 / 협력 in the parcel table, and the filing the app writes back keeps them.
 */
import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { ROOT } from "../support/paths";
import { type AppPage, openAppAt } from "./browser";
import { saveDownload } from "./files";

const FILE = join(ROOT, "test/fixtures/roles/jinju-roles.geojson");

let app: AppPage;
let page: Page;

beforeAll(async () => {
  app = await openAppAt(inject("baseUrl"), "#11/35.16/128.17");
  page = app.page;
});

afterAll(async () => {
  await app?.close();
});

describe("parcel roles", () => {
  it("shows each parcel's role in the parcel table and keeps it in the exported filing", async () => {
    await page.getByTestId("import-file").setInputFiles(FILE);
    const rows = page.getByTestId("parcel-list").locator("tr");
    await expect.poll(() => rows.count()).toBe(4);
    const roleOf = async (k: number) =>
      (await rows.nth(k).getByTestId("parcel-role").count())
        ? (await rows.nth(k).getByTestId("parcel-role").textContent())?.trim()
        : null;
    expect([await roleOf(0), await roleOf(1), await roleOf(2), await roleOf(3)]).toEqual([
      "· 코어",
      "· 협력",
      "· 연계",
      null,
    ]);
    const dir = mkdtempSync(join(tmpdir(), "czd-roles-"));
    const saved = await saveDownload(page, dir, () => page.getByTestId("export-geojson").click());
    const filing = JSON.parse(readFileSync(saved.path, "utf8"));
    const roles = filing.features
      .filter((f: { properties: { role?: string } }) => f.properties.role !== "envelope")
      .map((f: { properties: { zoneRole?: string } }) => f.properties.zoneRole ?? null);
    expect(roles).toEqual(["core", "partner", "연계", null]);
    expect(app.errors).toEqual([]);
  });
});
