/** The filing in the other formats: GeoJSON in a TM plane, zipped Shapefile, CSV of areas. */
import { lazy, Suspense, useState } from "react";
import { useT } from "../i18n";

// The converters (and their labels) load when the menu is first opened, not with the page.
const ExportItems = lazy(() => import("./ExportItems").then((m) => ({ default: m.ExportItems })));

export function ExportMenu() {
  const t = useT();
  const [opened, setOpened] = useState(false);
  return (
    <details
      className="export-menu"
      data-testid="export-menu"
      onToggle={(e) => {
        if (e.currentTarget.open) setOpened(true);
      }}
    >
      <summary>
        {t.exportOther} <span aria-hidden="true">▾</span>
      </summary>
      {opened && (
        <Suspense fallback={<div className="export-menu-items">…</div>}>
          <ExportItems />
        </Suspense>
      )}
    </details>
  );
}
