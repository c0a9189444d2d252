/** The help panel: keyboard shortcuts, what the map's dashed circle means, what the data is. */

import { TOOL_KEYS } from "../actions/tool-keys";
import { useT } from "../i18n";
import { useAppStore } from "../store/store";
import { TOOL_LABELS } from "./Toolbar";

export function Help() {
  const t = useT();
  const open = useAppStore((s) => s.helpOpen);
  const setHelpOpen = useAppStore((s) => s.setHelpOpen);
  if (!open) return null;
  const rows: [string, string][] = [
    ...TOOL_KEYS.map((k): [string, string] => [k.key, t[TOOL_LABELS[k.tool]]]),
    ["Ctrl+Z", t.kUndo],
    ["Ctrl+Shift+Z / Ctrl+Y", t.kRedo],
    ["Enter", t.kFinish],
    ["Esc", t.kCancel],
    ["Delete", t.kDelete],
    ["F2", t.kRename],
    [t.kDrag, t.kEnvelopeDrag],
  ];
  return (
    <div className="help" role="dialog" aria-label={t.help} data-testid="help-panel">
      <h2>{t.shortcuts}</h2>
      <table>
        <tbody>
          {rows.map(([key, what]) => (
            <tr key={key}>
              <td>
                <kbd>{key}</kbd>
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
      <button type="button" onClick={() => setHelpOpen(false)}>
        {t.close}
      </button>
    </div>
  );
}
