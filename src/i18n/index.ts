/** The current language's messages for components. */

import type { Lang } from "../../geo/index";
import {
  type EnvelopeShape,
  findingTitle,
  hubLabels,
  inLang,
  type LabelPair,
  type Severity,
  severityLabels,
  shapeLabels,
} from "../../geo/index";
import { useAppStore } from "../store/store";
import { en } from "./en";
import { ko, type Messages } from "./ko";

export type { Messages };
export const MESSAGES: Record<Lang, Messages> = { ko, en };

export function useT(): Messages {
  return MESSAGES[useAppStore((s) => s.lang)];
}

/** A label of geo's one table (the reports use it too) in the language of `t`. */
function label(t: Messages, pair: LabelPair): string {
  return inLang(pair, t.lang === "en" ? "en" : "ko");
}

/** A hub type's name, or the id itself for types the decree adds. */
export function hubTypeName(t: Messages, type: string): string {
  return label(t, hubLabels(type));
}

/** An envelope shape's name: 원형, 벨트형, 다각형. */
export function shapeName(t: Messages, shape: EnvelopeShape): string {
  return label(t, shapeLabels(shape));
}

/** A finding severity's name: 오류, 경고, 참고. */
export function severityName(t: Messages, severity: Severity): string {
  return label(t, severityLabels(severity));
}

/** A finding's title (면적 상한 초과) where the CLI prints its code (AREA_CAP). */
export function findingName(t: Messages, code: string): string {
  return label(t, findingTitle(code));
}
