/** A notice for the planner, in both languages: the current one first, the other below. */
import { useAppStore } from "../store/store";

export function Notice() {
  const notice = useAppStore((s) => s.notice);
  const lang = useAppStore((s) => s.lang);
  const notify = useAppStore((s) => s.notify);
  if (!notice) return null;
  const [first, second] = lang === "en" ? [notice.en, notice.ko] : [notice.ko, notice.en];
  return (
    <div
      className={`notice ${notice.kind}`}
      role="alert"
      data-testid="notice"
      data-kind={notice.kind}
    >
      <p>{first}</p>
      <p className="small">{second}</p>
      <button
        type="button"
        className="notice-close"
        onClick={() => notify(null)}
        aria-label="close"
      >
        ✕
      </button>
    </div>
  );
}
