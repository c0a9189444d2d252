/**
 * A notice for the planner, in the UI's language. An info notice goes by itself once there has
 * been time to read it (not while the pointer rests on it or keyboard focus is in it); an error
 * stays until closed, and closing it gives focus back to where it was (never to <body>). Each
 * notice gets an alert element of its own (keyed by the notice), so a screen reader speaks a new
 * notice even when its text is the same as the one showing (the same file refused twice): an
 * alert whose text does not change is not announced again.
 */
import { useEffect, useLayoutEffect, useRef, useState } from "react";
import { useT } from "../i18n";
import { useAppStore } from "../store/store";
import type { Notice as NoticeData } from "../store/types";
import { focusOrFallback } from "./focus";
import { noticeLifetimeMs } from "./notice-timing";

export function Notice() {
  const t = useT();
  const notice = useAppStore((s) => s.notice);
  const lang = useAppStore((s) => s.lang);
  const notify = useAppStore((s) => s.notify);
  // Held by the pointer resting on it, or by keyboard focus in it: an info notice does not go
  // from under a reader, nor take the focus with it.
  const [hovered, setHovered] = useState(false);
  const [focused, setFocused] = useState(false);
  const held = hovered || focused;
  // Where focus was when the notice came, so closing it returns there rather than to <body>.
  const before = useRef<Element | null>(null);
  const seq = useRef({ of: new WeakMap<NoticeData, number>(), next: 0 });
  const box = useRef<HTMLDivElement | null>(null);
  const focusWasIn = useRef(false);
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
  // A notice replaced while focus was on its close button: focus moves to the new one's, not to
  // <body> with the removed element.
  // Read from the document: removing the focused element fires no focusin, so the last one
  // still says where focus was.
  useEffect(() => {
    const track = (e: FocusEvent) => {
      focusWasIn.current = e.target instanceof Element && e.target.closest(".notice") !== null;
    };
    document.addEventListener("focusin", track);
    return () => document.removeEventListener("focusin", track);
  }, []);
  useLayoutEffect(() => {
    if (!notice || !focusWasIn.current) return;
    const lost = document.activeElement === null || document.activeElement === document.body;
    if (lost) box.current?.querySelector("button")?.focus();
  }, [notice]);
  if (!notice) return null;
  let key = seq.current.of.get(notice);
  if (key === undefined) {
    key = seq.current.next++;
    seq.current.of.set(notice, key);
  }
  return (
    <div
      key={key}
      ref={box}
      className={`notice ${notice.kind}`}
      role="alert"
      data-testid="notice"
      data-kind={notice.kind}
      data-stays={lifetime === null}
      onMouseEnter={() => setHovered(true)}
      onMouseLeave={() => setHovered(false)}
      onFocus={() => setFocused(true)}
      onBlur={(e) => {
        if (!e.currentTarget.contains(e.relatedTarget as Node | null)) setFocused(false);
      }}
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
