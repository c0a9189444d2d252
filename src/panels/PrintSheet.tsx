/**
 * The print view: the geo core's A4 report (the same HTML `czd report` writes) over the page,
 * with its print CSS; the app itself is hidden from print, so the paper holds the report alone.
 */
import { useEffect, useRef } from "react";
import { createPortal } from "react-dom";
import { REPORT_CSS, reportBodyHtml } from "../../geo/index";
import type { Review } from "../actions/review";
import { useT } from "../i18n";
import { APP_MESSAGE_HINTS } from "../i18n/hints";
import { useAppStore } from "../store/store";

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
  });
  return <PrintOverlay html={html} css={REPORT_CSS} onClose={onClose} />;
}

/**
 * Any A4 page of the geo core (the report, a zone change) over the app, with its print CSS;
 * prints itself once open.
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
  useEffect(() => {
    // REPORT_CSS styles body.czd-report; the class lives only while the sheet is open.
    document.body.classList.add("czd-report", "printing");
    const timer = window.setTimeout(() => window.print(), 100);
    return () => {
      window.clearTimeout(timer);
      document.body.classList.remove("czd-report", "printing");
    };
  }, []);
  return createPortal(
    <div className="print-sheet" data-testid="print-sheet">
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
