/**
 * Opening a cadastre (in the Worker, with progress and cancel), keeping it for the next visit (the
 * Worker packs its parsed 필지 into IndexedDB itself) and restoring it on a reload, and the 지번
 * 조서 of the active zone.
 */
import { errorText, isFilingError } from "../../geo/index";
import { CADASTRE_WORDS } from "../i18n/cadastre";
import {
  forgetFiles,
  forgetKept,
  keptBytes,
  keptFiles,
  keptManifest,
} from "../persistence/cadastre-kept";
import { sigunguSettled } from "../sigungu-data";
import { setOutlines, useCadastre } from "../store/cadastre";
import { ruleSetFor } from "../store/derive";
import { activeZone, useAppStore } from "../store/store";
import {
  Cancelled,
  cancelCadastre,
  closeLayerInWorker,
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
  // Before the cadastre is shown: the 구역 listed again after an add are those meeting it.
  useCadastre.setState({ addedExtent: opened.added?.extent ?? null });
  setOutlines(opened.layers, opened.count, opened.outlines, opened.places);
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
    if (added.twice) return w.heldOnce(added.skipped, opened.count);
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
  useCadastre.setState({
    status: "loading",
    restoring: false,
    kept: false,
    read: 0,
    total: 0,
    unit: "pilji",
  });
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
 * Shapefile. A 시·군 whose kept entry can't be read is left out (and forgotten), the others
 * restored, with a notice naming the file to open again; when none can be read (an older format,
 * damaged) the whole is forgotten, with the same notice. Files kept by the first versions of the
 * app are read once more and kept in the new form.
 */
export async function restoreCadastre(): Promise<void> {
  if (useCadastre.getState().status !== "none") return;
  if (!(await keptManifest())) {
    const old = await keptFiles();
    if (old?.length && (await openCadastreFiles(old))) await forgetFiles();
    return;
  }
  const manifest = await keptManifest();
  // The same progress as a read, its total known from the manifest before the Worker starts:
  // first the bytes of the kept entries read from IndexedDB (a 시·군's are tens of MB), then the
  // 필지 unpacked. A manifest not sizing its entries starts with the 필지.
  const layers = Array.isArray(manifest?.layers) ? manifest.layers : [];
  const bytes = manifest && layers.length ? keptBytes(manifest) : 0;
  const total = bytes || layers.reduce((n, l) => n + (Number(l?.count) || 0), 0);
  const unit = bytes ? "bytes" : "pilji";
  useCadastre.setState({ status: "loading", restoring: true, read: 0, total, unit });
  try {
    const restored = await restoreInWorker((read, total, unit) =>
      useCadastre.setState({ read, total, unit }),
    );
    if ("unkept" in restored) {
      useCadastre.setState({ status: "none", restoring: false });
      if (restored.unkept === "missing") return;
      const names = restored.names.join(", ");
      const what = (lang: "ko" | "en") => names || CADASTRE_WORDS[lang].keptCadastre;
      useAppStore.getState().notify({
        kind: "error",
        ko: CADASTRE_WORDS.ko.unkept(what("ko"), restored.unkept),
        en: CADASTRE_WORDS.en.unkept(what("en"), restored.unkept),
      });
      return;
    }
    show(restored);
    useCadastre.setState({ kept: true });
    // One 시·군's entry could not be read: the others are open; that file must be opened again.
    const lost = restored.lost?.map((l) => `${l.place} (${l.name})`).join(", ");
    if (lost)
      useAppStore.getState().notify({
        kind: "error",
        ko: CADASTRE_WORDS.ko.lostLayers(lost, restored.count),
        en: CADASTRE_WORDS.en.lostLayers(lost, restored.count),
      });
  } catch (e) {
    useCadastre.setState({ status: "none", restoring: false });
    if (e instanceof Cancelled) {
      // What was kept stays kept: the next visit (or the same file picked again) brings it back.
      useAppStore.getState().notify({
        kind: "info",
        ko: CADASTRE_WORDS.ko.restoreCancelled,
        en: CADASTRE_WORDS.en.restoreCancelled,
      });
    }
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

/** The PNUs the 구역 of every zone name, whole or in part. */
function namedPnus(): Set<string> {
  const out = new Set<string>();
  for (const zone of useAppStore.getState().zones)
    for (const p of zone.parcels) {
      const { pnu, partialPnu } = p.properties as { pnu?: unknown; partialPnu?: unknown };
      if (Array.isArray(pnu)) for (const x of pnu) if (typeof x === "string") out.add(x);
      if (Array.isArray(partialPnu))
        for (const x of partialPnu as { pnu?: unknown }[])
          if (typeof x?.pnu === "string") out.add(x.pnu);
    }
  return out;
}

/** The 구역 (of every zone) naming any of these PNUs. */
function areasNaming(pnus: ReadonlySet<string>): number {
  let n = 0;
  for (const zone of useAppStore.getState().zones)
    for (const p of zone.parcels) {
      const { pnu, partialPnu } = p.properties as { pnu?: unknown; partialPnu?: unknown };
      const named = [
        ...(Array.isArray(pnu) ? pnu : []),
        ...(Array.isArray(partialPnu) ? partialPnu.map((x: { pnu?: unknown }) => x?.pnu) : []),
      ];
      if (named.some((x) => typeof x === "string" && pnus.has(x))) n++;
    }
  return n;
}

/**
 * The files whose close is on its way to the Worker (a second press of their × does nothing),
 * each by its name and which of the files so named it is: two files of one 시·군 opened side by
 * side are two entries, and the second's × works while the first's close is on its way.
 */
const closing = new Set<string>();

/** The key of the file at `i` in `layers`: its name, and its place among the files so named. */
function closingKey(layers: readonly string[], i: number, name: string): string {
  let nth = 0;
  for (let k = 0; k < i; k++) if (layers[k] === name) nth++;
  return `${nth}:${name}`;
}

/**
 * Closes one 시·군's file (`name`, listed at `at` when its button was drawn): its 필지 leave the
 * Worker (tiles, indexes, 지번 search) and what is kept, the map's tiles are fetched again. The
 * 구역 are left exactly as drawn: a 구역 built from 필지 of that file keeps its geometry and its
 * PNU list (what the planner designated does not change because a file was closed); a notice says
 * how many of the 필지 they name are no longer open. The last file closed closes the cadastre,
 * also when the others' closes are still on their way. The file is found by its name: a press
 * that comes after the list changed (the same × twice, quickly) never closes another file.
 */
export async function closeCadastreLayer(at: number, listed?: string): Promise<void> {
  const s = useCadastre.getState();
  const name = listed ?? s.layers[at];
  const i = s.layers[at] === name ? at : s.layers.indexOf(name ?? "");
  if (s.status !== "ready" || name === undefined || i < 0) return;
  const key = closingKey(s.layers, i, name);
  if (closing.has(key)) return;
  const place = s.places[i] ?? name;
  if (s.layers.length - closing.size <= 1) {
    closing.clear();
    await closeCadastre();
    return;
  }
  closing.add(key);
  try {
    const closed = await closeLayerInWorker(i, name, [...namedPnus()]);
    // Closed meanwhile (닫기, or the last file's ×), or an add began: its own answer tells.
    if (useCadastre.getState().status !== "ready") return;
    if (closed.layers.length === 0) {
      await closeCadastre();
      return;
    }
    setOutlines(closed.layers, closed.count, closed.outlines, closed.places);
    if (!closed.kept) useCadastre.setState({ kept: false });
    if (!closed.closed) return;
    const areas = areasNaming(new Set(closed.gone));
    const words = (lang: "ko" | "en") =>
      CADASTRE_WORDS[lang].closedLayer(place, closed.count, closed.gone.length, areas);
    useAppStore.getState().notify({ kind: "info", ko: words("ko"), en: words("en") });
  } catch (e) {
    fail(e);
  } finally {
    closing.delete(key);
  }
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
