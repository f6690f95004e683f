/**
 * Synthetic releases for the benchmark, from a fixed seed: a ministry's archive of
 * visits, written the way news agencies publish them. Each release has a principal, a
 * date, a city and counterparts (ministers, heads of organizations, ambassadors) drawn
 * from pools of invented names (some with diacritics), and one of four shapes: a tour of
 * bilateral meetings abroad; a visitor received at home ("… received the Ambassador of …",
 * "Also present at the meeting was …"); a multilateral forum whose participants are listed
 * by country ("the foreign ministers of Veloria Kiran Dovsk, …") with meetings on its
 * margins; talks with several people at once ("met with X and Y"). Texts open with an
 * agency dateline ("CITY, March 4 (Agency) –", "CITY. AGENCY –"), often under a title
 * line and a byline, and some are hard-wrapped, or have no blank line at all (one
 * paragraph). Most releases are curated in full (meetings and facts whose quotes are cut
 * verbatim from the text); some thinly (who is named, at most one fact); about one in
 * seven not at all, as a freshly drafted one would be. The templates are this file's own.
 */
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { stringify } from 'yaml';
import { WORLD } from '../core/lexicon/world';
import { chance, int, mulberry32, pick, pickSkewed, sample, type Random } from './random';

// ── invented names ────────────────────────────────────────────────────────────

const ONSETS = ['b', 'd', 'f', 'g', 'h', 'k', 'l', 'm', 'n', 'p', 'r', 's', 't', 'v', 'z', 'br', 'dr', 'kr', 'tr', 'st', 'sh', 'th', 'vl', 'zh'];
const VOWELS = ['a', 'e', 'i', 'o', 'u', 'a', 'e', 'o', 'ai', 'ei', 'ou'];
const CODAS = ['', '', 'n', 'r', 's', 'l', 'm', 'k', 'v', 'nd', 'rt', 'sk'];
const SURNAME_ENDINGS = [
  'ov',
  'ski',
  'ani',
  'enko',
  'ez',
  'berg',
  'ic',
  'ara',
  'oulu',
  'eti',
  'ado',
  'ssen',
  'ieri',
  'ashvili',
  'yan',
  'escu',
  'ak',
  'uddin',
  'ova',
  'sson',
];
const COUNTRY_ENDINGS: readonly [string, string][] = [
  ['ia', 'ian'],
  ['land', 'lander'],
  ['stan', 'stani'],
  ['ova', 'ovan'],
  ['ania', 'anian'],
  ['ea', 'ean'],
  ['ica', 'ican'],
  ['ora', 'oran'],
];
const CITY_ENDINGS = ['grad', 'burg', 'polis', 'ville', 'abad', 'ora', 'mouth', 'sk', 'dorf', 'haven', 'kent', 'ium'];

const ORG_ADJECTIVES = [
  'Northern',
  'Southern',
  'Eurasian',
  'Continental',
  'Maritime',
  'Highland',
  'Steppe',
  'Coastal',
  'Polar',
  'Inland',
  'Interstate',
  'Transcontinental',
  'Riverine',
  'Eastern',
  'Western',
];
const ORG_DOMAINS = [
  'Water',
  'Energy',
  'Trade',
  'Health',
  'Transport',
  'Climate',
  'Digital',
  'Food Security',
  'Migration',
  'Education',
  'Customs',
  'Investment',
  'Tourism',
  'Space',
  'Labour',
];
const ORG_HEADS: readonly [string, string][] = [
  ['Council', 'Secretary-General'],
  ['Organization', 'Director-General'],
  ['Agency', 'Executive Director'],
  ['Fund', 'Managing Director'],
  ['Commission', 'President'],
  ['Bank', 'President'],
  ['Union', 'Secretary-General'],
  ['Institute', 'Director'],
];
const MINISTRIES = ['Foreign Affairs', 'Foreign Affairs', 'Foreign Affairs', 'Trade', 'Energy', 'Economy', 'Education', 'Health'];
const DOMAINS = [
  'water management',
  'renewable energy',
  'transport corridors',
  'digital transformation',
  'higher education',
  'public health',
  'food security',
  'customs procedures',
  'tourism',
  'climate adaptation',
  'agricultural exports',
  'cultural heritage',
  'space research',
  'nuclear safety',
  'migration policy',
  'investment protection',
  'civil aviation',
  'mining',
  'pharmaceuticals',
  'cybersecurity',
  'logistics',
  'textile industry',
  'fisheries',
  'railway construction',
  'youth exchanges',
  'disaster risk reduction',
  'green hydrogen',
  'critical minerals',
  'e-commerce',
  'visa facilitation',
];
const TOPIC_FORMS = [
  'cooperation in the field of {d}',
  'the development of {d}',
  'joint projects in {d}',
  'prospects for partnership in {d}',
  'the implementation of agreements on {d}',
  'regional cooperation on {d}',
  'the exchange of experience in {d}',
  'expanding trade in {d}',
];
const STATEMENTS = [
  'the country pursues a balanced and multi-vector foreign policy',
  'regional connectivity is a priority of the ministry this year',
  'the ministry is ready to deepen dialogue with all partners on {d}',
  'economic diplomacy remains at the core of the country’s foreign policy',
  'the protection of the rights of citizens abroad is a key task of the diplomatic service',
];
const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

