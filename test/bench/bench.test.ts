/**
 * The benchmark's parts, without timing anything: the generator writes knowledge
 * that loads, the same seed gives the same corpus, the run's JSON has the contract's
 * keys, and answers are scored the way ../shared/eval/score.mjs scores them.
 */
import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { formatErrors, loadKnowledge, type Knowledge } from '../../src/core';
import { generateCorpus, writeCorpus } from '../../src/bench/generate';
import { mulberry32 } from '../../src/bench/random';
import { MIX, partialsFor, questionsFor } from '../../src/bench/questions';
import { runBench } from '../../src/bench/run';
import { isRight, norm } from '../../src/bench/score';
import { table } from '../../src/bench/main';

const SHIPPED = path.resolve(__dirname, '..', '..', 'knowledge');
const cleanups: string[] = [];
afterAll(async () => {
  for (const dir of cleanups) await fs.rm(dir, { recursive: true, force: true });
});

async function scratch(): Promise<string> {
  const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'attache-bench-test-'));
  cleanups.push(dir);
  return dir;
}

async function loadOrThrow(dir: string): Promise<Knowledge> {
  const loaded = await loadKnowledge(dir);
  if (!loaded.ok) throw new Error(formatErrors(loaded.errors).join('\n'));
  return loaded.knowledge;
}

describe('mulberry32', () => {
  it('repeats its sequence for a seed and differs across seeds', () => {
    const draw = (seed: number) => Array.from({ length: 5 }, mulberry32(seed));
    expect(draw(7)).toEqual(draw(7));
    expect(draw(7)).not.toEqual(draw(8));
    expect(draw(7).every((x) => x >= 0 && x < 1)).toBe(true);
  });
});

describe('generateCorpus', () => {
  it('writes releases that the real loader accepts with no errors', async () => {
    const dir = await scratch();
    const corpus = generateCorpus({ seed: 42, releases: 12 });
    await writeCorpus(corpus, dir);
    const k = await loadOrThrow(dir);
    expect(k.releases.size).toBe(12);
    expect(corpus.curated).toBeGreaterThan(0);
    for (const r of k.releases.values()) {
      // One paragraph when the text has no blank lines; up to a title, a byline and 15 more.
      expect(r.paragraphs.length).toBeGreaterThanOrEqual(1);
      expect(r.paragraphs.length).toBeLessThanOrEqual(18);
      expect(r.principal && k.entities.get(r.principal)?.type).toBe('person');
      expect(r.place && k.entities.get(r.place)?.type).toBe('place');
    }
    for (const r of [...k.releases.values()].filter((x) => x.curated)) {
      const met = new Set([...k.meetings.values()].filter((m) => m.release === r.id).flatMap((m) => m.with));
      expect(met.size).toBeLessThanOrEqual(8);
      for (const id of met) expect(k.entities.get(id)?.title).toBeTruthy();
    }
    expect([...k.entities.values()].filter((e) => e.type === 'person').every((e) => e.aliases.length > 0)).toBe(true);
  });

  it('writes releases in the shapes agencies use, curated fully, thinly or not at all', async () => {
    const dir = await scratch();
    const corpus = generateCorpus({ seed: 11, releases: 60 });
    await writeCorpus(corpus, dir);
    const k = await loadOrThrow(dir);
    expect(Object.values(corpus.shapes).every((count) => count > 0)).toBe(true);
    expect(corpus.thin).toBeGreaterThan(0);
    expect(corpus.curated).toBeLessThan(60);
    const texts = await Promise.all([...k.releases.values()].map((r) => fs.readFile(path.join(dir, r.file), 'utf8')));
    const all = texts.join('\n');
    expect(all).toMatch(/^[A-Z]+, [A-Z][a-z]+ \d+ \([^)]+\) – /m); // "CITY, Month 21 (Agency) –"
    expect(all).toMatch(/^[A-Z]+\. [A-Z ]+ – /m); // "CITY. AGENCY –"
    expect(all).toMatch(/\breceived\b/);
    expect(all).toMatch(/\bmet with the .+ and the /s);
    expect(all).toMatch(/Also present at the meeting was/);
    expect(all).toMatch(/foreign ministers of \p{Lu}\p{L}+ \p{Lu}/u);
    expect(all).toMatch(/^\d{1,2} [A-Z][a-z]+ 20\d\d, \d\d:\d\d$/m); // a byline's time of filing
    expect(texts.some((t) => /\S\n\S/.test(t))).toBe(true); // hard-wrapped lines
    expect([...k.releases.values()].some((r) => r.paragraphs.length === 1)).toBe(true); // no blank lines at all
    // Thinly curated: the people named, no meetings.
    const withMeetings = new Set([...k.meetings.values()].map((m) => m.release));
    expect([...k.releases.values()].some((r) => r.curated && !withMeetings.has(r.id))).toBe(true);
  });

  it('is deterministic for a seed', () => {
    const a = generateCorpus({ seed: 42, releases: 6 });
    const b = generateCorpus({ seed: 42, releases: 6 });
    const c = generateCorpus({ seed: 43, releases: 6 });
    expect([...a.files]).toEqual([...b.files]);
    expect([...a.files]).not.toEqual([...c.files]);
  });

  it('loads together with the shipped knowledge when its ids are reserved', async () => {
    const dir = path.join(await scratch(), 'knowledge');
    await fs.cp(SHIPPED, dir, { recursive: true });
    const shipped = await loadOrThrow(SHIPPED);
    await writeCorpus(generateCorpus({ seed: 1, releases: 9, reservedIds: new Set([...shipped.entities.keys(), ...shipped.releases.keys()]) }), dir);
    const k = await loadOrThrow(dir);
    expect(k.releases.size).toBe(shipped.releases.size + 9);
  });
});

