import { duplicateIdFindings, type Finding, type Range } from "../../core/src";

/**
 * The id of every charter of the workspace, open or closed, for `duplicate-id` across files.
 * Updating a charter says which other charters' findings change with it, so that only those
 * are validated again.
 */

export interface CharterId {
  value: string;
  range: Range;
}

interface Entry {
  uri: string;
  id?: CharterId;
}

export class IdIndex {
  private readonly entries = new Map<string, Entry>();
  /** id → keys of the charters using it. */
  private readonly groups = new Map<string, Set<string>>();

  /**
   * Records the id of a charter (undefined: it has none, or cannot collide, like an untitled
   * document). Returns the other charters whose duplicate-id findings change: those that
   * shared its old id, and those that share its new one (or its id moved in the file, where
   * their findings point).
   */
  update(key: string, uri: string, id: CharterId | undefined): string[] {
    let entry = this.entries.get(key);
    if (!entry) this.entries.set(key, (entry = { uri }));
    entry.uri = uri;
    const before = entry.id;
    entry.id = id;
    const sameId = before?.value === id?.value;
    const moved = sameId && before && id && JSON.stringify(before.range) !== JSON.stringify(id.range);
    if (sameId && !moved) return [];
    const affected = new Set<string>();
    if (before) for (const other of this.leave(key, before.value)) affected.add(other);
    if (id) {
      let group = this.groups.get(id.value);
      if (!group) this.groups.set(id.value, (group = new Set()));
      for (const other of group) affected.add(other);
      group.add(key);
    }
    return [...affected];
  }

  /** Forgets a charter; returns the charters that shared its id. */
  remove(key: string): string[] {
    const entry = this.entries.get(key);
    this.entries.delete(key);
    return entry?.id ? this.leave(key, entry.id.value) : [];
  }

  idOf(key: string): CharterId | undefined {
    return this.entries.get(key)?.id;
  }

  /** The charter's duplicate-id findings; undefined when its id is its own. */
  duplicatesFor(key: string): Finding[] | undefined {
    const entry = this.entries.get(key);
    if (!entry?.id) return undefined;
    const group = this.groups.get(entry.id.value);
    if (!group || group.size < 2) return undefined;
    const sharing = [...group]
      .map((member) => this.entries.get(member))
      .filter((member): member is Entry => !!member?.id)
      .map((member) => ({ file: member.uri, id: member.id }));
    return duplicateIdFindings(sharing).get(entry.uri);
  }

  /** Takes a charter out of an id's group; returns the charters left in it. */
  private leave(key: string, id: string): string[] {
    const group = this.groups.get(id);
    if (!group) return [];
    group.delete(key);
    if (group.size === 0) this.groups.delete(id);
    return [...group];
  }
}
