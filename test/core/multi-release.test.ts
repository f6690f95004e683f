/**
 * Many releases side by side (issue 4): answers span them, say which release they
 * come from, narrow to the date, city or visitor a question names; a release with
 * text but no curated facts is answered from its sentences; and a reload of a large
 * archive leaves the old knowledge answering until the new one is ready.
 */
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { ask, createEngine, createEngineInSlices, KnowledgeStore, loadKnowledge, toPlainText, whoMet, type Engine } from '../../src/core';
import { generateCorpus, writeCorpus } from '../../src/bench/generate';
import { tempKnowledge } from './setup';

const NEW_YORK_TXT = `Minister of Foreign Affairs of Kazakhstan Murat Nurtleu met UN Secretary-General António Guterres in New York.

The parties discussed water security in Central Asia and the preparations for the One Water Summit.`;

const NEW_YORK_YAML = `
entities:
  - id: new-york
    type: place
    name: New York
    aliases: [NYC, Нью-Йорк]
release:
  id: 2024-06-10-new-york
  title: Kazakh Foreign Minister meets the UN Secretary-General in New York
  date: 2024-06-10
  place: new-york
  principal: nurtleu
  source: Press service of the Ministry of Foreign Affairs of the Republic of Kazakhstan
  text: 2024-06-10-new-york.txt
people:
  - person: guterres
    sources: [{ paragraph: 1, quote: "UN Secretary-General António Guterres" }]
meetings:
  - id: guterres
    with: [guterres]
    sources: [{ paragraph: 1, quote: "met UN Secretary-General António Guterres in New York" }]
    facts:
      - kind: topic
        label: Water security in Central Asia and the preparations for the One Water Summit
        sources: [{ paragraph: 2, quote: "The parties discussed water security in Central Asia and the preparations for the One Water Summit." }]
`;

// A release a moderator has added but not curated yet: metadata and text only.
const ASTANA_TXT = `Deputy Minister of Foreign Affairs received a delegation of glacier researchers in Astana.

The sides agreed to establish a permanent monitoring station for mountain glaciers near Almaty.`;

const ASTANA_YAML = `
release:
  id: 2024-09-05-astana
  title: Glacier researchers received at the Ministry
  date: 2024-09-05
  source: Press service of the Ministry of Foreign Affairs of the Republic of Kazakhstan
  text: 2024-09-05-astana.txt
`;

async function archiveEngine(): Promise<Engine> {
  const k = await tempKnowledge((t) => {
    t.write('releases/2024-06-10-new-york.txt', NEW_YORK_TXT);
    t.write('releases/2024-06-10-new-york.yaml', NEW_YORK_YAML);
    t.write('releases/2024-09-05-astana.txt', ASTANA_TXT);
    t.write('releases/2024-09-05-astana.yaml', ASTANA_YAML);
  });
  const loaded = await loadKnowledge(k.dir);
  if (!loaded.ok) throw new Error(JSON.stringify(loaded.errors));
  return createEngine(loaded.knowledge);
}