describe('questionsFor and partialsFor', () => {
  it('draw the same fixed mix for a seed, with every kind and some typos', async () => {
    const dir = await scratch();
    await writeCorpus(generateCorpus({ seed: 5, releases: 8 }), dir);
    const k = await loadOrThrow(dir);
    const qs = questionsFor(k, 9, 100);
    expect(qs).toEqual(questionsFor(k, 9, 100));
    expect(qs).toHaveLength(100);
    for (const [kind, share] of Object.entries(MIX)) expect(qs.filter((q) => q.kind === kind)).toHaveLength(Math.round(share * 100));
    expect(qs.some((q) => q.typo)).toBe(true);
    expect(partialsFor(k, 9, 50)).toEqual(partialsFor(k, 9, 50));
  });
});

describe('runBench', () => {
  it('returns the contract: {"sizes":[{releases, facts, build_ms, …, heap_mb}], "accuracy":{engine, baseline}}', async () => {
    const evalFile = path.join(await scratch(), 'eval.jsonl');
    await fs.writeFile(
      evalFile,
      `${JSON.stringify({ q: 'Who did the minister meet in Geneva?', must: [['Guterres']] })}\n${JSON.stringify({ q: 'zzzz qqqq', abstain: true })}\n`,
    );
    const { result, details } = await runBench({
      seed: 3,
      sizes: [1, 4],
      questions: 8,
      partials: 8,
      rounds: 1,
      builds: 1,
      baselineQuestions: () => 3,
      knowledgeDir: SHIPPED,
      evalFile,
      log: () => undefined,
    });
    const json = JSON.parse(JSON.stringify(result));
    expect(Object.keys(json)).toEqual(['sizes', 'accuracy']);
    expect(json.sizes.map((s: { releases: number }) => s.releases)).toEqual([1, 4]);
    for (const size of json.sizes) {
      // The contract's keys first, in order; then the reload's (added fields are allowed).
      expect(Object.keys(size)).toEqual([
        'releases',
        'facts',
        'build_ms',
        'ask_p50_ms',
        'ask_p99_ms',
        'autocomplete_p50_ms',
        'autocomplete_p99_ms',
        'baseline_ask_p99_ms',
        'heap_mb',
        'reload_max_stall_ms',
        'reload_ask_p99_ms',
      ]);
      for (const value of Object.values(size)) expect(typeof value).toBe('number');
    }
    expect(Object.keys(json.accuracy)).toEqual(['engine', 'baseline']);
    expect(json.accuracy.engine).toBeGreaterThanOrEqual(0);
    expect(json.accuracy.engine).toBeLessThanOrEqual(1);
    expect(details[1]!.baseline_questions).toBe(3);
    expect(details[1]!.reload!.turns).toBeGreaterThan(0);
    expect(json.sizes[1].reload_max_stall_ms).toBeGreaterThanOrEqual(0);
    expect(table(result, details)).toMatch(/^releases +facts +build ms/);
  }, 60000);

  it('reports accuracy as null, not a guess, when the question set is missing', async () => {
    const { result } = await runBench({
      seed: 3,
      sizes: [1],
      questions: 4,
      partials: 4,
      rounds: 1,
      builds: 1,
      baselineQuestions: () => 2,
      knowledgeDir: SHIPPED,
      evalFile: path.join(os.tmpdir(), 'no-such-dir', 'dev.jsonl'),
      reload: () => false,
      log: () => undefined,
    });
    expect(result.accuracy).toEqual({ engine: null, baseline: null });
    expect(result.sizes[0]).not.toHaveProperty('reload_max_stall_ms');
  }, 60000);
});

describe('isRight (as score.mjs scores)', () => {
  const answered = (answer: string) => ({ status: 'answered' as const, answer });
  it('wants not_found for an abstain item', () => {
    expect(isRight({ q: 'x', abstain: true }, { status: 'not_found', answer: 'Sorry' })).toBe(true);
    expect(isRight({ q: 'x', abstain: true }, answered('Tedros'))).toBe(false);
  });
  it('wants one alternative of every must group, none of mustNot, accents and case ignored', () => {
    const item = { q: 'x', must: [['Türk', 'Turk'], ['Human Rights Council']], mustNot: ['WIPO'] };
    expect(isRight(item, answered('Volker TURK … the human  rights council'))).toBe(true);
    expect(isRight(item, answered('Volker Türk'))).toBe(false);
    expect(isRight(item, answered('Türk, Human Rights Council, WIPO'))).toBe(false);
    expect(isRight(item, { status: 'not_found', answer: 'Türk Human Rights Council' })).toBe(false);
    expect(isRight({ q: 'x', must: [['a']] }, answered(`a${' '.repeat(4000)}`))).toBe(false);
  });
  it('normalizes like the eval script: NFKD without marks, curly apostrophes, lower case, one space', () => {
    expect(norm('Organization’s  RÉSUMÉ\n')).toBe("organization's resume ");
  });
});
