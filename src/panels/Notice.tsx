/**
 * A notice for the planner, in the UI's language. An info notice goes by itself once there has
 * been time to read it (not while the pointer rests on it); an error stays until closed, and
 * closing it gives focus back to where it was (never to <body>).
 */
import { useEffect, useRef, useState } from "react";
import { useT } from "../i18n";
import { useAppStore } from "../store/store";
import { focusOrFallback } from "./focus";
import { noticeLifetimeMs } from "./notice-timing";

export function Notice() {
  const t = useT();
  const notice = useAppStore((s) => s.notice);
  const lang = useAppStore((s) => s.lang);
  const notify = useAppStore((s) => s.notify);
  const [held, setHeld] = useState(false);
  // Where focus was when the notice came, so closing it returns there rather than to <body>.
  const before = useRef<Element | null>(null);
  const text = notice ? (lang === "en" ? notice.en : notice.ko) : "";
  const lifetime = notice ? noticeLifetimeMs(notice, text) : null;
  useEffect(() => {
    if (!notice || lifetime === null || held) return;
    const timer = window.setTimeout(() => {
      // Only this notice: a newer one gets its own time.
      if (useAppStore.getState().notice === notice) notify(null);
    }, lifetime);
    return () => window.clearTimeout(timer);
  }, [notice, lifetime, held, notify]);
  if (!notice) return null;
  return (
    <div
      className={`notice ${notice.kind}`}
      role="alert"
      data-testid="notice"
      data-kind={notice.kind}
      data-stays={lifetime === null}
      onMouseEnter={() => setHeld(true)}
      onMouseLeave={() => setHeld(false)}
    >
      <p>{text}</p>
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
        aria-label={t.close}
        title={t.close}
      >
        <span aria-hidden="true">✕</span>
      </button>
    </div>
  );
}
