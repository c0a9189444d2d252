/**
 * The vertex the arrow keys move, in words over the map (and read out by screen readers): shown
 * with the select tool while one parcel is picked (src/actions/vertex-keys.ts).
 */
import { useShallow } from "zustand/react/shallow";
import { vertexTarget } from "../actions/vertex-keys";
import { useT } from "../i18n";
import { activeZone, useAppStore } from "../store/store";

export function VertexStatus() {
  const t = useT();
  // Shallow: the target is a new object each time, its fields are stable.
  const target = useAppStore(useShallow((s) => vertexTarget(s) ?? { none: true }));
  const picked = "none" in target ? null : target;
  const name = useAppStore(
    (s) => activeZone(s).parcels.find((p) => p.id === picked?.parcelId)?.name ?? "",
  );
  const tool = useAppStore((s) => s.tool);
  if (tool !== "select") return null;
  const [lon = 0, lat = 0] = picked?.position ?? [];
  return (
    <p className="vertex-status" role="status" data-testid="vertex-status">
      {picked
        ? t.vertexSelected
            .replace("{i}", String(picked.index + 1))
            .replace("{n}", String(picked.count))
            .replace("{name}", name)
            .replace("{lon}", lon.toFixed(6))
            .replace("{lat}", lat.toFixed(6))
        : t.vertexNone}
    </p>
  );
}
