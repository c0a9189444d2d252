/**
 * Opening a cadastre (in the Worker, with progress and cancel), keeping its files in IndexedDB
 * so a reload brings it back, and the 지번 조서 of the active zone.
 */
import { errorText, isFilingError } from "../../geo/index";
import { forgetFiles, keepFiles } from "../persistence/cadastre-kept";
import { sigunguSettled } from "../sigungu-data";
import { setOutlines, useCadastre } from "../store/cadastre";
import { ruleSetFor } from "../store/derive";
import { activeZone, useAppStore } from "../store/store";
import { Cancelled, cancelCadastre, josoInWorker, openInWorker } from "../workers/cadastre-client";
import type { NamedFile } from "../workers/cadastre-protocol";
import { exportFiling, filingFileName } from "./filing-io";
import { committedReport } from "./live-check";

function fail(e: unknown): void {
  if (e instanceof Cancelled) return;
  const ko = isFilingError(e) ? errorText(e.data, "ko") : String(e);
  const en = isFilingError(e) ? errorText(e.data, "en") : String(e);
  useAppStore
    .getState()
    .notify({ kind: "error", ko: `연속지적도: ${ko}`, en: `Cadastral map: ${en}` });
}

/** Reads the files in the Worker; on success keeps them for the next visit. */
export async function openCadastreFiles(files: NamedFile[], keep = true): Promise<boolean> {
  useCadastre.setState({ status: "loading", read: 0, total: 0 });
  try {
    const { layers, count, outlines } = await openInWorker(
      files.map((f) => ({ name: f.name, bytes: f.bytes.slice() })),
      (read, total) => useCadastre.setState({ read, total }),
    );
    setOutlines(layers, count, outlines);
    if (keep) await keepFiles(files);
    return true;
  } catch (e) {
    useCadastre.setState({ status: "none" });
    fail(e);
    return false;
  }
}

/** Reads again the files kept from last time (src/cadastre/kept.ts). */
export async function restoreCadastre(files: NamedFile[]): Promise<void> {
  if (useCadastre.getState().status === "none") await openCadastreFiles(files, false);
}

export function cancelOpening(): void {
  cancelCadastre();
  useCadastre.setState({ status: "none", read: 0, total: 0 });
}

export async function closeCadastre(): Promise<void> {
  cancelCadastre();
  setOutlines([], 0, null);
  useCadastre.setState({ picking: false });
  await forgetFiles();
}

/**
 * The 지번 조서 of the active zone, made from the very filing the export button writes, so
 * `czd parcels` on that file gives the same bytes.
 */
export async function exportJoso(
  format: "csv" | "xlsx",
): Promise<{ bytes: Uint8Array; fileName: string; mime: string } | null> {
  await sigunguSettled();
  const s = useAppStore.getState();
  const zone = activeZone(s);
  try {
    const ruleSet = ruleSetFor(zone.ruleSetId, s.customRuleSets);
    const filing = exportFiling(zone, await committedReport(s), ruleSet);
    const name = filingFileName(zone);
    const bytes = await josoInWorker(filing, name, format, "utf-8");
    const stem = name.replace(/\.geojson$/i, "");
    const mime =
      format === "xlsx"
        ? "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
        : "text/csv;charset=utf-8";
    return { bytes, fileName: `${stem}-지번조서.${format}`, mime };
  } catch (e) {
    fail(e);
    return null;
  }
}