// ── the model ─────────────────────────────────────────────────────────────────

interface Country {
  id: string;
  name: string;
  demonym: string;
  capital: string; // city id
}
interface City {
  id: string;
  name: string;
  country: string;
}
interface Org {
  id: string;
  full: string;
  acronym: string;
  headTitle: string;
}
interface Person {
  id: string;
  name: string;
  surname: string;
  title: string;
  kind: 'minister' | 'head' | 'ambassador' | 'principal' | 'president';
  country?: string;
  organization?: string;
  aliases: string[];
  titles: string[];
}
interface EventEntity {
  id: string;
  name: string;
}

export interface GenerateOptions {
  seed: number;
  releases: number;
  /** Ids the corpus must not use (the shipped knowledge's, when both go in one folder). */
  reservedIds?: ReadonlySet<string>;
}

export interface Corpus {
  /** File path (relative to the knowledge folder) → content. */
  files: Map<string, string>;
  releases: number;
  /** Releases with any curation (thin ones included). */
  curated: number;
  /** Releases curated only thinly: the people named, and at most one fact. */
  thin: number;
  shapes: Record<Shape, number>;
}

/**
 * What a release reports: a tour of bilateral meetings abroad; a visitor received at home; a
 * multilateral forum with meetings on its margins; talks with two or three people at once.
 */
export type Shape = 'tour' | 'home' | 'forum' | 'talks';

function pickShape(random: Random): Shape {
  const r = random();
  return r < 0.4 ? 'tour' : r < 0.65 ? 'home' : r < 0.85 ? 'forum' : 'talks';
}

const ACCENTED: Readonly<Record<string, string>> = { a: 'á', e: 'é', i: 'í', o: 'ö', s: 'š', z: 'ž' };
const stripMarks = (text: string) => text.normalize('NFKD').replace(/\p{M}/gu, '');

/** Words the invented names must not be: real places and organizations, so the engine's gazetteer stays out of it. */
const REAL = new Set(WORLD.flatMap((w) => [...w.names, ...(w.demonyms ?? [])]).flatMap((n) => n.toLowerCase().split(/[\s-]+/)));

class Names {
  private used = new Set<string>();
  constructor(
    private random: Random,
    reserved: ReadonlySet<string>,
  ) {
    for (const id of reserved) this.used.add(id);
  }

  /** An invented word; with `accents`, some carry a diacritic, as "José" or "Braže" do (questions type them with or without). */
  word(syllables: number, ending = '', accents = false): string {
    for (;;) {
      let w = '';
      for (let i = 0; i < syllables; i++)
        w += pick(this.random, ONSETS) + pick(this.random, VOWELS) + (i === syllables - 1 && ending ? '' : pick(this.random, CODAS));
      if (accents && this.random() < 0.15) w = w.replace(/[aeiosz](?=[^aeiosz]*$)/, (ch) => ACCENTED[ch] ?? ch);
      w = (w + ending).replace(/(.)\1\1/g, '$1$1');
      const word = w[0]!.toUpperCase() + w.slice(1);
      if (word.length >= 4 && !REAL.has(stripMarks(word).toLowerCase())) return word;
    }
  }

  /** A fresh id from a name; a second "Vel Dorik" becomes "vel-dorik-2". */
  id(name: string): string {
    const base = name
      .toLowerCase()
      .normalize('NFKD')
      .replace(/\p{M}/gu, '')
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-|-$/g, '');
    let id = base;
    for (let n = 2; this.used.has(id); n++) id = `${base}-${n}`;
    this.used.add(id);
    return id;
  }

  claim(name: string): boolean {
    const key = `name:${stripMarks(name).toLowerCase()}`;
    if (this.used.has(key)) return false;
    this.used.add(key);
    return true;
  }
}

