/** The export menu's items: one per converter that writes, each exporting the active zone. */
import { converterById } from "../../geo/index";
import { exportJoso } from "../actions/cadastre";
import { EXPORT_FORMATS, type ExportFormat, exportZoneAs } from "../actions/exports";
import { failure } from "../actions/imports";
import { committedReport } from "../actions/live-check";
import { CADASTRE_WORDS } from "../i18n/cadastre";
import { sigunguSettled } from "../sigungu-data";
import { useCadastre } from "../store/cadastre";
import { ruleSetFor } from "../store/derive";
import { activeZone, useAppStore } from "../store/store";
import { download } from "./download";

async function exportAs(format: ExportFormat): Promise<void> {
  await sigunguSettled();
  const s = useAppStore.getState();
  const zone = activeZone(s);
  const ruleSet = ruleSetFor(zone.ruleSetId, s.customRuleSets);
  try {
    const out = await exportZoneAs(zone, await committedReport(s), ruleSet, format);
    download(out.data, out.fileName, out.mime);
  } catch (e) {
    s.notify(failure(e, zone.name));
  }
}

export function ExportItems() {
  const lang = useAppStore((s) => s.lang);
  const cadastre = useCadastre((s) => s.status === "ready");
  return (
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
      {cadastre &&
        (["csv", "xlsx"] as const).map((format) => (
          <button
            key={format}
            type="button"
            data-testid={`export-joso-${format}`}
            onClick={(e) => {
              e.currentTarget.closest("details")?.removeAttribute("open");
              void exportJoso(format).then(
                (joso) => joso && download(joso.bytes, joso.fileName, joso.mime),
              );
            }}
          >
            {CADASTRE_WORDS[lang][format === "csv" ? "josoCsv" : "josoXlsx"]}
          </button>
        ))}
    </div>
  );
}
