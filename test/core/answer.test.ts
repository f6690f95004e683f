/**
 * The answering operations over the shipped knowledge: whoMet, topics, suggest, ask, toPlainText.
 *
 * The ask() questions are our own paraphrases of each kind (who / what / when / where / how many /
 * did-he, English and Russian), not the eval's lines: the bot is judged on questions it has not seen.
 * Cases the engine gets wrong today are kept, unweakened, in `runKnownFailures` tables run with
 * `knownFailure` (test.failing), each with what it answers now and what we think is wrong.
 */
import { STRINGS, MAX_QUESTION_LENGTH, ask, suggest, toPlainText, topics, whoMet, type Answer, type Engine } from '../../src/core';
import { COUNTERPARTS, RELEASE_ID, expectSourcesVerbatim, knownFailure, shippedEngine, textOf } from './setup';

let engine: Engine;
beforeAll(async () => {
  engine = await shippedEngine();
});

/** Accent- and case-blind, so "Turk" finds "Türk" and "GUTERRES" finds "Guterres". */
const fold = (s: string): string => s.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
/** Whole words only: "Türk" is not in "Türkiye". */
const escapeRegExp = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const mentions = (text: string, name: string): boolean => new RegExp(`(^|[^\\p{L}])${escapeRegExp(fold(name))}($|[^\\p{L}])`, 'u').test(fold(text));

const MINISTERS = ['Retno Marsudi', 'Bui Thanh Son', 'Faisal Al-Saud', 'Ignazio Cassis', 'Igli Hasani', 'Ilia Darchiashvili'];
const HEADS = ['António Guterres', 'Volker Türk', 'Tedros Ghebreyesus', 'Daren Tang'];

interface Case {
  q: string;
  /** Each entry must appear in the answer (summary + items); an array means any one of them. */
  must?: (string | string[])[];
  /** Must appear in the summary line itself: the direct answer, not buried in the list. */
  inSummary?: (string | string[])[];
  mustNot?: string[];
  /** The one counterpart the answer is about: it must be named, and none of the other nine. */
  only?: (typeof COUNTERPARTS)[number];
  lang?: 'en' | 'ru';
  /** For known failures: what the engine answers now, and what we think is wrong. */
  bug?: string;
}

const missingFrom = (text: string, wanted: readonly (string | string[])[] = []): string[] =>
  wanted.filter((w) => !(Array.isArray(w) ? w : [w]).some((alt) => fold(text).includes(fold(alt)))).map((w) => (Array.isArray(w) ? w.join(' | ') : w));

/** Asks, and checks status, the names that must and must not be there, the language, and the quotes. */
function expectAnswered(c: Case): Answer {
  const answer = ask(engine, c.q);
  const text = textOf(answer);
  const mustNot = [...(c.mustNot ?? []), ...(c.only ? COUNTERPARTS.filter((n) => n !== c.only) : [])];
  const report = {
    q: c.q,
    status: answer.status,
    missing: missingFrom(text, [...(c.must ?? []), ...(c.only ? [c.only] : [])]),
    missingFromSummary: missingFrom(answer.summary, c.inSummary),
    unwanted: mustNot.filter((n) => mentions(text, n)),
    lang: answer.lang,
  };
  // The answer text rides along so a failure shows what the bot said.
  expect({ ...report, answer: text }).toEqual({
    q: c.q,
    status: 'answered',
    missing: [],
    missingFromSummary: [],
    unwanted: [],
    lang: c.lang ?? (/\p{Script=Cyrillic}/u.test(c.q) ? 'ru' : 'en'),
    answer: expect.any(String),
  });
  expectSourcesVerbatim(answer, engine.knowledge);
  return answer;
}

/** Not found: an honest sentence, no list, no sources, and no near-miss name in it. */
function expectAbstains(q: string, mustNot: readonly string[] = []): Answer {
  const answer = ask(engine, q);
  const names = [...COUNTERPARTS, 'Tokayev', 'Nurtleu', ...mustNot];
  expect({
    q,
    status: answer.status,
    items: answer.items,
    sources: answer.sources,
    namesInSummary: names.filter((n) => mentions(answer.summary, n)),
    summary: answer.summary,
  }).toEqual({
    q,
    status: 'not_found',
    items: [],
    sources: [],
    namesInSummary: [],
    summary: expect.any(String),
  });
  expect(answer.summary).not.toMatch(/^(Yes|Да)\b/);
  return answer;
}

const runCases = (cases: readonly Case[]) => test.each(cases.map((c) => [c.q, c] as const))('%s', (_q, c) => void expectAnswered(c));
const runKnownFailures = (cases: readonly Case[]) => {
  if (cases.length) knownFailure.each(cases.map((c) => [c.q, c] as const))('%s', (_q, c) => void expectAnswered(c));
};

// ── whoMet ─────────────────────────────────────────────────────────────────

