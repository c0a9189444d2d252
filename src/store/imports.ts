/**
 * Files the planner brings in: a filing, a hub file, a rules file. A file that can't be used
 * gives a Korean and English notice and leaves the project exactly as it was.
 */
import { isFilingError, loadRuleSet, readHubs } from "../../geo/index";
import { importFiling } from "./filing-io";
import type { AppStore } from "./store";
import type { Notice } from "./types";

function failure(e: unknown, fileName: string): Notice {
  if (isFilingError(e)) {
    return { kind: "error", ko: `${fileName}: ${e.ko}`, en: `${fileName}: ${e.en}` };
  }
  const detail = e instanceof Error ? e.message : String(e);
  return {
    kind: "error",
    ko: `${fileName}: 파일을 읽을 수 없습니다 (${detail})`,
    en: `${fileName}: the file can't be read (${detail})`,
  };
}

/** Import a filing as a new zone of the project (one undo step). */
export function importFilingText(store: AppStore, text: string, fileName: string): boolean {
  const s = store.getState();
  try {
    const doc = importFiling(text, "import", fileName.replace(/\.(czd\.)?(geo)?json$/i, ""));
    const { id: _ignored, ...rest } = doc;
    s.addZone(rest);
    s.notify({
      kind: "info",
      ko: `${fileName}: 지구 ${doc.parcels.length}개를 가져왔습니다`,
      en: `${fileName}: imported ${doc.parcels.length} parcel(s)`,
    });
    return true;
  } catch (e) {
    s.notify(failure(e, fileName));
    return false;
  }
}

/** Import a hub file (GeoJSON or CSV of FILING.md) as a new hub layer. */
export function importHubsText(store: AppStore, text: string, fileName: string): boolean {
  const s = store.getState();
  try {
    const hubs = readHubs(text, fileName);
    s.addHubLayer({
      id: `hubs-${fileName}`,
      name: fileName,
      hubs,
      approximate: false,
      builtin: false,
      visible: true,
    });
    s.notify({
      kind: "info",
      ko: `${fileName}: 거점 ${hubs.length}개`,
      en: `${fileName}: ${hubs.length} hub(s)`,
    });
    return true;
  } catch (e) {
    s.notify(failure(e, fileName));
    return false;
  }
}

/** Load a reviewer's rules file; it becomes selectable for every zone. */
export function importRulesText(store: AppStore, text: string, fileName: string): boolean {
  const s = store.getState();
  try {
    let parsed: unknown;
    try {
      parsed = JSON.parse(text);
    } catch {
      throw new Error("not JSON");
    }
    const ruleSet = loadRuleSet(parsed);
    s.addRuleSet(ruleSet);
    s.notify({ kind: "info", ko: `규칙 ${ruleSet.name.ko}`, en: `Rule set ${ruleSet.name.en}` });
    return true;
  } catch (e) {
    s.notify(failure(e, fileName));
    return false;
  }
}
