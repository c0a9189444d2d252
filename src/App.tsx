/** The page: toolbar on top, map in the middle, zones on the left, the live report on the right. */
import { lazy, Suspense, useEffect } from "react";
import { redo, undo } from "./actions/actions";
import { isTyping, onMap, toolKey } from "./actions/tool-keys";
import { vertexKey } from "./actions/vertex-keys";
import { useT } from "./i18n";
import { CadastrePanel } from "./panels/CadastrePanel";
import { FileDrop } from "./panels/FileDrop";
import { Help } from "./panels/Help";
import { ImportExport } from "./panels/ImportExport";
import { MapView } from "./panels/MapView";
import { Notice } from "./panels/Notice";
import { SearchBox } from "./panels/SearchBox";
import { StatusBar } from "./panels/StatusBar";
import { Toolbar } from "./panels/Toolbar";
import { ValidationPanel } from "./panels/ValidationPanel";
import { ZoneList } from "./panels/ZoneList";
import { useAppStore } from "./store/store";

// Loaded on demand, so the first screen carries neither the reviewer's report, the print view
// nor the firms and proposals code (bench/app-load.bench.ts measures what the map waits for).
const ReviewerView = lazy(() =>
  import("./panels/ReviewerView").then((m) => ({ default: m.ReviewerView })),
);
const Proposals = lazy(() => import("./panels/Proposals").then((m) => ({ default: m.Proposals })));

function useShortcuts(): void {
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (toolKey(useAppStore, e)) return;
      if (isTyping(e.target) || !(e.ctrlKey || e.metaKey)) return;
      const key = e.key.toLowerCase();
      if (key === "z" && !e.shiftKey) undo(useAppStore);
      else if ((key === "z" && e.shiftKey) || key === "y") redo(useAppStore);
      else return;
      e.preventDefault();
    };
    // Vertex keys go first, before MapLibre pans the map with the same arrows.
    const onMapKey = (e: KeyboardEvent) => {
      if (!onMap(e.target) || !vertexKey(useAppStore, e)) return;
      e.preventDefault();
      e.stopPropagation();
    };
    // <details> menus close on Esc, focus back on their summary.
    const onEsc = (e: KeyboardEvent) => {
      if (e.key !== "Escape" || !(e.target instanceof Element)) return;
      const menu = e.target.closest("details[open]");
      if (!(menu instanceof HTMLDetailsElement)) return;
      menu.open = false;
      menu.querySelector("summary")?.focus();
      e.stopPropagation();
    };
    window.addEventListener("keydown", onMapKey, true);
    window.addEventListener("keydown", onEsc, true);
    window.addEventListener("keydown", onKey);
    return () => {
      window.removeEventListener("keydown", onMapKey, true);
      window.removeEventListener("keydown", onEsc, true);
      window.removeEventListener("keydown", onKey);
    };
  }, []);
}

export function App() {
  const t = useT();
  const lang = useAppStore((s) => s.lang);
  const reviewing = useAppStore((s) => s.reviewing);
  const setReviewing = useAppStore((s) => s.setReviewing);
  const setLang = useAppStore((s) => s.setLang);
  const setHelpOpen = useAppStore((s) => s.setHelpOpen);
  useShortcuts();
  useEffect(() => {
    document.documentElement.lang = lang;
    document.title = t.appTitle;
  }, [lang, t]);
  return (
    <div className={reviewing ? "app reviewing" : "app"}>
      {/* Focus moves by script: the URL hash holds the map's view (src/map/hash.ts). */}
      <a
        className="skip-link"
        href={reviewing ? "#review" : "#zones"}
        data-testid="skip-link"
        onClick={(e) => {
          e.preventDefault();
          document.getElementById(reviewing ? "review" : "zones")?.focus();
        }}
      >
        {t.skipToZones}
      </a>
      <header>
        <h1>{t.appTitle}</h1>
        <SearchBox />
        <ImportExport />
        <CadastrePanel />
        <button
          type="button"
          className="mode-toggle"
          data-testid="reviewer-mode"
          aria-pressed={reviewing}
          onClick={() => setReviewing(!reviewing)}
        >
          {reviewing ? t.planMode : t.reviewerMode}
        </button>
        {/* In the header, not the toolbar: they stay in reviewer mode and keep the toolbar one row. */}
        <button
          type="button"
          data-testid="lang-toggle"
          lang={lang === "ko" ? "en" : "ko"}
          onClick={() => setLang(lang === "ko" ? "en" : "ko")}
        >
          {t.langToggle}
        </button>
        <button
          type="button"
          data-testid="help"
          aria-haspopup="dialog"
          onClick={() => setHelpOpen(true)}
        >
          <span aria-hidden="true">?</span> {t.help}
        </button>
      </header>
      <Toolbar />
      {/* Hidden, not unmounted, in reviewer mode (the map lives on); the reviewer's view is main then. */}
      <main className="workspace" hidden={reviewing}>
        <ZoneList />
        <MapView />
        <ValidationPanel />
      </main>
      <Suspense fallback={null}>{reviewing && <ReviewerView />}</Suspense>
      <StatusBar />
      <Notice />
      <FileDrop />
      <Help />
      <Suspense fallback={null}>
        <Proposals />
      </Suspense>
    </div>
  );
}
