import { KnowledgeStore, ask, diffKnowledge, whoMet } from '../../src/core';
import { ENTITIES_YAML, RELEASE_YAML, tempKnowledge, textOf, type TempKnowledge } from './setup';

/** A second, small release in the copy: the minister meets one new person in Bern. */
function addBernRelease(k: TempKnowledge): void {
  k.editYaml(ENTITIES_YAML, (d) => {
    d.entities.push(
      { id: 'bern', type: 'place', name: 'Bern', country: 'switzerland' },
      { id: 'keller-sutter', type: 'person', name: 'Karin Keller-Sutter', title: 'President of the Swiss Confederation', country: 'switzerland' },
    );
  });
  k.write(
    'releases/2024-03-01-bern.txt',
    'On 1 March, Murat Nurtleu met President of the Swiss Confederation Karin Keller-Sutter in Bern.\n\nThe parties discussed trade.\n',
  );
  k.write(
    'releases/2024-03-01-bern.yaml',
    [
      'release:',
      '  id: 2024-03-01-bern',
      '  title: Nurtleu in Bern',
      '  date: 2024-03-01',
      '  place: bern',
      '  principal: nurtleu',
      '  source: Press service of the MFA of Kazakhstan',
      '  text: 2024-03-01-bern.txt',
      'people:',
      '  - person: keller-sutter',
      '    sources: [{ paragraph: 1, quote: President of the Swiss Confederation Karin Keller-Sutter }]',
      'meetings:',
      '  - id: keller-sutter',
      '    with: [keller-sutter]',
      '    sources: [{ paragraph: 1, quote: Murat Nurtleu met President of the Swiss Confederation Karin Keller-Sutter in Bern }]',
      '    facts:',
      '      - kind: topic',
      '        label: Trade',
      '        sources: [{ paragraph: 2, quote: The parties discussed trade. }]',
      '',
    ].join('\n'),
  );
}

async function openStore(k: TempKnowledge): Promise<KnowledgeStore> {
  const opened = await KnowledgeStore.open(k.dir);
  if (!opened.ok) throw new Error(JSON.stringify(opened.errors));
  return opened.store;
}

describe('KnowledgeStore.open', () => {
  test('opens a valid folder with an engine that answers', async () => {
    const store = await openStore(await tempKnowledge());
    expect(whoMet(store.current()).people).toHaveLength(10);
  });

  test('fails with every error when the folder does not validate', async () => {
    const k = await tempKnowledge((k) => k.editYaml(RELEASE_YAML, (d) => (d.facts[1].actor = 'ghost')));
    const opened = await KnowledgeStore.open(k.dir);
    expect(opened).toEqual({ ok: false, errors: [expect.objectContaining({ file: RELEASE_YAML, path: 'facts[1].actor' })] });
  });
});

describe('KnowledgeStore.reload', () => {
  test('keeps the old engine, still answering, when the new knowledge does not load', async () => {
    const k = await tempKnowledge();
    const store = await openStore(k);
    const before = store.current();

    k.replace(RELEASE_YAML, 'quote: UN Secretary-General António Guterres', 'quote: UN Secretary-General Antonio Guterres');
    const result = await store.reload();

    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.errors).toEqual([expect.objectContaining({ file: RELEASE_YAML, message: expect.stringContaining('copy it exactly') })]);
    expect(store.current()).toBe(before);
    const answer = ask(store.current(), 'Who is the UN Secretary-General?');
    expect(answer.status).toBe('answered');
    expect(textOf(answer)).toContain('António Guterres');
  });

  test('keeps the old engine when the folder has gone', async () => {
    const k = await tempKnowledge();
    const store = await openStore(k);
    const before = store.current();
    k.remove('.');
    const result = await store.reload();
    expect(result.ok).toBe(false);
    expect(store.current()).toBe(before);
  });

  test('swaps in the new engine and reports what changed: a release and a person added', async () => {
    const k = await tempKnowledge();
    const store = await openStore(k);
    const before = store.current();
    const factsBefore = before.knowledge.facts.size;

    addBernRelease(k);
    const result = await store.reload();

    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.changes).toEqual({
      releasesAdded: ['2024-03-01-bern'],
      releasesRemoved: [],
      peopleAdded: ['Karin Keller-Sutter'],
      peopleRemoved: [],
      factsBefore,
      factsAfter: factsBefore + 1,
    });
    expect(store.current()).toBe(result.engine);
    expect(store.current()).not.toBe(before);
    expect(whoMet(store.current(), 'Keller-Sutter').people.map((p) => p.name)).toEqual(['Karin Keller-Sutter']);
    // The old engine is untouched: whoever still holds it answers from the old knowledge.
    expect(whoMet(before, 'Keller-Sutter').status).toBe('not_found');
  });

  test('reports a release and a person removed', async () => {
    const k = await tempKnowledge(addBernRelease);
    const store = await openStore(k);
    const factsBefore = store.current().knowledge.facts.size;
    k.remove('releases/2024-03-01-bern.yaml');
    k.remove('releases/2024-03-01-bern.txt');
    k.editYaml(ENTITIES_YAML, (d) => (d.entities = d.entities.filter((e: { id: string }) => e.id !== 'keller-sutter')));

    const result = await store.reload();
    expect(result.ok && result.changes).toEqual({
      releasesAdded: [],
      releasesRemoved: ['2024-03-01-bern'],
      peopleAdded: [],
      peopleRemoved: ['Karin Keller-Sutter'],
      factsBefore,
      factsAfter: factsBefore - 1,
    });
  });

  test('reports no change when nothing changed, yet builds a fresh engine', async () => {
    const k = await tempKnowledge();
    const store = await openStore(k);
    const before = store.current();
    const result = await store.reload();
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.changes).toMatchObject({ releasesAdded: [], releasesRemoved: [], peopleAdded: [], peopleRemoved: [] });
    expect(result.changes.factsAfter).toBe(result.changes.factsBefore);
    expect(store.current()).not.toBe(before);
  });

  test('calls made while a reload runs share one follow-up reload, which reads their edits', async () => {
    const k = await tempKnowledge();
    const store = await openStore(k);
    const first = store.reload(); // reads the folder as it is now
    addBernRelease(k); // an edit that first may already have missed
    const second = store.reload();
    const third = store.reload();
    expect(third).toBe(second);
    expect(second).not.toBe(first);
    const [a, b] = await Promise.all([first, second]);
    expect(a.ok && b.ok).toBe(true);
    expect(b.ok && b.engine).toBe(store.current());
    expect(store.current().knowledge.releases.has('2024-03-01-bern')).toBe(true);
  });

  test('a reload after the previous one settled reads the folder again', async () => {
    const k = await tempKnowledge();
    const store = await openStore(k);
    const first = store.reload();
    await first;
    addBernRelease(k);
    const second = store.reload();
    expect(second).not.toBe(first);
    const result = await second;
    expect(result.ok && result.changes.releasesAdded).toEqual(['2024-03-01-bern']);
  });
});

describe('diffKnowledge', () => {
  test('compares two snapshots by release ids and person names', async () => {
    const k = await tempKnowledge();
    const store = await openStore(k);
    const before = store.current().knowledge;
    expect(diffKnowledge(before, before)).toEqual({
      releasesAdded: [],
      releasesRemoved: [],
      peopleAdded: [],
      peopleRemoved: [],
      factsBefore: before.facts.size,
      factsAfter: before.facts.size,
    });
  });
});
