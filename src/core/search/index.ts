/**
 * The search index over one knowledge snapshot: built once per load, read-only after.
 * - entity forms (names, aliases, titles, demonyms) in an exact stem table and in fuse.js;
 * - the world's other countries, organizations and cities, to recognise what the knowledge lacks;
 * - the vocabulary of the releases, to tell a word the release uses from one it never does;
 * - curated facts, by the entities they name and by their words (an inverted index);
 * - every sentence of every release, for BM25 retrieval (sentence-index.ts), for releases nobody has curated yet.
 */
import type { Fact, Knowledge, Meeting, Mention, Release } from '../knowledge/types';
import { WORLD } from '../lexicon/world';
import { LEXICON } from '../lexicon/lexicon';
import { stem, normalize } from '../text/normalize';
import { entityForms, formOf, stemKey, stemsOf, type EntityForm } from './entity-forms';
import { formTableSteps, linkExact, type FormTable, type Link } from './link';
import { rawWordsOf, tokenOf, tokensOf } from './tokens';
import { SentenceIndex, sentenceIndexSteps } from './sentence-index';
import { SmallSets } from './small-sets';
import { NgramIndex } from './ngrams';
import { worldPlaceForms } from './world-forms';
import { runSteps, runStepsInSlices, sortSteps, type Steps } from '../steps';

export interface SearchIndex {
  formTable: FormTable;
  /** Long names of organizations, events, programmes and people by each of their words, for shortened mentions ("Shanghai summit", "bui thanh"). */
  longNamesByStem: ReadonlyMap<string, readonly EntityForm[]>;
  /** People by their first name ("yerzhan"), when the releases never write that word in lower case. */
  firstNames: ReadonlyMap<string, readonly string[]>;
  /** Each person's last name word, normalized: "alibek bakaev" spells Alibek Bakayev's. */
  surnames: ReadonlyMap<string, string>;
  /** Fuzzy look-up of names, aliases and titles (typos, partial names, autocomplete). */
  formSearch: NgramIndex<EntityForm>;
  /** Fuzzy look-up of the releases' words, for typos in subject words. */
  wordSearch: NgramIndex<string>;
  /** The world's names the knowledge does not know, by stem key. */
  worldTable: FormTable;
  /** Of those, the ones some release's text names anyway, with the releases that name them ("Xi'an" in an uncurated release). */
  releasesNaming: Lookup;
  /** The kind of each of the world's names: 'place' (a city), 'country' or 'organization'. */
  worldKinds: ReadonlyMap<string, 'place' | 'country' | 'organization'>;
  /** For each entity, the releases whose text names it: a question naming it is about those releases. */
  releasesNamingEntity: Lookup;
  /** The type of each entity ('person', 'place', 'country', 'organization', …). */
  entityKinds: ReadonlyMap<string, string>;
  /** Entities that are people. */
  persons: ReadonlySet<string>;
  /** Entities that are places, countries or organizations: what a yes/no question may propose ("in Geneva?"). */
  placeLike: ReadonlySet<string>;
  /** Stems of every word in the releases and the knowledge. */
  vocabulary: ReadonlySet<string>;
  /** Facts by the entities they name (actor, place, meeting counterparts, names in the text). */
  factsByEntity: ReadonlyMap<string, readonly string[]>;
  /** For each fact, the entities it names (in that order), and the stems of its words. */
  factEntities: SmallSets;
  /** Facts by the stems of their words, and each stem's weight (rarer words weigh more). */
  factsByStem: ReadonlyMap<string, readonly string[]>;
  factStems: SmallSets;
  stemWeight: (stem: string) => number;
  meetingsByPerson: ReadonlyMap<string, readonly string[]>;
  /** Meetings by release, in the release's order. */
  meetingsByRelease: ReadonlyMap<string, readonly Meeting[]>;
  /** For each organization or country, the people of it (through `parent` too); a person is their own. */
  peopleOfEntity: ReadonlyMap<string, readonly string[]>;
  /** The visiting ministers, their countries and the host cities: words that frame a question without narrowing it. */
  principals: ReadonlySet<string>;
  /** How each release introduces each person, by person. */
  mentionsByPerson: ReadonlyMap<string, readonly Mention[]>;
  /** The same, by release: the people a release introduces. */
  mentionsByRelease: ReadonlyMap<string, readonly Mention[]>;
  /** Every person met, once per visit, in the order of the releases and meetings. */
  counterparts: ReadonlyArray<{ person: string; meeting: Meeting }>;
  /** The same people, as a set. */
  metPeople: ReadonlySet<string>;
  /** Words of the releases' source lines ("press service", "ministry"). */
  sourceStems: ReadonlySet<string>;
  /** Fact ids by kind ("invitation", "agreement"). */
  factsByKind: ReadonlyMap<string, readonly string[]>;
  /** Fact ids by release, in the release's order: a digest or a question's second half without a pass over every fact. */
  factsByRelease: ReadonlyMap<string, readonly string[]>;
  /** The releases, newest first. */
  releasesNewestFirst: readonly Release[];
  /** Every release id. */
  releaseIds: ReadonlySet<string>;
  /** Release ids by host city, and by visiting minister: a question's scope without a pass over every release. */
  releasesByPlace: ReadonlyMap<string, ReadonlySet<string>>;
  releasesByPrincipal: ReadonlyMap<string, ReadonlySet<string>>;
  /** Facts that say when something happens ("July 2024"), for questions that name a date. */
  datedFacts: readonly Fact[];
  /** Every entity a release's text names, with the first paragraph that names it (worked out when first asked). */
  namedInRelease: (release: string) => ReadonlyMap<string, number>;
  sentences: SentenceIndex;
}

