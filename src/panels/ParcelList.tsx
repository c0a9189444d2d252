/**
 * Each parcel's area, the 시·군·구 it lies in, its holes and parts (kept from an import), with
 * zoom and delete.
 */
import type { Parcel } from "../../geo/index";
import { sigunguNamesOf } from "../../geo/index";
import { useT } from "../i18n";
import { activeZone, useAppStore } from "../store/store";
import { useLiveReport } from "../workers/live-check";

function shapeOf(p: Parcel): { parts: number; holes: number } {
  const polys = p.geometry.type === "Polygon" ? [p.geometry.coordinates] : p.geometry.coordinates;
  return { parts: polys.length, holes: polys.reduce((n, poly) => n + poly.length - 1, 0) };
}

export function ParcelList() {
  const t = useT();
  const parcels = useAppStore((s) => activeZone(s).parcels);
  const areas = useLiveReport((r) => r.report?.area.parcels);
  const focusParcels = useAppStore((s) => s.focusParcels);
  const transact = useAppStore((s) => s.transact);
  const areaById = new Map(areas?.map((p) => [p.id, p.km2]));
  return (
    <>
      <h3>
        {t.parcels} ({parcels.length})
      </h3>
      {parcels.length === 0 ? <p className="small">{t.noParcels}</p> : null}
      <ul className="parcels" data-testid="parcel-list">
        {parcels.map((p) => {
          const { parts, holes } = shapeOf(p);
          return (
            <li key={p.id}>
              <button type="button" onClick={() => focusParcels([p.id])}>
                {p.name ?? p.id}
              </button>{" "}
              {areas ? (areaById.get(p.id) ?? 0).toFixed(3) : "…"} km²
              <span className="small" data-testid="parcel-sigungu">
                {sigunguNamesOf(p.geometry).map((n) => ` · ${n}`)}
              </span>
              {parts > 1 ? ` · ${parts} ${t.parts}` : ""}
              {holes > 0 ? ` · ${holes} ${t.holes}` : ""}{" "}
              <button
                type="button"
                aria-label="delete"
                onClick={() => transact({ remove: [p.id] })}
              >
                ✕
              </button>
            </li>
          );
        })}
      </ul>
    </>
  );
}
