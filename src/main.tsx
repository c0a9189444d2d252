/** Boot: built-in hubs, then the saved project, then autosave, then the page. */
import { StrictMode } from "react";
import { createRoot } from "react-dom/client";
import { readHubs } from "../geo/index";
import { App } from "./App";
import { useAppStore } from "./store/store";
import { startPersistence } from "./store/subscriptions";
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
  await startPersistence(useAppStore);
  const root = document.getElementById("root");
  if (!root) throw new Error("no #root element");
  createRoot(root).render(
    <StrictMode>
      <App />
    </StrictMode>,
  );
}

void boot();
