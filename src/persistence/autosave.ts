/** Autosave to IndexedDB and tab sync: the store's side effects on what is stored. */
import type { AppStore } from "../store/store";
import { PRESENCE_BEAT_MS } from "./markers";
import { broadcastChannel, idbRecords } from "./record-store";
import { createSync, type Sync } from "./sync";

/**
 * Autosave to IndexedDB and sync with the other tabs of the project: restore the saved project,
 * then write every edit and take in other tabs' (told by BroadcastChannel, and read again
 * whenever this tab comes back into view, in case a message was missed while it was frozen).
 */
export async function startPersistence(store: AppStore): Promise<Sync> {
  const tab = crypto.randomUUID();
  const sync = createSync(store, idbRecords, broadcastChannel("czd-project"), tab);
  await sync.restore();
  sync.start();
  const pull = () => {
    if (document.visibilityState === "visible") void sync.pull();
  };
  window.addEventListener("focus", pull);
  document.addEventListener("visibilitychange", pull);
  // Removal markers wait for the open tabs to see them: say this one is open, and when it closes.
  window.setInterval(() => void sync.heartbeat(), PRESENCE_BEAT_MS);
  window.addEventListener("pagehide", () => void sync.leave());
  window.addEventListener("pageshow", (e) => {
    if (e.persisted) void sync.heartbeat();
  });
  return sync;
}
