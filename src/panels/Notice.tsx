/** A notice for the planner, in both languages: the current one first, the other below. */
import { useRef } from "react";
import { useAppStore } from "../store/store";
import { focusOrFallback } from "./focus";

export function Notice() {
  const notice = useAppStore((s) => s.notice);
  const lang = useAppStore((s) => s.lang);
  const notify = useAppStore((s) => s.notify);
  // Where focus was when the notice came, so closing it returns there rather than to <body>.
  const before = useRef<Element | null>(null);
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
      {/* The other language's words, marked as such for screen readers. */}
      <p className="small" lang={lang === "en" ? "ko" : "en"}>
        {second}
      </p>
      <button
        type="button"
        className="notice-close"
        data-testid="notice-close"
        onFocus={(e) => {
          if (e.relatedTarget && !e.currentTarget.contains(e.relatedTarget as Node))
            before.current = e.relatedTarget as Element;
        }}
        onClick={() => {
          notify(null);
          focusOrFallback(before.current, "#zones");
        }}
        aria-label={lang === "en" ? "Close notice" : "알림 닫기"}
      >
        <span aria-hidden="true">✕</span>
      </button>
    </div>
  );
}
