/**
 * The parcels' labels in the map's scene (issue 21): one a parcel, its name and ellipsoidal area
 * at a point inside it; re-sent when the zone's parcels change (a drag's end), never on a drag's
 * moves, so a drag's frames carry no label work.
 */
import { describe, expect, it } from "vitest";
import { pointInRing } from "../../geo/geometry/point-in-ring";
import { geodesicAreaM2 } from "../../geo/index";
import { applyDrawn, applyEdited } from "../../src/actions/actions";
import type { Scene } from "../../src/map/contract";
import { parcelAreaText } from "../../src/map/parcel-labels";
import { subscribeScene } from "../../src/map/subscriptions";
import { reportSource } from "../../src/store/live-report";
import { createAppStore } from "../../src/store/store";
import { startTestChecks } from "../support/check-port";
import { createSquare } from "./factories";

describe("parcel labels in the scene", () => {
  it("label each parcel inside it, and follow a drag only at its end", async () => {
    const store = createAppStore();
    const checks = startTestChecks(store);
    const diffs: Partial<Scene>[] = [];
    const off = subscribeScene(store, (d) => diffs.push(d), reportSource(checks.reports));
    const square = createSquare(127.9, 37.3, 0.02);
    applyDrawn(store, "parcel-polygon", square);
    await checks.live();
    const labels = diffs.findLast((d) => d.labels)?.labels ?? [];
    expect(labels).toHaveLength(1);
    const [label] = labels;
    expect(label?.id).toBe("P1");
    expect(label?.km2).toBeCloseTo(geodesicAreaM2(square) / 1e6, 9);
    expect(pointInRing(label?.at ?? [0, 0], square.coordinates[0] ?? [])).toBe(true);

    const sent = diffs.filter((d) => d.labels).length;
    applyEdited(store, "P1", createSquare(127.9, 37.3, 0.03), false);
    applyEdited(store, "P1", createSquare(127.9, 37.3, 0.04), false);
    await checks.live();
    expect(diffs.filter((d) => d.labels).length).toBe(sent);
    const end = createSquare(127.9, 37.3, 0.05);
    applyEdited(store, "P1", end, true);
    await checks.live();
    expect(diffs.filter((d) => d.labels).length).toBe(sent + 1);
    expect(diffs.findLast((d) => d.labels)?.labels?.[0]?.km2).toBeCloseTo(
      geodesicAreaM2(end) / 1e6,
      9,
    );
    off();
    checks.stop();
  });

  it("write the area in the language's unit style", () => {
    expect(parcelAreaText(1.23456, "ko")).toBe("1.235 ㎢");
    expect(parcelAreaText(1.23456, "en")).toBe("1.235 km²");
    expect(parcelAreaText(0.01234, "ko")).toBe("0.0123 ㎢");
  });
});
