/**
 * The basemap archive an office places beside the app (docs/offline.md), looked for at start.
 * Apart from archive-basemap.ts so the page's first chunks don't carry the pmtiles library:
 * it loads only when there is an archive to show.
 */

/** The archive's file name beside the app, resolved against the page (any sub-path). */
export const BESIDE_NAME = "basemap.pmtiles";

/**
 * Is there an archive beside the app? One range request for its first bytes: a PMTiles v3
 * archive starts "PMTiles". Null when there is none (404, or another file, as a server that
 * answers every path with index.html gives). A server that sends the whole archive instead of
 * the range can't serve its tiles to MapLibre: that is an error the status bar shows
 * (docs/offline.md names servers that answer ranges).
 */
export async function archiveBeside(baseUri: string): Promise<string | null> {
  const url = new URL(BESIDE_NAME, baseUri).href;
  let res: Response;
  try {
    res = await fetch(url, { headers: { Range: "bytes=0-6" }, cache: "no-store" });
  } catch {
    return null;
  }
  if (res.status !== 206 && res.status !== 200) {
    await res.body?.cancel();
    return null;
  }
  const reader = res.body?.getReader();
  const first = reader ? await reader.read() : { value: undefined };
  await reader?.cancel();
  const magic = new TextDecoder().decode((first.value ?? new Uint8Array()).slice(0, 7));
  if (magic !== "PMTiles") return null;
  if (res.status === 200) {
    throw new Error(
      `${BESIDE_NAME}: 웹 서버가 범위 요청(Range)에 답하지 않음 / the web server does not answer range requests`,
    );
  }
  return url;
}
