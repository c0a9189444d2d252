/** The current language's messages for components. */

import type { EnvelopeShape, Severity } from "../../geo/index";
import type { Lang } from "../map/contract";
import { useAppStore } from "../store/store";
import { en } from "./en";
import { ko, type Messages } from "./ko";

export type { Messages };
export const MESSAGES: Record<Lang, Messages> = { ko, en };

export function useT(): Messages {
  return MESSAGES[useAppStore((s) => s.lang)];
}

/** A hub type's name, or the id itself for types the decree adds. */
export function hubTypeName(t: Messages, type: string): string {
  const key = `hubType_${type}`;
  return key in t ? t[key as keyof Messages] : type;
}

/** An envelope shape's name: 원형, 벨트형, 다각형. */
export function shapeName(t: Messages, shape: EnvelopeShape): string {
  return { circle: t.shapeCircle, belt: t.shapeBelt, polygon: t.shapePolygon }[shape];
}

/** A finding severity's name: 오류, 경고, 참고. */
export function severityName(t: Messages, severity: Severity): string {
  return { error: t.severityError, warning: t.severityWarning, info: t.severityInfo }[severity];
}
