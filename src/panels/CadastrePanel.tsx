/**
 * The 연속지적도: open it (progress, cancel), add a neighbouring 시·군's file to it, the files open,
 * pick 필지 on the map, start a new 구역.
 */
import { Fragment, useEffect } from "react";
import { snapToPilji } from "../actions/cadastre-pick";
import { CADASTRE_WORDS } from "../i18n/cadastre";
import { keptFiles, keptManifest } from "../persistence/cadastre-kept";
import { useCadastre } from "../store/cadastre";
import { useAppStore } from "../store/store";
import { CadastreSelect } from "./CadastreSelect";
import { layerCode, layerWhich } from "./cadastre-layer-names";
import { fileBytes } from "./download";
import { FilePicker } from "./FilePicker";
import { focusOrFallback } from "./focus";
import { JimokColours } from "./JimokColours";

/** Reading, keeping and exporting come with the first use, not with the page. */
const actions = () => import("../actions/cadastre");

const ACCEPT = ".zip,.shp,.shx,.dbf,.prj,.cpg,application/zip";

/** Bytes as MB with one decimal (a restore's reading of what was kept). */
const mb = (bytes: number): string =>
  (bytes / 1e6).toLocaleString(undefined, { minimumFractionDigits: 1, maximumFractionDigits: 1 });

/**
 * Focus after a close took its button away (never left on <body>): the × of the file that took
 * its place in the list (or of the one before it, the last closed); with the cadastre closed,
 * the button that opens one.
 */
function focusAfterClose(at: number): void {
  const xs = document.querySelectorAll('[data-testid="cadastre-layer-close"]');
  const next = xs[Math.min(at, xs.length - 1)] ?? null;
  focusOrFallback(next, '[data-testid="import-cadastre"]', "#zones");
}

export function CadastrePanel() {
  const lang = useAppStore((s) => s.lang);
  const w = CADASTRE_WORDS[lang];
  const status = useCadastre((s) => s.status);
  const read = useCadastre((s) => s.read);
  const total = useCadastre((s) => s.total);
  const unit = useCadastre((s) => s.unit);
  const count = useCadastre((s) => s.count);
  const picking = useCadastre((s) => s.picking);
  const restoring = useCadastre((s) => s.restoring);
  const from = useCadastre((s) => s.from);
  const kept = useCadastre((s) => s.kept);
  const layers = useCadastre((s) => s.layers);
  const places = useCadastre((s) => s.places);
  // Two files of one 시·군: their × names tell them apart (code, or place in the list).
  const which = layerWhich(places, layers, w.nthFile);
  useEffect(() => {
    // Only a kept cadastre loads the reading code at start; none keeps the first screen as it was.
    void (async () => {
      if ((await keptManifest()) || (await keptFiles())?.length)
        void actions().then((m) => m.restoreCadastre());
    })();
  }, []);
  return (
    <span
      className="cadastre"
      data-testid="cadastre"
      data-status={status}
      data-from={from ?? undefined}
      data-kept={kept}
      title={status === "ready" ? w.addTitle : w.openTitle}
    >
      {status !== "loading" && (
        <FilePicker
          label={w.open}
          testId="import-cadastre"
          accept={ACCEPT}
          onFiles={async (files) =>
            (await actions()).openCadastreFiles(
              await Promise.all(
                files.map(async (f) => ({
                  name: f.name,
                  bytes: await fileBytes(f),
                  lastModified: f.lastModified,
                })),
              ),
            )
          }
        />
      )}
      {status === "loading" && (
        <>
          <progress
            data-testid="cadastre-progress"
            data-what={restoring ? "restore" : "read"}
            max={total || 1}
            value={read}
          />
          <span
            data-testid={restoring ? "cadastre-restoring" : undefined}
            data-unit={restoring ? unit : undefined}
          >
            {unit === "bytes"
              ? `${w.restoringRead} ${mb(read)} / ${mb(total)} MB`
              : `${restoring ? w.restoring : w.reading} ${read.toLocaleString()} / ${total ? total.toLocaleString() : "…"}`}
          </span>
          <button
            type="button"
            data-testid="cadastre-cancel"
            onClick={() => void actions().then((m) => m.cancelOpening())}
          >
            {w.cancel}
          </button>
        </>
      )}
      {status === "ready" && (
        <>
          <span data-testid="cadastre-count" title={`${w.openFiles}: ${layers.join(", ")}`}>
            {count.toLocaleString()} {w.count}
          </span>
          <button
            type="button"
            data-testid="cadastre-pick"
            aria-pressed={picking}
            title={w.pickTitle}
            onClick={() => {
              const on = !picking;
              if (on) useAppStore.getState().setTool("none");
              useCadastre.setState({ picking: on });
            }}
          >
            {w.pick}
          </button>
          <button
            type="button"
            data-testid="cadastre-new"
            onClick={() => useCadastre.setState({ startNew: true })}
          >
            {w.startNew}
          </button>
          <button
            type="button"
            data-testid="cadastre-snap"
            title={w.snapTitle}
            onClick={() => void snapToPilji(useAppStore)}
          >
            {w.snap}
          </button>
          <CadastreSelect />
          <JimokColours lang={lang} />
          <button
            type="button"
            data-testid="cadastre-close"
            title={w.closeTitle}
            onClick={() =>
              void actions()
                .then((m) => m.closeCadastre())
                .then(() => focusAfterClose(0))
            }
          >
            {w.close}
          </button>
          <span className="cadastre-layers" data-testid="cadastre-layers" title={w.openFiles}>
            {layers.map((name, i) => {
              const place = places[i] ?? name;
              const label = w.closeLayer(place, which[i]);
              return (
                // biome-ignore lint/suspicious/noArrayIndexKey: a layer's place in the Worker's list
                <Fragment key={i}>
                  <span data-testid="cadastre-layer" title={`${place} · ${name}`}>
                    {layerCode(name)}
                  </span>
                  <button
                    type="button"
                    className="cadastre-layer-close"
                    data-testid="cadastre-layer-close"
                    aria-label={label}
                    title={label}
                    onClick={() =>
                      void actions()
                        .then((m) => m.closeCadastreLayer(i, name))
                        .then(() => focusAfterClose(i))
                    }
                  >
                    ×
                  </button>
                </Fragment>
              );
            })}
          </span>
        </>
      )}
    </span>
  );
}
