/** Export the filing; import a filing, a hub file or a rules file. */
import type { ChangeEvent } from "react";
import { useT } from "../i18n";
import { ruleSetFor, selectReport } from "../store/derive";
import { exportFiling, filingFileName } from "../store/filing-io";
import { importFilingText, importHubsText, importRulesText } from "../store/imports";
import { activeZone, useAppStore } from "../store/store";

type Importer = typeof importFilingText;

function download(text: string, fileName: string): void {
  const url = URL.createObjectURL(new Blob([text], { type: "application/geo+json" }));
  const a = document.createElement("a");
  a.href = url;
  a.download = fileName;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

function onFile(importer: Importer) {
  return async (e: ChangeEvent<HTMLInputElement>) => {
    const input = e.currentTarget;
    const file = input.files?.[0];
    if (file) importer(useAppStore, await file.text(), file.name);
    input.value = "";
  };
}

export function exportActiveZone(): void {
  const s = useAppStore.getState();
  const zone = activeZone(s);
  const report = selectReport(s);
  const ruleSet = ruleSetFor(zone.ruleSetId, s.customRuleSets);
  download(exportFiling(zone, report, ruleSet), filingFileName(zone));
}

export function ImportExport() {
  const t = useT();
  return (
    <div className="import-export">
      <button type="button" data-testid="export-geojson" onClick={exportActiveZone}>
        ⤓ {t.exportFiling}
      </button>
      <label className="file">
        ⤒ {t.importFiling}
        <input
          type="file"
          data-testid="import-file"
          accept=".geojson,.json,application/geo+json,application/json"
          onChange={onFile(importFilingText)}
        />
      </label>
      <label className="file">
        {t.importHubs}
        <input
          type="file"
          data-testid="import-hubs"
          accept=".geojson,.json,.csv"
          onChange={onFile(importHubsText)}
        />
      </label>
      <label className="file">
        {t.importRules}
        <input
          type="file"
          data-testid="import-rules"
          accept=".json"
          onChange={onFile(importRulesText)}
        />
      </label>
    </div>
  );
}
