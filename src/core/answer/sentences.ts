/**
 * Answers from the releases' own sentences, for whatever no curated fact covers: releases nobody
 * curated yet, the paragraphs a thin draft left out, details the facts do not carry.
 *
 * Retrieval is BM25 over every sentence (search/sentence-index.ts; stems, synonyms and spelling variants folded
 * as in the question). A release qualifies when its text covers most of what the question asks —
 * its subject words, and every place or organization it names; then its best sentences answer,
 * each holding at least one of the subject words. The question's words that only set the scene
 * ("at the first ministerial meeting") need not all be in the sentence that answers.
 */
import type { Engine } from '../engine';
import type { Meeting, Release, Source } from '../knowledge/types';
import { linkExact } from '../search/link';
import { entitiesNamed } from '../search/index';
import { tokensOf } from '../search/tokens';
import { stemsOf } from '../search/entity-forms';
import { answered, type Answer } from './answer';
import type { Context } from './ask-context';
import { entity } from './people';
import { holdersOf } from './roles';
import { findDates } from '../search/dates';
import { MONTH_FORMS_EN, MONTH_WORDS } from '../text/months';
import { saysAnotherOrdinal } from '../text/ordinals';
import { listItemNumber, splitSentences, stem } from '../text/normalize';
import { LEXICON } from '../lexicon/lexicon';
import { asksFigure, figureOfOtherYear, statesFigure, strictCues, yearsSaid } from './fact-match';

/** The year of a release's date, when it is known. */
function releaseYear(engine: Engine, id: string): number | undefined {
  const date = engine.knowledge.releases.get(id)?.date;
  return date ? Number(date.slice(0, 4)) : undefined;
}

/** Sentences quoted at most. */
const MAX_SENTENCES = 3;
/** Of the question's subject words and names, the share a release's text must cover. */
const MIN_COVERAGE = 0.75;
/** Kept: sentences scoring at least this share of the best one. */
const NEAR_BEST = 0.6;
/** A sentence that holds the kind of answer asked for must score at least this share of the best sentence. */
const TYPED_VS_BEST = 0.5;
/** Sentences read in full, at most, after BM25 has ranked them. */
const MAX_CANDIDATES = 60;

/** Paragraphs by release: where a search may look (all of each release when absent). */
export type Paragraphs = ReadonlyMap<string, ReadonlySet<number>>;

/**
 * The text's best sentences as an answer. `states`: only sentences whose words state something
 * (a sum of money, a number) answer — the attribute or the count asked for.
 */
export function sentenceAnswer(
  ctx: Context,
  releases: ReadonlySet<string> = ctx.releases,
  paragraphs?: Paragraphs,
  states?: (text: string) => boolean,
): Answer | undefined {
  const sources = bestSentences(ctx, releases, paragraphs, states);
  // ("How many documents were signed?" — "… the documents below were signed:" and a list of eight: the count is the list's.)
  const listed = ctx.a.ask === 'count' ? lastItemNumber(sources) : 0;
  return sources.length ? answered(listed ? ctx.S.listed(listed) : ctx.S.fromText, [], sources, ctx.lang) : undefined;
}

/** The highest item number of the numbered lists among the sources (0 when there is none). */
function lastItemNumber(sources: readonly Source[]): number {
  const numbers = sources
    .filter((x) => listItemNumber(x.quote) > 0)
    .flatMap((x) => [...x.quote.matchAll(/(?:^|[;:.]\s)(\d{1,2})[.)]\s/g)].map((m) => Number(m[1])));
  return Math.max(0, ...numbers);
}

/**
 * The paragraphs that report some meetings: from each meeting's first cited paragraph up to the next
 * meeting of its release. "What was the WIPO cooperation about?" looks in the WIPO meeting, not in the WHO one.
 */
export function meetingParagraphs(engine: Engine, meetings: readonly Meeting[]): Paragraphs {
  const out = new Map<string, Set<number>>();
  for (const m of meetings) {
    // (Its release's meetings from the index: all 100,000 of them filtered here were most of a question's time.)
    const starts = (engine.index.meetingsByRelease.get(m.release) ?? []).map(firstParagraph).sort((a, b) => a - b);
    const start = firstParagraph(m);
    const next = starts.find((p) => p > start) ?? Infinity;
    const count = engine.knowledge.releases.get(m.release)?.paragraphs.length ?? 0;
    const set = out.get(m.release) ?? new Set<number>();
    for (let p = start; p <= Math.min(count, next - 1); p++) set.add(p);
    out.set(m.release, set);
  }
  return out;
}

function firstParagraph(m: Meeting): number {
  return Math.min(...m.sources.map((s) => s.paragraph), ...[Infinity]);
}

