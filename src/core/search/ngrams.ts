/**
 * A trigram index that narrows a long list of strings (names, aliases, titles, words)
 * to the few that share enough letters with what was typed. fuse.js then ranks those
 * few: fuse.js scans every item on every search, which is fine for 30 items and far
 * too slow for the 30,000 names of a thousand releases.
 */
import Fuse, { type IFuseOptions } from 'fuse.js';

function trigrams(text: string): Set<string> {
  const grams = new Set<string>();
  for (const word of text.split(' ')) {
    const padded = `  ${word} `;
    for (let i = 0; i + 3 <= padded.length; i++) grams.add(padded.slice(i, i + 3));
  }
  return grams;
}

export class NgramIndex<T> {
  /** While building: each trigram's items. Then sealed into `postings`, a typed array per trigram. */
  private building: Map<string, number[]> | undefined = new Map();
  private readonly postings = new Map<string, Int32Array>();
  /** Per item, how many of the text's trigrams it shares (scratch for one search; zero between searches). */
  private counts: Int32Array | undefined;
  private touched: Int32Array | undefined;

  constructor(
    private readonly items: readonly T[],
    textOf: (item: T) => string,
    private readonly fuseOptions: IFuseOptions<T>,
    deferred = false,
  ) {
    if (!deferred) {
      items.forEach((item, i) => this.index(i, textOf(item)));
      this.seal();
    }
  }

  /**
   * The same index, built a chunk of items at a time with a yield between chunks, for an index
   * built in slices: the names of 10,000 releases take longer than a slice.
   */
  static *inSteps<T>(items: readonly T[], textOf: (item: T) => string, fuseOptions: IFuseOptions<T>, chunk = 200): Generator<void, NgramIndex<T>, void> {
    const index = new NgramIndex(items, textOf, fuseOptions, true);
    for (let i = 0; i < items.length; i++) {
      index.index(i, textOf(items[i]!));
      if (i % chunk === chunk - 1) yield;
    }
    yield;
    let sealed = 0;
    for (const [gram, list] of index.building!) {
      index.postings.set(gram, Int32Array.from(list));
      if (++sealed % chunk === 0) yield;
    }
    index.building = undefined;
    return index;
  }

  private index(i: number, text: string): void {
    const building = this.building!;
    for (const gram of trigrams(text)) {
      const list = building.get(gram);
      if (list) list.push(i);
      else building.set(gram, [i]);
    }
  }

  /** Each trigram's items in one Int32Array: a few objects instead of an array of numbers per trigram. */
  private seal(): void {
    for (const [gram, list] of this.building!) this.postings.set(gram, Int32Array.from(list));
    this.building = undefined;
  }

  /** Items sharing the most trigrams with the text (at most `limit`), best first. */
  candidates(text: string, limit = 40): T[] {
    const grams = trigrams(text);
    this.counts ??= new Int32Array(this.items.length);
    this.touched ??= new Int32Array(this.items.length);
    const { counts, touched } = this;
    let found = 0;
    // A trigram most items share ("  a") narrows nothing and costs a pass over them all: skip it.
    const common = Math.max(50, this.items.length / 10);
    for (const gram of grams) {
      const list = this.postings.get(gram);
      if (!list || list.length > common) continue;
      for (let k = 0; k < list.length; k++) {
        const i = list[k]!;
        const c = counts[i]!;
        if (c === 0) touched[found++] = i;
        counts[i] = c + 1;
      }
    }
    const needed = Math.max(1, Math.floor(grams.size * 0.3));
    const kept: number[] = [];
    for (let k = 0; k < found; k++) {
      const i = touched[k]!;
      if (counts[i]! >= needed) kept.push(i);
    }
    // Most shared first, then the earlier item: the order is the same whatever order they were counted in.
    kept.sort((a, b) => counts[b]! - counts[a]! || a - b);
    const best = kept.slice(0, limit).map((i) => this.items[i]!);
    for (let k = 0; k < found; k++) counts[touched[k]!] = 0;
    return best;
  }

  /** fuse.js over the candidates: its scores, on a list short enough to be instant. */
  search(text: string, limit = 8): Array<{ item: T; score: number }> {
    const few = this.candidates(text);
    if (few.length === 0) return [];
    return new Fuse(few, this.fuseOptions).search(text, { limit }).map((r) => ({ item: r.item, score: r.score ?? 1 }));
  }

  get size(): number {
    return this.items.length;
  }
}
