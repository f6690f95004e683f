/**
 * Reads a cleaned release into a draft knowledge entry: metadata, people with their
 * titles, organizations, countries, meetings and facts — each fact with the sentence
 * it comes from, cut verbatim from the text. Precision first: what the patterns are
 * not sure of is left out (and listed for the moderator), never guessed.
 */
import type { Knowledge } from '../core';
import type { EntityType, FactKind } from '../core/knowledge/schema';
import { normalize, splitSentences } from '../core/text/normalize';
import { REMOTE_MEETING } from '../core/text/remote';
import { phrasePattern } from '../core/lexicon/lexicon';
import { tokenSpans } from '../core/search/tokens';
import { MONTH_WORDS, MONTHS_EN, monthNumber } from '../core/text/months';
import { dayMonthIn, findDate, isoDate, parseDate, type Dateline, type DayMonth } from './clean';
import { EntityResolver, slug, type DraftEntity, type Mention } from './entities';
import {
  CONNECTORS,
  FACT_VERBS,
  FUNCTION_WORDS,
  HEAD_TYPES,
  INFORMED_ABOUT,
  INSTITUTION_WORDS,
  LEADING_CONNECTIVE,
  LIST_VERBS_ACTIVE,
  LIST_VERBS_PASSIVE,
  MEETING_VERB,
  MEETING_WITH,
  MEETING_WITH_OPENING,
  NAME_PARTICLES,
  NOTED_LIST,
  REPORT_TAIL,
  AT_INVITATION,
  PAIR_VERB,
  HELD_TALKS_WITH,
  PARTIES,
  TITLE_HEADS,
  TITLE_WORDS,
  BARE_INSTITUTION_NAMES,
  WORD_ACRONYMS,
  groupTitle,
} from './lexicon';

export interface DraftSource {
  paragraph: number;
  quote: string;
}

export interface DraftFact {
  kind: FactKind;
  label: string;
  actor?: string;
  when?: string;
  where?: string;
  sources: DraftSource[];
}

export interface DraftMeeting {
  id: string;
  with: string[];
  sources: DraftSource[];
  facts: DraftFact[];
}

export interface DraftPerson {
  person: string;
  sources: DraftSource[];
}

export interface DraftRelease {
  id: string;
  title: string;
  /** Absent when the year cannot be known: never today's date. */
  date?: string;
  /** Then the day the text gives without a year (MM-DD), if it gives one. */
  month_day?: string;
  place?: string;
  principal?: string;
  source: string;
  text: string;
}

export interface Draft {
  release: DraftRelease;
  /** Entities the knowledge lacks, defined in the draft file. */
  entities: DraftEntity[];
  people: DraftPerson[];
  facts: DraftFact[];
  meetings: DraftMeeting[];
  /** What the moderator should look at before /reload, one line each. */
  checks: string[];
  /** Paragraphs no fact cites. */
  uncovered: number[];
  /** Spelling variants of people defined elsewhere: aliases to add to them (the draft refers to their ids). */
  aliasProposals: { id: string; aliases: string[] }[];
}

export interface ExtractOptions {
  knowledge?: Knowledge;
  /** The date the scraper's date line gave. */
  date?: string;
  /** A date line's day and month, without a year ("14 November, 16:05"). */
  dayMonth?: DayMonth;
  /** A page stamp's two possible dates ("11/02/2025"): the one with the dateline's day is the release's. */
  dateReadings?: readonly string[];
  /** The headline line the cleaner set apart. */
  title?: string;
  /** The agency dateline the cleaner took out of the first paragraph. */
  dateline?: Dateline;
  /** Forced release id (--id). */
  id?: string;
}

// ── words with their offsets, for the capitalization patterns ───────────────

interface Tok {
  text: string;
  start: number;
  end: number;
}

/**
 * The core's tokens (tokenSpans), as written, with hyphenated and possessive words kept whole
 * ("Secretary-General", "Al-Hajraf", "Turkmenistan's"): the capitalization patterns read words
 * as the text spells them, the matching is the core's.
 */
function toksOf(text: string): Tok[] {
  const toks: Tok[] = [];
  for (const t of tokenSpans(text)) {
    const prev = toks[toks.length - 1];
    const gap = prev ? text.slice(prev.end, t.start) : '';
    if (prev && gap === '-') Object.assign(prev, { text: text.slice(prev.start, t.end), end: t.end });
    else toks.push({ text: text.slice(t.start, t.end), start: t.start, end: t.end });
  }
  return toks;
}

