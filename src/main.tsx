/** Boot: built-in hubs, then the saved project, then autosave, then the page. */
import { StrictMode } from "react";
import { createRoot } from "react-dom/client";
import { readHubs } from "../geo/index";
import { App } from "./App";
import { Recovery, RecoveryPanel } from "./Recovery";
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

async function boot(): Promise<void> {
  await loadBuiltinHubs().catch((e: unknown) => console.warn("innovation cities not loaded", e));
  const root = document.getElementById("root");
  if (!root) throw new Error("no #root element");
  try {
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
