/**
 * The print view: the geo core's A4 report (the same HTML `czd report` writes) over the page,
 * with its print CSS; the app itself is hidden from print, so the paper holds the report alone.
 */
import { useEffect, useLayoutEffect, useRef } from "react";
import { createPortal } from "react-dom";
import { REPORT_CSS, reportBodyHtml } from "../../geo/index";
import type { Review } from "../actions/review";
import { useT } from "../i18n";
import { APP_MESSAGE_HINTS } from "../i18n/hints";
import { useAppStore } from "../store/store";
import { focusOrFallback, wrapTab } from "./focus";

/**
 * The report's markup as nodes. DOMParser never runs scripts and geo escapes every value from the
 * filing (escapeXml), so this is the report exactly as the CLI prints it, not an injection path.
 */
function ReportBody({ html }: { html: string }) {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const parsed = new DOMParser().parseFromString(html, "text/html");
    ref.current?.replaceChildren(...parsed.body.childNodes);
  }, [html]);
  return <div ref={ref} />;
}

export function PrintSheet({ review, onClose }: { review: Review; onClose: () => void }) {
  const lang = useAppStore((s) => s.lang);
  const html = reportBodyHtml({
    report: review.report,
    zone: review.zone,
    ruleSet: review.ruleSet,
    fileName: review.fileName,
    sha256: review.sha256,
    generatedAt: review.generatedAt,
    lang,
    hints: APP_MESSAGE_HINTS,
    hubs: review.hubs,
    ...(review.appendix ? { appendixHtml: review.appendix[lang] } : {}),
  });
  return <PrintOverlay html={html} css={REPORT_CSS} onClose={onClose} />;
}

/**
 * Any A4 page of the geo core (the report, a zone change) over the app, with its print CSS;
 * prints itself once open. A modal: the app behind is inert (out of Tab and of the
 * accessibility tree) and hidden, so the page has the report's one h1; focus goes in, Esc
 * closes, focus goes back to the opener. Not a <dialog>: the top layer would not paginate as
 * the report must on paper.
 */
export function PrintOverlay({
  html,
  css,
  onClose,
}: {
  html: string;
  css: string;
  onClose: () => void;
}) {
  const t = useT();
  const sheet = useRef<HTMLDivElement>(null);
  const close = useRef(onClose);
  close.current = onClose;
  useLayoutEffect(() => {
    const opener = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    const root = document.getElementById("root");
    // REPORT_CSS styles body.czd-report; the class lives only while the sheet is open.
    document.body.classList.add("czd-report", "printing");
    root?.setAttribute("inert", "");
    sheet.current?.querySelector<HTMLElement>('[data-testid="print-close"]')?.focus();
    const onKey = (e: KeyboardEvent) => {
      if (sheet.current) wrapTab(sheet.current, e);
      if (e.key !== "Escape") return;
      e.preventDefault();
      e.stopPropagation();
      close.current();
    };
    window.addEventListener("keydown", onKey, true);
    const timer = window.setTimeout(() => window.print(), 100);
    return () => {
      window.clearTimeout(timer);
      window.removeEventListener("keydown", onKey, true);
      root?.removeAttribute("inert");
      document.body.classList.remove("czd-report", "printing");
      focusOrFallback(opener, '[data-testid="print-view"]');
    };
  }, []);
  return createPortal(
    <div
      ref={sheet}
      className="print-sheet"
      data-testid="print-sheet"
      role="dialog"
      aria-modal="true"
      aria-label={t.printView}
    >
      <style>{css}</style>
      <div className="print-actions">
        <button type="button" data-testid="print-now" onClick={() => window.print()}>
          {t.print}
        </button>
        <button type="button" data-testid="print-close" onClick={onClose}>
          {t.close}
        </button>
      </div>
      <ReportBody html={html} />
    </div>,
    document.body,
  );
}
