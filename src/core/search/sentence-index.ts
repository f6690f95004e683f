/**
 * Every sentence of every release, for BM25 retrieval: what no curated fact covers is answered from these.
 *
 * It ranks exactly as MiniSearch 7 did with the options the index used (one field, the words of
 * tokensOf, terms the stems of words of two letters or more, BM25+ with k 1.2, b 0.7, d 0.5, the
 * average length kept as MiniSearch keeps it), and returns hits in MiniSearch's order, ties
 * included — but it holds the 140,000 sentences of 10,000 releases in a few typed arrays instead of
 * millions of small objects (a Map per term, an entry per term and sentence, a stored copy of every
 * sentence): a third of the heap, and most of what every garbage collection had to mark.
 *
 * - a sentence is a number: its release, paragraph and offsets in the paragraph; its text is cut
 *   from the paragraph when a hit's `text` is read;
 * - a term is a number (`termIds`); its postings (sentence, frequency) are one slice of two typed
 *   arrays, sentences in ascending order (MiniSearch's insertion order).
 */
import type { Release } from '../knowledge/types';
import { sentenceSpans } from '../text/normalize';
import { cachedStem, rawWordsOf, tokenOf } from './tokens';

/** MiniSearch's defaults. */
const K = 1.2;
const B = 0.7;
const D = 0.5;

export interface SentenceSearchOptions {
  combineWith: 'AND' | 'OR';
  /** A term's weight (MiniSearch's boostTerm). */
  boostTerm?: (term: string) => number;
  /** Only sentences of these releases (checked once per release, not per sentence). */
  releases?: ReadonlySet<string>;
  /** Which sentences may be returned, by release and paragraph (1-based). */
  filter?: (release: string, paragraph: number) => boolean;
}

/** One sentence found: MiniSearch's result fields the answering code reads. */
export class SentenceHit {
  constructor(
    private readonly index: SentenceIndex,
    /** The sentence's number. */
    readonly doc: number,
    readonly score: number,
    /** The query's terms the sentence holds, in the order of the query (shared between hits: read only). */
    readonly queryTerms: readonly string[],
  ) {}

  get release(): string {
    return this.index.releaseOf(this.doc);
  }

  get paragraph(): number {
    return this.index.paragraphOf(this.doc);
  }

  get text(): string {
    return this.index.textOf(this.doc);
  }
}

/** The index's arrays, the same in any thread: what a worker hands over (every array transferable). */
export interface SentenceIndexData {
  terms: string[];
  /** Term t's postings are postingDocs/postingFreqs[postingStart[t] .. postingStart[t + 1]). */
  postingStart: Int32Array;
  postingDocs: Int32Array;
  postingFreqs: Uint16Array;
  /** Per sentence: the index of its release (in `releases`), its paragraph (1-based), its offsets in the paragraph, its length in distinct words. */
  docRelease: Int32Array;
  docParagraph: Int32Array;
  docStart: Int32Array;
  docEnd: Int32Array;
  docLength: Int32Array;
  avgLength: number;
}

export class SentenceIndex {
  private readonly termIds: Map<string, number>;
  private readonly releaseIds: string[];
  // Per-search scratch, one slot per sentence (searches run one at a time, synchronously).
  private readonly scores: Float64Array;
  private readonly stamps: Int32Array;
  private readonly order: Int32Array;
  private readonly matched: Int32Array;
  /** Per release, for one search: 0 not yet checked, 1 in its `releases`, 2 not. */
  private readonly inScope: Int8Array;
  private stamp = 0;

  /** `termIds`: each of data.terms by its number, when the caller has it already (else made here). */
  constructor(
    private readonly data: SentenceIndexData,
    private readonly releases: readonly Release[],
    termIds?: Map<string, number>,
  ) {
    this.termIds = termIds ?? new Map(data.terms.map((term, id) => [term, id]));
    this.releaseIds = releases.map((r) => r.id);
    const n = data.docRelease.length;
    this.scores = new Float64Array(n);
    this.stamps = new Int32Array(n);
    this.order = new Int32Array(n);
    this.matched = new Int32Array(n);
    this.inScope = new Int8Array(releases.length);
  }

  /** The same, its term look-up made a few thousand terms per step (a hundred thousand terms at 10,000 releases). */
  static *inSteps(data: SentenceIndexData, releases: readonly Release[]): Generator<void, SentenceIndex, void> {
    const termIds = new Map<string, number>();
    for (let id = 0; id < data.terms.length; id++) {
      termIds.set(data.terms[id]!, id);
      if (id % 1024 === 1023) yield;
    }
    return new SentenceIndex(data, releases, termIds);
  }

  get size(): number {
    return this.data.docRelease.length;
  }

  releaseOf(doc: number): string {
    return this.releaseIds[this.data.docRelease[doc]!]!;
  }

  paragraphOf(doc: number): number {
    return this.data.docParagraph[doc]!;
  }

  textOf(doc: number): string {
    const d = this.data;
    return this.releases[d.docRelease[doc]!]!.paragraphs[d.docParagraph[doc]! - 1]!.slice(d.docStart[doc], d.docEnd[doc]);
  }

