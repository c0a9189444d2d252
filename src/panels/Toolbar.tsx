/** Tools, 좌표 입력, undo/redo, rule set and basemap (language and help are in the header). */
import { lazy, Suspense, useState } from "react";
import { useStore } from "zustand";
import { isBuiltinRuleSet } from "../../geo/index";
import { redo, undo } from "../actions/actions";
import { type Messages, useT } from "../i18n";
import { mapFailure } from "../map/early-map";
import { allRuleSets } from "../store/derive";
import { activeZone, useAppStore } from "../store/store";
import type { Basemap, ToolId } from "../store/vocabulary";

interface ToolButton {
  tool: ToolId;
  /** The tool's full name: the button's accessible name and tooltip, and the help's. */
  label: keyof Messages;
  /** What the button shows under its group's name (a part of the full name, WCAG 2.5.3). */
  short: keyof Messages;
  icon: string;
}

/**
 * The drawing tools in two named groups (구역 / 지정 범위) and the select tool: each button shows
 * the shape only ("다각형" under "구역"), so the toolbar is one row at 1366 px in English too.
 */
const TOOL_GROUPS: { name: keyof Messages | null; buttons: ToolButton[] }[] = [
  {
    name: "toolGroupParcel",
    buttons: [
      { tool: "parcel-polygon", label: "toolParcelPolygon", short: "shapePolygon", icon: "⬠" },
      { tool: "parcel-circle", label: "toolParcelCircle", short: "shapeCircle", icon: "◯" },
      {
        tool: "parcel-rectangle",
        label: "toolParcelRectangle",
        short: "shapeRectangle",
        icon: "▭",
      },
    ],
  },
  {
    name: "toolGroupEnvelope",
    buttons: [
      { tool: "envelope-circle", label: "toolEnvelopeCircle", short: "shapeCircle", icon: "⊙" },
      { tool: "envelope-belt", label: "toolEnvelopeBelt", short: "shapeBelt", icon: "〰" },
      { tool: "envelope-polygon", label: "toolEnvelopePolygon", short: "shapePolygon", icon: "⬡" },
    ],
  },
  {
    name: null,
    buttons: [{ tool: "select", label: "toolSelect", short: "toolSelectShort", icon: "↖" }],
  },
];
const TOOL_BUTTONS = TOOL_GROUPS.flatMap((g) => g.buttons);

/** Each tool's name in the messages, for the help panel's shortcut list. */
// The dialog and its parser load when first opened: the first screen does not carry them.
const CoordinateEntry = lazy(() =>
  import("./CoordinateEntry").then((m) => ({ default: m.CoordinateEntry })),
);

export const TOOL_LABELS = Object.fromEntries(TOOL_BUTTONS.map((b) => [b.tool, b.label])) as Record<
  ToolId,
  keyof Messages
>;

export function Toolbar() {
  const t = useT();
  const tool = useAppStore((s) => s.tool);
  const setTool = useAppStore((s) => s.setTool);
  const lang = useAppStore((s) => s.lang);
  const basemap = useAppStore((s) => s.basemap);
  const setBasemap = useAppStore((s) => s.setBasemap);
  const ruleSetId = useAppStore((s) => activeZone(s).ruleSetId);
  const custom = useAppStore((s) => s.customRuleSets);
  const transact = useAppStore((s) => s.transact);
  const canUndo = useStore(useAppStore.temporal, (s) => s.pastStates.length > 0);
  const canRedo = useStore(useAppStore.temporal, (s) => s.futureStates.length > 0);
  const [coordsOpen, setCoordsOpen] = useState(false);
  // No map (no WebGL2): the drawing and select tools stay in their place, unavailable, and say
  // why (aria-disabled keeps them focusable, so a keyboard or screen reader user hears it). The
  // map was tried by the page's first script, before the app, and a failure is never retried.
  const noMap = mapFailure() !== null;

  return (
    <div className="toolbar" role="toolbar">
      {noMap ? (
        <span id="tool-needs-map" hidden>
          {t.toolNeedsMap}
        </span>
      ) : null}
      {TOOL_GROUPS.map((g) => {
        const buttons = g.buttons.map((b) => (
          <button
            key={b.tool}
            type="button"
            data-testid={`tool-${b.tool}`}
            aria-pressed={tool === b.tool}
            aria-label={t[b.label]}
            title={noMap ? `${t[b.label]}: ${t.toolNeedsMap}` : t[b.label]}
            {...(noMap ? { "aria-disabled": true, "aria-describedby": "tool-needs-map" } : {})}
            onClick={() => !noMap && setTool(tool === b.tool ? "none" : b.tool)}
          >
            <span aria-hidden="true">{b.icon}</span> {t[b.short]}
          </button>
        ));
        if (!g.name) return buttons;
        return (
          <fieldset key={g.name} className="tool-group">
            <legend>{t[g.name]}</legend>
            {buttons}
          </fieldset>
        );
      })}
      <span className="sep" />
      <button
        type="button"
        data-testid="coord-entry-open"
        aria-haspopup="dialog"
        aria-label={t.coordEntry}
        title={t.coordEntry}
        onClick={() => setCoordsOpen(true)}
      >
        <span aria-hidden="true">⌨</span> {t.coordEntryShort}
      </button>
      <span className="sep" />
      {/* aria-disabled, not disabled: the button keeps focus when its stack runs out (a disabled
          button drops focus to <body>), and a press then does nothing. */}
      <button
        type="button"
        data-testid="undo"
        aria-disabled={!canUndo}
        aria-keyshortcuts="Control+Z"
        onClick={() => canUndo && undo(useAppStore)}
      >
        <span aria-hidden="true">↶</span> {t.undo}
      </button>
      <button
        type="button"
        data-testid="redo"
        aria-disabled={!canRedo}
        aria-keyshortcuts="Control+Shift+Z"
        onClick={() => canRedo && redo(useAppStore)}
      >
        <span aria-hidden="true">↷</span> {t.redo}
      </button>
      <span className="sep" />
      <label>
        {t.ruleSet}{" "}
        <select
          data-testid="rule-set"
          value={ruleSetId}
          onChange={(e) => transact({ meta: { ruleSetId: e.target.value } })}
        >
          {allRuleSets(custom).map((r) => (
            <option key={r.id} value={r.id}>
              {lang === "en" ? r.name.en : r.name.ko}
              {isBuiltinRuleSet(r) ? "" : ` — ${t.customRules}`}
            </option>
          ))}
          {/* A filing stamped with a rule set this app doesn't know: shown, so picking another is a change. */}
          {allRuleSets(custom).some((r) => r.id === ruleSetId) ? null : (
            <option value={ruleSetId}>
              {ruleSetId} — {t.unknownRules}
            </option>
          )}
        </select>
      </label>
      <select
        aria-label={t.basemapLabel}
        data-testid="basemap"
        value={basemap}
        onChange={(e) => setBasemap(e.target.value as Basemap)}
      >
        <option value="none">{t.embeddedBase}</option>
        <option value="osm">{t.osm}</option>
        {import.meta.env.VITE_VWORLD_KEY ? (
          <>
            <option value="vworld">{t.vworldBase}</option>
            <option value="vworld-satellite">{t.vworldSatellite}</option>
            <option value="vworld-hybrid">{t.vworldHybrid}</option>
          </>
        ) : null}
      </select>
      {coordsOpen ? (
        <Suspense fallback={null}>
          <CoordinateEntry onClose={() => setCoordsOpen(false)} />
        </Suspense>
      ) : null}
    </div>
  );
}
