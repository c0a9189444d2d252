import { describe, expect, it } from "vitest";
import { decodeCp949, encodeCp949 } from "../../geo/io/cp949";
import { crsFromPrj, prjFor } from "../../geo/io/prj";
import { decodeText, detectEncoding, encodeText, encodingFromCpg } from "../../geo/io/text";

// Byte values from glibc iconv (`printf '가똠쀍' | iconv -t cp949 | xxd`): an independent encoder.
const GA_DDOM_PPWEOLK = [0xb0, 0xa1, 0x8c, 0x63, 0x97, 0xcd];

describe("CP949", () => {
  it("encodes KS X 1001 and extension syllables as iconv does", () => {
    expect([...encodeCp949("가똠쀍")]).toEqual(GA_DDOM_PPWEOLK);
  });

  it("decodes them back, ASCII untouched", () => {
    expect(decodeCp949(Uint8Array.from([0x41, ...GA_DDOM_PPWEOLK, 0x2c]))).toBe("A가똠쀍,");
  });

  it("writes ? for a character the code page lacks", () => {
    expect([...encodeCp949("😀")]).toEqual([0x3f]);
  });
});

describe("text encodings", () => {
  it("detects UTF-8, and CP949 when the bytes are not UTF-8", () => {
    expect(detectEncoding(new TextEncoder().encode("진주"))).toBe("utf-8");
    expect(detectEncoding(encodeCp949("진주"))).toBe("cp949");
  });

  it("drops a UTF-8 BOM and writes one when asked", () => {
    const bytes = encodeText("위도", "utf-8", true);
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(decodeText(bytes)).toBe("위도");
  });

  it("reads the .cpg names GIS tools write", () => {
    expect(encodingFromCpg("UTF-8\n")).toBe("utf-8");
    expect(encodingFromCpg("65001")).toBe("utf-8");
    expect(encodingFromCpg("CP949")).toBe("cp949");
    expect(encodingFromCpg("949")).toBe("cp949");
    expect(encodingFromCpg("ANSI 949")).toBe("cp949");
    expect(encodingFromCpg("EUC-KR")).toBe("cp949");
    expect(encodingFromCpg("ISO-8859-1")).toBeNull();
  });
});

describe(".prj", () => {
  it("recognises the WKT GDAL writes for the Korean planes", () => {
    // `gdalsrsinfo -o wkt_esri EPSG:5174`, a name we never write.
    const bessel =
      'PROJCS["Korean_1985_Modified_Korea_Central_Belt",GEOGCS["GCS_Korean_Datum_1985",DATUM["D_Korean_Datum_1985",SPHEROID["Bessel_1841",6377397.155,299.1528128]],PRIMEM["Greenwich",0.0],UNIT["Degree",0.0174532925199433]],PROJECTION["Transverse_Mercator"],PARAMETER["False_Easting",200000.0],PARAMETER["False_Northing",500000.0],PARAMETER["Central_Meridian",127.002890277778],PARAMETER["Scale_Factor",1.0],PARAMETER["Latitude_Of_Origin",38.0],UNIT["Meter",1.0]]';
    expect(crsFromPrj(bessel)).toBe("EPSG:5174");
    for (const crs of [
      "EPSG:4326",
      "EPSG:5179",
      "EPSG:5185",
      "EPSG:5186",
      "EPSG:5187",
      "EPSG:5188",
    ]) {
      expect(crsFromPrj(prjFor(crs) ?? "")).toBe(crs);
    }
  });

  it("reads the 2002 central belt (false northing 500 km on GRS80) as EPSG:5181, refuses 400 km", () => {
    const old = (prjFor("EPSG:5186") ?? "").replace("600000.0", "500000.0");
    expect(crsFromPrj(old)).toBe("EPSG:5181");
    expect(crsFromPrj(old.replace("500000.0", "400000.0"))).toBeNull();
    expect(crsFromPrj("not wkt")).toBeNull();
  });
});
