/** The cadastre panel's words, Korean first. */
export const CADASTRE_WORDS = {
  ko: {
    open: "⤒ 연속지적도",
    openTitle: "연속지적도(LSMD_CONT_LDREG_… ZIP, 또는 SHP·SHX·DBF·PRJ 파일)를 엽니다",
    reading: "지적도 읽는 중",
    cancel: "취소",
    count: "필지",
    pick: "필지 선택",
    pickTitle: "지도에서 필지를 눌러 구역에 넣거나 뺍니다 (확대 14 이상)",
    startNew: "새 구역",
    snap: "윤곽 → 필지",
    snapTitle: "그린 구역을 그 윤곽 안의 필지(필지 안쪽 점이 윤곽 안에 있는 것)로 바꿉니다",
    close: "닫기",
    josoCsv: "지번 조서 (CSV)",
    josoXlsx: "지번 조서 (XLSX)",
  },
  en: {
    open: "⤒ Cadastral map",
    openTitle: "Open a continuous cadastral map (LSMD_CONT_LDREG_….zip, or .shp .shx .dbf .prj)",
    reading: "Reading the cadastre",
    cancel: "Cancel",
    count: "parcels",
    pick: "Pick parcels",
    pickTitle: "Click land parcels on the map to add them to the area or take them out (zoom 14+)",
    startNew: "New area",
    snap: "Outline → parcels",
    snapTitle:
      "Turn each drawn area into the land parcels inside its outline (those whose inner point lies inside)",
    close: "Close",
    josoCsv: "Parcel schedule (CSV)",
    josoXlsx: "Parcel schedule (XLSX)",
  },
} as const;
