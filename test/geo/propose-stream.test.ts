import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { isFilingError } from "../../geo/errors";
import { encodeText } from "../../geo/io/text";
import type { Firms } from "../../geo/propose/firms";
import { type FirmReadOptions, parseIndustry, readFirms } from "../../geo/propose/read";
import { type ByteSource, readFirmsStream, WholeFileNeeded } from "../../geo/propose/read-stream";
import { firmsOfSido, placeFirms } from "../../geo/propose/region";
import { runMain as run } from "../support/czd";
import { createFirmRows, DAEGU_CLUMPS, firmCsv, JINJU_CLUMPS } from "../support/firms";

/** The bytes in pieces of `size` (a piece may end inside a Hangul character or a quoted field). */
const pieces = (bytes: Uint8Array, size: number): ByteSource =>
  function* () {
    for (let at = 0; at < bytes.length; at += size) yield bytes.subarray(at, at + size);
  };

/** The firms, or the message, each reader gives. */
async function both(
  bytes: Uint8Array,
  name: string,
  opts: FirmReadOptions,
  size: number,
): Promise<{ whole: Firms | string; streamed: Firms | string }> {
  const message = (e: unknown) => (isFilingError(e) ? `${e.code} ${e.ko} / ${e.en}` : String(e));
  let whole: Firms | string;
  let streamed: Firms | string;
  try {
    whole = await readFirms(bytes, name, opts);
  } catch (e) {
    whole = message(e);
  }
  try {
    streamed = readFirmsStream(pieces(bytes, size), name, opts);
  } catch (e) {
    streamed = message(e);
  }
  return { whole, streamed };
}

/** Every firm accounted for as the proposal accounts for it, for 경남 and for 대구. */
function accounts(f: Firms) {
  const placed = placeFirms(f);
  return ["KR-48", "KR-27"].map((code) => firmsOfSido(placed, code).account);
}

async function expectSame(
  bytes: Uint8Array,
  name: string,
  opts: FirmReadOptions = {},
  sizes = [1, 2, 3, 5, 64, 4099],
): Promise<Firms | string> {
  let first: Firms | string = "";
  for (const size of sizes) {
    const { whole, streamed } = await both(bytes, name, opts, size);
    if (typeof whole === "string" || typeof streamed === "string") {
      // The same message; the streamed reader names the file in every one (the whole-file reader
      // named it for the format's problems, not for a bad weight or a feature that is no point).
      const file = `'${name}': `;
      expect(String(streamed), `pieces of ${size} bytes`).toContain(file);
      expect(String(streamed).replaceAll(file, ""), `pieces of ${size} bytes`).toEqual(
        String(whole).replaceAll(file, ""),
      );
    } else {
      expect(streamed.lon, `pieces of ${size} bytes`).toEqual(whole.lon);
      expect(streamed.lat).toEqual(whole.lat);
      expect(streamed.weight).toEqual(whole.weight);
      expect(accounts(streamed)).toEqual(accounts(whole));
    }
    first = streamed;
  }
  return first;
}

const utf8 = (s: string) => new TextEncoder().encode(s);
// Firms in 경남 and in 대구 and on its 경북 border, so the accounts have something to count.
const rows = createFirmRows(3, 300, [...JINJU_CLUMPS, ...DAEGU_CLUMPS, [128.42, 35.97]]);
const csv = firmCsv(rows);

