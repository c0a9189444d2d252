/**
 * The reviewer's desk (issue 22): several filings in one table like `czd check a b c …` (a row
 * opens that filing's report), and two versions of a zone compared like `czd diff` — both
 * versions on one map, the changed parcels, every figure old → new — printable on A4.
 */
import { useState } from "react";
import {
  BATCH_COLUMNS,
  type BatchEntry,
  type BatchRow,
  batchCells,
  batchRowOf,
  batchSummary,
  DIFF_CSS,
  diffBodyHtml,
  diffMapSvg,
  diffZones,
  figureDelta,
  figureLabel,
  figureValue,
  inLang,
  REPORT_CSS,
  sidoCapSentence,
  sidoCapTotals,
  type ZoneDiff,
} from "../../geo/index";
import { failure } from "../actions/imports";
import { type Review, reviewFile } from "../actions/review";
import { findingName, type Messages, useT } from "../i18n";
import { sigunguSettled } from "../sigungu-data";
import { useAppStore } from "../store/store";
import { fileBytes } from "./download";
import { FILING_ACCEPT, FilePicker } from "./FilePicker";
import { PrintOverlay } from "./PrintSheet";

interface DeskEntry {
  row: BatchRow;
  review?: Review;
}

/** A file checked as reviewer mode checks one; a file it can't use becomes its row's message. */
async function entryOf(file: File): Promise<DeskEntry> {
  try {
    await sigunguSettled();
    const bytes = await fileBytes(file);
    const review = await reviewFile(useAppStore.getState(), bytes, file.name);
    return { row: batchRowOf(file.name, review.zone.meta.name, review.report), review };
  } catch (e) {
    const { ko, en } = failure(e, file.name);
    return { row: { file: file.name, ok: false, message: { ko, en } } };
  }
}

/** A readable filing as the batch's caps over several zones count it (geo/report/batch-caps.ts). */
function checkedEntry({ row, review }: DeskEntry): BatchEntry[] {
  if (!review) return [];
  const { report, zone, ruleSet, sha256 } = review;
  return [{ row, checked: { report, zone, ruleSet, sha256 } }];
}

/**
 * A row's cells as the app shows them: the CLI's (batchCells), with the rule set by its title
 * and the findings by theirs (warnings in brackets), not by ids and codes (issue 21).
 */
function deskCells({ row, review }: DeskEntry, lang: "ko" | "en", t: Messages): string[] {
  const cells = batchCells(row, lang);
  if (!row.ok || !review) return cells;
  cells[3] = review.ruleSet.name[lang];
  cells[8] = [
    ...row.errors.map((c) => findingName(t, c)),
    ...row.warnings.map((c) => `(${findingName(t, c)})`),
  ].join(", ");
  return cells;
}

/** The verdict column coloured, the figures right-aligned, as in the CLI's HTML table. */
function cellClass(row: BatchRow, k: number): string {
  if (k === 4) return `desk-cell desk-verdict-${row.ok ? row.verdict : "unreadable"}`;
  return k >= 5 && k <= 7 ? "desk-cell num" : "desk-cell";
}

