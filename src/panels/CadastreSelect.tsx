/**
 * Selections by area on the open cadastre, each one undo step: box select (drag on the map, or
 * "필지 in view" from the keyboard), and, on a target chosen from the envelope and the active
 * zone's 구역, "필지 inside" and "touching 필지" (src/actions/cadastre-select.ts).
 */
import { useState } from "react";
import {
  selectBox,
  selectInsideEnvelope,
  selectInsideParcel,
  selectTouchingParcel,
} from "../actions/cadastre-select";
import { CADASTRE_WORDS } from "../i18n/cadastre";
import { useCadastre } from "../store/cadastre";
import { activeZone, useAppStore } from "../store/store";
import { viewCorners } from "./cadastre-wiring";

/** Option values: the envelope, or `parcel:<id>` (an id is any string a filing gives). */
const ENVELOPE = "envelope";
const PARCEL = "parcel:";

export function CadastreSelect() {
  const lang = useAppStore((s) => s.lang);
  const w = CADASTRE_WORDS[lang];
  const boxing = useCadastre((s) => s.boxing);
  const zone = useAppStore(activeZone);
  const [chosen, setChosen] = useState<string>("");
  const options = [
    ...(zone.envelope ? [{ value: ENVELOPE, label: w.envelope }] : []),
    ...zone.parcels.map((p) => ({ value: `${PARCEL}${p.id}`, label: p.name ?? p.id })),
  ];
  const target = options.some((o) => o.value === chosen) ? chosen : (options[0]?.value ?? "");
  const parcelId = target.startsWith(PARCEL) ? target.slice(PARCEL.length) : "";
  const report = (n: number) =>
    useAppStore
      .getState()
      .notify(
        n > 0
          ? { kind: "info", ko: CADASTRE_WORDS.ko.added(n), en: CADASTRE_WORDS.en.added(n) }
          : { kind: "info", ko: CADASTRE_WORDS.ko.none, en: CADASTRE_WORDS.en.none },
      );
  return (
    <details className="cadastre-select" data-testid="cadastre-select">
      <summary>{w.more}</summary>
      <div className="cadastre-select-items">
        <button
          type="button"
          data-testid="cadastre-box"
          aria-pressed={boxing}
          title={w.boxTitle}
          onClick={() => {
            const on = !boxing;
            if (on) useAppStore.getState().setTool("none");
            useCadastre.setState({ boxing: on });
          }}
        >
          {w.box}
        </button>
        <button
          type="button"
          data-testid="cadastre-view"
          title={w.viewTitle}
          onClick={() => {
            const corners = viewCorners();
            if (corners.length === 4) void selectBox(useAppStore, corners).then(report);
          }}
        >
          {w.view}
        </button>
        <label>
          {w.target}{" "}
          <select
            data-testid="cadastre-target"
            value={target}
            onChange={(e) => setChosen(e.target.value)}
          >
            {options.map((o) => (
              <option key={o.value} value={o.value}>
                {o.label}
              </option>
            ))}
          </select>
        </label>
        <button
          type="button"
          data-testid="cadastre-inside"
          title={w.insideTitle}
          disabled={!target}
          onClick={() =>
            void (
              target === ENVELOPE
                ? selectInsideEnvelope(useAppStore)
                : selectInsideParcel(useAppStore, parcelId)
            ).then(report)
          }
        >
          {w.inside}
        </button>
        <button
          type="button"
          data-testid="cadastre-touching"
          title={w.touchingTitle}
          disabled={!parcelId}
          onClick={() => void selectTouchingParcel(useAppStore, parcelId).then(report)}
        >
          {w.touching}
        </button>
      </div>
    </details>
  );
}
