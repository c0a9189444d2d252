/**
 * The hub-raster Worker: holds the hub points (packed on the page) and draws the map's raster
 * tiles of them on an OffscreenCanvas (hub-raster.ts), off the page's thread.
 */
import type KDBush from "kdbush";
import { hubRasterTile, indexHubs, type PackedHubs } from "./hub-raster";
import type { HubsReply, HubsRequest } from "./hubs-protocol";

let held: { version: number; hubs: PackedHubs; index: KDBush } | null = null;

function reply(message: HubsReply, transfer: Transferable[] = []): void {
  self.postMessage(message, { transfer });
}

self.onmessage = (e: MessageEvent<HubsRequest>) => {
  const req = e.data;
  try {
    if (req.kind === "hubs") {
      const hubs = { xy: req.xy, colour: req.colour, palette: req.palette };
      held = { version: req.version, hubs, index: indexHubs(req.xy) };
      reply({ kind: "held", id: req.id, version: req.version });
      return;
    }
    const { z, x, y, size, ratio } = req;
    const bitmap =
      held && held.version === req.version
        ? hubRasterTile(held.hubs, held.index, { z, x, y, size, ratio })
        : null;
    reply({ kind: "bitmap", id: req.id, bitmap }, bitmap ? [bitmap] : []);
  } catch (err) {
    const why = err instanceof Error ? err.message : String(err);
    reply({
      kind: "error",
      id: req.id,
      error: { code: "BAD_FILE", params: { kind: "UNUSABLE", why } },
    });
  }
};
