/**
 * The reader: a question, once, into a Frame — what it asks, which known entities it names
 * (exactly or with typos), which names it uses that the knowledge lacks, which of its words the
 * releases never use, what attribute it asks of its subject and, for yes/no, the value it proposes.
 * The vocabulary is data (lexicon/en.yaml, ru.yaml); this file only says how it is applied.
 */
import { LEXICON, phrasePattern, type Ask, type Attribute, type Group, type Intent } from '../lexicon/lexicon';
import type { EntityForm } from '../search/entity-forms';
import type { SearchIndex } from '../search/index';
import { linkExact, linkFirstNames, linkShortened, type Link } from '../search/link';
import { findDates } from '../search/dates';
import { MONTH_WORDS, monthNumber } from '../text/months';
import { ordinalOf } from '../text/ordinals';
import { tokensOf, type Token } from '../search/tokens';
import { editDistance, isCyrillic, normalize, stem, typoBudget } from '../text/normalize';
import type { Frame } from './frame';
import { lexiconPhrase, lexiconStem } from './lexicon-words';

export type { Frame } from './frame';

// Lexicon entries as the reader compares them: stems for words, token lists for phrases
// (lexicon-words.ts: worked out once by the build).
const INTENT_BY_STEM = new Map<string, Intent[]>();
const INTENT_PHRASES: Array<{ intent: Intent; words: string[] }> = [];
for (const [intent, entries] of LEXICON.intents) {
  for (const entry of entries) {
    const words = lexiconPhrase(entry);
    if (words.length > 1) INTENT_PHRASES.push({ intent, words });
    else if (words[0]) INTENT_BY_STEM.set(lexiconStem(words[0]), [...(INTENT_BY_STEM.get(lexiconStem(words[0])) ?? []), intent]);
  }
}
const FRAME_STEMS = new Set([...LEXICON.frame].map(lexiconStem));
const STOP = (norm: string): boolean => LEXICON.stopwords.has(norm);
// (Longest first: "what happened to the idea" asks what became of it, not "what happened".)
const ASK_PHRASES: Array<{ ask: Ask; words: string[] }> = [...LEXICON.asks]
  .flatMap(([ask, list]) => list.map((p) => ({ ask, words: lexiconPhrase(p) })))
  .sort((a, b) => b.words.length - a.words.length);
const ATTRIBUTE_PHRASES: Array<{ attribute: Attribute; words: string[] }> = [...LEXICON.attributes].flatMap(([attribute, list]) =>
  list.map((p) => ({ attribute, words: lexiconPhrase(p) })),
);
const GROUP_PHRASES: Array<{ group: Group; words: string[] }> = [...LEXICON.groups].flatMap(([group, list]) =>
  list.map((p) => ({ group, words: lexiconPhrase(p) })),
);
const SPELL_OUT = LEXICON.spellOut.map(lexiconPhrase);
const IN_PERSON = LEXICON.inPerson.map(lexiconPhrase);
const ONE_ON_ONE = LEXICON.oneOnOne.map(lexiconPhrase);
/** Phrases by their first word: each position of a question looks up only the phrases that can start there. */
function byFirst<T extends { words: string[] }>(phrases: readonly T[]): Map<string, T[]> {
  const map = new Map<string, T[]>();
  for (const p of phrases) map.set(p.words[0] ?? '', [...(map.get(p.words[0] ?? '') ?? []), p]);
  return map;
}
const INTENT_PHRASES_BY_FIRST = byFirst(INTENT_PHRASES);
const ATTRIBUTE_PHRASES_BY_FIRST = byFirst(ATTRIBUTE_PHRASES);
/** The one-word growth phrases ("grew", "increase"): the question's own words when no amount is asked. */
const GROWTH_WORDS = new Set(ATTRIBUTE_PHRASES.filter((p) => p.attribute === 'growth' && p.words.length === 1).map((p) => p.words[0]!));
const GROWTH_STEMS = new Set([...GROWTH_WORDS].map(lexiconStem));
/** Beside a trade figure, the words that ask how it changed ("% change vs 2022", "up or down on the previous yr"). */
const FIGURE_CHANGE_WORDS = new Set([...GROWTH_WORDS, ...LEXICON.figureChangeWords, ...LEXICON.changeValues]);
/** The one-word proposal phrases ("propose", "idea"). */
const PROPOSAL_WORDS = new Set(ATTRIBUTE_PHRASES.filter((p) => p.attribute === 'proposal' && p.words.length === 1).map((p) => p.words[0]!));
const YESNO_TAGS = LEXICON.yesnoTags.map(lexiconPhrase);
const OTHERS = LEXICON.others.map(lexiconPhrase);
const ATTENDANCE = LEXICON.attendanceWords.map(lexiconPhrase);
const YEAR_BEFORE = LEXICON.yearBefore.map(lexiconPhrase);
const ACCOMPANY = LEXICON.accompany.map(lexiconPhrase);
const TIME_REFERENCES = LEXICON.timeReferences.map(lexiconPhrase);
/** Words after a time reference that are the other event's ("the credentials ceremony"), at most. */
const REFERENCE_WORDS = 4;
const TRADE_SUBJECT_STEMS = new Set([...LEXICON.tradeSubjects].map(lexiconStem));
const SUMMARY_STEMS = new Set([...LEXICON.summaryWords].map(lexiconStem));
// Compared as written (plurals listed): stems would take "represented" for "representative".
const PEOPLE_NOUNS = LEXICON.peopleNouns;
const isPeopleNoun = (word: string): boolean => PEOPLE_NOUNS.has(word);
/** "Ministers", "leaders": a group asked for, not one person's role. */
const isPluralPeopleNoun = (word: string): boolean => isPeopleNoun(word) && /s$/.test(word);
// Longest first, so "foreign minister" is one role and not "minister" alone.
/** The lexicon's roles, longest first: the words as the lexicon writes them, and their stems to match. */
const ROLES = LEXICON.roles.map((r) => ({ words: lexiconPhrase(r), stems: lexiconPhrase(r).map(lexiconStem) })).sort((a, b) => b.stems.length - a.stems.length);
const ROLE_PHRASES = ROLES.map((r) => r.stems);
const ROLE_KEYS = new Set(ROLE_PHRASES.map((r) => r.join(' ')));
const COUNTABLE_STEMS = new Set(LEXICON.countable.map(lexiconStem));
// Intents that only say what kind of answer is wanted; the others are actions a sentence may state.
const QUESTION_INTENTS = new Set<Intent>(['date', 'place', 'source', 'count', 'identity']);
const OF_WORDS = new Set(['of', 'between', 'with', 'for', 'among', 'in', 'между', 'с', 'со', 'для']);
const WH_WORDS = ['what', 'which', 'who', 'whom', 'whose', 'when', 'where', 'how', 'why', 'что', 'кто', 'где', 'когда', 'как', 'какой', 'какие'];
const AUXILIARIES = new Set(LEXICON.asks.get('yesno')?.filter((p) => !p.includes(' ')) ?? []);
// "and", "so", "ok", "tell me" before the question proper.
const OPENERS = new Set(['and', 'so', 'ok', 'okay', 'also', 'please', 'tell', 'me', 'а', 'и', 'ну', 'скажи', 'подскажи', 'скажите', 'hey', 'hi', 'hello']);

/** Fuzzy look-ups one question may make: a long question of unknown words must stay quick. */
const MAX_FUZZY_LOOKUPS = 32;

/**
 * "Who received the delegation?", and "who from the Kazakh MFA received …", "кто из МИД Казахстана принимал …": a host
 * verb right after "who", or after a body "who" is of.
 */
function hostAsked(words: readonly string[]): boolean {
  if (LEXICON.hostVerbs.has(words[1] ?? '')) return true;
  if (!HOST_BODY_BEFORE.has(words[1] ?? '')) return false;
  const verb = words.findIndex((w, i) => i > 1 && LEXICON.hostVerbs.has(w));
  return verb > 1 && verb <= HOST_BODY_WORDS + 2;
}
/** The words that say whose body "who" is of ("from", "из"), and how long that body may be. */
const HOST_BODY_BEFORE = new Set(['from', 'of', 'at', 'in', 'из', 'от']);
const HOST_BODY_WORDS = 5;

