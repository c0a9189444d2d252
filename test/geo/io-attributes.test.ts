/**
 * Attributes a parcel brought with it (지구명, 용도, 면적비고 …) survive every export: dBase field
 * names cut to 10 bytes and made unique the same way each time, CSV columns, and a Shapefile
 * read back; the envelope travels as its outline polygon plus what defines it.
 */
import { unzipSync } from "fflate";
import { describe, expect, it } from "vitest";
import { cutToBytes, dbfColumn, dbfFieldNames } from "../../geo/io/dbf-fields";
import { exportZone, importZone, importZoneParts } from "../../geo/io/registry";
import { encodeText } from "../../geo/io/text";
import type { Parcel, Zone } from "../../geo/types";

function createParcel(id: string, name: string, properties: Record<string, unknown>): Parcel {
  const [x, y] = id === "A" ? [127.1, 36.5] : [127.15, 36.55];
  const geometry = {
    type: "Polygon" as const,
    coordinates: [
      [
        [x, y],
        [x + 0.01, y],
        [x + 0.01, y + 0.01],
        [x, y + 0.01],
        [x, y],
      ],
    ],
  };
  return { id, name, geometry, properties };
}

function createZone(): Zone {
  return {
    parcels: [
      createParcel("A", "가 구역", { 지구명: "진천 1지구", 용도: "산업", 면적비고: "도로 포함" }),
      createParcel("B", "나 구역", { 지구명: "음성 2지구", 용도: "연구", 순번: 2 }),
    ],
    envelope: { shape: "circle", center: [127.13, 36.53], radiusKm: 6 },
    meta: {},
    sourceCrs: "EPSG:4326",
  };
}

describe("dBase field names", () => {
  it("cut to 10 bytes on a character boundary in each encoding", () => {
    expect(cutToBytes("면적비고", 10, "utf-8")).toBe("면적비");
    expect(cutToBytes("면적비고", 10, "cp949")).toBe("면적비고");
    expect(encodeText(cutToBytes("가나다라마바", 10, "utf-8"), "utf-8").length).toBe(9);
  });

  it("keep short names, and number the ones that collide, against the writer's own too", () => {
    const names = dbfFieldNames(
      [
        "지구명",
        "면적비고",
        "면적비고2",
        "NAME",
        "construction_year",
        "construction_month",
        "__proto__",
      ],
      ["id", "name", "area_m2", "tm_m2"],
      "utf-8",
    );
    expect([...names.values()]).toEqual([
      "지구명",
      "면적비",
      "면적_1",
      "NAME_1",
      "constructi",
      "construc_1",
      "__proto__1",
    ]);
    for (const n of names.values()) expect(encodeText(n, "utf-8").length).toBeLessThanOrEqual(10);
  });

  it("collide as CP949 writes them: two emoji become two '?', numbered apart", () => {
    const names = dbfFieldNames(["😀a", "😃a"], [], "cp949");
    expect([...names.values()]).toEqual(["?a", "?a_1"]);
  });

  it("are the same for the same keys every time, and drop control characters", () => {
    const keys = ["a\u0001b", "", "가나다라마바사"];
    const once = [...dbfFieldNames(keys, [], "cp949").values()];
    expect(once).toEqual(["ab", "field", "가나다라마"]);
    expect([...dbfFieldNames(keys, [], "cp949").values()]).toEqual(once);
  });

  it("one type per column: numbers when all fit, text otherwise", () => {
    expect(dbfColumn([1, null, 2.5])).toEqual([1, null, 2.5]);
    expect(dbfColumn([1, "x"])).toEqual(["1", "x"]);
    expect(dbfColumn([true, undefined])).toEqual([true, null]);
    expect(dbfColumn([{ a: 1 }])).toEqual(['{"a":1}']);
    expect(dbfColumn([1e25])).toEqual(["1e+25"]);
  });
});

describe("attributes in every export", () => {
  for (const id of ["shp", "shp-cp949"]) {
    it(`${id}: read back with their values, the name the parcel's own`, async () => {
      const file = await exportZone(createZone(), id, "z");
      const back = await importZone(file.data as Uint8Array, file.fileName);
      expect(back.parcels.map((p) => p.name)).toEqual(["가 구역", "나 구역"]);
      const want = id === "shp" ? "면적비" : "면적비고";
      expect(back.parcels[0]?.properties).toMatchObject({ 지구명: "진천 1지구", 용도: "산업" });
      expect(back.parcels[0]?.properties[want]).toBe("도로 포함");
      expect(back.parcels[1]?.properties.순번).toBe(2);
      expect(back.parcels[0]?.properties.순번).toBeUndefined();
    });
  }

  it("csv: one column per attribute after the table's own", async () => {
    const file = await exportZone(createZone(), "csv", "z");
    const text = new TextDecoder().decode(file.data as Uint8Array).replace(/^\uFEFF/, "");
    const [header, first] = text.split("\r\n");
    expect(header).toBe("id,name,area_m2,area_km2,tm_area_m2,tm_crs,지구명,용도,면적비고,순번");
    expect(first).toMatch(/,진천 1지구,산업,도로 포함,$/);
  });

  it("geojson-5186: the properties as they came", async () => {
    const file = await exportZone(createZone(), "geojson-5186", "z");
    const doc = JSON.parse(file.data as string);
    expect(doc.features[0].properties).toMatchObject({ 면적비고: "도로 포함", name: "가 구역" });
  });
});

