/**
 * Zipped Shapefiles in: every layer's .shp geometry (shpjs's parser), its .dbf attributes
 * decoded as the .cpg says, else UTF-8 when valid, else CP949 (Korean offices' default), and
 * its .prj matched to a CRS of FILING.md, then reprojected to WGS84 lon/lat. Anything missing
 * or inconsistent stops the whole import with a message naming the part.
 */
import type { Feature, FeatureCollection, Geometry } from "geojson";
import JSZip from "jszip";
import { parseShp } from "shpjs";
import { normalizeCrs, reprojectGeometry, SUPPORTED_CRS, toLonLat } from "../crs";
import { FilingError } from "../errors";
import { dbfHeader, dbfTextBytes, readDbf } from "./dbf-read";
import type { Imported, ReadOptions } from "./format";
import { crsFromPrj } from "./prj";
import { rewind } from "./rewind";
import { decodeText, detectEncoding, encodingFromCpg } from "./text";

type Parts = Partial<Record<"shp" | "shx" | "dbf" | "prj" | "cpg", Uint8Array>>;

function bad(ko: string, en: string): FilingError {
  return new FilingError("BAD_FILE", ko, en);
}

async function unzip(bytes: Uint8Array): Promise<Map<string, Parts>> {
  let zip: JSZip;
  try {
    zip = await JSZip.loadAsync(bytes);
  } catch (e) {
    const why = e instanceof Error ? e.message : String(e);
    throw bad(
      `올바른 ZIP 파일이 아닙니다 (잘렸거나 손상됨: ${why})`,
      `Not a valid ZIP file (truncated or damaged: ${why})`,
    );
  }
  const layers = new Map<string, Parts>();
  for (const entry of Object.values(zip.files)) {
    if (entry.dir || entry.name.includes("__MACOSX")) continue;
    const m = /^(.*)\.(shp|shx|dbf|prj|cpg)$/i.exec(entry.name);
    if (!m?.[1] || !m[2]) continue;
    const parts = layers.get(m[1]) ?? {};
    try {
      parts[m[2].toLowerCase() as keyof Parts] = await entry.async("uint8array");
    } catch (e) {
      const why = e instanceof Error ? e.message : String(e);
      throw bad(
        `ZIP 안의 ${entry.name}을(를) 풀 수 없습니다 (${why})`,
        `Cannot unpack ${entry.name} (${why})`,
      );
    }
    layers.set(m[1], parts);
  }
  return layers;
}

function layerCrs(layer: string, prj: Uint8Array | undefined, opts: ReadOptions): string {
  if (!prj) {
    const chosen = opts.crs ? normalizeCrs(opts.crs) : null;
    if (chosen) return chosen;
    throw new FilingError(
      "UNKNOWN_CRS",
      `${layer}.prj가 없어 좌표계를 알 수 없습니다 (.prj를 함께 압축하거나 좌표계를 지정하십시오)`,
      `${layer}.prj is missing, so the coordinate system is unknown (zip the .prj with it, or name the CRS)`,
    );
  }
  const crs = crsFromPrj(decodeText(prj));
  if (crs) return crs;
  throw new FilingError(
    "UNKNOWN_CRS",
    `${layer}.prj의 좌표계는 지원하지 않습니다 (지원: ${SUPPORTED_CRS.join(", ")})`,
    `${layer}.prj names a coordinate system that is not supported (supported: ${SUPPORTED_CRS.join(", ")})`,
  );
}

const ID_FIELDS = ["id", "ID", "Id", "FID", "fid", "번호", "지구번호"];
const NAME_FIELDS = ["name", "NAME", "Name", "이름", "명칭", "지구명"];
/** Areas this project writes into the table: derived, so recomputed rather than kept. */
const DERIVED_FIELDS = new Set(["area_m2", "tm_m2", "areaKm2"]);

