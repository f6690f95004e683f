/**
 * The sentence index ranks as MiniSearch did (the library it replaced, kept as a dev dependency for
 * this comparison): the same hits, in the same order, with the same scores to the last bit, over
 * the shipped release and a generated archive, for OR and AND searches with boosts and filters.
 */
import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import MiniSearch from 'minisearch';
import { loadKnowledge, type Release } from '../../src/core';
import { generateCorpus, writeCorpus } from '../../src/bench/generate';
import { SentenceIndex, sentenceIndexSteps } from '../../src/core/search/sentence-index';
import { cachedStem, tokensOf } from '../../src/core/search/tokens';
import { sentenceSpans, splitSentences } from '../../src/core/text/normalize';
import { KNOWLEDGE_DIR } from './setup';

interface Doc {
  id: number;
  release: string;
  paragraph: number;
  text: string;
}

/** The index as search/index.ts built it with MiniSearch. */
function miniSearchOf(releases: readonly Release[]): MiniSearch<Doc> {
  const search = new MiniSearch<Doc>({
    fields: ['text'],
    storeFields: ['release', 'paragraph', 'text'],
    processTerm: (term) => (term.length > 1 ? cachedStem(term) : null),
    tokenize: (text) => tokensOf(text).map((t) => t.norm),
  });
  let id = 0;
  for (const release of releases) {
    release.paragraphs.forEach((paragraph, i) => {
      for (const text of splitSentences(paragraph)) search.add({ id: id++, release: release.id, paragraph: i + 1, text });
    });
  }
  return search;
}

function built(releases: readonly Release[]): SentenceIndex {
  const steps = sentenceIndexSteps(releases);
  for (;;) {
    const step = steps.next();
    if (step.done) return new SentenceIndex(step.value, releases);
  }
}