/** A 구역 naming 40 필지 whole and two in part: its PNU list alone is ~900 bytes of JSON. */
function createPiljiZone(): Zone {
  const zone = createZone();
  const pnu = Array.from({ length: 40 }, (_, i) =>
    `481701010010${String(1000 + i).padStart(4, "0")}000`.slice(0, 19),
  );
  const partialPnu = [
    { pnu: "4817010100200120003", m2: 1234.56 },
    { pnu: "4817010100100990000", m2: 0.5 },
  ];
  const [a, b] = zone.parcels;
  if (!a || !b) throw new Error("two parcels");
  return { ...zone, parcels: [{ ...a, properties: { ...a.properties, pnu, partialPnu } }, b] };
}

describe("the 필지 a 구역 names, in a Shapefile", () => {
  for (const id of ["shp", "shp-cp949"]) {
    it(`${id}: a table of its own, one row a 필지, read back into pnu and partialPnu whole`, async () => {
      const zone = createPiljiZone();
      const file = await exportZone(zone, id, "z");
      const zip = unzipSync(file.data as Uint8Array);
      expect(zip["z_pilji.dbf"]).toBeDefined();
      expect(zip["z_pilji.shp"]).toBeUndefined();
      const back = await importZone(file.data as Uint8Array, file.fileName);
      const [a, b] = back.parcels;
      expect(a?.properties.pnu).toEqual(zone.parcels[0]?.properties.pnu);
      expect(a?.properties.partialPnu).toEqual(zone.parcels[0]?.properties.partialPnu);
      expect(b?.properties.pnu).toBeUndefined();
      expect(b?.properties.partialPnu).toBeUndefined();
    });
  }

  it("no table when no 구역 names a 필지", async () => {
    const zip = unzipSync((await exportZone(createZone(), "shp", "z")).data as Uint8Array);
    expect(Object.keys(zip).some((k) => k.includes("pilji"))).toBe(false);
  });
});

describe("the Shapefile's envelope", () => {
  it("is a polygon layer of its outline beside its centre, and reads back as the circle", async () => {
    const file = await exportZone(createZone(), "shp", "z");
    const zip = unzipSync(file.data as Uint8Array);
    const shp = zip["z_envelope.shp"];
    // Shape type 5 (Polygon) at byte 32 of the header, little-endian.
    expect(shp && new DataView(shp.buffer, shp.byteOffset).getInt32(32, true)).toBe(5);
    expect(zip["z_envelope_centre.shp"]).toBeDefined();
    const back = await importZone(file.data as Uint8Array, file.fileName);
    expect(back.envelope?.shape).toBe("circle");
    if (back.envelope?.shape !== "circle") return;
    expect(back.envelope.radiusKm).toBe(6);
    expect(back.envelope.center[0]).toBeCloseTo(127.13, 9);
  });
});

describe("a Shapefile as loose parts", () => {
  async function parts(drop: string | null) {
    const file = await exportZone({ ...createZone(), envelope: null }, "shp", "z");
    const zip = unzipSync(file.data as Uint8Array);
    const out: { name: string; bytes: Uint8Array }[] = [];
    for (const [name, bytes] of Object.entries(zip)) {
      if (drop && name.endsWith(drop)) continue;
      out.push({ name, bytes });
    }
    return out;
  }

  it("opens like the zip", async () => {
    const zone = await importZoneParts(await parts(null));
    expect(zone.parcels.map((p) => p.id)).toEqual(["A", "B"]);
    expect(zone.sourceCrs).toBe("EPSG:5186");
  });

  for (const ext of [".dbf", ".shx"]) {
    it(`without its ${ext}: a message naming the file and what to pick`, async () => {
      await expect(importZoneParts(await parts(ext))).rejects.toMatchObject({
        ko: expect.stringContaining(`z${ext}가 없습니다`),
        en: expect.stringContaining(`z${ext} is missing: pick z.shp together`),
      });
    });
  }
});
