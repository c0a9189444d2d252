/**
 * A click on a 필지: added to the 구역 being built, or taken out of the 구역 that has it. The
 * 구역 is the exact union of its 필지 (geo/cadastre/union.ts) and names them in `properties.pnu`;
 * each click is one transact, so one undo step.
 */

// Straight from the two modules rather than geo/cadastre's face: this file is in the first
// screen's script, and the face also brings the reader and the XLSX writer.
import { piljiInside } from "../../geo/cadastre/select";
import { unionPilji } from "../../geo/cadastre/union";
import type { Parcel } from "../../geo/index";
import { type AppStore, activeZone } from "../store/store";
import { nextParcelId } from "../store/zone-diff";
import { useCadastre } from "./store";

const pnusOf = (p: Parcel): string[] =>
  Array.isArray(p.properties.pnu)
    ? p.properties.pnu.filter((x): x is string => typeof x === "string")
    : [];

export function togglePilji(store: AppStore, pnu: string): void {
  const { geometry, startNew } = useCadastre.getState();
  const s = store.getState();
  const zone = activeZone(s);
  const holder = zone.parcels.find((p) => pnusOf(p).includes(pnu));
  const built = zone.parcels.filter((p) => pnusOf(p).length > 0);
  let target: Parcel;
  let pnus: string[];
  if (holder) {
    target = holder;
    pnus = pnusOf(holder).filter((x) => x !== pnu);
  } else {
    const last = startNew ? undefined : built[built.length - 1];
    const id = last?.id ?? nextParcelId(zone);
    target = last ?? {
      id,
      name: `${id.replace(/^P/, "")}구역`,
      geometry: { type: "Polygon", coordinates: [] },
      properties: {},
    };
    pnus = [...pnusOf(target), pnu];
  }
  if (startNew) useCadastre.setState({ startNew: false });
  if (pnus.length === 0) {
    s.transact({ remove: [target.id] });
    return;
  }
  const union = unionPilji(pnus.flatMap((x) => geometry.get(x) ?? []));
  if (!union) return;
  s.transact({
    put: [{ ...target, geometry: union, properties: { ...target.properties, pnu: pnus } }],
  });
}

/**
 * Lasso: every 구역 of the active zone drawn freehand (naming no 필지) becomes the 필지 inside its
 * outline (geo/cadastre/select.ts), their exact union, in one transact (one undo step).
 */
export function snapToPilji(store: AppStore): number {
  const { outlines, geometry } = useCadastre.getState();
  if (!outlines) return 0;
  const s = store.getState();
  const zone = activeZone(s);
  const candidates = outlines.features.map((f) => ({
    pnu: f.properties.pnu,
    geometry: f.geometry,
  }));
  const put: Parcel[] = [];
  for (const parcel of zone.parcels) {
    if (pnusOf(parcel).length > 0) continue;
    const pnus = piljiInside(parcel.geometry, candidates);
    const union = unionPilji(pnus.flatMap((x) => geometry.get(x) ?? []));
    if (union)
      put.push({ ...parcel, geometry: union, properties: { ...parcel.properties, pnu: pnus } });
  }
  if (put.length > 0) s.transact({ put });
  return put.length;
}