export function bestSentences(ctx: Context, releases: ReadonlySet<string>, paragraphs?: Paragraphs, states?: (text: string) => boolean): Source[] {
  const { engine } = ctx;
  const { index } = engine;
  // Places and organizations are what the question is about; people mostly say which meeting.
  const required = ctx.specific.filter((id) => !index.persons.has(id));
  const people = ctx.a.links.map((l) => l.entity).filter((id) => index.persons.has(id));
  const words = [...new Set([...ctx.terms, ...ctx.a.textNameWords])];
  // Soft words rank sentences without being required: actions ("met bilaterally", "praised") and the
  // group asked for ("international organizations"), which a release may put otherwise.
  const soft = [...new Set([...ctx.a.cues, ...ctx.a.hints, ...ctx.a.terms.filter((t) => !words.includes(t))])];
  // Nothing to look for, unless the question asks for a group ("which countries…") or an action ("met bilaterally") the text may state.
  if (words.length === 0 && required.length === 0 && !ctx.a.groupNamed && ctx.a.hints.length === 0) return [];
  const nameWords = required.flatMap((id) => {
    const e = entity(engine, id);
    // ("Office of the UN High Commissioner": its "of" and "the" would rank every sentence that has them.)
    return e ? [...new Set([e.name, ...e.aliases, ...e.demonyms].flatMap((n) => stemsOf(n)))].filter((w) => !LEXICON.stopwords.has(w)) : [];
  });
  const personWords = people.flatMap((id) => stemsOf(entity(engine, id)?.name ?? ''));
  // Dates the question names, as the text writes them ("September 22").
  const dateWords = ctx.a.dates.flatMap((d) => [...(d.month ? [stem(MONTH_FORMS_EN[d.month - 1]![0]!)] : []), ...(d.day ? [String(d.day)] : [])]);
  const query = [...words, ...nameWords, ...soft, ...personWords, ...dateWords];
  // What the question asks about weighs most; names and actions help rank, the scene counts least.
  // Names only surface sentences (a sentence that names who represented Hungary); they must not
  // outrank the sentence that says what was asked just by repeating the organization's names.
  // The first subject word is the focus ("What was *adopted* at the first ministerial meeting?"): the
  // words after it mostly set the scene.
  const weight = new Map<string, number>([
    // (With no subject words, the words of the kind asked — "which sectors did they discuss at the forum?" — are what
    // is asked: the forum's name only says where to look.)
    ...nameWords.map((w) => [w, words.length || ctx.a.hints.length ? 0.1 : 1] as const),
    ...personWords.map((w) => [w, 0.3] as const),
    ...soft.map((w) => [w, 0.5] as const),
    ...dateWords.map((w) => [w, 1] as const),
    ...words.map((w, i) => [w, i === 0 ? 2 : 1] as const),
  ]);
  const hits = index.sentences.search(query, {
    combineWith: 'OR',
    boostTerm: (term) => weight.get(term) ?? 1,
    // Query words are stems already (typos were mended by the reader): exact look-ups, no second stemming.
    releases,
    ...(paragraphs ? { filter: (release: string, paragraph: number) => paragraphs.get(release)?.has(paragraph) === true } : {}),
  });

  // Which releases cover the question: its words anywhere in their text, every place or organization named.
  const wordsByRelease = new Map<string, Set<string>>();
  for (const hit of hits) {
    const release = hit.release;
    const seen = wordsByRelease.get(release) ?? new Set<string>();
    for (const t of hit.queryTerms) if (words.includes(t)) seen.add(t);
    wordsByRelease.set(release, seen);
  }
  const needed = words.length + required.length;
  const covers = (release: string): boolean => {
    if (needed === 0) return true;
    const places = required.filter((id) => index.releasesNamingEntity.get(id)?.has(release)).length;
    // (The agency that put the release out counts too, though no sentence names it: "… kazinform datelined it astana".)
    const seen = wordsByRelease.get(release);
    const agency = new Set(tokensOf(engine.knowledge.releases.get(release)?.source ?? '').map((t) => t.stem));
    const byAgency = words.filter((w) => !seen?.has(w) && agency.has(w)).length;
    return ((seen?.size ?? 0) + byAgency + places) / needed >= MIN_COVERAGE;
  };

  const strict = strictCues(ctx.a);
  // People who hold an office the question names, of the country or organization it names with it.
  const holdsAsked = (ids: readonly string[]): boolean =>
    ctx.a.roles.some((r) => holdersOf(engine, ids, [r]).some((id) => !r.of || [entity(engine, id)?.country, entity(engine, id)?.organization].includes(r.of)));
  const scored = hits.slice(0, MAX_CANDIDATES).flatMap((hit) => {
    const release = hit.release;
    if (!covers(release)) return [];
    const text = hit.text;
    if ((states && !states(text)) || figureOfOtherYear(ctx.a, text, releaseYear(engine, release))) return [];
    // "When is the 4th round?" is not answered by "the previous, second round was held in 2019".
    // (In a yes/no question the ordinal is the value proposed: "was this the first round?" — the sentence that says
    // "second" answers it.)
    if (ctx.a.ordinal !== undefined && ctx.a.ask !== 'yesno' && saysAnotherOrdinal(text, ctx.a.ordinal)) return [];
    // "Where will the next round be held?": a sentence about what is to come, not about this round.
    if (ctx.a.future && (ctx.a.ask === 'where' || ctx.a.ask === 'when') && !LEXICON.toCome(text)) return [];
    const tokens = tokensOf(text);
    const links = linkExact(tokens, index.formTable);
    const named = entitiesNamed(tokens, index.formTable, [], links);
    // People by their names only: a title ("the foreign ministers of Kazakhstan") may be anyone's.
    const byName = new Set(links.filter((l) => l.role === 'name').map((l) => l.entity));
    const namesPerson = people.some((id) => byName.has(id));
    // "How many Spanish students…" is not answered by "Kazakh students": the same word, another country's.
    if (qualifiedByAnotherCountry(ctx, tokens)) return [];
    const persons = [...byName].filter((id) => index.persons.has(id)).length;
    // A sentence answers with a subject word of the question, by naming the person it asks about ("what
    // did Nurtleu say…"), or — asked who — by naming someone beside a place or organization asked about.
    // (Of a question of two, a sentence stating the action one half asks answers that half: "what was signed, and what
    // is still under negotiation?" — "A Memorandum … was also signed.")
    const answers =
      hit.queryTerms.some((t) => words.includes(t)) ||
      (ctx.a.compound && strict.some((c) => hit.queryTerms.includes(c))) ||
      // (Or the action asked, where every word beside it is its release's scene: "what got signed at the embassy
      // opening?" of "Kazakhstan opens embassy in Ethiopia" — "… signed a memorandum".)
      (ctx.a.ask === 'what' && strict.some((c) => hit.queryTerms.includes(c)) && words.every((w) => sceneStems(engine, release).has(w))) ||
      // (Not where, when or how many of a thing: "where is the LEU bank Tokayev and Grossi talked about?" is not
      // answered by the sentence that names the two.)
      (namesPerson && (ctx.a.ask !== 'who' || !ctx.a.asksCounterpart) && !(['where', 'when', 'count'].includes(ctx.a.ask) && words.length)) ||
      (ctx.a.groupNamed && groupNames(ctx, tokens) > 0) ||
      (ctx.a.ask === 'who' && persons > 0 && required.length > 0 && required.every((id) => named.has(id)));
    if (words.length && !answers) return [];
    // A sentence with less than half of what the question asks about answers something else — counting the
    // words its release's headline and opening set the scene with ("… at the political consultations in Tokyo").
    if (words.length >= 2) {
      const scene = sceneStems(engine, release);
      if (words.filter((t) => hit.queryTerms.includes(t) || scene.has(t)).length * 2 < words.length) return [];
    }
    // "What did the ambassador say?": a sentence in which he says something — not one listing him as present.
    if (ctx.a.intents.has('assess') && people.length && (!LEXICON.speech(text) || (ctx.a.agent && !byName.has(ctx.a.agent)))) return [];
    // Asked only for an action ("what agreements did they sign?"), a sentence must state it. An action only a
    // sentence that says it states ("what was signed after the consultations?") must be in it, whatever else is asked.
    if (!words.length && ctx.a.cues.length && !ctx.a.cues.some((c) => hit.queryTerms.includes(c))) return [];
    // (Kept aside, not dropped: it may answer the other half of "what was signed, and what is still negotiated?".)
    const statesStrict = ctx.a.ask === 'yesno' || strict.length === 0 || strict.some((c) => hit.queryTerms.includes(c));
    // "How many tonnes of …": the counted word (the first subject word) must be in the sentence, not just a number.
    // (Not a word of the scene: "how many deals were signed at the business forum?" counts deals, the forum is where.)
    if (ctx.a.ask === 'count' && !ctx.a.attribute && words.length && !hit.queryTerms.includes(words[0]!) && !sceneStems(engine, release).has(words[0]!))
      return [];
    // "How many tonnes of rice…" is not answered by "150,000 tonnes of wheat": the number's own "of" must be the thing asked.
    if (ctx.a.ask === 'count' && (countsSomethingElse(text, ctx.a.terms) || countsOnlyTime(text, ctx.a.terms))) return [];
    // "How many people attended?" is not answered by "456 nuclear tests were conducted": a number of that kind of thing.
    // (A word the question asks about itself — "how many Nigerian students" — is looked for as a subject word already.)
    // (A sentence that introduces a numbered list counts by the list: "the documents below were signed:".)
    const introducesList = ctx.a.ask === 'count' && listAfter(engine, { release, paragraph: hit.paragraph, quote: text }).length > 0;
    const countedKind = ctx.a.counted !== undefined && !ctx.a.terms.includes(stem(ctx.a.counted)) ? ctx.a.counted : undefined;
    if (ctx.a.ask === 'count' && countedKind && !countsKind(text, countedKind) && !introducesList) return [];
    // (A name the release's headline and opening already give sets its scene, as every sentence of it does: "… right?
    // (kosherbayev at UNHCR, geneva)" says which release, not which of its sentences.)
    // (Worked out only for a name the sentence has: most candidates have none, and a release's scene costs a tokenizing.)
    // (By its name or its adjective: "… talks with Azerbaijani Foreign Minister …" sets Azerbaijan's.)
    const sets = (id: string): boolean => {
      const e = entity(engine, id);
      const scene = sceneStems(engine, release);
      return [e?.name ?? '', ...(e?.demonyms ?? [])].some((form) => {
        const stems = stemsOf(form);
        return stems.length > 0 && stems.every((x) => scene.has(x));
      });
    };
    // A count is of the thing asked about: "how many companies took part in the Business Council" is not
    // answered by a number of companies elsewhere. The organizations and events asked about must be named — or set
    // the release's scene ("during the forum" of a release about the Kazakhstan-Malawi Business Forum).
    // (A city is where the thing counted is, unless it is the release's own: "how many tourists are on Phu Quoc?" is not
    // answered by "2,300 tourists were in Nha Trang".)
    const countedThere = (id: string): boolean => {
      const type = entity(engine, id)?.type;
      return type === 'place' ? engine.knowledge.releases.get(release)?.place !== id : type !== 'country';
    };
    // (Or its paragraph names it before it: "… pastures in the Zhambyl and Turkestan regions. The project … would cover some
    // 250,000 hectares." — so of a figure's partner, below.)
    // (Its year too: "… the assistance delivered last year. … 3,500 tonnes of wheat flour were shipped" is no figure of 2022.)
    // (Worked out only when asked: most candidates name what they must.)
    const namedBefore = (id: string): boolean => {
      const r = engine.knowledge.releases.get(release);
      const paragraph = r ? (sentencesOf(r)[hit.paragraph - 1] ?? []) : [];
      const at = paragraph.indexOf(text);
      if (at <= 0) return false;
      const previous = paragraph.slice(0, at).join(' ');
      const asked = ctx.a.dates.flatMap((d) => d.year ?? []);
      const said = yearsSaid(`${previous} ${text}`, releaseYear(engine, release));
      return namesAnyOf(engine, previous, [id]) && !(asked.length && said.length && !said.some((y) => asked.includes(y)));
    };
    if (ctx.a.ask === 'count' && required.some((id) => countedThere(id) && !named.has(id) && !sets(id) && !namedBefore(id))) return [];
    // "kz-eu trade": a figure of a pair is of the partner asked — "trade between the two countries" in a release about
    // a Polish delegation is Poland's, not the EU's. The partner is named in the sentence or sets its release's scene.
    if (asksFigure(ctx.a) && statesFigure(text) && required.some((id) => !named.has(id) && !sets(id) && !namedBefore(id))) return [];
    const boost =
      1 +
      0.25 * required.filter((id) => named.has(id) && !sets(id)).length +
      (people.some((id) => byName.has(id) && !sets(id)) ? 0.5 : 0) +
      (ctx.a.ask === 'who' && persons ? 1 : 0) +
      (ctx.a.groupNamed ? groupNames(ctx, tokens) : 0);
    return [
      {
        statesStrict,
        terms: hit.queryTerms,
        score: hit.score * boost,
        // (A sentence that states the attribute asked answers it: "at the initiative of the Turkmen side" names no one.)
        // (…or with the response quoted beside it: "proposed consultations. X supported it and suggested holding the
        // first round in Santo Domingo" says where.)
        answersKind:
          states !== undefined ||
          answersKind(ctx, text, tokens, byName) ||
          responseAnswersKind(ctx, { release, paragraph: hit.paragraph, quote: text }) ||
          introducesList,
        source: { release, paragraph: hit.paragraph, quote: text },
        namesHolder: holdsAsked([...byName]),
      },
    ];
  });
  // Asked who, where or when, only a sentence that names a person, a place or a date answers; the others set the scene.
  const stating = scored.filter((x) => x.statesStrict);
  const typed = stating.filter((x) => x.answersKind);
  const kinds = typed.length || ['who', 'where', 'when', 'count'].includes(ctx.a.ask) ? typed : stating;
  // "Was any Kazakh minister at the ceremony?": the sentence that names one ("Foreign Minister X was present at the
  // ceremony"), not the one that best repeats the ceremony.
  // (Only when the office is what is asked: "who received the Finnish FM?" asks her host; "did King Hamad accept the
  // invite? (bahrain fm in astana)" asks the king.)
  const holding = (ctx.a.ask === 'yesno' || ctx.a.ask === 'who') && ctx.a.roles.some((r) => r.asked) ? kinds.filter((x) => x.namesHolder) : [];
  const kept = holding.length ? holding : kinds;
  kept.sort((a, b) => b.score - a.score);
  const best = kept[0]?.score ?? 0;
  // The sentence that best matches the question names no place (or person, or date): one that does but
  // matches far worse is about something else ("where will the next meeting be?" — not where this one was).
  const bestOfAll = Math.max(0, ...scored.map((s) => s.score));
  // (Only for where: a list of people is a long sentence that ranks low, and still answers who.)
  if (ctx.a.ask === 'where' && kept !== scored && best < bestOfAll * TYPED_VS_BEST) return [];
  const near = kept.filter((s) => s.score >= best * NEAR_BEST);
  // (Asked what was signed, every sentence of that release that answers and states the signing: all that was signed —
  // not only the one that repeats the most words of the question.)
  const sameAction =
    strict.length && ctx.a.ask !== 'yesno'
      ? kept.filter((s) => !near.includes(s) && s.source.release === near[0]?.source.release && strict.some((c) => s.terms.includes(c)))
      : [];
  const chosen = [...near, ...sameAction].slice(0, MAX_SENTENCES);
  // (No sentence that answers: none that only holds the question's other words does either.)
  if (chosen.length === 0) return [];
  // (The words of the release's scene are no half of their own: "at the commission in Nouakchott".)
  const scene = sceneStems(engine, chosen[0]!.source.release);
  // (A yes/no question has no halves: what it proposes is confirmed or not.)
  const halves =
    ctx.a.ask === 'yesno'
      ? []
      : otherHalves(
          chosen,
          scored,
          words.filter((w) => !scene.has(w)),
          MAX_SENTENCES + (ctx.a.compound ? 1 : 0),
        );
  return withLists(
    engine,
    withResponses(
      engine,
      [...chosen, ...halves].map((s) => s.source),
      // ("tl;dr of his chat with the tourism minister": the sentence that found the meeting, and what its paragraph goes on to say.)
      ctx.a.ask === 'summary' ? SUMMARY_FOLLOWING : 0,
    ),
    ctx.a.ask === 'count',
  );
}

