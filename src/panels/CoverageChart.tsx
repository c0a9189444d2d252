/**
 * The coverage curve: firm weight inside the parcels against their area, as the proposal adds
 * cells heaviest first, one line per shape, up to the area cap. Plain SVG, no chart library.
 */
import type { EnvelopeShape } from "../../geo/index";
import { shapeName, useT } from "../i18n";
import { PROPOSAL_COLOURS } from "../map/ids";
import type { ProposalView } from "../store/proposal-view";

const W = 260;
const H = 90;
const PAD = 4;
const COLOURS: Record<EnvelopeShape, string> = PROPOSAL_COLOURS;

export function CoverageChart({ proposals, label }: { proposals: ProposalView[]; label: string }) {
  const t = useT();
  const drawn = proposals.filter((p) => !p.error && p.curve.length > 1);
  const maxKm2 = Math.max(1e-9, ...drawn.flatMap((p) => p.curve.map(([a]) => a)));
  const maxW = Math.max(1e-9, ...drawn.flatMap((p) => p.curve.map(([, w]) => w)));
  const x = (km2: number) => PAD + ((W - 2 * PAD) * km2) / maxKm2;
  const y = (w: number) => H - PAD - ((H - 2 * PAD) * w) / maxW;
  return (
    <figure className="coverage" data-testid="coverage-chart">
      <svg width={W} height={H} viewBox={`0 0 ${W} ${H}`} role="img" aria-label={label}>
        <rect x={0} y={0} width={W} height={H} fill="#f8f9fa" />
        {drawn.map((p) => (
          <polyline
            key={p.shape}
            data-shape={p.shape}
            fill="none"
            stroke={COLOURS[p.shape]}
            strokeWidth={1.5}
            points={p.curve.map(([a, w]) => `${x(a).toFixed(1)},${y(w).toFixed(1)}`).join(" ")}
          />
        ))}
      </svg>
      <figcaption>
        {label}:{" "}
        {drawn.map((p) => (
          <span key={p.shape} style={{ color: COLOURS[p.shape] }}>
            ■ {shapeName(t, p.shape)}{" "}
          </span>
        ))}
        (0–{maxKm2.toFixed(1)}㎢)
      </figcaption>
    </figure>
  );
}
