/**
 * Fuzzing the file readers through `czd` (issue 8): zipped Shapefiles truncated, with bytes
 * changed in the ZIP or inside its .shp, .shx and .dbf, ZIP bombs, rules files and hub CSVs with
 * hostile values, and huge or deep input. Every run ends in an honest report or one clear line.
 */
import fc from "fast-check";
import { unzipSync } from "fflate";
import { describe, expect, it } from "vitest";
import { exportZone } from "../../geo/io/registry";
import phase12 from "../../geo/rules/phase-1-2.json";
import { expectHonest, runCli, tempFile } from "../support/fuzz";
import { createZip } from "../support/zip";
import { createGeodesicCircle, createParcel, createZone } from "../support/zones";

const zone = createZone([
  createParcel("P1", createGeodesicCircle([128.14, 35.17], 800, 16), "지구 1"),
  createParcel("P2", createGeodesicCircle([128.16, 35.17], 800, 16), "지구 2"),
]);

async function createParts(): Promise<[string, Uint8Array][]> {
  return Object.entries(unzipSync((await exportZone(zone, "shp", "zone")).data as Uint8Array));
}

const check = (path: string, ...more: string[]) =>
  runCli(["check", path, "--format", "json", ...more]);

const changes = (length: number) =>
  fc.array(fc.tuple(fc.nat(length - 1), fc.integer({ min: 0, max: 255 })), {
    minLength: 1,
    maxLength: 8,
  });

function mutate(bytes: Uint8Array, edits: [number, number][]): Uint8Array {
  const out = bytes.slice();
  for (const [at, value] of edits) out[at] = value;
  return out;
}

describe("fuzz: zipped Shapefiles", () => {
  it("the ZIP truncated or with bytes changed", async () => {
    const bytes = createZip((await createParts()).map(([name, data]) => ({ name, data })));
    const damage = fc.oneof(
      fc.nat(bytes.length - 1).map((cut) => bytes.slice(0, cut)),
      changes(bytes.length).map((edits) => mutate(bytes, edits)),
    );
    await fc.assert(
      fc.asyncProperty(damage, async (zip) => {
        expectHonest(await check(tempFile("zone.zip", zip)));
      }),
      { numRuns: 300, seed: 9994 },
    );
  });

  it("bytes changed inside the .shp, .shx or .dbf, with valid CRCs", async () => {
    const parts = await createParts();
    const seen = new Set<number>();
    const inner = fc.constantFrom("zone.shp", "zone.shx", "zone.dbf").chain((target) => {
      const length = parts.find(([name]) => name === target)?.[1].length ?? 1;
      return fc.tuple(
        fc.constant(target),
        changes(length),
        fc.option(fc.nat(length), { nil: undefined }),
      );
    });
    await fc.assert(
      fc.asyncProperty(inner, async ([target, edits, cut]) => {
        const entries = parts.map(([name, data]) => {
          if (name !== target) return { name, data };
          const changed = mutate(data, edits);
          return { name, data: cut === undefined ? changed : changed.slice(0, cut) };
        });
        const run = await check(tempFile("inner.zip", createZip(entries)));
        expectHonest(run);
        seen.add(run.code);
      }),
      { numRuns: 400, seed: 1234 },
    );
    // Some damage still reads (a changed attribute byte), most is refused: both paths ran.
    expect(seen.has(2) && (seen.has(0) || seen.has(1))).toBe(true);
  });

  it("czd convert of damaged Shapefiles writes a whole file or says why in one line", async () => {
    const parts = await createParts();
    const damage = fc.tuple(
      fc.constantFrom("zone.shp", "zone.dbf", "zone.prj", "zone.cpg"),
      changes(64),
      fc.constantFrom("geojson", "csv", "shp-cp949"),
    );
    await fc.assert(
      fc.asyncProperty(damage, async ([target, edits, to]) => {
        const entries = parts.map(([name, data]) => ({
          name,
          data:
            name === target
              ? mutate(
                  data,
                  edits.map(([at, v]) => [at % data.length, v]),
                )
              : data,
        }));
        const input = tempFile("convert.zip", createZip(entries));
        const run = await runCli(["convert", input, "--to", to, "-o", tempFile(`out.${to}`, "")]);
        expectHonest(run, { report: false });
      }),
      { numRuns: 150, seed: 5179 },
    );
  });

  it("bombs and lying sizes are refused in one line", async () => {
    const big = new Uint8Array(20_000_000);
    const bombs = [
      createZip([{ name: "zone.prj", data: new Uint8Array(8), declaredSize: 1_100_000_000 }]),
      createZip([{ name: "zone.shp", data: big, declaredSize: 100 }]),
      createZip(
        Array.from({ length: 5000 }, (_, i) => ({ name: `${i}.cpg`, data: new Uint8Array(1) })),
      ),
      createZip([{ name: "zone.shp", data: new Uint8Array(100), method: 0, crc: 42 }]),
    ];
    for (const bomb of bombs) {
      const run = await check(tempFile("bomb.zip", bomb));
      expectHonest(run);
      expect(run.code).toBe(2);
    }
  });
});

