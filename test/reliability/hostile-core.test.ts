/**
 * Hostile input, core level (issue 5, item 2): ask, whoMet, topics and suggest over the shipped
 * knowledge, fed whatever a user can type (see hostile-input.ts). None throws; every status is one
 * of the two; every answered answer rests on quotes found word for word in their paragraph; suggest
 * stays within autocomplete's limits; and the calls are cheap on average (a loose, whole-run
 * measure — not a per-call timing assertion).
 */
import fc from 'fast-check';
import { ask, suggest, topics, whoMet, type Answer, type Engine, type Lang } from '../../src/core';
import { loadKnowledge, createEngine } from '../../src/core';
import { DEFAULT_KNOWLEDGE_DIR } from '../../src/app/paths';
import { SEED, hostileText, wall } from './hostile-input';

fc.configureGlobal({ seed: SEED, numRuns: 1000 });

/** Inputs per property; the test names carry them, so the run reports how much was fuzzed. */
const RUNS = { ask: 1500, whoMet: 800, topics: 800, suggest: 1500 } as const;
/** Loose: the average over the whole run, machine noise and 6,000-character walls included. */
const AVERAGE_MS = 5;

/** A bug found and not fixed yet (the lead fixes src/core): passes while the bug is there. */

let engine: Engine;
beforeAll(async () => {
  const loaded = await loadKnowledge(DEFAULT_KNOWLEDGE_DIR);
  if (!loaded.ok) throw new Error('the shipped knowledge does not load');
  engine = createEngine(loaded.knowledge);
});

const lang = fc.constantFrom<Lang>('en', 'ru');

/** The contract of every Answer; throws (failing the property) with what is wrong. */
function checkAnswer(a: Answer): void {
  expect(['answered', 'not_found']).toContain(a.status);
  expect(['en', 'ru']).toContain(a.lang);
  expect(typeof a.summary).toBe('string');
  expect(a.summary.trim().length).toBeGreaterThan(0);
  expect(Array.isArray(a.items) && a.items.every((i) => typeof i === 'string')).toBe(true);
  if (a.status === 'not_found') {
    expect(a.sources).toEqual([]);
    return;
  }
  expect(a.sources.length).toBeGreaterThanOrEqual(1);
  for (const s of a.sources) {
    const paragraph = engine.knowledge.releases.get(s.release)?.paragraphs[s.paragraph - 1];
    expect({ source: s, verbatim: s.quote.length > 0 && (paragraph?.includes(s.quote) ?? false) }).toEqual({ source: s, verbatim: true });
  }
}

/** Runs a property and returns the average time of `timed` per run. */
function timedProperty<T>(arb: fc.Arbitrary<T>, numRuns: number, timed: (x: T) => void): number {
  let ms = 0;
  let runs = 0;
  fc.assert(
    fc.property(arb, (x) => {
      const t = performance.now();
      try {
        timed(x);
      } finally {
        ms += performance.now() - t;
        runs++;
      }
    }),
    { numRuns },
  );
  return ms / runs;
}

test(`ask: ${RUNS.ask} hostile questions — never throws, a valid status, verbatim sources, ${AVERAGE_MS} ms on average`, () => {
  const average = timedProperty(hostileText, RUNS.ask, (q) => checkAnswer(ask(engine, q)));
  expect(average).toBeLessThan(AVERAGE_MS);
});

test(`whoMet: ${RUNS.whoMet} hostile names in either language — never throws, a valid status, verbatim sources, people listed`, () => {
  // Raw, as the CLI passes them; the Discord adapter first cuts them to 100 (see the known failure below).
  const average = timedProperty(
    fc.tuple(
      hostileText.map((s) => s.slice(0, 500)),
      lang,
    ),
    RUNS.whoMet,
    ([name, l]) => {
      const a = whoMet(engine, name, l);
      checkAnswer(a);
      expect(a.lang).toBe(l);
      expect(a.people.length).toBe(a.status === 'answered' ? a.items.length : 0);
    },
  );
  expect(average).toBeLessThan(AVERAGE_MS);
});

test(`topics: ${RUNS.topics} hostile counterparts in either language — never throws, a valid status, verbatim sources`, () => {
  const average = timedProperty(
    fc.tuple(
      hostileText.map((s) => s.slice(0, 500)),
      lang,
    ),
    RUNS.topics,
    ([name, l]) => {
      const a = topics(engine, name, l);
      checkAnswer(a);
      expect(a.lang).toBe(l);
    },
  );
  expect(average).toBeLessThan(AVERAGE_MS);
});

test(`suggest: ${RUNS.suggest} hostile partial names — at most 25 choices, labels and values 1–100 characters`, () => {
  const average = timedProperty(hostileText, RUNS.suggest, (typed) => {
    const choices = suggest(engine, typed);
    expect(choices.length).toBeLessThanOrEqual(25);
    for (const c of choices) {
      expect(c.value.length).toBeGreaterThanOrEqual(1);
      expect(c.value.length).toBeLessThanOrEqual(100);
      expect(c.label.trim().length).toBeGreaterThanOrEqual(1);
      expect(c.label.length).toBeLessThanOrEqual(100);
    }
  });
  expect(average).toBeLessThan(AVERAGE_MS);
});

test('6,000-character walls of every kind: ask answers each fast (the core reads only the first 500 characters)', () => {
  for (const seed of ['@everyone ', 'Guterres ', 'who did he meet WHO Tedros ', 'a', '👨‍👩‍👧‍👦', '```', 'Februaryminister ']) {
    const t = performance.now();
    checkAnswer(ask(engine, wall(seed, 6000)));
    const ms = performance.now() - t;
    expect({ seed, ms, fast: ms < 1000 }).toEqual({ seed, ms, fast: true });
  }
});

// Found by this file (fixed): whoMet and topics did not bound the name as ask bounds the question, so a
// long name cost time in proportion (~1.8 s for this one). Names are now cut to MAX_NAME_LENGTH.
test('whoMet and topics bound a 6,000-character name like ask bounds a question (well under 250 ms each)', () => {
  const name = wall('Februaryminister ', 6000);
  whoMet(engine, 'warm-up');
  let t = performance.now();
  checkAnswer(whoMet(engine, name));
  const whoMetMs = performance.now() - t;
  t = performance.now();
  checkAnswer(topics(engine, name));
  const topicsMs = performance.now() - t;
  expect({ whoMetMs, topicsMs, fast: Math.max(whoMetMs, topicsMs) < 250 }).toEqual({ whoMetMs, topicsMs, fast: true });
});
