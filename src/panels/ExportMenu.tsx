/** The filing in the other formats: GeoJSON in a TM plane, zipped Shapefile, CSV of areas. */
import { converterById } from "../../geo/index";
import { EXPORT_FORMATS, type ExportFormat, exportZoneAs } from "../actions/exports";
import { failure } from "../actions/imports";
import { useT } from "../i18n";
import { sigunguSettled } from "../sigungu-data";
import { ruleSetFor, selectCommittedReport } from "../store/derive";
import { activeZone, useAppStore } from "../store/store";
import { download } from "./download";

async function exportAs(format: ExportFormat): Promise<void> {
  await sigunguSettled();
  const s = useAppStore.getState();
  const zone = activeZone(s);
  const ruleSet = ruleSetFor(zone.ruleSetId, s.customRuleSets);
  try {
    const out = await exportZoneAs(zone, selectCommittedReport(s), ruleSet, format);
    download(out.data, out.fileName, out.mime);
  } catch (e) {
    s.notify(failure(e, zone.name));
  }
}

export function ExportMenu() {
  const t = useT();
  const lang = useAppStore((s) => s.lang);
  return (
    <details className="export-menu" data-testid="export-menu">
      <summary>{t.exportOther}</summary>
      <div className="export-menu-items">
        {EXPORT_FORMATS.map((id) => (
          <button
            key={id}
            type="button"
            data-testid={`export-${id}`}
            onClick={(e) => {
              e.currentTarget.closest("details")?.removeAttribute("open");
              void exportAs(id);
            }}
          >
            {converterById(id).label[lang]}
          </button>
        ))}
      </div>
    </details>
  );
}
