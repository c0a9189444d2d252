/**
 * The installable app on a 망분리 PC: once visited, the service worker has the whole build, so
 * with the network off the app opens, draws, checks and exports; and the built folder works
 * under a sub-path of any static server (docs/offline.md).
 */
import { cpSync, mkdirSync, mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Page } from "playwright-core";
import { afterEach, describe, expect, inject, it } from "vitest";
import { type AppPage, openApp, panelTotalKm2, waitForMap } from "./browser";
import { serveDir } from "./static-server";
import { clickAt, exportFiling, mapCentre, parcelCount, pickTool, START } from "./tools-helpers";

let app: AppPage | undefined;
let server: { close: () => Promise<void> } | undefined;

afterEach(async () => {
  await app?.close();
  await server?.close();
  app = undefined;
  server = undefined;
});

/** A 100 × 50 px rectangle at the map's centre; its area from the panel once checked. */
async function drawRectangle(page: Page): Promise<number> {
  const [cx, cy] = await mapCentre(page);
  await pickTool(page, "parcel-rectangle");
  await clickAt(page, [cx - 50, cy - 25]);
  await clickAt(page, [cx + 50, cy + 25]);
  await expect.poll(() => parcelCount(page)).toBe(1);
  return panelTotalKm2(page);
}

/** Whether the page can fetch a file the service worker has not precached. */
function notPrecached(page: Page): Promise<"fetched" | "failed"> {
  return page.evaluate(() =>
    fetch(`./index.html?probe=${Date.now()}`).then(
      () => "fetched" as const,
      () => "failed" as const,
    ),
  );
}

describe("installable and offline", () => {
  it("links a web manifest with the Korean name and an icon", async () => {
    app = await openApp(inject("baseUrl"));
    await app.page.goto(`${inject("baseUrl")}${START}`);
    await waitForMap(app.page);
    const manifest = await app.page.evaluate(async () => {
      const link = document.querySelector<HTMLLinkElement>('link[rel="manifest"]');
      if (!link) return null;
      return (await fetch(link.href)).json();
    });
    expect(manifest?.short_name).toBe("지구 설계기");
    expect(manifest?.name).toContain("클러스터 지구 설계기");
    expect(manifest?.start_url).toBe("./");
    expect(manifest?.icons?.length).toBeGreaterThan(0);
  });

  it("is installable and, once visited, opens, draws, checks and exports with the network off", async () => {
    const baseUrl = inject("baseUrl");
    app = await openApp(baseUrl, { serviceWorkers: "allow" });
    const { page, context } = app;
    await page.goto(`${baseUrl}${START}`);
    await waitForMap(page);
    // The service worker has installed (the whole build precached) and controls the page.
    await page.waitForFunction(() => navigator.serviceWorker.controller !== null, null, {
      timeout: 30_000,
    });
    // Chromium finds nothing missing for installing it (manifest, icon, service worker).
    const cdp = await context.newCDPSession(page);
    const { installabilityErrors } = await cdp.send("Page.getInstallabilityErrors");
    expect(installabilityErrors).toEqual([]);
    await cdp.detach();
    await context.setOffline(true);
    // Offline for real: a file not in the precache can't be had.
    expect(await notPrecached(page)).toBe("failed");
    await page.reload();
    await waitForMap(page);
    // Still offline after the reload. Asked of the network, not of navigator.onLine: Chromium 150
    // reports true again after a reload while the network stays off (the app never reads it).
    expect(await notPrecached(page)).toBe("failed");
    // 100 × 50 px at START (30.4 m a pixel): about 4.6 km², measured by the check Worker.
    const km2 = await drawRectangle(page);
    expect(km2).toBeGreaterThan(4.3);
    expect(km2).toBeLessThan(4.9);
    expect(await page.getByTestId("verdict").getAttribute("data-state")).not.toBe("empty");
    const filing = await exportFiling(page);
    expect(filing.features.length).toBeGreaterThan(0);
    expect(app.errors.filter((e) => !e.includes("ERR_INTERNET_DISCONNECTED"))).toEqual([]);
  });

  it("works from a sub-path of a static server (/apps/czd/)", async () => {
    const root = mkdtempSync(join(tmpdir(), "czd-subpath-"));
    mkdirSync(join(root, "apps"));
    cpSync("dist", join(root, "apps", "czd"), { recursive: true });
    const served = await serveDir(root);
    server = served;
    const base = `${served.url}apps/czd/`;
    app = await openApp(base);
    const requested: string[] = [];
    app.page.on("request", (r) => {
      const url = new URL(r.url());
      if (url.origin === new URL(base).origin) requested.push(url.pathname);
    });
    await app.page.goto(`${base}${START}`);
    await waitForMap(app.page);
    const km2 = await drawRectangle(app.page);
    expect(km2).toBeGreaterThan(4.3);
    // Every file the app asked the server for was under the sub-path: data, chunks, Workers.
    expect(requested.filter((p) => !p.startsWith("/apps/czd/"))).toEqual([]);
    expect(requested).toContain("/apps/czd/data/sido.json");
    expect(requested).toContain("/apps/czd/data/sido-lite.json");
    expect(requested).toContain("/apps/czd/data/sigungu.json");
    expect(requested.some((p) => /\/apps\/czd\/assets\/check\.worker-.*\.js$/.test(p))).toBe(true);
    expect(app.errors).toEqual([]);
  });
});