/**
 * "… the documents below were signed:" and a numbered list in the next paragraph: the list is what the sentence says
 * (what was signed, and — by its last number — how many).
 */
function withLists(engine: Engine, sources: readonly Source[], counting: boolean): Source[] {
  return sources.flatMap((x) => {
    const list = listAfter(engine, x);
    const quoted = (item: Source) => sources.some((y) => y.release === item.release && y.paragraph === item.paragraph);
    // (An item found on its own answers by itself: "what does the communique say about water?" — its item 4, not all eight.)
    if (!counting && list.some(quoted)) return [x];
    return [x, ...list.filter((item) => !quoted(item))];
  });
}

/**
 * The numbered list a sentence ending in a colon introduces: the paragraph after it ("1. Plan …; 2. Memorandum …"),
 * or the run of paragraphs "1. …", "2. …" that follows it.
 */
function listAfter(engine: Engine, x: Source): Source[] {
  if (!x.quote.trimEnd().endsWith(':')) return [];
  const paragraphs = engine.knowledge.releases.get(x.release)?.paragraphs ?? [];
  const items: Source[] = [];
  // (paragraphs[x.paragraph] is the one after x's: paragraph numbers count from 1.)
  for (let p = x.paragraph; p < paragraphs.length && items.length < MAX_LIST_ITEMS && listItemNumber(paragraphs[p]!) === items.length + 1; p++)
    items.push({ release: x.release, paragraph: p + 1, quote: paragraphs[p]! });
  return items;
}

