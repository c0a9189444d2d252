/** Unreadable inputs: one FilingError naming the file and the problem, and no zone at all. */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { unzipSync, zipSync } from "fflate";
import { describe, expect, it } from "vitest";
import { FilingError } from "../../geo/errors";
import { readPointsCsv } from "../../geo/io/csv";
import { exportZone, importHubs, importZone } from "../../geo/io/registry";
import { decodeText } from "../../geo/io/text";
import type { Zone } from "../../geo/types";

const FIXTURES = join(__dirname, "../fixtures/io");
const fixture = (name: string): Uint8Array => readFileSync(join(FIXTURES, name));

async function createShpZip(file: string): Promise<Uint8Array> {
  const zone = await importZone(fixture(file), file);
  return (await exportZone(zone, "shp", "zone")).data as Uint8Array;
}

/** The ZIP's entries, changed by `edit`, zipped again. */
function rezip(bytes: Uint8Array, edit: (files: Record<string, Uint8Array>) => void): Uint8Array {
  const files = unzipSync(bytes);
  edit(files);
  return zipSync(files);
}

async function refusal(work: Promise<unknown>): Promise<FilingError> {
  const e = await work.then(
    () => null,
    (err: unknown) => err,
  );
  expect(e).toBeInstanceOf(FilingError);
  return e as FilingError;
}

describe("malformed Shapefile ZIPs", () => {
  it("a truncated ZIP", async () => {
    const whole = await createShpZip("jinju-two-parcels.geojson");
    const e = await refusal(importZone(whole.subarray(0, Math.floor(whole.length / 2)), "cut.zip"));
    expect(e.code).toBe("BAD_FILE");
    expect(e.ko).toMatch(/^'cut\.zip': 올바른 ZIP 파일이 아닙니다/);
    expect(e.en).toMatch(/^'cut\.zip': Not a valid ZIP file/);
  });

  it("a missing .prj, unless the CRS is named", async () => {
    const noPrj = rezip(await createShpZip("jinju-two-parcels.geojson"), (files) => {
      delete files["zone.prj"];
    });
    const e = await refusal(importZone(noPrj, "noprj.zip"));
    expect(e.code).toBe("UNKNOWN_CRS");
    expect(e.en).toContain("'noprj.zip': zone.prj is missing");
    const zone: Zone = await importZone(noPrj, "noprj.zip", { crs: "EPSG:5186" });
    expect(zone.parcels).toHaveLength(2);
  });

  it("a .dbf with another number of records than the .shp", async () => {
    const one = rezip(await createShpZip("jinju-two-parcels.geojson"), () => undefined);
    const otherDbf = unzipSync(await createShpZip("jincheon-korean.geojson"))["zone.dbf"];
    // Another zone's table, its header saying 1 record: one record short of the .shp's shapes.
    const dbf = Uint8Array.from(otherDbf ?? []);
    new DataView(dbf.buffer).setUint32(4, 1, true);
    const mixed = rezip(one, (files) => {
      files["zone.dbf"] = dbf;
    });
    const e = await refusal(importZone(mixed, "mixed.zip"));
    expect(e.en).toContain("zone.dbf has 1 records but zone.shp has 2 shapes");
  });

  it("a .shp cut short inside a sound ZIP", async () => {
    const cut = rezip(await createShpZip("jinju-two-parcels.geojson"), (files) => {
      const shp = files["zone.shp"] ?? new Uint8Array();
      files["zone.shp"] = shp.subarray(0, shp.length - 100);
    });
    const e = await refusal(importZone(cut, "cut-shp.zip"));
    expect(e.en).toContain("zone.shp is truncated or damaged");
  });

  it("a ZIP without a .shp", async () => {
    const empty = zipSync({ "readme.txt": new TextEncoder().encode("x") });
    const e = await refusal(importZone(empty, "empty.zip"));
    expect(e.en).toContain("The ZIP holds no .shp file");
  });
});

describe("malformed GeoJSON and CSV", () => {
  it("GeoJSON that is not JSON names the file", async () => {
    const e = await refusal(importZone(new TextEncoder().encode("{ nope"), "broken.geojson"));
    expect(e.code).toBe("NOT_JSON");
    expect(e.en).toMatch(/^'broken\.geojson': /);
  });

  it("a crs member naming an unsupported CRS", async () => {
    const text = JSON.stringify({
      type: "FeatureCollection",
      crs: { type: "name", properties: { name: "EPSG:32652" } },
      features: [],
    });
    const e = await refusal(importZone(new TextEncoder().encode(text), "old.geojson"));
    expect(e.code).toBe("UNKNOWN_CRS");
  });

  it("a hub CSV without coordinate columns", async () => {
    const e = await refusal(
      importHubs(fixture("hubs-missing-columns.csv"), "hubs-missing-columns.csv"),
    );
    // Named first, and once: the hub reader names its file itself, so it is not prefixed again.
    expect(e.ko).toMatch(/^hubs-missing-columns\.csv 1행: /);
    expect(e.en.split("hubs-missing-columns.csv")).toHaveLength(2);
    expect(() => readPointsCsv(decodeText(fixture("hubs-missing-columns.csv")))).toThrow(
      /No coordinate columns/,
    );
  });

  it("a point CSV with a coordinate that is not a number names its line", () => {
    expect(() => readPointsCsv("name,lat,lon\nA,35.1,128.1\nB,35.x,128.2\n")).toThrow(/Line 3/);
  });

  it("an unknown extension", async () => {
    const e = await refusal(importZone(new Uint8Array([1, 2]), "zone.kml"));
    expect(e.en).toContain("'zone.kml': not a format that can be read");
  });
});

describe("hub and point CSVs", () => {
  it("CP949 with Korean headers and type names", async () => {
    const hubs = await importHubs(fixture("hubs-cp949.csv"), "hubs-cp949.csv");
    expect(hubs.map((h) => [h.name, h.type])).toEqual([
      ["진주 혁신도시", "innovation_city"],
      ["진주 뿌리산업단지", "industrial_complex"],
    ]);
    expect(hubs[0]?.geometry).toEqual({ type: "Point", coordinates: [128.1178, 35.1656] });
  });

  it("x/y columns in a named CRS", () => {
    const text = decodeText(fixture("hubs-5186-xy.csv"));
    const { collection } = readPointsCsv(text, { crs: "EPSG:5186" });
    const p = collection.features[0]?.geometry;
    // `echo 311000 285000 | gdaltransform -s_srs EPSG:5186 -t_srs EPSG:4326`
    expect(p?.type).toBe("Point");
    if (p?.type !== "Point") return;
    expect(p.coordinates[0]).toBeCloseTo(128.218204218727, 8);
    expect(p.coordinates[1]).toBeCloseTo(35.1552667811871, 8);
    expect(() => readPointsCsv(text)).toThrow(/not longitude\/latitude/);
  });
});
