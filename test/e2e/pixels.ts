/** Count pixels near given colours in a PNG, decoded by the browser itself (no PNG library). */
import type { Page } from "playwright-core";

export async function countColours(
  page: Page,
  png: Buffer,
  hexColours: string[],
): Promise<number[]> {
  const dataUrl = `data:image/png;base64,${png.toString("base64")}`;
  return page.evaluate(
    async ({ dataUrl, hexColours }) => {
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
          if (d <= 12) counts[k] = (counts[k] ?? 0) + 1;
        });
      }
      return counts;
    },
    { dataUrl, hexColours },
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
