/**
 * The last line of defence: if anything the app stored can't be shown (a damaged record, a
 * state an older or newer version wrote), the page offers to download what is stored, as it
 * is, and to start fresh, instead of a blank page on every load with the work out of reach.
 */
import { delMany as idbDelMany, entries as idbEntries } from "idb-keyval";
import { Component, type ReactNode } from "react";
import { en } from "./i18n/en";
import { ko } from "./i18n/ko";
import { download } from "./panels/download";
import { isProjectKey } from "./persistence/stored-records";

/** The project's records as they are stored: key → value. */
async function storedRecords(): Promise<[IDBValidKey, unknown][]> {
  return (await idbEntries()).filter(([key]) => isProjectKey(key));
}

/** Every record of the project, as stored (key → value), as a JSON file the planner keeps. */
export async function downloadStored(): Promise<void> {
  const stored = Object.fromEntries((await storedRecords()).map(([k, v]) => [String(k), v]));
  const stamp = new Date().toISOString().replace(/[:.]/g, "-");
  download(
    `${JSON.stringify(stored, null, 2)}\n`,
    `czd-saved-project-${stamp}.json`,
    "application/json",
  );
}

/** Forgets the stored project and reloads: only after the planner asked (and could export). */
export async function startFresh(): Promise<void> {
  await idbDelMany((await storedRecords()).map(([key]) => key));
  window.location.reload();
}

export function RecoveryPanel({ error }: { error: unknown }) {
  const detail = error instanceof Error ? error.message : String(error);
  return (
    <main className="recovery" data-testid="recovery">
      <h1>
        {ko.recoveryTitle} · {en.recoveryTitle}
      </h1>
      <p>{ko.recoveryBody}</p>
      <p>{en.recoveryBody}</p>
      <p className="small">{detail.slice(0, 300)}</p>
      <button type="button" data-testid="recovery-export" onClick={() => void downloadStored()}>
        {ko.recoveryExport} · {en.recoveryExport}
      </button>{" "}
      <button
        type="button"
        data-testid="recovery-fresh"
        onClick={() => {
          if (window.confirm(`${ko.recoveryConfirm}\n${en.recoveryConfirm}`)) void startFresh();
        }}
      >
        {ko.recoveryFresh} · {en.recoveryFresh}
      </button>
    </main>
  );
}

interface State {
  error: unknown;
}

/** React's error boundary (a class is the only way to write one) around the whole page. */
export class Recovery extends Component<{ children: ReactNode }, State> {
  override state: State = { error: null };

  static getDerivedStateFromError(error: unknown): State {
    return { error: error ?? new Error("unknown error") };
  }

  override render() {
    return this.state.error ? <RecoveryPanel error={this.state.error} /> : this.props.children;
  }
}
