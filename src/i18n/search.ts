/** The search box's and the map tools' words (issue 21), ko (default) and en. */
import type { Lang } from "../map/contract";
import { useAppStore } from "../store/store";

const ko = {
  search: "장소·좌표 검색",
  searchHint: "예: 진주시, 35°10'12\"N 128°5'E, EPSG:5186 200000 600000",
  noResult: "찾는 곳이 없습니다",
  loading: "경계 자료를 읽는 중…",
  kinds: { sido: "시·도", sigungu: "시·군·구", hub: "거점", layer: "거점 레이어", point: "좌표" },
  assumed5186: "좌표계를 적지 않아 EPSG:5186으로 읽음",
};

export type SearchMessages = typeof ko;

const en: SearchMessages = {
  search: "Search places and coordinates",
  searchHint: "e.g. Jinju, 35°10'12\"N 128°5'E, EPSG:5186 200000 600000",
  noResult: "Nothing found",
  loading: "Reading the boundaries…",
  kinds: { sido: "Province", sigungu: "District", hub: "Hub", layer: "Hub layer", point: "Point" },
  assumed5186: "no CRS typed: read as EPSG:5186",
};

export const SEARCH_MESSAGES: Record<Lang, SearchMessages> = { ko, en };

export function useSearchT(): SearchMessages {
  return SEARCH_MESSAGES[useAppStore((s) => s.lang)];
}
