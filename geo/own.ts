/**
 * Keys that come from files (hub types, column names, attribute names) are data, never
 * JavaScript's own: a hub type "constructor" must not read Object's constructor, "__proto__"
 * must not replace an object's prototype, "toString" must not be a function. Tables looked up by
 * such keys go through `own`, and records built from them start from `record()`, which has no
 * prototype to collide with.
 */

/** The table's own value for `key`, or undefined (never an inherited property). */
export function own<V>(table: Readonly<Record<string, V>>, key: string): V | undefined {
  return Object.hasOwn(table, key) ? table[key] : undefined;
}

/** An empty record with no prototype: any key a file holds is stored as itself. */
export function record<V>(): Record<string, V> {
  return Object.create(null) as Record<string, V>;
}
