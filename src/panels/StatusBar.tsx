/** Autosave state, so the planner (and the browser test) knows the work is safe. */
import { useT } from "../i18n";
import { useAppStore } from "../store/store";

export function StatusBar() {
  const t = useT();
  const saveState = useAppStore((s) => s.saveState);
  const text = {
    idle: "",
    pending: t.saving,
    saved: t.saved,
    restored: t.restored,
    failed: t.saveFailed,
  }[saveState];
  return (
    <footer className="status">
      <span data-testid="save-status" data-state={saveState}>
        {text}
      </span>
      <span className="small">{t.dataNote}</span>
    </footer>
  );
}
