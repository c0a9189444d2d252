/**
 * What the check Worker does, as a plain object: the geo core's checkFiling, as `czd check` runs
 * it, with the 시·도 and 시·군·구 boundaries loaded once, the hub index rebuilt per layer change
 * and the last zone kept, so a drag sends only the moved parcel. check.worker.ts runs it in a Web
 * Worker; the tests run the same engine in-process (test/support/check-port.ts).
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

export class CheckEngine {
  /** The 시·도 boundaries, which every check needs (null until the page sets the engine up). */
  private sido: Promise<void> | null = null;
  private sigungu: Promise<void> = Promise.resolve();
  private sigunguIn = false;
  private hubs: { version: number; index: HubIndex } = { version: 0, index: indexHubSources([]) };
  private zone: { key: number; zone: Zone } | null = null;

  /**
   * @param loadJson fetches a boundary file by the URL the page sends
   * @param reply hands a reply back to the page
   */
  constructor(
    private readonly loadJson: (url: string) => Promise<unknown>,
    private readonly reply: (message: CheckWorkerReply) => void,
  ) {}

  async handle(req: CheckWorkerRequest): Promise<void> {
    if (req.kind === "setup") this.setUp(req.sidoUrl, req.sigunguUrl);
    else if (req.kind === "hubs") {
      this.hubs = { version: req.version, index: indexHubSources(req.sources) };
    } else {
      const checked = await this.check(req);
      this.reply({ kind: "report", id: req.id, ...checked, sigungu: this.sigunguIn });
    }
  }

  private setUp(sidoUrl: string, sigunguUrl: string): void {
    this.sido = this.loadJson(sidoUrl).then(provideSido);
    // Each check awaits it and reports a failure; this only keeps it from being unhandled.
    this.sido.catch(() => undefined);
    this.sigungu = this.loadJson(sigunguUrl)
      .then((fc) => {
        provideSigungu(fc);
        this.sigunguIn = true;
      })
      .catch((e: unknown) => console.warn("시·군·구 not loaded", e))
      .finally(() => this.reply({ kind: "sigungu" }));
  }

  private zoneOf(req: CheckRequest): Zone {
    if (req.zone) this.zone = { key: req.zoneKey, zone: req.zone };
    const kept = this.zone;
    if (!kept || kept.key !== req.zoneKey) throw new Error(`zone ${req.zoneKey} was not sent`);
    const { preview } = req;
    if (!preview) return kept.zone;
    const parcels = kept.zone.parcels.map((p) => (p.id === preview.id ? preview : p));
    return { ...kept.zone, parcels };
  }

  private async check(req: CheckRequest): Promise<{ report: Report; failed?: CheckFailure }> {
    const ruleSet = req.unknownRuleSet ? ruleSetById(req.ruleSet.id) : req.ruleSet;
    let sidoCode: string | null = null;
    try {
      const target = this.zoneOf(req);
      if (typeof target.meta.sido === "string") sidoCode = target.meta.sido;
      if (!this.sido) throw new Error("the check Worker was not set up");
      await this.sido;
      if (req.awaitSigungu) await this.sigungu;
      return { report: checkFiling(target, { ruleSet, hubs: this.hubs.index }) };
    } catch (e) {
      return { report: fallbackReport(ruleSet, e, sidoCode), failed: failureOf(e) };
    }
  }
}

function failureOf(e: unknown): CheckFailure {
  if (isFilingError(e)) return e.data;
  const why = e instanceof Error ? e.message : String(e);
  return { code: "BAD_FILE", params: { kind: "CANNOT_CHECK", why } };
}