export function buildIndex(knowledge: Knowledge): SearchIndex {
  return runSteps(indexSteps(knowledge));
}

/**
 * The same build, in slices of a few milliseconds with the event loop free between them,
 * so that a bot reloading a thousand releases keeps answering from the old index meanwhile.
 */
export function buildIndexInSlices(knowledge: Knowledge, sliceMs = 8): Promise<SearchIndex> {
  return runStepsInSlices(indexSteps(knowledge), sliceMs);
}

/**
 * Builds the index, yielding between pieces of work (a release, a batch of facts): every pass that
 * grows with the archive yields at least every few milliseconds of work (at 10,000 releases, on an
 * idle machine). test/core/steps.test.ts checks that the sliced build answers as the one at once.
 */
function* indexSteps(knowledge: Knowledge): Steps<SearchIndex> {
  // Yields (`yield`) wherever a step grows with the archive: at 10,000 releases each of these
  // passes alone (the forms of 14,000 entities, their trigrams, 100,000 facts' words) took longer
  // than the 100 ms a reload may hold the event loop.
  const caseSensitive = new Set<string>();
  let entityCount = 0;
  for (const e of knowledge.entities.values()) {
    for (const form of e.caseSensitive) caseSensitive.add(form);
    if (++entityCount % 1024 === 0) yield;
  }
  entityCount = 0;
  const forms: EntityForm[] = [];
  for (const e of knowledge.entities.values()) {
    for (const form of entityForms(e, caseSensitive)) forms.push(form);
    if (++entityCount % 32 === 0) yield; // each entity's forms are tokenized, stemmed and spelled in Cyrillic
  }
  forms.push(...(yield* namePartForms(knowledge, forms)));
  yield;
  const formTable = yield* formTableSteps(forms);
  yield;
  const formSearch = yield* NgramIndex.inSteps(forms, (f) => f.text, {
    keys: ['text'],
    includeScore: true,
    ignoreDiacritics: true,
    ignoreLocation: true,
    threshold: 0.34,
    minMatchCharLength: 2,
  });

  // World names minus what the knowledge knows: "Geneva" is ours, "Tashkent" is not.
  const worldForms: EntityForm[] = [];
  let places = 0;
  for (const place of worldPlaceForms()) {
    if (++places % 256 === 0) yield;
    if (place.nameKeys.some((key) => formTable.byKey.has(key))) continue;
    for (const form of place.forms) if (!formTable.byKey.has(stemKey(form.stems))) worldForms.push(form);
  }
  yield;
  const worldTable = yield* formTableSteps(worldForms);

  // Vocabulary: the words of the releases, facts and entity forms, plus the question lexicon.
  const vocabulary = new Set<string>();
  const words = new Set<string>();
  // This pass sees every word of every release (seven million at 10,000 releases) and was a third
  // of the build: a Token (three strings, a stem look-up) and two set insertions per word. Each
  // distinct spelling is now made a Token once; every other occurrence is one set look-up.
  const seenSpellings = new Set<string>();
  const addWords = (text: string): void => {
    for (const raw of rawWordsOf(text)) {
      if (seenSpellings.has(raw)) continue;
      seenSpellings.add(raw);
      const t = tokenOf(raw);
      vocabulary.add(t.stem);
      words.add(t.norm);
    }
  };
  // Each paragraph is tokenized once for the vocabulary.
  const releases = [...knowledge.releases.values()];
  for (const release of releases) {
    for (const paragraph of release.paragraphs) addWords(paragraph);
    addWords(release.title);
    addWords(release.source);
    yield;
  }
  yield;
  // Every sentence, for BM25: what no curated fact covers (a release nobody curated, a paragraph a
  // thin draft left out) is answered from them.
  const sentences = yield* SentenceIndex.inSteps(yield* sentenceIndexSteps(releases), releases);
  // A label or a name's first words are new spellings, each tokenized and stemmed: a yield every hundred
  // (at 10,000 releases these two passes ran 220 ms without one).
  let labels = 0;
  for (const fact of knowledge.facts.values()) {
    addWords(fact.label);
    if (++labels % 128 === 0) yield;
  }
  for (let f = 0; f < forms.length; f++) {
    addWords(forms[f]!.display);
    if (f % 128 === 127) yield;
  }
  // (Russian words translate to English stems in the reader; only the releases' own words are known English words.)
  yield;
  const wordSearch = yield* NgramIndex.inSteps(yield* longWords(words), (w) => w, { includeScore: true, threshold: 0.4 });

  // Facts: which entities each names, and which words.
  const factsByEntity = new Map<string, string[]>();
  const factEntities = new SmallSets();
  const factsByStem = new Map<string, string[]>();
  const factStems = new SmallSets();
  const ignored = new Set([...LEXICON.frame].map((w) => stem(normalize(w))));
  for (const fact of knowledge.facts.values()) {
    const entities = new Set<string>(factEntityIds(fact, knowledge));
    const text = factText(fact);
    const tokens = tokensOf(text);
    for (const id of entitiesNamed(tokens, formTable)) entities.add(id);
    factEntities.add(fact.id, entities);
    for (const entity of entities) push(factsByEntity, entity, fact.id);
    // The fact's kind is one of its words: "the WIPO cooperation" is every cooperation fact with WIPO.
    const stems = new Set([...tokens.map((t) => t.stem), stem(fact.kind)].filter((s) => s.length > 2 && !ignored.has(s)));
    factStems.add(fact.id, stems);
    for (const s of stems) push(factsByStem, s, fact.id);
    if (factEntities.size % 16 === 0) yield;
  }
  factEntities.seal();
  factStems.seal();
  const factCount = Math.max(1, knowledge.facts.size);
  const stemWeight = (s: string): number => Math.log(1 + factCount / (1 + (factsByStem.get(s)?.length ?? 0)));

  yield;
  // The passes below each see every meeting, entity, release or fact: a yield every few thousand
  // (at 10,000 releases, the passes from here to the end ran half a second without one).
  let items = 0;
  const meetingsByPerson = new Map<string, string[]>();
  const meetingsByRelease = new Map<string, Meeting[]>();
  for (const meeting of knowledge.meetings.values()) {
    push(meetingsByRelease, meeting.release, meeting);
    for (const person of meeting.with) push(meetingsByPerson, person, meeting.id);
    if (++items % 1024 === 0) yield;
  }

  const peopleOfEntity = new Map<string, string[]>();
  for (const person of knowledge.entities.values()) {
    if (person.type !== 'person') continue;
    push(peopleOfEntity, person.id, person.id);
    for (const start of [person.organization, person.country]) {
      // Walk up `parent` (OHCHR → UN) so "UN officials" finds people of its offices.
      for (let at = start, depth = 0; at && depth < 5; at = knowledge.entities.get(at)?.parent, depth++) push(peopleOfEntity, at, person.id);
    }
    if (++items % 1024 === 0) yield;
  }
  yield;
  const principals = new Set<string>();
  const releasesByPlace = new Map<string, Set<string>>();
  const releasesByPrincipal = new Map<string, Set<string>>();
  for (const r of knowledge.releases.values()) {
    if (r.place) addTo(releasesByPlace, r.place, r.id);
    if (r.principal) addTo(releasesByPrincipal, r.principal, r.id);
    if (r.principal) principals.add(r.principal);
    const country = r.principal ? knowledge.entities.get(r.principal)?.country : undefined;
    if (country) principals.add(country);
    if (r.place) principals.add(r.place);
    if (++items % 1024 === 0) yield;
  }

  yield;
  const mentionsByPerson = new Map<string, Mention[]>();
  const mentionsByRelease = new Map<string, Mention[]>();
  for (const mention of knowledge.mentions) {
    push(mentionsByPerson, mention.person, mention);
    push(mentionsByRelease, mention.release, mention);
    if (++items % 1024 === 0) yield;
  }
  const counterparts: Array<{ person: string; meeting: Meeting }> = [];
  const seenVisits = new Set<string>();
  for (const meeting of knowledge.meetings.values()) {
    for (const person of meeting.with) {
      const key = `${meeting.release}/${person}`;
      if (seenVisits.has(key)) continue;
      seenVisits.add(key);
      counterparts.push({ person, meeting });
    }
    if (++items % 1024 === 0) yield;
  }
  yield;
  const metPeople = new Set<string>();
  for (const c of counterparts) {
    metPeople.add(c.person);
    if (++items % 1024 === 0) yield;
  }
  const datedFacts: Fact[] = [];
  const factsByKind = new Map<string, string[]>();
  const factsByRelease = new Map<string, string[]>();
  for (const fact of knowledge.facts.values()) {
    if (fact.when) datedFacts.push(fact);
    push(factsByKind, fact.kind, fact.id);
    push(factsByRelease, fact.release, fact.id);
    if (++items % 1024 === 0) yield;
  }
  yield;
  const longNamesByStem = yield* longNames(knowledge, forms);
  yield;
  // "What did yerzhan discuss?": people are asked about by their first name too. A first name the text also
  // writes in lower case ("Said") is a word; one that is some entity's form already names that.
  const firstNames = new Map<string, string[]>();
  const surnames = new Map<string, string>();
  for (const e of knowledge.entities.values()) {
    if (e.type !== 'person') continue;
    const [first, ...rest] = rawWordsOf(e.name);
    if (rest.length) surnames.set(e.id, tokenOf(rest[rest.length - 1]!).norm);
    if (!first || rest.length === 0 || first.length < 3 || !/^\p{Lu}\p{Ll}/u.test(first) || seenSpellings.has(first.toLowerCase())) continue;
    const t = tokenOf(first);
    if (formTable.byKey.has(stemKey([t.stem])) || LEXICON.stopwords.has(t.norm)) continue;
    push(firstNames, t.norm, e.id);
    if (++items % 1024 === 0) yield;
  }
  // Undated releases last. (One Intl.Collator: what localeCompare does, without making one per comparison;
  // sorted in steps: 10,000 releases took 50 ms at once.)
  const releasesNewestFirst = yield* sortSteps(
    [...knowledge.releases.values()],
    (x, y) => COLLATOR.compare(y.date ?? '', x.date ?? '') || COLLATOR.compare(x.id, y.id),
  );
  yield;
  // Releases share a few source lines: each distinct one is stemmed once (the same set).
  const sources = new Set<string>();
  for (const r of knowledge.releases.values()) {
    sources.add(r.source);
    if (++items % 1024 === 0) yield;
  }
  const sourceStems = new Set([...sources].flatMap((source) => stemsOf(source)));
  yield;
  const releasesNaming = yield* releasesNamingLookup(
    sentences,
    worldForms,
    (tokens) => {
      // A world name inside one of ours ("Shanghai" in the Shanghai Cooperation Organization) is not named —
      // but one inside a person's title is ("Consul General of Kazakhstan in Guangzhou Yerkebulan Sarybay"), and one
      // that holds ours is ("UN General Assembly", where ours is only "UN").
      const ours = linkExact(tokens, formTable).filter((l) => knowledge.entities.get(l.entity)?.type !== 'person');
      return linkExact(tokens, worldTable)
        .filter((w) => !ours.some((l) => l.start <= w.start && w.end <= l.end))
        .map((l) => l.entity);
    },
    true,
  );
  yield;
  const releasesNamingEntity = yield* releasesNamingLookup(sentences, forms, (tokens) => [...entitiesNamed(tokens, formTable)], false);
  yield;
  // (These three passes over 14,000 entities took 50 ms at once.)
  const entityKinds = new Map<string, string>();
  const persons = new Set<string>();
  const placeLike = new Set<string>();
  for (const e of knowledge.entities.values()) {
    entityKinds.set(e.id, e.type);
    if (e.type === 'person') persons.add(e.id);
    if (e.type === 'place' || e.type === 'country' || e.type === 'organization') placeLike.add(e.id);
    if (++items % 1024 === 0) yield;
  }
  yield;
  const releaseIds = new Set<string>();
  for (const id of knowledge.releases.keys()) {
    releaseIds.add(id);
    if (++items % 1024 === 0) yield;
  }
  yield;

  return {
    formTable,
    longNamesByStem,
    firstNames,
    surnames,
    formSearch,
    wordSearch,
    worldTable,
    releasesNaming,
    releasesNamingEntity,
    worldKinds: new Map(WORLD.map((w) => [w.names[0] ?? '', w.kind === 'city' ? 'place' : w.kind])),
    entityKinds,
    persons,
    placeLike,
    vocabulary,
    factsByEntity,
    factEntities,
    factsByStem,
    factStems,
    stemWeight,
    meetingsByPerson,
    meetingsByRelease,
    peopleOfEntity,
    principals,
    mentionsByPerson,
    mentionsByRelease,
    releaseIds,
    releasesByPlace,
    releasesByPrincipal,
    releasesNewestFirst,
    factsByKind,
    factsByRelease,
    sourceStems,
    counterparts,
    metPeople,
    datedFacts,
    namedInRelease: namedIn(knowledge, formTable),
    sentences,
  };
}