  /**
   * The sentences holding any (OR) or all (AND) of the terms (stems, as indexed), best first, as
   * MiniSearch's search(terms.join(' '), { tokenize: split(' '), processTerm: identity, … }) returned them.
   */
  search(terms: readonly string[], options: SentenceSearchOptions): SentenceHit[] {
    const query = terms.join(' ').split(' ').filter(Boolean);
    if (query.length === 0) return [];
    const d = this.data;
    const { scores, stamps, order } = this;
    const and = options.combineWith === 'AND';
    // Distinct terms in the query's order: a hit's queryTerms, and its quality (their count) multiplies its score.
    const unique: string[] = [];
    for (const t of query) if (!unique.includes(t)) unique.push(t);
    // Which distinct terms each sentence holds: a bit each (a query has a few dozen words at most; past 31, a list).
    const matched = this.matched;
    const lists = unique.length > 31 ? new Map<number, number[]>() : undefined;
    // A fresh stamp per search marks the sentences found so far; `order` lists them as MiniSearch's Map held them.
    const first = this.nextStamp(query.length + 1);
    let found = 0;
    for (let q = 0; q < query.length; q++) {
      const term = query[q]!;
      const u = unique.indexOf(term);
      const id = this.termIds.get(term);
      const stampNow = first + q;
      if (id === undefined) {
        if (and) return [];
        continue;
      }
      const boost = options.boostTerm ? options.boostTerm(term) : 1;
      const from = d.postingStart[id]!;
      const to = d.postingStart[id + 1]!;
      const matching = to - from;
      const idf = Math.log(1 + (this.size - matching + 0.5) / (matching + 0.5));
      if (and && q > 0) {
        // Only what every earlier term found survives; MiniSearch's AND keeps the later term's order (ascending).
        let kept = 0;
        for (let p = from; p < to; p++) {
          const doc = d.postingDocs[p]!;
          if (stamps[doc] !== stampNow - 1) continue;
          scores[doc] = scores[doc]! + boost * this.bm25(idf, d.postingFreqs[p]!, doc);
          stamps[doc] = stampNow;
          this.mark(matched, lists, doc, u);
          order[kept++] = doc;
        }
        found = kept;
        if (found === 0) return [];
        continue;
      }
      for (let p = from; p < to; p++) {
        const doc = d.postingDocs[p]!;
        const score = boost * this.bm25(idf, d.postingFreqs[p]!, doc);
        if (stamps[doc]! >= first) {
          scores[doc] = scores[doc]! + score;
        } else {
          scores[doc] = score;
          matched[doc] = 0;
          if (lists) lists.set(doc, []);
          order[found++] = doc;
        }
        stamps[doc] = stampNow;
        this.mark(matched, lists, doc, u);
      }
      if (and && found === 0) return [];
    }
    const hits: SentenceHit[] = [];
    const memo = new Map<number, string[]>();
    const scope = options.releases;
    const inScope = this.inScope;
    if (scope) inScope.fill(0);
    for (let k = 0; k < found; k++) {
      const doc = order[k]!;
      if (scope) {
        const r = d.docRelease[doc]!;
        if (inScope[r] === 0) inScope[r] = scope.has(this.releaseIds[r]!) ? 1 : 2;
        if (inScope[r] === 2) continue;
      }
      let queryTerms: readonly string[];
      if (lists) queryTerms = lists.get(doc)!.map((u) => unique[u]!);
      else {
        const mask = matched[doc]!;
        let shared = memo.get(mask);
        if (!shared) {
          shared = [];
          for (let u = 0; u < unique.length; u++) if (mask & (1 << u)) shared.push(unique[u]!);
          memo.set(mask, shared);
        }
        queryTerms = shared;
      }
      if (options.filter && !options.filter(this.releaseOf(doc), d.docParagraph[doc]!)) continue;
      hits.push(new SentenceHit(this, doc, scores[doc]! * (queryTerms.length || 1), queryTerms));
    }
    hits.sort(byScore);
    return hits;
  }

  private bm25(idf: number, freq: number, doc: number): number {
    return idf * (D + (freq * (K + 1)) / (freq + K * (1 - B + (B * this.data.docLength[doc]!) / this.data.avgLength)));
  }

  private mark(matched: Int32Array, lists: Map<number, number[]> | undefined, doc: number, u: number): void {
    if (lists) {
      const list = lists.get(doc)!;
      if (!list.includes(u)) list.push(u);
      // Kept in the query's order, as MiniSearch appends terms in the order they are searched.
    } else matched[doc] = matched[doc]! | (1 << u);
  }

  private nextStamp(width: number): number {
    if (this.stamp + width >= 0x7fffffff) {
      this.stamps.fill(0);
      this.stamp = 0;
    }
    const first = this.stamp + 1;
    this.stamp += width;
    return first;
  }
}

const byScore = (a: SentenceHit, b: SentenceHit): number => b.score - a.score;

/**
 * Builds the index's arrays, a release per step (the build yields between steps). Every sentence of
 * splitSentences is one document, in the order of the releases and their paragraphs.
 */