describe('answering across several releases', () => {
  let engine: Engine;
  beforeAll(async () => {
    engine = await archiveEngine();
  });

  test('whoMet lists a counterpart met on two visits once per visit, with the date and place of each', () => {
    const answer = whoMet(engine);
    const guterres = answer.items.filter((item) => item.includes('Guterres'));
    expect(guterres).toHaveLength(2);
    expect(guterres.join('\n')).toMatch(/28 February 2024, Geneva/);
    expect(guterres.join('\n')).toMatch(/10 June 2024, New York/);
    expect(
      answer.people
        .filter((p) => p.name === 'António Guterres')
        .map((p) => p.release)
        .sort(),
    ).toEqual(['2024-02-28-geneva', '2024-06-10-new-york']);
  });

  test('a question that names a month narrows to the release of that month', () => {
    const june = ask(engine, 'What did Nurtleu discuss with Guterres in June 2024?');
    expect(june.status).toBe('answered');
    expect(june.items.join(' ')).toContain('Water security');
    expect(june.items.join(' ')).not.toContain('Almaty');
    expect(new Set(june.sources.map((s) => s.release))).toEqual(new Set(['2024-06-10-new-york']));

    const february = ask(engine, 'What did Nurtleu discuss with Guterres in February 2024?');
    expect(february.items.join(' ')).toContain('Regional Hub');
    expect(february.items.join(' ')).not.toContain('Water security');
  });

  test('a question that names a host city narrows to the visit there', () => {
    const answer = ask(engine, 'Who did the minister meet in New York?');
    expect(answer.status).toBe('answered');
    expect(answer.items).toHaveLength(1);
    expect(answer.items[0]).toContain('Guterres');
    const geneva = ask(engine, 'Who did the minister meet in Geneva?');
    expect(geneva.items).toHaveLength(10);
  });

  test('the answer says which release it comes from: title and date', () => {
    const text = toPlainText(ask(engine, 'What did Nurtleu discuss with Guterres in June 2024?'), engine.knowledge);
    expect(text).toContain('Kazakh Foreign Minister meets the UN Secretary-General in New York, 10 June 2024');
  });

  test('a date no release and no fact has is honest silence', () => {
    expect(ask(engine, 'What did he discuss in March 2021?').status).toBe('not_found');
  });

  test('a release with text but no curated facts is answered sentence by sentence, with its citation', () => {
    const answer = ask(engine, 'Was a glacier monitoring station agreed?');
    expect(answer.status).toBe('answered');
    expect(answer.sources[0]).toEqual({
      release: '2024-09-05-astana',
      paragraph: 2,
      quote: 'The sides agreed to establish a permanent monitoring station for mountain glaciers near Almaty.',
    });
  });
});

describe('reloading a large archive', () => {
  test('questions asked while a thousand-release-scale reload runs are answered from the old knowledge, then from the new', async () => {
    const k = await tempKnowledge();
    const opened = await KnowledgeStore.open(k.dir);
    if (!opened.ok) throw new Error('shipped knowledge does not load');
    const store = opened.store;
    const shipped = store.current().knowledge;
    const corpus = generateCorpus({ seed: 7, releases: 300, reservedIds: new Set([...shipped.entities.keys(), ...shipped.releases.keys()]) });
    await writeCorpus(corpus, k.dir);

    // Ask on every turn of the event loop while the reload runs. If the build held the
    // event loop for its whole duration, no question could be answered until it ended.
    const during: number[] = [];
    let reloading = true;
    const asking = (async () => {
      while (reloading) {
        const engine = store.current();
        const answer = ask(engine, 'Who is the WIPO Director General?');
        expect(answer.summary).toContain('Daren Tang');
        during.push(engine.knowledge.releases.size);
        await new Promise<void>((resolve) => setImmediate(resolve));
      }
    })();
    const result = await store.reload();
    reloading = false;
    await asking;

    expect(result.ok).toBe(true);
    expect(during.filter((size) => size === 1).length).toBeGreaterThan(10); // answered from the old knowledge meanwhile
    expect(store.current().knowledge.releases.size).toBe(301);
    expect(ask(store.current(), 'Who is the WIPO Director General?').summary).toContain('Daren Tang');
    await fs.rm(path.join(k.dir, 'releases'), { recursive: true, force: true });
  }, 60_000);

  test('the index of a large archive is built in slices: the event loop runs between them', async () => {
    const k = await tempKnowledge();
    const shipped = (await loadKnowledge(k.dir)) as { ok: true; knowledge: Engine['knowledge'] };
    await writeCorpus(
      generateCorpus({ seed: 11, releases: 300, reservedIds: new Set([...shipped.knowledge.entities.keys(), ...shipped.knowledge.releases.keys()]) }),
      k.dir,
    );
    const loaded = await loadKnowledge(k.dir);
    if (!loaded.ok) throw new Error(JSON.stringify(loaded.errors.slice(0, 3)));

    let turns = 0;
    let building = true;
    const counting = (async () => {
      while (building) {
        turns++;
        await new Promise<void>((resolve) => setImmediate(resolve));
      }
    })();
    const engine = await createEngineInSlices(loaded.knowledge);
    building = false;
    await counting;
    // A build in one piece would give the loop no turn at all until it ended.
    expect(turns).toBeGreaterThan(3);
    expect(engine.knowledge.releases.size).toBe(301);
  }, 60_000);
});

