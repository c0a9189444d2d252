/** The current language's messages for components. */
import { useAppStore } from "../store/store";
import type { Lang } from "../store/types";
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
