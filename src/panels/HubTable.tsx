/**
 * Hub counts by type, each with its map colour (the legend of the hub layer), and the area hubs
 * only partly inside the zone with their share (FILING.md `hubs.partial`).
 */
import { hubTypeName, type Messages } from "../i18n";
import { HUB_COLOURS, OTHER_HUB_COLOUR } from "../map/ids";
import { useLiveReport } from "../store/live-report";

export function HubTable({ t }: { t: Messages }) {
  const hubs = useLiveReport((r) => r.report?.hubs);
  if (!hubs) return null;
  const { counts, partial } = hubs;
  return (
    <>
      <table className="hubs" data-testid="hub-counts" aria-label={t.hubLegend}>
        <tbody>
          {Object.entries(counts).map(([type, n]) => (
            <tr key={type} data-type={type}>
              <td>
                {type === "total" ? null : (
                  <span
                    className="swatch"
                    data-testid="hub-legend-swatch"
                    style={{
                      background:
                        (Object.hasOwn(HUB_COLOURS, type) ? HUB_COLOURS[type] : undefined) ??
                        OTHER_HUB_COLOUR,
                    }}
                  />
                )}
                {type === "total" ? t.hubTotal : hubTypeName(t, type)}
              </td>
              <td>{n}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {partial.length > 0 ? (
        <>
          <h4>{t.hubPartialShare}</h4>
          <ul className="hubs-partial" data-testid="hub-partial">
            {partial.map((h) => (
              <li key={`${h.type}:${h.name}`}>
                <span
                  className="swatch"
                  style={{
                    background:
                      (Object.hasOwn(HUB_COLOURS, h.type) ? HUB_COLOURS[h.type] : undefined) ??
                      OTHER_HUB_COLOUR,
                  }}
                />
                {h.name} ({hubTypeName(t, h.type)}) {(h.shareInside * 100).toFixed(1)}%
              </li>
            ))}
          </ul>
        </>
      ) : null}
    </>
  );
}
