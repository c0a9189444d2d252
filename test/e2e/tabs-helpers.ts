/** Tabs of one project in one browser context: more tabs, and what their zone lists show. */
import type { Page } from "playwright-core";
import { type AppPage, waitForMap } from "./browser";

/**
 * Another tab of the app at `url`; `lateMs`: messages from other tabs reach it that much later
 * (a busy tab), so a test can make two tabs act before either hears of the other.
 */
export async function openTabOf(app: AppPage, url: string, lateMs = 0): Promise<Page> {
  const page = await app.context.newPage();
  if (lateMs > 0) {
    // A plain script (not a function, which the test's transpiler may decorate) run before the app.
    await page.addInitScript(`{
      const Channel = window.BroadcastChannel;
      window.BroadcastChannel = class extends Channel {
        addEventListener(type, listener) {
          super.addEventListener(type, (e) => setTimeout(() => listener(e), ${lateMs}));
        }
      };
    }`);
  }
  page.on("pageerror", (e) => app.errors.push(String(e)));
  await page.goto(url);
  await waitForMap(page);
  return page;
}

/** The zone list's names, in order (each button reads "name (parcel count)"). */
export async function zoneNames(page: Page): Promise<string[]> {
  const texts = await page
    .getByTestId("zones")
    .locator("li > button:first-child")
    .allTextContents();
  return texts.map((t) => t.replace(/\s*\(\d+\)$/, ""));
}
