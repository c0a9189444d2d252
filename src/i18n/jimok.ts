/**
 * The 28 지목 in English (for the legend of the 지목 colours) and the words of the colour toggle,
 * Korean first. The Korean names are geo/cadastre/jimok.ts's (시행령 제58조); the English ones are
 * descriptive translations, not official.
 */
import type { JimokCode } from "../../geo/cadastre/jimok";

export const JIMOK_EN: Record<JimokCode, string> = {
  전: "Dry field",
  답: "Paddy field",
  과: "Orchard",
  목: "Pasture",
  임: "Forest",
  광: "Mineral spring",
  염: "Salt farm",
  대: "Building site",
  장: "Factory site",
  학: "School site",
  차: "Parking lot",
  주: "Filling station site",
  창: "Warehouse site",
  도: "Road",
  철: "Railway site",
  제: "Embankment",
  천: "River",
  구: "Ditch",
  유: "Reservoir",
  양: "Fish farm",
  수: "Waterworks site",
  공: "Park",
  체: "Sports site",
  원: "Amusement park",
  종: "Religious site",
  사: "Historic site",
  묘: "Cemetery",
  잡: "Miscellaneous land",
};

export const JIMOK_WORDS = {
  ko: {
    colours: "지목 색",
    coloursTitle: "필지를 지목에 따라 색칠합니다 (범례 표시)",
    legend: "지목 범례",
    other: "지목 없음",
  },
  en: {
    colours: "Land-use colours",
    coloursTitle: "Colour land parcels by their land category (지목), with a legend",
    legend: "Land categories (지목)",
    other: "No category",
  },
} as const;