/** A list quoted at most this many paragraphs long. */
const MAX_LIST_ITEMS = 15;

/** A summary quotes, after a sentence it found, this many of the sentences that follow it in its paragraph. */
const SUMMARY_FOLLOWING = 2;

/**
 * "What was signed, and what is still under negotiation?": the sentences chosen say what was signed; a sentence of
 * the same release with the words they lack ("negotiation") answers the rest — best first, one per word missing.
 */
function otherHalves<T extends { terms: readonly string[]; source: Source; score: number }>(
  chosen: readonly T[],
  candidates: readonly T[],
  words: readonly string[],
  max: number,
): T[] {
  const release = chosen[0]?.source.release;
  if (!release || words.length === 0) return [];
  const covered = new Set(chosen.flatMap((s) => s.terms.filter((t) => words.includes(t))));
  const out: T[] = [];
  for (const s of [...candidates].sort((a, b) => b.score - a.score)) {
    if (chosen.length + out.length >= max || covered.size === words.length) break;
    if (s.source.release !== release || chosen.includes(s) || out.includes(s)) continue;
    const adds = s.terms.filter((t) => words.includes(t) && !covered.has(t));
    if (adds.length === 0) continue;
    out.push(s);
    for (const t of adds) covered.add(t);
  }
  return out;
}