/** A row as filing properties: id and name found under the names Korean tables use. */
function parcelProperties(row: Record<string, unknown>): Record<string, unknown> {
  const props: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(row)) {
    if (!DERIVED_FIELDS.has(k) && v !== null && v !== "") props[k] = v;
  }
  if (props.role === "envelope") {
    // The envelope layer shp-write.ts writes: dBase's 10-character names back to FILING.md's.
    if (props.radius_km !== undefined) props.radiusKm = props.radius_km;
    if (props.half_km !== undefined) props.halfWidthKm = props.half_km;
    delete props.radius_km;
    delete props.half_km;
    return props;
  }
  const idField = ID_FIELDS.find((f) => props[f] !== undefined);
  if (idField && props.id === undefined) props.id = String(props[idField]);
  const nameField = NAME_FIELDS.find((f) => typeof props[f] === "string");
  if (nameField && props.name === undefined) props.name = props[nameField];
  return props;
}

/** Checks the .shp header's length field against the bytes: a cut-off file says so here. */
function shpGeometries(layer: string, shp: Uint8Array): (Geometry | null)[] {
  const view = new DataView(shp.buffer, shp.byteOffset, shp.byteLength);
  if (shp.length < 100 || view.getInt32(0) !== 9994) {
    throw bad(`${layer}.shp는 Shapefile이 아닙니다`, `${layer}.shp is not a Shapefile`);
  }
  const declared = view.getInt32(24) * 2;
  if (declared !== shp.length) {
    throw bad(
      `${layer}.shp가 잘렸거나 손상되었습니다 (머리부 ${declared} 바이트, 실제 ${shp.length} 바이트)`,
      `${layer}.shp is truncated or damaged (header says ${declared} bytes, file has ${shp.length})`,
    );
  }
  try {
    return parseShp(view, false);
  } catch (e) {
    const why = e instanceof Error ? e.message : String(e);
    throw bad(`${layer}.shp를 읽을 수 없습니다 (${why})`, `Cannot read ${layer}.shp (${why})`);
  }
}

function layerFeatures(layer: string, parts: Parts, opts: ReadOptions): Feature[] {
  if (!parts.shp) throw bad(`${layer}.shp가 없습니다`, `${layer}.shp is missing`);
  if (!parts.dbf) throw bad(`${layer}.dbf가 없습니다`, `${layer}.dbf is missing`);
  const crs = layerCrs(layer, parts.prj, opts);
  const geometries = shpGeometries(layer, parts.shp);
  const { records } = dbfHeader(parts.dbf);
  if (records !== geometries.length) {
    throw bad(
      `${layer}.dbf의 레코드 ${records}개가 ${layer}.shp의 도형 ${geometries.length}개와 맞지 않습니다`,
      `${layer}.dbf has ${records} records but ${layer}.shp has ${geometries.length} shapes`,
    );
  }
  const cpg = parts.cpg ? encodingFromCpg(decodeText(parts.cpg)) : null;
  const encoding = cpg ?? opts.encoding ?? detectEncoding(dbfTextBytes(parts.dbf));
  const { rows } = readDbf(parts.dbf, encoding);
  const convert = toLonLat(crs);
  const features: Feature[] = [];
  geometries.forEach((g, i) => {
    const row = rows[i];
    if (!g || !row) return;
    features.push({
      type: "Feature",
      properties: parcelProperties(row),
      geometry: rewind(reprojectGeometry(g, convert)),
    });
  });
  return features;
}

/** Reads a zipped Shapefile (one or more layers) into WGS84 features. */
export async function readShapefileZip(
  bytes: Uint8Array,
  opts: ReadOptions = {},
): Promise<Imported> {
  const layers = await unzip(bytes);
  const names = [...layers.entries()].filter(([, p]) => p.shp).map(([n]) => n);
  if (names.length === 0) {
    throw bad("ZIP 안에 .shp 파일이 없습니다", "The ZIP holds no .shp file");
  }
  const crsSet = new Set<string>();
  const features: Feature[] = [];
  for (const name of names) {
    const parts = layers.get(name) ?? {};
    crsSet.add(layerCrs(name, parts.prj, opts));
    for (const f of layerFeatures(name, parts, opts)) features.push(f);
  }
  const collection: FeatureCollection = { type: "FeatureCollection", features };
  return { collection, sourceCrs: [...crsSet].join(", ") };
}