describe('whoMet', () => {
  test('with no name, lists all ten counterparts of the Geneva visit with their titles', () => {
    const answer = whoMet(engine);
    expect(answer.status).toBe('answered');
    expect(answer.summary).toBe(STRINGS.en.counterparts('Murat Nurtleu', 'Geneva', '28 February 2024'));
    expect(answer.people.map((p) => p.name)).toEqual([...COUNTERPARTS]);
    expect(answer.items).toHaveLength(10);
    expect(answer.items[0]).toBe('António Guterres — UN Secretary-General');
    expect(answer.people.find((p) => p.name === 'Igli Hasani')).toMatchObject({ country: 'Albania', release: RELEASE_ID });
    expect(answer.people.find((p) => p.name === 'Tedros Ghebreyesus')).toMatchObject({ organization: 'World Health Organization (WHO)' });
    expectSourcesVerbatim(answer, engine.knowledge);
  });

  test('answers in Russian when asked to', () => {
    const answer = whoMet(engine, undefined, 'ru');
    expect(answer.lang).toBe('ru');
    expect(answer.summary).toContain('28 февраля 2024');
    expect(answer.summary).toContain('встретился');
    expect(answer.people).toHaveLength(10);
  });

  test.each([
    // typos
    ['guteres', 'António Guterres'],
    ['Darchiashvilli', 'Ilia Darchiashvili'],
    ['Kassis', 'Ignazio Cassis'],
    ['Marsoudi', 'Retno Marsudi'],
    ['Hassani', 'Igli Hasani'],
    // missing accents, or the original ones
    ['Antonio Guterres', 'António Guterres'],
    ['volker turk', 'Volker Türk'],
    ['Bùi Thanh Sơn', 'Bui Thanh Son'],
    // aliases and nicknames
    ['Dr Tedros', 'Tedros Ghebreyesus'],
    ['Faisal bin Farhan', 'Faisal Al-Saud'],
    ['Prince Faisal', 'Faisal Al-Saud'],
    ['Retno', 'Retno Marsudi'],
    // titles
    ['UN chief', 'António Guterres'],
    ['WHO boss', 'Tedros Ghebreyesus'],
    ['High Commissioner for Human Rights', 'Volker Türk'],
    ['WIPO Director General', 'Daren Tang'],
    // organizations
    ['WHO', 'Tedros Ghebreyesus'],
    ['World Health Organisation', 'Tedros Ghebreyesus'],
    ['world intelectual property', 'Daren Tang'],
    // countries and demonyms
    ['Georgia', 'Ilia Darchiashvili'],
    ['Indonesia', 'Retno Marsudi'],
    ['Swiss', 'Ignazio Cassis'],
    ['Saudi', 'Faisal Al-Saud'],
    ['Vietnamese', 'Bui Thanh Son'],
    ['Albanian', 'Igli Hasani'],
    // Russian
    ['Гутерриш', 'António Guterres'],
    ['Тедрос', 'Tedros Ghebreyesus'],
    ['ВОИС', 'Daren Tang'],
    ['Всемирная организация здравоохранения', 'Tedros Ghebreyesus'],
    ['Грузия', 'Ilia Darchiashvili'],
    ['швейцарский', 'Ignazio Cassis'],
    ['Кассис', 'Ignazio Cassis'],
  ])('finds %s → %s, and no one else', (name, expected) => {
    const answer = whoMet(engine, name);
    expect({ name, status: answer.status, people: answer.people.map((p) => p.name) }).toEqual({ name, status: 'answered', people: [expected] });
    expect(answer.summary).toBe(STRINGS.en.counterpartsMatching(name));
    expectSourcesVerbatim(answer, engine.knowledge);
  });

  test.each(['United Nations', 'UN', 'ООН'])('finds both UN officials for %s', (name) => {
    expect(whoMet(engine, name).people.map((p) => p.name)).toEqual(['António Guterres', 'Volker Türk']);
  });

  test.each(['Macron', 'WTO', 'OSCE', 'Japanese', 'xyzzy'])('answers "not found" for %s, whom the release never mentions', (name) => {
    const answer = whoMet(engine, name);
    expect(answer).toMatchObject({ status: 'not_found', summary: STRINGS.en.noOneMatches(name), people: [], items: [], sources: [] });
  });

  test('answers "not found" for a person the release mentions but who was not met (Tokayev)', () => {
    expect(whoMet(engine, 'Tokayev')).toMatchObject({ status: 'not_found', people: [], sources: [] });
  });

  // A person the release names but nobody met is not "no one matching".
  test('does not claim that a person the release names "appears" nowhere', () => {
    expect(whoMet(engine, 'Tokayev').summary).not.toBe(STRINGS.en.noOneMatches('Tokayev'));
  });

  // BUG (people.ts resolvePeople): "foreign minister" is a title (six people hold "Minister of
  // Foreign Affairs of …"), but whoMet answers: not_found, "No one matching “foreign minister”
  // appears in the releases." The generic role words link to nothing and fuse's best guess is
  // above the 0.2 cut-off. Expected: the six foreign ministers.
  knownFailure('finds the six foreign ministers for the title "foreign minister"', () => {
    expect(whoMet(engine, 'foreign minister').people.map((p) => p.name)).toEqual(MINISTERS);
  });
});

// ── topics ─────────────────────────────────────────────────────────────────