/**
 * "The ambassador proposed a memorandum." is half the story when the next sentence says what became of it
 * ("Fontana said the region would study the proposal."): a quoted proposal brings the response after it,
 * and a quoted response ("Zhao supported the proposal.") the proposal before it.
 */
export function withResponses(engine: Engine, sources: readonly Source[], following = 0): Source[] {
  const out: Source[] = [];
  const quotes = new Set(sources.map((x) => x.quote));
  const add = (source: Source, quote: string): void => {
    if (quotes.has(quote)) return;
    quotes.add(quote);
    out.push({ release: source.release, paragraph: source.paragraph, quote });
  };
  for (const source of sources) {
    const { before, after, next } = besideResponse(engine, source, following);
    if (before) add(source, before);
    out.push(source);
    if (after) add(source, after);
    for (const quote of next) add(source, quote);
  }
  return out;
}

/** A sentence that names a subject in this many words at most is a heading, not a point of its own. */
const MAX_HEADING_WORDS = 14;

/** The proposal a quoted response answers (the sentence before), or the response to a quoted proposal (the one after). */
function besideResponse(engine: Engine, source: Source, following: number): { before?: string; after?: string; next: string[] } {
  const release = engine.knowledge.releases.get(source.release);
  const sentences = release ? (sentencesOf(release)[source.paragraph - 1] ?? []) : [];
  const at = sentences.indexOf(source.quote);
  const before = at > 0 ? sentences[at - 1] : undefined;
  const after = at >= 0 ? sentences[at + 1] : undefined;
  // (A response names the proposal: "Zhao supported the proposal." answers one, it makes none.)
  const isResponse = LEXICON.response(source.quote);
  const isProposal = !isResponse && LEXICON.proposal(source.quote);
  // ("Much of the conversation was about transport." names a subject the next sentence gives the details of.)
  const heading = at >= 0 && LEXICON.heading(source.quote) && source.quote.split(/\s+/).length <= MAX_HEADING_WORDS;
  return {
    next: at >= 0 ? sentences.slice(at + 1, at + 1 + Math.max(following, heading ? 1 : 0)) : [],
    ...(isResponse && before && LEXICON.proposal(before) ? { before } : {}),
    ...(isProposal && after && LEXICON.response(after) ? { after } : {}),
  };
}