export function read(question: string, index: SearchIndex): Frame {
  const raw = fromLatin(tokensOf(tagLast(splitNumbered(joinedFormat(question)))));
  const tag = yesNoTagLength(raw.map((t) => t.norm));
  const tagged = tag > 0;
  const typed = spellOut(dropFiller(raw.slice(0, raw.length - tag)));
  const lang = typed.some((t) => isCyrillic(t.norm)) || isCyrillic(question) ? 'ru' : 'en';
  const taken: boolean[] = [];
  // "jan-sep", "first half": a period of the year, whose months are no dates of their own.
  const period = periodIn(typed.map((t) => t.norm));
  // ("jan-sep 2025": the year stays, a date of the year alone.)
  const inPeriod = (p: number): boolean => period !== undefined && p >= period.start && p < period.end;
  const dates = findDates(typed).flatMap((d) => {
    if (!d.positions.some(inPeriod)) return [d];
    const positions = d.positions.filter((p) => !inPeriod(p));
    return d.year && positions.length ? [{ year: d.year, positions, text: String(d.year) }] : [];
  });
  for (const d of dates) for (const p of d.positions) taken[p] = true;
  for (let p = period?.start ?? 0; p < (period?.end ?? 0); p++) taken[p] = true;
  // "Kuwait City" is a city, not Kuwait and a word: a world name of two words or more goes before a shorter known one.
  const longWorld = linkExact(typed, index.worldTable, [...taken]).filter((l) => l.end - l.start >= 2);
  for (const l of longWorld) for (let k = l.start; k < l.end; k++) taken[k] = true;
  const links = linkExact(typed, index.formTable, taken);
  links.push(...linkShortened(typed, index.longNamesByStem, taken, LEXICON.stopwords, ROLE_KEYS));
  links.push(...linkFirstNames(typed, index.firstNames, taken, links));
  withSurnames(links, typed, taken, index);
  const worldLinks = [...longWorld, ...linkExact(typed, index.worldTable, taken)];
  // "whoo did he meat guterres": question words with a typo read as the words they nearly are.
  const tokens = typed.map((t, i) => (taken[i] ? t : correctQuestionWord(t, index)));
  const words = tokens.map((t) => t.norm);
  const free = (i: number): boolean => !taken[i];

  const intents = new Set<Intent>();
  const cues: string[] = [];
  const hints: string[] = [];
  const candidates: number[] = []; // positions that may be subject words
  const phraseAt = (phrase: readonly string[], i: number): boolean => phrase.every((w, k) => words[i + k] === w && free(i + k));
  const covered: boolean[] = []; // words of a multi-word intent or attribute phrase: not subject words
  const frameWord: boolean[] = []; // words of a frame phrase: subject words if known, never unknown ones
  for (let i = 0; i < tokens.length; i++) {
    for (const { intent, words: phrase } of INTENT_PHRASES_BY_FIRST.get(words[i]!) ?? []) {
      if (!phraseAt(phrase, i)) continue;
      intents.add(intent);
      phrase.forEach((_, k) => (covered[i + k] = true));
    }
    // "The Kazakh delegation *accompanying* Bakayev": a word of the frame — a subject word where a release says it
    // ("was accompanied by"), never one whose absence makes the release silent.
    // (The words the phrase spells out; a "*" stands for a word of the question's own.)
    for (const phrase of ACCOMPANY) {
      const n = matchLength(phrase, words, i, free);
      if (n > 0) for (let k = i; k < i + n; k++) if (phrase.includes(words[k]!)) frameWord[k] = true;
    }
  }
  let attribute = findAttribute(words, free, covered);
  // A change is asked as an amount ("how much did trade grow", "by how many percent"); "agreed to increase
  // the number of flights" asks no change. Without "how much" the growth word is the question's own word.
  if (attribute === 'growth' && !/\b(?:how (?:much|many|fast)|by how|percent|сколько|насколько)\b/u.test(words.join(' '))) {
    attribute = findAttribute(words, free, [], 'growth');
    for (let i = 0; i < words.length; i++) if (GROWTH_WORDS.has(words[i]!)) covered[i] = false;
  }
  // "What did he propose?": the proposal words still say what the facts are about (plan cues).
  if (attribute === 'proposal') for (let i = 0; i < words.length; i++) if (PROPOSAL_WORDS.has(words[i]!)) covered[i] = false;
  // "Trade turnover in 2025 and its growth?": the change is asked of the trade figure, which states it.
  if (attribute === 'trade') for (let i = 0; i < words.length; i++) if (GROWTH_WORDS.has(words[i]!)) covered[i] = true;
  // Role words ("ambassador", "foreign minister") say who, not what about — unless they are of something no
  // entity is ("the Mayor of Salamanca"): then the role is what is asked, and the release may lack it.
  const ofNothingKnown = (i: number): boolean => {
    if (tokens[i + 1]?.norm !== 'of') return false;
    const at = tokens[i + 2]?.norm === 'the' ? i + 3 : i + 2;
    return at < tokens.length && !taken[at];
  };
  for (let i = 0; i < tokens.length; i++) if (ROLE_PHRASES.some((r) => r.length === 1 && roleWord(tokens[i], r[0]!)) && !ofNothingKnown(i)) covered[i] = true;
  tokens.forEach((t, i) => {
    // Words inside a name ("Action *Plan* on Human Rights") are the name, not what is asked.
    if (taken[i] && !dates.some((d) => d.positions.includes(i))) return;
    // ("Tell me about …": a request to the bot, not what someone told someone.)
    const request = OPENERS.has(t.norm) && /^(?:me|us)$/.test(words[i + 1] ?? '');
    const its = request ? [] : (INTENT_BY_STEM.get(t.stem) ?? INTENT_BY_STEM.get(t.norm) ?? []);
    for (const intent of its) intents.add(intent);
    if (its.length && !taken[i] && !its.every((x) => QUESTION_INTENTS.has(x))) hints.push(englishStem(t) ?? t.stem);
    // "talk about", "what did he tell Tang about?": "about" after a meeting word, or last, asks for topics.
    // (Not "on the sidelines of …", "on the phone", "on his Guyana trip": the scene, a few words on at most.)
    // (Nor "on 17 April": a date.)
    const scene = () => tokens.slice(i + 1, i + 5).some((x) => LEXICON.sceneAfterOn.has(x.norm)) || dates.some((d) => d.positions[0] === i + 1);
    if (LEXICON.subjectBefore.has(t.norm) && (intents.has('meet') || i === tokens.length - 1) && !scene()) intents.add('topic');
    if (taken[i] || covered[i]) return;
    if (STOP(t.norm) || /^\d{1,2}$/.test(t.norm)) return;
    if (its.length) {
      // Action words ("welcomed", "agreed") point at facts; "discussed" or "met" would only pick
      // the one fact whose quote happens to say so.
      if (its.some((x) => LEXICON.actionIntents.has(x))) cues.push(englishStem(t) ?? t.stem);
      return;
    }
    if (FRAME_STEMS.has(t.stem) || LEXICON.frameExact.has(t.norm) || SUMMARY_STEMS.has(t.stem)) return;
    candidates.push(i);
  });

  // Typo-tolerant linking for the words left: "tedross", "guteres", "world health org".
  links.push(...linkFuzzy(tokens, candidates, taken, index));

  const asked = askOf(words, tokens, intents, free, tagged);
  const ask = tagged && !['who', 'what', 'when', 'where', 'count', 'summary'].includes(asked) ? 'yesno' : asked;
  // "Which minister did he meet the same day as the credentials ceremony?": who is asked; the ceremony says when.
  const reference: boolean[] = [];
  if (ask === 'who')
    for (const phrase of TIME_REFERENCES)
      for (let i = 0; i < words.length; i++) {
        const n = matchLength(phrase, words, i, () => true);
        if (n > 0)
          for (let k = i + n, left = REFERENCE_WORDS; k < words.length && left > 0; k++) if (!STOP(words[k]!) && !taken[k]) (reference[k] = true), left--;
      }
  const terms: string[] = [];
  const subjectWords: string[] = [];
  const unknownWords: string[] = [];
  const unknownPositions: number[] = [];
  for (const i of candidates) {
    if (taken[i] || reference[i]) continue;
    const token = tokens[i]!;
    const known = knownStem(token, index);
    if (known) {
      terms.push(known);
      subjectWords.push(token.raw);
    } else if (attribute && attributeWord(words[i]!))
      continue; // "budget", "cost": what is asked of the subject, not the subject
    else if (MONTH_WORDS.has(token.norm))
      continue; // a month outside a date the reader knows ("Jan-Aug 2025"): time, not a name nobody knows
    else if (frameWord[i]) continue;
    // ("$48.6m", "2bn": a figure's magnitude, which the numbers proposed carry — no word nobody knows.)
    else if (/^\d+(?:k|m|mn|mln|bn|b|tn)$/.test(token.norm)) continue;
    else if (!(lang === 'ru' && token.norm.length <= 2)) {
      unknownWords.push(token.raw);
      unknownPositions.push(i);
    }
  }
  // The world's names: strangers to every release, or named in some release's text without an entity.
  const textNames = [...new Set(worldLinks.map((l) => l.entity).filter((n) => index.releasesNaming.has(n)))];
  const unknownNames = [...new Set(worldLinks.map((l) => l.entity).filter((n) => !index.releasesNaming.has(n)))];
  // Capitalised words mid-sentence that nothing knows are names too ("Macron", "COVID").
  const capitalised = unknownPositions
    .map((i) => tokens[i]!.raw)
    .filter((raw, k) => (unknownPositions[k]! > 0 && /^\p{Lu}/u.test(raw) && raw.length > 1) || /^\p{Lu}{2,}$/u.test(raw));
  unknownNames.push(...capitalised);

  // About a person: one is named, or a role or people noun stands for one ("the Saudi FM", "the rights chief").
  const personSubject = links.some((l) => index.persons.has(l.entity) || l.role === 'title') || words.some((w, i) => free(i) && isPeopleNoun(w));
  // "When does it start?" asks a start date; "the start of technical cooperation" names a thing.
  if (attribute === 'start' && !words.some((w) => w === 'when' || w === 'когда')) attribute = undefined;
  // "Did he propose a visa deal?" proposes the deal; "who proposed it?" asks a person, answered by the people's facts.
  if (attribute === 'proposal' && (ask === 'yesno' || ask === 'who')) attribute = undefined;
  // "What was KZ-Algeria trade in 2023?", "trade jan-sep 2025?": a figure subject of a year asks its figure,
  // not the talks about trade.
  // ("kz-panama trade in 2023 and the % change vs 2022?": the figure, with the change asked of it.)
  // (…or of a period, or asked how much: "kz-japan trade jan-sep, how much?")
  const figureAsk = ask === 'what' || ask === 'bare' || (ask === 'count' && TRADE_SUBJECT_STEMS.has(terms[0] ?? ''));
  if (!attribute && figureAsk && (dates.some((d) => d.year) || period || ask === 'count') && terms.some((t) => TRADE_SUBJECT_STEMS.has(t))) {
    attribute = 'trade';
    // (The change is asked of the figure, which states it: no subject of its own.)
    for (let i = terms.length - 1; i >= 0; i--)
      if (GROWTH_STEMS.has(terms[i]!) || FIGURE_CHANGE_WORDS.has(subjectWords[i]!.toLowerCase())) {
        terms.splice(i, 1);
        subjectWords.splice(i, 1);
      }
  }
  // "Did KZ-Georgia trade double in H1 2022?": the change is the value proposed, which the figure's sentence confirms or
  // not ("grew five-fold") — no subject word.
  if (ask === 'yesno' && terms.some((t) => TRADE_SUBJECT_STEMS.has(t)))
    for (let i = terms.length - 1; i >= 0; i--)
      if (FIGURE_CHANGE_WORDS.has(subjectWords[i]!.toLowerCase())) {
        terms.splice(i, 1);
        subjectWords.splice(i, 1);
      }
  // A figure's change asked ("how much did it grow yoy?", "trade in 2023 vs 2022?"): the words of comparing are no
  // subject a release must write.
  // (And beside a count: "how many e-visas this year, and % up yoy?")
  if (attribute === 'trade' || attribute === 'growth' || attribute === 'percent' || ask === 'count') {
    for (let i = unknownWords.length - 1; i >= 0; i--) if (FIGURE_CHANGE_WORDS.has(unknownWords[i]!.toLowerCase())) unknownWords.splice(i, 1);
  }
  // "vucic turned down the invite, right?", "so gambia joined the org?": the fate guessed is what is asked — the answer
  // is what the release says became of the proposal — not a word a sentence must have ("declined" is no fall in figures).
  const fate = ask === 'yesno' && words.some((w, i) => free(i) && LEXICON.fateWords.has(w));
  if (fate) {
    const isFate = (w: string): boolean => LEXICON.fateWords.has(w.toLowerCase());
    const fateStems = new Set(tokens.filter((t) => isFate(t.norm)).map((t) => englishStem(t) ?? t.stem));
    for (let i = terms.length - 1; i >= 0; i--)
      if (isFate(subjectWords[i]!)) {
        terms.splice(i, 1);
        subjectWords.splice(i, 1);
      }
    for (let i = unknownWords.length - 1; i >= 0; i--) if (isFate(unknownWords[i]!)) unknownWords.splice(i, 1);
    forgetWords(tokens, (t) => isFate(t.norm), fateStems, { cues, hints, intents });
    if (attribute === 'growth' && !words.some((w) => GROWTH_WORDS.has(w) && !isFate(w))) attribute = undefined;
  }
  // "Apart from thanking him, what did they discuss?": what the asker already knows is no cue of what to look for.
  // (Its names stay subject words: "apart from the Global Conference, which meeting did Tedros attend?" is answered
  // by the sentence that names both. Who-questions leave out the people named that way: "besides the king".)
  const known = ask === 'who' ? new Set<string>() : excludedStems(question);
  // (Nor what those words intend: "thanking" asks for no assessment. The other words' intents stay.)
  forgetWords(tokens, (t) => known.has(t.stem), known, { cues, hints, intents });
  const memberLink = ask === 'who' ? links.find((l) => l.role !== 'title' && LEXICON.memberOfWords.has(wordBefore(tokens, l.start))) : undefined;
  const grouped = groupOf(words, free);
  const group = grouped?.group;
  const proposed =
    ask === 'yesno'
      ? proposedValues(
          words,
          links,
          worldLinks,
          unknownWords,
          personSubject,
          terms.length,
          [...intents].some((x) => x !== 'identity'),
          tagged,
          dates,
          index,
          question,
        )
      : { entities: [], unknownNames: [], dates: [], numbers: [] };
  // "… apart from the consultations in Nay Pyi Taw?": a name in what the asker already knows proposes nothing.
  if (known.size) {
    const inKnown = (l: { start: number; end: number }): boolean => tokens.slice(l.start, l.end).every((t) => known.has(t.stem));
    proposed.entities = proposed.entities.filter((id) => !links.some((l) => l.entity === id && inKnown(l)));
    proposed.unknownNames = proposed.unknownNames.filter((n) => !worldLinks.some((l) => l.entity === n && inKnown(l)));
  }
  return {
    lang,
    ask,
    intents,
    cues,
    hints,
    links,
    // In a yes/no question a date is the value proposed ("in June, isn't it?"), not the releases asked about.
    dates: ask === 'yesno' ? [] : dates,
    unknownNames: unknownNames.filter((n) => !proposed.unknownNames.includes(n)),
    personSubject,
    qualified: links
      .filter(
        (l) => l.role === 'demonym' && tokens[l.end] !== undefined && !taken[l.end] && !STOP(tokens[l.end]!.norm) && !INTENT_BY_STEM.has(tokens[l.end]!.stem), // "the argentinian talk about": a verb, not a qualified word
      )
      .map((l) => ({ entity: l.entity, stem: tokens[l.end]!.stem })),
    ordinal: words.map((w) => ordinalOf(w)).find((n) => n !== undefined),
    asksName: words.some((w, i) => free(i) && LEXICON.nameWords.has(w)),
    delegationOf: links.find((l) => (l.role === 'demonym' || l.role === 'name') && namesASide(tokens, l))?.entity,
    memberOf: memberLink?.entity,
    // (A thing the release names is not left out of the answer: it may be said together with the one asked.)
    known: links.some((l) => tokens.slice(l.start, l.end).every((t) => known.has(t.stem) || STOP(t.norm))) ? [] : [...known],
    memberOfStems: memberLink ? [...new Set(tokens.slice(memberLink.start, memberLink.end).map((t) => t.stem))] : [],
    peopleOfCountry: links.find((l) => (l.role === 'demonym' || l.role === 'name') && isPluralPeopleNoun(tokens[l.end]?.norm ?? ''))?.entity,
    textNames: textNames.filter((n) => !proposed.unknownNames.includes(n)),
    // (A Cyrillic form is looked for as the English name: the releases are in English.)
    textNameWords: [
      ...new Set(
        worldLinks
          .filter((l) => textNames.includes(l.entity) && !proposed.unknownNames.includes(l.entity))
          .flatMap((l) => {
            const form = typed.slice(l.start, l.end);
            return form.some((t) => isCyrillic(t.norm)) ? tokensOf(l.entity).map((t) => t.stem) : form.map((t) => t.stem);
          }),
      ),
    ],
    terms,
    subjectWords,
    // A name proposed ("Bachelet") is no unknown subject word either.
    unknownWords: unknownWords.filter((w) => !proposed.unknownNames.includes(w)),
    strangersAfterRoles: unknownWords.filter((_, k) => followsRole(tokens, unknownPositions[k]!)),
    unknownIsSubject: unknownIsSubject(tokens, unknownPositions, links),
    attribute,
    group,
    groupNamed: grouped?.named ?? false,
    groupPeople: group !== undefined && words.some((w, i) => free(i) && isPeopleNoun(w) && !/^(people|persons?|люди)$/.test(w)),
    asksCounterpart: asksCounterpart(words, intents),
    asksHost: ask === 'who' && hostAsked(words),
    agent: agentOf(links, tokens, index),
    others: saysPhrase(OTHERS, words),
    accompany: saysPhrase(ACCOMPANY, words),
    membership: ask === 'yesno' && words.some((w, i) => free(i) && LEXICON.membership.has(w)),
    spellOut: saysPhrase(SPELL_OUT, words),
    inPerson: saysPhrase(IN_PERSON, words),
    oneOnOne: saysPhrase(ONE_ON_ONE, words),
    asksCity: words.some((w) => w === 'city' || w === 'town' || w.startsWith('город')),
    // "When is Bettel coming?": a when with "is" and an -ing verb asks about what is to come.
    future:
      words.some((w) => LEXICON.futureWords.has(w)) ||
      (ask === 'when' && /^(?:is|are)$/.test(words[1] ?? '') && words.slice(2).some((w) => /^[a-z]{2,}ing$/.test(w))),
    tagged,
    fate,
    // (As chat writes it too: "n wat was only discussed".)
    compound: LEXICON.secondQuestion(question) || LEXICON.secondQuestion(words.join(' ')),
    countable: ask !== 'count' || countsWhatIsCounted(words, free),
    counted: ask === 'count' ? countedWord(words, free) : undefined,
    asksAttendance: saysPhrase(ATTENDANCE, words),
    yearBefore: saysPhrase(YEAR_BEFORE, words),
    period: period?.name,
    roles: rolesIn(
      tokens,
      free,
      links,
      (id) => index.persons.has(id),
      intents.has('identity'),
      (i) => unknownPositions.includes(i),
    ),
    roleWords: roleWordsIn(
      tokens,
      links.filter((l) => !index.persons.has(l.entity) && l.role !== 'title'),
    ),
    roleQualifiers: roleQualifiersIn(tokens, links).filter((s) => terms.includes(s)),
    proposed,
  };
}

