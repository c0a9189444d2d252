/** The project's zones: pick, rename, set the 시·도, add, remove; and the hub layers with legends. */
import { SIDO } from "../../geo/index";
import { useT } from "../i18n";
import { activeZone, useAppStore } from "../store/store";
import { freeZoneName } from "../store/zone-ids";
import { focusOrFallback } from "./focus";
import { HubLayerLegend } from "./HubLayerLegend";
import { ProjectCaps } from "./ProjectCaps";

export function ZoneList() {
  const t = useT();
  const lang = useAppStore((s) => s.lang);
  const zones = useAppStore((s) => s.zones);
  const zone = useAppStore(activeZone);
  const setActiveZone = useAppStore((s) => s.setActiveZone);
  const addZone = useAppStore((s) => s.addZone);
  const removeZone = useAppStore((s) => s.removeZone);
  const transact = useAppStore((s) => s.transact);
  const layers = useAppStore((s) => s.hubLayers);
  const toggleHubLayer = useAppStore((s) => s.toggleHubLayer);
  return (
    <section className="panel zones" data-testid="zone-list" aria-labelledby="zones">
      <h2 id="zones" tabIndex={-1}>
        {t.zones}
      </h2>
      <ul data-testid="zones">
        {zones.map((z) => (
          <li key={z.id} className={z.id === zone.id ? "active" : ""}>
            <button
              type="button"
              onClick={() => setActiveZone(z.id)}
              aria-current={z.id === zone.id}
            >
              {z.name} ({z.parcels.length})
            </button>
            {zones.length > 1 ? (
              <button
                type="button"
                data-testid="remove-zone"
                aria-label={`${t.removeZone}: ${z.name}`}
                title={`${t.removeZone}: ${z.name}`}
                onClick={(e) => {
                  const ask = t.confirmRemoveZone
                    .replace("{name}", z.name)
                    .replace("{n}", String(z.parcels.length));
                  if (!window.confirm(ask)) return;
                  // Focus to the row that takes this one's place (or the one before), not <body>.
                  const row = e.currentTarget.closest("li");
                  const next = row?.nextElementSibling ?? row?.previousElementSibling;
                  removeZone(z.id);
                  focusOrFallback(next?.querySelector("button") ?? null, "#zones");
                }}
              >
                <span aria-hidden="true">✕</span>
              </button>
            ) : null}
          </li>
        ))}
      </ul>
      <button
        type="button"
        onClick={() =>
          addZone({
            name: freeZoneName(
              t.newZoneName,
              zones.map((z) => z.name),
            ),
          })
        }
      >
        + {t.addZone}
      </button>
      <label>
        {t.zoneName}{" "}
        <input
          value={zone.name}
          data-testid="zone-name"
          onChange={(e) => transact({ meta: { name: e.target.value } })}
        />
      </label>
      <label>
        {t.sido}{" "}
        <select
          value={zone.sido ?? ""}
          data-testid="sido"
          onChange={(e) => transact({ meta: { sido: e.target.value || null } })}
        >
          <option value="">{t.sidoAuto}</option>
          {SIDO.map((s) => (
            <option key={s.code} value={s.code}>
              {lang === "en" ? s.nameEn : s.name}
            </option>
          ))}
        </select>
      </label>
      <ProjectCaps />
      <h3>{t.hubLayers}</h3>
      <ul data-testid="hub-layers">
        {layers.map((l) => (
          <li key={l.id}>
            <label>
              <input type="checkbox" checked={l.visible} onChange={() => toggleHubLayer(l.id)} />{" "}
              {l.builtin ? t.builtinHubLayer : l.name} ({l.hubs.length}){l.approximate ? " *" : ""}
            </label>
            <HubLayerLegend t={t} hubs={l.hubs} />
          </li>
        ))}
      </ul>
      <p className="small">* {t.approxNote}</p>
    </section>
  );
}
