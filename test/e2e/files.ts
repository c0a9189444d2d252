/** Files for the browser tests: a filing built from numbers, downloads saved under their names. */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import type { Page } from "playwright-core";

/** A filing of one lon/lat square parcel "P1" (RFC 7946, counter-clockwise), as bytes. */
export function createSquareFiling(lon: number, lat: number, sizeDeg: number): Buffer {
  const ring = [
    [lon, lat],
    [lon + sizeDeg, lat],
    [lon + sizeDeg, lat + sizeDeg],
    [lon, lat + sizeDeg],
    [lon, lat],
  ];
  const filing = {
    type: "FeatureCollection",
    features: [
      {
        type: "Feature",
        properties: { id: "P1", name: "P1" },
        geometry: { type: "Polygon", coordinates: [ring] },
      },
    ],
  };
  return Buffer.from(JSON.stringify(filing));
}

export interface Saved {
  name: string;
  path: string;
  bytes: Uint8Array;
}

/** Runs `trigger`, saves the download it starts in `dir` under the name the app gave it. */
export async function saveDownload(
  page: Page,
  dir: string,
  trigger: () => Promise<void>,
): Promise<Saved> {
  const [download] = await Promise.all([page.waitForEvent("download"), trigger()]);
  const name = download.suggestedFilename();
  const path = join(dir, name);
  await download.saveAs(path);
  return { name, path, bytes: new Uint8Array(readFileSync(path)) };
}
