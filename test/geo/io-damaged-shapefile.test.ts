/**
 * Damaged Shapefiles and ZIPs (issue 8): every record is accounted for or the file is refused
 * naming it. A null shape, a record with no parts or a deleted .dbf row once dropped a parcel
 * silently, and the 16.29 km² zone that fails read as 8.15 km² and passed.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { unzipSync } from "fflate";
import { describe, expect, it } from "vitest";
import { FilingError } from "../../geo/errors";
import { exportZone, importZone } from "../../geo/io/registry";
import { readZip } from "../../geo/io/zip-read";
import { createZip } from "../support/zip";

const FIXTURE = join(__dirname, "../fixtures/io/jinju-two-parcels.geojson");

/** The parts of the two-parcel Jinju zone (16.29 km²) as this project writes it. */
async function createParts(): Promise<Record<string, Uint8Array>> {
  const zone = await importZone(readFileSync(FIXTURE), "jinju.geojson");
  return unzipSync((await exportZone(zone, "shp", "zone")).data as Uint8Array);
}

function part(parts: Record<string, Uint8Array>, name: string): Uint8Array {
  const bytes = parts[name];
  if (!bytes) throw new Error(`no ${name}`);
  return bytes.slice();
}

function zipOf(parts: Record<string, Uint8Array>): Uint8Array {
  return createZip(Object.entries(parts).map(([name, data]) => ({ name, data })));
}

async function refusal(work: Promise<unknown>): Promise<FilingError> {
  const e = await work.then(
    () => null,
    (err: unknown) => err,
  );
  expect(e).toBeInstanceOf(FilingError);
  return e as FilingError;
}

/** Byte offset of record k's content (1-based) in a .shp. */
function recordContent(shp: Uint8Array, k: number): number {
  const view = new DataView(shp.buffer, shp.byteOffset, shp.byteLength);
  let offset = 100;
  for (let i = 1; i < k; i++) offset += 8 + view.getInt32(offset + 4) * 2;
  return offset + 8;
}

describe("a damaged Shapefile is refused naming the record, never read short", () => {
  it("reads the intact file whole: two parcels", async () => {
    const zone = await importZone(zipOf(await createParts()), "jinju.zip");
    expect(zone.parcels).toHaveLength(2);
  });

  it("a null shape in record 2", async () => {
    const parts = await createParts();
    const shp = part(parts, "zone.shp");
    new DataView(shp.buffer).setInt32(recordContent(shp, 2), 0, true);
    const e = await refusal(importZone(zipOf({ ...parts, "zone.shp": shp }), "null.zip"));
    expect(e.en).toContain("zone.shp, record 2: a null shape");
    expect(e.ko).toContain("zone.shp의 2번째 레코드");
  });

  it("a record with no parts", async () => {
    const parts = await createParts();
    const shp = part(parts, "zone.shp");
    new DataView(shp.buffer).setInt32(recordContent(shp, 2) + 36, 0, true);
    const e = await refusal(importZone(zipOf({ ...parts, "zone.shp": shp }), "empty.zip"));
    expect(e.en).toContain("record 2: an empty shape with no parts");
  });

  it("a .dbf row flagged deleted", async () => {
    const parts = await createParts();
    const dbf = part(parts, "zone.dbf");
    const view = new DataView(dbf.buffer);
    dbf[view.getUint16(8, true) + view.getUint16(10, true)] = 0x2a;
    const e = await refusal(importZone(zipOf({ ...parts, "zone.dbf": dbf }), "deleted.zip"));
    expect(e.en).toContain("zone.dbf, row 2 is flagged deleted");
  });

  it("a .shx that indexes another number of records", async () => {
    const parts = await createParts();
    const shx = part(parts, "zone.shx").slice(0, 108);
    new DataView(shx.buffer).setInt32(24, 54);
    const e = await refusal(importZone(zipOf({ ...parts, "zone.shx": shx }), "shx.zip"));
    expect(e.en).toContain("zone.shx indexes 1 records but zone.shp holds 2");
  });

  it("a record whose length runs past the file: a clear message, not a DataView error", async () => {
    const parts = await createParts();
    const shp = part(parts, "zone.shp");
    new DataView(shp.buffer).setInt32(recordContent(shp, 2) - 4, 1_000_000);
    const e = await refusal(importZone(zipOf({ ...parts, "zone.shp": shp }), "long.zip"));
    expect(e.en).toContain("record 2: the record is cut off");
    expect(e.en).not.toMatch(/DataView|Offset/);
  });
});

describe("ZIPs are checked before and while inflating", () => {
  const wanted = () => true;

  it("a CRC that does not match is refused", async () => {
    const parts = await createParts();
    const entries = Object.entries(parts).map(([name, data]) => ({
      name,
      data,
      method: 0 as const,
    }));
    const bytes = createZip(entries.map((e) => (e.name === "zone.prj" ? { ...e, crc: 1234 } : e)));
    const e = await refusal(importZone(bytes, "crc.zip"));
    expect(e.en).toContain("the CRC of zone.prj does not match");
  });

  it("a bomb is refused from the directory, before inflating", () => {
    const bytes = createZip([
      { name: "a.prj", data: new Uint8Array(10), declaredSize: 300 * 1024 * 1024 },
    ]);
    expect(() => readZip(bytes, wanted)).toThrow(
      /inflate to 300\.0 MB, over the limit of 200\.0 MB/,
    );
  });

  it("an entry that inflates past its declared size stops there", () => {
    const bytes = createZip([
      { name: "a.prj", data: new Uint8Array(5_000_000), declaredSize: 1000 },
    ]);
    expect(() => readZip(bytes, wanted)).toThrow(/inflates past the 1000 bytes it declares/);
  });

  it("too many entries are refused before reading any", () => {
    const entries = Array.from({ length: 1001 }, (_, i) => ({
      name: `f${i}.cpg`,
      data: new Uint8Array(1),
    }));
    expect(() => readZip(createZip(entries), wanted)).toThrow(
      /1001 entries, over the limit of 1000/,
    );
  });
});