describe('topics', () => {
  test('with no name, gives one line per meeting of the visit', () => {
    const answer = topics(engine);
    expect(answer.status).toBe('answered');
    expect(answer.summary).toBe(STRINGS.en.topicsOfVisit('Murat Nurtleu', 'Geneva', '28 February 2024'));
    expect(answer.items).toHaveLength(5);
    const text = textOf(answer);
    for (const topic of [
      'Central Asia',
      'Action Plan on Human Rights',
      'Coalition for Primary Health Care',
      'intellectual property',
      'bilateral and multilateral cooperation',
    ]) {
      expect(text).toContain(topic);
    }
    expect(answer.items[4]).toContain('Ilia Darchiashvili');
    expectSourcesVerbatim(answer, engine.knowledge);
  });

  test('joined topics keep their capitals: names and countries stay proper names', () => {
    const joined = topics(engine).items.join('\n');
    expect(joined).toContain('; Nurtleu conveyed');
    expect(joined).not.toMatch(/[:;] (nurtleu|türk|kazakhstan)/);
  });

  test.each([
    ['guteres', 'António Guterres', ['global challenges', 'Central Asia', 'Shanghai Cooperation Organization'], ['WIPO', 'Primary Health Care']],
    ['Turk', 'Volker Türk', ['Action Plan on Human Rights', 'OHCHR'], ['Almaty', 'WIPO']],
    ['ВОЗ', 'Tedros Ghebreyesus', ['Coalition for Primary Health Care', 'October 2023'], ['Almaty', 'intellectual property']],
    ['Daren Tang', 'Daren Tang', ['double diploma', 'technical assistance', 'creative economy'], ['Central Asia']],
    ['Swiss', 'Ignazio Cassis', ['bilateral and multilateral cooperation', 'Human Rights Council'], ['Igli Hasani', 'Retno Marsudi', 'Almaty']],
    ['the Albanian', 'Igli Hasani', ['bilateral and multilateral cooperation'], ['Ignazio Cassis', 'Ilia Darchiashvili']],
  ])('for %s, gives the topics of the meeting with %s only', (name, who, wanted, unwanted) => {
    const answer = topics(engine, name);
    expect(answer.status).toBe('answered');
    expect(answer.summary).toContain(who);
    const text = textOf(answer);
    expect({ name, missing: wanted.filter((w) => !text.includes(w)), unwanted: unwanted.filter((w) => text.includes(w)) }).toEqual({
      name,
      missing: [],
      unwanted: [],
    });
    expectSourcesVerbatim(answer, engine.knowledge);
  });

  test('answers in Russian when asked to, keeping the release’s English labels', () => {
    const answer = topics(engine, 'Гутерриш', 'ru');
    expect(answer).toMatchObject({ status: 'answered', lang: 'ru' });
    expect(answer.summary).toMatch(/^Встреча с António Guterres/);
  });

  test('answers "not found" for someone the release never mentions', () => {
    expect(topics(engine, 'Macron')).toMatchObject({ status: 'not_found', summary: STRINGS.en.noOneMatches('Macron'), sources: [] });
  });

  test('answers "no meeting" for someone the release mentions but who was not met', () => {
    expect(topics(engine, 'Tokayev')).toMatchObject({ status: 'not_found', summary: STRINGS.en.noTopicsFor('Tokayev'), sources: [] });
  });
});

// ── suggest ────────────────────────────────────────────────────────────────

describe('suggest', () => {
  test('with nothing typed, offers the counterparts in meeting order, up to the limit', () => {
    expect(suggest(engine, '').map((s) => s.value)).toEqual([...COUNTERPARTS]);
    expect(suggest(engine, '   ', 3).map((s) => s.value)).toEqual(COUNTERPARTS.slice(0, 3));
  });

  test.each([1, 2, 5])('never offers more than the limit (%i)', (limit) => {
    for (const typed of ['', 'a', 'un', 'minister', 'Гут']) expect(suggest(engine, typed, limit).length).toBeLessThanOrEqual(limit);
  });

  test.each([
    ['guteres', 'António Guterres'],
    ['WHO', 'Tedros Ghebreyesus'],
    ['ВОЗ', 'Tedros Ghebreyesus'],
    ['Гут', 'António Guterres'],
    ['swiss', 'Ignazio Cassis'],
    ['Darch', 'Ilia Darchiashvili'],
    ['WIPO', 'Daren Tang'],
  ])('puts the best match first: %s → %s', (typed, first) => {
    expect(suggest(engine, typed, 5)[0]?.value).toBe(first);
  });

  test('labels a suggestion "name — title" and its value resolves back to that person', () => {
    const [first] = suggest(engine, 'guteres', 5);
    expect(first).toEqual({ label: 'António Guterres — UN Secretary-General', value: 'António Guterres' });
    expect(whoMet(engine, first!.value).people.map((p) => p.name)).toEqual(['António Guterres']);
  });

  test('offers only people who were met, and nothing for gibberish', () => {
    expect(suggest(engine, 'Tokayev', 5)).toEqual([]);
    expect(suggest(engine, 'zzzzqqq', 5)).toEqual([]);
  });
});

// ── ask ────────────────────────────────────────────────────────────────────

