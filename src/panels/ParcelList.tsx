/**
 * The parcel table: each parcel's name, the 시·군·구 it lies in, its area, the hubs in it and the
 * findings that name it, sortable by any column, with rename in place (one undo step), zoom and
 * delete. Keyboard: headers and names are buttons; F2 on a name renames, Enter keeps, Esc drops.
 */

import { useEffect, useMemo, useRef, useState } from "react";
import { countHubs, type Parcel, sigunguNamesOf, ZONE_ROLE_LABELS } from "../../geo/index";
import { type Messages, useT } from "../i18n";
import { selectHubIndex } from "../store/derive";
import { useLiveReport } from "../store/live-report";
import { activeZone, useAppStore } from "../store/store";
import { focusOrFallback } from "./focus";
import {
  nextSort,
  PARCEL_COLUMNS,
  type ParcelColumn,
  type ParcelSort,
  parcelRows,
  sortRows,
  UNSORTED,
} from "./parcel-rows";

function shapeOf(p: Parcel): { parts: number; holes: number } {
  const polys = p.geometry.type === "Polygon" ? [p.geometry.coordinates] : p.geometry.coordinates;
  return { parts: polys.length, holes: polys.reduce((n, poly) => n + poly.length - 1, 0) };
}

function columnLabel(t: Messages, c: ParcelColumn): string {
  const labels: Record<ParcelColumn, string> = {
    name: t.parcelColName,
    sigungu: t.parcelColSigungu,
    km2: t.parcelColArea,
    hubs: t.parcelColHubs,
    findings: t.parcelColFindings,
  };
  return labels[c];
}

/**
 * The parcel with `name` (trimmed; empty drops the name, so the id shows), or null if unchanged.
 * A copy of the old name among its kept properties goes too: the filing writes the parcel's own.
 */
function renamed(p: Parcel, name: string): Parcel | null {
  const next = name.trim();
  if (next === (p.name ?? "")) return null;
  const { name: _old, properties, ...rest } = p;
  const { name: _copy, ...kept } = properties;
  return next === "" ? { ...rest, properties: kept } : { ...rest, name: next, properties: kept };
}

function NameEditor({ parcel, onDone }: { parcel: Parcel; onDone: () => void }) {
  const t = useT();
  const transact = useAppStore((s) => s.transact);
  const input = useRef<HTMLInputElement>(null);
  useEffect(() => {
    input.current?.focus();
    input.current?.select();
  }, []);
  // Enter or Esc closes the editor; the blur its removal may fire then must not act again.
  const closed = useRef(false);
  const close = (): void => {
    closed.current = true;
    onDone();
  };
  const commit = (value: string): void => {
    if (closed.current) return;
    const next = renamed(parcel, value);
    if (next) transact({ put: [next] });
    close();
  };
  return (
    <input
      type="text"
      className="parcel-name-input"
      data-testid="parcel-name-input"
      aria-label={t.parcelNameInput}
      defaultValue={parcel.name ?? ""}
      placeholder={parcel.id}
      ref={input}
      onKeyDown={(e) => {
        e.stopPropagation();
        if (e.key === "Enter") commit(e.currentTarget.value);
        if (e.key === "Escape") close();
      }}
      onBlur={(e) => commit(e.currentTarget.value)}
    />
  );
}

function SortHeader({
  t,
  column,
  sort,
  onSort,
}: {
  t: Messages;
  column: ParcelColumn;
  sort: ParcelSort;
  onSort: (c: ParcelColumn) => void;
}) {
  const active = sort.column === column;
  const ariaSort = active ? (sort.descending ? "descending" : "ascending") : "none";
  return (
    <th scope="col" aria-sort={ariaSort}>
      <button
        type="button"
        className="parcel-sort"
        data-testid={`parcel-sort-${column}`}
        onClick={() => onSort(column)}
      >
        {columnLabel(t, column)}
        <span aria-hidden="true">{active ? (sort.descending ? " ▼" : " ▲") : ""}</span>
      </button>
    </th>
  );
}

