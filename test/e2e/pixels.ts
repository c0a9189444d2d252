/** Count pixels near given colours in a PNG, decoded by the browser itself (no PNG library). */
import type { Page } from "playwright-core";
import { expect } from "vitest";

export async function countColours(
  page: Page,
  png: Buffer,
  hexColours: string[],
  /** The largest |ΔR|+|ΔG|+|ΔB| still counted as the colour (wider for a softened picture). */
  tolerance = 12,
): Promise<number[]> {
  const dataUrl = `data:image/png;base64,${png.toString("base64")}`;
  return page.evaluate(
    async ({ dataUrl, hexColours, tolerance }) => {
      const img = new Image();
      img.src = dataUrl;
      await img.decode();
      const canvas = document.createElement("canvas");
      canvas.width = img.width;
      canvas.height = img.height;
      const ctx = canvas.getContext("2d");
      if (!ctx) return hexColours.map(() => 0);
      ctx.drawImage(img, 0, 0);
      const { data } = ctx.getImageData(0, 0, img.width, img.height);
      const targets = hexColours.map((h) =>
        [1, 3, 5].map((i) => Number.parseInt(h.slice(i, i + 2), 16)),
      );
      const counts = hexColours.map(() => 0);
      for (let p = 0; p < data.length; p += 4) {
        targets.forEach((t, k) => {
          const [r = 0, g = 0, b = 0] = t;
          const d =
            Math.abs((data[p] ?? 0) - r) +
            Math.abs((data[p + 1] ?? 0) - g) +
            Math.abs((data[p + 2] ?? 0) - b);
          if (d <= tolerance) counts[k] = (counts[k] ?? 0) + 1;
        });
      }
      return counts;
    },
    { dataUrl, hexColours, tolerance },
  );
}

/** The share of pixels that differ (sum of |ΔR|+|ΔG|+|ΔB| over 30) between two PNGs of one size. */
export async function changedShare(page: Page, a: Buffer, b: Buffer): Promise<number> {
  const urls = [a, b].map((png) => `data:image/png;base64,${png.toString("base64")}`);
  return page.evaluate(async (urls) => {
    const data = await Promise.all(
      urls.map(async (u) => {
        const img = new Image();
        img.src = u;
        await img.decode();
        const canvas = document.createElement("canvas");
        canvas.width = img.width;
        canvas.height = img.height;
        const ctx = canvas.getContext("2d");
        ctx?.drawImage(img, 0, 0);
        return ctx?.getImageData(0, 0, img.width, img.height).data ?? new Uint8ClampedArray();
      }),
    );
    const [x = new Uint8ClampedArray(), y = new Uint8ClampedArray()] = data;
    let changed = 0;
    for (let p = 0; p < x.length; p += 4) {
      const d =
        Math.abs((x[p] ?? 0) - (y[p] ?? 0)) +
        Math.abs((x[p + 1] ?? 0) - (y[p + 1] ?? 0)) +
        Math.abs((x[p + 2] ?? 0) - (y[p + 2] ?? 0));
      if (d > 30) changed++;
    }
    return x.length ? changed / (x.length / 4) : 0;
  }, urls);
}

/**
 * The share of `block`-px squares whose mean colour differs (sum of |ΔR|+|ΔG|+|ΔB| over 30)
 * between two PNGs of one size: what a picture drawn twice, or not at all, changes, where lines
 * moved by a fraction of a pixel (MapLibre aligns raster tiles to whole pixels only at rest) do
 * not.
 */
export async function changedBlocks(page: Page, a: Buffer, b: Buffer, block = 8): Promise<number> {
  const urls = [a, b].map((png) => `data:image/png;base64,${png.toString("base64")}`);
  return page.evaluate(
    async ({ urls, block }) => {
      const imgs = await Promise.all(
        urls.map(async (u) => {
          const img = new Image();
          img.src = u;
          await img.decode();
          const canvas = document.createElement("canvas");
          canvas.width = img.width;
          canvas.height = img.height;
          const ctx = canvas.getContext("2d");
          ctx?.drawImage(img, 0, 0);
          return ctx?.getImageData(0, 0, img.width, img.height) ?? null;
        }),
      );
      const [x, y] = imgs;
      if (!x || !y) return 0;
      const mean = (d: Uint8ClampedArray, bx: number, by: number) => {
        const sum = [0, 0, 0];
        for (let j = by; j < by + block; j++)
          for (let i = bx; i < bx + block; i++)
            for (let c = 0; c < 3; c++)
              sum[c] = (sum[c] ?? 0) + (d[(j * x.width + i) * 4 + c] ?? 0);
        return sum.map((s) => s / (block * block));
      };
      let changed = 0;
      let blocks = 0;
      for (let by = 0; by + block <= x.height; by += block)
        for (let bx = 0; bx + block <= x.width; bx += block) {
          const [p, q] = [mean(x.data, bx, by), mean(y.data, bx, by)];
          const d = p.reduce((s, v, c) => s + Math.abs(v - (q[c] ?? 0)), 0);
          if (d > 30) changed++;
          blocks++;
        }
      return blocks ? changed / blocks : 0;
    },
    { urls, block },
  );
}

/**
 * The map (or a part of the page) once it has come to rest: the canvas back at its full pixel
 * ratio (src/map/motion-resolution.ts draws it lower while moving on a slow machine, and for a
 * moment after) and two screenshots in a row the same (unchangedShot). Returns the last one.
 */
export async function settledShot(
  page: Page,
  clip: { x: number; y: number; width: number; height: number },
): Promise<Buffer> {
  await expect
    .poll(
      () =>
        page.evaluate(() => {
          const c = document.querySelector("canvas.maplibregl-canvas") as HTMLCanvasElement | null;
          return !c || c.width === Math.round(c.getBoundingClientRect().width * devicePixelRatio);
        }),
      { timeout: 15_000 },
    )
    .toBe(true);
  return unchangedShot(page, () => page.screenshot({ clip }));
}

/**
 * Pictures taken by `shot` (`pauseMs` apart) until two in a row are the same; returns the last.
 * Fails after `timeoutMs` of a picture still changing.
 */
export async function unchangedShot(
  page: Page,
  shot: () => Promise<Buffer>,
  { pauseMs = 0, timeoutMs = 15_000 } = {},
): Promise<Buffer> {
  let before = await shot();
  await expect
    .poll(
      async () => {
        if (pauseMs > 0) await page.waitForTimeout(pauseMs);
        const again = await shot();
        const share = await changedShare(page, before, again);
        before = again;
        return share;
      },
      { timeout: timeoutMs },
    )
    .toBe(0);
  return before;
}
