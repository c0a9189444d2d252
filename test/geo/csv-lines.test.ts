import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { FilingError } from "../../geo/errors";
import { lineAt, lineAtInPieces } from "../../geo/io/csv-lines";
import { importHubs } from "../../geo/io/registry";
import { decodeText } from "../../geo/io/text";
import { firmsFromCsvText } from "../../geo/propose/csv-chunks";
import { type FirmReadOptions, readFirms } from "../../geo/propose/read";
import { type ByteSource, readFirmsStream } from "../../geo/propose/read-stream";
import { runMain } from "../support/czd";

/**
 * Every CSV reader names a bad row by the line a text editor shows (where its record starts),
 * whatever empty lines, CRLF or CR, a BOM, quoted fields over several lines or empty lines
 * before the header come first. test/fixtures/csv-lines/README.md describes each file.
 */
const fixture = (name: string): Uint8Array =>
  new Uint8Array(readFileSync(new URL(`../fixtures/csv-lines/${name}`, import.meta.url)));

interface Case {
  file: string;
  /** The 1-based line of the bad record, as an editor shows it. */
  line: number;
  /** What that line starts with (checks the fixture, not the readers). */
  starts: string;
  kind: string;
  /** The hub reader's refusal of the same row (none: the hub reader reads no weights). */
  hub?: string;
  opts?: FirmReadOptions;
}

const CASES: Case[] = [
  {
    file: "blank-lines.csv",
    line: 7,
    starts: "진주3,",
    kind: "CSV_NOT_NUMBERS",
    hub: "HUB_ROW_INCOMPLETE",
  },
  {
    file: "crlf-blank-lines.csv",
    line: 7,
    starts: "진주3,",
    kind: "CSV_NOT_NUMBERS",
    hub: "HUB_ROW_INCOMPLETE",
  },
  {
    file: "bom-blank-lines.csv",
    line: 7,
    starts: "진주3,",
    kind: "CSV_NOT_NUMBERS",
    hub: "HUB_ROW_INCOMPLETE",
  },
  {
    file: "cr-line-breaks.csv",
    line: 5,
    starts: "진주3,",
    kind: "CSV_NOT_NUMBERS",
    hub: "HUB_ROW_INCOMPLETE",
  },
  {
    file: "quoted-newlines.csv",
    line: 7,
    starts: "진주3,",
    kind: "CSV_NOT_NUMBERS",
    hub: "HUB_ROW_INCOMPLETE",
  },
  {
    file: "quoted-newline-record.csv",
    line: 4,
    starts: '"(주)진주',
    kind: "CSV_NOT_NUMBERS",
    hub: "HUB_ROW_INCOMPLETE",
  },
  {
    file: "header-after-blank-lines.csv",
    line: 5,
    starts: "진주2,",
    kind: "CSV_NOT_NUMBERS",
    hub: "HUB_ROW_INCOMPLETE",
  },
  {
    file: "not-lonlat-after-blank-line.csv",
    line: 4,
    starts: "진주2,",
    kind: "CSV_NOT_LONLAT",
    hub: "HUB_ROW_OUT_OF_RANGE",
  },
  {
    file: "weight-after-blank-lines.csv",
    line: 5,
    starts: "진주2,",
    kind: "WEIGHT_NOT_NUMBER",
    opts: { weight: "종업원수" },
  },
];

/** The file's lines as an editor shows them: CRLF, LF and CR each end one. */
const editorLines = (bytes: Uint8Array): string[] => decodeText(bytes).split(/\r\n|\n|\r/);

async function refusal(run: () => unknown): Promise<FilingError> {
  try {
    await run();
  } catch (e) {
    if (e instanceof FilingError) return e;
    throw e;
  }
  throw new Error("expected a FilingError");
}

const pieces = (bytes: Uint8Array, size: number): ByteSource =>
  function* () {
    for (let at = 0; at < bytes.length; at += size) yield bytes.subarray(at, at + size);
  };

/** The message names the file and the line, in Korean and in English. */
function expectNamed(e: FilingError, c: Case): void {
  expect(e.data.params).toMatchObject({ kind: c.kind, line: c.line });
  expect(e.ko).toContain(`'${c.file}': `);
  expect(e.ko).toContain(`${c.line}행`);
  expect(e.en).toContain(`'${c.file}': `);
  expect(e.en).toContain(`Line ${c.line}`);
}