export function ParcelList() {
  const t = useT();
  const lang = useAppStore((s) => s.lang);
  const parcels = useAppStore((s) => activeZone(s).parcels);
  const report = useLiveReport((r) => r.report);
  const index = useAppStore(selectHubIndex);
  const focusParcels = useAppStore((s) => s.focusParcels);
  const transact = useAppStore((s) => s.transact);
  const [sort, setSort] = useState<ParcelSort>(UNSORTED);
  const [editing, setEditing] = useState<string | null>(null);
  const table = useRef<HTMLTableElement>(null);
  // The name editor closes: the keyboard goes back to the parcel's name, not to the page's start.
  const doneEditing = (id: string): void => {
    setEditing(null);
    requestAnimationFrame(() => {
      const row = table.current?.querySelector(`tr[data-parcel-id="${CSS.escape(id)}"]`);
      row?.querySelector<HTMLButtonElement>(".parcel-name")?.focus();
    });
  };
  const hubCounts = useMemo(
    () => new Map(parcels.map((p) => [p.id, countHubs(index, [p.geometry]).counts.total])),
    [parcels, index],
  );
  const rows = sortRows(
    parcelRows(
      parcels,
      report,
      (p) => sigunguNamesOf(p.geometry),
      (p) => hubCounts.get(p.id) ?? 0,
    ),
    sort,
  );
  return (
    <>
      <h3 tabIndex={-1} data-testid="parcel-table-heading">
        {t.parcelTable} ({parcels.length})
      </h3>
      {parcels.length === 0 ? <p className="small">{t.noParcels}</p> : null}
      <table
        ref={table}
        className="parcel-table"
        data-testid="parcel-table"
        aria-label={t.parcelTable}
      >
        <caption className="small">{t.parcelSortHint}</caption>
        <thead>
          <tr>
            {PARCEL_COLUMNS.map((c) => (
              <SortHeader
                key={c}
                t={t}
                column={c}
                sort={sort}
                onSort={(col) => setSort(nextSort(sort, col))}
              />
            ))}
            <th scope="col">
              <span className="visually-hidden">{t.parcelDelete}</span>
            </th>
          </tr>
        </thead>
        <tbody data-testid="parcel-list">
          {rows.map((row) => {
            const p = row.parcel;
            const { parts, holes } = shapeOf(p);
            const errors = row.findings.some((f) => f.severity === "error");
            return (
              <tr key={p.id} data-parcel-id={p.id}>
                <td>
                  {editing === p.id ? (
                    <NameEditor parcel={p} onDone={() => doneEditing(p.id)} />
                  ) : (
                    <>
                      <button
                        type="button"
                        className="parcel-name"
                        data-testid="parcel-name"
                        onClick={() => focusParcels([p.id])}
                        onDoubleClick={() => setEditing(p.id)}
                        onKeyDown={(e) => {
                          if (e.key === "F2") setEditing(p.id);
                        }}
                      >
                        {row.name}
                      </button>
                      <button
                        type="button"
                        className="parcel-rename"
                        data-testid="parcel-rename"
                        aria-label={`${t.parcelRename}: ${row.name}`}
                        title={t.parcelRename}
                        onClick={() => setEditing(p.id)}
                      >
                        <span aria-hidden="true">✎</span>
                      </button>
                      {row.role ? (
                        <span className="small parcel-role" data-testid="parcel-role">
                          {" "}
                          · {ZONE_ROLE_LABELS[row.role][lang === "en" ? 1 : 0]}
                        </span>
                      ) : null}
                      {parts > 1 ? (
                        <span className="small">
                          {" "}
                          · {parts} {t.parts}
                        </span>
                      ) : null}
                      {holes > 0 ? (
                        <span className="small">
                          {" "}
                          · {holes} {t.holes}
                        </span>
                      ) : null}
                    </>
                  )}
                </td>
                <td className="small" data-testid="parcel-sigungu">
                  {row.sigungu}
                </td>
                <td className="num" data-testid="parcel-km2">
                  {row.km2 === null ? "…" : row.km2.toFixed(3)}
                </td>
                <td className="num">{row.hubs}</td>
                <td
                  className={errors ? "num bad" : "num"}
                  title={row.findings
                    .map((f) => (lang === "en" ? f.messageEn : f.message))
                    .join("\n")}
                >
                  {row.findings.length}
                </td>
                <td>
                  <button
                    type="button"
                    aria-label={`${t.parcelDelete}: ${row.name}`}
                    title={`${t.parcelDelete}: ${row.name}`}
                    data-testid="parcel-delete"
                    onClick={(e) => {
                      // Focus to the delete button of the row that takes this one's place.
                      const tr = e.currentTarget.closest("tr");
                      const next = tr?.nextElementSibling ?? tr?.previousElementSibling;
                      transact({ remove: [p.id] });
                      focusOrFallback(
                        next?.querySelector('[data-testid="parcel-delete"]') ?? null,
                        '[data-testid="parcel-table-heading"]',
                      );
                    }}
                  >
                    <span aria-hidden="true">✕</span>
                  </button>
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </>
  );
}