/**
 * A release's paragraphs split into sentences, once per release: answers come back to the same
 * paragraphs again and again (a topic asked of an organization met in hundreds of releases quotes
 * each of their sentences and the ones beside them), and splitting is most of that work.
 */
export function sentencesOf(release: Release): readonly (readonly string[])[] {
  let split = SPLITS.get(release);
  if (!split) {
    split = release.paragraphs.map((text) => splitSentences(text));
    SPLITS.set(release, split);
  }
  return split;
}
// Keyed by the release object, as SCENES below: a reload's new knowledge brings new objects.
const SPLITS = new WeakMap<object, readonly (readonly string[])[]>();

/** A release's headline and opening: what it is about. */
export function sceneText(release: Release | undefined): string {
  // (The opening's first sentences: a hard-wrapped page may come as one paragraph, the whole article.)
  return release
    ? `${release.title} ${splitSentences(release.paragraphs[0] ?? '')
        .slice(0, SCENE_SENTENCES)
        .join(' ')}`
    : '';
}
/** The sentences of the first paragraph that set the scene. */
const SCENE_SENTENCES = 3;

/** A release's scene as stems. Worked out once per release. */
export function sceneStems(engine: Engine, id: string): ReadonlySet<string> {
  const release = engine.knowledge.releases.get(id);
  if (!release) return new Set();
  let scene = SCENES.get(release);
  if (!scene) {
    // (And the agency that put it out: "the consultations kazinform datelined astana" — Kazinform says which release.)
    scene = new Set(tokensOf(`${sceneText(release)} ${release.source ?? ''}`).map((t) => t.stem));
    SCENES.set(release, scene);
  }
  return scene;
}
// Keyed by the release object: a reload's new knowledge brings new objects, the old ones' entries go with them.
const SCENES = new WeakMap<object, ReadonlySet<string>>();

/** Whether the sentence gives a word the question qualifies by one country's adjective only another country's. */
function qualifiedByAnotherCountry(ctx: Context, tokens: ReturnType<typeof tokensOf>): boolean {
  if (ctx.a.qualified.length === 0) return false;
  const demonyms = linkExact(tokens, ctx.engine.index.formTable).filter((l) => l.role === 'demonym');
  return ctx.a.qualified.some(({ entity: asked, stem: word }) => {
    const before = tokens.flatMap((t, i) => (t.stem === word ? demonyms.filter((d) => d.end === i) : []));
    return before.length > 0 && before.every((d) => d.entity !== asked);
  });
}

/** The sentences of some releases that state something, in their order (a few at most). */
export function sentencesStating(engine: Engine, releases: Iterable<string>, stating: (text: string) => boolean, max = MAX_STATING): Source[] {
  const out: Source[] = [];
  for (const id of releases) {
    const release = engine.knowledge.releases.get(id);
    (release ? sentencesOf(release) : []).forEach((sentences, i) => {
      for (const quote of sentences) if (stating(quote)) out.push({ release: id, paragraph: i + 1, quote });
    });
    if (out.length >= max) break;
  }
  return out.slice(0, max);
}
const MAX_STATING = 3;

/** Whether a text names one of these entities (by any of their forms). */
export function namesAnyOf(engine: Engine, text: string, ids: readonly string[]): boolean {
  const named = entitiesNamed(tokensOf(text), engine.index.formTable);
  return ids.some((id) => named.has(id));
}

/**
 * Whether a text may name a person: one the knowledge knows, or capitalized words after its first that are no name of
 * anything known ("… led by Permanent Representative … Talgat Zhumagulov" — not "The meeting was chaired by Kazakhstan").
 */
export function mayNamePerson(engine: Engine, text: string): boolean {
  const tokens = tokensOf(text);
  const links = linkExact(tokens, engine.index.formTable);
  if (links.some((l) => engine.index.persons.has(l.entity))) return true;
  const known = new Set(links.flatMap((l) => Array.from({ length: l.end - l.start }, (_, k) => l.start + k)));
  return tokens.some((t, i) => i > 0 && !known.has(i) && /^\p{Lu}\p{Ll}/u.test(t.raw));
}

