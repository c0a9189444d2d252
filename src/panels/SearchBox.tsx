/**
 * One search box (issue 21): a place name (시·도, 시·군·구, hub, imported layer) or coordinates
 * as typed (decimal, DMS, TM with a CRS), and with a cadastre open a 동 + 지번 or a PNU (asked of
 * the cadastre Worker, which holds the 필지); Enter or a click on a result moves the map there by
 * the URL hash, which the map follows (src/map/hash.ts), and outlines a 필지 found. Offline: only
 * our own data is searched.
 */
import { useEffect, useMemo, useState } from "react";
import { looksLikeJibun, type PiljiHit } from "../../geo/cadastre/find";
import { type Bbox, type Place, parseTypedPoint, searchPlaces, viewOfBbox } from "../../geo/index";
import { findPiljiByJibun, showSearchHit } from "../actions/cadastre-search";
import { useSearchT } from "../i18n/search";
import { formatHash } from "../map/hash";
import { useCadastre } from "../store/cadastre";
import { useAppStore } from "../store/store";
import { boundaryPlacesOnce, hubPlaces } from "./search-places";
import "./search.css";

interface Result {
  key: string;
  label: string;
  detail: string;
  bbox: Bbox;
  /** A 필지 found in the open cadastre: outlined once flown to. */
  pilji?: PiljiHit;
}

/**
 * Move the map to show `bbox` (a point gets a street-level view); a 필지 at the zoom its 지번
 * labels show from, with its neighbours around it.
 */
function goTo(bbox: Bbox, pilji = false): void {
  const map = document.querySelector('[data-testid="map"]')?.getBoundingClientRect();
  const options = pilji ? { maxZoom: 18, paddingPx: 120 } : { maxZoom: 15 };
  const view = viewOfBbox(bbox, map?.width ?? 1000, map?.height ?? 700, options);
  window.location.hash = formatHash(view);
}

export function SearchBox() {
  const t = useSearchT();
  const lang = useAppStore((s) => s.lang);
  const layers = useAppStore((s) => s.hubLayers);
  const [query, setQuery] = useState("");
  const [open, setOpen] = useState(false);
  const [boundaries, setBoundaries] = useState<Place[] | null>(null);
  const cadastreReady = useCadastre((c) => c.status === "ready");
  const [pilji, setPilji] = useState<{ query: string; hits: PiljiHit[] } | null>(null);

  // 지번 and PNUs are asked of the cadastre Worker, a moment after the typing stops.
  useEffect(() => {
    if (!cadastreReady || !looksLikeJibun(query)) return;
    let live = true;
    const timer = window.setTimeout(() => {
      findPiljiByJibun(query).then(
        (hits) => live && setPilji({ query, hits }),
        () => live && setPilji({ query, hits: [] }),
      );
    }, 150);
    return () => {
      live = false;
      window.clearTimeout(timer);
    };
  }, [query, cadastreReady]);

  useEffect(() => {
    if (!open || boundaries) return;
    let live = true;
    boundaryPlacesOnce().then(
      (places) => live && setBoundaries(places),
      () => live && setBoundaries([]),
    );
    return () => {
      live = false;
    };
  }, [open, boundaries]);

  const results = useMemo((): Result[] => {
    const point = parseTypedPoint(query);
    if (point) {
      const [lon, lat] = point.lonLat;
      const where = `${lat.toFixed(5)}°N ${lon.toFixed(5)}°E`;
      return [
        {
          key: "point",
          label: where,
          detail: point.crsAssumed ? t.assumed5186 : `${t.kinds.point} · ${point.crs}`,
          bbox: [lon, lat, lon, lat],
        },
      ];
    }
    const places = [...(boundaries ?? []), ...hubPlaces(layers)];
    const found: Result[] =
      cadastreReady && pilji?.query === query
        ? pilji.hits.map((h) => ({
            key: `pilji-${h.pnu}`,
            label: h.label,
            detail: `${t.kinds.pilji} · PNU ${h.pnu}`,
            bbox: h.bbox,
            pilji: h,
          }))
        : [];
    const named = searchPlaces(query, places).map((p, i) => ({
      key: `${p.kind}-${i}`,
      label: lang === "en" && p.nameEn ? `${p.nameEn} (${p.name})` : p.name,
      detail: [t.kinds[p.kind], p.detail].filter(Boolean).join(" · "),
      bbox: p.bbox,
    }));
    return [...found, ...named];
  }, [query, boundaries, layers, lang, t, pilji, cadastreReady]);

  const pick = (r: Result | undefined) => {
    if (!r) return;
    goTo(r.bbox, Boolean(r.pilji));
    showSearchHit(r.pilji ? { pnu: r.pilji.pnu, geometry: r.pilji.geometry } : null);
    setOpen(false);
  };

  return (
    <search className="search-box" data-testid="search">
      <input
        type="search"
        value={query}
        aria-label={t.search}
        placeholder={t.search}
        title={t.searchHint}
        data-testid="search-input"
        onFocus={() => setOpen(true)}
        onChange={(e) => {
          setQuery(e.target.value);
          setOpen(true);
        }}
        onKeyDown={(e) => {
          if (e.key === "Enter") pick(results[0]);
          if (e.key === "Escape") setOpen(false);
        }}
      />
      {open && query.trim() !== "" ? (
        <ul className="search-results" data-testid="search-results">
          {results.length === 0 ? (
            <li className="small">{boundaries ? t.noResult : t.loading}</li>
          ) : (
            results.map((r) => (
              <li key={r.key}>
                <button
                  type="button"
                  data-testid={r.pilji ? "search-pilji" : undefined}
                  onClick={() => pick(r)}
                >
                  {r.label} <span className="small">{r.detail}</span>
                </button>
              </li>
            ))
          )}
        </ul>
      ) : null}
    </search>
  );
}
