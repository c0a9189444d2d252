/** The help dialog: the keyboard way to draw, shortcuts, what the dashed circle means, the data. */

import { useId } from "react";
import { TOOL_KEYS } from "../actions/tool-keys";
import { useT } from "../i18n";
import { useAppStore } from "../store/store";
import { Modal } from "./Modal";
import { TOOL_LABELS } from "./Toolbar";

export function Help() {
  const t = useT();
  const id = useId();
  const open = useAppStore((s) => s.helpOpen);
  const setHelpOpen = useAppStore((s) => s.setHelpOpen);
  const shortcutsOn = useAppStore((s) => s.shortcutsOn);
  const setShortcutsOn = useAppStore((s) => s.setShortcutsOn);
  if (!open) return null;
  const rows: [string, string][] = [
    ...TOOL_KEYS.map((k): [string, string] => [k.key, t[TOOL_LABELS[k.tool]]]),
    ["Ctrl+Z", t.kUndo],
    ["Ctrl+Shift+Z / Ctrl+Y", t.kRedo],
    ["Enter", t.kFinish],
    ["Esc", t.kCancel],
    ["Delete", t.kDelete],
    [`${t.kArrows} ← ↑ → ↓ · [ ]`, t.kVertexKeys],
    ["F2", t.kRename],
    [t.kDrag, t.kEnvelopeDrag],
  ];
  const close = () => setHelpOpen(false);
  return (
    <Modal
      labelledBy={`${id}-title`}
      className="help"
      testId="help-panel"
      onClose={close}
      initialFocus="[data-testid='help-close']"
      fallbackFocus="[data-testid='help']"
    >
      <h2 id={`${id}-title`}>{t.help}</h2>
      <p data-testid="help-keyboard-draw">{t.kCoordEntry}</p>
      <h3>{t.shortcuts}</h3>
      <label className="inline">
        <input
          type="checkbox"
          data-testid="shortcuts-on"
          checked={shortcutsOn}
          onChange={(e) => setShortcutsOn(e.target.checked)}
        />{" "}
        {t.shortcutsOn}
      </label>
      <table>
        <tbody>
          {rows.map(([key, what]) => (
            <tr key={key}>
              <td>
                {/* Key names as the keys are labelled: English words in the Korean table. */}
                <kbd lang={/^[\x20-\x7e]+$/.test(key) ? "en" : undefined}>{key}</kbd>
              </td>
              <td>{what}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <p>{t.liveNote}</p>
      <p data-testid="legend-enclosing">{t.legendEnclosing}</p>
      <p>{t.dataNote}</p>
      <p>{t.approxNote}</p>
      <div className="dialog-actions">
        <button type="button" data-testid="help-close" onClick={close}>
          {t.close}
        </button>
      </div>
    </Modal>
  );
}
