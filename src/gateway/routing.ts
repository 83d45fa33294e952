/**
 * Gateway routing, pure: which websocket clients a notification is for.
 *
 * A client's attributes are the query parameters it connected with. A notification's `target`
 * reaches every client whose attributes agree with it on every key both have, provided they
 * share at least one key (wire spec §4, `AttributesContained`). Extra target keys such as
 * `dest` and client attributes the target does not mention are ignored.
 */

export type Attributes = Readonly<Record<string, string>>;

/** The matching rule itself. */
export function attributesMatch(client: Attributes, target: Attributes): boolean {
  let shared = 0;
  for (const key in client) {
    if (!Object.hasOwn(target, key)) continue;
    if (target[key] !== client[key]) return false;
    shared++;
  }
  return shared > 0;
}

/** Client attributes from an upgrade URL's query: every parameter, first value each. */
export function attributesFromQuery(search: URLSearchParams): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [key, value] of search) if (!Object.hasOwn(out, key)) out[key] = value;
  return out;
}

/** A stable name for an attribute set: equal sets (in any key order) get the same name. */
export function attributesKey(attrs: Attributes): string {
  return JSON.stringify(Object.keys(attrs).sort().map((k) => [k, attrs[k]]));
}

const pairKey = (key: string, value: string) => `${key}\u0000${value}`;

/** One distinct attribute set and how many clients hold it. */
export interface AttributeGroup {
  readonly key: string;
  readonly attributes: Attributes;
  members: number;
}

/**
 * Clients grouped by identical attribute sets, with an index from each `key=value` pair to the
 * groups holding it. Every match shares at least one equal pair with the target, so a lookup
 * only checks groups found through the target's own pairs, not every group.
 */
export class RoutingTable {
  private readonly groups = new Map<string, AttributeGroup>();
  private readonly byPair = new Map<string, Set<AttributeGroup>>();

  /** Registers one client; returns its group (shared with every client of equal attributes). */
  add(attrs: Attributes): AttributeGroup {
    const key = attributesKey(attrs);
    let group = this.groups.get(key);
    if (!group) {
      group = { key, attributes: { ...attrs }, members: 0 };
      this.groups.set(key, group);
      for (const [k, v] of Object.entries(attrs)) {
        const pk = pairKey(k, v);
        let set = this.byPair.get(pk);
        if (!set) this.byPair.set(pk, (set = new Set()));
        set.add(group);
      }
    }
    group.members++;
    return group;
  }

  /** Unregisters one client of the group; the group disappears with its last member. */
  remove(group: AttributeGroup): void {
    if (this.groups.get(group.key) !== group) return;
    group.members--;
    if (group.members > 0) return;
    this.groups.delete(group.key);
    for (const [k, v] of Object.entries(group.attributes)) {
      const pk = pairKey(k, v);
      const set = this.byPair.get(pk);
      set?.delete(group);
      if (set && set.size === 0) this.byPair.delete(pk);
    }
  }

  /** Groups whose clients the target reaches. */
  match(target: Attributes): AttributeGroup[] {
    const seen = new Set<AttributeGroup>();
    const out: AttributeGroup[] = [];
    for (const [k, v] of Object.entries(target)) {
      const set = this.byPair.get(pairKey(k, v));
      if (!set) continue;
      for (const group of set) {
        if (seen.has(group)) continue;
        seen.add(group);
        if (attributesMatch(group.attributes, target)) out.push(group);
      }
    }
    return out;
  }

  get groupCount(): number {
    return this.groups.size;
  }

  get clientCount(): number {
    let n = 0;
    for (const g of this.groups.values()) n += g.members;
    return n;
  }

  list(): AttributeGroup[] {
    return [...this.groups.values()];
  }
}