function BatchTable({ entries, onOpen }: { entries: DeskEntry[]; onOpen: (r: Review) => void }) {
  const t = useT();
  const lang = useAppStore((s) => s.lang);
  return (
    <div className="desk-batch">
      <table className="desk-table" data-testid="desk-table" aria-label={t.deskTable}>
        <caption className="small">{t.deskRowHint}</caption>
        <thead>
          <tr>
            {BATCH_COLUMNS.map((c) => (
              <th key={c[1]} scope="col" className="desk-cell">
                {inLang(c, lang)}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {entries.map((entry) => {
            const { row, review } = entry;
            return (
              <tr
                key={row.file}
                data-testid="desk-row"
                className="desk-row"
                onClick={() => review && onOpen(review)}
              >
                {deskCells(entry, lang, t).map((cell, k) => (
                  <td key={BATCH_COLUMNS[k]?.[1]} className={cellClass(row, k)}>
                    {k === 0 && review ? (
                      <button type="button" className="linklike" data-testid="desk-open">
                        {cell}
                      </button>
                    ) : (
                      cell
                    )}
                  </td>
                ))}
              </tr>
            );
          })}
        </tbody>
      </table>
      <p className="small" data-testid="desk-summary">
        {batchSummary(
          entries.map((e) => e.row),
          lang,
        )}
      </p>
      {sidoCapTotals(entries.flatMap(checkedEntry)).map((c) => (
        <p
          key={`${c.ruleSet} ${c.sido.code}`}
          className={c.overKm2 > 0 ? "desk-verdict-fail" : ""}
          data-testid="desk-sido-cap"
        >
          {sidoCapSentence(c, lang)}
        </p>
      ))}
    </div>
  );
}

function DiffView({ older, newer, diff }: { older: Review; newer: Review; diff: ZoneDiff }) {
  const t = useT();
  const lang = useAppStore((s) => s.lang);
  const [printing, setPrinting] = useState(false);
  const side = (r: Review) => ({ file: r.fileName, zone: r.zone, report: r.report });
  const svg = diffMapSvg(side(older), side(newer), diff, t.diffMap);
  const src = `data:image/svg+xml;charset=utf-8,${encodeURIComponent(svg)}`;
  const p = diff.parcels;
  const html = printing
    ? diffBodyHtml({
        older: {
          file: older.fileName,
          zone: older.zone,
          report: older.report,
          sha256: older.sha256,
        },
        newer: {
          file: newer.fileName,
          zone: newer.zone,
          report: newer.report,
          sha256: newer.sha256,
        },
        diff,
        generatedAt: new Date().toISOString(),
        lang,
      })
    : "";
  return (
    <div className="desk-diff" data-testid="diff-view">
      <img className="desk-map" src={src} alt={t.diffMap} data-testid="diff-map" />
      <p className="small">{t.diffLegend}</p>
      <p data-testid="diff-parcels">
        {t.diffParcels
          .replace("{added}", String(p.added.length))
          .replace("{removed}", String(p.removed.length))
          .replace("{reshaped}", String(p.reshaped.length))
          .replace("{kept}", String(p.kept.length))}
      </p>
      <table className="desk-table" data-testid="diff-table">
        <thead>
          <tr>
            {[t.diffFigure, t.diffOldCol, t.diffNewCol, t.diffChange].map((h) => (
              <th key={h} scope="col" className="desk-cell">
                {h}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {diff.figures.map((r) => (
            <tr key={r.key} data-key={r.key}>
              <th
                scope="row"
                className={r.changed ? "desk-cell desk-changed" : "desk-cell desk-plain"}
              >
                {inLang(figureLabel(r.key), lang)}
              </th>
              <td className="desk-cell num">{figureValue(r, "old", lang)}</td>
              <td className="desk-cell num">{figureValue(r, "new", lang)}</td>
              <td className="desk-cell num">{figureDelta(r, lang)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <button type="button" data-testid="diff-print" onClick={() => setPrinting(true)}>
        {t.diffPrint}
      </button>
      {printing && (
        <PrintOverlay html={html} css={REPORT_CSS + DIFF_CSS} onClose={() => setPrinting(false)} />
      )}
    </div>
  );
}

/** The desk under reviewer mode's file bar; `onOpen` shows one filing's full report. */
export function ReviewerDesk({ onOpen }: { onOpen: (r: Review) => void }) {
  const t = useT();
  const [entries, setEntries] = useState<DeskEntry[]>([]);
  const [older, setOlder] = useState<DeskEntry | null>(null);
  const [newer, setNewer] = useState<DeskEntry | null>(null);
  const notifyBad = (e: DeskEntry): void => {
    if (!e.row.ok) useAppStore.getState().notify({ kind: "error", ...e.row.message });
  };
  const pick = (set: (e: DeskEntry) => void) => async (file: File) => {
    const e = await entryOf(file);
    notifyBad(e);
    set(e);
  };
  const diff =
    older?.review && newer?.review
      ? diffZones(
          { file: older.review.fileName, zone: older.review.zone, report: older.review.report },
          { file: newer.review.fileName, zone: newer.review.zone, report: newer.review.report },
        )
      : null;
  return (
    <section className="reviewer-desk" data-testid="reviewer-desk">
      <div className="review-source">
        <FilePicker
          label={`⤒ ${t.deskOpenFiles}`}
          testId="desk-files"
          accept={FILING_ACCEPT}
          onFiles={async (files) => setEntries(await Promise.all(files.map(entryOf)))}
        />
        <span className="small">{t.diffTitle}:</span>
        <FilePicker
          label={`⤒ ${t.diffOld}`}
          testId="diff-old"
          accept={FILING_ACCEPT}
          onFile={pick(setOlder)}
        />
        <FilePicker
          label={`⤒ ${t.diffNew}`}
          testId="diff-new"
          accept={FILING_ACCEPT}
          onFile={pick(setNewer)}
        />
      </div>
      {entries.length > 0 && <BatchTable entries={entries} onOpen={onOpen} />}
      {diff && older?.review && newer?.review && (
        <DiffView older={older.review} newer={newer.review} diff={diff} />
      )}
    </section>
  );
}