describe("fuzz: rules files and hub CSVs", () => {
  const filing = tempFile(
    "zone.geojson",
    JSON.stringify({
      type: "FeatureCollection",
      features: zone.parcels.map((p) => ({
        type: "Feature",
        properties: { id: p.id },
        geometry: p.geometry,
      })),
    }),
  );

  it("rules files with any value in any field, never posing as a built-in", async () => {
    const seen = new Set<number>();
    const field = fc.constantFrom(
      "id",
      "version",
      "areaCapKm2",
      "envelope",
      "published",
      "name",
      "metroSido",
    );
    const value = fc.oneof(
      fc.jsonValue(),
      fc.constantFrom("phase-1-2", "PHASE-1-2", 1000, -1, 0, 1e308),
    );
    await fc.assert(
      fc.asyncProperty(field, value, async (key, v) => {
        const rules = { ...phase12, [key]: v };
        const run = await check(filing, "--rules", tempFile("rules.json", JSON.stringify(rules)));
        const report = expectHonest(run);
        if (report) expect(report.ruleSetCustom).toBe(true);
        seen.add(run.code);
      }),
      { numRuns: 150, seed: 15 },
    );
    expect(seen.has(2) && (seen.has(0) || seen.has(1))).toBe(true);
  });

  it("hub CSVs with formulas, controls and broken rows", async () => {
    const cell = fc.oneof(
      fc.string({ maxLength: 8 }),
      fc.constantFrom("=cmd|' /C calc'!A0", "+1", "-2", "@x", "\u001b[2J", "128.15", "35.17", ""),
    );
    const rows = fc.array(fc.tuple(cell, cell, cell, cell), { maxLength: 6 });
    await fc.assert(
      fc.asyncProperty(rows, async (data) => {
        const csv = ["name,type,lon,lat", ...data.map((r) => r.join(","))].join("\n");
        expectHonest(await check(filing, "--hubs", tempFile("hubs.csv", csv)));
      }),
      { numRuns: 150, seed: 42 },
    );
  });
});

describe("huge and deep input", () => {
  it("a 150,000-vertex parcel, 5,000 parcels and 100,000-deep nesting", async () => {
    const huge = createGeodesicCircle([128.15, 35.17], 2000, 150_000);
    const many = Array.from({ length: 5000 }, (_, i) => ({
      type: "Feature",
      properties: { id: `P${i}` },
      geometry: createGeodesicCircle(
        [128 + (i % 70) * 0.01, 35 + Math.floor(i / 70) * 0.01],
        100,
        8,
      ),
    }));
    let deep = "[127,36]";
    for (let i = 0; i < 100_000; i++) deep = `[${deep}]`;
    const inputs = [
      JSON.stringify({ type: "Feature", properties: {}, geometry: huge }),
      JSON.stringify({ type: "FeatureCollection", features: many }),
      `{"type":"Feature","properties":{},"geometry":{"type":"Polygon","coordinates":${deep}}}`,
    ];
    const codes: number[] = [];
    for (const text of inputs) {
      const run = await check(tempFile("big.geojson", text));
      expectHonest(run);
      codes.push(run.code);
    }
    expect(codes).toEqual([0, 1, 2]);
  });

  it("a 5-million-character parcel name converts to a Shapefile (cut to its 254-byte field)", async () => {
    const named = {
      type: "Feature",
      properties: { id: "P1", name: "가".repeat(5_000_000) },
      geometry: createGeodesicCircle([128.15, 35.17], 500, 16),
    };
    const out = tempFile("named.zip", "");
    const run = await runCli([
      "convert",
      tempFile("named.geojson", JSON.stringify(named)),
      "--to",
      "shp-cp949",
      "-o",
      out,
    ]);
    expect(run).toEqual({ code: 0, stdout: "", stderr: "" });
  });
});
