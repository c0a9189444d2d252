/** A max-heap of items by key: the branch and bound takes the cell with the highest bound first. */
export class MaxHeap<T> {
  private keys: number[] = [];
  private items: T[] = [];

  get size(): number {
    return this.keys.length;
  }

  /** The highest key, or −∞ when empty. */
  peekKey(): number {
    return this.keys[0] ?? Number.NEGATIVE_INFINITY;
  }

  push(key: number, item: T): void {
    const { keys, items } = this;
    let i = keys.length;
    keys.push(key);
    items.push(item);
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if ((keys[parent] as number) >= key) break;
      keys[i] = keys[parent] as number;
      items[i] = items[parent] as T;
      i = parent;
    }
    keys[i] = key;
    items[i] = item;
  }

  pop(): T | undefined {
    const { keys, items } = this;
    const top = items[0];
    const lastKey = keys.pop();
    const lastItem = items.pop();
    if (keys.length === 0 || lastKey === undefined || lastItem === undefined) return top;
    let i = 0;
    for (;;) {
      const l = 2 * i + 1;
      if (l >= keys.length) break;
      const r = l + 1;
      const c = r < keys.length && (keys[r] as number) > (keys[l] as number) ? r : l;
      if ((keys[c] as number) <= lastKey) break;
      keys[i] = keys[c] as number;
      items[i] = items[c] as T;
      i = c;
    }
    keys[i] = lastKey;
    items[i] = lastItem;
    return top;
  }
}
