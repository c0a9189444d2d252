/** A file input shown as a button, as every panel that opens a file uses it. */
import type { ReactNode } from "react";
import { SUPPORTED_CRS } from "../../geo/index";

/** What a filing may come as: GeoJSON or a zipped Shapefile. */
export const FILING_ACCEPT =
  ".geojson,.json,.zip,.shz,application/geo+json,application/json,application/zip";

/** A filing, or a Shapefile's loose parts picked together (.shp with its .shx, .dbf, .prj, .cpg). */
export const FILING_OR_PARTS_ACCEPT = `${FILING_ACCEPT},.shp,.shx,.dbf,.prj,.cpg`;

/** The CRS a file's x/y columns may be in; lon/lat files need none. */
export const XY_CRS = SUPPORTED_CRS.filter((c) => c !== "EPSG:4326");

interface FilePickerProps {
  label: ReactNode;
  testId: string;
  accept: string;
  /** Given the picked file; the input is cleared at once, so the same file can be picked again. */
  onFile?: (file: File) => Promise<unknown>;
  /** Given every picked file: the input then takes several at once (a Shapefile's parts). */
  onFiles?: (files: File[]) => Promise<unknown>;
  disabled?: boolean;
}

export function FilePicker({ label, testId, accept, onFile, onFiles, disabled }: FilePickerProps) {
  return (
    <label className="file">
      {label}
      <input
        type="file"
        data-testid={testId}
        accept={accept}
        multiple={onFiles !== undefined}
        disabled={disabled}
        onChange={async (e) => {
          const input = e.currentTarget;
          const files = [...(input.files ?? [])];
          input.value = "";
          if (onFiles && files.length > 0) await onFiles(files);
          else if (onFile && files[0]) await onFile(files[0]);
        }}
      />
    </label>
  );
}
