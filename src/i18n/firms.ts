/** The proposals panel's words, ko (default) and en, apart from the shared message tables. */

import type { Lang } from "../../geo/index";
import { useAppStore } from "../store/store";

const ko = {
  title: "기업 분포 제안",
  importFirms: "기업 파일 (CSV·GeoJSON·SHP ZIP)",
  weightColumn: "가중치 열",
  weightHint: "예: 종업원수 (비우면 기업마다 1)",
  industry: "업종 조건",
  industryHint: "예: 업종=제조업,정보통신업",
  xyCrs: "x/y 좌표계",
  lonLat: "위도/경도",
  reading: "읽는 중",
  cancel: "취소",
  firms: "기업",
  totalWeight: "가중치 합계",
  propose: "제안 계산",
  proposing: "계산 중…",
  shape: "모양",
  covered: "범위 안 가중치",
  inParcels: "구역 안 가중치",
  firmsIn: "포함 기업",
  curve: "구역 면적별 포함 가중치",
  share: "지역 대비",
  ofBound: "최적 상한 대비",
  parcels: "구역 (면적 상한 안)",
  hubs: "거점",
  envelopeKm2: "범위 면적",
  accept: "새 지구로 채택",
  replace: "현재 지구 바꾸기",
  confirmReplace: "지구 '{name}'의 구역 {n}개와 지정 범위를 이 제안으로 바꿉니다. 계속할까요?",
  otherZone: "제안은 다른 지구에 대한 것입니다. 이 지구에 대해 다시 계산하십시오.",
  noFirms: "기업 파일을 여십시오. 히트맵과 점으로 지도에 보입니다.",
  boundNote:
    "최적 상한: 어떤 같은 모양·크기의 지정 범위도 넘을 수 없는 가중치 (구역의 면적 상한과는 다릅니다; 다각형은 증명된 최적 상한이 전체 가중치뿐이라 '–') (원형은 분기한정법으로 증명, 벨트형은 반경 축/2+반폭 원의 상한과 벨트가 걸칠 수 있는 가장 무거운 1㎞ 칸들 가운데 작은 것, 다각형은 전체 가중치)",
};

export type FirmsMessages = typeof ko;

const en: FirmsMessages = {
  title: "Proposals from firms",
  importFirms: "Firm file (CSV, GeoJSON, zipped SHP)",
  weightColumn: "Weight column",
  weightHint: "e.g. 종업원수 (empty: each firm weighs 1)",
  industry: "Industry filter",
  industryHint: "e.g. 업종=제조업,정보통신업",
  xyCrs: "x/y CRS",
  lonLat: "lat/lon",
  reading: "Reading",
  cancel: "Cancel",
  firms: "firms",
  totalWeight: "total weight",
  propose: "Propose",
  proposing: "Computing…",
  shape: "Shape",
  covered: "Weight in envelope",
  inParcels: "Weight in parcels",
  firmsIn: "Firms in",
  curve: "Weight in parcels against their area",
  share: "Of region",
  ofBound: "Of optimality bound",
  parcels: "Parcels (within the area cap)",
  hubs: "Hubs",
  envelopeKm2: "Envelope",
  accept: "Accept as new zone",
  replace: "Replace active zone",
  confirmReplace: "Replace the {n} parcels and the envelope of zone '{name}' with this proposal?",
  otherZone: "These proposals were made for another zone. Compute them again for this one.",
  noFirms: "Open a firm file: it shows on the map as a heatmap and as points.",
  boundNote:
    "Optimality bound: weight no envelope of that shape and size can exceed (not the parcels' area cap; a polygon's only proven bound is the total weight, shown as '–') (circle: proven by branch and bound; belt: the smaller of the bound for a disk of radius axis/2 + half-width and the heaviest 1 km cells a belt can meet; polygon: the total weight)",
};

export const FIRMS_MESSAGES: Record<Lang, FirmsMessages> = { ko, en };

export function useFirmsT(): FirmsMessages {
  return FIRMS_MESSAGES[useAppStore((s) => s.lang)];
}
