/**
 * Opening a cadastre (in the Worker, with progress and cancel), keeping it for the next visit (the
 * Worker packs its parsed 필지 into IndexedDB itself) and restoring it on a reload, and the 지번
 * 조서 of the active zone.
 */
import { errorText, isFilingError } from "../../geo/index";
import { CADASTRE_WORDS } from "../i18n/cadastre";
import { forgetFiles, forgetKept, keptFiles, keptManifest } from "../persistence/cadastre-kept";
import { sigunguSettled } from "../sigungu-data";
import { setOutlines, useCadastre } from "../store/cadastre";
import { ruleSetFor } from "../store/derive";
import { activeZone, useAppStore } from "../store/store";
import {
  Cancelled,
  cancelCadastre,
  josoInWorker,
  keepInWorker,
  type Opened,
  openInWorker,
  restoreInWorker,
} from "../workers/cadastre-client";
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

function show(opened: Opened): void {
  setOutlines(opened.layers, opened.count, opened.outlines);
  useCadastre.setState({ from: opened.from, restoring: false });
}

/**
 * Has the Worker keep what it holds for the next visit. Not keeping (storage full, private
 * browsing) loses nothing open now: the planner is told a reload will need the file again.
 */
async function keep(): Promise<void> {
  try {
    await keepInWorker();
    useCadastre.setState({ kept: true });
  } catch (e) {
    if (e instanceof Cancelled) return;
    const params = isFilingError(e) ? (e.data.params as { why?: unknown } | undefined) : undefined;
    const why = String(params?.why ?? e);
    useAppStore.getState().notify({
      kind: "error",
      ko: CADASTRE_WORDS.ko.keepFailed(why),
      en: CADASTRE_WORDS.en.keepFailed(why),
    });
  }
}

/** Files being added to a cadastre already open (a cancel then brings back what was kept). */
let adding = false;

/** Says what files picked while a cadastre was open added to it (or that they were open already). */
function tellAdded(opened: Opened): void {
  const added = opened.added;
  if (!added) return;
  const words = (lang: "ko" | "en") => {
    const w = CADASTRE_WORDS[lang];
    return added.count === 0
      ? w.addedNone(opened.count)
      : w.addedLayers(added.layers.join(", "), added.count, added.skipped, opened.count);
  };
  useAppStore.getState().notify({ kind: "info", ko: words("ko"), en: words("en") });
}

/**
 * Reads the files in the Worker (their bytes transferred to it, not copied); on success the Worker
 * keeps the parsed 필지 for the next visit. The same files picked again come from what it kept.
 * Files picked while a cadastre is open are added to it (a neighbouring 시·군); a 필지 already
 * open is not added twice. A file that can't be read then leaves the open cadastre as it was.
 */
export async function openCadastreFiles(files: NamedFile[]): Promise<boolean> {
  adding = useCadastre.getState().status === "ready";
  const kept = useCadastre.getState().kept;
  useCadastre.setState({ status: "loading", restoring: false, kept: false, read: 0, total: 0 });
  try {
    const opened = await openInWorker(files, (read, total) =>
      useCadastre.setState({ read, total }),
    );
    show(opened);
    tellAdded(opened);
  } catch (e) {
    const back = adding && !(e instanceof Cancelled);
    useCadastre.setState(back ? { status: "ready", kept } : { status: "none", restoring: false });
    adding = false;
    fail(e);
    return false;
  }
  adding = false;
  await keep();
  return true;
}

/**
 * At start: the cadastre kept at the last visit, restored by the Worker without reading the
 * Shapefile. One kept that can't be read (an older format, damaged) is forgotten, with a notice
 * asking for the file again. Files kept by the first versions of the app are read once more and
 * kept in the new form.
 */
export async function restoreCadastre(): Promise<void> {
  if (useCadastre.getState().status !== "none") return;
  if (!(await keptManifest())) {
    const old = await keptFiles();
    if (old?.length && (await openCadastreFiles(old))) await forgetFiles();
    return;
  }
  useCadastre.setState({ status: "loading", restoring: true, read: 0, total: 0 });
  try {
    const restored = await restoreInWorker();
    if ("unkept" in restored) {
      useCadastre.setState({ status: "none", restoring: false });
      if (restored.unkept === "missing") return;
      const names = restored.names.join(", ");
      useAppStore.getState().notify({
        kind: "error",
        ko: CADASTRE_WORDS.ko.unkept(names, restored.unkept),
        en: CADASTRE_WORDS.en.unkept(names, restored.unkept),
      });
      return;
    }
    show(restored);
    useCadastre.setState({ kept: true });
  } catch (e) {
    useCadastre.setState({ status: "none", restoring: false });
    fail(e);
  }
}

/**
 * Stops a read (the Worker is ended, and what it held with it). Cancelling files being added to
 * an open cadastre brings that cadastre back from what was kept of it.
 */
export function cancelOpening(): void {
  const wasAdding = adding;
  adding = false;
  cancelCadastre();
  setOutlines([], 0, null);
  useCadastre.setState({ status: "none", restoring: false, read: 0, total: 0 });
  if (wasAdding) void restoreCadastre();
}

/** Closes the cadastre and forgets what was kept of it (every layer). */
export async function closeCadastre(): Promise<void> {
  cancelCadastre();
  setOutlines([], 0, null);
  useCadastre.setState({ picking: false, from: null, kept: false });
  await forgetKept();
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
