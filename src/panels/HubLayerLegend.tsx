/** The legend of one hub layer on the map: each hub type it holds, in its map colour, with a count. */
import type { Hub } from "../../geo/index";
import { hubTypeName, type Messages } from "../i18n";
import { HUB_COLOURS, OTHER_HUB_COLOUR } from "../map/ids";

export function HubLayerLegend({ t, hubs }: { t: Messages; hubs: Hub[] }) {
  const byType = new Map<string, number>();
  for (const h of hubs) byType.set(h.type, (byType.get(h.type) ?? 0) + 1);
  return (
    <ul className="hub-legend" data-testid="hub-layer-legend">
      {[...byType].map(([type, n]) => (
        <li key={type}>
          <span
            className="swatch"
            style={{
              background:
                (Object.hasOwn(HUB_COLOURS, type) ? HUB_COLOURS[type] : undefined) ??
                OTHER_HUB_COLOUR,
            }}
          />
          {hubTypeName(t, type)} {n}
        </li>
      ))}
    </ul>
  );
}
