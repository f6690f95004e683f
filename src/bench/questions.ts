/**
 * The benchmark's workload, drawn from whatever knowledge is loaded (the shipped
 * release or a generated archive) with a seeded PRNG: a fixed mix of questions
 * (who / what / when / where / did / abstain, a quarter of them with a typo in a
 * name) and partly typed names for autocomplete.
 */
import type { Entity, Knowledge } from '../core';
import { chance, int, mulberry32, pick, type Random } from './random';

export type QuestionKind = 'who' | 'what' | 'when' | 'where' | 'did' | 'abstain';

export interface BenchQuestion {
  kind: QuestionKind;
  text: string;
  typo: boolean;
}

/** Shares of each kind in the mix. */
export const MIX: Readonly<Record<QuestionKind, number>> = { who: 0.25, what: 0.25, when: 0.1, where: 0.1, did: 0.15, abstain: 0.15 };

// Questions the knowledge cannot answer: other countries, other subjects, names nobody met.
const ABSTAIN_SUBJECTS = [
  'cryptocurrency regulation',
  'the Olympic Games bid',
  'fishing quotas in the Arctic',
  'a new airport tax',
  'the chess championship',
  'vaccine patents',
];
const ABSTAIN_DEMONYMS = ['Brazilian', 'Canadian', 'Mexican', 'Norwegian', 'Kenyan', 'Peruvian', 'Icelandic', 'Chilean'];
const INVENTED_STRANGERS = ['Quorvath Imbelline', 'Sedrin Paluxo', 'Mavrik Oentolla', 'Trisk Vandemoor'];

interface Pools {
  principals: Entity[];
  met: { person: Entity; release: string }[];
  places: Entity[];
  countries: Entity[];
  topics: string[];
}

function poolsOf(knowledge: Knowledge): Pools {
  const entity = (id: string | undefined) => (id ? knowledge.entities.get(id) : undefined);
  const principals = [...new Set([...knowledge.releases.values()].map((r) => r.principal))].flatMap((id) => entity(id) ?? []);
  const met = [...knowledge.meetings.values()].flatMap((m) => m.with.flatMap((id) => (entity(id) ? [{ person: entity(id)!, release: m.release }] : [])));
  const places = [...new Set([...knowledge.releases.values()].map((r) => r.place))].flatMap((id) => entity(id) ?? []);
  const countries = [...knowledge.entities.values()].filter((e) => e.type === 'country');
  const topics = [...knowledge.facts.values()].filter((f) => f.kind === 'topic').map((f) => f.label);
  return { principals, met, places, countries, topics };
}

const surname = (e: Entity) => e.name.split(/\s+/).pop() ?? e.name;

/** One typo in the longest word of a name: a dropped, doubled or swapped letter. */
export function typo(random: Random, word: string): string {
  if (word.length < 5) return word;
  const i = int(random, 1, word.length - 3);
  switch (int(random, 0, 2)) {
    case 0:
      return word.slice(0, i) + word.slice(i + 1);
    case 1:
      return word.slice(0, i) + word[i] + word.slice(i);
    default:
      return word.slice(0, i) + word[i + 1] + word[i] + word.slice(i + 2);
  }
}