// ── words in, words out ────────────────────────────────────────────────────

/** Russian typed in Latin letters ("kto takoi volker tyurk") is read in Cyrillic. */
function fromLatin(tokens: Token[]): Token[] {
  if (!tokens.some((t) => LEXICON.latinMarkers.has(t.norm))) return tokens;
  return tokens.flatMap((t) => {
    if (!/^[a-z]+$/.test(t.norm)) return [t];
    let out = '';
    for (let i = 0; i < t.norm.length; ) {
      const hit = LEXICON.latinLetters.find(([latin]) => t.norm.startsWith(latin, i));
      out += hit ? hit[1] : t.norm[i];
      i += hit ? hit[0].length : 1;
    }
    return tokensOf(out);
  });
}

function dropFiller(tokens: Token[]): Token[] {
  const kept = tokens.filter((t) => !LEXICON.filler.has(t.norm));
  return kept.length ? kept : tokens;
}

/** The longest phrase the shorthand may write out, in words. */
const SHORTHAND_WORDS = 4;

/** Chat shorthand spelled out (up to four words: "w/", "tl;dr", "заместитель министра иностранных дел"); the rest as typed. */
function spellOut(tokens: readonly Token[]): Token[] {
  const out: Token[] = [];
  for (let i = 0; i < tokens.length; i++) {
    // The longest phrase the lexicon writes out, from here.
    const phrase = (length: number) =>
      tokens
        .slice(i, i + length)
        .map((t) => t.norm)
        .join(' ');
    let length = Math.min(SHORTHAND_WORDS, tokens.length - i);
    while (length > 0 && !LEXICON.shorthand.has(phrase(length))) length--;
    if (length === 0) out.push(tokens[i]!);
    else {
      out.push(...tokensOf(LEXICON.shorthand.get(phrase(length))!));
      i += length - 1;
    }
  }
  return out;
}

