/**
 * Kinds of question added while tuning `ask` on unseen phrasings: visits, roles, the WHO/who
 * ambiguity, a person's organization or country, and counts with a word the release lacks.
 */
import { ask, createEngine, loadKnowledge, type Engine } from '../../src/core';
import { read } from '../../src/core/read/read';
import { expectSourcesVerbatim, shippedEngine, tempKnowledge, textOf } from './setup';

let engine: Engine;
beforeAll(async () => {
  engine = await shippedEngine();
});

describe('did-he-visit questions', () => {
  test('a reported visit of that person to that place is a yes, quoted', () => {
    const answer = ask(engine, 'Did Tedros ever visit Kazakhstan?');
    expect(answer.status).toBe('answered');
    expect(answer.summary).toMatch(/^Yes/);
    expect(textOf(answer)).toContain('October 2023');
    expectSourcesVerbatim(answer, engine.knowledge);
  });

  test('a visit to a city is a visit to its country', () => {
    expect(ask(engine, 'Did the minister travel to Switzerland?').summary).toMatch(/^Yes.*Geneva/);
  });

  test('a fact that only names the place is not a visit: the release is silent', () => {
    expect(ask(engine, 'Did the minister visit Almaty?').status).toBe('not_found');
    expect(ask(engine, 'Did Guterres visit Kazakhstan?').status).toBe('not_found');
  });
});

describe('roles', () => {
  test.each([
    ['Who is the prime minister of Albania?', 'Hasani'],
    ['Did Nurtleu meet the king of Saudi Arabia?', 'Faisal'],
    ['Who is the ambassador of Vietnam?', 'Bui Thanh Son'],
    // A portfolio is part of the role: the Swiss foreign minister is no trade minister.
    ['What is the name of the Swiss trade minister in Geneva?', 'Cassis'],
    // Of no country, asked for by name: nobody in Geneva is a prime minister (Nurtleu is a deputy one).
    ["What's the name of the PM who met Nurtleu in Geneva?", 'Nurtleu'],
  ])('%s — a role nobody there holds is not answered with someone else', (question, nearMiss) => {
    const answer = ask(engine, question);
    expect(answer.status).toBe('not_found');
    expect(answer.summary).not.toContain(nearMiss);
  });

  test('a statement put for confirmation with a role nobody there holds is corrected by whom the release does name', () => {
    const corrected = ask(engine, 'Nurtleu was received by the Swiss president in Geneva, right?');
    expect(corrected.status).toBe('answered');
    expect(corrected.summary).toMatch(/^No: the release names no president of Switzerland/);
    expect(textOf(corrected)).toContain('Cassis');
    // Asked whether, not told: a meeting the release does not report is not denied.
    expect(ask(engine, 'Did Nurtleu meet the Swiss president?').status).toBe('not_found');
  });

  test("a title's shorthand is the role: a foreign secretary is a foreign minister", async () => {
    const k = await tempKnowledge((t) =>
      t.editYaml('entities.yaml', (d) => {
        const cassis = d.entities.find((e: { id: string }) => e.id === 'cassis');
        cassis.title = 'Swiss Foreign Secretary';
      }),
    );
    const loaded = await loadKnowledge(k.dir);
    if (!loaded.ok) throw new Error('fixture does not load');
    expect(ask(createEngine(loaded.knowledge), 'Who is the Swiss foreign minister?').summary).toContain('Cassis');
  });

  test('a typo of a role is the role, a word the lexicon knows as another is not ("sectors" is no "rectors")', () => {
    expect(read('who is the rectr of the university?', engine.index).roleWords).toEqual(['rector']);
    expect(read('which sectors did they discuss?', engine.index).roleWords).toEqual([]);
  });

  test('a name run together with its number is the name ("hrc55", as chat writes it)', () => {
    const frame = read('what did he say at hrc55?', engine.index);
    expect(frame.links.map((l) => l.entity)).toContain('human-rights-council');
    expect(frame.unknownWords).toEqual([]);
  });

  test('an adjective of a word the releases use is that word, not a word no release says ("the ministerial")', () => {
    const frame = read('who was at the ministerial in geneva?', engine.index);
    expect(frame.unknownWords).toEqual([]);
    expect(frame.terms).toEqual(['minist']); // the stem of "ministers"
    expect(read('who was at the zorblatial in geneva?', engine.index).unknownWords).toEqual(['zorblatial']);
  });

  test('a role the person does hold is answered', () => {
    expect(ask(engine, 'Who is the President of Kazakhstan?').summary).toContain('Tokayev');
    expect(ask(engine, 'Who is the deputy prime minister?').summary).toContain('Nurtleu');
  });
});

