/**
 * Files dropped on the page are imported like files picked with the import button, several at
 * once (a Shapefile's .shp, .shx, .dbf, .prj, .cpg together); while files are dragged over the
 * page, an overlay says what can be dropped, gone on drop or when the drag leaves.
 */
import { useEffect, useState } from "react";
import { useT } from "../i18n";
import { useAppStore } from "../store/store";
import { fileBytes } from "./download";

const carriesFiles = (e: DragEvent): boolean => e.dataTransfer?.types.includes("Files") ?? false;

export function FileDrop() {
  const t = useT();
  const [over, setOver] = useState(false);
  useEffect(() => {
    // dragenter and dragleave fire for every element crossed: the page is left when they even out.
    let depth = 0;
    const onDragEnter = (e: DragEvent) => {
      if (!carriesFiles(e)) return;
      depth += 1;
      setOver(true);
    };
    const onDragLeave = (e: DragEvent) => {
      if (!carriesFiles(e)) return;
      depth = Math.max(0, depth - 1);
      if (depth === 0) setOver(false);
    };
    const onDragOver = (e: DragEvent) => e.preventDefault();
    const onDrop = async (e: DragEvent) => {
      e.preventDefault();
      depth = 0;
      setOver(false);
      // In reviewer mode a dropped filing is opened for review (ReviewerView), not imported.
      if (useAppStore.getState().reviewing) return;
      const files = [...(e.dataTransfer?.files ?? [])];
      if (files.length === 0) return;
      const named = await Promise.all(
        files.map(async (f) => ({ name: f.name, bytes: await fileBytes(f) })),
      );
      const { importFiles } = await import("../actions/imports");
      await importFiles(useAppStore, named);
    };
    window.addEventListener("dragenter", onDragEnter);
    window.addEventListener("dragleave", onDragLeave);
    window.addEventListener("dragover", onDragOver);
    window.addEventListener("drop", onDrop);
    return () => {
      window.removeEventListener("dragenter", onDragEnter);
      window.removeEventListener("dragleave", onDragLeave);
      window.removeEventListener("dragover", onDragOver);
      window.removeEventListener("drop", onDrop);
    };
  }, []);
  const reviewing = useAppStore((s) => s.reviewing);
  if (!over || reviewing) return null;
  return (
    <div className="drop-hint" data-testid="drop-hint" role="status">
      <strong>{t.dropHint}</strong>
      <span>{t.dropHintDetail}</span>
    </div>
  );
}