// Only the words that carry the question (what is asked, and about which action): correcting a
// subject word into a frame word ("king" → "kind") would hide what the release lacks.
// Attribute words of six letters or more too ("turnvoer" → "turnover"): shorter ones are too near other words.
const QUESTION_WORDS: readonly string[] = [
  ...new Set([
    'who',
    'whom',
    'whose',
    'what',
    'when',
    'where',
    'which',
    ...[...LEXICON.intents.values()].flat(),
    ...[...LEXICON.attributes.values()].flat().filter((w) => w.length >= 6),
  ]),
].filter((w) => w.length >= 3 && /^[a-z]+$/.test(w));
const QUESTION_WORD_SET = new Set(QUESTION_WORDS);

/** A word no release uses and one typo away from a question word ("meat" → "meet") is that word. */
function correctQuestionWord(token: Token, index: SearchIndex): Token {
  if (token.norm.length < 4 || index.vocabulary.has(token.stem) || QUESTION_WORD_SET.has(token.norm) || !/^[a-z]+$/.test(token.norm)) return token;
  if (STOP(token.norm) || FRAME_STEMS.has(token.stem) || LEXICON.frameExact.has(token.norm) || ATTRIBUTE_WORDS.has(token.norm)) return token; // "came" is a word, not a typo of "name"; "hour" is no "tour"
  const near = QUESTION_WORDS.find((w) => Math.abs(w.length - token.norm.length) <= 1 && editDistance(token.norm, w, 1) <= 1);
  return near ? { raw: token.raw, norm: near, stem: stem(near) } : token;
}

// ── what is asked ──────────────────────────────────────────────────────────

function askOf(words: readonly string[], tokens: readonly Token[], intents: ReadonlySet<Intent>, free: (i: number) => boolean, tagged: boolean): Frame['ask'] {
  let start = 0;
  while (start < words.length - 1 && OPENERS.has(words[start]!)) start++;
  // "Besides the foreign minister, which Algerian leaders…": the question starts at its question word.
  if (OTHERS.some((phrase) => phrase.every((w, k) => words[start + k] === w))) {
    const wh = words.findIndex((w, i) => i > start && WH_WORDS.includes(w));
    if (wh > 0) start = wh;
  }
  // "In which areas…", "With whom…", "For what…": the question word follows a preposition.
  if (LEXICON.proposalBefore.has(words[start] ?? '') && /^(which|what|whom|who|whose|when|where|how)$/.test(words[start + 1] ?? '')) start++;
  const opening = words.slice(start);
  const text = opening.join(' ');
  // "tl;dr", "can someone recap the trip", "вкратце": a summary wherever the word stands.
  if (tokens.some((t) => SUMMARY_STEMS.has(t.stem))) return 'summary';
  // "Name the UN officials…", "List the ministers…": a list of people is a who-question.
  if (/^(name|list|show)\b/.test(text) && opening.slice(1, 6).some((w) => isPeopleNoun(w))) return 'who';
  // "In which Kazakh city…", "what Swiss town…": a place noun close behind which/what.
  if (/^(in )?(which|what)( \S+)? (city|town|country|place|venue)\b/.test(text)) return 'where';
  // "Which international official…": which/what + a person noun close behind ("what did the minister…" is not).
  if (/^(which|what)\b/.test(text) && !AUXILIARIES.has(opening[1] ?? '') && opening.slice(1, 4).some((w) => isPeopleNoun(w) && !/^(people|persons?)$/.test(w)))
    return 'who';
  for (const { ask, words: phrase } of ASK_PHRASES) {
    if (phrase.every((w, k) => opening[k] === w)) return ask;
  }
  // "The KZ ambassador who presented credentials … lives in Wellington, right?": a statement put for confirmation; its
  // "who" only says which ambassador. (Not "Bui Tanh Son who is he": the question word right before the tag asks.)
  if (tagged && !WH_WORDS.includes(words[words.length - 1]!)) return 'yesno';
  // Words outside names: "the WHO committee" asks no who.
  const has = new Set(words.filter((_, i) => free(i)));
  if (has.has('who') || has.has('кто')) return 'who';
  if (has.has('when') || has.has('когда')) return 'when';
  if (has.has('where') || has.has('где')) return 'where';
  if (has.has('ли')) return 'yesno'; // Russian yes/no: "Обсуждали ли…", "…ли он…"
  // "kz-japan trade jan-sep, how much?": chat puts the question words last.
  if (opening.some((w, i) => w === 'how' && /^(?:much|many)$/.test(opening[i + 1] ?? '') && free(start + i))) return 'count';
  // "sco summit is in june isnt it", "this was all in new york right?": a statement put as a question.
  if (opening.some((w, i) => i > 0 && AUXILIARIES.has(w)) && !WH_WORDS.some((w) => has.has(w)) && !intents.has('topic')) return 'yesno';
  return has.has('what') || has.has('что') ? 'what' : 'bare';
}

/** "Apart from X, what …": the words up to the comma, or up to the question word or the auxiliary after them. */
const phrasesOf = (list: Iterable<string>): string => [...list].map((w) => w.replace(/\s+/g, '\\s+')).join('|');
const EXCLUSION = new RegExp(
  `(?:^|\\s)(?:${phrasesOf(LEXICON.exclusionWords)})\\s+([^,;?]+?)(?=\\s*[,;?]|\\s+(?:${phrasesOf([...WH_WORDS, ...AUXILIARIES, 'о чём', 'о чем'])})(?:\\s|$))`,
  'iu',
);

