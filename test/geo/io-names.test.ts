/**
 * Names in and out of the export formats (issue 21): a parcel's name from the column a GIS office
 * gives it (구역명, 명칭, NAME …), the zone's name in the Shapefile's tables, text fields as wide
 * as their values, the circle's centre layer saying what it is, file names without a doubled
 * suffix, and a CSV label that promises only what the CSV holds.
 */
import JSZip from "jszip";
import { describe, expect, it } from "vitest";
import { converterById, exportFileName, exportZone, importZone } from "../../geo/io/registry";
import { decodeText } from "../../geo/io/text";
import type { Parcel, Zone } from "../../geo/types";

function createParcel(
  id: string,
  name: string,
  properties: Record<string, unknown>,
  dx = 0,
): Parcel {
  const [x, y] = [128.1 + dx, 35.18];
  const ring = [
    [x, y],
    [x + 0.005, y],
    [x + 0.005, y + 0.005],
    [x, y + 0.005],
    [x, y],
  ];
  return { id, name, geometry: { type: "Polygon", coordinates: [ring] }, properties };
}

function createZone(parcels: Parcel[]): Zone {
  return {
    parcels,
    envelope: { shape: "circle", center: [128.11, 35.19], radiusKm: 5 },
    meta: { name: "진주 혁신지구" },
    sourceCrs: "EPSG:4326",
  };
}

/** A .dbf's fields (name, type, width) and its rows as text, decoded from `encoding`. */
function readTable(bytes: Uint8Array, encoding: "utf-8" | "cp949") {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const headerBytes = view.getUint16(8, true);
  const fields: { name: string; type: string; size: number }[] = [];
  for (let at = 32; bytes[at] !== 0x0d; at += 32) {
    const raw = bytes.subarray(at, at + 11);
    const end = raw.indexOf(0);
    fields.push({
      name: decodeText(end < 0 ? raw : raw.subarray(0, end), encoding),
      type: String.fromCharCode(bytes[at + 11] ?? 0),
      size: bytes[at + 16] ?? 0,
    });
  }
  const rows: Record<string, string>[] = [];
  const recordBytes = view.getUint16(10, true);
  for (let r = 0; r < view.getUint32(4, true); r++) {
    let offset = headerBytes + r * recordBytes + 1;
    const row: Record<string, string> = {};
    for (const f of fields) {
      row[f.name] = decodeText(bytes.subarray(offset, offset + f.size), encoding).trim();
      offset += f.size;
    }
    rows.push(row);
  }
  return { fields, rows };
}

async function unzipped(data: Uint8Array | string): Promise<JSZip> {
  return JSZip.loadAsync(data);
}

async function file(zip: JSZip, name: string): Promise<Uint8Array> {
  const f = zip.file(name);
  if (!f) throw new Error(`${name} missing`);
  return f.async("uint8array");
}