describe('"WHO" the organization and "who" the question word', () => {
  test('"who heads the UN" asks about the UN, not about the WHO head', () => {
    const answer = ask(engine, 'Who heads the UN?');
    expect(textOf(answer)).toContain('Guterres');
    expect(textOf(answer)).not.toContain('Tedros');
  });

  test.each(['WHO boss', 'who boss', 'head of who', 'the who director general'])('%s finds Tedros', (question) => {
    expect(ask(engine, question).summary).toContain('Tedros');
  });
});

describe("a person's organization or country", () => {
  test.each([
    ['Which organization does Tedros lead?', 'WHO'],
    ['Which country is Ignazio Cassis from?', 'Switzerland'],
    ['What country does Retno Marsudi represent?', 'Indonesia'],
  ])('%s', (question, expected) => {
    const answer = ask(engine, question);
    expect(answer.status).toBe('answered');
    expect(answer.summary).toContain(expected);
  });
});

describe('counting', () => {
  test('a count with a word the release never uses is not a count of the people met', () => {
    expect(ask(engine, 'How many people live in Almaty?').status).toBe('not_found');
  });

  test('the countries named in the release', () => {
    const answer = ask(engine, 'Which countries were represented?');
    expect(answer.items).toEqual(expect.arrayContaining(['Indonesia', 'Vietnam', 'Saudi Arabia', 'Switzerland', 'Albania', 'Georgia']));
  });
});

describe('a period of the year, and "how much" put last', () => {
  test.each([
    ['kz-japan trade jan-sep, how much?', 'nine months', 'count'],
    ['what was trade in january–august 2024?', 'eight months', 'what'],
    ['roughly how many companies came in the first half?', 'first half', 'count'],
    // (A range of months however each is written: the lexicon lists "january–june" and "jan-jun".)
    ['kz-uz trade jan–june, how much?', 'first half', 'count'],
    ['what was trade in jan-july?', 'seven months', 'what'],
  ])('%s', (question, period, ask) => {
    const frame = read(question, engine.index);
    expect(frame.period).toBe(period);
    expect(frame.ask).toBe(ask);
    // (The months of a period are no dates of their own; a year beside them is.)
    expect(frame.dates.filter((d) => d.month)).toEqual([]);
    expect(frame.terms).not.toContain('jan');
  });

  test('"per the geneva fm talks", "the tashkent mtg": the talks and the meeting, not a minister of Geneva', () => {
    const frame = read('kz–swiss trade jan–july 2025, per the geneva fm talks?', engine.index);
    expect(frame.roles).toEqual([]);
    expect(read('trade jan–june 2023? (tashkent july mtg)', engine.index).unknownWords).not.toContain('mtg');
  });

  test('a year beside a period stays the question’s date', () => {
    expect(read('kz-japan trade jan-sep 2024, how much?', engine.index).dates.map((d) => d.year)).toEqual([2024]);
  });
});

describe('typos in the question words, not only in names', () => {
  test.each([
    ['whoo did nurtleu meat in geneva', 'Darchiashvili'],
    ['Did he meat Tedros?', 'Yes'],
  ])('%s', (question, expected) => {
    const answer = ask(engine, question);
    expect(answer.status).toBe('answered');
    expect(textOf(answer)).toContain(expected);
  });
});

