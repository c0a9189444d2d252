/** Boot (after first-screen.ts has started the map): built-in hubs, then the saved project, then autosave and tab sync, then the page. */
import { entries as idbEntries } from "idb-keyval";
import { StrictMode } from "react";
import { createRoot } from "react-dom/client";
import { EMBEDDED_HUBS_FILE, provideSido } from "../geo/index";
import { App } from "./App";
import { startLiveChecks } from "./actions/live-check";
import { en } from "./i18n/en";
import { ko } from "./i18n/ko";
import { dropMap, firstRender } from "./map/early-map";
import { startPersistence } from "./persistence/autosave";
import { isUnreadableRecord } from "./persistence/stored-records";
import { registerServiceWorker } from "./pwa";
import { Recovery, RecoveryPanel } from "./Recovery";
import { loadSigungu } from "./sigungu-data";
import { useAppStore } from "./store/store";
import "./app.css";

async function loadBuiltinHubs(): Promise<void> {
  const url = new URL(`data/${EMBEDDED_HUBS_FILE}`, document.baseURI);
  // The hub reader is geo/io's: fetched alongside the file, so the first screen doesn't carry it.
  const [text, { builtinHubLayer }] = await Promise.all([
    fetch(url).then((res) => res.text()),
    import("./store/builtin-hubs"),
  ]);
  useAppStore.getState().addHubLayer(builtinHubLayer(text));
}

/**
 * The 시·도 boundaries (public/data/sido.json, preloaded by index.html): handed to the geo core
 * before anything is checked, so the panel, exports and reviewer mode decide the 시·도 from the
 * same file as `czd check` (whose copy is bundled).
 */
async function loadSido(): Promise<void> {
  const res = await fetch(new URL("data/sido.json", document.baseURI));
  if (!res.ok) throw new Error(`data/sido.json: HTTP ${res.status}`);
  provideSido(await res.json());
}

/** Whether the project holds a record this version can't read (and autosave would replace). */
async function storedButUnreadable(): Promise<boolean> {
  try {
    return (await idbEntries()).some(([key, value]) => isUnreadableRecord(key, value));
  } catch {
    // No IndexedDB (a private window): nothing stored to lose.
    return false;
  }
}

async function boot(): Promise<void> {
  const sido = loadSido();
  await loadBuiltinHubs().catch((e: unknown) => console.warn("innovation cities not loaded", e));
  const root = document.getElementById("root");
  if (!root) throw new Error("no #root element");
  try {
    await sido;
    if (await storedButUnreadable())
      throw new Error(`${ko.recoveryUnreadable} / ${en.recoveryUnreadable}`);
    await startPersistence(useAppStore);
  } catch (e) {
    // No autosave then: the stored project stays as it was until the planner chooses.
    dropMap();
    createRoot(root).render(<RecoveryPanel error={e} />);
    return;
  }
  // The panel's report comes from the check Worker, so a large zone never freezes the page.
  startLiveChecks(useAppStore);
  // Not awaited: the page draws first; the report names the 시·군·구 once they arrive.
  loadSigungu()
    .then(() => useAppStore.getState().setSigunguLoaded())
    .catch((e: unknown) => console.warn("시·군·구 not loaded", e));
  createRoot(root).render(
    <StrictMode>
      <Recovery>
        <App />
      </Recovery>
    </StrictMode>,
  );
}

/**
 * The app starts once the map has shown its first frame: its scripts arrive beside the map's,
 * but its start (the 시·도 file parsed, IndexedDB, the check Worker reading both boundary files,
 * React's first render) would otherwise take the cores that frame needs on a 2-core machine. At
 * most APP_WAIT_MS, so a map that never renders (no WebGL) still gets the app and its message.
 */
const APP_WAIT_MS = 1500;

void Promise.race([firstRender, new Promise((wait) => setTimeout(wait, APP_WAIT_MS))]).then(boot);

/**
 * The service worker precaches the whole build (7 MB, about 50 files) as it installs: registered
 * once the map has rendered, so a first visit's map does not share the network and cores with
 * it, and from the app's chunk, not the first screen's. At most SW_WAIT_MS, so a map that never
 * renders (no WebGL) still leaves the app installable.
 */
const SW_WAIT_MS = 3000;

void Promise.race([firstRender, new Promise((wait) => setTimeout(wait, SW_WAIT_MS))]).then(
  registerServiceWorker,
);