/** Whether a sentence holds what the kind of question asks for: a person for who, a place for where, a date for when. */
function answersKind(ctx: Context, text: string, tokens: ReturnType<typeof tokensOf>, byName: ReadonlySet<string>): boolean {
  const { index } = ctx.engine;
  const type = (id: string): string | undefined => entity(ctx.engine, id)?.type;
  switch (ctx.a.ask) {
    case 'who': {
      // Asked whom someone met, someone else: "which deputies did Hakala meet?" is not answered by "Hakala is due to meet
      // members of the Mazhilis".
      // (Or a name nobody drafted: "Issetov met Vice-Chair of … VNO-NCW Ingrid de Vries".)
      // (Nor is whom the question names by name the answer to who: "who's going to replace Valenzuela?" — "Valenzuela said
      // his successor was expected …". Unless their office is what is asked: "who chairs the IFAS executive committee
      // (askhat …?)".)
      const asked = new Set(
        ctx.a.links
          .filter((l) => (ctx.a.asksCounterpart ? l.role !== 'title' : l.role === 'name' && index.persons.has(l.entity) && !holdsWordsAsked(ctx, l.entity)))
          .map((l) => l.entity),
      );
      return (
        [...byName].some((id) => index.persons.has(id) && !asked.has(id)) ||
        (asked.size > 0 && [...byName].some((id) => asked.has(id)) && unknownNameIn(ctx, text))
      );
    }
    case 'what':
    case 'bare':
      // "Which sectors were on the table at the forum?": a sentence that says what was discussed; the others set the scene.
      if (ctx.a.intents.has('topic') && !ctx.a.intents.has('assess') && ctx.terms.length === 0) return LEXICON.discussion(text);
      // "What did Nurtleu say about…": the sentences that name him.
      return (
        !ctx.a.intents.has('assess') ||
        !ctx.a.links.some((l) => index.persons.has(l.entity)) ||
        ctx.a.links.some((l) => index.persons.has(l.entity) && byName.has(l.entity))
      );
    case 'where': {
      // Asked for a city, a city: "in which Vietnamese city…" is not answered by "in Vietnam".
      const asked = new Set(ctx.a.asksCity ? ctx.a.links.map((l) => l.entity) : []);
      const kinds = ctx.a.asksCity ? ['place'] : ['place', 'country'];
      // (A place the sentence puts something in: "an event … for Central Asia" says not where the event is.)
      return (
        linkExact(tokens, index.formTable).some((l) => !asked.has(l.entity) && kinds.includes(type(l.entity) ?? '') && placedAt(tokens, l)) ||
        linkExact(tokens, index.worldTable).some(
          (l) =>
            !asked.has(l.entity) &&
            placedAt(tokens, l) &&
            (ctx.a.asksCity ? index.worldKinds.get(l.entity) === 'place' : index.worldKinds.get(l.entity) !== 'organization'),
        ) ||
        unknownPlaceNamed(tokens, index.formTable)
      );
    }
    case 'when':
      return findDates(tokens).length > 0;
    case 'count': {
      // (A date's numbers count nothing: "held a memorial event in Warsaw on May 31" says not how many came.)
      const inDate = new Set(findDates(tokens).flatMap((d) => d.positions));
      // ("one of the largest investors" counts nothing either.)
      return NUMBER.test(
        tokens
          .map((t, i) => (inDate.has(i) ? '' : t.norm))
          .join(' ')
          .replace(/\bone of\b/g, ''),
      );
    }
    default:
      return true;
  }
}

/** Whether a person's title has a word the question asks about ("chairs" — "Chairman of the Executive Committee"). */
export function holdsWordsAsked(ctx: Context, person: string): boolean {
  const title = new Set(tokensOf(entity(ctx.engine, person)?.title ?? '').map((t) => t.stem));
  return ctx.a.terms.some((w) => title.has(w));
}

/** Whether a place in a sentence says where something is: named (not "Kazakh"), and not "for Central Asia", "with Tajikistan". */
function placedAt(tokens: ReturnType<typeof tokensOf>, link: { start: number; role: string }): boolean {
  if (link.role === 'demonym') return false;
  const at = tokens[link.start - 1]?.norm === 'the' ? link.start - 1 : link.start;
  if (afterPlaceWords(tokens, at)) return true;
  return !LEXICON.notPlaceBefore.has(tokens[at - 1]?.norm ?? '');
}

/** Whether the words right before position `at` place something there: "in", "at", "city of". */
function afterPlaceWords(tokens: ReturnType<typeof tokensOf>, at: number): boolean {
  return LEXICON.placeBefore.some((words) => words.every((w, k) => tokens[at - words.length + k]?.norm === w));
}

/** Whether the response quoted after a proposal (withResponses) says the place or date asked. */
function responseAnswersKind(ctx: Context, source: Source): boolean {
  if (ctx.a.ask !== 'where' && ctx.a.ask !== 'when') return false;
  const { after } = besideResponse(ctx.engine, source, 0);
  return after !== undefined && answersKind(ctx, after, tokensOf(after), new Set());
}