const lower = (t: Tok) => t.text.toLowerCase();
const isAcronym = (t: Tok) => /^\p{Lu}[\p{Lu}\d&]{1,9}$/u.test(t.text);
/** An acronym in brackets may mix cases: "(IsDB)", "(UNESCO)". */
const isBracketAcronym = (t: Tok) => isAcronym(t) || (/^\p{Lu}[\p{L}\d&]{1,9}$/u.test(t.text) && (t.text.match(/\p{Lu}/gu)?.length ?? 0) >= 2);
const isPossessive = (t: Tok) => /['’]s$/u.test(t.text);
/** A name's possessive: "Kazakhstan’s", "Pakistan's". */
const isOwner = (t: Tok | undefined): boolean => t !== undefined && /^\p{Lu}[\p{L}-]*['’]s$/u.test(t.text);
const isCapWord = (t: Tok) => /^\p{Lu}/u.test(t.text) && !isPossessive(t);
const isInitial = (t: Tok) => /^\p{Lu}$/u.test(t.text);
// ("Wetang'ula": an apostrophe inside a name; "Kenya's" is a possessive.)
const isNameWord = (t: Tok) => /^(?:\p{Lu}['’])?\p{Lu}\p{Ll}+(?:['’](?!s$)\p{Ll}+)?(?:\p{Lu}\p{Ll}+)?(?:-\p{Lu}?\p{Ll}+)*$/u.test(t.text);
// (And an abstract noun by its ending: "… for Economic Diplomacy and Openness Konstantinos Papadimitriou".)
const ABSTRACT_NOUN = /^\p{L}[\p{L}-]{2,}(?:ness|tion|sion|ities|ity|ism|ship|ology|ment)$/u;
// (A title joined by hyphens is a title too: "Ambassador-at-Large Aidar Kuanyshev".)
const notNameWord = (w: string) =>
  TITLE_WORDS.has(w) ||
  INSTITUTION_WORDS.has(w) ||
  FUNCTION_WORDS.has(w) ||
  HEAD_TYPES.has(w) ||
  ABSTRACT_NOUN.test(w) ||
  (w.includes('-') && w.split('-').some((p) => TITLE_HEADS.has(p)));
const sep = (text: string, toks: Tok[], i: number) => text.slice(toks[i - 1]!.end, toks[i]!.start);
const hasTitleHead = (title: string) =>
  toksOf(title).some(
    (t) =>
      TITLE_HEADS.has(lower(t)) ||
      lower(t)
        .split('-')
        .some((p) => TITLE_HEADS.has(p)),
  );

// ── the sentences ─────────────────────────────────────────────────────────────

interface Sentence {
  paragraph: number;
  text: string;
  /** Entities named, known, drafted or from the gazetteer. */
  mentions: Mention[];
  /** People named, with the words that introduce them. */
  people: PersonMention[];
}

interface PersonMention {
  person: string;
  /** The name itself. */
  start: number;
  end: number;
  /** The name with its title, when the release gives one. */
  quoteStart: number;
  quoteEnd: number;
  titled: boolean;
  /** Set for people listed together ("the heads of … of A, x; B, y"). */
  group?: string;
  /** The words before the list, quoted with each listed person. */
  lead?: string;
}

/**
 * The drafted entities, less the gazetteer's names met only inside people's names ("Lima" in
 * "Paulo Rezende Lima"): no place of the release. Anything the release, a fact or an entity refers to stays.
 */
function withoutNamesInNames(resolver: EntityResolver, sentences: readonly Sentence[], used: { release: DraftRelease; facts: DraftFact[] }): DraftEntity[] {
  const referred = new Set<string>(
    [
      used.release.place,
      used.release.principal,
      ...used.facts.flatMap((f) => [f.actor, f.where]),
      ...resolver.created.flatMap((e) => [e.country, e.organization]),
      ...sentences.flatMap((s) => s.mentions.filter((m) => !s.people.some((p) => overlaps(p, m))).map((m) => m.entity)),
    ].filter((id): id is string => id !== undefined),
  );
  return resolver.created.filter((e) => !resolver.fromGazetteer(e.id) || referred.has(e.id));
}

/** Builds the draft. */
export function extractDraft(paragraphs: readonly string[], options: ExtractOptions): Draft {
  const resolver = new EntityResolver(options.knowledge);
  const checks: string[] = [];
  aliasProposals = [];
  const sentences: Sentence[] = paragraphs.flatMap((text, i) => splitSentences(text).map((s) => ({ paragraph: i + 1, text: s, mentions: [], people: [] })));

  // 1. Organizations, countries and places: the gazetteer's and those the release spells out.
  for (const s of sentences) {
    resolver.mentions(s.text, true);
    for (const org of namedInstitutions(s.text, resolver)) {
      if (resolver.lookup(org.name) ?? (org.acronym ? resolver.lookup(org.acronym) : undefined)) continue;
      const acronymIsWord = org.acronym !== undefined && WORD_ACRONYMS.has(org.acronym);
      resolver.define({
        ...(org.acronym ? { id: slug(org.acronym) } : {}),
        type: org.type,
        name: org.acronym ? `${org.name} (${org.acronym})` : org.name,
        aliases: org.acronym ? [...(acronymIsWord ? [] : [org.acronym]), org.name] : sameInstitution(org.name),
        demonyms: [],
        caseSensitive: acronymIsWord && org.acronym ? [org.acronym] : [],
        why: `named in ¶${s.paragraph}: “${org.quote}”`,
      });
    }
  }

  // 2. People: "<Title> <Name>", "<Name>, <Title> of <Org>", "the heads of … of <Country>, <Name>; …".
  const skipped = new Set<string>();
  // ("The foreign ministers of the five Central Asian states …" — then "the ministers of Kyrgyzstan X, Tajikistan Y" are they.)
  const foreignMinisters = sentences.some((s) => /\bforeign ministers\b/i.test(s.text));
  for (const s of sentences) s.people = peopleIn(s, resolver, skipped, foreignMinisters);
  for (const s of sentences) {
    s.mentions = resolver.mentions(s.text, true);
    // People the patterns did not introduce, named as the knowledge (or an earlier sentence) names them.
    for (const m of s.mentions) {
      if (m.type !== 'person' || s.people.some((p) => p.person === m.entity || overlaps(p, m))) continue;
      s.people.push({ person: m.entity, start: m.start, end: m.end, quoteStart: m.start, quoteEnd: m.end, titled: false });
    }
    s.people.sort((a, b) => a.start - b.start);
  }
  for (const name of skipped) checks.push(`“${name}” looks like a person named by one word only: not drafted; add them if they matter`);
  // "Alibek Bakaev holds consultations" over a text that writes "Bakayev": the headline's spelling is an alias.
  if (options.title) titleVariants(options.title, paragraphs.join(' '), resolver, checks);
  // "The Kazakh delegation was led by X, and the Japanese side by Y": each head is of their side's country.
  for (const s of sentences)
    for (const head of sideHeads(s)) {
      const e = resolver.created.find((c) => c.id === head.person);
      if (e && !e.country) e.country = head.country;
    }

  // "Prime Minister Siaosi Sovaleni" in a release headed "… presents credentials to King of Tonga": a head of state
  // or government whose title names no country is of the one foreign country the headline names — or, when the
  // headline names a city ("Nurtleu Holds Talks in Budapest"), the one its first sentence names ("… visit to Hungary").
  const host = headlineCountry(options.title, resolver) ?? headlineCountry(sentences[0]?.text, resolver);
  if (host) for (const e of resolver.created) if (e.type === 'person' && !e.country && !e.organization && BARE_HEAD_TITLE.test(e.title ?? '')) e.country = host;

  // 3. Metadata.
  const first = sentences[0];
  const { date, monthDay, why: dateWhy } = releaseDate(paragraphs, options);
  checks.push(
    date
      ? `date ${date}: ${dateWhy}`
      : `date unknown: ${dateWhy} — the release is undated (check warns)${monthDay ? `; its day is kept as month_day: ${monthDay}` : ''}; add \`date:\` if you know it`,
  );
  const chosen = principalOf(sentences, resolver);
  const principal = chosen?.mention;
  // "Deputy Foreign Minister Roman Vassilenko met the AIIB President": the release's principal, whose title names no
  // country or organization, is of the ministry's own country.
  const principalEntity = principal ? resolver.created.find((c) => c.id === principal.person) : undefined;
  const home = homeCountry(resolver);
  if (principalEntity && !principalEntity.country && !principalEntity.organization && home) {
    principalEntity.country = home;
    checks.push(`person ${principalEntity.id}: country ${home}, the principal's — the title names no country`);
  }
  const textPlace = first ? placeOf(first, resolver) : undefined;
  const datelinePlace = options.dateline
    ? (resolver.mentions(options.dateline.place, true).find((m) => m.type === 'place' || m.type === 'country')?.entity ??
      datelineCity(resolver, options.dateline.place))
    : undefined;
  // A country in ¶1 ("who is in Kazakhstan on a working visit") says less than the dateline's city — not a city-state
  // written as its city: "ALMATY – … took place in the City of San Marino" was not in Almaty.
  // (Nor a visit abroad reported from home: "ASTANA – … paid an official visit to Panama".)
  const datelineIn = datelinePlace ? resolver.entity(datelinePlace)?.country : undefined;
  const countryOnly =
    textPlace !== undefined &&
    resolver.entity(textPlace)?.type === 'country' &&
    !CITY_OF_WORDS.test(first?.text ?? '') &&
    (datelineIn === undefined || datelineIn === textPlace);
  // A phone call or a video conference abroad happens nowhere we know: a dateline "BAKU, Azerbaijan" is the agency's
  // city (Trend's), not the caller's. A dateline of the home country is where the ministry spoke from.
  const datelineCountry = options.dateline?.country ? resolver.mentions(options.dateline.country, false).find((m) => m.type === 'country')?.entity : undefined;
  const remote = first !== undefined && REMOTE_MEETING.test(first.text) && datelineCountry !== undefined && datelineCountry !== homeCountry(resolver);
  // "The ceremony took place at Tashichho Dzong in Thimphu": the text says where, whatever the agency's dateline.
  // (Over a country ¶1 names too: "… was held in the Kazakh city of Taraz, the Water Resources Service of Kyrgyzstan said".)
  const heldIn = textPlace && resolver.entity(textPlace)?.type !== 'country' ? undefined : heldInPlace(sentences);
  // The headline and the dateline naming one city say where, over another city ¶1 names: "… dialogue in Busan" /
  // "BUSAN, Oct. 24 (Yonhap) -- … agreeing to set up a joint secretariat in Seoul".
  const headlined =
    datelinePlace && options.title ? resolver.mentions(options.title, true).some((m) => m.type === 'place' && m.entity === datelinePlace) : false;
  const cityOverCountry = countryOnly && datelinePlace !== undefined && resolver.entity(datelinePlace)?.type === 'place';
  // The first of these that is known, in this order.
  const place = [
    headlined ? datelinePlace : undefined,
    heldIn,
    cityOverCountry ? datelinePlace : undefined,
    textPlace,
    remote ? undefined : datelinePlace,
  ].find((p) => p !== undefined);
  const title = options.title ?? shortTitle(first, principal);
  const source = sourceOf(paragraphs) ?? agencyOf(paragraphs) ?? options.dateline?.agency;
  const placeSlug = place ? slug(resolver.entity(place)?.name ?? place) : '';
  const release: DraftRelease = {
    id: options.id ?? (date ? [date, placeSlug].filter(Boolean).join('-') : undatedId(placeSlug, title, options.knowledge)),
    title,
    ...(date ? { date } : monthDay ? { month_day: monthDay } : {}),
    ...(place ? { place } : {}),
    ...(principal ? { principal: principal.person } : {}),
    source: source ?? 'Not named in the release',
    text: '',
  };
  release.text = `${release.id}.txt`;
  checks.unshift(options.title ? `title: the release's headline line` : `title: the shortened first sentence — write the release's headline`);
  checks.push(source ? `source: “${release.source}”` : 'source: not named in the text — write who published the release');
  if (options.dateline) checks.push(`dateline “${options.dateline.text}” taken out of ¶1`);
  checks.push(
    textPlace && place === textPlace
      ? `place: ${place} (from ¶1)`
      : heldIn && place === heldIn
        ? `place: ${place} (where the text says it took place)`
        : place && datelinePlace
          ? `place: ${place} (from the dateline “${options.dateline!.place}”)`
          : remote
            ? `place: none — a phone call or video conference; the dateline “${options.dateline!.place}” is the agency’s city`
            : 'place: not found — add `place:` if the release has one',
  );
  checks.push(chosen ? `principal: ${chosen.mention.person} (${chosen.why})` : 'principal: not found — add `principal:` (whose visit is it?)');

  // 4. Meetings and facts, paragraph by paragraph.
  const meetings: DraftMeeting[] = [];
  const facts: DraftFact[] = [];
  const people = new Map<string, DraftPerson & { titled: boolean }>();
  let current: DraftMeeting | undefined;
  /** The visitor's delegation, listed before the first meeting: who joins that meeting. */
  let ownSide: { ids: string[]; source: { paragraph: number; quote: string } } | undefined;
  let lastParagraph = 0;
  let lastActor: string | undefined;
  /** "The delegations were headed by:" ending its paragraph: the list in the next one is who was there. */
  let listLeadIn = false;
  for (const s of sentences) {
    const listFollows = listLeadIn && s.paragraph !== lastParagraph;
    listLeadIn = leadsInToList(s);
    const newParagraph = s.paragraph !== lastParagraph;
    lastParagraph = s.paragraph;
    if (newParagraph) lastActor = undefined;
    for (const p of s.people) {
      const quote = s.text.slice(p.quoteStart, p.quoteEnd);
      const sources = p.lead
        ? [
            { paragraph: s.paragraph, quote: p.lead },
            { paragraph: s.paragraph, quote },
          ]
        : [{ paragraph: s.paragraph, quote }];
      const entry = people.get(p.person);
      // The first titled introduction is the one to cite; a bare name only until there is one.
      if (!entry) people.set(p.person, { person: p.person, sources, titled: p.titled });
      else if (!entry.titled && p.titled) Object.assign(entry, { sources, titled: true });
    }

    // "The talks in extended format were attended, on the Kazakh side, by …": people of the talks just reported, no new meeting.
    const attendedTalks =
      current !== undefined && /^(?:the )?(?:[\w-]+ ){0,4}?(?:talks|meeting|negotiations|consultations)\b[^.;]*?\b(?:was|were) attended\b/i.test(s.text);
    const intro = attendedTalks
      ? undefined
      : (meetingIntro(s, principal?.person) ??
        demonymIntro(s, [...people.keys()], resolver, principal?.person) ??
        guestIntro(s, [...people.keys()], resolver, principal?.person) ??
        whoReceivedIntro(s, principal?.person));
    const byRole = !intro && newParagraph ? meetingByRole(s, meetings, resolver, current) : undefined;
    if (intro) {
      const key = [...intro.with].sort().join(' ');
      current = meetings.find((m) => [...m.with].sort().join(' ') === key);
      if (!current) {
        current = { id: meetingId(intro, meetings, s), with: intro.with, sources: [{ paragraph: s.paragraph, quote: intro.quote }], facts: [] };
        meetings.push(current);
        // (Not talks "on the sidelines" of a forum: the delegation was at the forum — a group of its own, as listed.)
        if (ownSide && /\bon the (?:sidelines|margins)\b/i.test(s.text)) {
          const own = ownSide;
          const intro: Intro = { with: own.ids, quote: own.source.quote, bodyStart: 0, ...(own.ids.length > 1 ? { group: 'participants' } : {}) };
          meetings.splice(meetings.length - 1, 0, { id: meetingId(intro, meetings, s), with: own.ids, sources: [own.source], facts: [] });
          ownSide = undefined;
        }
        if (ownSide) {
          current.with.push(...ownSide.ids.filter((id) => !current!.with.includes(id)));
          current.sources.push(ownSide.source);
          ownSide = undefined;
        }
      }
    } else if (byRole) {
      // "During the talks between the two foreign ministers, …" after a paragraph about the prime minister: back to
      // the meeting with the foreign minister.
      current = byRole;
    } else if (newParagraph && current) {
      // A paragraph that names nobody new ("Welcoming the guest, Temirbulatov noted …") goes on about the meeting.
      // (Nor does one named as whose something is: "about President Tokayev's initiative".)
      const namesNobodyNew = s.people.every(
        (p) =>
          p.person === principal?.person ||
          current!.with.includes(p.person) ||
          /['’]s$/.test(s.text.slice(p.start, p.end)) ||
          /^['’]s\b/.test(s.text.slice(p.end)) ||
          // ("conveyed the greetings of President Tokayev": whose greetings, no one new at the meeting.)
          /\b(?:greetings|message|letter|wishes|regards|congratulations)\b[^.;]{0,20}?\b(?:of|from)\s+(?:the\s+)?$/i.test(s.text.slice(0, p.quoteStart)),
      );
      const continues = PARTIES.test(s.text) || CONTINUES.test(s.text) || s.people.some((p) => current!.with.includes(p.person)) || namesNobodyNew;
      if (!continues && !attendedTalks) current = undefined;
    }
    // "Issetov also held a meeting with the Minister of Financial Services of Mauritius, discussing …": a meeting with
    // someone the release does not name — what follows is not of the meeting before it.
    if (!intro && current && meetsUnnamed(s)) current = undefined;
    // "Also present at the meeting was …", "Those present included A, B and C": the people listed join the meeting, or make one.
    // "… and the Japanese side by Y": the head of the other side is who was met.
    const guestHeads = intro ? [] : sideHeads(s).filter((h) => h.country !== home && h.person !== principal?.person);
    if (guestHeads.length) {
      const ids = guestHeads.map((h) => h.person);
      const quote = s.text.slice(0, Math.max(...s.people.filter((p) => ids.includes(p.person)).map((p) => p.quoteEnd))).trim();
      const intro: Intro = { with: ids, quote, bodyStart: s.text.length };
      current = meetings.find((m) => ids.every((id) => m.with.includes(id)));
      if (!current) {
        current = { id: meetingId(intro, meetings, s), with: ids, sources: [{ paragraph: s.paragraph, quote }], facts: [] };
        meetings.push(current);
      }
      continue;
    }
    // "Ambassador of Vietnam … Pham Thai Giang also took part in the consultations": whoever is named before joins them
    // (so does "X joined the conversation from the Akorda", "X sat in on the talks", "X and Y also took part.").
    const joinedTalks = current ?? meetings[meetings.length - 1];
    const tookPart =
      intro || !joinedTalks
        ? null
        : /\b(?:also )?(?:took part|participated|was present|were present|attended|joined|sat in on) (?:in |at )?the (?:consultations|talks|meeting|negotiations|conversation|call|video call|videoconference|video conference|expanded session)\b|\balso (?:took part|participated|attended)(?=\s*[.;]|$)/i.exec(
            s.text,
          );
    if (tookPart) {
      const ids = [...new Set(s.people.filter((p) => p.end <= tookPart.index && p.person !== principal?.person).map((p) => p.person))];
      for (const id of ids) if (!joinedTalks!.with.includes(id)) joinedTalks!.with.push(id);
      if (ids.length) joinedTalks!.sources.push({ paragraph: s.paragraph, quote: s.text.replace(/[.!]$/, '') });
      // (What "the two sides" did next is of those talks still.)
      if (ids.length) current = joinedTalks;
    }
    // (The list after a lead-in is who was there from its first word: an empty match at its start.)
    const present = intro ? null : (PRESENT.exec(s.text) ?? (listFollows ? /^/.exec(s.text) : null));
    // "The Argentine delegation was led by X": X is who was met — one person; the home delegation's head is not.
    const ledBy = present ? /\b(?:led|headed) by\s+$/i.test(present[0]) : false;
    const delegationOf =
      present && /delegation|side/i.test(present[0])
        ? s.mentions.find((m) => m.type === 'country' && m.end <= present.index + present[0].length)?.entity
        : undefined;
    // ("… received a delegation of Latvian business leaders. The delegation was led by X and included A; B": the guests,
    // every one of them.)
    const guestsLed =
      ledBy &&
      delegationOf === undefined &&
      sentences
        .slice(0, sentences.indexOf(s))
        .some((p) => RECEIVED_DELEGATION.test(p.text) && p.mentions.some((m) => m.type === 'country' && m.entity !== home));
    // ("Throughout the visit Vassilenko was accompanied by …": the visitor's own companions, at no meeting of their own.)
    const visitorAccompanied =
      present !== null &&
      /\baccompanied by\s+$/i.test(present[0]) &&
      s.people.some((p) => p.person === principal?.person && p.end <= present.index + present[0].length);
    if (present && !visitorAccompanied && !(ledBy && !guestsLed && (delegationOf === undefined || delegationOf === home))) {
      const oneHead = ledBy && !(guestsLed && /\bincluded\b/i.test(s.text.slice(present.index)));
      const listed = s.people.filter((p) => p.start >= present.index && p.person !== principal?.person).slice(0, oneHead ? 1 : undefined);
      const ids = [...new Set(listed.map((p) => p.person))];
      // "The Brazilian delegation also included A, B and C": they are of the delegation's country.
      // "… on the Kazakh side, by A and B, and on the Romanian side by C": each of the side named before them.
      // (And "… while the Kyrgyz side was joined by Y".)
      const sides = [...s.text.matchAll(/\b(?:on )?the ([\p{L}-]+) side\b/giu)].map((m) => ({
        at: m.index!,
        country: s.mentions.find((x) => x.type === 'country' && x.start >= m.index! && x.end <= m.index! + m[0].length)?.entity,
      }));
      const countryOf = (id: string): string | undefined => {
        const at = listed.find((p) => p.person === id)!.start;
        return sides.filter((x) => x.at < at).pop()?.country ?? delegationOf;
      };
      for (const e of resolver.created) if (ids.includes(e.id) && e.type === 'person' && !e.country && countryOf(e.id)) e.country = countryOf(e.id);
      // "Also present …", "The delegation included …": people who were at the meeting just drafted.
      // "Also taking part in the consultations were …" after a paragraph about something else: still the last meeting.
      // "The Kazakh delegation included …": the visitor's own delegation, at the visit's first meeting, not its last.
      const ownDelegation = delegationOf !== undefined && delegationOf === home && /delegation/i.test(present[0]);
      // "Also present at the meeting with the OPEC Secretary General was …": the meeting with the one that title or name is.
      const atMeetingWith = /\bat the (?:meeting|talks|conversation|consultations) with (.+?) (?:was|were)\s+$/i.exec(present[0])?.[1];
      const guestsCame = /\baccompanied by\s+$/i.test(present[0]);
      const withWhom = atMeetingWith ? meetings.find((m) => m.with.some((id) => heldBy(resolver.entity(id), atMeetingWith))) : undefined;
      // ("On the Kazakh side, the expanded session was attended by …" in a paragraph of its own: the talks just reported.)
      const homeSide =
        /\bon the [\p{L}-]+ side\b/iu.test(s.text.slice(0, present.index)) &&
        s.mentions.some((m) => m.type === 'country' && m.entity === home && m.end <= present.index);
      const joined =
        withWhom ??
        (ownDelegation ? meetings[0] : undefined) ??
        current ??
        // ("The Secretary General was accompanied by A and B": at the meeting just told — not the visitor's own companions,
        // "Throughout the visit Vassilenko was accompanied by …".)
        (/\balso\b/i.test(present[0]) || homeSide || guestsCame ? meetings[meetings.length - 1] : undefined);
      // "The talks in extended format were attended by …": the talks just reported, both sides' people.
      // ("On the Kazakh side, the expanded session was attended by …": one side's people at the talks.)
      const ofTheTalks = /\b(?:talks|meeting|negotiations|consultations|session)\b|\bon the [\p{L}-]+ side\b/iu.test(s.text.slice(0, present.index));
      if (ids.length && joined && (/\b(?:also|delegation|side)\b/i.test(present[0]) || guestsCame || ofTheTalks)) {
        current = joined;
        for (const id of ids) if (!current.with.includes(id)) current.with.push(id);
        current.sources.push({ paragraph: s.paragraph, quote: s.text.slice(0, Math.max(...listed.map((p) => p.quoteEnd))).trim() });
      } else if (ids.length && ownDelegation && meetings.length === 0) {
        // "The Kazakh delegation included: • …" before any meeting is told: the visitor's side at the first one to come.
        ownSide = { ids, source: { paragraph: s.paragraph, quote: s.text.slice(0, Math.max(...listed.map((p) => p.quoteEnd))).trim() } };
      } else if (ids.length) {
        const intro: Intro = {
          with: ids,
          quote: s.text.slice(0, Math.max(...listed.map((p) => p.quoteEnd))).trim(),
          bodyStart: s.text.length,
          ...(ids.length > 1 ? { group: 'participants' } : {}),
        };
        current = { id: meetingId(intro, meetings, s), with: ids, sources: [{ paragraph: s.paragraph, quote: intro.quote }], facts: [] };
        meetings.push(current);
      }
    }

    const found = factsOf(s, { intro, principal: principal?.person, lastActor, ...(date ? { date } : {}), resolver });
    if (found.actor) lastActor = found.actor;
    if (current) current.facts.push(...found.facts);
    else if (principal) facts.push(...found.facts.filter((f) => f.actor === principal.person));
  }

  // The visit itself, from the first sentence: "<principal>, during his visit to <place>, held …".
  if (first && principal && place && /\bvisit(?:ed)? to\b/i.test(first.text)) {
    const quote = first.text.replace(/,?\s+(?:the )?press service of .*$/i, '').replace(/[.]$/, '');
    facts.unshift({
      kind: 'visit',
      label: shortTitle(first, principal, 200),
      actor: principal.person,
      where: place,
      sources: [{ paragraph: first.paragraph, quote }],
    });
  }

  // "During the visit to Algeria, he also met with Prime Minister Nadir Larbaoui": someone met abroad whose title names
  // no country or organization is of the host country — flagged for the moderator to check.
  // "… received a delegation of the Senate of the Czech Republic led by …": those met without a country are the
  // delegation's, which the release names once.
  // (Or the country of the city it was in: "LIBREVILLE. KAZINFORM – …".)
  const isCountry = (id: string | undefined) => id !== undefined && resolver.entity(id)?.type === 'country';
  // (A city the text names that nobody knows is in no country yet: the dateline's city says which — "TIRANA – … in the port
  // city of Durrës".)
  const hostCountry = [textPlace, place].find(isCountry) ?? [textPlace, place, datelinePlace].map((id) => resolver.entity(id ?? '')?.country).find(isCountry);
  const guests =
    hostCountry && hostCountry !== home ? { country: hostCountry, why: "the host's — met during the visit" } : visitingDelegation(sentences, resolver, home);
  if (guests) {
    for (const who of new Set(meetings.flatMap((m) => m.with))) {
      const e = resolver.created.find((c) => c.id === who);
      if (e?.type !== 'person' || e.country || e.organization) continue;
      e.country = guests.country;
      checks.push(`person ${who}: country ${guests.country}, ${guests.why}; the title names no country`);
    }
  }
  // "Deputy Foreign Minister Roman Vassilenko addressed the conference": an office of no country, held by someone no
  // meeting has, is the ministry's own — its releases name others' offices by their country.
  const metAt = new Set(meetings.flatMap((m) => m.with));
  for (const e of resolver.created) {
    if (e.type !== 'person' || e.country || e.organization || metAt.has(e.id) || !home || !MINISTRY_OFFICE.test(e.title ?? '')) continue;
    e.country = home;
    checks.push(`person ${e.id}: country ${home}, the ministry's own — the title names no country`);
  }
  for (const m of meetings) for (const who of m.with) if (!people.has(who)) checks.push(`meeting ${m.id}: ${who} has no introduction in people:`);
  const cited = new Set([...facts, ...meetings.flatMap((m) => m.facts)].flatMap((f) => f.sources.map((x) => x.paragraph)));
  for (const m of meetings) for (const x of m.sources) cited.add(x.paragraph);
  const uncovered = paragraphs.map((_, i) => i + 1).filter((n) => !cited.has(n));

  return {
    release,
    entities: withoutNamesInNames(resolver, sentences, { release, facts: [...facts, ...meetings.flatMap((m) => m.facts)] }),
    people: [...people.values()].map(({ person, sources }) => ({ person, sources })),
    facts,
    meetings,
    checks,
    uncovered,
    aliasProposals,
  };
}

/**
 * Names in the headline the text never writes, that are spelling variants of someone drafted or known
 * ("Bakaev" / "Bakayev"): aliases of that person, so a question in the headline's spelling finds them.
 */
function titleVariants(title: string, body: string, resolver: EntityResolver, checks: string[]): void {
  const words = [...title.matchAll(/\p{Lu}[\p{L}'’-]+/gu)].map((m) => m[0]);
  const unwritten = (w: string) => !new RegExp(`(?<![\\p{L}])${phrasePattern(w)}(?![\\p{L}])`, 'u').test(body);
  for (let i = 0; i < words.length; i++) {
    for (const name of [words.slice(i, i + 2).join(' '), words[i]!]) {
      if (!name.split(' ').some(unwritten) || resolver.lookup(name)) continue;
      const id = variantOf(resolver, name);
      if (id) {
        checks.push(`headline “${name}”: a spelling variant of ${id}, kept as an alias`);
        break;
      }
    }
  }
}

/** Filled while one draft is extracted (extraction is synchronous): spelling variants of people defined elsewhere. */
let aliasProposals: Draft['aliasProposals'] = [];

/**
 * A person's name that is a spelling variant of a known person's ("Tleuberdi" / "Tileuberdi"):
 * the known id, with the variant as a proposed alias — added to a person of this draft, proposed
 * for one defined elsewhere. Undefined for a new person.
 */
function variantOf(resolver: EntityResolver, name: string): string | undefined {
  const similar = resolver.similarPerson(name);
  if (!similar) return undefined;
  const variants = personAliases(name).filter((a) => !/\s/.test(a) || a !== name);
  const aliases = [name, ...variants.filter((v) => normalize(v) !== normalize(similar.name.split(/\s+/).pop() ?? ''))];
  if (similar.known) {
    let proposal = aliasProposals.find((p) => p.id === similar.id);
    if (!proposal) aliasProposals.push((proposal = { id: similar.id, aliases: [] }));
    for (const a of aliases) if (!proposal.aliases.includes(a)) proposal.aliases.push(a);
  } else for (const a of aliases) resolver.addAlias(similar.id, a);
  return similar.id;
}

function overlaps(a: { start: number; end: number }, b: { start: number; end: number }): boolean {
  return a.start < b.end && b.start < a.end;
}

// ── organizations, events and programmes the release spells out ──────────────

interface Institution {
  name: string;
  acronym?: string;
  type: EntityType;
  quote: string;
}

/**
 * "the World Intellectual Property Organization (WIPO)" and capitalized names whose
 * head says what they are ("Human Rights Council", "Global Conference on …").
 */
function namedInstitutions(text: string, resolver: EntityResolver): Institution[] {
  const found: Institution[] = [];
  for (const phrase of capitalizedPhrases(text)) {
    let toks = phrase.toks;
    // "Director General of the World … Organization (WIPO)": the title before "of" is not part of the name.
    const titleAt = toks.map((t) => hasTitleHead(t.text)).lastIndexOf(true);
    if (titleAt >= 0) {
      let k = toks.findIndex((t, n) => n > titleAt && CONNECTORS.has(t.text));
      if (k < 0) continue;
      while (k < toks.length && CONNECTORS.has(toks[k]!.text)) k++;
      toks = toks.slice(k);
    }
    if (toks.length === 0 || (toks.length < 2 && !phrase.acronym)) continue;
    // (The head is before "of", not before "and": "Trinidad and Tobago Chamber of Industry and Commerce".)
    const connector = toks.findIndex((t) => CONNECTORS.has(t.text) && t.text !== 'and');
    // "the Turkic Academy Darkhan Kydyrali": the institution ends at its head word, a name may follow it.
    const lastHead = toks.map((t, n) => (connector < 0 || n < connector) && HEAD_TYPES.has(lower(t))).lastIndexOf(true);
    let cut = false;
    if (lastHead >= 1 && connector < 0 && lastHead < toks.length - 1) {
      toks = toks.slice(0, lastHead + 1);
      cut = true;
    }
    // "Speaker of the National Assembly of Hungary László Kövér": the name ends with the country it is of; capitalized
    // words after it are the holder's name.
    const lastConnector = toks.map((t) => CONNECTORS.has(t.text)).lastIndexOf(true);
    const tail = lastConnector >= 0 ? toks.slice(lastConnector + 1).filter((t) => !CONNECTORS.has(t.text)) : [];
    if (tail.length > 1) {
      const rest = text.slice(tail[0]!.start, toks[toks.length - 1]!.end);
      const country = resolver.mentions(rest, false).find((m) => m.start === 0 && m.type === 'country');
      const after = country ? toks.filter((t) => t.start >= tail[0]!.start + country.end) : [];
      if (country && after.length > 0 && after.every((t) => isCapWord(t) && !HEAD_TYPES.has(lower(t)))) toks = toks.slice(0, toks.length - after.length);
      // ("President of the Brazil–Central Asia Chamber of Commerce Rafael Augusto dos Santos Moreira": after a word of
      // institutions, two or more words that are none are the holder's name.)
      const named = tail.findIndex((t, n) => n > 0 && !INSTITUTION_WORDS.has(lower(t)) && INSTITUTION_WORDS.has(lower(tail[n - 1]!)));
      const holder = named > 0 ? tail.slice(named) : [];
      if (!country && holder.length >= 2 && holder.every((t) => isCapWord(t) && !INSTITUTION_WORDS.has(lower(t)) && !HEAD_TYPES.has(lower(t))))
        toks = toks.filter((t) => t.start < holder[0]!.start);
    }
    const head = connector < 0 ? toks : toks.slice(0, connector);
    const headWord = [...head].reverse().find((t) => isCapWord(t) && !isAcronym(t));
    const type = headWord ? HEAD_TYPES.get(lower(headWord)) : undefined;
    if (!type) continue;
    const name = text.slice(toks[0]!.start, toks[toks.length - 1]!.end);
    // A name the knowledge or the gazetteer has is theirs, not a new entity.
    if (resolver.mentions(name, false).some((m) => m.start === 0 && m.end === name.length)) continue;
    const acronym = cut ? undefined : phrase.acronym;
    found.push({ name, ...(acronym ? { acronym } : {}), type, quote: text.slice(toks[0]!.start, acronym ? phrase.end : toks[toks.length - 1]!.end) });
  }
  return found;
}

/** The other names of an institution written without its country: "Foreign Ministry" is the "Ministry of Foreign Affairs". */
function sameInstitution(name: string): string[] {
  const names = BARE_INSTITUTION_NAMES.find((forms) => forms.includes(name.toLowerCase()));
  return (names ?? []).filter((n) => n !== name.toLowerCase()).map((n) => n.replace(/\b(?!of\b)\p{L}/gu, (c) => c.toUpperCase()));
}

const WEEKDAYS = /^(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)$/;

/** Runs of capitalized words joined by spaces and small words, with an acronym in parentheses after them if any. */
function capitalizedPhrases(text: string): { toks: Tok[]; acronym?: string; end: number }[] {
  const toks = toksOf(text);
  const phrases: { toks: Tok[]; acronym?: string; end: number }[] = [];
  let i = 0;
  while (i < toks.length) {
    if (!isCapWord(toks[i]!) || (FUNCTION_WORDS.has(lower(toks[i]!)) && !isAcronym(toks[i]!))) {
      i++;
      continue;
    }
    let j = i;
    // ("… Chamber of Entrepreneurs and the Malawi Confederation of …": "and the" starts another name.)
    // (Nor is a day a name's: "… Commission on Thursday".)
    const andThe = (k: number) => toks[k]!.text === 'and' && toks[k + 1]?.text === 'the';
    const day = (k: number): boolean => {
      const t = toks[k];
      return t !== undefined && (WEEKDAYS.test(t.text) || MONTH_WORDS.has(lower(t)));
    };
    while (
      j + 1 < toks.length &&
      sep(text, toks, j + 1) === ' ' &&
      (isCapWord(toks[j + 1]!) || CONNECTORS.has(toks[j + 1]!.text)) &&
      !andThe(j + 1) &&
      !(CONNECTORS.has(toks[j + 1]!.text) && day(j + 2)) &&
      !day(j + 1)
    )
      j++;
    while (j > i && CONNECTORS.has(toks[j]!.text)) j--;
    const run = toks.slice(i, j + 1);
    let end = toks[j]!.end;
    let acronym: string | undefined;
    const after = toks[j + 1];
    if (after && isAcronym(after) && sep(text, toks, j + 1) === ' (' && text[after.end] === ')') {
      acronym = after.text;
      end = after.end + 1;
    }
    phrases.push({ toks: run, ...(acronym ? { acronym } : {}), end });
    i = j + 1;
  }
  return phrases;
}

// ── people ────────────────────────────────────────────────────────────────────

/** A roman ordinal after a name: "Tupou VI", "Charles III". */
const REGNAL_NUMBER = /^(?:I{1,3}|IV|VI{0,3}|IX|XI{0,3}|XIV|XV)$/;

function peopleIn(s: Sentence, resolver: EntityResolver, skipped: Set<string>, foreignMinisters = false): PersonMention[] {
  const text = s.text;
  const listed = listedPeople(s, resolver);
  const found: PersonMention[] = listed.length ? listed : countryListedPeople(s, resolver, foreignMinisters);
  const toks = toksOf(text);
  let listTitle: (TitleSpan & { end: number }) | undefined;
  let i = 0;
  while (i < toks.length) {
    if (!isNameWord(toks[i]!)) {
      i++;
      continue;
    }
    let j = i;
    const joins = (n: number) => {
      const gap = sep(text, toks, n);
      const next = toks[n]!;
      // An initial: "Nayef Falah M. Al-Hajraf".
      if (isInitial(next) && gap === ' ' && text[next.end] === '.') return true;
      if (isInitial(toks[n - 1]!) && gap === '. ') return isNameWord(next);
      // A monarch's ordinal: "King Tupou VI", "Pope Leo XIV".
      if (gap === ' ' && REGNAL_NUMBER.test(next.text) && isNameWord(toks[n - 1]!)) return true;
      return gap === ' ' && (isNameWord(next) || NAME_PARTICLES.has(next.text));
    };
    while (j + 1 < toks.length && joins(j + 1)) j++;
    while (j > i && (NAME_PARTICLES.has(toks[j]!.text) || isInitial(toks[j]!))) j--;
    const run = toks.slice(i, j + 1);
    i = j + 1;
    // (Nor within the title of one found: "Megan Thorburn, chief executive of Southern Cross Lithium".)
    const span = { start: run[0]!.start, end: run[run.length - 1]!.end };
    if (found.some((p) => overlaps(p, span) || overlaps({ start: p.quoteStart, end: p.quoteEnd }, span))) continue;
    const person = personInRun(text, run, resolver);
    if (!person) continue;
    let { nameToks } = person;
    // "Foreign Minister of Aldoria Kiran Velsk", "Consul General in Guangzhou Yerkebulan Sarybay": the word after
    // "of" or "in" completes the title, the name follows it.
    // ("Chairman of the Foreign Affairs Committee of the Saeima Rihards Kols": after "of the" as well.)
    const at = toks.indexOf(nameToks[0]!);
    const prev = toks[at - 1];
    const joiner = (t: Tok | undefined) => t !== undefined && /^(?:of|for|to|in)$/.test(t.text);
    // (Not after what a person hands over or sends: "the copies of credentials of Marthese Zammit Cutajar" is all name.)
    const afterTitle = (k: number) => joiner(toks[k]) && !/^(?:credentials|copies|letters?|greetings|message|invitation)$/.test(toks[k - 1]?.text ?? '');
    if (
      !person.known &&
      nameToks.length >= 3 &&
      prev &&
      (afterTitle(at - 1) || (prev.text === 'the' && afterTitle(at - 2))) &&
      text.slice(prev.end, nameToks[0]!.start) === ' '
    ) {
      nameToks = nameToks.slice(1);
    }
    const start = nameToks[0]!.start;
    const end = nameToks[nameToks.length - 1]!.end;
    const name = text.slice(start, end);
    const stop = Math.max(0, ...found.filter((p) => p.end <= start).map((p) => p.end));
    const nameIndex = toks.indexOf(nameToks[0]!);
    // "the President of Türkiye, Recep Tayyip Erdogan, …": a title set off by commas before the name.
    // ("… to Kazakhstan, Joshua Kaupa Tumun (residence in Beijing), …": a note in brackets after it.)
    const closes = /^(?:,|\.|;|$| \(| and\b| met\b| held\b| said\b| received\b)/.test(text.slice(end));
    const before =
      titleBefore(text, toks, nameIndex, stop) ??
      (closes ? (titleBefore(text, toks, nameIndex, stop, true) ?? lowerCaseTitleBefore(text, start, stop)) : undefined);
    // ("Ambassador Luiz Henrique Pacheco, Director of the Eurasia Department at …": a bare rank before, the office after.)
    const bareRank = before !== undefined && /^Ambassador$/i.test(before.text);
    const after = before && !bareRank ? undefined : titleAfter(text, toks, toks.indexOf(nameToks[nameToks.length - 1]!));
    // "senators Petra Zemanová and Lukáš Hořejší": one plural title for the names listed after it.
    const shared = before || after ? undefined : pluralTitleBefore(text, start, listTitle);
    let title =
      (bareRank && after ? { text: `${before.text}, ${after.text}`, start: before.start, end: after.end } : before) ??
      after ??
      shared ??
      counterpartTitle(text, start, found, resolver);
    // "Ambassador Tomas Brenn of the Eurasian Water Council (EWC)": what follows the name belongs to the title.
    const of = before ? ofAfterName(text, end, resolver) : undefined;
    let id = person.known;
    // "Roman Vasilko" after "Roman Vassilko": a spelling variant of someone known needs no title.
    if (!id && !title) id = variantOf(resolver, name);
    if (!id) {
      if (!title) continue; // a capitalized run without a title is not sure enough to be a person
      if (nameToks.length < 2) {
        skipped.add(text.slice(title.start, end));
        continue;
      }
    }
    const quoteStart = title ? Math.min(title.start, start) : start;
    const quoteEnd = of ? of.end : title ? Math.max(title.end, end) : end;
    if (title && of) title = { ...title, text: `${title.text} ${of.text}` };
    // "At the Ministry of Energy and Energy Industries, the Kazakh diplomat met Minister Camille Ramkissoon": a bare
    // office takes the ministry the sentence names before it.
    const ministry = title && /^(?:(?:deputy|vice|first deputy)\s+)?minister$/i.test(title.text) ? ministryBefore(text.slice(stop, title.start)) : undefined;
    if (title && ministry) title = { ...title, text: `${title.text} of ${ministry}` };
    // "… a delegation of the International Fund for Agricultural Development (IFAD) headed by its Vice-President X": the
    // organization named before "its" is hers.
    const its =
      title && !of && /\bits\s+$/.test(text.slice(stop, title.start))
        ? resolver
            .mentions(text.slice(0, title.start), false)
            .filter((m) => m.type === 'organization')
            .pop()
        : undefined;
    if (title && its) title = { ...title, text: `${title.text} of ${resolver.entity(its.entity)?.name ?? its.text}` };
    // "Kyrgyzstan: Jeenbek Kulubaev, Foreign Minister;": a list that heads each item with the country (before the title
    // too: "- Kyrgyzstan: Deputy Minister of Foreign Affairs Nurlanbek Asanaliev;").
    // ("• Uzbekistan – Deputy Minister of Foreign Affairs Dilshod Nurmatov;": the label before a dash, inside the title read.)
    const dashed = title ? /^(\p{Lu}[\p{L}'’ ]{2,40}?)\s+[–—-]\s+(?=\p{Lu})/u.exec(title.text) : null;
    const dashCountry = dashed ? resolver.mentions(dashed[1]!, true).find((m) => m.type === 'country' && m.text === dashed[1])?.entity : undefined;
    if (title && dashed && dashCountry) title = { ...title, text: title.text.slice(dashed[0].length) };
    // ("• Romania, attending as an observer – State Secretary X": a note after the label, and a dash for the colon.)
    const label = /(?:^|[\n;:•]\s*|-\s+)(\p{Lu}[\p{L}'’ -]{2,40}?)(?:,[^–—:\n]{0,40})?(?::|\s[–—-])\s*$/u.exec(text.slice(stop, quoteStart))?.[1];
    const labelCountry =
      dashCountry ?? (label ? resolver.mentions(label, true).find((m) => m.type === 'country' && m.text === label.trim())?.entity : undefined);
    id ??= definePerson(resolver, name, title!.text, text.slice(quoteStart, quoteEnd), s.paragraph, labelCountry);
    found.push({ person: id, start, end, quoteStart, quoteEnd, titled: Boolean(title) });
    listTitle = shared ? { ...shared, end } : undefined;
  }
  return found.sort((a, b) => a.start - b.start);
}

/**
 * "Kyrgyz Foreign Minister Zheenbek Kulubaev met with his Kazakh counterpart Mukhtar Tileuberdi": a counterpart holds
 * the office of the person named before, for the country its adjective names ("Kazakh Foreign Minister").
 * ("Nurtleu was welcomed by his counterpart Hermine Mboumba-Nzé": with no adjective, the office alone — of the
 * deputy prime minister and foreign minister, the last: a counterpart is a foreign minister. The country is the host's.)
 */
function counterpartTitle(text: string, nameStart: number, found: readonly PersonMention[], resolver: EntityResolver): TitleSpan | undefined {
  const said = /\b(?:his|her|their)\s+(?:(\p{Lu}[\p{L}-]*)\s+)?counterparts?,?\s+$/u.exec(text.slice(0, nameStart));
  const adjective = said?.[1];
  if (!said || (adjective && !resolver.mentions(adjective, true).some((m) => m.type === 'country'))) return undefined;
  const before = [...found].reverse().find((p) => p.end <= said.index && (p.titled || !adjective));
  const offices = (resolver.entity(before?.person ?? '')?.title ?? '').split(/\s+(?:[–—-]|and)\s+/);
  const office = officeWithoutCountry(resolver, offices[offices.length - 1]!);
  if (!office) return undefined;
  const start = said.index + said[0].indexOf(adjective ?? 'counterpart');
  return { text: adjective ? `${adjective} ${office}` : office, start, end: nameStart - 1 };
}

/** The one ministry a stretch of a sentence names, its portfolio: "At the Ministry of Energy and Energy Industries, …" → "Energy and Energy Industries". */
function ministryBefore(text: string): string | undefined {
  const named = [...text.matchAll(/\bMinistry of ((?:\p{Lu}[\p{L}-]*|and|of|the)(?:\s+(?:\p{Lu}[\p{L}-]*|and|of|the))*)/gu)];
  return named.length === 1 ? named[0]![1]!.replace(/\s+(?:and|of|the)$/u, '') : undefined;
}

/** "Kyrgyz Foreign Minister", "Uzbekistan's Foreign Minister", "Minister of Foreign Affairs of Azerbaijan" → the office alone. */
function officeWithoutCountry(resolver: EntityResolver, title: string): string | undefined {
  const office = title
    .replace(/^(\p{Lu}[\p{L}-]*)(?:['’]s)?\s+/u, (whole, word: string) => (resolver.mentions(word, true).some((m) => m.type === 'country') ? '' : whole))
    .replace(/\s+of\s+(?:the\s+)?(?:Republic\s+of\s+(?:the\s+)?)?\p{Lu}[\p{L}-]*(?:\s+\p{Lu}[\p{L}-]*)*$/u, (whole) =>
      resolver.mentions(whole, true).some((m) => m.type === 'country') ? '' : whole,
    );
  return hasTitleHead(office) ? office : undefined;
}

/** Whether a word before a known surname is a first name the known person does not have. */
function otherFirstName(word: Tok, knownName: string, resolver: EntityResolver): boolean {
  const w = lower(word);
  if (!isNameWord(word) || notNameWord(w) || TITLE_WORDS.has(w) || hasTitleHead(word.text) || HONORIFICS.has(w)) return false;
  if (resolver.mentions(word.text, false).length) return false; // a place or an organization ("Kazakhstan Murat Nurtleu")
  return !normalize(knownName).split(/\s+/).includes(normalize(word.text));
}

/** Strips the title and institution words a capitalized run starts with; returns the name, known or plausible. */
function personInRun(text: string, run: Tok[], resolver: EntityResolver): { nameToks: Tok[]; known?: string } | undefined {
  // The longest known person at the end of the run: "Secretary General Guterres", "Kazakhstan Murat Nurtleu".
  // (Not a surname alone after another first name: "Ambassador Yerbol Rakhimov" is no "Otabek Rakhimov".)
  for (let k = 0; k < run.length; k++) {
    const known = resolver.lookup(text.slice(run[k]!.start, run[run.length - 1]!.end), ['person']);
    if (known && k > 0 && otherFirstName(run[k - 1]!, resolver.entity(known)?.name ?? '', resolver)) break;
    if (known) return { nameToks: run.slice(k), known };
  }
  const places = resolver.mentions(text.slice(run[0]!.start, run[run.length - 1]!.end), false).filter((m) => m.type !== 'person');
  const offset = run[0]!.start;
  // The name starts after the run's last title, institution or place word: "Turkic Academy Darkhan Kydyrali" → "Darkhan Kydyrali".
  const inPlace = (t: Tok) => places.some((m) => overlaps({ start: m.start + offset, end: m.end + offset }, t));
  // A place word right after a name word ends the name, as a surname: "Paulo Rezende Lima", "Luísa Montenegro".
  let surnames = run.length;
  while (surnames > 0 && inPlace(run[surnames - 1]!) && !notNameWord(lower(run[surnames - 1]!))) surnames--;
  const before = run[surnames - 1];
  if (surnames === run.length || !before || inPlace(before) || notNameWord(lower(before))) surnames = run.length;
  // A place word after a name word is part of the name: "Pham Thai Giang" ("Thai" is no country there).
  // "… and East African Cooperation January Makamba": a month right before the surname is a first name.
  // So is a title word right after the country an ambassador is accredited to: "… to Kazakhstan Emir Kovačević".
  const accredited = (n: number) => n > 0 && inPlace(run[n - 1]!) && /\bto\s+(?:the\s+)?$/.test(text.slice(0, run[n - 1]!.start));
  const firstName = (n: number) =>
    n === run.length - 2 && (MONTH_WORDS.has(lower(run[n]!)) || (accredited(n) && !HONORIFICS.has(lower(run[n]!)))) && !notNameWord(lower(run[n + 1]!));
  const notName = (t: Tok, n: number) =>
    !firstName(n) && (notNameWord(lower(t)) || (n < surnames && inPlace(t) && run.slice(0, n).every((x) => notNameWord(lower(x)) || inPlace(x))));
  let k = 0;
  for (let n = 0; n < run.length; n++) if (notName(run[n]!, n)) k = n + 1;
  const rest = run.slice(k);
  // "Milan Stojković": a city's name as a first name, when taking it for a place would leave one word.
  if (rest.length === 1 && k === 1 && run.length === 2 && !notNameWord(lower(run[0]!))) return { nameToks: run };
  // At most four words besides particles: "Ana María de la Torre", "Saeed bin Hamad Al Kaabi".
  if (rest.length === 0 || rest.filter((t) => !NAME_PARTICLES.has(lower(t))).length > 4) return undefined;
  return { nameToks: rest };
}

/** Lower-case words that end a place's name inside a title: "the Mangystau region", "Gilan province". */
const HEAD_OF_PLACE = new Set(['region', 'province', 'oblast', 'district', 'city', 'county', 'prefecture']);

/** Words of courtesy or rank written right before a name: "Professor Pornpetch Wichitcholchai", "Sheikh Jassim". */
const HONORIFICS = new Set(['professor', 'prof', 'dr', 'mr', 'mrs', 'ms', 'sir', 'sheikh', 'sheikha', 'academician', 'senator', 'excellency']);
const HONORIFIC_BEFORE = String.raw`(?:(?:${[...HONORIFICS].join('|')})\.?\s+)?`;
// Words allowed between a meeting cue and the name it introduces: a day, "with", "his counterpart", an honorific
// ("received Dr. X").
const CUE_TO_NAME = new RegExp(
  String.raw`^(?:(?:today|yesterday)\s+)?(?:(?:in\s+\p{Lu}[\p{L}'’-]*(?:\s+\p{Lu}[\p{L}'’-]*)?\s+)?(?:(?:on|at|during|via)\s+[\p{L}\d'’ .-]{1,30}?\s+)?with\s+|[^.;]*?,?\s+and(?: with)?\s+|[^.;]*?,\s*(?:and\s+)?\p{Lu}[\p{L}-]*\s+by\s+)?(?:(?:his|her)\s+(?:royal\s+)?(?:majesty|excellency|highness)\s+)?${HONORIFIC_BEFORE}(?:the\s+|its\s+)?(?:(?:newly[\s-]+appointed|new|outgoing|incoming|visiting|departing|acting)\s+)?(?:heads? of .*|(?:(?:his|her|their)\s+)?(?:[\p{L}-]+\s+){0,3}?(?:ministers|counterparts|colleagues)\s+(?:from|of)\s+[^.;:]{1,80}:\s+|(?:\p{Ll}+\s+){0,3}?(?:ministers|counterparts)(?:\s+of)?\s+|(?:his|her|their)\s+(?:(?:[\p{L}-]+\s+)?counterparts?,?\s+)?|(?:an?\s+)?(?:[\p{L}-]+\s+){0,3}?delegation\b[^.;]*?\b(?:led|headed)\s+by\s+(?:its\s+|the\s+)?)?$`,
  'iu',
);

/** Forms of address before a title: "His Majesty the King", "Her Royal Highness". */
const STYLES = new Set(['his', 'her', 'majesty', 'royal', 'highness', 'excellency']);

/** Whether the words from `from` on (after a "the") start with a title's head: "President …", "the King of …". */
function startsWithTitleHead(toks: Tok[], from: number, end: number): boolean {
  const at = toks[from]?.text === 'the' ? from + 1 : from;
  return at < end && isCapWord(toks[at]!) && hasTitleHead(toks[at]!.text);
}

/** ", with residence in Canberra, " right before a name. */
// (…and ", concurrently accredited to Guyana, ": another country of the same office, no part of its title either.)
const RESIDENCE_BEFORE_NAME =
  /,\s+(?:(?:with\s+(?:his\s+|her\s+)?residence|resident)\s+in|(?:who\s+is\s+)?(?:concurrently|also|simultaneously)\s+accredited\s+(?:to|in))\s+(?:the\s+)?\p{Lu}[\p{L}'’ -]*,\s*$/u;

/** Offices that are "to" someone: "Adviser to the President", "Assistant to the Prime Minister". */
const TO_OFFICES = new Set(['adviser', 'advisor', 'assistant', 'aide', 'counsellor', 'counselor', 'envoy']);

/** Small words inside a title: "Minister of …", "Ambassador … to …", "Consul General in …". */
const TITLE_JOINERS = new Set([...CONNECTORS, 'to', 'in', 'at', 'concurrently']);

interface TitleSpan {
  text: string;
  start: number;
  end: number;
}

/** "UN Secretary-General" before "António Guterres": capitalized words and small joining words back to the clause's start. */
function titleBefore(text: string, toks: Tok[], nameIndex: number, stop = 0, apposition = false): TitleSpan | undefined {
  // "Ambassador of Kazakhstan to Australia, with residence in Canberra, Askhat Temirbekov": the title is read as if
  // the residence were not there (it is where he lives, not part of his office).
  const residence = RESIDENCE_BEFORE_NAME.exec(text.slice(0, toks[nameIndex]!.start));
  if (residence) {
    const clauseAt = toks.findIndex((t) => t.start >= residence.index);
    if (clauseAt > 0) {
      const shifted = { ...toks[nameIndex]!, start: residence.index + 1, end: residence.index + 1 + toks[nameIndex]!.text.length };
      const joined = `${text.slice(0, residence.index)} ${text.slice(toks[nameIndex]!.start)}`;
      return titleBefore(joined, [...toks.slice(0, clauseAt), shifted], clauseAt, stop, apposition);
    }
  }
  let j = nameIndex - 1;
  let first = nameIndex;
  // A title ends in its head or its country, never in a joining word: "Director for External Relations" is no name.
  const last = toks[nameIndex - 1];
  if (!last || TITLE_JOINERS.has(last.text)) return undefined;
  while (j >= 0) {
    const t = toks[j]!;
    if (t.start < stop) break; // never back into the person named before ("X and Singapore's Foreign Minister Y")
    if (j === 0 && /^meeting$/i.test(t.text)) break; // "Meeting Kyrgyz Foreign Minister X, …": no part of the title
    const gap = text.slice(t.end, toks[j + 1]!.start);
    // "Minister of Commerce, Industry and Investment Promotion …": a list of portfolios inside one title.
    const portfolios = gap === ', ' && isCapWord(t) && isCapWord(toks[j + 1]!) && toks.slice(j + 2, nameIndex).some((x) => x.text === 'and');
    // "… of the European External Action Service (EEAS) Matthias Engström": an acronym in brackets belongs to the title,
    // and so do capitalized words: "Minister of State for Foreign Affairs (Regional Cooperation) of Uganda".
    const inBrackets = (x: Tok) => isBracketAcronym(x) || isCapWord(x);
    const bracketed = (gap === ' (' && inBrackets(toks[j + 1]!)) || (gap === ') ' && inBrackets(t));
    // (", Professor Pornpetch Wichitcholchai": an honorific between the comma and the name is the name's.)
    const beforeName = toks.slice(j + 1, nameIndex).every((x) => HONORIFICS.has(lower(x)));
    // ("President of the Brazil–Central Asia Chamber of Commerce …": a dash joins two names inside the title.)
    const gapOk = /^(?: | [-–—] |[–—]|['’]s )$/u.test(gap) || portfolios || bracketed || (apposition && beforeName && gap === ', ');
    if (!gapOk) break;
    // "… Ambassador of Kazakhstan to Vanuatu to President Nikenike Vurobaravu": a "to" before a title of its own
    // hands something to its holder ("presented his credentials to …"); the title is the words after it.
    // (Not "Adviser to the President": that "to" is part of the office.)
    if (t.text === 'to' && startsWithTitleHead(toks, j + 1, nameIndex) && !TO_OFFICES.has(lower(toks[j - 1] ?? t))) break;
    // "Ambassador of Loea to Zerttaania", "Consul General in Istanbul": "to" and "in" join a title's words too;
    // so does a title word in lower case ("the member of the Council of Elders …").
    if (
      !(
        isCapWord(t) ||
        isAcronym(t) ||
        TITLE_JOINERS.has(t.text) ||
        /^[dl]['’]\p{Lu}/u.test(t.text) || // "Ambassador of Côte d'Ivoire": a name with an elided particle
        (TITLE_WORDS.has(t.text) && t.text !== 'his' && t.text !== 'her') ||
        HEAD_OF_PLACE.has(t.text) || // "Deputy Akim of the Mangystau region"
        isOwner(t)
      )
    )
      break;
    first = j;
    j--;
  }
  // ("His Majesty the King of Bhutan": the form of address is no part of the title.)
  while (
    first < nameIndex &&
    (TITLE_JOINERS.has(toks[first]!.text) || STYLES.has(lower(toks[first]!)) || (FUNCTION_WORDS.has(lower(toks[first]!)) && !isAcronym(toks[first]!)))
  )
    first++;
  if (first >= nameIndex) return undefined;
  const start = toks[first]!.start;
  // The honorific before the name is no part of the title: "President of the Senate …, Professor X".
  let lastWord = nameIndex - 1;
  while (lastWord > first && HONORIFICS.has(lower(toks[lastWord]!))) lastWord--;
  const end = toks[lastWord]!.end + (text[toks[lastWord]!.end] === ')' ? 1 : 0); // "… (EEAS)"
  const title = text.slice(start, end);
  if (!hasTitleHead(title)) return undefined;
  // "First Deputy Minister of Foreign Affairs of Argentina, Ambassador Pablo Tettamanti": a bare rank after a
  // comma is an honorific; the office is the title before it.
  if (first === nameIndex - 1 && first > 0 && text.slice(toks[first - 1]!.end, start) === ', ') {
    const office = titleBefore(text, toks, first, stop, true);
    if (office) return { text: office.text, start: office.start, end };
  }
  return { text: title, start, end };
}

/**
 * A title in lower case set off by a comma before the name, as wire services write them: "… held talks in Kabul with
 * the acting foreign minister of the Taliban-led government, Amir Khan Muttaqi, …" — after "the" or "a", up to three
 * words before its head, and "of", "to" or "for" after it.
 */
function lowerCaseTitleBefore(text: string, nameStart: number, stop: number): TitleSpan | undefined {
  const before = text.slice(stop, nameStart);
  // (Capitalized up to a word in lower case that a capitalized title would not have: "was received by the Principal
  // Secretary of the ministry, Thabo Mphahlele".)
  const m = /\b(?:the|an?)\s+((?:[\p{L}-]+\s+){0,3}?)([\p{L}-]+)\s+(?:of|to|for)\s+[^,.;:()]{2,80}?,\s+$/u.exec(before);
  if (!m || !TITLE_HEADS.has(m[2]!.toLowerCase()) || m[1]!.split(/\s+/).some((w) => TITLE_HEADS.has(w.toLowerCase()))) return undefined;
  const start = stop + m.index + m[0].indexOf(m[1]! || m[2]!);
  const end = stop + before.trimEnd().length - 1;
  return { text: text.slice(start, end), start, end };
}

/**
 * A plural title right before a name, "senators Petra Zemanová", "members of the National Assembly Kim Soo-jin",
 * gives it the title in the singular ("Senator"); the next names of the same list ("… and Lukáš Hořejší") share it.
 * The title is quoted from the first name's words, so each later name's quote starts at its own name.
 */
function pluralTitleBefore(text: string, nameStart: number, previous: (TitleSpan & { end: number }) | undefined): TitleSpan | undefined {
  const before = text.slice(0, nameStart);
  if (previous && /^(?:,\s*|,?\s+and\s+)$/.test(before.slice(previous.end))) return { text: previous.text, start: nameStart, end: nameStart };
  const m = PLURAL_TITLE.exec(before);
  if (!m) return undefined;
  const [head, ...rest] = m[1]!.split(' ');
  const singular = PLURAL_TITLE_HEADS.get(head!.toLowerCase()) ?? PLURAL_TITLE_HEADS.get(head!)!;
  const start = before.length - 1 - m[1]!.length; // the title, one space, then the name
  return { text: [singular, ...rest].join(' '), start, end: nameStart - 1 };
}

/** Plural title words and their singular: the head of a title shared by a list of names. */
const PLURAL_TITLE_HEADS = new Map([
  ['members', 'Member'],
  ['senators', 'Senator'],
  ['deputies', 'Deputy'],
  ['MPs', 'MP'],
  ['parliamentarians', 'Parliamentarian'],
  ['congressmen', 'Congressman'],
  ['councillors', 'Councillor'],
]);
const PLURAL_TITLE = new RegExp(
  `(?:^|[\\s(])((?:${[...PLURAL_TITLE_HEADS.keys()].map((w) => `[${w[0]!.toUpperCase()}${w[0]}]${w.slice(1)}`).join('|')})(?: of (?:the )?\\p{Lu}[\\p{L}'’-]*(?: (?:of |the |and |for )*\\p{Lu}[\\p{L}'’-]*)*)?) $`,
  'u',
);

/** ", Director General of the World Intellectual Property Organization (WIPO)" after "Daren Tang". */
/** ", Foreign Trade and Immigration" after a title's first portfolio: capitalized portfolios, the last after "and". */
// (At least one item before "and": ", and Naveed Akhtar Bhatti" after a title is the next person.)
const PORTFOLIO_LIST = /^(?:, \p{Lu}[\p{L}-]*(?: \p{Lu}[\p{L}-]*)*)+,? and \p{Lu}[\p{L}-]*(?: \p{Lu}[\p{L}-]*)*(?=[,.;]| of \p{Lu}|$)/u;

function titleAfter(text: string, toks: Tok[], lastName: number): TitleSpan | undefined {
  let j = lastName + 1;
  if (j >= toks.length || text.slice(toks[lastName]!.end, toks[j]!.start) !== ', ') return undefined;
  if (/^the$/i.test(toks[j]!.text)) j++;
  // ("Marthese Zammit Cutajar, the newly appointed Ambassador …": which holder, not the office.)
  while (j < toks.length && /^(?:new|newly|appointed|newly-appointed|outgoing|incoming|departing)$/.test(toks[j]!.text) && sep(text, toks, j + 1) === ' ') j++;
  // "Welber Barral, a well-known economist, former Secretary of State …": a description in lower case first;
  // the title is what follows it.
  if (/^an?$/.test(toks[j]!.text)) {
    let k = j + 1;
    while (k < toks.length && k < j + 6 && /^[\p{Ll}-]+$/u.test(toks[k]!.text) && sep(text, toks, k) === ' ') k++;
    if (k < toks.length && k > j + 1 && sep(text, toks, k) === ', ') j = k;
  }
  const former = toks[j]?.text === 'former' && sep(text, toks, j + 1) === ' ';
  // "Eamon Courtenay, Belize’s Minister of Foreign Affairs,": whose office it is, before its head.
  const owner = !former && isOwner(toks[j]) && sep(text, toks, j + 1) === ' ';
  const firstTok = toks[former || owner ? j + 1 : j];
  // "Rauan Zhakupov, aide to Kazakh President Kassym-Jomart Tokayev on foreign policy,": a title in lower case,
  // as wire services write them, up to the next comma or full stop.
  // (A few words in lower case may come before the head: "deputy director of UNDP's …", "regional water adviser of UNDP",
  // "head of trade at the EU Delegation".)
  let headAt = j;
  while (
    headAt < j + 3 &&
    toks[headAt] &&
    /^\p{Ll}[\p{Ll}-]*$/u.test(toks[headAt]!.text) &&
    !TITLE_HEADS.has(toks[headAt]!.text) &&
    sep(text, toks, headAt + 1) === ' '
  )
    headAt++;
  if (!TITLE_HEADS.has(toks[headAt]?.text ?? '')) headAt = j;
  // (A head of two words: "chief executive of …".)
  if (TITLE_HEADS.has(toks[headAt]?.text ?? '') && TITLE_HEADS.has(toks[headAt + 1]?.text ?? '') && sep(text, toks, headAt + 1) === ' ') headAt++;
  if (
    firstTok &&
    TITLE_HEADS.has(toks[headAt]?.text ?? '') &&
    /^(?:to|of|for|at|in)$/.test(toks[headAt + 1]?.text ?? '') &&
    (headAt === j || firstTok === toks[j])
  ) {
    const rest = text.slice(firstTok.start);
    const stop = rest.search(/[,.;(]/);
    const title = (stop < 0 ? rest : rest.slice(0, stop)).trim();
    // (Two offices joined are longer: "chairman of the Russian side of the … Business Council and president of the … Group".)
    const second = /\sand\s+(\p{Ll}+)\s+(?:of|to|at)\s/u.exec(title);
    const words = second && TITLE_HEADS.has(second[1]!) ? 20 : 15;
    if (title.split(/\s+/).length <= words) return { text: title, start: toks[lastName + 1]!.start, end: firstTok.start + title.length };
  }
  // The head within the first five capitalized words: "Director General …", "Deputy Prime Minister of Serbia" ("former
  // …" too), "the European Union Special Representative for Central Asia".
  const head = former || owner ? j + 1 : j;
  const capsFrom = (k: number): boolean => toks.slice(head, head + k + 1).every((t, n) => isCapWord(t) && (n === 0 || sep(text, toks, head + n) === ' '));
  if (!firstTok || !isCapWord(firstTok) || ![0, 1, 2, 3, 4].some((k) => toks[head + k] && capsFrom(k) && hasTitleHead(toks[head + k]!.text))) return undefined;
  let last = head;
  const extend = (): void => {
    while (
      last + 1 < toks.length &&
      sep(text, toks, last + 1) === ' ' &&
      (isCapWord(toks[last + 1]!) ||
        isAcronym(toks[last + 1]!) ||
        CONNECTORS.has(toks[last + 1]!.text) ||
        (toks[last]!.text === 'at' && isOwner(toks[last + 1])) ||
        // "…, Kazakhstan’s Ambassador to Mexico,": where the office is held is the title's too ("…, Under-Secretary of State
        // for External Economic Relations at the Ministry for Foreign Affairs of Finland,": so is where it sits).
        (/^(?:to|in)$/.test(toks[last + 1]!.text) && toks[last + 2] !== undefined && isCapWord(toks[last + 2]!)) ||
        (toks[last + 1]!.text === 'at' &&
          ((toks[last + 2]?.text === 'the' && toks[last + 3] !== undefined && isCapWord(toks[last + 3]!)) || isOwner(toks[last + 2]))))
    )
      last++;
  };
  extend();
  // "…, Belize’s Minister of Foreign Affairs, Foreign Trade and Immigration,": a list of portfolios inside one title
  // (and whose they are after it: "…, Minister of Foreign Affairs, Trade and Immigration of Antigua and Barbuda.").
  const portfolios = PORTFOLIO_LIST.exec(text.slice(toks[last]!.end));
  if (portfolios && toks[last]!.text !== 'and') {
    const end = toks[last]!.end + portfolios[0].length;
    while (last + 1 < toks.length && toks[last + 1]!.end <= end) last++;
    if (toks[last + 1]?.text === 'of') extend();
  }
  while (last > j && TITLE_JOINERS.has(toks[last]!.text)) last--;
  let end = toks[last]!.end;
  const acr = toks[last + 1];
  if (acr && isAcronym(acr) && sep(text, toks, last + 1) === ' (' && text[acr.end] === ')') end = acr.end + 1;
  // "… of Brazil and Director of the international company BMJ": a second title cut off in lower case is no part of it.
  const cut = /^ of (?:the )?\p{Ll}/u.test(text.slice(end)) ? text.lastIndexOf(' and ', end) : -1;
  if (cut > toks[j]!.start) end = cut;
  const start = toks[j]!.start;
  const title = text.slice(start, end);
  return hasTitleHead(title) ? { text: title, start: toks[lastName + 1]!.start, end } : undefined;
}

/** " of the Eurasian Water Council (EWC)" right after a name: an organization or country the title goes with. */
function ofAfterName(text: string, nameEnd: number, resolver: EntityResolver): { text: string; end: number } | undefined {
  const m =
    /^ of (?:the )?((?:\p{Lu}[\p{L}'’-]*|of|for|on|and|the)(?: (?:\p{Lu}[\p{L}'’-]*|of|for|on|and|the))*)(?: \((\p{Lu}[\p{Lu}\d&]{1,9})\))?(?=[\s,.;:]|$)/u.exec(
      text.slice(nameEnd),
    );
  if (!m) return undefined;
  const words = m[1]!.replace(/(?: (?:of|for|on|and|the))+$/, '');
  const named = resolver.lookup(words, ['organization', 'country']) ?? (m[2] ? resolver.lookup(m[2], ['organization']) : undefined);
  if (!named) return undefined;
  const end = m[2] && m[1] === words ? nameEnd + m[0].length : nameEnd + m[0].indexOf(words) + words.length;
  return { text: text.slice(nameEnd + 1, end), end };
}

/** "held bilateral talks with the heads of the foreign ministries of Indonesia, Retno Marsudi; Vietnam, Bui Thanh Son; …". */
function listedPeople(s: Sentence, resolver: EntityResolver): PersonMention[] {
  const text = s.text;
  const head = /\bheads? of (?:the )?((?:[\p{Ll}-]+ ){0,3}?[\p{Ll}-]+) of\s+/u.exec(text);
  if (!head) return [];
  const listStart = head.index + head[0].length;
  const body = text.slice(listStart).replace(/[.!]$/, '');
  if (!body.includes(';')) return [];
  // The lead-in back to the clause's start: "Kazakhstan Foreign Minister held … of".
  const clauseStart = clauseStartBefore(text, head.index);
  const lead = text.slice(clauseStart, listStart).trim();
  const found: PersonMention[] = [];
  let offset = listStart;
  for (const part of body.split(';')) {
    const item = /^(\s*(?:and\s+)?)([^,]+), ([^,]+?)\s*$/u.exec(part);
    const partStart = offset;
    offset += part.length + 1;
    if (!item) continue;
    const countryText = item[2]!;
    const name = item[3]!;
    const countryStart = partStart + item[1]!.length;
    const nameStart = countryStart + countryText.length + 2;
    const country = resolver.mentions(countryText, true).find((m) => m.type === 'country' && m.start === 0 && m.end === countryText.length);
    const nameToks = toksOf(name);
    const plausible =
      nameToks.length >= 2 &&
      nameToks.length <= 5 &&
      nameToks.every((t) => isNameWord(t) || NAME_PARTICLES.has(t.text)) &&
      !nameToks.some((t) => notNameWord(lower(t)));
    if (!country) continue;
    const known = resolver.lookup(name, ['person']);
    if (!known && !plausible) continue;
    const countryName = resolver.entity(country.entity)?.name ?? countryText;
    const id =
      known ??
      variantOf(resolver, name) ??
      resolver.define({
        type: 'person',
        name,
        title: groupTitle(head[1]!, countryName),
        country: country.entity,
        aliases: personAliases(name),
        demonyms: [],
        caseSensitive: [],
        why: `listed in ¶${s.paragraph}: “${head[0].trim()} … ${countryText}, ${name}” (title made from the list's lead-in)`,
      });
    found.push({
      person: id,
      start: nameStart,
      end: nameStart + name.length,
      quoteStart: countryStart,
      quoteEnd: nameStart + name.length,
      titled: true,
      group: head[1]!,
      lead,
    });
  }
  return found.length >= 2 ? found : [];
}

/**
 * Officials listed by country after a group word: "the ministers of Estonia Margus Tsahkna, Latvia
 * Baiba Braže and Lithuania Kęstutis Budrys", "deputy foreign ministers …: Azerbaijan's Elnur
 * Mammadov, Georgia's …". Each gets the group's title for their country ("Minister of Estonia").
 */
/** Where the clause holding a position starts: after the last ", " before it, else the sentence's start ("Taking part …"). */
function clauseStartBefore(text: string, at: number): number {
  const comma = text.lastIndexOf(', ', at);
  return comma < 0 ? 0 : comma + 2;
}

function countryListedPeople(s: Sentence, resolver: EntityResolver, foreignMinisters = false): PersonMention[] {
  const text = s.text;
  const said = /\b((?:deputy |vice |first deputy )?(?:foreign )?ministers(?: of foreign affairs)?|counterparts|ambassadors|envoys|diplomats)\b/iu.exec(text);
  // ("Around the table sat Kazakhstan's X, Kyrgyzstan's Y, …" in a release about foreign ministers: three or more such
  // names are they, though the sentence does not say "ministers".)
  const group = said ?? (foreignMinisters ? { index: 0, 1: 'foreign ministers' } : undefined);
  if (!group) return [];
  const items: { country: Mention; name: string; nameStart: number }[] = [];
  // (A person's name: no title or institution word in it, and nothing the knowledge knows as other than a person.)
  const personName = (name: string): boolean =>
    !toksOf(name).some((t) => notNameWord(lower(t))) && !resolver.mentions(name, false).some((x) => x.type !== 'person');
  for (const m of resolver.mentions(text, true)) {
    if (m.type !== 'country' || m.start < group.index) continue;
    // "Jeyhun Bayramov of Azerbaijan, Jeenbek Kulubaev of Kyrgyzstan …": the name before the country.
    const before = /(?:^|[\s,;:])(\p{Lu}\p{Ll}+(?:[- ]\p{Lu}\p{Ll}+){1,3}) of (?:the )?$/u.exec(text.slice(Math.max(group.index, m.start - 60), m.start));
    if (before && !/['’]s$/.test(text.slice(m.start, m.end + 2)) && personName(before[1]!)) {
      items.push({ country: m, name: before[1]!, nameStart: m.start - before[0].length + before[0].indexOf(before[1]!) });
      continue;
    }
    const after =
      /^(?:['’]s)?,? (\p{Lu}\p{Ll}+(?:(?:[- ]|\s(?:bin|al|de|van|von|der)\s)\p{Lu}\p{Ll}+){1,3})(?=\s*(?:[,;.]|$|\s+and\b|\s+in\b|\s+as\b|\s+at\b))/u.exec(
        text.slice(m.end),
      );
    if (!after) continue;
    const name = after[1]!;
    if (!personName(name)) continue;
    items.push({ country: m, name, nameStart: m.end + after[0].length - name.length });
  }
  // "The foreign ministers of Uzbekistan, Kazakhstan and Kyrgyzstan — Bakhtiyor Saidov, Murat Nurtleu and Zheenbek
  // Kulubaev — gathered …": the names set off by dashes, in the countries' order.
  if (said && items.length === 0) items.push(...respectiveNames(text, said.index, resolver, personName));
  if (items.length < (said ? 2 : 3)) return [];
  const clauseStart = clauseStartBefore(text, group.index);
  const first = Math.min(items[0]!.country.start, items[0]!.nameStart);
  const lead = text.slice(clauseStart, first).trim().replace(/[,:]$/, '');
  const written = group[1]!.toLowerCase();
  // (Plain "ministers" in a release about foreign ministers are they.)
  const groupWords = written === 'ministers' && foreignMinisters ? 'foreign ministers' : written;
  return items.map(({ country, name, nameStart }) => {
    const countryName = resolver.entity(country.entity)?.name ?? country.text;
    const quoteStart = Math.min(country.start, nameStart);
    const quoteEnd = Math.max(country.end, nameStart + name.length);
    const id =
      resolver.lookup(name, ['person']) ??
      variantOf(resolver, name) ??
      resolver.define({
        type: 'person',
        name,
        title: groupTitle(groupWords === 'counterparts' ? 'foreign ministers' : groupWords, countryName),
        country: country.entity,
        aliases: personAliases(name),
        demonyms: [],
        caseSensitive: [],
        why: `listed in ¶${s.paragraph}: “${said ? `${group[1]} … ` : ''}${text.slice(quoteStart, quoteEnd)}” (title made from the ${said ? "list's lead-in" : "release's foreign ministers"})`,
      });
    return {
      person: id,
      start: nameStart,
      end: nameStart + name.length,
      quoteStart,
      quoteEnd,
      titled: true,
      group: groupWords,
      ...(lead ? { lead } : {}),
    };
  });
}

/** A list of names between dashes after a list of countries, one name a country, in the same order. */
function respectiveNames(
  text: string,
  from: number,
  resolver: EntityResolver,
  personName: (name: string) => boolean,
): { country: Mention; name: string; nameStart: number }[] {
  const NAME = "\\p{Lu}[\\p{L}'’-]*(?:\\s+\\p{Lu}[\\p{L}'’-]*){1,3}";
  const dashed = new RegExp(`\\s[—–-]\\s(${NAME}(?:,\\s+${NAME})*,?\\s+and\\s+${NAME})\\s[—–-]\\s`, 'u').exec(text.slice(from));
  if (!dashed) return [];
  const listAt = from + dashed.index + dashed[0].indexOf(dashed[1]!);
  const countries = resolver.mentions(text, true).filter((m) => m.type === 'country' && m.start >= from && m.end <= from + dashed.index);
  const names = dashed[1]!.split(/,\s+(?:and\s+)?|\s+and\s+/);
  if (names.length < 2 || names.length !== countries.length || !names.every(personName)) return [];
  let at = listAt;
  return names.map((name, k) => {
    const nameStart = text.indexOf(name, at);
    at = nameStart + name.length;
    return { country: countries[k]!, name, nameStart };
  });
}

function definePerson(resolver: EntityResolver, name: string, title: string, quote: string, paragraph: number, listedCountry?: string): string {
  const variant = variantOf(resolver, name);
  if (variant) return variant;
  // The person's country and organization: what their title names ("… of Indonesia", "WHO Director-General").
  const named = resolver.mentions(title, true);
  // "Ambassador of the EU to Kazakhstan", "Chief of Mission of the IOM in Kazakhstan": the country after "to" or "in" is where they serve, not theirs.
  // ("aide to Kazakh President …": a country's adjective before another title is whose aide they are.)
  const posting = (m: { start: number; end: number }) => /\b(?:to|in)\s+(?:the\s+)?$/.test(title.slice(0, m.start)) && title.slice(m.end).trim() === '';
  let country: { entity: string } | undefined = listedCountry ? { entity: listedCountry } : named.find((m) => m.type === 'country' && !posting(m));
  const ofCountry =
    /\b(?:Foreign Minister|Minister (?:of|for) Foreign Affairs|Minister (?:of|for) \p{Lu}\p{Ll}+|President|Prime Minister|King|Emir|Ambassador|Vice-President|Vice President) of (?:the )?(\p{Lu}\p{Ll}+(?: \p{Lu}\p{Ll}+){0,2})$/u.exec(
      title,
    ) ?? /\b(?:Ambassador|Envoy|Permanent Representative) of (?:the )?(\p{Lu}\p{Ll}+(?: \p{Lu}\p{Ll}+){0,2}) to\b/u.exec(title);
  if (!country && ofCountry && !named.some((m) => m.text === ofCountry[1]) && !ofCountry[1]!.split(' ').some((w) => notNameWord(w.toLowerCase()))) {
    // "Foreign Minister of Aldoria": a country the gazetteer does not know; the moderator confirms it.
    const countryName = ofCountry[1]!;
    country = {
      entity:
        resolver.lookup(countryName, ['country']) ??
        resolver.define({ type: 'country', name: countryName, aliases: [], demonyms: [], caseSensitive: [], why: `from the title “${title}”` }),
    };
  }
  const organization = named.find((m) => m.type === 'organization');
  // "Special Envoy of the Ministry of Foreign Affairs of Kazakhstan": the ministry's country is theirs.
  // ("Speaker of the Croatian Parliament": the adjective the institution's name opens with.)
  if (!country && organization) {
    const words = organization.text.split(/\s+/);
    country =
      resolver.mentions(words.slice(1).join(' '), true).find((m) => m.type === 'country') ??
      resolver.mentions(words[0]!, true).find((m) => m.type === 'country' && m.text === words[0]);
  }
  return resolver.define({
    type: 'person',
    name,
    title: title.replace(/^the\s+/i, ''),
    ...(country ? { country: country.entity } : {}),
    ...(organization ? { organization: organization.entity } : {}),
    aliases: personAliases(name),
    demonyms: [],
    caseSensitive: [],
    why: `introduced in ¶${paragraph} as “${quote}”`,
  });
}

/** The surname alone (when it is not a short common word) and the name without accents. */
function personAliases(name: string): string[] {
  const aliases: string[] = [];
  const parts = name.split(/\s+/);
  const last = parts[parts.length - 1]!;
  if (parts.length > 1 && last.length >= 4) aliases.push(last);
  // "Al Zayani", "van der Hoeven": the surname with the particles before it, as people write it.
  let from = parts.length - 1;
  while (from > 1 && NAME_PARTICLES.has(parts[from - 1]!.toLowerCase())) from--;
  if (from < parts.length - 1) aliases.push(parts.slice(from).join(' '));
  const plain = name.normalize('NFKD').replace(/\p{M}/gu, '');
  if (plain !== name) aliases.push(plain);
  // ("Marko Đurić" is written "Djuric" as often as "Duric": the South Slavic Đ spelled out, name and surname.)
  if (/[đĐ]/.test(name)) aliases.push(...[plain, last].map((x) => x.normalize('NFKD').replace(/\p{M}/gu, '').replace(/Đ/g, 'Dj').replace(/đ/g, 'dj')));
  return aliases;
}

// ── metadata ─────────────────────────────────────────────────────────────────

/**
 * A dateline's city the gazetteer lacks ("FUNAFUTI, 12 March –") is still a city: the agency's dateline names nothing
 * else. Drafted as a place with the name as a reader writes it ("Funafuti"), for the moderator to check.
 */
function datelineCity(resolver: EntityResolver, written: string): string | undefined {
  if (!/^\p{Lu}[\p{L}'-]+(?: \p{Lu}[\p{L}'-]+)?$/u.test(written)) return undefined;
  const name = written.toLowerCase().replace(/(^|[\s'-])(\p{L})/gu, (_, sep: string, c: string) => sep + c.toUpperCase());
  return (
    resolver.lookup(name) ??
    resolver.define({ type: 'place', name, aliases: [], demonyms: [], caseSensitive: [], why: "the dateline's city; not in the world gazetteer" })
  );
}

/**
 * The release's date, and where it came from: the dateline's full date; the scraper's date line; the dateline's day with
 * its year (or the year of a full date the text gives); the first full date in the text. A day
 * without a year stays unknown: guessing today's year would date the release wrongly.
 */
function releaseDate(paragraphs: readonly string[], options: ExtractOptions): { date?: string; monthDay?: string; why: string } {
  // (A dateline's full date is the release's own word: "Astana, 11 April 2024 –" under "Updated: 12.04.2024".)
  const full =
    options.dateline?.month && options.dateline.day && options.dateline.year
      ? isoDate(options.dateline.year, options.dateline.month, options.dateline.day)
      : undefined;
  if (full) return { date: full, why: `from the dateline “${options.dateline!.text}”` };
  if (options.date) return { date: options.date, why: "from the scraper's date line" };
  // "Kazakhstan and Lithuania hold political consultations in Vilnius | 18.10.2023": the headline's date.
  const inTitle = options.title ? findDate(options.title) : undefined;
  if (inTitle) return { date: inTitle, why: `from the headline “${options.title}”` };
  const inText = findDate(paragraphs.join('\n'));
  // A date line without a year ("3 October") gives the day when the dateline does not; so does "On 22 April, …"
  // opening the text.
  const d = options.dateline?.month ? options.dateline : (options.dayMonth ?? dayMonthIn(paragraphs[0] ?? '', '^On ', '\\b'));
  if (d?.month && d.day) {
    const monthDay = `${String(d.month).padStart(2, '0')}-${String(d.day).padStart(2, '0')}`;
    const what = d === options.dateline ? 'dateline' : d === options.dayMonth ? 'date line' : 'opening';
    const year = inText ? Number(inText.slice(0, 4)) : undefined;
    const date = year ? isoDate(year, d.month, d.day) : undefined;
    if (date) return { date, why: `the ${what}'s day (“${d.text}”) with the year of ${inText} in the text — check the year` };
    // ("11/02/2025 19:34" above "KUWAIT, Feb 11 (KUNA)": the stamp read the way that gives the dateline's day.)
    const stamped = options.dateReadings?.find((x) => x.slice(5) === monthDay);
    if (stamped) return { date: stamped, why: `the ${what}'s day (“${d.text}”) in the page's stamp, ${stamped}` };
    return {
      monthDay,
      why: `the ${what} “${d.text}” gives no year and the text none either`,
    };
  }
  if (inText) return { date: inText, why: 'the first date in the text — is it the release’s?' };
  return { why: 'no date in the text' };
}

/**
 * Whose visit it is: the first person ¶1 names — one of the home country's when ¶1 names several —
 * or, when ¶1 names nobody, the first person of the home country the release names. The home
 * country is the one the knowledge's principals come from (Kazakhstan for this project).
 */
function principalOf(sentences: readonly Sentence[], resolver: EntityResolver): { mention: PersonMention; why: string } | undefined {
  const home = homeCountry(resolver);
  const fromHome = (p: PersonMention) => home !== undefined && resolver.entity(p.person)?.country === home;
  const opening = sentences.filter((s) => s.paragraph === 1).flatMap((s) => s.people);
  // "The Minister of Foreign Affairs of Kazakhstan received Special Envoy … X": ¶1 names only the guest,
  // someone of another country; the host is the first person of the home country named later.
  const foreign = (p: PersonMention) => {
    const country = resolver.entity(p.person)?.country;
    return home !== undefined && country !== undefined && country !== home;
  };
  const laterHome = opening.length && opening.every(foreign) ? sentences.flatMap((s) => s.people).find(fromHome) : undefined;
  if (laterHome) return { mention: laterHome, why: `¶1 names only a guest from abroad: the first person of ${home} the release names` };
  const first = opening.find(fromHome) ?? opening[0];
  if (first)
    return {
      mention: first,
      why: opening.length > 1 && fromHome(first) && first !== opening[0] ? `the first person of ${home} ¶1 names` : 'the first person ¶1 names',
    };
  const later = sentences.flatMap((s) => s.people).find(fromHome);
  if (later) return { mention: later, why: `¶1 names nobody: the first person of ${home} the release names` };
  // "Kazakhstan was represented by Deputy Foreign Minister X": a title that names no country is the home ministry's.
  const uncountried = sentences.flatMap((s) => s.people).find((p) => !resolver.entity(p.person)?.country);
  if (!uncountried) return undefined;
  const e = resolver.created.find((c) => c.id === uncountried.person);
  if (e && home) e.country = home;
  return {
    mention: uncountried,
    why: `¶1 names nobody, nor anyone of ${home ?? 'the home country'}: the first person named with no country (made ${home ?? 'home'}'s)`,
  };
}

/** A foreign ministry's office: "Deputy Foreign Minister", "Minister of Foreign Affairs", "Ambassador-at-Large". */
const MINISTRY_OFFICE =
  /^(?:(?:Deputy|Vice|First Deputy) )?(?:Foreign Minister|Minister of Foreign Affairs)$|^Ambassador-at-Large$|^Spokesperson of the (?:Foreign )?Ministry/;

/** A head of state's or government's title with no country: "King", "Prime Minister", "President". */
const BARE_HEAD_TITLE = /^(?:King|Queen|Emir|Sultan|President|Vice[- ]President|Prime Minister|Deputy Prime Minister|Governor[- ]General|Crown Prince)$/;

/** The one country other than the ministry's that a headline names ("… credentials to King of Tonga"). */
function headlineCountry(title: string | undefined, resolver: EntityResolver): string | undefined {
  if (!title) return undefined;
  const home = homeCountry(resolver);
  const countries = new Set(
    resolver
      .mentions(title, true)
      .filter((m) => m.type === 'country' && m.entity !== home)
      .map((m) => m.entity),
  );
  return countries.size === 1 ? [...countries][0] : undefined;
}

function homeCountry(resolver: EntityResolver): string | undefined {
  const k = resolver.knowledge;
  if (!k) return undefined;
  const counts = new Map<string, number>();
  for (const r of k.releases.values()) {
    const country = r.principal ? k.entities.get(r.principal)?.country : undefined;
    if (country) counts.set(country, (counts.get(country) ?? 0) + 1);
  }
  return [...counts].sort((a, b) => b[1] - a[1])[0]?.[0];
}

/** "…, Kazinform reports" / "Trend reports via …": the agency that published the text. */
function agencyOf(paragraphs: readonly string[]): string | undefined {
  for (const p of paragraphs) {
    const m =
      /,\s+(?:a\s+)?(\p{Lu}[\p{L}]+(?: News Agency)?)(?: correspondent)? reports\b/u.exec(p) ??
      /(?:^|[.,]\s+)(\p{Lu}[\p{L}]+) reports (?:via|citing)\b/u.exec(p);
    if (m) return m[1]!;
  }
  return undefined;
}

const ID_STOPWORDS = new Set([
  'the',
  'a',
  'an',
  'of',
  'and',
  'in',
  'on',
  'at',
  'for',
  'with',
  'to',
  'by',
  'from',
  'met',
  'meet',
  'meets',
  'held',
  'hold',
  'holds',
  'discussed',
  'foreign',
  'minister',
  'ministers',
]);

/** An undated release's id: "undated-" + the place + a few words of the title, made unique among the knowledge's releases. */
function undatedId(placeSlug: string, title: string, knowledge: Knowledge | undefined): string {
  const words = slug(title)
    .split('-')
    .filter((w) => w.length > 2 && !ID_STOPWORDS.has(w) && !placeSlug.split('-').includes(w) && !/^\d+$/.test(w));
  const base = ['undated', placeSlug, ...words.slice(0, 3)].filter(Boolean).join('-').slice(0, 60).replace(/-+$/, '');
  let id = base;
  for (let n = 2; knowledge?.releases.has(id); n++) id = `${base}-${n}`;
  return id;
}

/**
 * The place an early sentence says the event took place or was held in ("The ceremony took place … in Thimphu"):
 * a sentence about the event itself, not one about an earlier round ("during his tenure, the first round … was held in").
 */
function heldInPlace(sentences: readonly Sentence[]): string | undefined {
  for (const s of sentences) {
    if (s.paragraph > HELD_IN_PARAGRAPHS) break;
    // ("The 34th meeting of the … commission … was held in the Kazakh city of Taraz": an ordinal, and the city named as one.)
    if (!/^The (?:[\p{L}\d-]+ ){0,3}?(?:ceremony|meeting|talks|event|consultations|conversation|forum|session|signing)\b/u.test(s.text)) continue;
    const m = s.mentions.find(
      (x) =>
        x.type === 'place' &&
        new RegExp(`\\b(?:took place|was held|were held)\\b[^.;]{0,100}\\bin\\s+(?:the\\s+)?(?:${AS_A_CITY})?$`, 'u').test(s.text.slice(0, x.start)),
    );
    if (m) return m.entity;
  }
  return undefined;
}
const HELD_IN_PARAGRAPHS = 3;

/** A place named as a city: "the Kazakh city of Taraz", "the port city of Durrës". */
const AS_A_CITY = String.raw`(?:[\p{L}-]+\s+)?(?:city|town|village|port|resort)\s+of\s+`;
/** "… in the port city of Durrës": the city named, known or not. */
const CITY_NAMED = new RegExp(String.raw`\bin\s+the\s+${AS_A_CITY}(\p{Lu}[\p{L}'’-]*(?:\s+\p{Lu}[\p{L}'’-]*)?)`, 'u');
/** "… in Belgrade", "… in the port city of Durrës": right before a place the text puts something in. */
const IN_PLACE = new RegExp(String.raw`\bin\s+(?:the\s+)?(?:${AS_A_CITY})?$`, 'u');

/**
 * Words before "in" that say where someone lives or works, not where the event was — and where a mission is:
 * "… President of Vanuatu, the Embassy of Kazakhstan in Canberra reports" (the ceremony was in Port Vila).
 */
const RESIDES_IN =
  /\b(?:(?:residence|resident|residing|resides|resided|lives|based|stationed|headquartered|seated)\s+in|(?:Embassy|Consulate(?:\s+General)?|Mission|Permanent\s+Mission|Office)\s+of\s+(?:the\s+)?\p{Lu}[\p{L}'’-]*(?:\s+\p{Lu}[\p{L}'’-]*){0,3}\s+in)\s+(?:the\s+)?$/u;

/** "… in the City of San Marino": a city-state's city, written with its country's name. */
const CITY_OF_WORDS = /\bin\s+the\s+City\s+of\s+/;
const CITY_OF = new RegExp(`${CITY_OF_WORDS.source}$`);
/** "… capital Ashgabat" after a country's name or demonym: the capital is named next. */
const CAPITAL_NAMED_AFTER = /^(?:['’]s)?\s+capital(?:\s+city)?,?\s+\p{Lu}/u;
/** "… gathered in the Turkmen capital Ashgabat", "in Turkmenistan's capital, Ashgabat": the city named after its capital. */
const IN_THE_CAPITAL = /\bin\s+(?:the\s+)?(?:\p{Lu}[\p{L}-]*(?:['’]s)?\s+)?capital(?:\s+city)?,?\s+(?:of\s+\p{Lu}[\p{L}-]*,?\s+)?$/u;

/** "during his visit to Geneva" — or a city or country the first sentence names after "in". */
function placeOf(first: Sentence, resolver: EntityResolver): string | undefined {
  // (An official name goes on after "of": "the People's Democratic Republic of Algeria".)
  const visit =
    /\bvisit(?:ed)?\s+to\s+((?:the\s+)?\p{Lu}[\p{L}'’-]*(?:\s+\p{Lu}[\p{L}'’-]*){0,2}(?:\s+of\s+(?:the\s+)?\p{Lu}[\p{L}'’-]*(?:\s+\p{Lu}[\p{L}'’-]*)?)?)/u.exec(
      first.text,
    );
  const placeTypes: EntityType[] = ['place', 'country'];
  if (visit) {
    const words = visit[1]!.replace(/^the\s+/, '');
    const at = visit.index + visit[0].length - words.length;
    const named = first.mentions.find((m) => placeTypes.includes(m.type) && (m.text === words || m.start === at));
    if (named) return named.entity;
    const known = resolver.lookup(words, placeTypes);
    if (known) return known;
    // ("held talks in Belgrade … during his first visit to the Balkans": a city it names beats a region nobody knows.)
    const inCity = namedIn(first);
    if (inCity) return inCity;
    if (!resolver.lookup(words)) {
      return resolver.define({ type: 'place', name: words, aliases: [], demonyms: [], caseSensitive: [], why: `“${visit[0]}” in ¶${first.paragraph}` });
    }
  }
  const named = namedIn(first);
  if (named) return named;
  // ("… in the port city of Durrës": named as a city, known or not.)
  const city = CITY_NAMED.exec(first.text);
  if (!city) return undefined;
  return (
    resolver.lookup(city[1]!, placeTypes) ??
    resolver.define({ type: 'place', name: city[1]!, aliases: [], demonyms: [], caseSensitive: [], why: `“${city[0]}” in ¶${first.paragraph}` })
  );
}

/** The city or country the first sentence names after "in" ("held talks in Belgrade"), or as the host of the event. */
function namedIn(first: Sentence): string | undefined {
  const placeTypes: EntityType[] = ['place', 'country'];
  // (Not where someone lives: "Ambassador … with residence in Ankara" was received in Astana.)
  for (const m of first.mentions) {
    const before = first.text.slice(0, m.start);
    // ("in the Turkmen capital Ashgabat": the city, not the country whose capital it is.)
    if (CAPITAL_NAMED_AFTER.test(first.text.slice(m.end))) continue;
    // ("… on Thursday in the port city of Durrës": the city named as one.)
    if (placeTypes.includes(m.type) && (IN_PLACE.test(before) || CITY_OF.test(before) || IN_THE_CAPITAL.test(before)) && !RESIDES_IN.test(before))
      return m.entity;
    // "On 27–28 May, Astana hosted the 9th meeting of …": the city that hosted it.
    if (m.type === 'place' && /^\s+(?:hosted|played host to)\b/.test(first.text.slice(m.end))) return m.entity;
  }
  return undefined;
}

/** The first sentence, shortened: the principal's name without the long title, no "… reports" tail. */
function shortTitle(first: Sentence | undefined, principal: PersonMention | undefined, max = 110): string {
  if (!first) return 'untitled release';
  let text = first.text;
  if (principal && first.people.includes(principal) && principal.quoteStart === 0 && principal.titled) {
    // "Kazakhstan’s Minister of Foreign Affairs, Yermek Kosherbayev, met …" → "Yermek Kosherbayev met …"
    text = first.text.slice(principal.start).replace(/^([^,]{3,60}), (?=(?:met|held|received|visited|took|signed|attended|spoke|said)\b)/u, '$1 ');
  }
  text = text.replace(/,?\s+(?:the )?press service of .*$/i, '').replace(/[.!]$/, '');
  if (text.length <= max) return text;
  const cut = text.slice(0, max);
  return `${cut.slice(0, Math.max(cut.lastIndexOf(' '), max / 2)).replace(/[,;:]$/, '')}…`;
}

/** "press service of the Kazakh MFA reports" → "Press service of the Kazakh MFA". */
function sourceOf(paragraphs: readonly string[]): string | undefined {
  for (const p of paragraphs) {
    const m =
      /\b((?:the )?press (?:service|office) of (?:the )?[^,.;]+?)\s+(?:reports?|said|informs?|announced|told)\b/i.exec(p) ??
      /\b(?:according to|reports|citing) (the press (?:service|office) of [^,.;]+)/i.exec(p) ??
      /\bciting (?:the )?(\p{Lu}[^,.;]{2,60}?['’]s press (?:service|office))/u.exec(p);
    if (m) {
      const s = m[1]!.replace(/^the\s+/i, '');
      return s[0]!.toUpperCase() + s.slice(1);
    }
  }
  return undefined;
}

// ── meetings ──────────────────────────────────────────────────────────────────

/**
 * The one foreign country whose delegation the release receives: "a delegation of the Parliament of Finland"
 * (the country after any "of": the parliament may be a drafted organization of its own).
 */
function visitingDelegation(sentences: readonly Sentence[], resolver: EntityResolver, home: string | undefined): { country: string; why: string } | undefined {
  const countries = new Set<string>();
  for (const s of sentences) {
    for (const phrase of s.text.matchAll(/\bdelegation of (?:the )?[^.,;]*/gi)) {
      for (const of of phrase[0].matchAll(/\bof (?:the )?/g)) {
        const rest = phrase[0].slice(of.index! + of[0].length);
        const country = resolver.mentions(rest, true).find((m) => m.start === 0 && m.type === 'country');
        if (country && country.entity !== home) countries.add(country.entity);
      }
    }
  }
  const [country] = countries;
  return countries.size === 1 ? { country: country!, why: "the visiting delegation's" } : undefined;
}

/** "… received a delegation of Latvian business leaders": a delegation of guests, whoever leads it. */
const RECEIVED_DELEGATION = /\b(?:received|welcomed|hosted|met(?: with)?)\s+(?:a|the)\s+(?:[\p{L}-]+\s+){0,3}?delegation\b/iu;

/** Lists of who was there: "Also present at the meeting was …", "Those present included …", "The heads of delegations were: …", "attended by …". */
const PRESENT =
  /\b(?:(?:delegation|side)\b[^.;:]{0,60}?\b(?:also )?(?:included|comprised|consisted of):?|(?:delegation|side) (?:was|were) (?:led|headed) by|also present(?: at [^,.;]*?)? (?:was|were)|(?:those )?present (?:were|included)|(?:the )?heads of (?:the )?delegations (?:were|included):?|(?:the )?participants (?:were|included):?|(?:who|that) (?:presented|handed over|handed) (?:their |the )?(?:credentials|letters of credence)[^.;:]{0,40}? (?:were|included):?|(?:was|were|and) attended(?:, on the [A-Za-z-]+ side,)? by|(?:was|were) chaired by|(?:was|were) accompanied by|(?:also )?taking part(?: in [^,.;:]*?)? (?:was|were):?|among (?:those present|the participants) (?:was|were)|took part(?: as well| too)?:|brought together(?: the following)?(?: delegations| participants)?:)\s+/i;
/**
 * A sentence that only leads in to a list of who was there, in the paragraph after it: PRESENT's words and a colon
 * ("The participants were:"), or "The delegations were headed by:".
 */
function leadsInToList(s: Sentence): boolean {
  if (s.people.length || !/:\s*$/.test(s.text)) return false;
  return PRESENT.test(`${s.text} `) || /\bdelegations (?:were|was) (?:headed|led) by:\s*$/i.test(s.text);
}

/**
 * The heads of each side: "The Kazakh delegation was led by X, and the Japanese side by Y", "The Argentine
 * delegation was headed by Y" — each with the country its side is named by.
 */
function sideHeads(s: Sentence): { person: string; country: string }[] {
  const heads: { person: string; country: string }[] = [];
  // (And "Kazakhstan was represented by X, Uzbekistan by Y, and Turkmenistan by Z": each by its country.)
  for (const m of s.text.matchAll(/\b(?:(?:delegation|side)\s+)?(?:(?:was|were)\s+)?(?:led|headed|represented)?\s*by\s+/gi)) {
    // "… and the Japanese side by Y" leaves out the verb a clause before it said ("was led by"); "attended … by" is another thing.
    if (!/\b(?:led|headed|represented)\b/i.test(s.text.slice(0, m.index! + m[0].length))) continue;
    const at = m.index! + m[0].length;
    const country = s.mentions.filter((x) => x.type === 'country' && x.end <= m.index! && m.index! - x.end <= 2).pop();
    const person = s.people.find((p) => p.quoteStart >= at && /^(?:the\s+)?$/i.test(s.text.slice(at, p.quoteStart)));
    if (country && person) heads.push({ person: person.person, country: country.entity });
  }
  // (In the active too: "Foreign Secretary X led the Bangladesh side from Dhaka, while …".)
  for (const p of s.people) {
    const m = /^,?\s+(?:led|headed)\s+the\s+(?:[\p{L}-]+\s+){1,2}?(?:side|delegation)\b/iu.exec(s.text.slice(p.quoteEnd));
    const country = m ? s.mentions.find((x) => x.type === 'country' && x.start >= p.quoteEnd && x.end <= p.quoteEnd + m[0].length) : undefined;
    if (country && !heads.some((h) => h.person === p.person)) heads.push({ person: p.person, country: country.entity });
  }
  return heads;
}

/** A paragraph that goes on about the meeting before it: "He also …", "The minister …". */
const CONTINUES =
  /^(?:(?:moreover|additionally|furthermore|also|in addition|in this regard|in turn),\s*)?(?:he|she|the minister|also present|the (?:[\p{L}-]+ )?delegation)\b/iu;

interface Intro {
  with: string[];
  quote: string;
  /** Where the words after the meeting's introduction start ("At the meeting with X, |…"). */
  bodyStart: number;
  group?: string;
}

/**
 * "With the Latvian diplomat, he discussed …": the one person of that country the release has named
 * (not the principal) is who the sentence is about.
 */
function demonymIntro(s: Sentence, named: readonly string[], resolver: EntityResolver, principal: string | undefined): Intro | undefined {
  const opening = /^\s*with (?:the |his |her )?/i.exec(s.text);
  const country = opening ? s.mentions.find((m) => m.start === opening[0].length && m.type === 'country') : undefined;
  if (!country) return undefined;
  const of = named.filter((id) => id !== principal && resolver.entity(id)?.country === country.entity);
  if (of.length !== 1) return undefined;
  const comma = s.text.indexOf(',', country.end);
  if (comma < 0 || comma - country.end > 40) return undefined;
  return { with: of, quote: s.text.slice(0, comma).trim(), bodyStart: comma + 1 };
}

/**
 * "The Lao minister was received by <the visitor>": the one person of that country the release has named
 * is who the visitor met.
 */
function guestIntro(s: Sentence, named: readonly string[], resolver: EntityResolver, principal: string | undefined): Intro | undefined {
  const host = s.people.find((p) => p.person === principal);
  if (!host) return undefined;
  const lead =
    /^\s*(?:the\s+)?(\S+)\s+(?:minister|guest|delegation|official|diplomat|ambassador|envoy|visitor)\s+(?:was\s+)?(?:received|welcomed|hosted|met)\s+(?:by\s+|with\s+)?/iu.exec(
      s.text.slice(0, host.quoteStart),
    );
  if (!lead || lead.index + lead[0].length !== host.quoteStart) return passiveGuest(s, host, principal);
  const country = resolver.mentions(lead[1]!, false).find((m) => m.type === 'country')?.entity;
  const of = country ? named.filter((id) => id !== principal && resolver.entity(id)?.country === country) : [];
  if (of.length !== 1) return undefined;
  return { with: of, quote: s.text.slice(0, host.quoteEnd).trim(), bodyStart: host.quoteEnd };
}

/** "…, who is on an official visit to Kazakhstan, was received today by": a guest's clause, then the passive before the host. */
const RECEIVED_BY =
  /^(?:,[^.;]{1,160}?,)?\s+(?:was|were)\s+(?:(?:today|yesterday|on\s+\p{Lu}\p{Ll}+(?:\s+\d{1,2})?)\s+)?(?:received|welcomed|hosted|greeted)\s+(?:(?:today|yesterday|on\s+\p{Lu}\p{Ll}+(?:\s+\d{1,2})?)\s+)?by\s+(?:the\s+)?$/u;

/** "The Secretary General of ECO, Ambassador X, …, was received today by <the visitor's host>": X was met. */
function passiveGuest(s: Sentence, host: PersonMention, principal: string | undefined): Intro | undefined {
  const guest = s.people.find((p) => p.person !== principal && p.quoteEnd <= host.quoteStart);
  if (!guest || !RECEIVED_BY.test(s.text.slice(guest.quoteEnd, host.quoteStart))) return undefined;
  return { with: [guest.person], quote: s.text.slice(0, host.quoteEnd).trim(), bodyStart: host.quoteEnd };
}

/** Offices a paragraph may name a counterpart by, and how a title shows each. */
const ROLES: readonly { said: RegExp; title: RegExp }[] = [
  { said: /\bforeign ministers?\b/i, title: /\bforeign (?:affairs|minister)\b/i },
  { said: /\bprime ministers?\b|\bpremier\b/i, title: /\bprime minister\b/i },
  { said: /\bspeakers?\b/i, title: /\bspeaker\b|\bchairman of the (?:senate|mazhilis|parliament|national assembly)\b/i },
  { said: /\bpresidents?\b/i, title: /^president\b/i },
];

/**
 * The one other meeting of the release whose counterpart a sentence's first clause names by office ("During the
 * talks between the two foreign ministers, …"), when the current meeting's counterpart does not hold it.
 */
function meetingByRole(s: Sentence, meetings: readonly DraftMeeting[], resolver: EntityResolver, current: DraftMeeting | undefined): DraftMeeting | undefined {
  if (s.people.length) return undefined;
  const clause = s.text.split(/[,;:]/)[0] ?? '';
  const holds = (m: DraftMeeting, title: RegExp) => m.with.length === 1 && title.test(resolver.entity(m.with[0]!)?.title ?? '');
  for (const role of ROLES) {
    if (!role.said.test(clause)) continue;
    if (current && holds(current, role.title)) return undefined;
    const held = meetings.filter((m) => holds(m, role.title));
    return held.length === 1 ? held[0] : undefined;
  }
  return undefined;
}

/** "…, who also received the Kazakh minister," / "…, who met him later that day,": a relative clause after a name. */
const WHO_RECEIVED =
  /^,?\s+who\s+(?:(?:also|later|then|separately)\s+)?(?:received|met(?:\s+with)?|hosted|welcomed|held talks with)\s+(?:(the\s+(?:[\p{L}-]+\s+){0,2}(?:minister|guest|visitor|delegation|diplomat|envoy|official)|him|her)\b)?/iu;

/** "Prime Minister Viktor Orbán, who also received the Kazakh minister, focused on …": whoever received the visitor was met. */
function whoReceivedIntro(s: Sentence, principal: string | undefined): Intro | undefined {
  for (const p of s.people) {
    if (p.person === principal) continue;
    const m = WHO_RECEIVED.exec(s.text.slice(p.quoteEnd));
    if (!m) continue;
    const at = p.quoteEnd + m[0].length;
    if (m[1] === undefined && !s.people.some((q) => q.person === principal && q.quoteStart === at)) continue;
    const comma = s.text.indexOf(',', at);
    const end = comma < 0 ? s.text.length : comma;
    return { with: [p.person], quote: s.text.slice(0, end).trim(), bodyStart: comma < 0 ? end : comma + 1 };
  }
  return undefined;
}

function meetingIntro(s: Sentence, principal: string | undefined): Intro | undefined {
  const others = s.people.filter((p) => p.person !== principal);
  if (!others.length) return undefined;
  const cues: { end: number }[] = [];
  for (const re of [MEETING_WITH, MEETING_VERB, AT_INVITATION, HELD_TALKS_WITH]) for (const m of s.text.matchAll(re)) cues.push({ end: m.index + m[0].length });
  // "At the invitation of <the visitor's host>, <guest> paid an official visit …": the guest comes after the host.
  for (const m of s.text.matchAll(AT_INVITATION)) {
    const host = s.people.find((p) => p.person === principal && p.quoteStart === m.index + m[0].length);
    const comma = host ? /^,\s*/.exec(s.text.slice(host.quoteEnd)) : null;
    if (host && comma) cues.push({ end: host.quoteEnd + comma[0].length });
  }
  // "Temirbolatov and Kertész discussed …": the principal and one other, together the subject.
  const lead = s.people[0];
  const partner = s.people[1];
  // ("Bakayev and the Permanent Secretary of …, Ambassador X, held the first round of consultations": a title between.)
  if (
    lead &&
    partner &&
    lead.person === principal &&
    partner.person !== principal &&
    /^\s+and\s+(?:the\s+)?$/.test(s.text.slice(lead.end, partner.quoteStart))
  ) {
    if (PAIR_VERB.test(s.text.slice(partner.quoteEnd))) cues.push({ end: partner.quoteStart });
  }
  const opening = MEETING_WITH_OPENING.exec(s.text);
  if (opening) cues.push({ end: opening.index + opening[0].length });
  cues.sort((a, b) => a.end - b.end);
  for (const cue of cues) {
    // "He said he would travel on to Moscow for talks with Lavrov": talks to come are no meeting.
    if (TO_COME_BEFORE.test(s.text.slice(Math.max(0, cue.end - 90), cue.end))) continue;
    const firstAfter = others.find((p) => p.quoteStart >= cue.end && CUE_TO_NAME.test(s.text.slice(cue.end, p.quoteStart)));
    if (!firstAfter) continue;
    let withPeople: PersonMention[];
    if (firstAfter.group) withPeople = others.filter((p) => p.group === firstAfter.group);
    else {
      // Everyone named in the same clause: "the meeting with X and Y, …", and a list of people that goes on
      // after it: "meetings with A, B and C", "with A, as well as B".
      let last = firstAfter;
      for (const p of others.filter((o) => o.quoteStart > firstAfter.quoteStart && !o.group)) {
        if (
          // (A list with semicolons, an apposition after a name: "with A, the Chairperson-in-Office of the OSCE; B; and C".)
          // (And one meeting after another: "held talks with A, called on B and …".)
          !/^(?:,\s*the\s[^,;.]{1,80})?(?:,\s*(?:and\s+)?(?:also\s+)?(?:called on|met(?: with)?|held talks with|had talks with)\s+|;\s*(?:and\s+)?|,\s*(?:and(?: with)?\s+|as well as(?: with)?\s+)?|\s+and(?: with)?\s+|,?\s+as well as(?: with)?\s+)(?:\p{Lu}[\p{L}-]*\s+by\s+)?(?:the\s+)?$/u.test(
            s.text.slice(last.quoteEnd, p.quoteStart),
          )
        )
          break;
        last = p;
      }
      const clauseEnd = s.text.slice(last.quoteEnd).search(/[,;.]/);
      const end = clauseEnd < 0 ? s.text.length : last.quoteEnd + clauseEnd;
      withPeople = others.filter((p) => p.quoteStart >= cue.end && p.quoteEnd <= end && !p.group);
    }
    // "As part of the visit, Iohannis also met with X": the guest's own meeting — the guest was at it too.
    const subject = s.people[0];
    const guestMet = subject && subject.person !== principal && subject.quoteEnd <= cue.end && !s.people.some((p) => p.person === principal);
    const ids = [...new Set([...(guestMet ? [subject.person] : []), ...withPeople.map((p) => p.person)])];
    const quoteEnd = Math.max(...withPeople.map((p) => p.quoteEnd));
    const rest = s.text.slice(quoteEnd);
    const bodyStart = rest.startsWith(', ') ? quoteEnd + 2 : quoteEnd;
    return { with: ids, quote: s.text.slice(0, quoteEnd).trim(), bodyStart, ...(firstAfter.group ? { group: firstAfter.group } : {}) };
  }
  // "Chinese Vice Foreign Minister Liu Jianmin met with Rauan Zhakupov, …": the guest of the release is the one met.
  // ("… received his Kazakh counterpart Yermek Kosherbayev": so is a counterpart.)
  const host = s.people.find((p) => p.person === principal);
  if (host) {
    for (const m of [...s.text.matchAll(MEETING_VERB), ...s.text.matchAll(HELD_TALKS_WITH)]) {
      // ("… held talks today with the Foreign Minister of Kazakhstan, Mukhtar Tileuberdi": a day and "with" between;
      // "… held official talks on Tuesday with visiting Kazakh Foreign Minister X".)
      if (
        !/^(?:(?:today|yesterday)\s+)?(?:(?:on|in)\s+[\p{L}\d ]{1,30}?\s+)?(?:with\s+)?(?:the\s+)?(?:(?:his|her|their)\s+)?(?:visiting\s+)?$/u.test(
          s.text.slice(m.index + m[0].length, host.quoteStart),
        )
      )
        continue;
      const subject = others.filter((p) => p.quoteEnd <= m.index && /^\s*$/.test(s.text.slice(p.quoteEnd, m.index))).pop();
      if (subject) return { with: [subject.person], quote: s.text.slice(0, host.quoteEnd).trim(), bodyStart: host.quoteEnd };
    }
  }
  return undefined;
}

/** Words that put what follows them in the future, with no meeting verb of the past after them. */
const TO_COME_BEFORE =
  /\b(?:will|would|shall|plans? to|planned to|intends? to|is to|are to|(?:is|are|was|were) (?:scheduled|expected|due) to)\b(?![^.;]*\b(?:held|met|had|received|took place)\b)[^.;]*$/i;

/** A meeting opened with an office and no name after it: "… also met with the Minister of Natural Resources of Guyana". */
const MEETS_CAPITALIZED =
  /\b(?:met(?: with)?|held (?:a |an )?(?:meeting|talks|conversation) with|had talks with|was received by)\s+(?:the\s+)?((?:\p{Lu}[\p{L}-]*\s+){0,2}\p{Lu}[\p{L}-]*)/u;

/** …or as one side of a conversation: "In a separate meeting, Vassilenko and the Minister of Tourism of Belize talked about …". */
const AND_THE_OFFICE_TALKED =
  /\band\s+the\s+((?:\p{Lu}[\p{L}-]*\s+){0,2}\p{Lu}[\p{L}-]*)\b[^.;]*?\b(?:talked|discussed|exchanged|held talks|reviewed|considered)\b/u;

function meetsUnnamed(s: Sentence): boolean {
  return [MEETS_CAPITALIZED, AND_THE_OFFICE_TALKED].some((pattern) => {
    const m = pattern.exec(s.text);
    return m !== null && hasTitleHead(m[1]!) && !s.people.some((p) => p.quoteStart >= m.index);
  });
}

/** Whether words name a person: their name, surname or title ("the OPEC Secretary General"). */
function heldBy(person: { name: string; title?: string } | undefined, words: string): boolean {
  if (!person) return false;
  const said = ` ${normalize(words)} `;
  return [person.name, person.title ?? '', person.name.split(/\s+/).pop() ?? ''].some((form) => form.length > 2 && said.includes(` ${normalize(form)} `));
}

function meetingId(intro: Intro, meetings: DraftMeeting[], s: Sentence): string {
  let base = intro.with.length === 1 ? intro.with[0]! : intro.group ? slug(intro.group) : `${intro.with[0]}-and-others`;
  if (!base) base = `meeting-${s.paragraph}`;
  let id = base;
  for (let n = 2; meetings.some((m) => m.id === id); n++) id = `${base}-${n}`;
  return id;
}

// ── facts ─────────────────────────────────────────────────────────────────────

interface FactContext {
  intro: Intro | undefined;
  principal: string | undefined;
  lastActor: string | undefined;
  /** The release's date (YYYY-MM-DD); unknown for an undated release. */
  date?: string;
  resolver: EntityResolver;
}

/** A sentence about what is to come: a day it names before the release's own falls in the next year. */
const FUTURE = /\b(?:will|shall|to be held|to hold|agreed to|plans?|planned|scheduled|upcoming|next)\b/i;

// "18 April", "April 18–19", "on September 22", "July this year", "May next year", "March 2024".
const WHEN = new RegExp(
  `\\b(?:(\\d{1,2})(?:[–-]\\d{1,2})? )?(${MONTHS_EN.join('|')})(?: (\\d{1,2})(?:[–-](\\d{1,2}))?\\b,?)?(?: (\\d{4})| (this|next|last) year)?\\b`,
);

/** The facts one sentence reports, and who acts in it (for a following "He …"). */
function factsOf(s: Sentence, ctx: FactContext): { facts: DraftFact[]; actor?: string } {
  const text = s.text;
  // (", the press service … said" right after the meeting's introduction leaves no body at all.)
  const body = `, ${ctx.intro ? text.slice(ctx.intro.bodyStart) : text}`.replace(REPORT_TAIL, '').slice(2);
  const bodyOffset = ctx.intro ? ctx.intro.bodyStart : 0;
  const sources = [{ paragraph: s.paragraph, quote: text }];

  // Lists of topics: "X, Y, as well as Z were discussed", "discussed X, Y", "informed … about X", "there was noted X".
  const list = listOf(body);
  if (list) {
    const items = splitItems(list.text);
    if (items.length) {
      const facts = items.map((item): DraftFact => {
        const kind: FactKind = list.noted ? (/\bvisit\b/i.test(item) ? 'visit' : 'assessment') : /\binitiative\b/i.test(item) ? 'initiative' : 'topic';
        const extra = kind === 'topic' || kind === 'assessment' ? {} : whenWhere(item, ctx);
        return { kind, label: labelOf(item), ...extra, sources };
      });
      return { facts };
    }
  }

  // One fact: the earliest telling verb.
  let best: { kind: FactKind; index: number } | undefined;
  for (const { kind, pattern } of FACT_VERBS) {
    const m = pattern.exec(body);
    if (m && (!best || m.index < best.index)) best = { kind, index: m.index };
  }
  if (!best) return { facts: [] };
  const subject = body.slice(0, best.index);
  const actor = actorOf(s, subject, bodyOffset, ctx);
  // "A and B signed …": the body after the pair is only a verb phrase; the sentence says who did it.
  const said = PAIR_VERB.test(body) ? text.replace(REPORT_TAIL, '') : body;
  let label = said.replace(LEADING_CONNECTIVE, '').replace(/[.!]$/, '');
  if (actor && /^(?:he|she)\b/i.test(label)) label = label.replace(/^(?:he|she)\b/i, ctx.resolver.entity(actor)?.name ?? actor);
  const withActor = best.kind === 'agreement' || best.kind === 'cooperation' ? {} : actor ? { actor } : {};
  const extra = best.kind === 'invitation' ? whenWhere(body, ctx) : {};
  return { facts: [{ kind: best.kind, label: capitalize(label), ...withActor, ...extra, sources }], ...(actor ? { actor } : {}) };
}

/** "… talks with X on Y": a meeting's subject right after whom it was with — not a day, nor "on the sidelines". */
const TALKS_ON = new RegExp(
  `^\\s*on\\s+(?!\\d|(?:${MONTHS_EN.join('|')})\\b|the\\s+(?:sidelines|margins|occasion|eve|phone|telephone|same day|next day|basis)\\b|behalf\\b)`,
  'i',
);

function listOf(body: string): { text: string; noted: boolean } | undefined {
  const passive = LIST_VERBS_PASSIVE.exec(body);
  if (passive && !/[;]/.test(body.slice(0, passive.index))) return { text: body.slice(0, passive.index), noted: false };
  const noted = NOTED_LIST.exec(body);
  if (noted) return { text: body.slice(noted.index + noted[0].length), noted: true };
  // ("… held a separate conversation with X on the expansion of the rail crossing and on wheat flour": what it was on.)
  const informed = /^about\s+/i.exec(body) ?? TALKS_ON.exec(body) ?? INFORMED_ABOUT.exec(body);
  if (informed) return { text: body.slice(informed.index + informed[0].length), noted: false };
  const active = LIST_VERBS_ACTIVE.exec(body);
  if (active && !/\bthat\b/.test(body.slice(active.index, active.index + active[0].length + 5))) {
    return { text: body.slice(active.index + active[0].length), noted: false };
  }
  return undefined;
}

/** "A, B, as well as C" → [A, B, C]; ", including …" and other dependent clauses stay with their item. */
function splitItems(list: string): string[] {
  const pieces = list.replace(/[.!]$/, '').split(/,\s+as well as\s+|\s+as well as\s+|;\s+|,\s+/);
  const items: string[] = [];
  for (let piece of pieces) {
    piece = piece.trim();
    if (!piece) continue;
    const dependent =
      /^(?:including|in particular|such as|especially|notably|which|that|who|whose|where|when|while|in|on|at|from|to|for|within|among|with|by|as|scheduled|held)\b/i.test(
        piece,
      );
    if ((dependent || piece.split(/\s+/).length < 2) && items.length) items[items.length - 1] += `, ${piece}`;
    else items.push(piece.replace(/^and\s+/i, ''));
  }
  return items.filter((i) => i.split(/\s+/).length >= 2);
}

function labelOf(item: string): string {
  return capitalize(item.replace(/^(?:the|a|an)\s+/i, '').replace(/[.!]$/, ''));
}

function capitalize(text: string): string {
  return text ? text[0]!.toUpperCase() + text.slice(1) : text;
}

/** Who does what the sentence says: a person named before the verb, "the Minister" (the principal), or "he" (the last actor). */
function actorOf(s: Sentence, subject: string, offset: number, ctx: FactContext): string | undefined {
  const named = s.people.find((p) => p.start >= offset && p.end <= offset + subject.length);
  if (named) return named.person;
  const bare = subject.replace(LEADING_CONNECTIVE, '').trim();
  if (/^(?:he|she)\b/i.test(bare)) return ctx.lastActor;
  if (ctx.principal && /^(?:the\s+)?(?:\p{Lu}\p{L}+\s+)?(?:foreign\s+)?minister\b/iu.test(bare)) return ctx.principal;
  return undefined;
}

/** `when` ("July this year" → "July 2024") and `where` (a place or country after "in" / "to"). */
function whenWhere(item: string, ctx: FactContext): { when?: string; where?: string } {
  const out: { when?: string; where?: string } = {};
  const w = WHEN.exec(item);
  if (w) {
    const [, day, month, day2, , year, relative] = w;
    // A year the text leaves out is the release's (relative to it for "next year"); unknown for an undated release.
    // "The next round will be held on 14 February" in a release of 30 September: February of the next year.
    const d = day ?? day2;
    let base = ctx.date ? Number(ctx.date.slice(0, 4)) : undefined;
    const monthDay = d ? `${String(monthNumber(month!)).padStart(2, '0')}-${d.padStart(2, '0')}` : undefined;
    if (base !== undefined && !relative && monthDay && monthDay < ctx.date!.slice(5) && FUTURE.test(item)) base++;
    const y = year ?? (base === undefined ? undefined : String(relative === 'next' ? base + 1 : relative === 'last' ? base - 1 : base));
    if (d || year || relative) {
      out.when = [d, month, y].filter(Boolean).join(' ');
      if (d && y && !parseDate(out.when)) delete out.when;
    }
  }
  const mentions = ctx.resolver.mentions(item, true);
  const place = mentions.find((m) => (m.type === 'place' || m.type === 'country') && /\b(?:in|to)\s+(?:the\s+)?$/.test(item.slice(0, m.start)));
  if (place) out.where = place.entity;
  return out;
}
