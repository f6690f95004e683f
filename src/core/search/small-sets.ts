/**
 * Many small sets of strings — the words of each of 100,000 facts, the entities each names — in two
 * typed arrays, instead of a Set per fact: 200,000 Sets and their two million entries were an eighth
 * of the heap at 10,000 releases, and every garbage collection marked each of them.
 *
 * Each set keeps its values in the order they were added (what iterating a Set gives) and answers
 * `has` by a scan of its few numbers.
 */
export class SmallSets {
  private readonly keys = new Map<string, number>();
  private readonly valueIds = new Map<string, number>();
  private readonly values: string[] = [];
  private start: Int32Array = new Int32Array(1024);
  private members: Int32Array = new Int32Array(8192);
  private used = 0;

  /** Adds the set of a key not added before (its values in order, repeats dropped). */
  add(key: string, values: Iterable<string>): void {
    const k = this.keys.size;
    this.keys.set(key, k);
    if (k + 2 > this.start.length) this.start = grow(this.start);
    const from = this.start[k]!;
    let end = from;
    for (const value of values) {
      let id = this.valueIds.get(value);
      if (id === undefined) {
        id = this.values.length;
        this.valueIds.set(value, id);
        this.values.push(value);
      }
      let seen = false;
      for (let i = from; i < end; i++) if (this.members[i] === id) seen = true;
      if (seen) continue;
      if (end + 1 > this.members.length) this.members = grow(this.members);
      this.members[end++] = id;
    }
    this.start[k + 1] = end;
    this.used = end;
  }

  /** Drops the spare room the arrays grew with (once every set is added). */
  seal(): void {
    this.start = this.start.slice(0, this.keys.size + 1);
    this.members = this.members.slice(0, this.used);
  }

  get size(): number {
    return this.keys.size;
  }

  /** Whether the key's set holds the value (false for a key never added). */
  has(key: string, value: string): boolean {
    return this.holds(this.keyOf(key), this.idOf(value));
  }

  /** For many look-ups: a key's number (-1 when never added), a value's (-1 when in no set), and whether the one holds the other. */
  keyOf(key: string): number {
    return this.keys.get(key) ?? -1;
  }

  idOf(value: string): number {
    return this.valueIds.get(value) ?? -1;
  }

  holds(k: number, id: number): boolean {
    if (k < 0 || id < 0) return false;
    for (let i = this.start[k]!, end = this.start[k + 1]!; i < end; i++) if (this.members[i] === id) return true;
    return false;
  }

  /** The key's values, in the order they were added (empty for a key never added). */
  get(key: string): string[] {
    const k = this.keys.get(key);
    if (k === undefined) return [];
    const out: string[] = [];
    for (let i = this.start[k]!, end = this.start[k + 1]!; i < end; i++) out.push(this.values[this.members[i]!]!);
    return out;
  }
}

function grow(array: Int32Array): Int32Array {
  const grown = new Int32Array(array.length * 2);
  grown.set(array);
  return grown;
}