describe('ask', () => {
  describe('who', () => {
    runCases([
      { q: 'Whom did Nurtleu meet in Geneva?', must: COUNTERPARTS.slice() },
      { q: 'Who did the minister hold meetings with?', must: COUNTERPARTS.slice() },
      { q: 'List everyone the minister met.', must: COUNTERPARTS.slice() },
      { q: 'Which heads of international organizations did Nurtleu meet?', must: HEADS, mustNot: MINISTERS },
      { q: 'Who were the foreign ministers he had bilateral talks with?', must: MINISTERS, mustNot: HEADS },
      { q: 'Who heads the World Health Organization?', only: 'Tedros Ghebreyesus' },
      { q: 'Who is Volker Türk?', only: 'Volker Türk', must: ['High Commissioner for Human Rights'] },
      { q: 'Who is the Saudi foreign minister?', only: 'Faisal Al-Saud' },
      { q: 'Who represented Switzerland?', only: 'Ignazio Cassis' },
      { q: 'Which minister came from Albania?', only: 'Igli Hasani' },
      { q: 'Who was the Indonesian counterpart?', only: 'Retno Marsudi' },
      { q: 'Who is in charge of WIPO?', only: 'Daren Tang' },
      { q: 'Who is the UN human rights chief?', only: 'Volker Türk' },
      { q: 'Who thanked for the invitation?', only: 'António Guterres' },
      { q: 'Who welcomed the start of technical cooperation?', only: 'Volker Türk' },
      { q: 'Who invited the UN chief to the SCO summit?', inSummary: [['Nurtleu', 'Tokayev']] },
      { q: 'Who discussed the creative economy with Nurtleu?', only: 'Daren Tang' },
      { q: 'Who did the minister discuss intellectual property with?', only: 'Daren Tang' },
      { q: 'Who is the president of Kazakhstan?', inSummary: ['Kassym-Jomart Tokayev'] },
      { q: 'Who is Murat Nurtleu?', inSummary: ['Minister of Foreign Affairs'] },
      { q: 'С кем встречался Нуртлеу в Женеве?', must: COUNTERPARTS.slice() },
      { q: 'С кем встретился министр?', must: COUNTERPARTS.slice() },
      { q: 'Кто такой Тедрос?', only: 'Tedros Ghebreyesus' },
      { q: 'Кто возглавляет ВОИС?', only: 'Daren Tang' },
      { q: 'Кто министр иностранных дел Грузии?', only: 'Ilia Darchiashvili' },
      { q: 'Кто швейцарский министр?', only: 'Ignazio Cassis' },
      { q: 'Кто пригласил Гутерриша на саммит ШОС?', inSummary: [['Nurtleu', 'Tokayev']] },
      { q: 'Who was the Swiss official he met?', only: 'Ignazio Cassis' },
      { q: "Which organizations' leaders did the minister see?", must: HEADS, mustNot: MINISTERS },
      { q: 'Who talked about the Action Plan on Human Rights?', only: 'Volker Türk' },
      { q: 'Who leads Georgian diplomacy?', only: 'Ilia Darchiashvili' },
      { q: "Who assessed Kazakhstan's democratic transformations positively?", only: 'Volker Türk' },
      { q: 'Кого встретил Нуртлеу?', must: COUNTERPARTS.slice() },
      { q: 'Кто представлял Саудовскую Аравию?', only: 'Faisal Al-Saud' },
      { q: 'Кто такой Дарен Тан?', only: 'Daren Tang' },
      { q: 'Кто такой Токаев?', inSummary: ['Kassym-Jomart Tokayev'] },
    ]);
    runKnownFailures([
      {
        q: 'Кто глава ООН по правам человека?',
        only: 'Volker Türk',
        bug: 'answers the six foreign ministers ("Retno Marsudi …; Bui Thanh Son …"), via the Human Rights Council topic of their meeting: "глава ООН по правам человека" should reach Türk\'s title (Верховный комиссар ООН по правам человека / UN human rights chief).',
      },
    ]);
    runCases([
      {
        q: 'Name the UN officials Nurtleu spoke with.',
        must: ['António Guterres', 'Volker Türk'],
        mustNot: ['Central Asia', 'Action Plan on Human Rights'],
      },
      {
        q: 'Кто поблагодарил за приглашение?',
        only: 'António Guterres',
      },
    ]);
    runCases([
      {
        q: 'Who proposed the Coalition for Primary Health Care?',
        inSummary: ['Tokayev'],
      },
    ]);
    runCases([
      {
        q: 'Who extended the invitation to the summit?',
        inSummary: [['Nurtleu', 'Tokayev']],
      },
      {
        q: 'С какими министрами иностранных дел он провёл переговоры?',
        must: MINISTERS,
      },
      {
        q: 'Кто из руководителей международных организаций встретился с министром?',
        must: HEADS,
      },
    ]);
  });

  describe('what', () => {
    runCases([
      { q: 'What topics came up in the meeting with the WHO chief?', only: 'Tedros Ghebreyesus', must: ['Primary Health Care'], mustNot: ['Almaty', 'WIPO'] },
      { q: 'What was agreed with WIPO?', only: 'Daren Tang', must: ['intellectual property'] },
      {
        q: 'What did they talk about with the Albanian minister?',
        only: 'Igli Hasani',
        must: ['bilateral and multilateral cooperation', 'Human Rights Council'],
      },
      { q: 'What did Volker Türk welcome?', only: 'Volker Türk', must: ['technical cooperation'] },
      { q: 'What did Guterres appreciate?', only: 'António Guterres', must: ['sustainable development'] },
      { q: 'What initiative did Kazakhstan promote with the WHO?', must: ['Coalition for Primary Health Care'], mustNot: ['Almaty'] },
      { q: 'What was said about the creative economy?', only: 'Daren Tang', must: ['creative economy'] },
      { q: 'What is CICA?', must: ['Conference on Interaction and Confidence-Building Measures in Asia'] },
      { q: 'What did Nurtleu say about human rights?', must: ['integral part'] },
      { q: 'What was the subject of the talks with Bui Thanh Son?', only: 'Bui Thanh Son', must: ['bilateral'] },
      { q: 'What did WIPO and Kazakhstan agree on?', must: ['intellectual property'], mustNot: ['Tedros'] },
      { q: 'О чём говорили с Гутерришем?', only: 'António Guterres', must: ['Central Asia'] },
      { q: 'Что обсуждали с главой ВОЗ?', only: 'Tedros Ghebreyesus', must: ['Primary Health Care'] },
      { q: 'Что было решено с ВОИС?', only: 'Daren Tang', must: ['intellectual property'] },
      { q: 'Что обсуждали со швейцарским министром?', only: 'Ignazio Cassis', must: ['bilateral'] },
      { q: 'What did the minister and the Saudi minister discuss?', only: 'Faisal Al-Saud', must: ['bilateral'] },
      { q: 'What is the SCO?', must: ['Shanghai Cooperation Organization'] },
      { q: 'What did the UN Secretary-General say about Kazakhstan?', only: 'António Guterres', must: ['highly appreciated'] },
      { q: 'What is OHCHR?', must: ['High Commissioner for Human Rights'] },
      { q: 'What happened in October 2023?', must: ['Global Conference on Primary Health Care'] },
      { q: 'What was noted in the meeting with Tedros?', only: 'Tedros Ghebreyesus', must: ['high level of cooperation'] },
      { q: 'Tell me about the meeting with Türk.', only: 'Volker Türk', must: ['Action Plan on Human Rights'] },
      { q: 'Что обсуждали с Тюрком?', only: 'Volker Türk', must: ['Action Plan on Human Rights'] },
      { q: 'О чём договорились с ВОИС?', only: 'Daren Tang', must: ['intellectual property'] },
      { q: 'Что такое ШОС?', must: ['Shanghai Cooperation Organization'] },
      { q: 'Какие темы обсуждались на встрече с генсеком ООН?', only: 'António Guterres', must: ['global challenges', 'Central Asia'] },
    ]);
    runCases([
      {
        q: "What's the WIPO cooperation about?",
        only: 'Daren Tang',
        must: ['double diploma'],
      },
    ]);
    runCases([
      {
        q: 'What did the minister discuss with Guterres?',
        only: 'António Guterres',
        must: ['global challenges', 'regional cooperation between the countries of Central Asia'],
      },
      {
        q: 'What did the parties identify as promising?',
        must: ['double diploma', 'technical assistance'],
      },
    ]);
    runCases([
      {
        q: 'What was discussed with the foreign ministers?',
        must: ['bilateral and multilateral cooperation'],
        mustNot: ['Almaty', 'Coalition'],
      },
      {
        q: 'Что обсуждали с министрами иностранных дел?',
        must: ['bilateral and multilateral cooperation'],
      },
    ]);
  });

  describe('when', () => {
    runCases([
      { q: 'When will the SCO summit take place?', inSummary: ['July 2024'] },
      { q: 'When was Tedros in Kazakhstan?', inSummary: ['October 2023'] },
      { q: 'When did the WHO chief visit Kazakhstan?', inSummary: ['October 2023'] },
      { q: 'On what date did Nurtleu meet Cassis?', inSummary: ['28 February 2024'], only: 'Ignazio Cassis' },
      { q: 'When did the meetings happen?', inSummary: ['28 February 2024'] },
      { q: 'What is the date of the press release?', inSummary: ['28 February 2024'] },
      { q: 'Когда состоится саммит ШОС?', inSummary: [['July 2024', 'июл']] },
      { q: 'Когда Тедрос был в Казахстане?', inSummary: [['October 2023', 'октябр']] },
      { q: 'Когда был опубликован релиз?', inSummary: ['28 февраля 2024'] },
      { q: 'What day were the talks?', inSummary: ['28 February 2024'] },
      { q: 'Когда прошли встречи?', inSummary: ['28 февраля 2024'] },
      { q: 'Какого числа был визит?', inSummary: ['28 февраля 2024'] },
    ]);
    runCases([
      {
        q: 'When was the release published?',
        inSummary: ['28 February 2024'],
      },
      {
        q: 'In what month did the WHO head travel to Kazakhstan?',
        inSummary: ['October 2023'],
      },
      {
        q: 'In which month was the SCO summit scheduled?',
        inSummary: ['July 2024'],
      },
      {
        q: 'What year is the SCO summit?',
        inSummary: ['2024'],
      },
    ]);
  });

  describe('where', () => {
    runCases([
      { q: 'Where did the meetings take place?', inSummary: ['Geneva'] },
      { q: 'Which city hosted the talks?', inSummary: ['Geneva'] },
      { q: 'Where will the summit be held?', inSummary: ['Kazakhstan'], mustNot: ['Geneva'] },
      { q: 'Where is the regional hub planned?', inSummary: ['Almaty'] },
      { q: 'Where did Tedros go in October 2023?', inSummary: ['Kazakhstan'] },
      { q: 'Где прошли встречи?', inSummary: [['Geneva', 'Женев']] },
      { q: 'Где будет создан хаб ООН?', inSummary: [['Almaty', 'Алматы']] },
      { q: 'Where was the Global Conference on Primary Health Care held?', inSummary: ['Kazakhstan'] },
      { q: 'Where did Nurtleu travel?', inSummary: ['Geneva'] },
      { q: 'Где будет саммит ШОС?', inSummary: [['Kazakhstan', 'Казахстан']] },
    ]);
    runCases([
      {
        q: 'Where is the UN regional hub to be set up?',
        inSummary: ['Almaty'],
        mustNot: ['Geneva'],
      },
    ]);
    runCases([
      {
        q: 'В каком городе проходили переговоры?',
        inSummary: [['Geneva', 'Женев']],
      },
      {
        q: 'Где находится региональный хаб?',
        inSummary: [['Almaty', 'Алматы']],
      },
    ]);
  });

  describe('how many', () => {
    runCases([
      { q: 'How many people did Nurtleu meet?', inSummary: ['10'], must: COUNTERPARTS.slice() },
      { q: 'How many foreign ministers did he talk to?', inSummary: ['6'], must: MINISTERS, mustNot: HEADS },
      { q: 'How many international organization heads did he meet?', inSummary: ['4'], must: HEADS, mustNot: MINISTERS },
      { q: 'How many counterparts in total?', inSummary: ['10'] },
      { q: 'How many people from the UN did he meet?', inSummary: ['2'], must: ['António Guterres', 'Volker Türk'], mustNot: ['Tedros'] },
      { q: 'Сколько министров иностранных дел он встретил?', inSummary: ['6'], must: MINISTERS },
      { q: 'Сколько человек встретил Нуртлеу?', inSummary: ['10'] },
    ]);
    runCases([
      {
        q: 'How many WHO officials did he meet?',
        inSummary: ['1'],
        mustNot: ['1 people'],
      },
      {
        q: 'How many organizations were mentioned?',
        must: ['SCO', 'CICA', 'Human Rights Council'],
      },
    ]);
    runCases([
      {
        q: 'Сколько глав международных организаций он встретил?',
        inSummary: ['4'],
        must: HEADS,
      },
      {
        q: 'Сколько всего было собеседников?',
        inSummary: ['10'],
      },
    ]);
  });

  describe('did he', () => {
    runCases([
      { q: 'Did the minister meet Tedros?', inSummary: ['Yes', 'Tedros Ghebreyesus'], only: 'Tedros Ghebreyesus' },
      { q: 'Did Nurtleu hold talks with the Georgian foreign minister?', inSummary: ['Yes'], only: 'Ilia Darchiashvili' },
      { q: 'Did he see Ignazio Cassis?', inSummary: ['Yes'], only: 'Ignazio Cassis' },
      { q: 'Did he talk with Marsudi?', inSummary: ['Yes'], only: 'Retno Marsudi' },
      { q: 'Did Nurtleu see the WHO chief?', inSummary: ['Yes'], only: 'Tedros Ghebreyesus' },
      { q: 'Did Nurtleu meet Tokayev?', inSummary: ['No', 'Tokayev'] },
      { q: 'Was the SCO summit mentioned?', inSummary: ['Yes'], must: ['Shanghai Cooperation Organization'] },
      { q: 'Was human rights discussed?', inSummary: ['Yes'], must: ['Human Rights Council'] },
      { q: 'Was primary health care on the agenda?', inSummary: ['Yes'], must: ['Coalition for Primary Health Care'], mustNot: ['Daren Tang'] },
      { q: 'Did they discuss the creative economy?', inSummary: ['Yes'], only: 'Daren Tang' },
      { q: 'Встречался ли Нуртлеу с Кассисом?', inSummary: ['Да'], only: 'Ignazio Cassis' },
      { q: 'Встречался ли министр с Гутерришем?', inSummary: ['Да'], only: 'António Guterres' },
      { q: 'Обсуждали ли интеллектуальную собственность?', inSummary: ['Да'], must: [['WIPO', 'Daren Tang']] },
      { q: 'Did he meet anyone from the WHO?', inSummary: ['Yes'], only: 'Tedros Ghebreyesus' },
      { q: 'Did the minister meet the UN human rights chief?', inSummary: ['Yes'], only: 'Volker Türk' },
      { q: 'Did Türk support Kazakhstan?', inSummary: ['Yes'], only: 'Volker Türk', must: ['joint work'] },
      { q: 'Was a double diploma discussed?', inSummary: ['Yes'], only: 'Daren Tang' },
      { q: 'Встречался ли министр с главой ВОЗ?', inSummary: ['Да'], only: 'Tedros Ghebreyesus' },
      { q: 'Обсуждалось ли первичное здравоохранение?', inSummary: ['Да'], must: ['Primary Health Care'], mustNot: ['Daren Tang'] },
      { q: 'Говорили ли о Центральной Азии?', inSummary: ['Да'], only: 'António Guterres', must: ['Central Asia'] },
    ]);
    runKnownFailures([
      {
        q: 'Did Guterres accept the invitation?',
        must: ['thanked for the invitation'],
        bug: 'answers "Yes:" citing only the invitation Nurtleu conveyed; the release never says Guterres accepted — it says he thanked for it, which is the fact to quote (and "Yes" overclaims).',
      },
    ]);
    runCases([
      {
        q: 'Встречался ли Нуртлеу с Токаевым?',
        inSummary: ['Нет', 'Tokayev'],
      },
    ]);
    runCases([
      {
        q: 'Was there any agreement with WIPO?',
        inSummary: ['Yes'],
        must: ['an agreement was reached to enhance collaboration in the area of intellectual property'],
      },
    ]);
  });

  describe('fuzzy input: typos, missing accents, aliases, nicknames, Russian', () => {
    runCases([
      { q: 'Guterress', only: 'António Guterres' },
      { q: 'antonio guterres', only: 'António Guterres' },
      { q: 'Kassis', only: 'Ignazio Cassis', must: ['Switzerland'] },
      { q: 'darchiashvilli', only: 'Ilia Darchiashvili', must: ['Georgia'] },
      { q: 'retno marsudy', only: 'Retno Marsudi', must: ['Indonesia'] },
      { q: 'Turk', only: 'Volker Türk', mustNot: ['Türkiye'] },
      { q: 'what did volker turk say', only: 'Volker Türk' },
      { q: 'UN chief', only: 'António Guterres' },
      { q: 'WHO boss', only: 'Tedros Ghebreyesus' },
      { q: 'who is the WHO boss', only: 'Tedros Ghebreyesus' },
      { q: 'world health organisation chief', only: 'Tedros Ghebreyesus' },
      { q: 'who is faisal bin farhan', only: 'Faisal Al-Saud', must: ['Saudi Arabia'] },
      { q: 'Bui Thanh Sơn', only: 'Bui Thanh Son', must: ['Vietnam'] },
      { q: 'the minister from Vietnam', only: 'Bui Thanh Son' },
      { q: 'Gutteres invitation', must: ['Shanghai Cooperation Organization'] },
      { q: 'tedros visit kazakstan', must: ['October 2023'] },
      { q: 'dr tedros primary healthcare', must: ['Coalition for Primary Health Care'] },
      { q: 'intelectual property agreement', only: 'Daren Tang' },
      { q: 'Гутерриш', only: 'António Guterres' },
      { q: 'ВОИС', only: 'Daren Tang' },
      { q: 'Кто такой Тюрк?', only: 'Volker Türk' },
      { q: 'гутериш', only: 'António Guterres' },
      { q: 'тедрос воз', only: 'Tedros Ghebreyesus' },
      { q: 'дарчиашвили', only: 'Ilia Darchiashvili' },
    ]);
  });

  describe('abstains when the release does not say', () => {
    test.each([
      // organizations it never mentions — "WTO" is not "WHO"
      ['Did the minister meet the WTO director?', ['Tedros']],
      ['Who is the WTO chief?', ['Tedros']],
      ['What did he discuss with the OSCE?', []],
      ['Did he meet the head of UNICEF?', []],
      ['Кто генсек НАТО?', []],
      // nationalities and countries it never mentions — "Turkish" is not "Türk"
      ['Did the Kazakh minister meet the Uzbek foreign minister?', []],
      ['When did he meet the Uzbek minister?', []],
      ['Where did he meet the Kyrgyz minister?', []],
      ['Did he meet the Turkish foreign minister?', ['Türk']],
      ['Did Nurtleu meet the French minister?', []],
      ['Встречался ли он с министром Узбекистана?', []],
      // people it never mentions, and roles no one there holds
      ['Did he meet Emmanuel Macron?', []],
      ['Who is Sergey Lavrov?', []],
      ['did he meet blinken', []],
      ['Did he meet the Indonesian president?', ['Marsudi']],
      ['Did he meet the Georgian president?', ['Darchiashvili']],
      ['Who is the Prime Minister of Kazakhstan?', []],
      // subjects not discussed
      ['Was climate change discussed?', []],
      ['What did Guterres say about climate change?', []],
      ['What was said about oil prices?', []],
      ['Did he discuss nuclear weapons?', []],
      ['What did they say about the war in Ukraine?', []],
      ['Did Tedros talk about COVID?', []],
      ['What did Cassis say about neutrality?', []],
      ['Did the Albanian minister talk about tourism?', []],
      ['What is the weather in Geneva?', []],
      ['Обсуждалось ли изменение климата?', []],
      ['Что говорили о ценах на нефть?', []],
      ['Встречался ли министр с госсекретарём США?', []],
      ['Кто такой Путин?', []],
      // gibberish
      ['asdkjh qwpoeiru zxmn', []],
      ['qqq zzz', []],
      ['?', []],
    ])('%s', (q, nearMisses) => {
      expectAbstains(q, nearMisses);
    });

    test.each([
      // Roles none of the people meant holds: the release does not name that office-holder.
      ['Did Nurtleu meet the Saudi king?', ['Faisal']],
      ['Who is the president of Switzerland?', ['Cassis']],
      ['Who is the UN deputy secretary-general?', ['Guterres']],
      ["Who is Tedros's deputy?", ['Tedros']],
    ])('%s', (q, nearMisses) => {
      expectAbstains(q, nearMisses);
    });

    // BUG (ask.ts): Tokayev is mentioned but was not met; the answer today is Tedros's meeting
    // ("With Tedros Ghebreyesus (WHO Director-General): Promoting President Tokayev's initiative…"),
    // because "Kazakh president" links Tokayev and his name occurs in a fact of another meeting.
    // Expected: no meeting with Tokayev is reported (not_found, or a "No: …" like did-he questions).
    test('does not answer a question about a meeting that did not happen with another meeting', () => {
      const answer = ask(engine, 'What did he discuss with the Kazakh president?');
      expect(answer.summary).not.toMatch(/Tedros|^With /);
      expect(textOf(answer)).not.toContain('Coalition');
    });

    // BUG (search/tokens.ts): Token.raw is NFKD-stripped of marks, so Russian й becomes и in the
    // words the not-found sentence quotes back: the user typed "чайный", the bot says «чаиныи».
    test('quotes the unknown Russian words as the user typed them', () => {
      expect(ask(engine, 'Обсуждали ли чайный бизнес?').summary).toContain('«чайный»');
    });

    test('answers an empty question with a hint, in English', () => {
      for (const q of ['', '   \n\t ']) {
        expect(ask(engine, q)).toEqual({ status: 'not_found', summary: STRINGS.en.emptyQuestion, items: [], sources: [], lang: 'en' });
      }
    });

    test(`refuses a question over MAX_QUESTION_LENGTH (${MAX_QUESTION_LENGTH}) rather than cutting it`, () => {
      const q = `Who did Nurtleu meet in Geneva? ${'Please tell me. '.repeat(40)}`;
      expect(q.trim().length).toBeGreaterThan(MAX_QUESTION_LENGTH);
      expect(ask(engine, q)).toMatchObject({ status: 'not_found', summary: STRINGS.en.questionTooLong(MAX_QUESTION_LENGTH), sources: [] });
      expect(ask(engine, `Кто такой Тедрос? ${'Пожалуйста. '.repeat(60)}`)).toMatchObject({
        status: 'not_found',
        lang: 'ru',
        summary: STRINGS.ru.questionTooLong(MAX_QUESTION_LENGTH),
      });
    });

    test('still answers a question of exactly MAX_QUESTION_LENGTH characters', () => {
      const head = 'Who did Nurtleu';
      const tail = 'meet in Geneva?';
      const q = `${head}${' '.repeat(MAX_QUESTION_LENGTH - head.length - tail.length)}${tail}`;
      expect(q).toHaveLength(MAX_QUESTION_LENGTH);
      expect(ask(engine, q).status).toBe('answered');
    });
  });

  describe('every answer', () => {
    const sample = [
      'Who did the minister meet?',
      'What was agreed with WIPO?',
      'When will the SCO summit take place?',
      'Where did the meetings take place?',
      'How many foreign ministers did he talk to?',
      'Did he see Ignazio Cassis?',
      'Гутерриш',
      'Was climate change discussed?',
    ];

    test('is the same every time for the same question (deterministic)', () => {
      for (const q of sample) expect(ask(engine, q)).toEqual(ask(engine, q));
    });

    test('answered ones quote the release verbatim; not-found ones quote nothing', () => {
      for (const q of sample) expectSourcesVerbatim(ask(engine, q), engine.knowledge);
    });

    test('takes well under a millisecond on average (generous bound: 5 ms, 200 questions)', () => {
      for (const q of sample) ask(engine, q); // warm up
      const start = performance.now();
      for (let i = 0; i < 25; i++) for (const q of sample) ask(engine, q);
      expect((performance.now() - start) / (25 * sample.length)).toBeLessThan(5);
    });
  });
});

