/**
 * The PMTiles basemap wired to the map: at start, an archive beside the app (basemap.pmtiles,
 * under any sub-path) is looked for and shown; later, a file the planner opens replaces it.
 * What happened goes to the archive store, which the status bar reads.
 */
import { archiveBeside, BESIDE_NAME } from "../map/archive-beside";
import type { ZoneMap } from "../map/zone-map";
import { type ArchiveBasemapState, archiveBasemapStore } from "../store/archive-basemap";

type Archive = NonNullable<ArchiveBasemapState["archive"]>;

export function bindArchiveBasemap(map: ZoneMap): () => void {
  let seq = 0;
  const show = (input: string | File, name: string, origin: Archive["origin"]) => {
    const mine = ++seq;
    archiveBasemapStore.setState({ archive: { name, origin, state: "loading" } });
    map.showArchive(input).then(
      (info) => {
        if (mine === seq)
          archiveBasemapStore.setState({
            archive: { name: info.name, origin, state: "shown", kind: info.kind },
          });
      },
      (e: unknown) => {
        const error = e instanceof Error ? e.message : String(e);
        console.warn(`배경지도 파일을 읽지 못함 / basemap archive not read: ${error}`);
        if (mine === seq)
          archiveBasemapStore.setState({ archive: { name, origin, state: "failed", error } });
      },
    );
  };
  let stopped = false;
  archiveBeside(document.baseURI).then(
    (url) => {
      // A file the planner opened meanwhile wins over the one beside the app.
      if (url && !stopped && seq === 0)
        show(url, decodeURIComponent(url.split("/").pop() ?? url), "beside");
    },
    (e: unknown) => {
      if (stopped || seq !== 0) return;
      const error = e instanceof Error ? e.message : String(e);
      console.warn(`배경지도 파일을 읽지 못함 / basemap archive not read: ${error}`);
      archiveBasemapStore.setState({
        archive: { name: BESIDE_NAME, origin: "beside", state: "failed", error },
      });
    },
  );
  const off = archiveBasemapStore.subscribe((s) => {
    if (!s.requested) return;
    const file = s.requested;
    archiveBasemapStore.setState({ requested: null });
    show(file, file.name, "file");
  });
  return () => {
    stopped = true;
    off();
  };
}