/**
 * A person's first or last name alone ("igli", "volker", "darchiashvili"), when it is no ordinary
 * word and no one else's: one more way to write that person.
 */
function* namePartForms(knowledge: Knowledge, forms: readonly EntityForm[]): Steps<EntityForm[]> {
  const owners = new Map<string, Set<string>>();
  const displays = new Map<string, string>();
  let seen = 0;
  for (const form of forms) {
    if (++seen % 256 === 0) yield; // tens of thousands of forms at 10,000 releases, a Set per new name part
    if (form.role !== 'name' || form.stems.length < 2) continue;
    form.norms.forEach((norm, k) => {
      if (norm.length < 4 || LEXICON.stopwords.has(norm) || LEXICON.frame.has(norm) || LEXICON.frameExact.has(norm)) return;
      const set = owners.get(norm) ?? new Set<string>();
      set.add(form.entity);
      owners.set(norm, set);
      displays.set(norm, form.display.split(/\s+/)[k] ?? norm);
    });
  }
  // Words of single-word forms, and words of any title ("president", "minister"), are not name parts
  // (in that order: the single-word forms' first).
  const taken = new Set<string | undefined>();
  for (const f of forms) {
    if (f.stems.length === 1) taken.add(f.norms[0]);
    if (++seen % 512 === 0) yield;
  }
  for (const f of forms) {
    if (f.role === 'title') for (const norm of f.norms) taken.add(norm);
    if (++seen % 512 === 0) yield;
  }
  const parts: EntityForm[] = [];
  yield;
  for (const [norm, who] of owners) {
    if (++seen % 128 === 0) yield; // each part is tokenized and stemmed
    const [id] = [...who];
    if (who.size !== 1 || taken.has(norm) || knowledge.entities.get(id!)?.type !== 'person') continue;
    const form = formOf(id!, 'name', displays.get(norm) ?? norm);
    if (form) parts.push(form);
  }
  return parts;
}

