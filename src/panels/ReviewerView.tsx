/**
 * Reviewer mode: open a filing (or take the zone being edited), see its map beside the full
 * report and the SHA-256 of the bytes under review, print the A4 report to sign.
 */
import { useCallback, useEffect, useRef, useState } from "react";
import { mapEnvelope, reportJson, reportMapSvg } from "../../geo/index";
import { failure } from "../actions/imports";
import { type Review, reviewCurrent, reviewFile } from "../actions/review";
import { MESSAGES, useT } from "../i18n";
import { sigunguSettled } from "../sigungu-data";
import { useAppStore } from "../store/store";
import { download, fileBytes } from "./download";
import { FILING_ACCEPT, FilePicker } from "./FilePicker";
import { PrintSheet } from "./PrintSheet";
import { ReviewerDesk } from "./ReviewerDesk";
import { ReviewReport } from "./ReviewReport";
import "./review.css";

function ReviewMap({ review }: { review: Review }) {
  const t = useT();
  const svg = reportMapSvg(review.zone, t.reviewMap, mapEnvelope(review.report, review.zone));
  // As an image: the SVG is shown, never run, and its styles stay out of the page.
  const src = `data:image/svg+xml;charset=utf-8,${encodeURIComponent(svg)}`;
  return <img className="review-map-svg" src={src} alt={t.reviewMap} data-testid="review-map" />;
}

/** `jinju.geojson` → `jinju.report.json`: the report beside the filing it is of. */
function reportFileName(review: Review): string {
  return `${review.fileName.replace(/\.[^.]*$/, "")}.report.json`;
}

function Provenance({ review }: { review: Review }) {
  const t = useT();
  return (
    <div className="review-provenance">
      <p>
        <strong data-testid="review-file-name">{review.fileName}</strong>
      </p>
      <p>
        SHA-256: <code data-testid="review-sha256">{review.sha256}</code>
      </p>
      <p className="small" data-testid="review-hash-note">
        {review.source === "file" ? t.reviewHashFile : t.reviewHashCurrent}
      </p>
      <button
        type="button"
        data-testid="review-json"
        onClick={() =>
          download(reportJson(review.report), reportFileName(review), "application/json")
        }
      >
        ⤓ {t.reviewJson}
      </button>
      {review.source === "current" && (
        <button
          type="button"
          data-testid="review-download"
          onClick={() => download(review.bytes, review.fileName, "application/geo+json")}
        >
          ⤓ {t.reviewDownload}
        </button>
      )}
    </div>
  );
}

export function ReviewerView() {
  const t = useT();
  const [review, setReview] = useState<Review | null>(null);
  const [printing, setPrinting] = useState(false);
  // Only the latest request may show: a slow current-zone check must not replace a file.
  const seq = useRef(0);
  const show = useCallback(async (make: () => Promise<Review>, name: string) => {
    const mine = ++seq.current;
    try {
      await sigunguSettled();
      const next = await make();
      if (mine === seq.current) setReview(next);
    } catch (e) {
      useAppStore.getState().notify(failure(e, name));
    }
  }, []);
  // Not bound to the language: a toggle must not replace the filing under review.
  const openCurrent = useCallback(() => {
    const s = useAppStore.getState();
    return show(() => reviewCurrent(useAppStore.getState()), MESSAGES[s.lang].reviewCurrent);
  }, [show]);
  useEffect(() => {
    void openCurrent();
  }, [openCurrent]);
  const open = useCallback(
    async (file: File) => {
      const bytes = await fileBytes(file);
      await show(() => reviewFile(useAppStore.getState(), bytes, file.name), file.name);
    },
    [show],
  );
  useEffect(() => {
    const onDrop = (e: DragEvent) => {
      const file = e.dataTransfer?.files[0];
      if (file) void open(file);
    };
    window.addEventListener("drop", onDrop);
    return () => window.removeEventListener("drop", onDrop);
  }, [open]);
  return (
    <main className="reviewer" data-testid="reviewer" id="review" tabIndex={-1}>
      <div className="review-source">
        <FilePicker
          label={
            <>
              <span aria-hidden="true">⤒</span> {t.reviewOpenFile}
            </>
          }
          testId="reviewer-file"
          accept={FILING_ACCEPT}
          onFile={open}
        />
        <button type="button" data-testid="review-current" onClick={() => void openCurrent()}>
          {t.reviewCurrent}
        </button>
        <button
          type="button"
          data-testid="print-view"
          disabled={!review}
          onClick={() => setPrinting(true)}
        >
          {t.printView}
        </button>
      </div>
      <ReviewerDesk onOpen={setReview} />
      {review && (
        <div className="review-body">
          <div className="review-left">
            <Provenance review={review} />
            <ReviewMap review={review} />
          </div>
          <ReviewReport review={review} />
        </div>
      )}
      {printing && review && <PrintSheet review={review} onClose={() => setPrinting(false)} />}
    </main>
  );
}