// ── toPlainText ────────────────────────────────────────────────────────────

describe('toPlainText', () => {
  const release = () => engine.knowledge.releases.values().next().value!;
  const quote = (paragraph: number, text: string) => ({ release: release().id, paragraph, quote: text });
  const made = (summary: string, items: string[], sources: ReturnType<typeof quote>[], lang: 'en' | 'ru' = 'en') => ({
    status: 'answered' as const,
    summary,
    items,
    sources,
    lang,
  });

  test('writes the answer, the list, the quotes with their paragraph, and one short line naming the release', () => {
    const answer = ask(engine, 'What did he discuss with Tang?');
    const text = toPlainText(answer, engine.knowledge);
    const lines = text.split('\n');
    expect(lines[0]).toBe(answer.summary);
    for (const item of answer.items) expect(lines).toContain(`• ${item}`);
    expect(lines.some((l) => /^> “.+” \(¶9\)$/.test(l))).toBe(true);
    const r = release();
    expect(lines[lines.length - 1]).toBe(`— ${r.title}, 28 February 2024`);
    expect(lines.filter((l) => l.startsWith('— '))).toHaveLength(1);
    expect(text).not.toContain(r.source);
  });

  test('leaves out a quote that only repeats a point, but still names the release', () => {
    const answer = made('Daren Tang — Director General of WIPO.', [], [quote(9, 'Director General of WIPO Daren Tang')]);
    const lines = toPlainText(answer, engine.knowledge).split('\n');
    expect(lines.filter((l) => l.startsWith('> '))).toEqual([]);
    expect(lines[lines.length - 1]).toMatch(/^— .+, 28 February 2024$/);
  });

  test('shows at most one quote per listed point; an answer without a list shows all its quotes', () => {
    const sources = [quote(2, 'first thing said'), quote(3, 'second thing said'), quote(4, 'third thing said')];
    const quotes = (a: ReturnType<typeof made>) =>
      toPlainText(a, engine.knowledge)
        .split('\n')
        .filter((l) => l.startsWith('> '));
    expect(quotes(made('Topics:', ['One point'], sources))).toHaveLength(2);
    expect(quotes(made('What the release says:', [], sources))).toHaveLength(3);
  });

  test('several releases: each one’s quotes, then its line; a release not loaded is named by its id', () => {
    const other = { ...release(), id: 'other', title: 'Another release', date: '2024-03-01' };
    const knowledge = { ...engine.knowledge, releases: new Map([...engine.knowledge.releases, ['other', other]]) };
    const answer = made(
      'What the release says:',
      [],
      [quote(2, 'from the first'), { release: 'other', paragraph: 1, quote: 'from the second' }, { release: 'gone', paragraph: 3, quote: 'from nowhere' }],
    );
    expect(toPlainText(answer, knowledge).split('\n').slice(2)).toEqual([
      '> “from the first” (¶2)',
      `— ${release().title}, 28 February 2024`,
      '> “from the second” (¶1)',
      '— Another release, 1 March 2024',
      '> “from nowhere” (¶3, gone)',
    ]);
  });

  test('joins several quotes of one paragraph with " … "', () => {
    const text = toPlainText(whoMet(engine, 'Cassis'), engine.knowledge);
    expect(text).toContain('> “held bilateral talks with the heads of the foreign ministries of … Switzerland, Ignazio Cassis” (¶11)');
  });

  test('writes only the sentence for a not-found answer', () => {
    const answer = ask(engine, 'Was climate change discussed?');
    expect(toPlainText(answer, engine.knowledge)).toBe(answer.summary);
  });

  test('counts agree with the number, in Russian through the plural rules', () => {
    expect([1, 2, 5, 21].map((n) => STRINGS.ru.count(n, STRINGS.ru.releases))).toEqual(['1 релиз:', '2 релиза:', '5 релизов:', '21 релиз:']);
    expect(STRINGS.ru.count(3, STRINGS.ru.ministers)).toBe('3 министра иностранных дел:');
    expect(STRINGS.ru.count(1, STRINGS.ru.organizations)).toBe('1 организация упомянута в релизе:');
    expect(STRINGS.en.count(1, STRINGS.en.releases)).toBe('1 release:');
  });

  test('dates the release in Russian for a Russian answer', () => {
    expect(toPlainText(ask(engine, 'Кто такой Тедрос?'), engine.knowledge)).toContain('28 февраля 2024');
  });
});