export function generateCorpus(options: GenerateOptions): Corpus {
  const random = mulberry32(options.seed);
  const names = new Names(random, options.reservedIds ?? new Set());
  const n = options.releases;

  // Pools sized with the archive: a year of releases meets ~1.5 counterparts per release, once or many times.
  const countries: Country[] = [];
  const cities: City[] = [];
  const countryCount = Math.min(120, 12 + Math.ceil(n / 8));
  for (let i = 0; i < countryCount; i++) {
    const [ending, demonymEnding] = pick(random, COUNTRY_ENDINGS);
    let name = names.word(int(random, 1, 2), ending);
    while (!names.claim(name)) name = names.word(int(random, 1, 2), ending);
    const country: Country = { id: names.id(name), name, demonym: name.slice(0, name.length - ending.length) + demonymEnding, capital: '' };
    const cityCount = int(random, 1, 3);
    for (let c = 0; c < cityCount; c++) {
      let cityName = names.word(int(random, 1, 2), pick(random, CITY_ENDINGS));
      while (!names.claim(cityName)) cityName = names.word(int(random, 1, 2), pick(random, CITY_ENDINGS));
      const city = { id: names.id(cityName), name: cityName, country: country.id };
      cities.push(city);
      if (c === 0) country.capital = city.id;
    }
    countries.push(country);
  }
  const home = countries[0]!;
  const abroad = countries.slice(1);

  const orgs: Org[] = [];
  for (let guard = 0; orgs.length < Math.min(60, 8 + Math.ceil(n / 20)) && guard < 5000; guard++) {
    const adjective = pick(random, ORG_ADJECTIVES);
    const domain = pick(random, ORG_DOMAINS);
    const [head, headTitle] = pick(random, ORG_HEADS);
    const full = `${adjective} ${domain} ${head}`;
    const acronym = full
      .split(/\s+/)
      .map((w) => w[0])
      .join('');
    if (REAL.has(acronym.toLowerCase()) || !names.claim(full) || !names.claim(acronym)) continue;
    orgs.push({ id: names.id(acronym), full, acronym, headTitle });
  }

  const people: Person[] = [];
  const personName = (): { name: string; surname: string } => {
    for (;;) {
      const first = names.word(int(random, 1, 2), '', true);
      const surname = names.word(int(random, 1, 2), pick(random, SURNAME_ENDINGS), true);
      const name = `${first} ${surname}`;
      if (names.claim(name)) return { name, surname };
    }
  };
  const president = { ...personName(), kind: 'president' as const };
  const presidentPerson: Person = {
    id: names.id(president.name),
    name: president.name,
    surname: president.surname,
    title: `President of ${home.name}`,
    kind: 'president',
    country: home.id,
    aliases: [president.surname, `President ${president.surname}`],
    titles: [`${home.demonym} President`, 'Head of State'],
  };
  // The minister travels most; a deputy and the prime minister sometimes.
  const roles: readonly [string, number][] = [
    ['Minister of Foreign Affairs', 6],
    ['Deputy Minister of Foreign Affairs', 2],
    ['Prime Minister', 1],
  ];
  const principals: Person[] = roles.flatMap(([title, weight]) => {
    const p = personName();
    const person: Person = {
      id: names.id(p.name),
      ...p,
      title: `${title} of ${home.name}`,
      kind: 'principal',
      country: home.id,
      aliases: [p.surname, `Minister ${p.surname}`],
      titles: [`${home.demonym} ${title}`],
    };
    return Array.from({ length: weight }, () => person);
  });
  const counterpartCount = Math.max(12, Math.ceil(n * 1.5));
  for (let i = 0; i < counterpartCount; i++) {
    const p = personName();
    const roll = random();
    let person: Person;
    if (roll < 0.55) {
      const country = pick(random, abroad);
      const ministry = pick(random, MINISTRIES);
      const foreign = ministry === 'Foreign Affairs';
      person = {
        id: names.id(p.name),
        ...p,
        title: `Minister of ${ministry} of ${country.name}`,
        kind: 'minister',
        country: country.id,
        aliases: [p.surname, `Minister ${p.surname}`],
        titles: foreign ? [`${country.demonym} Foreign Minister`, `Foreign Minister of ${country.name}`] : [`${country.demonym} Minister of ${ministry}`],
      };
    } else if (roll < 0.85) {
      const org = pick(random, orgs);
      person = {
        id: names.id(p.name),
        ...p,
        title: `${org.headTitle} of the ${org.full} (${org.acronym})`,
        kind: 'head',
        organization: org.id,
        aliases: [p.surname],
        titles: [`${org.acronym} ${org.headTitle}`, `${org.acronym} chief`, `head of ${org.acronym}`],
      };
    } else {
      const country = pick(random, abroad);
      person = {
        id: names.id(p.name),
        ...p,
        title: `Ambassador of ${country.name} to ${home.name}`,
        kind: 'ambassador',
        country: country.id,
        aliases: [p.surname, `Ambassador ${p.surname}`],
        titles: [`${country.demonym} Ambassador`],
      };
    }
    people.push(person);
  }
  const events: EventEntity[] = [];
  for (let i = 0; i < Math.min(40, 4 + Math.ceil(n / 25)); i++) {
    const name = `${pick(random, ORG_ADJECTIVES)} ${pick(random, ORG_DOMAINS)} ${pick(random, ['Summit', 'Forum', 'Conference'])}`;
    if (names.claim(name)) events.push({ id: names.id(name), name });
  }

  // ── how agencies write ──
  // Invented agencies and reporters: datelines and bylines name them, and nobody asks about them.
  const agencies = [`${names.word(2)}inform`, `${names.word(1).slice(0, 3).toUpperCase()}TAG`, `${names.word(2)} News`];
  const reporters = Array.from({ length: 8 }, () => personName().name);
  const citiesOf = new Map<string, City[]>();
  for (const c of cities) push(citiesOf, c.country, c);
  const homeCities = citiesOf.get(home.id)!;
  const homeCapital = homeCities[0]!;
  const countryOf = new Map(countries.map((c) => [c.id, c]));
  const personById = new Map([presidentPerson, ...principals, ...people].map((p) => [p.id, p]));
  const foreignMinisters = people.filter((p) => p.kind === 'minister' && p.title.includes('Foreign Affairs'));

  // ── releases ──
  const files = new Map<string, string>();
  const declared = new Set<string>(); // people declared so far (in the release that first names them)
  const releaseIds = new Set<string>();
  let curatedCount = 0;
  let thinCount = 0;
  const shapes: Record<Shape, number> = { tour: 0, home: 0, forum: 0, talks: 0 };
  const start = Date.UTC(2023, 0, 2);
  for (let r = 0; r < n; r++) {
    const principal = pick(random, principals);
    const shape = pickShape(random);
    shapes[shape]++;
    const host = pick(random, abroad);
    // At home the minister receives visitors, mostly in the capital; abroad, in one of the host's cities.
    const city = shape === 'home' ? (chance(random, 0.8) ? homeCapital : pick(random, homeCities)) : pick(random, citiesOf.get(host.id)!);
    const day = Math.floor((r * 730) / Math.max(1, n)) + int(random, 0, 1);
    const date = new Date(start + day * 86400000).toISOString().slice(0, 10);
    let id = `${date}-${city.id}`;
    for (let k = 2; releaseIds.has(id); k++) id = `${date}-${city.id}-${k}`;
    releaseIds.add(id);
    const year = Number(date.slice(0, 4));
    const month = MONTHS[Number(date.slice(5, 7)) - 1]!;
    const dayOfMonth = Number(date.slice(8, 10));
    // Most releases are curated in full; some have only who was named (a moderator's first pass); some nothing yet.
    const roll = random();
    const curation: 'full' | 'thin' | 'none' = roll < 1 / 7 ? 'none' : roll < 0.3 ? 'thin' : 'full';
    if (curation !== 'none') curatedCount++;
    if (curation === 'thin') thinCount++;

    const b = new ReleaseBuilder();
    const agency = pick(random, agencies);
    const filedIn = shape === 'home' || chance(random, 0.5) ? homeCapital : city;
    const filedCountry = countryOf.get(filedIn.country)!;
    const dateline = pick(random, [
      `${filedIn.name.toUpperCase()}, ${month} ${dayOfMonth} (${agency}) – `,
      `${filedIn.name.toUpperCase()}. ${agency.toUpperCase()} – `,
      `${filedIn.name}. ${month} ${dayOfMonth}. ${agency} – `,
      `${filedIn.name.toUpperCase()}, ${filedCountry.name}, ${month} ${dayOfMonth}. `,
      '',
    ]);
    const attribution = pick(random, [
      `, the press service of the Ministry of Foreign Affairs of ${home.name} reports.`,
      `, ${agency} reports, citing the press service of the ${home.demonym} MFA.`,
      `, the press service of the ${home.demonym} MFA told ${agency}.`,
      `, a ${agency} correspondent reports.`,
    ]);
    const counterparts =
      shape === 'home'
        ? sample(random, people, int(random, 1, 2), pickSkewed)
        : shape === 'talks'
          ? sample(random, people, int(random, 2, 3), pickSkewed)
          : sample(random, people, int(random, 3, 8), pickSkewed);
    const first = counterparts[0]!;
    const pronoun = chance(random, 0.7) ? 'his' : 'her';

    // A title line, and a byline (reporter, then the time of filing) under it or at the end.
    if (chance(random, 0.6)) {
      b.paragraph([
        pick(random, [
          `${shortTitle(principal)} ${principal.surname}, ${shortTitle(first)} ${first.name} hold talks`,
          `${home.name}-${host.name} cooperation discussed`,
          `${principal.name} ${shape === 'home' ? 'receives' : 'meets'} ${first.name}`,
          `${principal.surname}: ${pick(random, DOMAINS)} high on the agenda`,
        ]),
      ]);
    }
    const byline = chance(random, 0.4) ? pick(random, reporters) : undefined;
    const bylineFirst = byline !== undefined && chance(random, 0.5);
    if (byline && bylineFirst) {
      b.paragraph([byline]);
      b.paragraph([`${dayOfMonth} ${month} ${year}, ${String(int(random, 8, 22)).padStart(2, '0')}:${String(int(random, 0, 59)).padStart(2, '0')}`]);
    }

    const topicsFor = (count: number): string[] => sample(random, DOMAINS, count).map((d) => pick(random, TOPIC_FORMS).replace('{d}', d));
    const listOf = (topics: string[]) => (topics.length === 3 ? `${topics[0]}, ${topics[1]}, as well as ${topics[2]}` : `${topics[0]} and ${topics[1]}`);
    // "the Minister of Trade of Veloria Kiran Dovsk", "Vel Dorik, Secretary-General of the … (NWC)".
    const titled = (c: Person) => (c.kind === 'head' ? `${c.name}, ${c.title}` : `the ${c.title} ${c.name}`);
    const principalNamed = `${principal.title} ${principal.name}`;

    // One paragraph per counterpart met (a tour, or the margins of a forum).
    const bilateral = (c: Person): void => {
      const topics = topicsFor(int(random, 2, 3));
      const intro = pick(random, ['at', 'with', 'during', 'met'] as const);
      const list = listOf(topics);
      let lead: string;
      let sentence: string;
      if (intro === 'at') {
        lead = `At the meeting with ${titled(c)}`;
        sentence = `${lead}, ${list} were discussed.`;
      } else if (intro === 'with') {
        lead = `With ${titled(c)}`;
        sentence = `${lead}, the Minister discussed ${list}.`;
      } else if (intro === 'during') {
        lead = `During the talks with ${c.name}, ${c.title}`;
        sentence = `${lead}, the parties exchanged views on ${list}.`;
      } else {
        lead = `${principal.surname} also met with ${titled(c)}`;
        sentence = `${lead}. The sides discussed ${list}.`;
      }
      const sentences = intro === 'met' ? [`${lead}.`, `The sides discussed ${list}.`] : [sentence];
      const followUp = chance(random, 0.6) ? followUpSentence(random, c, principal, presidentPerson, home, events, homeCities, year) : undefined;
      if (followUp && chance(random, 0.5)) sentences.push(followUp.text);
      const pm = b.paragraph(sentences);
      b.mention(c.id, pm, intro === 'during' ? `${c.name}, ${c.title}` : titled(c).replace(/^the /, ''));
      const meeting = b.meeting(c.id, [c.id], { paragraph: pm, quote: lead });
      for (const t of topics) meeting.facts.push({ kind: 'topic', label: capitalize(t.replace(/^the /, '')), sources: [{ paragraph: pm, quote: t }] });
      if (followUp) {
        const pf = sentences.includes(followUp.text) ? pm : b.paragraph([followUp.text]);
        meeting.facts.push({ ...followUp.fact, sources: [{ paragraph: pf, quote: followUp.text }] });
        if (followUp.fact.kind === 'invitation') b.mention(presidentPerson.id, pf, `President of ${home.name} ${presidentPerson.name}`);
      }
    };
    // One meeting with several people at once ("met with X and Y"), its topics in the next paragraph.
    const jointTalks = (group: Person[], leadWords: string, sentence: string): number => {
      const p = b.paragraph([sentence]);
      b.mention(principal.id, p, principalNamed);
      for (const c of group) b.mention(c.id, p, titled(c).replace(/^the /, ''));
      const meeting = b.meeting(
        group[0]!.id,
        group.map((c) => c.id),
        { paragraph: p, quote: leadWords },
      );
      const topics = topicsFor(int(random, 2, 3));
      const pt = b.paragraph([
        `${pick(random, ['The two', 'The sides', 'The interlocutors'])} ${pick(random, ['reviewed', 'discussed', 'considered'])} ${listOf(topics)}.`,
      ]);
      for (const t of topics) meeting.facts.push({ kind: 'topic', label: capitalize(t.replace(/^the /, '')), sources: [{ paragraph: pt, quote: t }] });
      if (chance(random, 0.6)) {
        const followUp = followUpSentence(random, group[0]!, principal, presidentPerson, home, events, homeCities, year);
        const pf = b.paragraph([followUp.text]);
        meeting.facts.push({ ...followUp.fact, sources: [{ paragraph: pf, quote: followUp.text }] });
        if (followUp.fact.kind === 'invitation') b.mention(presidentPerson.id, pf, `President of ${home.name} ${presidentPerson.name}`);
      }
      return p;
    };
    let met = counterparts;
    let target: number;

    if (shape === 'home') {
      // A minister receiving a visitor at home, sometimes with someone else present.
      const [visitor, present] = counterparts;
      const lead = `received ${titled(visitor!).replace(/^the /, '')}`;
      jointTalks([visitor!], lead, `${dateline}${principalNamed} ${lead}${attribution}`);
      if (present) {
        const pp = b.paragraph([`Also present at the meeting was ${titled(present)}.`]);
        b.mention(present.id, pp, titled(present).replace(/^the /, ''));
        met = [visitor!];
      }
      target = int(random, 4, 9);
    } else if (shape === 'talks') {
      // "met with X and Y" in one sentence.
      const names = counterparts.map(titled);
      const lead = `met with ${names.slice(0, -1).join(', ')} and ${names[names.length - 1]}`;
      const p1 = jointTalks(counterparts, lead, `${dateline}${principalNamed} ${lead} in ${city.name}${attribution}`);
      b.fact({
        kind: 'visit',
        label: `${principal.name} visited ${city.name}`,
        where: city.id,
        sources: [{ paragraph: p1, quote: `${lead} in ${city.name}` }],
      });
      target = int(random, 4, 9);
    } else if (shape === 'forum') {
      // A multilateral forum: its participants listed by country, bilateral meetings on its margins.
      const event = pick(random, events);
      const ordinal = ordinalOf(int(random, 2, 30));
      const lead = `took part in the ${ordinal} meeting of the ${event.name} in ${city.name}`;
      const p1 = b.paragraph([`${dateline}${principalNamed} ${lead}${attribution}`]);
      b.mention(principal.id, p1, principalNamed);
      b.fact({
        kind: 'visit',
        label: `${principal.name} took part in the ${event.name} in ${city.name}`,
        where: city.id,
        sources: [{ paragraph: p1, quote: lead }],
      });
      const participants = sample(random, foreignMinisters, int(random, 2, 5)).filter((p) => !counterparts.includes(p));
      if (participants.length >= 2) {
        const items = participants.map((p) => `${countryOf.get(p.country!)!.name} ${p.name}`);
        const pl = b.paragraph([
          `${pick(random, ['The meeting was attended by the foreign ministers of', 'Among the participants were the ministers of', 'Also taking part were the foreign ministers of'])} ${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}.`,
        ]);
        participants.forEach((p, i) => b.mention(p.id, pl, items[i]!));
      }
      b.paragraph([`On the margins of the ${event.name}, the ${home.demonym} minister held bilateral meetings with ${counterparts.length} counterparts.`]);
      for (const c of counterparts) bilateral(c);
      target = int(random, 8, 15);
    } else {
      // A tour: bilateral meetings one by one, or a few foreign ministers in one list.
      const groupPhrase = pick(random, [
        'the heads of international organizations and foreign ministers',
        'a number of foreign partners',
        'officials of several countries and international organizations',
      ]);
      const p1 = b.paragraph([
        `${dateline}${principalNamed}, during ${pronoun} visit to ${city.name}, held a number of bilateral meetings with ${groupPhrase}${attribution}`,
      ]);
      b.mention(principal.id, p1, principalNamed);
      b.fact({
        kind: 'visit',
        label: `${principal.name} visited ${city.name} and held bilateral meetings`,
        where: city.id,
        sources: [
          { paragraph: p1, quote: `${principal.name}, during ${pronoun} visit to ${city.name}, held a number of bilateral meetings with ${groupPhrase}` },
        ],
      });
      const ministers = counterparts.filter((c) => c.kind === 'minister' && c.title.includes('Foreign Affairs'));
      const grouped = ministers.length >= 3 && chance(random, 0.5) ? ministers.slice(0, int(random, 2, Math.min(4, ministers.length))) : [];
      for (const c of counterparts.filter((x) => !grouped.includes(x))) bilateral(c);
      if (grouped.length) {
        const items = grouped.map((g) => `${countryOf.get(g.country!)!.name}, ${g.name}`);
        const lead = `held bilateral talks with the heads of the foreign ministries of`;
        const pg = b.paragraph([`On the same day, the Minister ${lead} ${items.slice(0, -1).join('; ')}; and ${items[items.length - 1]}.`]);
        grouped.forEach((g, i) => b.mention(g.id, pg, items[i]!, lead));
        const meeting = b.meeting(
          'foreign-ministers',
          grouped.map((g) => g.id),
          { paragraph: pg, quote: `On the same day, the Minister ${lead}` },
        );
        const [t1, t2] = topicsFor(2);
        const topicSentence = `The parties discussed ${t1}, including ${t2}.`;
        const pt = b.paragraph([topicSentence]);
        meeting.facts.push({ kind: 'topic', label: capitalize(t1!.replace(/^the /, '')), sources: [{ paragraph: pt, quote: topicSentence }] });
      }
      target = int(random, 8, 15);
    }

    // Statements and background until the release has its length.
    while (b.paragraphs.length < target) {
      if (chance(random, 0.5)) {
        const statement = pick(random, STATEMENTS).replace('{d}', pick(random, DOMAINS));
        const text = `${pick(random, ['Moreover', 'In addition', 'At the same time'])}, Minister ${principal.surname} emphasized that ${statement}.`;
        const ps = b.paragraph([text]);
        b.fact({
          kind: 'statement',
          label: `${principal.surname} emphasized that ${statement}`,
          actor: principal.id,
          sources: [{ paragraph: ps, quote: text }],
        });
      } else {
        const d = pick(random, DOMAINS);
        b.paragraph([
          `The trade turnover between ${home.name} and ${host.name} grew by ${int(random, 3, 40)} percent last year, with ${d} among the fastest-growing sectors.`,
          `${chance(random, 0.5) ? 'Experts' : 'Both sides'} expect further growth in ${pick(random, DOMAINS)} in ${year + 1}.`,
        ]);
      }
    }
    if (byline && !bylineFirst) b.paragraph([byline]);

    // Entities first named in this release are declared beside it; ids are global.
    // (Those only named — present at a meeting, listed at a forum — too.)
    const newPeople = [principal, presidentPerson, ...counterparts, ...b.people.map((p) => personById.get(p.person)!)].filter(
      (p, i, all) => all.indexOf(p) === i && !declared.has(p.id),
    );
    for (const p of newPeople) declared.add(p.id);
    const file: Record<string, unknown> = {};
    if (newPeople.length) file['entities'] = newPeople.map(personEntity);
    file['release'] = {
      id,
      title: `${principal.name} ${shape === 'home' ? 'receives' : shape === 'forum' ? 'at a forum in' : 'visits'} ${shape === 'home' ? first.name : city.name}: ${met.length} counterpart${met.length === 1 ? '' : 's'}`,
      date,
      place: city.id,
      principal: principal.id,
      source: `Press service of the Ministry of Foreign Affairs of ${home.name}`,
      text: `${id}.txt`,
    };
    // How the text is laid out: blank lines between paragraphs; the same with lines hard-wrapped;
    // or wrapped with no blank line at all, so the whole release is one paragraph.
    const layout = pick(random, ['plain', 'plain', 'plain', 'plain', 'plain', 'plain', 'wrapped', 'wrapped', 'wrapped', 'block'] as const);
    if (layout === 'block') b.flatten();
    if (curation === 'full') {
      file['people'] = b.people;
      file['facts'] = b.facts;
      file['meetings'] = b.meetings;
    } else if (curation === 'thin') {
      file['people'] = b.people;
      if (b.facts[0]) file['facts'] = [b.facts[0]];
    }
    files.set(
      path.join('releases', `${id}.txt`),
      `${layout === 'plain' ? b.paragraphs.join('\n\n') : b.paragraphs.map((p) => wrap(p, 72)).join(layout === 'block' ? '\n' : '\n\n')}\n`,
    );
    files.set(path.join('releases', `${id}.yaml`), stringify(file, { lineWidth: 0 }));
  }

  const entities = [
    ...countries.map((c) => ({ id: c.id, type: 'country', name: c.name, aliases: [`Republic of ${c.name}`], demonyms: [c.demonym] })),
    ...cities.map((c) => ({ id: c.id, type: 'place', name: c.name, country: c.country, aliases: [] })),
    ...orgs.map((o) => ({ id: o.id, type: 'organization', name: `${o.full} (${o.acronym})`, aliases: [o.acronym, o.full] })),
    ...events.map((e) => ({ id: e.id, type: 'event', name: e.name, aliases: [] })),
  ];
  files.set('generated-entities.yaml', stringify({ entities }, { lineWidth: 0 }));
  return { files, releases: n, curated: curatedCount, thin: thinCount, shapes };
}