export function questionsFor(knowledge: Knowledge, seed: number, count: number): BenchQuestion[] {
  const random = mulberry32(seed);
  const p = poolsOf(knowledge);
  const out: BenchQuestion[] = [];
  const kinds = (Object.entries(MIX) as [QuestionKind, number][]).flatMap(([kind, share]) => Array.from({ length: Math.round(share * count) }, () => kind));
  while (kinds.length < count) kinds.push('who');
  for (const kind of kinds.slice(0, count)) {
    if (!p.met.length || !p.principals.length) {
      out.push({ kind: 'abstain', text: abstain(random, p), typo: false });
      continue;
    }
    const { person } = pick(random, p.met);
    const principal = pick(random, p.principals);
    const withTypo = kind !== 'abstain' && chance(random, 0.25);
    // The name as a user types it: full, surname only, or with one typo.
    const name = (e: Entity, full = chance(random, 0.5)) => {
      const n = full ? e.name : surname(e);
      if (!withTypo) return n;
      const words = n.split(' ');
      const longest = words.reduce((a, b) => (b.length > a.length ? b : a));
      return words.map((w) => (w === longest ? typo(random, w) : w)).join(' ');
    };
    const country = person.country ? knowledge.entities.get(person.country) : undefined;
    const place = p.places.length ? pick(random, p.places) : undefined;
    let text: string;
    switch (kind) {
      case 'who': {
        const forms = [
          person.title ? `Who is the ${person.title}?` : `Who is ${name(person)}?`,
          country ? `Which minister represented ${country.name}?` : `Who is ${name(person)}?`,
          country?.demonyms[0] ? `Who is the ${country.demonyms[0]} foreign minister?` : `Who is ${name(person)}?`,
          place ? `Who did ${name(principal, false)} meet in ${place.name}?` : `Who did ${name(principal, false)} meet?`,
        ];
        text = pick(random, forms);
        break;
      }
      case 'what': {
        const topic = p.topics.length ? pick(random, p.topics).split(/\s+/).slice(0, 4).join(' ').toLowerCase() : 'cooperation';
        text = pick(random, [
          `What did ${name(principal, false)} and ${name(person, false)} discuss?`,
          `What was discussed with ${name(person)}?`,
          person.title ? `What was on the agenda with the ${person.title}?` : `What was discussed with ${name(person)}?`,
          `Was ${topic} discussed?`,
        ]);
        break;
      }
      case 'when':
        text = pick(random, [
          `When did ${name(principal, false)} meet ${name(person)}?`,
          place ? `When was the visit to ${place.name}?` : `When was the visit?`,
        ]);
        break;
      case 'where':
        text = pick(random, [`Where did ${name(principal, false)} meet ${name(person)}?`, `In which city did he meet ${name(person, false)}?`]);
        break;
      case 'did':
        text = `Did ${name(principal, false)} meet ${name(person)}?`;
        break;
      default:
        text = abstain(random, p);
    }
    out.push({ kind, text, typo: withTypo });
  }
  return out;
}

function abstain(random: Random, p: Pools): string {
  const principal = p.principals.length ? surname(pick(random, p.principals)) : 'the minister';
  const country = p.countries.length ? pick(random, p.countries).name : 'the country';
  return pick(random, [
    `Did ${principal} discuss ${pick(random, ABSTAIN_SUBJECTS)}?`,
    `Did ${principal} meet the ${pick(random, ABSTAIN_DEMONYMS)} prime minister?`,
    `What is the GDP of ${country}?`,
    `Did ${principal} meet ${pick(random, INVENTED_STRANGERS)}?`,
    `Who won the ${pick(random, ['cup final', 'election in Peru', 'tennis open'])}?`,
    'qwerty asdf zxcv',
  ]);
}

/** Partly typed names, as autocomplete receives them keystroke by keystroke (a few empty, a few with a typo). */
export function partialsFor(knowledge: Knowledge, seed: number, count: number): string[] {
  const random = mulberry32(seed ^ 0x5bd1e995);
  const p = poolsOf(knowledge);
  const out: string[] = [];
  for (let i = 0; i < count; i++) {
    if (!p.met.length || chance(random, 0.04)) {
      out.push('');
      continue;
    }
    const { person } = pick(random, p.met);
    const source = pick(random, [
      person.name,
      surname(person),
      person.title ?? person.name,
      ...(person.country ? [knowledge.entities.get(person.country)?.name ?? person.name] : []),
    ]);
    let typed = source.slice(0, int(random, Math.min(2, source.length), Math.min(source.length, 12)));
    if (chance(random, 0.2)) typed = typo(random, typed);
    out.push(chance(random, 0.5) ? typed.toLowerCase() : typed);
  }
  return out;
}
