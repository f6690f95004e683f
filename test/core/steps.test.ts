/**
 * Work in steps (core/steps.ts): the sorts and passes a reload runs in slices give what they gave
 * at once, and the event loop turns while they run.
 */
import fc from 'fast-check';
import { ask, createEngine, createEngineInSlices, diffKnowledge, loadKnowledge, toPlainText } from '../../src/core';
import { runSteps, runStepsInSlices, sortSteps } from '../../src/core/steps';
import { KNOWLEDGE_DIR } from './setup';

describe('sortSteps', () => {
  test('the order Array.prototype.sort gives, ties in their first order (stable), at every size', () => {
    fc.assert(
      fc.property(
        fc.array(fc.record({ key: fc.integer({ min: 0, max: 20 }), at: fc.nat() }), { maxLength: 1500 }),
        fc.integer({ min: 1, max: 64 }),
        (items, run) => {
          const compare = (a: { key: number }, b: { key: number }) => a.key - b.key;
          expect(runSteps(sortSteps(items, compare, run))).toEqual([...items].sort(compare));
        },
      ),
      { numRuns: 200 },
    );
  });

  test('with a collator, as the loader and the index sort names and dates', () => {
    const collator = new Intl.Collator();
    const names = Array.from({ length: 3000 }, (_, i) => `${['b', 'A', 'a', 'é', 'e', 'Z'][i % 6]}${(i * 7919) % 1000}.yaml`);
    const compare = (a: string, b: string) => collator.compare(a, b);
    expect(runSteps(sortSteps(names, compare))).toEqual([...names].sort(compare));
  });

  test('leaves its input as it was', () => {
    const items = [3, 1, 2];
    runSteps(sortSteps(items, (a, b) => a - b, 1));
    expect(items).toEqual([3, 1, 2]);
  });
});

describe('runStepsInSlices', () => {
  test('turns the event loop between slices: an immediate scheduled before it runs during it', async () => {
    let turns = 0;
    let done = false;
    const tick = (): void => {
      turns++;
      if (!done) setImmediate(tick);
    };
    setImmediate(tick);
    function* busy(): Generator<void, number, void> {
      // About 60 ms of work in steps of ~1 ms.
      for (let i = 0; i < 60; i++) {
        const until = performance.now() + 1;
        while (performance.now() < until);
        yield;
      }
      return 42;
    }
    expect(await runStepsInSlices(busy(), 5)).toBe(42);
    done = true;
    expect(turns).toBeGreaterThanOrEqual(5);
  });
});

describe('the index built in slices', () => {
  test('answers as the index built at once does, and the knowledge compares the same', async () => {
    const loaded = await loadKnowledge(KNOWLEDGE_DIR);
    if (!loaded.ok) throw new Error('the shipped knowledge does not load');
    const knowledge = loaded.knowledge;
    const [atOnce, inSlices] = [createEngine(knowledge), await createEngineInSlices(knowledge)];
    expect(inSlices.index.releasesNewestFirst.map((r) => r.id)).toEqual(atOnce.index.releasesNewestFirst.map((r) => r.id));
    for (const question of [
      'Who did the minister meet in Geneva?',
      'What did Nurtleu discuss with Daren Tang?',
      'When was the visit?',
      'Who is Volker Türk?',
    ]) {
      expect(toPlainText(ask(inSlices, question), knowledge)).toBe(toPlainText(ask(atOnce, question), knowledge));
    }
    expect(diffKnowledge(knowledge, knowledge).releasesAdded).toEqual([]);
  });
});
