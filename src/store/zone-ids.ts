/**
 * Zone ids and default names. An id is never reused: a deleted zone's record (and the order it
 * had) stays behind until every tab has seen the deletion, and two tabs adding a zone at the
 * same moment must not make the same one. So an id is random, not `Z{count + 1}`; the ids older
 * projects hold (`Z1`, `Z2` …) are read and kept as they are.
 */

/** A new zone id no tab will make again: `Z-` and 16 random hex digits (64 bits). */
export function newZoneId(taken: readonly string[] = []): string {
  // getRandomValues, not randomUUID: the latter is missing outside secure contexts (a plain
  // http:// office server), where the app must still run.
  for (;;) {
    const bytes = crypto.getRandomValues(new Uint8Array(8));
    const id = `Z-${Array.from(bytes, (b) => b.toString(16).padStart(2, "0")).join("")}`;
    if (!taken.includes(id)) return id;
  }
}

/** `{prefix} N` with the smallest N from `count + 1` up that no name in `names` is. */
export function freeZoneName(prefix: string, names: readonly string[]): string {
  const taken = new Set(names.map((n) => n.trim()));
  let n = names.length + 1;
  while (taken.has(`${prefix} ${n}`)) n += 1;
  return `${prefix} ${n}`;
}
