/** The parcel table's rows: figures from the report, findings naming the parcel, stable sorting. */
import { describe, expect, it } from "vitest";
import type { Finding, Parcel, Report } from "../../geo/index";
import { nextSort, parcelRows, sortRows, UNSORTED } from "../../src/panels/parcel-rows";

function createParcel(id: string, name?: string): Parcel {
  const geometry = {
    type: "Polygon" as const,
    coordinates: [
      [
        [127, 36],
        [127.01, 36],
        [127.01, 36.01],
        [127, 36],
      ],
    ],
  };
  return name === undefined
    ? { id, geometry, properties: {} }
    : { id, name, geometry, properties: {} };
}

function createReport(areas: Record<string, number>, findings: Partial<Finding>[]): Report {
  return {
    area: { parcels: Object.entries(areas).map(([id, km2]) => ({ id, km2 })) },
    findings,
  } as unknown as Report;
}

const parcels = [createParcel("P1", "구역 10"), createParcel("P2"), createParcel("P3", "구역 9")];
const report = createReport({ P1: 2, P2: 0.5, P3: 2 }, [
  { code: "OVERLAP", severity: "error", parcels: ["P1", "P3"] },
  { code: "RADIUS", severity: "error", parcels: ["P3"] },
]);
const sigungu: Record<string, string[]> = { P1: ["진천군"], P2: ["음성군", "진천군"], P3: [] };
const rows = parcelRows(
  parcels,
  report,
  (p) => sigungu[p.id] ?? [],
  (p) => (p.id === "P2" ? 3 : 0),
);
const order = (sorted: { parcel: Parcel }[]) => sorted.map((r) => r.parcel.id);

describe("parcel rows", () => {
  it("take the report's area, the findings naming the parcel, the name or else the id", () => {
    expect(rows.map((r) => [r.name, r.km2, r.findings.length, r.hubs, r.sigungu])).toEqual([
      ["구역 10", 2, 1, 0, "진천군"],
      ["P2", 0.5, 0, 3, "음성군, 진천군"],
      ["구역 9", 2, 2, 0, ""],
    ]);
  });

  it("sort names as Korean readers count (구역 9 before 구역 10, Hangul before Latin), and reverse on a second click", () => {
    const byName = nextSort(UNSORTED, "name");
    expect(order(sortRows(rows, byName))).toEqual(["P3", "P1", "P2"]);
    expect(order(sortRows(rows, nextSort(byName, "name")))).toEqual(["P2", "P1", "P3"]);
  });

  it("keep the zone's order between equal rows in either direction", () => {
    expect(order(sortRows(rows, { column: "km2", descending: false }))).toEqual(["P2", "P1", "P3"]);
    expect(order(sortRows(rows, { column: "km2", descending: true }))).toEqual(["P1", "P3", "P2"]);
    expect(order(sortRows(rows, { column: "findings", descending: true }))).toEqual([
      "P3",
      "P1",
      "P2",
    ]);
    expect(order(sortRows(rows, UNSORTED))).toEqual(["P1", "P2", "P3"]);
  });
});
