/**
 * 지목 colours for the cadastre layer: one colour a 지목 부호 (the 28 of 시행령 제58조), grouped by
 * what the land is — farmland yellows and greens, 임야 dark green, water blues, 대 and other
 * built land warm reds and purples, roads and rails greys — and picked so that no two are closer
 * than ΔE*ab 15 (CIE 1976; test/geo/jimok-colours.test.ts checks it). No official palette is
 * used: these are the app's own. A 필지 whose JIBUN carries no 부호 is drawn in OTHER.
 */
import type { ExpressionSpecification } from "maplibre-gl";
import { JIMOK, type JimokCode } from "../../geo/cadastre/jimok";

/** The 필지 outline, as rgba (a layer's opacity stays 1): the vector layer's and the raster tiles'. */
export const CADASTRE_OUTLINE = "rgba(138, 109, 59, 0.8)";
/** The 지목 fill's opacity: the vector layer's and the raster tiles'. */
export const JIMOK_FILL_ALPHA = 0.55;

export const JIMOK_COLOURS: Record<JimokCode, string> = {
  전: "#e6c84f",
  답: "#9ccc3c",
  과: "#f29e4c",
  목: "#c8e6a0",
  임: "#2e7d32",
  광: "#80cbc4",
  염: "#c5cae9",
  대: "#e57373",
  장: "#8e24aa",
  학: "#5c6bc0",
  차: "#9e9e9e",
  주: "#ff5722",
  창: "#ffcc80",
  도: "#616161",
  철: "#263238",
  제: "#8d6e63",
  천: "#1e88e5",
  구: "#81d4fa",
  유: "#0d47a1",
  양: "#00bcd4",
  수: "#00897b",
  공: "#66bb6a",
  체: "#cddc39",
  원: "#f06292",
  종: "#ce93d8",
  사: "#b71c1c",
  묘: "#4e342e",
  잡: "#fff59d",
};

/** A 필지 with no (or an unknown) 지목 부호. */
export const OTHER_COLOUR = "#ffffff";

/** The 28 부호 in the decree's order. */
export const JIMOK_CODES = Object.keys(JIMOK) as JimokCode[];

/** `#rrggbb` at an opacity, as `rgba(…)`. */
function rgba(hex: string, alpha: number): string {
  const [r, g, b] = [1, 3, 5].map((i) => Number.parseInt(hex.slice(i, i + 2), 16));
  return `rgba(${r}, ${g}, ${b}, ${alpha})`;
}

/** The fill colour of a tile feature, from its `jimok` property (the 부호), at an opacity. */
export function jimokColourExpression(alpha: number): ExpressionSpecification {
  const pairs = JIMOK_CODES.flatMap((c) => [c, rgba(JIMOK_COLOURS[c], alpha)]);
  return [
    "match",
    ["get", "jimok"],
    ...pairs,
    rgba(OTHER_COLOUR, alpha),
  ] as unknown as ExpressionSpecification;
}
