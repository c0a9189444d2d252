/**
 * What tells the open files apart in their × buttons' names: "진주시 지적도 닫기" names a file by
 * its 시·군, so two files of one 시·군 (two editions of 진주, or 진주 under another code) got two
 * buttons of one accessible name, and a screen reader user could not tell which closes which.
 * Such a file's name adds its code when another of that 시·군 has another code, and its place in
 * the list among those of the same code when another has the same.
 */

/** A file's code as the panel lists it (LSMD_CONT_LDREG_48170 → 48170). */
export const layerCode = (name: string): string => name.replace(/^LSMD_CONT_LDREG_/, "");

/**
 * For each listed file, what its × name adds after the 시·군 (none when the 시·군 is its own):
 * its code, and/or its ordinal among the files of the same 시·군 and code (`nth(2)`: "2번째 파일").
 */
export function layerWhich(
  places: readonly string[],
  layers: readonly string[],
  nth: (n: number) => string,
): (string | undefined)[] {
  return layers.map((name, i) => {
    const place = places[i] ?? name;
    const code = layerCode(name);
    const same = layers
      .map((n, k) => ({ k, code: layerCode(n), place: places[k] ?? n }))
      .filter((x) => x.place === place);
    if (same.length < 2) return undefined;
    const parts: string[] = [];
    if (same.some((x) => x.code !== code)) parts.push(code);
    const twins = same.filter((x) => x.code === code);
    if (twins.length > 1) parts.push(nth(twins.findIndex((x) => x.k === i) + 1));
    return parts.join(", ");
  });
}