/** The stems of what a question says it already knows: "apart from *thanking him*, what …". */
function excludedStems(question: string): Set<string> {
  const m = EXCLUSION.exec(question);
  return new Set(
    m
      ? tokensOf(m[1]!)
          .filter((t) => !STOP(t.norm))
          .map((t) => t.stem)
      : [],
  );
}

/** The word before a position, past an article: "from *the* MFA" → "from". */
function wordBefore(tokens: readonly { norm: string }[], at: number): string {
  const before = tokens[at - 1]?.norm;
  return (before === 'the' ? tokens[at - 2]?.norm : before) ?? '';
}

function findAttribute(words: readonly string[], free: (i: number) => boolean, covered: boolean[], except?: Attribute): Attribute | undefined {
  let found: { attribute: Attribute; length: number } | undefined;
  for (let i = 0; i < words.length; i++) {
    for (const { attribute, words: phrase } of ATTRIBUTE_PHRASES_BY_FIRST.get(words[i]!) ?? []) {
      if (attribute === except) continue;
      const length = matchLength(phrase, words, i, free);
      // A change asked of an amount ("how much did trade grow", "by how many percent did it rise") is the change.
      // A proposal gives way to what is asked of it ("he proposed a fund of 500 million dollars?" asks the sum).
      if (
        length === 0 ||
        (found &&
          found.attribute !== 'proposal' &&
          (attribute === 'proposal' || found.attribute === 'growth' || (attribute !== 'growth' && found.length >= length)))
      )
        continue;
      found = { attribute, length };
      // (The words a "..." stands for are the question's own: "say about the *working group* proposal".)
      for (let k = 0; k < length; k++) if (!phrase.includes('...') || phrase.includes(words[i + k]!)) covered[i + k] = true;
    }
  }
  return found?.attribute;
}

/** How many words from position i a lexicon phrase covers (0: no match); "*" stands for one word or none. */
/** The words a lexicon phrase's "..." may stand for. */
const MAX_GAP_WORDS = 8;

/** The periods of a year, each by its name and the ways it is written, as words ("jan-sep" is "jan sep"). */
const PERIODS = [...LEXICON.periods].map(([name, forms]) => {
  const phrases = [name, ...forms].map((f) => lexiconPhrase(f.replace(/[-–—]/g, ' ')));
  // (A range of two months, "january–june", is that range however each month is written: "jan–june", "jan-jun".)
  const range = phrases.find((f) => f.length === 2 && f.every((w) => monthNumber(w) !== undefined))?.map((w) => monthNumber(w)!);
  return { name, forms: phrases, range };
});

/** The period a question names, and the words it takes (from start to before end). */
function periodIn(words: readonly string[]): { name: string; start: number; end: number } | undefined {
  for (let i = 0; i < words.length; i++) {
    const months = [words[i], words[i + 1]].map((w) => (w === undefined ? undefined : monthNumber(w)));
    for (const { name, forms, range } of PERIODS) {
      const form = forms.find((f) => f.length > 0 && f.every((w, k) => words[i + k] === w));
      if (form) return { name, start: i, end: i + form.length };
      if (range && months[0] === range[0] && months[1] === range[1]) return { name, start: i, end: i + 2 };
    }
  }
  return undefined;
}

/** Whether the words hold one of the phrases anywhere ("took part", "in the * delegation"). */
function saysPhrase(phrases: readonly (readonly string[])[], words: readonly string[]): boolean {
  return phrases.some((phrase) => words.some((_, i) => matchLength(phrase, words, i, () => true) > 0));
}

function matchLength(phrase: readonly string[], words: readonly string[], i: number, free: (i: number) => boolean, k = 0): number {
  // Indexes, not slices: this runs for every lexicon phrase at every position of every question.
  if (k >= phrase.length) return 0;
  const head = phrase[k]!;
  if (head === '*') {
    const skip = k + 1 < phrase.length ? matchLength(phrase, words, i + 1, free, k + 1) : 0;
    return skip ? skip + 1 : matchLength(phrase, words, i, free, k + 1);
  }
  // "where is … based": a few words, the fewest that let the rest match ("where is the kz ambassador to jamaica based").
  if (head === '...') {
    for (let n = 1; n <= MAX_GAP_WORDS && k + 1 < phrase.length; n++) {
      const rest = matchLength(phrase, words, i + n, free, k + 1);
      if (rest) return rest + n;
    }
    return 0;
  }
  if (words[i] !== head || !free(i)) return 0;
  if (k + 1 === phrase.length) return 1;
  const tail = matchLength(phrase, words, i + 1, free, k + 1);
  return tail ? tail + 1 : 0;
}

/**
 * Role phrases ("king", "foreign minister") that qualify a name beside them — "the Saudi king", "the
 * Turkish foreign minister", "the president of Switzerland" — with the entity they qualify. A role
 * before another noun ("the deputy ministers' consultations") qualifies that noun, not a person.
 */
function rolesIn(
  tokens: readonly Token[],
  free: (i: number) => boolean,
  links: readonly Link[],
  isPerson: (id: string) => boolean,
  namesAsked: boolean,
  /** Whether a word is one nobody knows: "the Croatian president Milanovic" — a role, and a name no release has. */
  unknownAt: (i: number) => boolean = () => false,
): Frame['roles'] {
  const found: Array<{ role: string; of: string; asked: boolean; to?: string }> = [];
  for (let i = 0; i < tokens.length; i++) {
    // "The UN deputy secretary-general", "Tedros's deputy": a modifier makes the role next to it someone else's.
    if (LEXICON.roleModifiers.has(tokens[i]!.norm) && free(i)) {
      const title = links.find((l) => l.start === i + 1 && l.role === 'title');
      const after = ROLE_PHRASES.find((r) => r.every((s, k) => free(i + 1 + k) && tokens[i + 1 + k]?.stem === s));
      const end = title ? title.end : i + 1 + (after?.length ?? 0);
      // ("заместитель министра иностранных дел казахстана": in Russian the country follows the role.)
      const genitive =
        isCyrillic(tokens[i]!.norm) || isCyrillic(tokens[end]?.norm ?? '') ? links.find((l) => l.start === end && !isPerson(l.entity)) : undefined;
      const before = links.find((l) => l.end === i) ?? genitive;
      const next = tokens[genitive ? genitive.end : end]?.norm;
      // Before another noun ("the deputy ministers' consultations") it qualifies that noun, not a person;
      // before a verb ("which Kazakh deputy FM went to Stockholm") it is one person's role still.
      const afterRole = genitive ? genitive.end : end;
      if (next === undefined || STOP(next) || (verbAt(tokens, afterRole) && !/s$/.test(tokens[end - 1]!.norm))) {
        const role = tokens
          .slice(i, end)
          .map((t) => t.norm)
          .join(' ');
        const asked = askedAt(tokens, before && before !== genitive ? before.start : i);
        if (title) found.push({ role, of: title.entity, asked });
        else if (before) found.push({ role, of: before.entity, asked });
        // "Which deputy FM went to Manila?": of no country named — whoever holds it in the releases asked about.
        else if (after) found.push({ role, of: '', asked });
      }
      i = end - 1;
      continue;
    }
    const matched = ROLES.find((r) => r.stems.every((s, k) => free(i + k) && roleWord(tokens[i + k], s)));
    if (!matched) continue;
    const end = i + matched.stems.length;
    const next = tokens[end]?.norm;
    // Before a verb ("did the Slovak president attend …", "the Portuguese FM coming to Astana") one person’s role still names them (a group's,
    // "the Central Asian foreign ministers hold …", is the subject of the talks); before another noun it does not.
    // ("the Portuguese FM meeting Nurtleu" — its object next —, not "the central asia fm meeting in Luxembourg" or "per the
    // baku fm talks?", the noun.)
    const meetingNoun = ['meeting', 'talks'].includes(tokens[end]?.norm ?? '') && (tokens[end + 1] === undefined || STOP(tokens[end + 1]!.norm));
    const beforeVerb = verbAt(tokens, end) && !/s$/.test(tokens[end - 1]!.norm) && !meetingNoun;
    // "the Iraqi trade minister Issetov met": before the one who met them, still one person's role.
    const beforeMeeter = links.some((l) => l.start === end && isPerson(l.entity));
    // "посла Саудовской Аравии": in Russian the country follows the role, with no "of".
    // ("министр иностранных дел венгрии": the role spelled out in English by the shorthand, the country still Russian.)
    const genitive = (isCyrillic(tokens[i]!.norm) || isCyrillic(tokens[end]?.norm ?? '')) && links.some((l) => l.start === end && !isPerson(l.entity));
    const beforeStranger = unknownAt(end);
    if (next !== undefined && !STOP(next) && !beforeVerb && !beforeMeeter && !genitive && !beforeStranger) continue;
    // Where a country after the role starts: after "of (the)", or right after it in Russian.
    const after = next === 'of' ? (tokens[end + 1]?.norm === 'the' ? end + 2 : end + 1) : genitive ? end : undefined;
    // "the Iraqi trade minister": a portfolio before the role is part of it.
    const portfolio = i > 0 && free(i - 1) && LEXICON.portfolios.has(tokens[i - 1]!.norm) ? tokens[i - 1]!.norm : undefined;
    // ("the Polish deputy agriculture minister": and the modifier before the portfolio.)
    const modifier = portfolio && i > 1 && free(i - 2) && LEXICON.roleModifiers.has(tokens[i - 2]!.norm) ? tokens[i - 2]!.norm : undefined;
    const start = i - (portfolio ? 1 : 0) - (modifier ? 1 : 0);
    // ("the central asia plus japan fm meeting": a country joined to a format by "plus" names the format, not whose minister.)
    const joined = (l: Link): boolean => LEXICON.formatJoiners.has(tokens[l.start - 1]?.norm ?? '');
    // ("australia's actual foreign minister": a word of which holder between them.)
    const holder = start > 0 && LEXICON.holderAdjectives.has(tokens[start - 1]!.norm) ? start - 1 : start;
    const of =
      links.find((l) => (l.end === start || l.end === holder) && !joined(l)) ?? (after === undefined ? undefined : links.find((l) => l.start === after));
    // The role as the lexicon writes it: "ambasador" typed is the ambassador. Of no country, asked for by name
    // ("what's the name of the PM who received him?"): whoever holds it in the releases asked about.
    // (A Russian role is looked for in the English titles: "посла" is the ambassador.)
    const words = matched.words.map((w) => (isCyrillic(w) ? (toEnglish(w) ?? w) : w));
    const role = [...(modifier ? [modifier] : []), ...(portfolio ? [portfolio] : []), ...words].join(' ');
    const asked = askedAt(tokens, of && of.end === start ? of.start : start);
    // "the kazakh ambassador to italy": the country after "to" is where the holder serves, not whose people are asked.
    const servesAt = next === 'to' ? (tokens[end + 1]?.norm === 'the' ? end + 2 : end + 1) : undefined;
    const to = servesAt === undefined ? undefined : links.find((l) => l.start === servesAt && !isPerson(l.entity))?.entity;
    if (of) found.push({ role, of: of.entity, asked, ...(to ? { to } : {}) });
    else if (namesAsked && !isPluralPeopleNoun(tokens[end - 1]!.norm) && (next === undefined || STOP(next) || beforeVerb)) found.push({ role, of: '', asked });
    // "gave his credentials to PM Mottley, right?": a role before a name nobody knows, of no country named — whoever
    // holds it in the releases asked about.
    // (The role's own word, not one made from it: "the UNGA presidency bid" names no president.)
    else if (beforeStranger && followsRole(tokens, end)) found.push({ role, of: '', asked });
    i = end - 1;
  }
  return found;
}