/** The shipped knowledge and one more release (text and metadata, uncurated), as an engine. */
async function engineWithRelease(id: string, text: string, yaml: string): Promise<Engine> {
  const k = await tempKnowledge((t) => {
    t.write(`releases/${id}.txt`, text);
    t.write(`releases/${id}.yaml`, yaml);
  });
  const loaded = await loadKnowledge(k.dir);
  if (!loaded.ok) throw new Error(JSON.stringify(loaded.errors));
  return createEngine(loaded.knowledge);
}

describe('a figure of the year asked', () => {
  const PRAGUE_TXT = `Deputy Minister of Foreign Affairs of Kazakhstan met a delegation of Czech senators in Prague.

The sides noted that trade between Kazakhstan and the Czech Republic reached 512 million US dollars in 2024.

The parties also discussed cooperation in mechanical engineering.`;
  const PRAGUE_YAML = `
release:
  id: 2025-06-03-prague
  title: Kazakh Deputy Foreign Minister meets Czech senators
  date: 2025-06-03
  source: Press service of the Ministry of Foreign Affairs of the Republic of Kazakhstan
  text: 2025-06-03-prague.txt
`;
  let engine: Engine;
  beforeAll(async () => {
    engine = await engineWithRelease('2025-06-03-prague', PRAGUE_TXT, PRAGUE_YAML);
  });

  test('the year the figure is of answers', () => {
    expect(
      ask(engine, 'What was Kazakh-Czech trade in 2024?')
        .sources.map((s) => s.quote)
        .join(' '),
    ).toContain('512 million');
  });

  test.each(['What was Kazakh-Czech trade in the first half of 2025?', 'How much trade with the Czech Republic in 2025?'])(
    '%s — a figure of another year is not the one asked',
    (question) => {
      const answer = ask(engine, question);
      expect(answer.status).toBe('not_found');
      expect(answer.sources.map((s) => s.quote).join(' ')).not.toContain('512 million');
    },
  );

  test('a word asked about which is a figure word with two letters swapped is still that word', () => {
    const answer = ask(engine, 'whats the trade turnvoer with the czech republic');
    expect(answer.sources.map((s) => s.quote).join(' ')).toContain('512 million');
  });
});

describe('a count of the thing asked', () => {
  let engine: Engine;
  beforeAll(async () => {
    engine = await engineWithRelease(
      '2025-04-01-islamabad',
      'The Ambassador of Kazakhstan met the Minister of Commerce of Pakistan in Islamabad.\n\nKazakhstan exported about 150,000 tonnes of wheat to Pakistan last year, while Pakistan supplies rice and citrus fruits to Kazakhstan.\n',
      'release:\n  id: 2025-04-01-islamabad\n  title: Kazakh Ambassador meets the Commerce Minister of Pakistan\n  date: 2025-04-01\n  source: Press service of the Ministry of Foreign Affairs of the Republic of Kazakhstan\n  text: 2025-04-01-islamabad.txt\n',
    );
  });

  test('"how many tonnes of wheat" is answered by the tonnes of wheat', () => {
    expect(
      ask(engine, 'How many tonnes of wheat did Kazakhstan export to Pakistan?')
        .sources.map((s) => s.quote)
        .join(' '),
    ).toContain('150,000');
  });

  test('"how many tonnes of rice" is not answered by the tonnes of wheat', () => {
    expect(ask(engine, 'How many tonnes of rice does Pakistan export to Kazakhstan a year?').status).toBe('not_found');
  });
});