const COLLATOR = new Intl.Collator();

const SHORTENABLE = new Set(['organization', 'event', 'program', 'person']);

function* longNames(knowledge: Knowledge, forms: readonly EntityForm[]): Steps<Map<string, EntityForm[]>> {
  const byStem = new Map<string, EntityForm[]>();
  let seen = 0;
  for (const form of forms) {
    if (++seen % 512 === 0) yield;
    // Names only: titles share their words ("foreign minister" is anyone's).
    if (form.role !== 'name' || form.stems.length < 3 || !SHORTENABLE.has(knowledge.entities.get(form.entity)?.type ?? '')) continue;
    for (const s of new Set(form.stems)) push(byStem, s, form);
  }
  return byStem;
}

/** Linking every paragraph of a thousand releases costs more than the rare question that needs it. */
function namedIn(knowledge: Knowledge, formTable: FormTable): (release: string) => ReadonlyMap<string, number> {
  const cache = new Map<string, Map<string, number>>();
  return (id) => {
    let named = cache.get(id);
    if (!named) {
      named = new Map();
      knowledge.releases.get(id)?.paragraphs.forEach((paragraph, i) => {
        for (const link of linkExact(tokensOf(paragraph), formTable)) if (!named!.has(link.entity)) named!.set(link.entity, i + 1);
      });
      cache.set(id, named);
    }
    return named;
  };
}

