/** Export the filing; import a filing, a hub file or a rules file (any format geo/io reads). */
import { useState } from "react";
import { exportFiling, filingFileName } from "../actions/filing-io";
import { committedReport } from "../actions/live-check";
import { useT } from "../i18n";
import { sigunguSettled } from "../sigungu-data";
import { ruleSetFor } from "../store/derive";
import { activeZone, useAppStore } from "../store/store";
import { download, fileBytes } from "./download";
import { ExportMenu } from "./ExportMenu";
import { FILING_OR_PARTS_ACCEPT, FilePicker, XY_CRS } from "./FilePicker";

type Importer = (bytes: Uint8Array, fileName: string) => Promise<boolean>;

/** The converters (geo/io, the CP949 table) arrive with the first file, not with the page. */
const importers = () => import("../actions/imports");

/** Picked filings: one file, or several (a Shapefile's .shp, .shx, .dbf, .prj, .cpg) read together. */
const onFilings = async (files: File[]) => {
  const named = await Promise.all(
    files.map(async (f) => ({ name: f.name, bytes: await fileBytes(f) })),
  );
  const m = await importers();
  return m.importFiles(useAppStore, named, m.importFilingBytes);
};

/** Reads a picked file and hands its bytes to an importer. */
const onFile = (importer: Importer) => async (file: File) =>
  importer(await fileBytes(file), file.name);

export async function exportActiveZone(): Promise<void> {
  await sigunguSettled();
  const s = useAppStore.getState();
  const zone = activeZone(s);
  const report = await committedReport(s);
  const ruleSet = ruleSetFor(zone.ruleSetId, s.customRuleSets);
  download(exportFiling(zone, report, ruleSet), filingFileName(zone), "application/geo+json");
}

export function ImportExport() {
  const t = useT();
  const [hubsCrs, setHubsCrs] = useState("");
  const importHubs: Importer = (bytes, name) =>
    importers().then((m) =>
      m.importHubsBytes(useAppStore, bytes, name, hubsCrs ? { crs: hubsCrs } : {}),
    );
  return (
    <div className="import-export">
      <button type="button" data-testid="export-geojson" onClick={() => void exportActiveZone()}>
        <span aria-hidden="true">⤓</span> {t.exportFiling}
      </button>
      <ExportMenu />
      <FilePicker
        label={
          <>
            <span aria-hidden="true">⤒</span> {t.importFiling}
          </>
        }
        testId="import-file"
        accept={FILING_OR_PARTS_ACCEPT}
        onFiles={onFilings}
      />
      <span className="hub-import">
        <FilePicker
          label={t.importHubs}
          testId="import-hubs"
          accept=".geojson,.json,.csv,.txt,.zip"
          onFile={onFile(importHubs)}
        />
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
      <FilePicker
        label={t.importRules}
        testId="import-rules"
        accept=".json"
        onFile={onFile((b, n) => importers().then((m) => m.importRulesBytes(useAppStore, b, n)))}
      />
    </div>
  );
}
