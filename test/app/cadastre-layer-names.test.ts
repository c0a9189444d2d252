/**
 * The × of each open file has a name of its own (src/panels/cadastre-layer-names.ts): a file
 * whose 시·군 is its own is named by it alone ("사천시 지적도 닫기"); two of one 시·군 add their code,
 * or, with the same code too (two editions of one file), their place among them. Before, both
 * were "진주시 지적도 닫기".
 */
import { describe, expect, it } from "vitest";
import { CADASTRE_WORDS } from "../../src/i18n/cadastre";
import { layerWhich } from "../../src/panels/cadastre-layer-names";

const names = (places: string[], layers: string[], lang: "ko" | "en") => {
  const w = CADASTRE_WORDS[lang];
  const which = layerWhich(places, layers, w.nthFile);
  return places.map((p, i) => w.closeLayer(p, which[i]));
};
const J = "LSMD_CONT_LDREG_48170";
const J2 = "LSMD_CONT_LDREG_48171";
const S = "LSMD_CONT_LDREG_48240";

describe("the names of the open files' × buttons", () => {
  it("names a file by its 시·군 alone when no other file is of that 시·군", () => {
    expect(names(["진주시", "사천시"], [J, S], "ko")).toEqual([
      "진주시 지적도 닫기",
      "사천시 지적도 닫기",
    ]);
    expect(names(["진주시", "사천시"], [J, S], "en")).toEqual([
      "Close 진주시 cadastre",
      "Close 사천시 cadastre",
    ]);
  });

  it("adds the code when two files of one 시·군 have different codes", () => {
    expect(names(["진주시", "진주시", "사천시"], [J, J2, S], "ko")).toEqual([
      "진주시 지적도 닫기 (48170)",
      "진주시 지적도 닫기 (48171)",
      "사천시 지적도 닫기",
    ]);
  });

  it("adds the place among them when two files have the same name, in ko and en", () => {
    expect(names(["진주시", "사천시", "진주시"], [J, S, J], "ko")).toEqual([
      "진주시 지적도 닫기 (1번째 파일)",
      "사천시 지적도 닫기",
      "진주시 지적도 닫기 (2번째 파일)",
    ]);
    expect(names(["진주시", "진주시"], [J, J], "en")).toEqual([
      "Close 진주시 cadastre (file 1)",
      "Close 진주시 cadastre (file 2)",
    ]);
    // Both: the code, and the place among the same code.
    expect(names(["진주시", "진주시", "진주시"], [J, J2, J], "ko")).toEqual([
      "진주시 지적도 닫기 (48170, 1번째 파일)",
      "진주시 지적도 닫기 (48171)",
      "진주시 지적도 닫기 (48170, 2번째 파일)",
    ]);
  });

  it("never gives two files one name", () => {
    for (const [places, layers] of [
      [
        ["진주시", "진주시", "진주시", "사천시"],
        [J, J, J2, S],
      ],
      [
        ["진주시", "진주시"],
        [J, J],
      ],
    ] as const) {
      const all = names([...places], [...layers], "ko");
      expect(new Set(all).size).toBe(all.length);
    }
  });
});
