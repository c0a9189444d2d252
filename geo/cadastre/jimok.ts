/**
 * 지목 (land categories) by their 부호, as 공간정보의 구축 및 관리 등에 관한 법률 시행령 제58조
 * names the 28 of them; the 부호 is the character the 연속지적도's JIBUN ends with (`12-3대`).
 */
export const JIMOK = {
  전: "전",
  답: "답",
  과: "과수원",
  목: "목장용지",
  임: "임야",
  광: "광천지",
  염: "염전",
  대: "대",
  장: "공장용지",
  학: "학교용지",
  차: "주차장",
  주: "주유소용지",
  창: "창고용지",
  도: "도로",
  철: "철도용지",
  제: "제방",
  천: "하천",
  구: "구거",
  유: "유지",
  양: "양어장",
  수: "수도용지",
  공: "공원",
  체: "체육용지",
  원: "유원지",
  종: "종교용지",
  사: "사적지",
  묘: "묘지",
  잡: "잡종지",
} as const;

export type JimokCode = keyof typeof JIMOK;

export function isJimokCode(c: string): c is JimokCode {
  return Object.hasOwn(JIMOK, c);
}

/** The full name of a 지목 부호 (`장` → `공장용지`); an unknown 부호 is shown as it is. */
export function jimokName(code: string): string {
  return isJimokCode(code) ? JIMOK[code] : code;
}
