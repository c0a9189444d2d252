/** The search box's and the map tools' (pointer, measure) words (issue 21), ko (default) and en. */
import type { Lang } from "../../geo/index";
import { useAppStore } from "../store/store";

const ko = {
  search: "장소·좌표 검색",
  searchHint:
    "예: 진주시, 35°10'12\"N 128°5'E, EPSG:5186 200000 600000, 연속지적도를 열면 충무공동 123, PNU",
  noResult: "찾는 곳이 없습니다",
  loading: "경계 자료를 읽는 중…",
  kinds: {
    sido: "시·도",
    sigungu: "시·군·구",
    hub: "거점",
    layer: "거점 레이어",
    point: "좌표",
    pilji: "필지",
  },
  assumed5186: "좌표계를 적지 않아 EPSG:5186으로 읽음",
  pointer: "커서 위치",
  measure: "거리·면적 재기",
  measureStop: "재기 끝",
  measureHint: "지도를 눌러 점을 찍고, 두 번 누르거나 Enter로 끝내면 면적도 잽니다 (Esc: 지우기)",
  length: "거리",
  area: "면적",
  approxPosition: "대략적 위치",
};

export type SearchMessages = typeof ko;

const en: SearchMessages = {
  search: "Search places and coordinates",
  searchHint:
    "e.g. Jinju, 35°10'12\"N 128°5'E, EPSG:5186 200000 600000; with a cadastre open, a dong and lot number, or a PNU",
  noResult: "Nothing found",
  loading: "Reading the boundaries…",
  kinds: {
    sido: "Province",
    sigungu: "District",
    hub: "Hub",
    layer: "Hub layer",
    point: "Point",
    pilji: "Land parcel",
  },
  assumed5186: "no CRS typed: read as EPSG:5186",
  pointer: "Pointer",
  measure: "Measure distance and area",
  measureStop: "Stop measuring",
  measureHint:
    "Click the map to add points; double-click or Enter to end, which also gives the area (Esc: clear)",
  length: "Distance",
  area: "Area",
  approxPosition: "approximate position",
};

export const SEARCH_MESSAGES: Record<Lang, SearchMessages> = { ko, en };

export function useSearchT(): SearchMessages {
  return SEARCH_MESSAGES[useAppStore((s) => s.lang)];
}
