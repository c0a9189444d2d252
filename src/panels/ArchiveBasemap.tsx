/**
 * The PMTiles basemap in the status bar: which basemap is drawn (the archive's file name, where
 * it came from, vector or raster, over the embedded borders; or the embedded map alone) and a
 * picker to open an archive from disk (docs/offline.md).
 */
import { useT } from "../i18n";
import { requestArchiveFile, useArchiveBasemap } from "../store/archive-basemap";
import { FilePicker } from "./FilePicker";

export function ArchiveBasemap() {
  const t = useT();
  const archive = useArchiveBasemap((s) => s.archive);
  let text = t.dataNote;
  if (archive?.state === "failed")
    text = `${t.archiveFailed}: ${archive.name} — ${archive.error ?? ""} · ${t.dataNote}`;
  else if (archive) {
    const origin = archive.origin === "beside" ? t.archiveBeside : t.archiveFromDisk;
    const kind = archive.kind === "raster" ? t.archiveRaster : t.archiveVector;
    text =
      archive.state === "loading"
        ? `${t.archiveInUse}: ${archive.name} (${t.archiveLoading}…)`
        : `${t.archiveInUse}: ${archive.name} (${kind}, ${origin}) · ${t.dataNote}`;
  }
  return (
    <span
      className="small"
      data-testid="basemap-name"
      data-state={archive?.state ?? "embedded"}
      data-kind={archive?.kind ?? ""}
      role={archive?.state === "failed" ? "alert" : undefined}
    >
      <span className="basemap-name-text" title={text}>
        {text}
      </span>{" "}
      <FilePicker
        label={t.archiveOpen}
        testId="basemap-archive-file"
        accept=".pmtiles"
        onFile={async (file) => requestArchiveFile(file)}
      />
    </span>
  );
}
