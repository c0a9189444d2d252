/** The envelope's size as a number: the circle's radius or the belt's half-width. */
import { useEffect, useState } from "react";
import { setEnvelopeSize } from "../actions/actions";
import { shapeName, useT } from "../i18n";
import { activeZone, useAppStore } from "../store/store";

/**
 * The number field. A typed number is one edit, committed on Enter or when the field loses
 * focus: committing each keystroke made "5.5" three undo steps and briefly a 5 km envelope.
 */
function SizeField({ label, km }: { label: string; km: number }) {
  const [draft, setDraft] = useState(String(km));
  // Undo, redo or another zone change the size from outside: show the stored value.
  useEffect(() => setDraft(String(km)), [km]);
  const commit = () => {
    const typed = Number(draft);
    if (draft.trim() === "" || !(typed > 0)) setDraft(String(km));
    else if (typed !== km) setEnvelopeSize(useAppStore, typed);
  };
  return (
    <label>
      {label}{" "}
      <input
        type="number"
        min={0.1}
        step={0.5}
        data-testid="envelope-size"
        value={draft}
        onChange={(e) => setDraft(e.target.value)}
        onBlur={commit}
        onKeyDown={(e) => {
          if (e.key === "Enter") commit();
        }}
      />
    </label>
  );
}

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
        <SizeField label={`${t.envelope} ${size.label}`} km={size.value} />
      ) : (
        <span>
          {t.envelope}: {shapeName(t, envelope.shape)}
        </span>
      )}{" "}
      <button type="button" onClick={() => transact({ envelope: null })}>
        {t.removeEnvelope}
      </button>
    </div>
  );
}
