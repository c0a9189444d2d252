/** Boot: built-in hubs, then the saved project, then autosave, then the page. */

import { get as idbGet } from "idb-keyval";
import { StrictMode } from "react";
import { createRoot } from "react-dom/client";
import { readHubs } from "../geo/index";
import { App } from "./App";
import { en } from "./i18n/en";
import { ko } from "./i18n/ko";
import { Recovery, RecoveryPanel } from "./Recovery";
import { PROJECT_KEY, parseSavedProject } from "./store/persist";
import { useAppStore } from "./store/store";
import { restoreProject, subscribeAutosave } from "./store/subscriptions";
import "./app.css";

async function loadBuiltinHubs(): Promise<void> {
  const url = new URL("data/innovation-cities.geojson", document.baseURI);
  const text = await (await fetch(url)).text();
  useAppStore.getState().addHubLayer({
    id: "builtin-innovation-cities",
    name: "혁신도시 Innovation cities",
    hubs: readHubs(text, "innovation-cities.geojson"),
    approximate: true,
    builtin: true,
    visible: true,
  });
}

/** Whether something is stored under the project key that is not a project this app reads. */
async function storedButUnreadable(): Promise<boolean> {
  try {
    const stored: unknown = await idbGet(PROJECT_KEY);
    return stored !== undefined && parseSavedProject(stored) === null;
  } catch {
    // No IndexedDB (a private window): nothing stored to lose.
    return false;
  }
}

async function boot(): Promise<void> {
  await loadBuiltinHubs().catch((e: unknown) => console.warn("innovation cities not loaded", e));
  const root = document.getElementById("root");
  if (!root) throw new Error("no #root element");
  try {
    // A record this version can't read would be replaced by a fresh project at the first edit.
    if (await storedButUnreadable())
      throw new Error(`${ko.recoveryUnreadable} / ${en.recoveryUnreadable}`);
    await restoreProject(useAppStore);
  } catch (e) {
    // No autosave then: the stored project stays as it was until the planner chooses.
    createRoot(root).render(<RecoveryPanel error={e} />);
    return;
  }
  subscribeAutosave(useAppStore);
  createRoot(root).render(
    <StrictMode>
      <Recovery>
        <App />
      </Recovery>
    </StrictMode>,
  );
}

void boot();
