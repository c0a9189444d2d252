/**
 * Autosave state, so the planner (and the browser test) knows the work is safe, and a notice when
 * the online basemap failed and the embedded one took over.
 */
import { useT } from "../i18n";
import { useAppStore } from "../store/store";
import { ArchiveBasemap } from "./ArchiveBasemap";
import { MeasureTool, PointerReadout } from "./MapReadouts";

export function StatusBar() {
  const t = useT();
  const saveState = useAppStore((s) => s.saveState);
  const basemapFailed = useAppStore((s) => s.basemapFailed);
  const text = {
    idle: "",
    pending: t.saving,
    saved: t.saved,
    restored: t.restored,
    failed: t.saveFailed,
  }[saveState];
  return (
    <footer className="status">
      <span data-testid="save-status" data-state={saveState} role="status">
        {text}
      </span>
      {basemapFailed ? (
        <span
          className="basemap-notice"
          data-testid="basemap-notice"
          role="status"
          title={t.basemapFailed}
        >
          {t.basemapFailed}
        </span>
      ) : null}
      <MeasureTool />
      <PointerReadout />
      <ArchiveBasemap />
    </footer>
  );
}