describe("CSV errors name the line a text editor shows", () => {
  it.each(CASES)("$file: the bad record starts on line $line", (c) => {
    expect(editorLines(fixture(c.file))[c.line - 1]?.startsWith(c.starts)).toBe(true);
  });

  it.each(CASES)(
    "$file: the whole-file reader (converters, czd check --hubs, readFirms)",
    async (c) => {
      expectNamed(await refusal(() => readFirms(fixture(c.file), c.file, c.opts)), c);
    },
  );

  it.each(CASES)("$file: the streamed reader of czd propose, in pieces of any size", async (c) => {
    for (const size of [1, 2, 3, 7, 64, 1 << 20]) {
      const bytes = fixture(c.file);
      expectNamed(await refusal(() => readFirmsStream(pieces(bytes, size), c.file, c.opts)), c);
    }
  });

  it.each(CASES)("$file: the app's firm Worker, reading in chunks of rows", async (c) => {
    for (const rows of [1, 2, 20_000]) {
      const text = decodeText(fixture(c.file));
      const e = await refusal(() => firmsFromCsvText(text, { ...c.opts, rows }));
      expect(e.data.params, `chunks of ${rows} rows`).toMatchObject({ kind: c.kind, line: c.line });
    }
  });

  it.each(CASES.filter((c) => c.hub !== undefined))("$file: the hub reader", async (c) => {
    const e = await refusal(() => importHubs(fixture(c.file), c.file));
    expect(e.data.params).toMatchObject({ kind: c.hub, file: c.file, line: c.line });
    expect(e.ko).toContain(`${c.file} ${c.line}행`);
    expect(e.en).toContain(`${c.file} line ${c.line}`);
  });

  it("the hub reader: blank lines with spaces before the header, an unclosed quote after a multi-line name", async () => {
    const utf8 = (s: string) => new TextEncoder().encode(s);
    const spaces = '\n\n  \nname,lon,lat\n"진주\n혁신",128.1,35.1\n사천,128,x\n';
    const row = await refusal(() => importHubs(utf8(spaces), "h.csv"));
    expect(row.data.params).toMatchObject({ kind: "HUB_ROW_INCOMPLETE", line: 7 });
    const quote =
      'name,type,lon,lat\r\n\r\n"진주\r\n혁신",technopark,128.1,35.1\r\n"사천,technopark,128,35\r\n';
    const unclosed = await refusal(() => importHubs(utf8(quote), "h.csv"));
    expect(unclosed.data.params).toMatchObject({ kind: "HUB_CSV_UNREADABLE", line: 5 });
    expect(unclosed.en).toMatch(/^h\.csv line 5: unreadable CSV/);
    const header = await refusal(() =>
      importHubs(utf8("\r\n\r\n이름,주소\r\n진주,진주시\r\n"), "h.csv"),
    );
    expect(header.data.params).toMatchObject({ kind: "HUB_CSV_HEADER", line: 3 });
    expect(header.ko).toMatch(/^h\.csv 3행: 머리글에/);
  });

  it("reads the rows around them all the same: the good rows of each file, no more", async () => {
    const good = async (file: string) => {
      const text = decodeText(fixture(file));
      const fixed = text.replace("동쪽", "128.12").replace("350000", "128.12").replace("많음", "9");
      const bytes = new TextEncoder().encode(fixed);
      const whole = await readFirms(bytes, file, { weight: "종업원수" });
      const streamed = readFirmsStream(pieces(bytes, 3), file, { weight: "종업원수" });
      const chunked = firmsFromCsvText(fixed, { weight: "종업원수", rows: 1 });
      const hubs = await importHubs(bytes, file);
      expect(streamed).toEqual(whole);
      expect(chunked).toEqual(whole);
      expect(hubs.map((h) => h.geometry)).toEqual(
        [...whole.lon].map((lon, i) => ({ type: "Point", coordinates: [lon, whole.lat[i]] })),
      );
      return [...whole.weight];
    };
    expect(await good("header-after-blank-lines.csv")).toEqual([12, 3]);
    expect(await good("quoted-newline-record.csv")).toEqual([12, 3, 5]);
    expect(await good("crlf-blank-lines.csv")).toEqual([12, 7, 3, 5]);
    expect(await good("cr-line-breaks.csv")).toEqual([12, 7, 3]);
  });

  it("czd propose names file and line, in Korean then English", async () => {
    const c = CASES.find((k) => k.file === "quoted-newlines.csv") as Case;
    const path = join(mkdtempSync(join(tmpdir(), "czd-lines-")), c.file);
    writeFileSync(path, fixture(c.file));
    const run = await runMain("propose", path, "--shape", "circle");
    expect(run.code).toBe(2);
    expect(run.stderr).toBe(
      `czd: '${c.file}': 7행의 좌표 (동쪽, 35.20)가 숫자가 아닙니다 / '${c.file}': Line 7: the coordinates (동쪽, 35.20) are not numbers\n`,
    );
  });
});

describe("counting lines", () => {
  it("in pieces, as in the whole text: a CR and its LF in two pieces are one line break", () => {
    const text = 'a\r\n\r\nb\rc\n\n"d\r\ne"\r\r\nf';
    expect(text.split(/\r\n|\n|\r/)).toHaveLength(lineAt(text, text.length));
    for (const size of [1, 2, 3, 5]) {
      const pieces: string[] = [];
      for (let at = 0; at < text.length; at += size) pieces.push(text.slice(at, at + size), "");
      for (let offset = 0; offset <= text.length; offset++) {
        expect(lineAtInPieces(pieces, offset), `offset ${offset}, pieces of ${size}`).toBe(
          lineAt(text, offset),
        );
      }
    }
  });
});
