/**
 * 좌표 입력: the keyboard way to draw. A parcel's vertices (lon lat pairs, TM x/y in a chosen
 * CRS, WKT or GeoJSON), a circle envelope as its centre and radius, a belt as its axis and
 * half-width; 추가 makes it one edit (one undo step), checked like anything drawn. Bad input gets
 * a one-line message in the page's language and the text stays as typed.
 */
import { useId, useState } from "react";
import {
  type CoordinateEntryKind,
  DEFAULT_BELT_LIMITS,
  errorText,
  isFilingError,
  parseCoordinateEntry,
  radiusLimitKm,
} from "../../geo/index";
import { applyCoordinateEntry } from "../actions/actions";
import { MESSAGES, useT } from "../i18n";
import { ruleSetFor } from "../store/derive";
import { activeZone, useAppStore } from "../store/store";
import { XY_CRS } from "./FilePicker";
import { Modal } from "./Modal";

const KINDS: {
  kind: CoordinateEntryKind;
  label: "coordKindParcel" | "coordKindCircle" | "coordKindBelt" | "coordKindPolygon";
}[] = [
  { kind: "parcel", label: "coordKindParcel" },
  { kind: "envelope-circle", label: "coordKindCircle" },
  { kind: "envelope-belt", label: "coordKindBelt" },
  { kind: "envelope-polygon", label: "coordKindPolygon" },
];

/** The size the rule set gives a new circle or belt, as the drawing tools use it. */
function defaultSize(kind: CoordinateEntryKind): string {
  const s = useAppStore.getState();
  const zone = activeZone(s);
  const rules = ruleSetFor(zone.ruleSetId, s.customRuleSets);
  if (kind === "envelope-circle") return String(radiusLimitKm(rules, zone.sido));
  if (kind === "envelope-belt")
    return String(rules.envelope.belt?.halfWidthKm ?? DEFAULT_BELT_LIMITS.halfWidthKm);
  return "";
}

export function CoordinateEntry({ onClose }: { onClose: () => void }) {
  const t = useT();
  const lang = useAppStore((s) => s.lang);
  const id = useId();
  const [kind, setKind] = useState<CoordinateEntryKind>("parcel");
  const [text, setText] = useState("");
  const [crs, setCrs] = useState("EPSG:4326");
  const [size, setSize] = useState("");
  const [error, setError] = useState<string | null>(null);
  const sized = kind === "envelope-circle" || kind === "envelope-belt";

  const add = () => {
    try {
      const entry = parseCoordinateEntry({ kind, text, crs, sizeKm: size });
      applyCoordinateEntry(useAppStore, entry);
      useAppStore.getState().notify({
        kind: "info",
        ko: MESSAGES.ko.coordAdded,
        en: MESSAGES.en.coordAdded,
      });
      onClose();
    } catch (e) {
      if (!isFilingError(e)) throw e;
      setError(errorText(e.data, lang));
    }
  };

  return (
    <Modal
      labelledBy={`${id}-title`}
      className="coord-entry"
      testId="coord-entry"
      onClose={onClose}
      initialFocus="textarea"
      fallbackFocus='[data-testid="coord-entry-open"]'
    >
      <form
        method="dialog"
        onSubmit={(e) => {
          e.preventDefault();
          add();
        }}
      >
        <h2 id={`${id}-title`}>{t.coordTitle}</h2>
        <fieldset>
          <legend>{t.coordKind}</legend>
          {KINDS.map((k) => (
            <label key={k.kind} className="inline">
              <input
                type="radio"
                name={`${id}-kind`}
                value={k.kind}
                checked={kind === k.kind}
                data-testid={`coord-kind-${k.kind}`}
                onChange={() => {
                  setKind(k.kind);
                  setError(null);
                  if (k.kind === "envelope-circle" || k.kind === "envelope-belt")
                    setSize(defaultSize(k.kind));
                }}
              />{" "}
              {t[k.label]}
            </label>
          ))}
        </fieldset>
        <label htmlFor={`${id}-text`}>{t.coordText}</label>
        <textarea
          id={`${id}-text`}
          data-testid="coord-text"
          rows={5}
          value={text}
          aria-describedby={`${id}-hint${error ? ` ${id}-error` : ""}`}
          aria-invalid={error ? true : undefined}
          spellCheck={false}
          onChange={(e) => setText(e.target.value)}
        />
        <p id={`${id}-hint`} className="small">
          {t.coordTextHint}
        </p>
        <label>
          {t.coordCrs}{" "}
          <select data-testid="coord-crs" value={crs} onChange={(e) => setCrs(e.target.value)}>
            <option value="EPSG:4326">{t.coordCrsLonLat}</option>
            {XY_CRS.map((c) => (
              <option key={c} value={c}>
                {c}
              </option>
            ))}
          </select>
        </label>
        {sized ? (
          <label>
            {kind === "envelope-circle" ? t.radiusKm : t.halfWidthKm}{" "}
            <input
              type="text"
              inputMode="decimal"
              data-testid="coord-size"
              value={size}
              onChange={(e) => setSize(e.target.value)}
            />
          </label>
        ) : null}
        <p id={`${id}-error`} className="form-error" role="alert" data-testid="coord-error">
          {error}
        </p>
        <div className="dialog-actions">
          <button type="submit" data-testid="coord-add">
            {t.coordAdd}
          </button>
          <button type="button" data-testid="coord-cancel" onClick={onClose}>
            {t.coordCancel}
          </button>
        </div>
      </form>
    </Modal>
  );
}
