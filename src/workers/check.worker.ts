/**
 * The check Worker: the geo core's checkFiling, as `czd check` runs it, off the page's thread, so
 * a large or hostile zone (a check of many seconds) never freezes the page. It keeps the hub
 * index (rebuilt per layer change) and the last zone sent, so a drag sends only the moved parcel.
 */
import {
  checkFiling,
  type HubIndex,
  indexHubSources,
  isFilingError,
  provideSido,
  provideSigungu,
  type Report,
  ruleSetById,
  type Zone,
} from "../../geo/index";
import { fallbackReport } from "../store/fallback-report";
import type {
  CheckFailure,
  CheckRequest,
  CheckWorkerReply,
  CheckWorkerRequest,
} from "./check-protocol";

/** The 시·도 boundaries, which every check needs (null until the page sets the Worker up). */
let sido: Promise<void> | null = null;
let sigungu: Promise<void> = Promise.resolve();
let sigunguIn = false;
let hubs: { version: number; index: HubIndex } = { version: 0, index: indexHubSources([]) };
let zone: { key: number; zone: Zone } | null = null;

function reply(message: CheckWorkerReply): void {
  self.postMessage(message);
}

async function fetchJson(url: string): Promise<unknown> {
  const res = await fetch(url);
  if (!res.ok) throw new Error(`${url}: HTTP ${res.status}`);
  return res.json();
}

function setUp(sidoUrl: string, sigunguUrl: string): void {
  sido = fetchJson(sidoUrl).then(provideSido);
  // Each check awaits it and reports a failure; this only keeps it from being unhandled.
  sido.catch(() => undefined);
  sigungu = fetchJson(sigunguUrl)
    .then((fc) => {
      provideSigungu(fc);
      sigunguIn = true;
    })
    .catch((e: unknown) => console.warn("시·군·구 not loaded", e))
    .finally(() => reply({ kind: "sigungu" }));
}

function zoneOf(req: CheckRequest): Zone {
  if (req.zone) zone = { key: req.zoneKey, zone: req.zone };
  if (!zone || zone.key !== req.zoneKey) throw new Error(`zone ${req.zoneKey} was not sent`);
  const { preview } = req;
  if (!preview) return zone.zone;
  const parcels = zone.zone.parcels.map((p) => (p.id === preview.id ? preview : p));
  return { ...zone.zone, parcels };
}

function failureOf(e: unknown): CheckFailure {
  if (isFilingError(e)) return { code: e.code, ko: e.ko, en: e.en };
  const text = e instanceof Error ? e.message : String(e);
  return { code: "BAD_FILE", ko: `검사할 수 없습니다 (${text})`, en: `Can't be checked (${text})` };
}

async function check(req: CheckRequest): Promise<{ report: Report; failed?: CheckFailure }> {
  const ruleSet = req.unknownRuleSet ? ruleSetById(req.ruleSet.id) : req.ruleSet;
  let sidoCode: string | null = null;
  try {
    const target = zoneOf(req);
    if (typeof target.meta.sido === "string") sidoCode = target.meta.sido;
    if (!sido) throw new Error("the check Worker was not set up");
    await sido;
    if (req.awaitSigungu) await sigungu;
    return { report: checkFiling(target, { ruleSet, hubs: hubs.index }) };
  } catch (e) {
    return { report: fallbackReport(ruleSet, e, sidoCode), failed: failureOf(e) };
  }
}

self.onmessage = async (e: MessageEvent<CheckWorkerRequest>) => {
  const req = e.data;
  if (req.kind === "setup") setUp(req.sidoUrl, req.sigunguUrl);
  else if (req.kind === "hubs")
    hubs = { version: req.version, index: indexHubSources(req.sources) };
  else {
    const checked = await check(req);
    reply({ kind: "report", id: req.id, ...checked, sigungu: sigunguIn });
  }
};
