/** Boot: built-in hubs, then the saved project, then autosave, then the page. */
import { StrictMode } from "react";
import { createRoot } from "react-dom/client";
import { EMBEDDED_HUBS_FILE } from "../geo/index";
import { App } from "./App";
import { loadSigungu } from "./sigungu-data";
import { builtinHubLayer } from "./store/builtin-hubs";
import { useAppStore } from "./store/store";
import { startPersistence } from "./store/subscriptions";
import "./app.css";

async function loadBuiltinHubs(): Promise<void> {
  const url = new URL(`data/${EMBEDDED_HUBS_FILE}`, document.baseURI);
  const text = await (await fetch(url)).text();
  useAppStore.getState().addHubLayer(builtinHubLayer(text));
}

async function boot(): Promise<void> {
  await loadBuiltinHubs().catch((e: unknown) => console.warn("innovation cities not loaded", e));
  await startPersistence(useAppStore);
  // Not awaited: the page draws first; the report names the 시·군·구 once they arrive.
  loadSigungu()
    .then(() => useAppStore.getState().setSigunguLoaded())
    .catch((e: unknown) => console.warn("시·군·구 not loaded", e));
  const root = document.getElementById("root");
  if (!root) throw new Error("no #root element");
  createRoot(root).render(
    <StrictMode>
      <App />
    </StrictMode>,
  );
}

void boot();