describe("the streamed firm reader reads what the whole-file reader reads", () => {
  it("UTF-8, a BOM, CP949 and UTF-16, pieces ending inside a character or a quoted field", async () => {
    const opts = { weight: "종업원수" };
    const firms = await expectSame(utf8(csv), "firms.csv", opts);
    expect(typeof firms === "string" ? firms : firms.lon.length).toBe(300);
    await expectSame(encodeText(csv, "utf-8", true), "firms.csv", opts);
    await expectSame(encodeText(csv, "cp949"), "firms.csv", opts);
    await expectSame(encodeText(`\uFEFF${csv}`, "cp949"), "firms.csv", opts);
    const le = new Uint8Array(2 + csv.length * 2);
    le.set([0xff, 0xfe]);
    for (let i = 0; i < csv.length; i++) {
      le[2 + 2 * i] = csv.charCodeAt(i) & 0xff;
      le[3 + 2 * i] = csv.charCodeAt(i) >> 8;
    }
    await expectSame(le, "firms.txt", opts);
    // Past the first megabyte (where the delimiter and line break are decided), quoted weights.
    const big = firmCsv(createFirmRows(11, 40_000, JINJU_CLUMPS));
    expect(big.length).toBeGreaterThan(1_100_000);
    await expectSame(utf8(big), "big.csv", opts, [65_537]);
    await expectSame(encodeText(big, "cp949"), "big.csv", opts, [65_537]);
    // A CP949 file whose first non-ASCII byte comes late, after a bad row under UTF-8 eyes.
    await expectSame(
      encodeText('lat,lon,w\n35.1,128.1,1\n35.2,x,2\n35.3,128.3,3\n35.4,128.4,"대구 3"\n', "cp949"),
      "late.csv",
      { weight: "w" },
    );
  });

  it("quoted fields with delimiters, quotes and line breaks, CRLF, tabs, blank lines, x/y in a CRS", async () => {
    const quoted = [
      "기업명,위도,경도,종업원수,비고",
      '"(주)진주, 본사",35.18,128.1,"1,200","여러 줄\n비고 ""인용"""',
      "\n",
      '진주2,35.19,128.11,"7" ,',
      '"끝""",35.2,"128.12",3,"',
      "x,y",
      '"',
    ].join("\n");
    await expectSame(utf8(quoted), "q.csv", { weight: "종업원수" });
    await expectSame(utf8(`${quoted.replaceAll("\n", "\r\n")}\r\n\r\n  `), "crlf.csv", {
      weight: "종업원수",
    });
    await expectSame(utf8(csv.replaceAll(",", "\t").replaceAll('"', "")), "tab.txt", {
      weight: "종업원수",
    });
    await expectSame(utf8(`\n\n  ${csv}\n\n\n   \n`), "blank.csv");
    await expectSame(
      encodeText("기업명,x,y,종업원수\n진주기업,250000,280000,12\n", "cp949"),
      "tm.csv",
      { crs: "EPSG:5186", weight: "종업원수" },
    );
    const industry = parseIndustry("업종=제조업, 정보통신업");
    const kinds = ["제조업", "정보통신업", " 도소매업 "];
    await expectSame(
      utf8(
        `기업명,위도,경도,업종\n${rows.map((r, i) => `기업${i},${r.lat},${r.lon},${kinds[i % 3]}`).join("\n")}`,
      ),
      "i.csv",
      { industry },
    );
  });

  it("refuses the same rows with the same message, naming the file and the first bad line", async () => {
    const lines = csv.trimEnd().split("\n");
    const withRow = (k: number, row: string) =>
      utf8([...lines.slice(0, k), row, ...lines.slice(k + 1)].join("\n"));
    const opts = { weight: "종업원수" };
    for (const [k, row] of [
      [25, "기업25,35.1,동쪽,10"],
      [40, "기업40,35.1,128.1,많음"],
      [41, "기업41,35.1,128.1,1e300"],
      [42, "기업42,350000,128.1,1"],
      [43, "기업43,,128.1,1"],
      [44, "기업44"],
    ] as const) {
      const message = await expectSame(withRow(k, row), "bad.csv", opts, [7, 4099]);
      expect(message).toMatch(/^[A-Z_]+ 'bad\.csv': /);
    }
    // Both problems: the coordinate is named, though the bad weight comes first.
    const twice = utf8(
      [...lines.slice(0, 5), "기업5,35.1,128.1,많음", ...lines.slice(6, 90), "기업90,x,1,1"].join(
        "\n",
      ),
    );
    expect(await expectSame(twice, "bad.csv", opts, [7])).toMatch(/Line 91/);
    expect(await expectSame(utf8(csv), "f.csv", { weight: "직원" }, [7])).toMatch(
      /No weight column '직원'/,
    );
    expect(await expectSame(utf8("기업명,위도,경도\n"), "f.csv", {}, [7])).toMatch(/no data rows/);
    expect(await expectSame(utf8("기업명,주소\n진주,진주시\n"), "f.csv", {}, [7])).toMatch(
      /No coordinate columns/,
    );
    expect(
      await expectSame(utf8(csv), "f.csv", { industry: parseIndustry("업종=광업") }, [7]),
    ).toMatch(/No industry column/);
    expect(await expectSame(utf8("\n \n"), "f.csv", {}, [1])).toMatch(/No coordinate columns/);
  });

  it("blank lines and quoted fields over several lines: the same firms, and the same line for a bad row, in pieces of every size", async () => {
    const every = [1, 2, 3, 5, 7, 64, 4099, 65_537];
    /** `rows` with empty lines before the header and between rows, 비고 over two or three lines. */
    const spaced = (nl: string, bad?: { at: number; lon?: string; staff?: string }): string => {
      const out = ["", "", "기업명,위도,경도,종업원수,비고"];
      rows.forEach((r, i) => {
        const lon = bad?.at === i && bad.lon !== undefined ? bad.lon : r.lon.toFixed(6);
        const staff = bad?.at === i && bad.staff !== undefined ? bad.staff : `${r.staff}`;
        const note =
          i % 11 === 0 ? `"셋${nl}${nl}째 줄"` : i % 5 === 0 ? `"비고 ${i}${nl}둘째 줄"` : "";
        out.push(`기업${i},${r.lat.toFixed(6)},${lon},"${staff}",${note}`);
        if (i % 7 === 0) out.push("");
        if (i % 31 === 0) out.push("", "");
      });
      return `${out.join(nl)}${nl}${nl}`;
    };
    /** The line an editor shows the firm's record starting on. */
    const lineOf = (text: string, i: number) =>
      text.split(/\r\n|\n|\r/).findIndex((l) => l.startsWith(`기업${i},`)) + 1;
    const opts = { weight: "종업원수" };
    for (const nl of ["\n", "\r\n"]) {
      const ok = await expectSame(utf8(spaced(nl)), "spaced.csv", opts, every);
      expect(typeof ok === "string" ? ok : ok.lon.length).toBe(300);
      const coordinate = spaced(nl, { at: 200, lon: "동쪽" });
      expect(lineOf(coordinate, 200)).toBeGreaterThan(202 + 100);
      const refused = await expectSame(
        encodeText(coordinate, "utf-8", true),
        "spaced.csv",
        opts,
        every,
      );
      expect(refused).toContain(`Line ${lineOf(coordinate, 200)}: the coordinates (동쪽,`);
      const weight = spaced(nl, { at: 155, staff: "많음" });
      expect(await expectSame(utf8(weight), "spaced.csv", opts, every)).toContain(
        `Line ${lineOf(weight, 155)} (firm 156): the weight '많음'`,
      );
    }
    for (const file of ["quoted-newlines.csv", "crlf-blank-lines.csv", "cr-line-breaks.csv"]) {
      const bytes = readFileSync(new URL(`../fixtures/csv-lines/${file}`, import.meta.url));
      expect(await expectSame(new Uint8Array(bytes), file, {}, every)).toMatch(/Line \d+: the/);
    }
  });

  it("GeoJSON Points and MultiPoints, feature by feature, with the same refusals", async () => {
    const features = rows.map((r, i) => ({
      type: "Feature",
      properties: { 종업원수: i % 7 === 0 ? `${r.staff}` : r.staff, 메모: "},{ 괄호 }]" },
      geometry:
        i % 50 === 0
          ? {
              type: "MultiPoint",
              coordinates: [
                [r.lon, r.lat],
                [r.lon + 0.01, r.lat],
              ],
            }
          : { type: "Point", coordinates: [r.lon, r.lat] },
    }));
    const doc = { type: "FeatureCollection", name: "기업", features };
    const text = JSON.stringify(doc, null, 1);
    const firms = await expectSame(utf8(text), "firms.geojson", { weight: "종업원수" });
    expect(typeof firms === "string" ? firms : firms.lon.length).toBe(306);
    await expectSame(encodeText(JSON.stringify(doc), "utf-8", true), "firms.json", {
      weight: "종업원수",
    });
    const bad = structuredClone(doc);
    (bad.features[30] as { geometry: unknown }).geometry = {
      type: "LineString",
      coordinates: [
        [128, 35],
        [128.1, 35],
      ],
    };
    expect(
      await expectSame(
        utf8(JSON.stringify(bad)),
        "bad.geojson",
        { weight: "종업원수" },
        [64, 4099],
      ),
    ).toMatch(/Feature 31 is not a point/);
    expect(
      await expectSame(utf8(JSON.stringify(doc)), "f.geojson", { weight: "직원" }, [64]),
    ).toMatch(/No weight column/);
  });

  it("leaves to the whole-file reader the GeoJSON it does not read feature by feature", () => {
    const point = {
      type: "Feature",
      properties: {},
      geometry: { type: "Point", coordinates: [1, 2] },
    };
    for (const doc of [
      {
        type: "FeatureCollection",
        crs: { type: "name", properties: { name: "EPSG:5186" } },
        features: [point],
      },
      point,
      { type: "Point", coordinates: [128, 35] },
      { type: "FeatureCollection", features: [point, point], features2: 1, type2: "x" },
    ]) {
      const text = JSON.stringify(doc);
      const call = () => readFirmsStream(pieces(utf8(text), 5), "f.geojson");
      if ("features2" in doc) expect(call().lon.length).toBe(2);
      else expect(call).toThrow(WholeFileNeeded);
    }
    expect(() =>
      readFirmsStream(pieces(utf8('{"type":"FeatureCollection","features":[1,'), 5), "f.geojson"),
    ).toThrow(WholeFileNeeded);
    expect(() => readFirmsStream(pieces(utf8(csv), 5), "firms.zip")).toThrow(WholeFileNeeded);
  });
});

