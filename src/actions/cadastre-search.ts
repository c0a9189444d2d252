/**
 * 지번 search (issue 21): the open cadastre's 필지 a typed 동 + 지번 or PNU names, asked of the
 * Worker that holds them; none while no cadastre is open.
 */
import type { PiljiHit } from "../../geo/cadastre/find";
import { useCadastre } from "../store/cadastre";
import { type SearchHit, useSearchHit } from "../store/search-hit";
import { findInWorker } from "../workers/cadastre-client";

export async function findPiljiByJibun(query: string): Promise<PiljiHit[]> {
  if (useCadastre.getState().status !== "ready") return [];
  return findInWorker(query);
}

/** Outline the 필지 flown to (null: none). */
export function showSearchHit(hit: SearchHit | null): void {
  useSearchHit.setState({ hit });
}
