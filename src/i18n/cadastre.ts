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
    closeTitle: "열린 연속지적도를 모두 닫습니다 (한 파일만 닫으려면 그 파일 옆의 ×)",
    more: "필지 일괄 선택",
    box: "상자로 선택",
    boxTitle:
      "켜면 지도에서 끌어 그린 상자 안의 필지(필지 안쪽 점이 상자 안에 있는 것)를 만드는 구역에 넣습니다",
    view: "화면 안 필지",
    viewTitle: "지금 지도 화면 안의 필지를 만드는 구역에 넣습니다 (상자 선택의 키보드 대안)",
    target: "대상",
    envelope: "지정 범위",
    inside: "안에 든 필지",
    insideTitle:
      "대상 윤곽 안에 온전히 든 필지만으로 구역을 만듭니다 (지정 범위: 그 안의 필지를 만드는 구역에 넣음)",
    touching: "닿는 필지 더하기",
    touchingTitle: "대상 구역과 면적을 나누는 필지를 모두 그 구역에 더합니다",
    added: (n: number) => `필지 ${n.toLocaleString()}개를 구역에 넣었습니다`,
    none: "더할 필지가 없습니다",
    josoCsv: "지번 조서 (CSV)",
    josoXlsx: "지번 조서 (XLSX)",
    restoring: "저장해 둔 지적도 불러오는 중",
    restoringRead: "저장해 둔 지적도를 저장소에서 읽는 중",
    keptCadastre: "지적도",
    unkept: (names: string, why: "format" | "damaged") =>
      `연속지적도: 저장해 둔 ${names}을(를) ${why === "format" ? "이 판의 앱이 읽지 못하는 예전 형식이라" : "읽을 수 없어(손상되었거나 잘림)"} 지웠습니다. 파일을 다시 열어 주세요.`,
    lostLayers: (names: string, total: number) =>
      `연속지적도: 저장해 둔 ${names}은(는) 읽을 수 없어(손상되었거나 잘림) 지웠습니다. 그 파일을 다시 열어 주세요. 나머지는 불러왔습니다 (${total.toLocaleString()}필지).`,
    addTitle:
      "다른 시·군의 연속지적도를 지금 열린 지적도에 더합니다 (이미 열린 필지는 두 번 넣지 않음)",
    openFiles: "열린 파일",
    addedLayers: (names: string, n: number, skipped: number, total: number) =>
      `연속지적도: ${names}의 필지 ${n.toLocaleString()}개를 더했습니다${skipped ? ` (이미 열린 필지 ${skipped.toLocaleString()}개는 건너뜀)` : ""}. 모두 ${total.toLocaleString()}필지.`,
    heldOnce: (twice: number, total: number) =>
      `연속지적도: 고른 파일들에 같은 필지(PNU)가 두 번 들어 있어 ${twice.toLocaleString()}개는 한 번만 열었습니다 (모두 ${total.toLocaleString()}필지).`,
    addedNone: (total: number) =>
      `연속지적도: 고른 파일의 필지는 이미 모두 열려 있어 두 번 넣지 않았습니다 (모두 ${total.toLocaleString()}필지).`,
    closeLayer: (place: string, which?: string) =>
      `${place} 지적도 닫기${which ? ` (${which})` : ""}`,
    nthFile: (n: number) => `${n}번째 파일`,
    closedLayer: (place: string, total: number, gone: number, areas: number) =>
      `연속지적도: ${place} 지적도를 닫았습니다 (남은 필지 ${total.toLocaleString()}개).${gone ? ` 구역 ${areas.toLocaleString()}개에 든 필지 ${gone.toLocaleString()}개는 이제 열려 있지 않습니다. 구역의 모양과 필지 목록은 그대로 두었습니다.` : ""}`,
    restoreCancelled:
      "연속지적도: 저장해 둔 지적도 불러오기를 멈췄습니다. 저장해 둔 것은 그대로 있어 새로 고치거나 같은 파일을 다시 고르면 불러옵니다.",
    keepFailed: (why: string) =>
      `연속지적도: 다음 방문을 위해 저장하지 못했습니다(${why}). 새로 고치면 파일을 다시 열어야 합니다.`,
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
    closeTitle: "Close every open cadastral map (to close one file, its own × beside it)",
    more: "Select parcels by area",
    box: "Box select",
    boxTitle:
      "When on, drag a box on the map: the land parcels whose inner point lies inside it join the area being built",
    view: "Parcels in view",
    viewTitle:
      "Add the land parcels in the current map view to the area being built (the keyboard's box select)",
    target: "Target",
    envelope: "Envelope",
    inside: "Parcels inside",
    insideTitle:
      "Rebuild the target area from the land parcels wholly inside its outline (the envelope: add those inside it to the area being built)",
    touching: "Add touching parcels",
    touchingTitle: "Add every land parcel sharing area with the target area to it",
    added: (n: number) => `${n.toLocaleString()} land parcels added to the area`,
    none: "No land parcels to add",
    josoCsv: "Parcel schedule (CSV)",
    josoXlsx: "Parcel schedule (XLSX)",
    restoring: "Restoring the kept cadastre",
    restoringRead: "Reading the kept cadastre from storage",
    keptCadastre: "cadastre",
    unkept: (names: string, why: "format" | "damaged") =>
      `Cadastral map: the kept ${names} ${why === "format" ? "is in an older format this version of the app does not read" : "could not be read (damaged or cut short)"} and was removed. Please open the file again.`,
    lostLayers: (names: string, total: number) =>
      `Cadastral map: the kept ${names} could not be read (damaged or cut short) and was removed; please open that file again. The rest was restored (${total.toLocaleString()} land parcels).`,
    addTitle:
      "Add another city or county's cadastral map to the one open (parcels already open are not added twice)",
    openFiles: "Open files",
    addedLayers: (names: string, n: number, skipped: number, total: number) =>
      `Cadastral map: ${n.toLocaleString()} land parcels of ${names} added${skipped ? ` (${skipped.toLocaleString()} already open were skipped)` : ""}; ${total.toLocaleString()} in all.`,
    heldOnce: (twice: number, total: number) =>
      `Cadastral map: the files picked hold ${twice.toLocaleString()} land parcels (same PNU) twice; each is open once (${total.toLocaleString()} in all).`,
    addedNone: (total: number) =>
      `Cadastral map: every parcel of the picked files is already open, so none was added twice (${total.toLocaleString()} in all).`,
    closeLayer: (place: string, which?: string) =>
      `Close ${place} cadastre${which ? ` (${which})` : ""}`,
    nthFile: (n: number) => `file ${n}`,
    closedLayer: (place: string, total: number, gone: number, areas: number) =>
      `Cadastral map: ${place} closed (${total.toLocaleString()} land parcels left open).${gone ? ` ${gone.toLocaleString()} land parcels named by ${areas.toLocaleString()} area(s) are no longer open; the areas' shapes and parcel lists are left as they were.` : ""}`,
    restoreCancelled:
      "Cadastral map: restoring the kept cadastre was stopped. It is still kept: a reload, or the same file picked again, brings it back.",
    keepFailed: (why: string) =>
      `Cadastral map: it could not be kept for your next visit (${why}); after a reload, open the file again.`,
  },
} as const;
