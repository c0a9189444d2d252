import { describe, expect, it } from "vitest";
import { formatHash, parseHash } from "../../src/map/hash";

describe("the view in the URL hash", () => {
  it("reads #zoom/lat/lon", () => {
    expect(parseHash("#12/37.33/127.955")).toEqual({ zoom: 12, lat: 37.33, lon: 127.955 });
  });

  it("refuses hashes that name no view", () => {
    expect(parseHash("")).toBeNull();
    expect(parseHash("#12/37.33")).toBeNull();
    expect(parseHash("#12/95/127")).toBeNull();
    expect(parseHash("#a/b/c")).toBeNull();
  });

  it("writes what it reads", () => {
    const view = { zoom: 12.5, lat: 37.33, lon: 127.955 };
    expect(parseHash(formatHash(view))).toEqual(view);
  });
});
