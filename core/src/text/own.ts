/**
 * Lookups by a name a user gave (a `--format`, a command, a rule id, an option, an enum value
 * from a charter) in a table of ours. A plain `table[name]` also finds what every object
 * inherits — `constructor`, `toString`, `__proto__` — so a charter with `tier: toString` would
 * read a function as a label. These read the table's own entries only.
 */

/** Whether `name` is one of the table's own entries. */
export function hasOwn(table: object, name: PropertyKey): boolean {
  return Object.prototype.hasOwnProperty.call(table, name);
}

/** The table's own entry for `name`; undefined for anything else, inherited properties included. */
export function own<V>(table: Readonly<Partial<Record<string, V>>>, name: unknown): V | undefined {
  return typeof name === "string" && hasOwn(table, name) ? table[name] : undefined;
}

/** The names of a table, as `name is K` proof for a lookup that follows. */
export function isOwnName<K extends string>(table: Readonly<Record<K, unknown>>, name: unknown): name is K {
  return typeof name === "string" && hasOwn(table, name);
}