/** "Foreign Minister of Veloria", "NWC Secretary-General", "Zanlander Ambassador": a title line's way of naming. */
function shortTitle(p: Person): string {
  return p.titles[0] ?? p.title;
}

/** Hard-wrapped lines, as agency feeds and copied web pages have them (the loader joins them again). */
function ordinalOf(n: number): string {
  const suffix = n % 100 >= 11 && n % 100 <= 13 ? 'th' : (['th', 'st', 'nd', 'rd'][n % 10] ?? 'th');
  return `${n}${suffix}`;
}

function wrap(text: string, width: number): string {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(' ')) {
    if (line && line.length + 1 + word.length > width) {
      lines.push(line);
      line = word;
    } else line = line ? `${line} ${word}` : word;
  }
  if (line) lines.push(line);
  return lines.join('\n');
}

function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

function capitalize(text: string): string {
  return text[0]!.toUpperCase() + text.slice(1);
}

function personEntity(p: Person) {
  return {
    id: p.id,
    type: 'person',
    name: p.name,
    title: p.title,
    ...(p.organization ? { organization: p.organization } : {}),
    ...(p.country ? { country: p.country } : {}),
    aliases: p.aliases,
    titles: p.titles,
  };
}

interface FollowUp {
  text: string;
  fact: { kind: string; label: string; actor?: string; when?: string; where?: string };
}

