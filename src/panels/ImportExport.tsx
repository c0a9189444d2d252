/** Export the filing; import a filing, a hub file or a rules file (any format geo/io reads). */
import { type ChangeEvent, useState } from "react";
import { SUPPORTED_CRS } from "../../geo/index";
import { exportFiling, filingFileName } from "../actions/filing-io";
import { importFilingBytes, importHubsBytes, importRulesBytes } from "../actions/imports";
import { useT } from "../i18n";
import { sigunguSettled } from "../sigungu-data";
import { ruleSetFor, selectCommittedReport } from "../store/derive";
import { activeZone, useAppStore } from "../store/store";
import { download, fileBytes } from "./download";
import { ExportMenu } from "./ExportMenu";

type Importer = (bytes: Uint8Array, fileName: string) => Promise<boolean>;

function onFile(importer: Importer) {
  return async (e: ChangeEvent<HTMLInputElement>) => {
    const input = e.currentTarget;
    const file = input.files?.[0];
    if (file) await importer(await fileBytes(file), file.name);
    input.value = "";
  };
}

export async function exportActiveZone(): Promise<void> {
  await sigunguSettled();
  const s = useAppStore.getState();
  const zone = activeZone(s);
  const report = selectCommittedReport(s);
  const ruleSet = ruleSetFor(zone.ruleSetId, s.customRuleSets);
  download(exportFiling(zone, report, ruleSet), filingFileName(zone), "application/geo+json");
}

/** The CRS of x/y columns in a hub CSV; lon/lat files need none. */
const XY_CRS = SUPPORTED_CRS.filter((c) => c !== "EPSG:4326");

export function ImportExport() {
  const t = useT();
  const [hubsCrs, setHubsCrs] = useState("");
  const importHubs: Importer = (bytes, name) =>
    importHubsBytes(useAppStore, bytes, name, hubsCrs ? { crs: hubsCrs } : {});
  return (
    <div className="import-export">
      <button type="button" data-testid="export-geojson" onClick={() => void exportActiveZone()}>
        ⤓ {t.exportFiling}
      </button>
      <ExportMenu />
      <label className="file">
        ⤒ {t.importFiling}
        <input
          type="file"
          data-testid="import-file"
          accept=".geojson,.json,.zip,.shz,application/geo+json,application/json,application/zip"
          onChange={onFile((b, n) => importFilingBytes(useAppStore, b, n))}
        />
      </label>
      <span className="hub-import">
        <label className="file">
          {t.importHubs}
          <input
            type="file"
            data-testid="import-hubs"
            accept=".geojson,.json,.csv,.txt,.zip"
            onChange={onFile(importHubs)}
          />
        </label>
        <select
          data-testid="hubs-crs"
          value={hubsCrs}
          title={t.hubsCrs}
          aria-label={t.hubsCrs}
          onChange={(e) => setHubsCrs(e.currentTarget.value)}
        >
          <option value="">{t.hubsCrsLonLat}</option>
          {XY_CRS.map((c) => (
            <option key={c} value={c}>
              x/y {c}
            </option>
          ))}
        </select>
      </span>
      <label className="file">
        {t.importRules}
        <input
          type="file"
          data-testid="import-rules"
          accept=".json"
          onChange={onFile((b, n) => importRulesBytes(useAppStore, b, n))}
        />
      </label>
    </div>
  );
}