export function factText(fact: Fact): string {
  return [fact.label, ...fact.sources.map((s) => s.quote)].join(' ');
}

function factEntityIds(fact: Fact, knowledge: Knowledge): string[] {
  const ids: string[] = [];
  if (fact.actor) ids.push(fact.actor);
  if (fact.where) ids.push(fact.where);
  if (fact.meeting) ids.push(...(knowledge.meetings.get(fact.meeting)?.with ?? []));
  return ids;
}

/** A look-up worked out on first asking and kept, like a read-only map. */
export interface Lookup {
  get(key: string): ReadonlySet<string> | undefined;
  has(key: string): boolean;
}

/**
 * The releases whose text names an entity (or a world name): a question naming it is about those
 * releases; a country no entity stands for is no stranger if a release names it. Worked out when a
 * question first asks — from the sentence index (every word of one of its names in a sentence), then
 * each such sentence linked to be sure — because linking every paragraph of 10,000 releases at build
 * time would cost seconds for names most questions never use.
 */
function* releasesNamingLookup(
  sentences: SentenceIndex,
  forms: readonly EntityForm[],
  namedBy: (tokens: ReturnType<typeof tokensOf>) => string[],
  /** Link every sentence found (world names: "Shanghai" inside a name of ours), or only for forms that need their capitals ("WHO"). */
  verifyAll: boolean,
): Steps<Lookup> {
  const formsOf = new Map<string, EntityForm[]>();
  for (let f = 0; f < forms.length; f++) {
    push(formsOf, forms[f]!.entity, forms[f]!);
    if (f % 512 === 511) yield;
  }
  const cache = new Map<string, ReadonlySet<string> | undefined>();
  const get = (key: string): ReadonlySet<string> | undefined => {
    if (cache.has(key)) return cache.get(key);
    const releases = new Set<string>();
    for (const form of formsOf.get(key) ?? []) {
      for (const hit of sentences.search(form.stems, { combineWith: 'AND' })) {
        const release = hit.release;
        if (releases.has(release)) continue;
        if (!verifyAll && !form.exactTokens) releases.add(release);
        else if (namedBy(tokensOf(hit.text)).includes(key)) releases.add(release);
      }
    }
    if (cache.size >= 10_000) cache.clear();
    cache.set(key, releases.size ? releases : undefined);
    return cache.get(key);
  };
  return { get, has: (key) => get(key) !== undefined };
}