/** "Which kz ambassador …", "what Chinese minister …": the role at `start` is who is asked for. */
function askedAt(tokens: readonly Token[], start: number): boolean {
  // ("Was any Kazakh minister at the ceremony?": whether anyone holds it, and who.)
  // ("Кто из заместителей министра …", "какой посол …": who of them, which.)
  const before = tokens[start - 1]?.norm ?? '';
  return /^(?:which|what|any|как(?:ой|ая|ие|ого|ому|им))$/.test(before) || (before === 'из' && tokens[start - 2]?.norm === 'кто');
}

/** Every role the question names, longest first and without overlaps ("foreign minister", not also "minister"). */
function roleWordsIn(tokens: readonly Token[], names: readonly { start: number; end: number }[]): string[] {
  const found: string[] = [];
  for (let i = 0; i < tokens.length; i++) {
    // (Not a word of a place's or an organization's name: "Nur-Sultan" has no sultan.)
    if (names.some((l) => i >= l.start && i < l.end)) continue;
    const matched = ROLES.find((r) => r.stems.every((s, k) => roleWord(tokens[i + k], s)));
    if (!matched) continue;
    // ("Which Singapore ministers…": a plural is the group asked for, not a role to leave out.)
    if (!isPluralPeopleNoun(tokens[i + matched.stems.length - 1]!.norm)) found.push(matched.words.join(' '));
    i += matched.stems.length - 1;
  }
  return found;
}

/** "The tourism minister", "the Assolombarda vice president": the words right before a role word, outside any name. */
function roleQualifiersIn(tokens: readonly Token[], links: readonly { start: number; end: number }[]): string[] {
  const out: string[] = [];
  const inName = (i: number) => links.some((l) => i >= l.start && i < l.end);
  for (let i = 0; i < tokens.length; i++) {
    const role = ROLES.find((r) => r.stems.every((s, k) => roleWord(tokens[i + k], s)));
    if (!role) continue;
    for (let j = i - 1; j >= Math.max(0, i - 2) && !inName(j) && !STOP(tokens[j]!.norm); j--) out.push(tokens[j]!.stem);
    // "the vice minister of education"
    let j = i + role.stems.length;
    if (tokens[j]?.norm !== 'of') continue;
    j += tokens[j + 1]?.norm === 'the' ? 2 : 1;
    for (const end = j + 2; j < end && j < tokens.length && !inName(j) && !STOP(tokens[j]!.norm); j++) out.push(tokens[j]!.stem);
  }
  return out;
}

/** "The Kazakh delegation", "делегации Малайзии", "the delegation of Malaysia": a side's noun beside a country's name. */
function namesASide(tokens: readonly Token[], link: { start: number; end: number }): boolean {
  const before = tokens[link.start - 1]?.norm === 'of' ? tokens[link.start - 2] : tokens[link.start - 1];
  return [tokens[link.end], before].some((t) => t !== undefined && LEXICON.delegationNouns.has(t.norm));
}

/** Whether the word at i is a verb: an action the lexicon knows ("met", "went"), or one in -ing/-ed. */
function verbAt(tokens: readonly Token[], i: number): boolean {
  const t = tokens[i];
  return (
    t !== undefined &&
    (INTENT_BY_STEM.has(t.stem) ||
      LEXICON.irregularVerbs.has(t.norm) ||
      (/^\p{L}{3,}(?:ing|ed)$/u.test(t.norm) && t.norm !== 'meeting') ||
      // A Russian past tense: "провел", "подписала", "встретились" (not "посол").
      /^[а-яё]{2,}[аеиыуя]л(?:а|и|о|ся|ась|ись)?$/.test(t.norm))
  );
}

/** A role's word as typed, or one letter off a long one ("ambasador"). */
function roleWord(token: Token | undefined, stemmed: string): boolean {
  if (!token) return false;
  if (token.stem === stemmed) return true;
  // A typo's allowance, but not for a word the lexicon knows as another ("sectors" is not "rectors", "resident" not "president").
  return stemmed.length >= 6 && !INTENT_BY_STEM.has(token.stem) && !ATTRIBUTE_WORDS.has(token.norm) && editDistance(token.stem, stemmed, 1) <= 1;
}

/** The person named before the first action word ("Guterres invited Tokayev…"): who the question says acted. */
function agentOf(links: readonly Link[], tokens: readonly Token[], index: SearchIndex): string | undefined {
  const action = tokens.findIndex((t) => (INTENT_BY_STEM.get(t.stem) ?? []).some((x) => LEXICON.actionIntents.has(x)));
  if (action < 0) return undefined;
  const before = links.filter((l) => l.end <= action && index.persons.has(l.entity));
  return before.length === 1 ? before[0]!.entity : undefined;
}

/**
 * Words the question says but does not ask by ("thanking him", already known; "turned down", a fate guessed): their
 * cues and hints go, and what they intend unless another word of the question intends it too.
 */
function forgetWords(
  tokens: readonly Token[],
  dropped: (t: Token) => boolean,
  stems: ReadonlySet<string>,
  found: { cues: string[]; hints: string[]; intents: Set<Intent> },
): void {
  for (const list of [found.cues, found.hints]) for (let i = list.length - 1; i >= 0; i--) if (stems.has(list[i]!)) list.splice(i, 1);
  const intentsOf = (t: Token): readonly Intent[] => INTENT_BY_STEM.get(t.stem) ?? INTENT_BY_STEM.get(t.norm) ?? [];
  const still = new Set(tokens.filter((t) => !dropped(t)).flatMap(intentsOf));
  for (const t of tokens.filter(dropped)) for (const intent of intentsOf(t)) if (!still.has(intent)) found.intents.delete(intent);
}

/**
 * "Central Asia + Japan": a format's "+" is a word the tokens keep ("plus"), so that the country after it names the
 * format, not whose minister follows ("the central asia + japan fm meeting"). (Not "C5+1", a number, nor "OPEC+ ministerial", a
 * name: the "+" stands apart or between two words.)
 */
function joinedFormat(question: string): string {
  return question.replace(/(?<=\p{L})(?:\s+\+\s+|\+)(?=\p{L})/gu, ' plus ');
}