/** "In Brno", "at Cholpon-Ata": a capitalized word no entity is, after the words that place something (not "in May"). */
function unknownPlaceNamed(tokens: ReturnType<typeof tokensOf>, formTable: Parameters<typeof linkExact>[1]): boolean {
  const known = new Set(linkExact(tokens, formTable).flatMap((l) => Array.from({ length: l.end - l.start }, (_, k) => l.start + k)));
  return tokens.some((t, i) => i > 0 && /^\p{Lu}/u.test(t.raw) && !known.has(i) && !MONTH_WORDS.has(t.norm) && afterPlaceWords(tokens, i));
}

/** Whether the text's "<number> <unit> of <thing>" counts the question's unit (its first subject word) of another thing only. */
function countsSomethingElse(text: string, terms: readonly string[]): boolean {
  if (terms.length < 2) return false;
  const things: string[][] = [];
  // (The thing is a few words: "3,200 tonnes of Dutch seed potatoes".)
  for (const m of text.matchAll(/\d[\d,.]*\s+(?:thousand\s+|million\s+)?(\p{L}+)\s+of\s+(?:the\s+)?(\p{L}+(?:\s+\p{L}+){0,2})/gu)) {
    // (Of a name, it says whose, not what: "41 citizens of Kazakhstan" are citizens.)
    if (stem(m[1]!.toLowerCase()) === terms[0] && !/^\p{Lu}/u.test(m[2]!))
      things.push(
        m[2]!
          .toLowerCase()
          .split(/\s+/)
          .map((w) => stem(w)),
      );
  }
  return things.length > 0 && !things.some((words) => words.some((w) => terms.includes(w)));
}

/** Whether a number in the text counts the kind of thing a countable word asks ("people": "300 participants", "delegates from 40"). */
function countsKind(text: string, counted: string): boolean {
  const kind = new Set((LEXICON.countedKinds.get(counted) ?? [counted]).map((w) => stem(w)));
  for (const m of text.matchAll(COUNT_THEN_WORDS)) if (m[1]!.split(/\s+/).some((w) => kind.has(stem(w.toLowerCase())))) return true;
  return false;
}
/** A number, and the few words after it that say what it counts. */
const COUNT_THEN_WORDS = new RegExp(
  `\\b(?:\\d[\\d,.]*|${LEXICON.cardinalWords.join('|')}|dozens?|hundreds?|thousands?)\\s+((?:[\\p{L}-]+\\s+){0,2}[\\p{L}-]+)`,
  'giu',
);

/**
 * "How many foreign visitors did it get?" is not answered by "stay may not exceed 90 days within any 180-day period":
 * every number of the sentence counts time (days, weeks, months, years), which the question does not ask.
 */
function countsOnlyTime(text: string, terms: readonly string[]): boolean {
  if (terms.some((t) => TIME_UNITS.has(t))) return false;
  const numbers = [...text.matchAll(/\b(\d[\d,.]*)(?:\s*-\s*|\s+)(\p{L}+)/gu)].filter(
    (m) => !/^(?:19|20)\d\d$/.test(m[1]!) && !MONTH_WORDS.has(m[2]!.toLowerCase()),
  );
  return numbers.length > 0 && numbers.every((m) => TIME_UNITS.has(stem(m[2]!.toLowerCase())));
}
const TIME_UNITS: ReadonlySet<string> = new Set(['day', 'days', 'week', 'weeks', 'month', 'months', 'year', 'years', 'hour', 'hours'].map((w) => stem(w)));

/** A person's name no entity has: two or three capitalized words (a particle between) that link to nothing known. */
function unknownNameIn(ctx: Context, text: string): boolean {
  const { index } = ctx.engine;
  for (const m of text.matchAll(/(?<=\s)\p{Lu}\p{Ll}+(?: (?:de|van|von|der|al|bin|da|di|le|la))? \p{Lu}\p{Ll}+(?: \p{Lu}\p{Ll}+)?(?=[\s,.;]|$)/gu)) {
    const tokens = tokensOf(m[0]);
    if (linkExact(tokens, index.formTable).length === 0 && linkExact(tokens, index.worldTable).length === 0) return true;
  }
  return false;
}

/** A number, in figures or in words: what a "how many" answer must hold. */
const NUMBER = new RegExp(`\\b(\\d+|${LEXICON.cardinalWords.join('|')}|twenty|thirty|forty|fifty|hundred|thousand|dozen)\\b`);

/** How many countries (or organizations, as the question's group asks) a sentence names, known or not. */
function groupNames(ctx: Context, tokens: ReturnType<typeof tokensOf>): number {
  const { index } = ctx.engine;
  const known = linkExact(tokens, index.formTable).filter((l) => entity(ctx.engine, l.entity)?.type === ctx.group);
  const world = linkExact(tokens, index.worldTable).filter((l) => index.worldKinds.get(l.entity) === ctx.group);
  return new Set([...known, ...world].map((l) => l.entity)).size;
}