/** splitSentences as it was before it was written over sentenceSpans. */
function splitSentencesBefore(paragraph: string): string[] {
  const ABBREVIATIONS = new Set([
    'mr',
    'mrs',
    'ms',
    'dr',
    'prof',
    'st',
    'no',
    'vs',
    'etc',
    'e.g',
    'i.e',
    'u.n',
    'u.s',
    'jan',
    'feb',
    'mar',
    'apr',
    'jun',
    'jul',
    'aug',
    'sep',
    'sept',
    'oct',
    'nov',
    'dec',
  ]);
  const sentences: string[] = [];
  const boundary = /[.!?]+["”»)]?\s+(?=[\p{Lu}\d"“«(])/gu;
  let start = 0;
  for (const match of paragraph.matchAll(boundary)) {
    const end = match.index + match[0].length;
    const lastWord = /([\p{L}.]+)[.!?]+["”»)]?\s+$/u.exec(paragraph.slice(start, end))?.[1] ?? '';
    if (ABBREVIATIONS.has(lastWord.toLowerCase().replace(/\.$/, ''))) continue;
    if (/^\p{Lu}$/u.test(lastWord) && /\s\p{Lu}\.\s+$/u.test(paragraph.slice(Math.max(start, end - 6), end))) continue;
    if (/^(?:\p{Lu}\.)+\p{Lu}$/u.test(lastWord)) continue;
    sentences.push(paragraph.slice(start, end).trim());
    start = end;
  }
  sentences.push(paragraph.slice(start).trim());
  return sentences.filter(Boolean);
}

function mulberry32(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

let releases: Release[] = [];
let scratch = '';

beforeAll(async () => {
  scratch = await fs.mkdtemp(path.join(os.tmpdir(), 'attache-sentences-'));
  const dir = path.join(scratch, 'knowledge');
  await fs.cp(KNOWLEDGE_DIR, dir, { recursive: true });
  const shipped = await loadKnowledge(KNOWLEDGE_DIR);
  if (!shipped.ok) throw new Error('the shipped knowledge does not load');
  const reservedIds = new Set([...shipped.knowledge.entities.keys(), ...shipped.knowledge.releases.keys()]);
  await writeCorpus(generateCorpus({ seed: 7, releases: 300, reservedIds }), dir);
  const loaded = await loadKnowledge(dir);
  if (!loaded.ok) throw new Error('the generated knowledge does not load');
  releases = [...loaded.knowledge.releases.values()];
}, 60_000);

afterAll(async () => {
  await fs.rm(scratch, { recursive: true, force: true });
});

test('sentenceSpans cuts the sentences splitSentences did', () => {
  const samples = [
    '  One. Two!  Three? "Four." Mr. Smith met Dr. Who. Nayef Falah M. Al-Hajraf spoke.  ',
    'No boundary here',
    '   ',
    '',
    'Ends with spaces.\u00a0\u2003 Next one\u2028 here. (Paren) ok.',
  ];
  for (const p of [...samples, ...releases.flatMap((r) => r.paragraphs)]) {
    expect(splitSentences(p)).toEqual(splitSentencesBefore(p));
    const spans = sentenceSpans(p);
    expect(spans.length).toBe(2 * splitSentences(p).length);
  }
});

test('the same hits, order and scores as MiniSearch', () => {
  const mini = miniSearchOf(releases);
  const index = built(releases);
  expect(index.size).toBe(mini.documentCount);
  const random = mulberry32(20240228);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)]!;
  const sentences = releases.flatMap((r) => r.paragraphs.flatMap((p) => splitSentences(p)));
  const releaseIds = releases.map((r) => r.id);
  let hits = 0;
  let wide = 0;
  for (let n = 0; n < 600; n++) {
    // Terms from a sentence or two, a word no sentence has, a term twice, now and then.
    const long = n % 10 === 0;
    const from = Array.from({ length: long ? 12 : 2 }, () => pick(sentences));
    const stems = [...new Set(from.flatMap((s) => tokensOf(s).map((t) => t.stem)).filter((s) => s.length > 1))];
    const terms = long ? stems.slice(0, 40) : Array.from({ length: 1 + Math.floor(random() * 6) }, () => pick(stems));
    if (n % 7 === 0) terms.push('zzqx');
    if (n % 5 === 0 && terms[0]) terms.push(terms[0]);
    const and = n % 3 === 0;
    const weights = new Map(terms.map((t) => [t, pick([0.1, 0.3, 0.5, 1, 2])]));
    const inScope = n % 2 === 0 ? new Set(releaseIds.filter(() => random() < 0.3)) : undefined;
    const paragraphs = n % 4 === 0 ? new Set([1, 2, 3]) : undefined;
    const keep = (release: string, paragraph: number) => (!inScope || inScope.has(release)) && (!paragraphs || paragraphs.has(paragraph));
    const expected = mini.search(terms.join(' '), {
      combineWith: and ? 'AND' : 'OR',
      ...(and ? {} : { boostTerm: (t: string) => weights.get(t) ?? 1 }),
      processTerm: (t) => t,
      tokenize: (q) => q.split(' '),
      filter: (hit) => keep(hit['release'] as string, hit['paragraph'] as number),
    });
    const actual = index.search(terms, {
      combineWith: and ? 'AND' : 'OR',
      ...(and ? {} : { boostTerm: (t: string) => weights.get(t) ?? 1 }),
      // Half the time the releases as a set (checked per release), the paragraphs by the filter.
      ...(inScope && n % 3 === 1
        ? { releases: inScope, filter: (_: string, paragraph: number) => !paragraphs || paragraphs.has(paragraph) }
        : { filter: keep }),
    });
    hits += actual.length;
    if (new Set(terms).size > 31) wide++;
    expect(actual.map((h) => [h.release, h.paragraph, h.text, h.score, [...h.queryTerms]])).toEqual(
      expected.map((h) => [h['release'], h['paragraph'], h['text'], h.score, h.queryTerms]),
    );
  }
  // Not vacuous: many hits, and queries past 31 distinct terms (a list per sentence instead of bits).
  expect(hits).toBeGreaterThan(10_000);
  expect(wide).toBeGreaterThan(0);
});