export function* sentenceIndexSteps(releases: readonly Release[]): Generator<void, SentenceIndexData, void> {
  // Each distinct spelling is looked up once: its normalized form (for the sentence's length in distinct
  // words) and its term (the stem; none for one-letter words).
  const spellings = new Map<string, number>(); // raw → norm id
  const normTerm: number[] = []; // norm id → term id, or -1
  const normIds = new Map<string, number>();
  const termIds = new Map<string, number>();
  const terms: string[] = [];
  const normSeen: number[] = []; // norm id → the last sentence counted in
  const termSeen: number[] = []; // term id → the last sentence it was in
  const termFreq: number[] = []; // term id → its frequency in that sentence
  // (term, sentence, frequency) triples, in blocks: doubling one array copied up to 64 MB in one step.
  const BLOCK = 3 << 16;
  const blocks: Int32Array[] = [new Int32Array(BLOCK)];
  let block = blocks[0]!;
  let inBlock = 0;
  let used = 0;
  const docRelease: number[] = [];
  const docParagraph: number[] = [];
  const docStart: number[] = [];
  const docEnd: number[] = [];
  const docLength: number[] = [];
  let avgLength = 0;
  const sentenceTerms: number[] = [];
  let doc = 0;
  for (let r = 0; r < releases.length; r++) {
    const paragraphs = releases[r]!.paragraphs;
    for (let p = 0; p < paragraphs.length; p++) {
      const paragraph = paragraphs[p]!;
      const spans = sentenceSpans(paragraph);
      for (let s = 0; s < spans.length; s += 2) {
        const start = spans[s]!;
        const end = spans[s + 1]!;
        let length = 0;
        sentenceTerms.length = 0;
        for (const raw of rawWordsOf(paragraph.slice(start, end))) {
          let norm = spellings.get(raw);
          if (norm === undefined) {
            const token = tokenOf(raw);
            norm = normIds.get(token.norm);
            if (norm === undefined) {
              norm = normIds.size;
              normIds.set(token.norm, norm);
              // MiniSearch's processTerm: the stem of a word of two letters or more; a falsy term is dropped.
              const stem = token.norm.length > 1 ? cachedStem(token.norm) : '';
              let term = -1;
              if (stem) {
                term = termIds.get(stem) ?? -1;
                if (term < 0) {
                  term = terms.length;
                  termIds.set(stem, term);
                  terms.push(stem);
                  termSeen.push(-1);
                  termFreq.push(0);
                }
              }
              normTerm.push(term);
              normSeen.push(-1);
            }
            spellings.set(raw, norm);
          }
          if (normSeen[norm] !== doc) {
            normSeen[norm] = doc;
            length++;
          }
          const term = normTerm[norm]!;
          if (term < 0) continue;
          if (termSeen[term] !== doc) {
            termSeen[term] = doc;
            termFreq[term] = 1;
            sentenceTerms.push(term);
          } else termFreq[term]!++;
        }
        for (const term of sentenceTerms) {
          if (inBlock === BLOCK) {
            block = new Int32Array(BLOCK);
            blocks.push(block);
            inBlock = 0;
          }
          block[inBlock++] = term;
          block[inBlock++] = doc;
          block[inBlock++] = termFreq[term]!;
          used += 3;
        }
        docRelease.push(r);
        docParagraph.push(p + 1);
        docStart.push(start);
        docEnd.push(end);
        docLength.push(length);
        // MiniSearch's running average, computed as it computes it (the same floating-point result).
        avgLength = (avgLength * doc + length) / (doc + 1);
        doc++;
      }
    }
    yield;
  }
  // Postings by term: a counting sort of the triples, which keeps each term's sentences ascending.
  // (Three million postings at 10,000 releases: a yield every block of 65,536; every half million held the loop 30–120 ms.)
  const postingStart = new Int32Array(terms.length + 1);
  for (let b = 0, left = used; b < blocks.length; b++, left -= BLOCK) {
    const triples = blocks[b]!;
    const end = Math.min(left, BLOCK);
    for (let i = 0; i < end; i += 3) postingStart[triples[i]! + 1]!++;
    yield;
  }
  for (let t = 0; t < terms.length; t++) postingStart[t + 1] = postingStart[t + 1]! + postingStart[t]!;
  const fill = postingStart.slice(0, terms.length);
  const postingDocs = new Int32Array(used / 3);
  const postingFreqs = new Uint16Array(used / 3);
  for (let b = 0, left = used; b < blocks.length; b++, left -= BLOCK) {
    const triples = blocks[b]!;
    const end = Math.min(left, BLOCK);
    for (let i = 0; i < end; i += 3) {
      const at = fill[triples[i]!]!++;
      postingDocs[at] = triples[i + 1]!;
      postingFreqs[at] = Math.min(triples[i + 2]!, 0xffff);
    }
    yield;
  }
  yield;
  return {
    terms,
    postingStart,
    postingDocs,
    postingFreqs,
    docRelease: Int32Array.from(docRelease),
    docParagraph: Int32Array.from(docParagraph),
    docStart: Int32Array.from(docStart),
    docEnd: Int32Array.from(docEnd),
    docLength: Int32Array.from(docLength),
    avgLength,
  };
}
