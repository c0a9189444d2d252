/**
 * Files the planner brings in: a filing (GeoJSON in any CRS of FILING.md, a zipped Shapefile), a
 * hub file (GeoJSON, CSV in UTF-8 or CP949), a rules file. All go through the geo core's
 * converters on the file's bytes; a file that can't be used gives a Korean and English notice
 * naming it and leaves the project exactly as it was (nothing is added until all is read).
 */
import {
  errorText,
  importHubs,
  importZone,
  importZoneParts,
  isFilingError,
  isShapefilePart,
  loadRuleSet,
  type NamedBytes,
  type ReadOptions,
  type Zone,
} from "../../geo/index";
import { APP_CRS_HINT } from "../i18n/hints";
import type { AppStore } from "../store/store";
import type { Notice } from "../store/types";
import { nameFromFile, zoneDocOf } from "./filing-io";

/** The notice for a file that can't be used: the geo core's own words, naming the file once. */
export function failure(e: unknown, fileName: string): Notice {
  if (isFilingError(e)) {
    // The edge: both sentences from the tables; the notice shows the UI language's.
    const ko = errorText(e.data, "ko");
    const en = errorText(e.data, "en");
    return e.names(fileName)
      ? { kind: "error", ko, en }
      : { kind: "error", ko: `${fileName}: ${ko}`, en: `${fileName}: ${en}` };
  }
  const detail = e instanceof Error ? e.message : String(e);
  return {
    kind: "error",
    ko: `${fileName}: 파일을 읽을 수 없습니다 (${detail})`,
    en: `${fileName}: the file can't be read (${detail})`,
  };
}

/**
 * Runs one import: `work` reads everything, then changes the store and returns the notice to
 * show. Any failure becomes one ko/en notice naming the file, and the project stays as it was.
 */
async function importing(
  store: AppStore,
  fileName: string,
  work: () => Promise<Notice>,
): Promise<boolean> {
  try {
    store.getState().notify(await work());
    return true;
  } catch (e) {
    store.getState().notify(failure(e, fileName));
    return false;
  }
}

/** A zone the geo core read becomes a new zone of the project (one undo step), shown on the map. */
function addImported(store: AppStore, zone: Zone, fileName: string, zoneName: string): Notice {
  const { id: _ignored, ...rest } = zoneDocOf(zone, "import", zoneName);
  store.getState().addZone(rest);
  // Show what came in: the map zooms to the imported parcels.
  store.getState().focusParcels(rest.parcels.map((p) => p.id));
  const crs = zone.sourceCrs === "EPSG:4326" ? "" : ` (${zone.sourceCrs} → WGS84)`;
  return {
    kind: "info",
    ko: `${fileName}: 구역 ${rest.parcels.length}개를 가져왔습니다${crs}`,
    en: `${fileName}: imported ${rest.parcels.length} parcel(s)${crs}`,
  };
}

/** Import a filing of any readable format as a new zone of the project (one undo step). */
export function importFilingBytes(
  store: AppStore,
  bytes: Uint8Array,
  fileName: string,
): Promise<boolean> {
  return importing(store, fileName, async () =>
    addImported(store, await importZone(bytes, fileName), fileName, nameFromFile(fileName)),
  );
}

/**
 * Import a Shapefile picked as loose parts (.shp with its .shx, .dbf, .prj, .cpg) as one new
 * zone, as if they had been zipped; a missing .shx or .dbf is named in the notice.
 */
export function importShapefileParts(store: AppStore, files: NamedBytes[]): Promise<boolean> {
  const shp = files.find((f) => /\.shp$/i.test(f.name)) ?? files[0];
  const fileName = shp?.name ?? "";
  return importing(store, fileName, async () =>
    addImported(store, await importZoneParts(files), fileName, fileName.replace(/\.[^.]*$/, "")),
  );
}

/**
 * Several files at once (picked or dropped): a Shapefile's loose parts together as one zone,
 * every other file on its own through `single` (a filing, or for a drop a CSV hub list too).
 */
export async function importFiles(
  store: AppStore,
  files: NamedBytes[],
  single: (
    store: AppStore,
    bytes: Uint8Array,
    fileName: string,
  ) => Promise<boolean> = importDropped,
): Promise<boolean> {
  const parts = files.filter((f) => isShapefilePart(f.name));
  let ok = true;
  if (parts.length > 0) ok = (await importShapefileParts(store, parts)) && ok;
  for (const f of files) {
    if (!isShapefilePart(f.name)) ok = (await single(store, f.bytes, f.name)) && ok;
  }
  return ok;
}

/**
 * Import a hub file (GeoJSON, CSV with 위도/경도, lat/lon or x/y columns, zipped Shapefile) as a
 * new hub layer; `opts.crs` is the CRS of x/y columns, which a CSV can't name itself.
 */
export function importHubsBytes(
  store: AppStore,
  bytes: Uint8Array,
  fileName: string,
  opts: ReadOptions = {},
): Promise<boolean> {
  return importing(store, fileName, async () => {
    // The core's message for x/y columns names the CRS menu beside the hub import, not --hubs-crs.
    const hubs = await importHubs(bytes, fileName, { ...opts, crsHint: APP_CRS_HINT });
    store.getState().addHubLayer({
      id: `hubs-${fileName}`,
      name: fileName,
      hubs,
      approximate: false,
      builtin: false,
      visible: true,
    });
    return {
      kind: "info",
      ko: `${fileName}: 거점 ${hubs.length}개`,
      en: `${fileName}: ${hubs.length} hub(s)`,
    };
  });
}

/** Load a reviewer's rules file (UTF-8 JSON); it becomes selectable for every zone. */
export function importRulesBytes(
  store: AppStore,
  bytes: Uint8Array,
  fileName: string,
): Promise<boolean> {
  return importing(store, fileName, async () => {
    let parsed: unknown;
    try {
      parsed = JSON.parse(new TextDecoder("utf-8", { fatal: true }).decode(bytes));
    } catch {
      throw new Error("not JSON");
    }
    const ruleSet = loadRuleSet(parsed);
    store.getState().addRuleSet(ruleSet);
    return { kind: "info", ko: `규칙 ${ruleSet.name.ko}`, en: `Rule set ${ruleSet.name.en}` };
  });
}

/** A dropped file: a CSV is a hub list, anything else a filing. */
export function importDropped(
  store: AppStore,
  bytes: Uint8Array,
  fileName: string,
): Promise<boolean> {
  return /\.(csv|txt)$/i.test(fileName)
    ? importHubsBytes(store, bytes, fileName)
    : importFilingBytes(store, bytes, fileName);
}
