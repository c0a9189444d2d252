/**
 * One search box (issue 21): a place name (시·도, 시·군·구, hub, imported layer) or coordinates
 * as typed (decimal, DMS, TM with a CRS); Enter or a click on a result moves the map there by the
 * URL hash, which the map follows (src/map/hash.ts). Offline: only our own data is searched.
 */
import { useEffect, useMemo, useState } from "react";
import { type Bbox, type Place, parseTypedPoint, searchPlaces, viewOfBbox } from "../../geo/index";
import { useSearchT } from "../i18n/search";
import { formatHash } from "../map/hash";
import { useAppStore } from "../store/store";
import { boundaryPlacesOnce, hubPlaces } from "./search-places";
import "./search.css";

interface Result {
  key: string;
  label: string;
  detail: string;
  bbox: Bbox;
}

/** Move the map to show `bbox` (a point gets a street-level view). */
function goTo(bbox: Bbox): void {
  const map = document.querySelector('[data-testid="map"]')?.getBoundingClientRect();
  const view = viewOfBbox(bbox, map?.width ?? 1000, map?.height ?? 700, { maxZoom: 15 });
  window.location.hash = formatHash(view);
}

export function SearchBox() {
  const t = useSearchT();
  const lang = useAppStore((s) => s.lang);
  const layers = useAppStore((s) => s.hubLayers);
  const [query, setQuery] = useState("");
  const [open, setOpen] = useState(false);
  const [boundaries, setBoundaries] = useState<Place[] | null>(null);

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
    return searchPlaces(query, places).map((p, i) => ({
      key: `${p.kind}-${i}`,
      label: lang === "en" && p.nameEn ? `${p.nameEn} (${p.name})` : p.name,
      detail: [t.kinds[p.kind], p.detail].filter(Boolean).join(" · "),
      bbox: p.bbox,
    }));
  }, [query, boundaries, layers, lang, t]);

  const pick = (r: Result | undefined) => {
    if (!r) return;
    goTo(r.bbox);
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
                <button type="button" onClick={() => pick(r)}>
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
