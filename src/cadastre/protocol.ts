/** Messages between the app and the cadastre Worker (structured-clone values only). */
import type { FeatureCollection, MultiPolygon, Polygon } from "geojson";

export interface NamedFile {
  name: string;
  bytes: Uint8Array;
}

/** A 필지 as the map draws and picks it: exact geometry, PNU and its label (`12-3대`). */
export type Outlines = FeatureCollection<Polygon | MultiPolygon, { pnu: string; label: string }>;

export type CadastreRequest =
  | { kind: "open"; id: number; files: NamedFile[] }
  | {
      kind: "joso";
      id: number;
      /** The filing exactly as the app exports it: the 조서 is of that file, as `czd parcels`'s is. */
      filing: string;
      fileName: string;
      format: "csv" | "xlsx";
      encoding: "utf-8" | "cp949";
    };

export type CadastreReply =
  | { kind: "progress"; id: number; read: number; total: number }
  | { kind: "opened"; id: number; layers: string[]; outlines: Outlines }
  | { kind: "joso"; id: number; bytes: Uint8Array }
  | { kind: "error"; id: number; ko: string; en: string };
