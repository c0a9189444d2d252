/**
 * Helpers of the cadastre browser tests: the small 진주 and 사천 fixtures read in Node, a lot to
 * centre the view on, moving the view by its hash, and picking the lot at the centre.
 */
import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import type { Position } from "geojson";
import type { Page } from "playwright-core";
import { expect } from "vitest";
import { innerPoint } from "../../geo/cadastre/select";
import type { Pilji } from "../../geo/cadastre/types";
import { openCadastre, readPilji } from "../../geo/io/lsmd-read";
import { clickAt, mapCentre } from "./tools-helpers";

export const JINJU = resolve("test/fixtures/cadastre/LSMD_CONT_LDREG_48170.zip");
export const SACHEON = resolve("test/fixtures/cadastre/LSMD_CONT_LDREG_48240.zip");

/** Every 필지 of a cadastre file, read in Node. */
export const readCadastre = (path: string): Pilji[] =>
  openCadastre([{ name: "c.zip", bytes: readFileSync(path) }]).flatMap((l) => [...readPilji(l)]);

/** The 대 lot nearest a point: the view is centred on its inner point. */
export function lotNear(pilji: Pilji[], [x = 0, y = 0]: Position): Pilji {
  const d = (p: Pilji) => {
    const [px = 0, py = 0] = innerPoint(p.geometry);
    return Math.hypot(px - x, py - y);
  };
  const lot = pilji.filter((p) => p.jimok === "대").sort((a, b) => d(a) - d(b))[0];
  if (!lot) throw new Error("no 대 lot");
  return lot;
}

/** The view's hash centred on a 필지's inner point at zoom 18. */
export const hashAt = (p: Pilji): string => {
  const [lon = 0, lat = 0] = innerPoint(p.geometry);
  return `#18/${lat.toFixed(5)}/${lon.toFixed(5)}`;
};

/** The view's hash once it has stayed the same for half a second (a flight has ended). */
export async function settledHash(page: Page): Promise<string> {
  let last = "";
  for (;;) {
    const now = new URL(page.url()).hash;
    if (now === last) return now;
    last = now;
    await page.waitForTimeout(500);
  }
}

/** Moves the view to a hash and waits for it to settle there. */
export async function go(page: Page, hash: string): Promise<void> {
  await settledHash(page);
  await page.evaluate((h) => {
    window.location.hash = h;
  }, hash);
  await expect.poll(() => settledHash(page)).toBe(hash);
}

/** Clicks the lot at the view's centre once its tiles are drawn (its 지번 label shows). */
export async function pickAtCentre(page: Page, lot: Pilji): Promise<void> {
  await expect
    .poll(() => page.locator(".pilji-label").allTextContents(), { timeout: 20_000 })
    .toContain(`${lot.jibun}${lot.jimok}`);
  await clickAt(page, await mapCentre(page));
}
