/**
 * The page's side of the hub-raster Worker: hands it the hub points of each version and asks it
 * for tiles. Loaded with the first hub file big enough to be drawn as raster tiles
 * (src/map/hub-raster-layer.ts), never with the page's first script.
 */
import { type HubTile, packHubs } from "./hub-raster";
import type { HubsReply, HubsRequest } from "./hubs-protocol";
import { workerRpc } from "./worker-rpc";

export { Cancelled } from "./worker-rpc";

const rpc = workerRpc<HubsRequest, HubsReply>(
  () => new Worker(new URL("./hubs.worker.ts", import.meta.url), { type: "module" }),
);

/** The version the Worker was last handed (tiles of any other are not drawn). */
let current = 0;

/** Hand the Worker these hubs as `version` (a tile asked for after this call is of them). */
export function holdHubs(
  version: number,
  points: readonly { lon: number; lat: number; type: unknown }[],
  colours: Readonly<Record<string, string>>,
  other: string,
): Promise<void> {
  current = version;
  const packed = packHubs(points, colours, other);
  return rpc
    .request({ kind: "hubs", id: rpc.nextId(), version, ...packed }, [
      packed.xy.buffer,
      packed.colour.buffer,
    ])
    .then(() => {});
}

/** Tile z/x/y of the hubs of `version`, or null (none there, or the hubs changed since). */
export async function hubTileInWorker(version: number, tile: HubTile): Promise<ImageBitmap | null> {
  if (version !== current) return null;
  const reply = await rpc.request({ kind: "raster", id: rpc.nextId(), version, ...tile });
  if (reply.kind !== "bitmap") throw new Error("unexpected reply");
  return reply.bitmap;
}
