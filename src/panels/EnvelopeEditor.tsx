/** The envelope's size as a number: the circle's radius or the belt's half-width. */
import { useT } from "../i18n";
import { setEnvelopeSize } from "../store/actions";
import { activeZone, useAppStore } from "../store/store";

export function EnvelopeEditor() {
  const t = useT();
  const envelope = useAppStore((s) => activeZone(s).envelope);
  const transact = useAppStore((s) => s.transact);
  if (!envelope) {
    return (
      <p className="small">
        {t.envelope}: {t.envelopeNone}
      </p>
    );
  }
  const size =
    envelope.shape === "circle"
      ? { label: t.radiusKm, value: envelope.radiusKm }
      : envelope.shape === "belt"
        ? { label: t.halfWidthKm, value: envelope.halfWidthKm }
        : null;
  return (
    <div className="envelope-editor">
      {size ? (
        <label>
          {t.envelope} {size.label}{" "}
          <input
            type="number"
            min={0.1}
            step={0.5}
            data-testid="envelope-size"
            value={size.value}
            onChange={(e) => setEnvelopeSize(useAppStore, Number(e.target.value))}
          />
        </label>
      ) : (
        <span>
          {t.envelope}: {envelope.shape}
        </span>
      )}{" "}
      <button type="button" onClick={() => transact({ envelope: null })}>
        {t.removeEnvelope}
      </button>
    </div>
  );
}
