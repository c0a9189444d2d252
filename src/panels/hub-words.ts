/** A hub as its tooltip and popup name it: its name, then its type (and "approximate position"). */

import type { Lang } from "../../geo/index";
import { hubTypeName, MESSAGES } from "../i18n";
import { SEARCH_MESSAGES } from "../i18n/search";
import type { HubProps } from "../map/contract";

export function describeHub(lang: Lang, hub: HubProps): { title: string; detail: string } {
  const type = hubTypeName(MESSAGES[lang], String(hub.type));
  // Feature properties come back from MapLibre as they were set, or as strings.
  const approximate = hub.approximate === true || String(hub.approximate) === "true";
  return {
    title: String(hub.name || type),
    detail: approximate ? `${type} · ${SEARCH_MESSAGES[lang].approxPosition}` : type,
  };
}