describe("Shapefile export tables", () => {
  const zone = createZone([
    createParcel("P1", "가좌 산업단지", { 용도: "산업" }),
    createParcel("P2", "혁신 연구지구", { 용도: "연구개발" }, 0.01),
  ]);

  it("text fields are as wide as their longest value, not 254 bytes", async () => {
    for (const [format, encoding] of [
      ["shp", "utf-8"],
      ["shp-cp949", "cp949"],
    ] as const) {
      const zip = await unzipped((await exportZone(zone, format, "jinju")).data);
      const { fields } = readTable(await file(zip, "jinju.dbf"), encoding);
      const width = (name: string) => fields.find((f) => f.name === name)?.size;
      const bytesOf = (s: string) =>
        encoding === "utf-8" ? new TextEncoder().encode(s).length : 0;
      expect(width("id")).toBe(2);
      if (encoding === "utf-8") expect(width("name")).toBe(bytesOf("가좌 산업단지"));
      // CP949: two bytes a syllable, one a space: "가좌 산업단지" is 13.
      else expect(width("name")).toBe(13);
      expect(fields.every((f) => f.size < 254)).toBe(true);
      expect(fields.find((f) => f.name === "area_m2")).toMatchObject({ type: "N", size: 18 });
    }
  });

  it("every table names the zone (zone_name)", async () => {
    const zip = await unzipped((await exportZone(zone, "shp-cp949", "jinju")).data);
    for (const layer of ["jinju", "jinju_envelope", "jinju_envelope_centre"]) {
      const { rows } = readTable(await file(zip, `${layer}.dbf`), "cp949");
      expect(rows.length).toBeGreaterThan(0);
      for (const row of rows) expect(row.zone_name).toBe("진주 혁신지구");
    }
  });

  it("the circle's centre layer says envelope_centre, and reads back as the circle", async () => {
    const exported = await exportZone(zone, "shp", "jinju");
    const zip = await unzipped(exported.data);
    const { rows } = readTable(await file(zip, "jinju_envelope_centre.dbf"), "utf-8");
    expect(rows[0]?.role).toBe("envelope_centre");
    const back = await importZone(
      new Uint8Array(await zip.generateAsync({ type: "uint8array" })),
      "jinju.zip",
    );
    expect(back.envelope?.shape).toBe("circle");
    expect(back.parcels.map((p) => p.name)).toEqual(["가좌 산업단지", "혁신 연구지구"]);
  });

  it("a centre layer of the earlier form (role envelope_axis) still reads as the circle", async () => {
    const zip = await unzipped((await exportZone(zone, "shp", "jinju")).data);
    const dbf = await file(zip, "jinju_envelope_centre.dbf");
    const text = new TextDecoder("latin1")
      .decode(dbf)
      .replace("envelope_centre", "envelope_axis  ");
    zip.file(
      "jinju_envelope_centre.dbf",
      Uint8Array.from(text, (c) => c.charCodeAt(0)),
    );
    const back = await importZone(await zip.generateAsync({ type: "uint8array" }), "jinju.zip");
    expect(back.envelope).toMatchObject({ shape: "circle", radiusKm: 5 });
  });
});

describe("parcel names on import", () => {
  // (NAME itself can't be made this way: our own `name` field takes it, dBase names being
  // case-blind; gdal.test.ts reads one ogr2ogr wrote.)
  for (const column of ["구역명", "명칭", "필지명", "name_ko"]) {
    it(`a CP949 Shapefile's ${column} column is the parcel's name`, async () => {
      // Parcels without a name of their own, the name only in the column, written in CP949.
      const named = createZone([
        createParcel("P1", "", { [column]: "진주 가좌지구" }),
        createParcel("P2", "", { [column]: "진주 정촌지구" }, 0.01),
      ]);
      const exported = await exportZone(named, "shp-cp949", "from-office");
      const back = await importZone(exported.data as Uint8Array, "from-office.zip");
      expect(back.parcels.map((p) => p.name)).toEqual(["진주 가좌지구", "진주 정촌지구"]);
    });
  }
});

describe("file names", () => {
  it("a zone named after its CP949 file gets one -cp949, not two", () => {
    const shp = converterById("shp-cp949");
    expect(exportFileName("진주구역-cp949", shp)).toBe("진주구역-cp949.zip");
    expect(exportFileName("진주구역", shp)).toBe("진주구역-cp949.zip");
    expect(exportFileName("진주구역-CP949", shp)).toBe("진주구역-CP949.zip");
    expect(exportFileName("진주구역", converterById("geojson-5186"))).toBe("진주구역-5186.geojson");
  });

  it("the export menu's CSV label promises only the table it writes", async () => {
    const csv = converterById("csv");
    expect(csv.label.ko).not.toMatch(/좌표/);
    expect(csv.label.en).not.toMatch(/point|coordinate/i);
    const text = decodeText(
      (await exportZone(createZone([createParcel("P1", "가", {})]), "csv")).data as Uint8Array,
    );
    expect(text.split("\r\n")[0]).toMatch(/^\uFEFF?id,name,area_m2/);
  });
});