/**
 * "unga79", "cop29": a name run together with its number, as chat writes it — the name and the number apart, as
 * releases write them ("the 79th session of the UNGA"). (Not a short one: "G20", "C5" are names of their own.)
 */
function splitNumbered(question: string): string {
  return question.replace(/(?<![\p{L}\d])(\p{L}{3,})(\d{1,4})(?![\p{L}\d])/gu, '$1 $2');
}

/**
 * "vucic turned down the invite, right? belgrade oct 2024": chat adds the context after the tag. The tag, marked off
 * by its comma and question mark, goes last, where yesNoTagLength looks for it.
 */
const MID_TAG = new RegExp(`^(.+?),\\s*(${LEXICON.yesnoTags.map(phrasePattern).join('|')})\\s*\\?+\\s+(\\S.*)$`, 'isu');
const CONFIRM_OPENERS = LEXICON.confirmOpeners.map(lexiconPhrase);
function tagLast(question: string): string {
  const m = MID_TAG.exec(question.trim());
  if (m) return `${m[1]} ${m[3]}, ${m[2]}?`;
  // "so gambia joined the org?": opened so, asked, and no question word — a confirmation, as if tagged.
  const words = tokensOf(question).map((t) => t.norm);
  const opener = CONFIRM_OPENERS.find((p) => p.every((w, k) => words[k] === w));
  if (opener && /\?\s*$/.test(question) && !words.some((w) => WH_WORDS.includes(w)))
    return `${question.replace(/\?+\s*$/, '')}, ${isCyrillic(question) ? 'да' : 'right'}?`;
  return question;
}

/** "…, right?", "…, да?": a statement put as a yes/no question; the tag's length in words (0: none). */
function yesNoTagLength(words: readonly string[]): number {
  const tag = YESNO_TAGS.filter((t) => t.length < words.length && t.every((w, k) => words[words.length - t.length + k] === w)).sort(
    (a, b) => b.length - a.length,
  )[0];
  return tag?.length ?? 0;
}

const ATTRIBUTE_WORDS = new Set([...LEXICON.attributes.values()].flat().filter((p) => !p.includes(' ')));
function attributeWord(word: string): boolean {
  return ATTRIBUTE_WORDS.has(word);
}

/** The group asked about, and whether the question names the group itself ("which countries") rather than only its people ("the ministers"). */
function groupOf(words: readonly string[], free: (i: number) => boolean): { group: Group; named: boolean } | undefined {
  let found: { group: Group; named: boolean } | undefined;
  for (const { group, words: phrase } of GROUP_PHRASES) {
    for (let i = 0; i < words.length; i++) {
      // Russian group entries are stems: "организаци" covers every case of the noun.
      if (!phrase.every((w, k) => free(i + k) && (words[i + k] === w || (isCyrillic(w) && (words[i + k] ?? '').startsWith(w))))) continue;
      const named = !phrase.every((w) => isPeopleNoun(w));
      if (!found) found = { group, named };
      else if (found.group === group && named) found.named = true;
    }
  }
  return found;
}

function asksCounterpart(words: readonly string[], intents: ReadonlySet<Intent>): boolean {
  // "Who was invited / told…" asks for the counterpart, as do "who did he meet" and "…discuss X with".
  const passive = words[0] === 'who' && (words[1] === 'was' || words[1] === 'were') && /ed$|told|given|shown/.test(words[2] ?? '');
  return passive || intents.has('meet') || (intents.has('topic') && words.some((w) => LEXICON.withWords.has(w)));
}

/** The word a "how many" counts: the first after it ("how many [people] attended", "how many foreign [ministers]"). */
function countedAt(words: readonly string[], free: (i: number) => boolean): number {
  return words.findIndex(
    (w, i) =>
      i > 0 &&
      free(i) &&
      !STOP(w) &&
      !['how', 'many', 'much', 'сколько', 'different', 'всего', 'было', 'были'].includes(w) &&
      !/^(international|foreign)$/.test(w),
  );
}

/** …when the lexicon's counted_kinds has it: "people", "countries". */
function countedWord(words: readonly string[], free: (i: number) => boolean): string | undefined {
  const word = words[countedAt(words, free)];
  return word !== undefined && LEXICON.countedKinds.has(word) ? word : undefined;
}

/** "How many days did the visit last?" counts something the releases do not count. */
function countsWhatIsCounted(words: readonly string[], free: (i: number) => boolean): boolean {
  const counted = countedAt(words, free);
  return (
    counted < 0 || COUNTABLE_STEMS.has(stem(normalize(words[counted]!))) || [...COUNTABLE_STEMS].some((s) => isCyrillic(s) && words[counted]!.startsWith(s))
  );
}

/**
 * For yes/no: the values proposed — a place or organization after "in", "to", "with"… ("did he meet
 * him in Geneva?", "right, in New York?", "with a Russian university?"). Elsewhere a name is the
 * subject ("did Afghanistan come up?") or, unknown, what the release lacks ("the Japanese FM").
 */
/** The words after which a yes/no question names a place: "in", "at". */
const IN_A_PLACE = new Set(['in', 'at', 'в']);
/** Words of a journey, after which "to" names where it went. */
const TRIP_WORDS = new Set(['trip', 'visit', 'visited', 'went', 'travelled', 'traveled', 'flew', 'journey', 'tour']);

/** The numbers of a yes/no question that are no date or year: "signed 10 docs", "500m", "1.6bn" → "10", "500", "1.6". */
function proposedNumbers(words: readonly string[], dates: Frame['dates'], question: string): string[] {
  const inDate = new Set(dates.flatMap((d) => d.positions));
  // (Words split a decimal in two — "$48.6m" is "48" and "6m" —: the question says where one was.)
  const decimals = new Set(question.match(/\d+\.\d+/g) ?? []);
  const digitsOf = (w: string | undefined) => (w === undefined ? undefined : /^\d[\d,.]*/.exec(w)?.[0].replace(/[.,]$/, ''));
  const out: string[] = [];
  for (let i = 0; i < words.length; i++) {
    const w = words[i]!;
    // ("Did trade double?": a change is a number too.)
    if (LEXICON.changeValues.has(w)) out.push(w);
    const digits = digitsOf(w);
    if (!digits || inDate.has(i) || /^(?:19|20)\d\d$/.test(digits)) continue;
    const decimal = `${digits}.${digitsOf(words[i + 1]) ?? ''}`;
    if (decimals.has(decimal)) {
      out.push(decimal);
      i++;
    } else out.push(digits);
  }
  return out;
}

function proposedValues(
  words: readonly string[],
  links: readonly Link[],
  worldLinks: readonly Link[],
  unknown: readonly string[],
  personSubject: boolean,
  subjectTerms: number,
  acts: boolean,
  tagged: boolean,
  dates: Frame['dates'],
  index: SearchIndex,
  question: string,
): Frame['proposed'] {
  // "…with the Georgian foreign minister": a nationality, not a place proposed.
  const ofPersonNoun = (l: Link): boolean =>
    l.role === 'demonym' && words.slice(l.end, l.end + 2).some((w) => isPeopleNoun(w) || ROLE_PHRASES.some((r) => r[0] === stem(normalize(w))));
  const after = (l: Link): boolean =>
    !ofPersonNoun(l) &&
    (LEXICON.proposalBefore.has(words[l.start - 1] ?? '') || (STOP(words[l.start - 1] ?? '') && LEXICON.proposalBefore.has(words[l.start - 2] ?? '')));
  // After "in", "to", "with": a place or a country, not an organization ("did he talk to the ITU…").
  const placed = (kind: string | undefined): boolean => kind === 'place' || kind === 'country';
  // "Cassis is Austrian, isn't he?", "the Saudi FM was MBS?", "Tedros is the head of WIPO, right?": said of
  // a person, any other name is the proposal — unless other subject words say what is asked about
  // ("the coalition Tokayev wants is about mental health?").
  const claims = tagged || words.some((w) => LEXICON.copulas.has(w));
  const ofPerson = personSubject && subjectTerms === 0 && !acts && claims && !words.some((w) => AUXILIARIES.has(w) && !LEXICON.copulas.has(w));
  const entities = links
    .filter(
      (l) =>
        index.placeLike.has(l.entity) &&
        (ofPerson ? !index.persons.has(l.entity) && l.role !== 'title' && !ofPersonNoun(l) : after(l) && placed(index.entityKinds.get(l.entity))),
    )
    .map((l) => l.entity);
  // "…met the interpol chief in lyon in may, right?": a word no release uses, where a place goes, is a place
  // proposed — one no release names.
  // ("… trip in kurdistan was to sulaymaniyah, right?": after "to" where the question is about a trip.)
  const aTrip = words.some((w) => TRIP_WORDS.has(w));
  const unknownPlaces = unknown.filter((w) => {
    const i = words.indexOf(normalize(w));
    return i > 0 && (IN_A_PLACE.has(words[i - 1]!) || (aTrip && words[i - 1] === 'to')) && !MONTH_WORDS.has(words[i]!);
  });
  const names = ofPerson
    ? [...worldLinks.map((l) => l.entity), ...unknown]
    : [...worldLinks.filter((l) => after(l) && placed(index.worldKinds.get(l.entity))).map((l) => l.entity), ...unknownPlaces];
  return { entities, unknownNames: [...new Set(names)], dates, numbers: proposedNumbers(words, dates, question) };
}