function followUpSentence(
  random: Random,
  c: Person,
  principal: Person,
  president: Person,
  home: Country,
  events: EventEntity[],
  cities: City[],
  year: number,
): FollowUp {
  const d = pick(random, DOMAINS);
  const month = pick(random, MONTHS);
  switch (int(random, 0, 3)) {
    case 0: {
      const text = `${c.surname} highly appreciated the efforts of ${home.name} in ${d}.`;
      return { text, fact: { kind: 'assessment', label: `${c.surname} highly appreciated the efforts of ${home.name} in ${d}`, actor: c.id } };
    }
    case 1: {
      const city = pick(
        random,
        cities.filter((x) => x.country === home.id),
      );
      const text = `${c.surname} supported the initiative to establish a regional centre for ${d} in ${city.name}.`;
      return {
        text,
        fact: { kind: 'support', label: `${c.surname} supported establishing a regional centre for ${d} in ${city.name}`, actor: c.id, where: city.id },
      };
    }
    case 2: {
      const text = `The parties agreed to intensify cooperation in ${d} and to hold the next round of consultations in ${month} ${year + 1}.`;
      return {
        text,
        fact: { kind: 'agreement', label: `To intensify cooperation in ${d}; next consultations in ${month} ${year + 1}`, when: `${month} ${year + 1}` },
      };
    }
    default: {
      const event = pick(random, events);
      const city = pick(
        random,
        cities.filter((x) => x.country === home.id),
      );
      const text = `The Minister conveyed an invitation from the President of ${home.name} ${president.name} to the ${event.name}, scheduled for ${month} ${year + 1} in ${city.name}.`;
      return {
        text,
        fact: {
          kind: 'invitation',
          label: `${principal.surname} conveyed President ${president.surname}'s invitation to the ${event.name}, ${month} ${year + 1}, ${city.name}`,
          actor: principal.id,
          when: `${month} ${year + 1}`,
          where: city.id,
        },
      };
    }
  }
}