describe("czd propose on firms read in a stream", () => {
  const temp = (name: string, data: string | Uint8Array) => {
    const path = join(mkdtempSync(join(tmpdir(), "czd-stream-")), name);
    writeFileSync(path, data);
    return path;
  };

  it("stops at a bad row naming file and line, and counts no bad rows when it reads them all", async () => {
    const big = firmCsv(createFirmRows(5, 60_000, JINJU_CLUMPS));
    const lines = big.trimEnd().split("\n");
    lines[50_001] = "기업50001,35.1,,12";
    const bad = await run(
      "propose",
      temp("firms.csv", `${lines.join("\n")}\n`),
      "--shape",
      "circle",
    );
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(
      /'firms\.csv': Line 50002: the coordinates \(, 35\.1\) are not numbers/,
    );
    const ok = await run(
      "propose",
      temp(
        "firms.geojson",
        JSON.stringify({
          type: "FeatureCollection",
          features: createFirmRows(6, 500, JINJU_CLUMPS).map((r) => ({
            type: "Feature",
            properties: { 종업원수: r.staff },
            geometry: { type: "Point", coordinates: [r.lon, r.lat] },
          })),
        }),
      ),
      "--shape",
      "circle",
      "--weight",
      "종업원수",
      "--format",
      "json",
    );
    expect(ok.code).toBe(0);
    const f = JSON.parse(ok.stdout).firms;
    expect(f.read).toBe(500);
    expect(f.badRows).toBe(0);
    expect(f.counted + f.otherSido + f.capitalRegion + f.outside).toBe(f.read);
  });
});