/** "credentials to PM Mottley in Bridgetown": a word nobody knows right after a role is a name, not a subject. */
function followsRole(tokens: readonly Token[], i: number): boolean {
  return ROLES.some(
    (r) => r.stems.length <= i && r.stems.every((st, k) => roleWord(tokens[i - r.stems.length + k], st)) && tokens[i - 1]!.norm === r.words[r.words.length - 1], // (its own word: "the presidency bid" is no "President Bid")
  );
}

function unknownIsSubject(tokens: readonly Token[], unknownPositions: readonly number[], links: readonly Link[]): boolean {
  const linkedAt = new Set(links.flatMap((l) => Array.from({ length: l.end - l.start }, (_, k) => l.start + k)));
  const unknownAt = new Set(unknownPositions);
  // "about oil exports" is about oil; "about growing the creative economy" is mostly about known words.
  const subjectAfterMarker = (i: number): boolean => {
    const phrase = tokens
      .slice(i, i + 4)
      .map((_, k) => i + k)
      .filter((p) => !STOP(tokens[p]!.norm));
    return phrase.filter((p) => unknownAt.has(p)).length * 2 >= phrase.length;
  };
  // The English word orders that make an unknown word the subject.
  const englishSubject = (i: number): boolean =>
    // "the budget of the hub", "the volume of trade", "the trade turnover between Kazakhstan and Türkiye":
    // an unknown word that something known is "of".
    // ("what is the volume of trade…": after "is the", the unknown noun is what is asked of it.)
    (tokens[i + 1]?.norm === 'of' && tokens[i - 1]?.norm === 'the' && LEXICON.copulas.has(tokens[i - 2]?.norm ?? '')) ||
    (OF_WORDS.has(tokens[i + 1]?.norm ?? '') && (linkedAt.has(i + 2) || linkedAt.has(i + 3))) ||
    // "Who chaired the session?": the verb right after "who" is what is asked.
    (i === 1 && tokens[0]!.norm === 'who') ||
    // "the UN refugee agency chief" is not the UN chief: an unknown word qualifying a name.
    (linkedAt.has(i - 1) && i + 1 < tokens.length && !linkedAt.has(i + 1) && !STOP(tokens[i + 1]!.norm));
  // (Russian words go in any order: only "о …", "… обсуждали" say what the subject is.)
  const russian = tokens.some((t) => isCyrillic(t.norm));
  return unknownPositions.some(
    (i) =>
      !followsRole(tokens, i) &&
      ((LEXICON.subjectBefore.has(tokens[i - 1]?.norm ?? '') && subjectAfterMarker(i)) ||
        LEXICON.subjectAfter.has(tokens[i + 1]?.norm ?? '') ||
        (!russian && englishSubject(i))),
  );
}

// ── subject words ──────────────────────────────────────────────────────────

/** A Russian word's English stem, when the lexicon has it ("поблагодарил" → "thank"). */
function englishStem(token: Token): string | undefined {
  if (!/[а-я]/.test(token.norm)) return undefined;
  const english = toEnglish(token.norm);
  return english ? stem(english) : undefined;
}

/** The English word the lexicon gives a Russian one (by the longest stem it holds). */
function toEnglish(norm: string): string | undefined {
  return LEXICON.toEnglish.find(([ru]) => norm.includes(ru))?.[1];
}

/** The stem a subject word is indexed by, or undefined when no release uses the word. */
function knownStem(token: Token, index: SearchIndex): string | undefined {
  if (/[а-я]/.test(token.norm)) {
    // Russian words meet the English facts through their translation.
    // A translation no release says ("товарооборот" → "turnover") is as unknown as the English word would be.
    const hit = LEXICON.toEnglish.find(([ru]) => token.norm.startsWith(ru));
    if (hit) return index.vocabulary.has(stem(hit[1])) ? stem(hit[1]) : undefined;
    return index.vocabulary.has(token.stem) ? token.stem : undefined;
  }
  if (index.vocabulary.has(token.stem)) return token.stem;
  // An adjective of a word the releases use: "ministerial" (ministers), "parliamentary".
  for (const ending of LEXICON.adjectiveEndings) {
    if (!token.norm.endsWith(ending) || token.norm.length - ending.length < 5) continue;
    const base = stem(token.norm.slice(0, -ending.length));
    if (index.vocabulary.has(base)) return base;
  }
  // A typo of a word the releases use ("intelectual", "diplom").
  const budget = typoBudget(token.norm.length);
  if (budget === 0) return undefined;
  for (const word of index.wordSearch.candidates(token.norm, 20)) {
    if (editDistance(token.norm, word, budget) <= budget) return stem(word);
  }
  return undefined;
}

// ── typo-tolerant names ────────────────────────────────────────────────────

/**
 * "alibek bakaev" for Alibek Bakayev: the word after a person's first name, as the asker (or a headline) spells their
 * surname, is part of the name — not a subject word, even where some release writes it so.
 */
function withSurnames(links: Link[], tokens: readonly Token[], taken: boolean[], index: SearchIndex): void {
  for (const link of links) {
    const next = tokens[link.end];
    const surname = index.surnames.get(link.entity);
    if (!next || !surname || taken[link.end] || link.end - link.start !== 1 || next.norm === surname || !/^\p{L}{4,}$/u.test(next.norm)) continue;
    if (editDistance(next.norm, surname, 2) > typoBudget(Math.min(next.norm.length, surname.length))) continue;
    taken[link.end] = true;
    link.end += 1;
  }
}

function linkFuzzy(tokens: readonly Token[], candidates: readonly number[], taken: boolean[], index: SearchIndex): Link[] {
  const links: Link[] = [];
  let budget = MAX_FUZZY_LOOKUPS;
  // Runs of adjacent candidate words, tried longest first.
  const runs: number[][] = [];
  for (const i of candidates) {
    const run = runs[runs.length - 1];
    if (run && run[run.length - 1] === i - 1) run.push(i);
    else runs.push([i]);
  }
  for (const run of runs) {
    for (let len = Math.min(4, run.length); len >= 1; len--) {
      for (let s = 0; s + len <= run.length; s++) {
        const positions = run.slice(s, s + len);
        if (positions.some((p) => taken[p])) continue;
        const span = positions.map((p) => tokens[p]!);
        if (budget-- <= 0) return links;
        const form = bestFuzzyForm(span, index);
        if (!form) continue;
        positions.forEach((p) => (taken[p] = true));
        links.push({ entity: form.entity, role: form.role, start: positions[0]!, end: positions[positions.length - 1]! + 1, fuzzy: true });
      }
    }
  }
  return links;
}

function bestFuzzyForm(span: readonly Token[], index: SearchIndex): EntityForm | undefined {
  const text = span.map((t) => t.norm).join(' ');
  // Words the releases use are not typos of a name; only a span with an unknown word is worth a fuzzy
  // search — or a capitalised one, which may be a release's own spelling of a known name ("Tleuberdi").
  if (text.length < 4 || span.every((t) => index.vocabulary.has(t.stem) && !/^\p{Lu}\p{Ll}/u.test(t.raw))) return undefined;
  for (const { item } of index.formSearch.search(text, 8)) {
    if (item.exactTokens) continue;
    if (sameWithTypos(text, item.text) || sameWithTypos(withoutStopwords(text), withoutStopwords(item.text)) || abbreviates(span, item)) return item;
  }
  return undefined;
}

/** "high commisioner human rights" ~ "High Commissioner for Human Rights": small words aside. */
function withoutStopwords(text: string): string {
  return text
    .split(' ')
    .filter((w) => !STOP(w))
    .join(' ');
}

/** "guteres" ~ "guterres": within the typo budget of the whole form. */
function sameWithTypos(typed: string, form: string): boolean {
  const budget = typoBudget(form.length);
  return budget > 0 && editDistance(typed, form, budget) <= budget;
}

/** "world health org" ~ "world health organization": every word matches, the last may be cut short. */
function abbreviates(span: readonly Token[], form: EntityForm): boolean {
  const words = form.text.split(' ');
  if (span.length < 2 || span.length !== words.length) return false;
  return span.every((t, i) => {
    const word = words[i]!;
    if (t.norm === word || t.stem === stem(word)) return true;
    if (i === span.length - 1 && t.norm.length >= 3 && word.startsWith(t.norm)) return true;
    return editDistance(t.norm, word, typoBudget(word.length)) <= typoBudget(word.length);
  });
}