/** The entities a text names, names inside a longer name included: "…for Central Asia and Afghanistan" names Afghanistan, "President of the Turkic Academy" the Academy. */
export function entitiesNamed(
  tokens: ReturnType<typeof tokensOf>,
  formTable: FormTable,
  taken: boolean[] = [],
  // (A caller that needs the links too passes them: linking is most of the cost.)
  links: readonly Link[] = linkExact(tokens, formTable, taken),
): Set<string> {
  const named = new Set<string>();
  for (const link of links) {
    named.add(link.entity);
    for (let k = link.start + 1; k < link.end; k++) for (const nested of linkExact(tokens.slice(k, link.end), formTable)) named.add(nested.entity);
    // …and at its start: "OTS Secretary General Kubanychbek Omuraliyev" names the OTS.
    if (link.end - link.start > 1) for (const nested of linkExact(tokens.slice(link.start, link.end - 1), formTable)) named.add(nested.entity);
  }
  return named;
}

/** The words of five letters or more, in their order (a yield every thousand: 200,000 words at 10,000 releases). */
function* longWords(words: Iterable<string>): Steps<string[]> {
  const out: string[] = [];
  let n = 0;
  for (const w of words) {
    if (w.length >= 5) out.push(w);
    if (++n % 1024 === 0) yield;
  }
  return out;
}

function addTo<K, V>(map: Map<K, Set<V>>, key: K, value: V): void {
  const set = map.get(key);
  if (set) set.add(value);
  else map.set(key, new Set([value]));
}

function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) {
    if (list[list.length - 1] !== value) list.push(value);
  } else map.set(key, [value]);
}
