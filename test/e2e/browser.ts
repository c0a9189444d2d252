/** Chromium for the browser tests: headless, offline except for the local server. */
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { type BrowserContext, chromium, type Page } from "playwright-core";

export interface AppPage {
  context: BrowserContext;
  page: Page;
  /** Console errors and uncaught exceptions seen so far. */
  errors: string[];
  close: () => Promise<void>;
}

export interface OpenOptions {
  /**
   * The app's service worker (src/pwa.ts) is blocked unless a test asks for it (the offline
   * test): each test then sees the server's files, and its routes see every request.
   */
  serviceWorkers?: "allow" | "block";
}

export async function openApp(baseUrl: string, options: OpenOptions = {}): Promise<AppPage> {
  const context = await chromium.launchPersistentContext(mkdtempSync(join(tmpdir(), "czd-e2e-")), {
    serviceWorkers: options.serviceWorkers ?? "block",
    executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
    headless: true,
    acceptDownloads: true,
    viewport: { width: 1400, height: 900 },
    args: [
      "--headless",
      "--no-sandbox",
      "--disable-gpu",
      "--disable-quic",
      "--no-first-run",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
      // MapLibre needs WebGL; SwiftShader gives it without a GPU.
      "--use-gl=angle",
      "--use-angle=swiftshader",
      "--enable-unsafe-swiftshader",
    ],
  });
  const origin = new URL(baseUrl).origin;
  // Offline: anything not from the local server is refused, so the basemap must be embedded.
  await context.route("**/*", (route) =>
    route.request().url().startsWith(origin) || route.request().url().startsWith("blob:")
      ? route.continue()
      : route.abort(),
  );
  const page = context.pages()[0] ?? (await context.newPage());
  const errors: string[] = [];
  page.on("console", (m) => {
    // The requests refused above (online map tiles) are the offline case the app must handle,
    // not errors of the app: Chromium reports each as a failed resource at its own URL.
    const refused =
      m.text().startsWith("Failed to load resource") && !m.location().url.startsWith(origin);
    // The app looks for a basemap archive beside it (src/map/archive-basemap.ts): a 404 there is
    // the usual case, no archive, and Chromium logs it as a failed resource too.
    const noArchive =
      m.text().startsWith("Failed to load resource") &&
      m.location().url.endsWith("/basemap.pmtiles");
    if (m.type() === "error" && !refused && !noArchive) errors.push(m.text());
  });
  page.on("pageerror", (e) => errors.push(String(e)));
  return { context, page, errors, close: () => context.close() };
}

/** The app opened at a view (`#zoom/lat/lon`), its map loaded: the set-up of every browser test file. */
export async function openAppAt(baseUrl: string, hash: string): Promise<AppPage> {
  const app = await openApp(baseUrl);
  await app.page.goto(`${baseUrl}${hash}`);
  await waitForMap(app.page);
  return app;
}

/**
 * Wait until the map has loaded and rendered once and the app has taken it into its layout
 * (the page's first script makes the map before the app is there: src/map/early-map.ts).
 */
export async function waitForMap(page: Page): Promise<void> {
  await page.locator('.app [data-testid="map"][data-ready="true"]').waitFor({ timeout: 30_000 });
}

/** Wait until the map has rendered once, whether or not the app around it is there yet. */
export async function waitForFirstRender(page: Page): Promise<void> {
  await page.locator('[data-testid="map"][data-ready="true"]').waitFor({ timeout: 30_000 });
}

/** Waits until the panel's figures are of the zone as it is (the check Worker has caught up). */
export async function panelSettled(page: Page): Promise<void> {
  await page.locator('[data-testid="validation-panel"][data-checking="false"]').waitFor();
}

/** The total area the panel shows once its check has caught up, in km². */
export async function panelTotalKm2(page: Page): Promise<number> {
  await panelSettled(page);
  const text = (await page.getByTestId("total-area").textContent()) ?? "";
  return Number.parseFloat(text);
}
