/**
 * The cadastre Worker's answers to selection requests (cadastre-select-protocol.ts) and to the
 * lasso (윤곽 → 필지), from a box index over its 필지 built on the first question after a
 * cadastre is read: the exact tests run only on the 필지 whose box meets the outline's.
 */

import type { MultiPolygon, Polygon } from "geojson";
import {
  coveredPilji,
  type Pilji,
  type PiljiIndex,
  piljiIndex,
  piljiInside,
  piljiTouching,
  piljiWhollyInside,
  pnuProperties,
} from "../../geo/cadastre";
import { geometryBounds } from "../../geo/geometry";
import type { SelectReply, SelectRequest } from "./cadastre-select-protocol";

let indexed: { of: readonly Pilji[]; index: PiljiIndex } | null = null;

function indexOf(pilji: readonly Pilji[]): PiljiIndex {
  if (indexed?.of !== pilji) indexed = { of: pilji, index: piljiIndex(pilji) };
  return indexed.index;
}

const SELECT = { box: piljiInside, inside: piljiWhollyInside, touching: piljiTouching } as const;

/**
 * The lasso's 필지: those whose inner point lies inside the outline (piljiInside), tested only
 * among the index's candidates; the same PNUs, in the same order, as a scan of every 필지.
 */
export function lassoPilji(outline: Polygon | MultiPolygon, pilji: readonly Pilji[]): string[] {
  return piljiInside(outline, indexOf(pilji).near(geometryBounds(outline)));
}

export function answerSelection(req: SelectRequest, pilji: readonly Pilji[]): SelectReply {
  const index = indexOf(pilji);
  if (req.kind === "cover") {
    const near = index.near(geometryBounds(req.geometry));
    return { kind: "cover", id: req.id, ...pnuProperties(coveredPilji(req.geometry, near)) };
  }
  const near = index.near(geometryBounds(req.outline));
  return { kind: "select", id: req.id, pnus: SELECT[req.how](req.outline, near) };
}
