/**
 * The first frame's coarse 시·도 (public/data/sido-lite.json) is the map's picture only: no
 * checker, readout, export or search may read it, or a parcel near a border could be put in the
 * wrong 시·도. Only the map's modules name it; the checker's copies name the full file.
 */
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sourceFiles(path);
    return /\.(ts|tsx|mjs|js)$/.test(name) ? [path] : [];
  });
}

describe("the first frame's 시·도 file", () => {
  const files = ["geo", "src", "scripts", "bench"].flatMap(sourceFiles);
  const naming = (pattern: RegExp) =>
    files.filter((file) => pattern.test(readFileSync(file, "utf8"))).sort();

  it("is named by the map's modules alone, never by geo/, the Workers, the panels or the app", () => {
    const outsideMap = naming(/sido-lite/).filter((f) => !f.startsWith("src/map/"));
    // The script that builds it, and the bench that times when it arrives.
    expect(outsideMap).toEqual(["bench/app-load.bench.ts", "scripts/build-boundaries.ts"]);
  });

  it("is read from one place: the map's first-frame source and the 시·도 names", () => {
    expect(naming(/["'`]data\/sido-lite\.json["'`]/)).toEqual(["src/map/basemap.ts"]);
  });

  it("is not what the page's checker, its Worker or the embedded copy read", () => {
    expect(readFileSync("src/main.tsx", "utf8")).toContain('"data/sido.json"');
    expect(readFileSync("src/actions/live-check.ts", "utf8")).toContain('"data/sido.json"');
    expect(readFileSync("geo/sido/embedded-sido.ts", "utf8")).toContain(
      'from "../../public/data/sido.json"',
    );
  });
});
