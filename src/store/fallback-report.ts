/**
 * The report when the geo core can't give one (a shape it refuses mid-edit): the pen is never
 * blocked, and the panel shows why there are no figures. An empty zone is the core's own
 * NO_PARCEL report, not this.
 */
import {
  errorText,
  HUB_TYPES,
  isFilingError,
  type Report,
  type RuleSet,
  radiusLimitKm,
} from "../../geo/index";

export function fallbackReport(ruleSet: RuleSet, cause: unknown, sido: string | null): Report {
  const counts = Object.create(null) as Record<string, number> & { total: number };
  counts.total = 0;
  for (const t of HUB_TYPES) counts[t] = 0;
  const findings: Report["findings"] = [
    {
      code: "INVALID_GEOMETRY",
      severity: "error",
      parcels: [],
      figures: {},
      message: isFilingError(cause) ? errorText(cause.data, "ko") : "지구를 검토할 수 없습니다",
      messageEn: isFilingError(cause) ? errorText(cause.data, "en") : "The zone can't be checked",
    },
  ];
  return {
    verdict: "fail",
    ruleSet: ruleSet.id,
    ruleSetVersion: ruleSet.version,
    sido: {
      code: null,
      name: null,
      from: "none",
      metro: false,
      shares: [],
      why: { ko: "지구를 검토할 수 없습니다", en: "the zone can't be checked" },
    },
    area: {
      totalKm2: 0,
      parcels: [],
      tm: { crs: "EPSG:5186", totalKm2: 0 },
      capKm2: ruleSet.areaCapKm2,
    },
    envelope: { shape: "circle", given: false, limitKm: radiusLimitKm(ruleSet, sido) },
    hubs: { counts, partial: [], given: false, sources: [] },
    findings,
  };
}