interface Src {
  paragraph: number;
  quote: string;
}

/** Collects a release's paragraphs and the knowledge that cites them. */
class ReleaseBuilder {
  paragraphs: string[] = [];
  people: { person: string; sources: Src[] }[] = [];
  facts: Record<string, unknown>[] = [];
  meetings: { id: string; with: string[]; sources: Src[]; facts: Record<string, unknown>[] }[] = [];

  paragraph(sentences: string[]): number {
    this.paragraphs.push(sentences.join(' '));
    return this.paragraphs.length;
  }

  mention(person: string, paragraph: number, quote: string, lead?: string): void {
    if (this.people.some((p) => p.person === person)) return;
    this.people.push({
      person,
      sources: lead
        ? [
            { paragraph, quote: lead },
            { paragraph, quote },
          ]
        : [{ paragraph, quote }],
    });
  }

  fact(f: Record<string, unknown>): void {
    this.facts.push(f);
  }

  /** The whole text as one paragraph (a release with no blank lines): every source cites paragraph 1. */
  flatten(): void {
    this.paragraphs = [this.paragraphs.join(' ')];
    const one = (sources: Src[]) => sources.forEach((s) => (s.paragraph = 1));
    for (const p of this.people) one(p.sources);
    for (const f of this.facts) one(f['sources'] as Src[]);
    for (const m of this.meetings) {
      one(m.sources);
      for (const f of m.facts) one(f['sources'] as Src[]);
    }
  }

  meeting(id: string, withPeople: string[], source: Src) {
    let unique = id;
    for (let n = 2; this.meetings.some((m) => m.id === unique); n++) unique = `${id}-${n}`;
    const m = { id: unique, with: withPeople, sources: [source], facts: [] as Record<string, unknown>[] };
    this.meetings.push(m);
    return m;
  }
}

/**
 * Writes the corpus under dir (created if needed), a few files at a time: 20,000 writes
 * started at once run out of file descriptors (EMFILE).
 */
export async function writeCorpus(corpus: Corpus, dir: string, concurrency = 64): Promise<void> {
  await fs.mkdir(path.join(dir, 'releases'), { recursive: true });
  const entries = [...corpus.files];
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < entries.length) {
      const [file, content] = entries[next++]!;
      await fs.writeFile(path.join(dir, file), content);
    }
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, entries.length) }, worker));
}