describe('shortened long names', () => {
  test('"shanghai summit" is the SCO summit, not the city of Shanghai', () => {
    const answer = ask(engine, 'shanghai summit july');
    expect(answer.status).toBe('answered');
    expect(textOf(answer)).toContain('Shanghai Cooperation Organization');
  });

  test('Shanghai the city, alone, is still not in the release', () => {
    expect(ask(engine, 'Did he visit Shanghai?').status).toBe('not_found');
  });
});

describe('chat-style questions', () => {
  test.each([
    ['un sec gen', 'Guterres'],
    ['what did he discuss w/ tedros', 'Primary Health Care'],
    ['which heads of international orgs did he meet pls', 'Daren Tang'],
    ['bui thanh', 'Vietnam'],
    ['albanian fm name?', 'Hasani'],
  ])('%s', (question, expected) => {
    const answer = ask(engine, question);
    expect(answer.status).toBe('answered');
    expect(textOf(answer)).toContain(expected);
  });
});

describe('countries written short, as chat writes them', () => {
  test.each([
    ['did nurtleu meet the uzb fm in geneva?', 'Uzbekistan'],
    ['kz-ger trade?', 'Germany'],
  ])('%s is a question about %s (which this release never names)', (question, country) => {
    const answer = ask(engine, question);
    expect(answer.status).toBe('not_found');
    expect(answer.summary).toContain(country);
  });
});

describe('what the release does not count or say', () => {
  test.each(['How many days did the visit last?', 'How many leaders came to the SCO summit?', "What's the budget of the Almaty hub?"])('%s', (question) => {
    expect(ask(engine, question).status).toBe('not_found');
  });

  test('an idiom around a name is not an unknown subject ("in charge of")', () => {
    expect(ask(engine, 'Who is in charge of WIPO?').summary).toContain('Daren Tang');
  });
});

describe('places and visits asked loosely', () => {
  test('a city asked for, a country known: the release names no city', () => {
    const answer = ask(engine, 'In which Kazakh city will the SCO summit be held?');
    expect(answer.status).toBe('not_found');
    expect(answer.summary).toContain('Kazakhstan');
  });

  test('a bare "minister + city" is the visit: who was met', () => {
    expect(ask(engine, 'nurtleu geneva').items).toHaveLength(10);
  });

  test('"brought up with" asks about a topic, not about where someone is from', () => {
    const answer = ask(engine, 'Was the SCO summit brought up with the UN Secretary-General?');
    expect(answer.summary).toMatch(/^Yes/);
    expect(textOf(answer)).toContain('Shanghai Cooperation Organization');
  });
});

describe('from a fourth unseen set', () => {
  test.each([
    ['igli', 'Hasani'],
    ['volker', 'Türk'],
    ['UNSG', 'Guterres'],
    ['high commisioner human rights', 'Türk'],
  ])('a first name alone, an acronym, a typo in a title: %s', (question, expected) => {
    expect(ask(engine, question).summary).toContain(expected);
  });

  test('"president" is a title, not a part of Tokayev\'s name', () => {
    expect(ask(engine, 'Did he meet the Indonesian president?').status).toBe('not_found');
  });

  test.each([
    'How long did the meeting with Guterres last?',
    'What agreements were signed with Switzerland?',
    // Where a meeting yet to come will be held: not where this one was, nor a sentence naming no city.
    'In which city will the next human rights council session be held?',
    'where will the next meeting with tedros be held?',
  ])('%s — the release is silent', (question) => {
    expect(ask(engine, question).status).toBe('not_found');
  });

  test('facts from several meetings say with whom each was discussed', () => {
    const answer = ask(engine, 'Was human rights on the agenda?');
    expect(textOf(answer)).toMatch(/Human Rights Council \(with Volker Türk\)/);
  });
});
