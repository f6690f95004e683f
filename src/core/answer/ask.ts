/**
 * ask: a free-text question in English or simple Russian → a short direct answer with the
 * release's sentences, or an honest "the release doesn't say".
 *
 * One pipeline: the reader turns the question into a frame (read/read.ts); what the frame names
 * that the knowledge lacks is an abstention; the frame's scope picks the releases; then one
 * template per kind of question (ANSWER_BY_KIND) answers from the curated facts, and the
 * releases' own sentences answer what no fact covers.
 */
import type { Engine } from '../engine';
import type { Fact, Meeting, Source } from '../knowledge/types';
import { REMOTE_MEETING } from '../text/remote';
import { LEXICON, type Group, type Intent } from '../lexicon/lexicon';
import { read, type Frame } from '../read/read';
import { type Lang, scene, STRINGS } from '../strings';
import { isCyrillic, stem, tokenize } from '../text/normalize';
import { linkExact } from '../search/link';
import { dateMatches } from '../search/dates';
import { tokenSpans, tokensOf, type Token } from '../search/tokens';
import { answered, notFound, type Answer } from './answer';
import { holdersOf, holdsRole, titlesHoldRole } from './roles';
import { allCounterparts, entity, factsIn, meetingsWith, mentionSources, nameOf, nameWithTitle, peopleOf, personLine, releaseOf, visitWords } from './people';
import { factsOf, meetingTopics, visitTopics } from './topics';
import { whoMet } from './who-met';
import { counterpartsIn, GROUP_STEMS, inGroup, meetingsIn, namedPeople, quoteList, scopeOf, type Context } from './ask-context';
import {
  actionKinds,
  counterpartsOf,
  factNames,
  factStatesAsked,
  figureOfOtherYear,
  matchingFacts,
  otherFactHalves,
  rankFacts,
  strictCues,
  termCoverage,
} from './fact-match';
import { releaseDate, releasePlace, releaseSource, releasesInScope } from './release-meta';
import { attributeAnswer } from './attribute';
import { presentNotMet, unnamedMet, withUnnamed } from './unnamed';
import { polarAnswer } from './polarity';
import { summaryAnswer } from './summary';
import { factsAnswer } from './facts-answer';
import {
  holdsWordsAsked,
  meetingParagraphs,
  namesAnyOf,
  sceneText,
  sceneStems,
  sentenceAnswer,
  sentencesOf,
  sentencesStating,
  withResponses,
} from './sentences';

/** Longer questions are refused, not truncated: a cut question may mean something else. */
export const MAX_QUESTION_LENGTH = 500;

export function ask(engine: Engine, question: string, spellAcronyms = true): Answer {
  const text = question.trim();
  const a = read(text.slice(0, MAX_QUESTION_LENGTH), engine.index);
  const lang = a.lang;
  const S = STRINGS[lang];
  if (!text) return notFound(S.emptyQuestion, lang);
  if (text.length > MAX_QUESTION_LENGTH) return notFound(S.questionTooLong(MAX_QUESTION_LENGTH), lang);
  // "tl;dr tashkent nwfz consultations": a word nobody knows may be chat's acronym of a phrase the release writes out.
  const spelled = spellAcronyms && a.unknownWords.length ? withAcronymsSpelled(engine, a, text) : undefined;
  if (spelled) return ask(engine, spelled, false);
  // A country, organization or city no release names: "WTO" is not "WHO", "Tashkent" is not Almaty.
  if (a.unknownNames.length) return notFound(S.notMentioned(quoteList(a.unknownNames, lang)), lang);

  const principals = engine.index.principals;
  const specific = [...new Set(a.links.map((l) => l.entity).filter((id) => !principals.has(id)))];
  if (unknownSubject(a, specific.length)) return notFound(S.releaseSilentAbout(quoteList(a.unknownWords, lang)), lang);
  const releases = scopeOf(engine, a);
  if (!releases)
    return notFound(
      S.releaseSilentAbout(
        quoteList(
          a.dates.map((d) => d.text),
          lang,
        ),
      ),
      lang,
    );
  // "The kz–mexico videoconference was done by Nurtleu, right?" of Kosherbayev's call: the one visit the rest names was
  // someone else's — no, and whose.
  if (a.ask === 'yesno' && releases.size === 0) {
    const whose = anotherVisitor(engine, a);
    if (whose) return whose;
  }
  // People of what the question names, as far as the releases asked about introduce them.
  const inScope = (p: string): boolean => releases === engine.index.releaseIds || introducedIn(engine, p, releases);
  // "Did Bakayev meet the President of Türkiye in Istanbul?": someone the releases asked about never introduce.
  const absent = specific.filter((id) => engine.index.persons.has(id) && !inScope(id));
  // ("Did Aebischer meet President Tokayev?": one of two named people the release never names is enough.)
  const absentByName = absent.filter((id) => a.links.some((l) => l.entity === id && l.role !== 'title'));
  if (absent.length && (absent.length === specific.filter((id) => engine.index.persons.has(id)).length || (a.ask === 'yesno' && absentByName.length))) {
    return notFound(
      S.notMentioned(
        quoteList(
          absent.map((id) => nameOf(engine, id)),
          lang,
        ),
      ),
      lang,
    );
  }
  // (Not the people of where a role's holder serves: "who did the kazakh ambassador to italy meet in milan?" asks no Italian.)
  const servedAt = new Set(a.roles.flatMap((r) => (r.to ? [r.to] : [])));
  let people = [...new Set(specific.filter((id) => !servedAt.has(id)).flatMap((id) => peopleOf(engine, id)))].filter(inScope);
  // "The Turkish foreign minister", "Kazakhstan's foreign minister": of that country's people, those
  // who hold the role; none in the releases asked about means the release does not mention one.
  for (const { role, of } of a.roles) {
    // A role of no country named ("which deputy FM went to Manila?"): its holders in the releases asked about, if any.
    if (of === '') {
      if (releases === engine.index.releaseIds) continue;
      const holders = [...new Set(engine.knowledge.mentions.filter((m) => releases.has(m.release)).map((m) => m.person))].filter((p) =>
        holdsRole(engine, p, role),
      );
      if (holders.length) people = [...new Set([...people, ...holders])];
      // "What's the name of the PM who received him?": a role nobody in these releases holds, asked for by name.
      else if (a.ask === 'who' || a.intents.has('identity')) return notFound(S.notMentioned(quoteList([role], lang)), lang);
      // "He gave his credentials to PM Mottley in Bridgetown, right?": no one holds it there — who was met instead corrects it.
      else if (a.ask === 'yesno' && a.tagged && releases.size <= 3) {
        const met = [
          ...new Set(
            allCounterparts(engine)
              .filter((c) => releases.has(c.meeting.release))
              .map((c) => c.person),
          ),
        ].slice(0, 4);
        if (met.length) return peopleInstead(engine, S.notThatRoleHere(role), met, releases, lang);
      }
      continue;
    }
    const matched = peopleOf(engine, of).filter((p) => holdsRole(engine, p, role) && inScope(p));
    // A release that names the office and no one in it: asked who holds it, the release gives no name ("what's the
    // name of the Somali FM he met?"); asked something else, the release answers ("who initiated the call with the
    // Haitian foreign minister?").
    // (The question's words beside the role say which office: "the Mauritian minister of financial services".)
    const titled = (stems: ReadonlySet<string>) => a.roleQualifiers.length > 0 && a.roleQualifiers.every((q) => stems.has(q));
    const namedOnlyByOffice = (qualified: boolean) =>
      unnamedMet(engine, releases).find(
        (u) => titlesHoldRole([u.office], role) && namesAnyOf(engine, u.office, [of]) && (!qualified || titled(new Set(tokensOf(u.office).map((t) => t.stem)))),
      );
    const office = matched.length ? undefined : namedOnlyByOffice(false);
    if (office && (a.asksName || a.intents.has('identity') || (a.ask === 'who' && !a.attribute))) return notFound(S.noNameGiven(office.office), lang);
    if (office) continue;
    // …and so is one whose words no one the release names holds, written only as an office: not the foreign minister
    // it does name.
    const otherOffice =
      a.ask === 'who' && !a.attribute && matched.length && !matched.some((p) => titled(titleStemsOf(engine, p))) ? namedOnlyByOffice(true) : undefined;
    if (otherOffice) return notFound(S.noNameGiven(otherOffice.office), lang);
    // "He was received by Timor-Leste's prime minister, right?": the people of that country the release does name
    // correct it. (Not "did he meet the Tajik FM?": a meeting the release does not report is not denied.)
    // (Only where the release never writes the office: "the Vietnamese President welcomed …" is that office, unnamed.)
    const instead = matched.length === 0 && a.tagged && !writesOffice(engine, releases, role, of) ? namedOf(engine, of, releases) : [];
    if (instead.length) return peopleInstead(engine, S.notThatRole(role, nameOf(engine, of)), instead, releases, lang);
    if (matched.length === 0) return notFound(S.notMentioned(quoteList([role], lang)), lang);
    // A title that says the role beats one that is its shorthand: Nepal's foreign minister, not its Foreign Secretary
    // (a civil servant there; the UK's is the minister).
    const literal = matched.filter((p) => holdsRole(engine, p, role, false));
    const holders = literal.length ? literal : matched;
    people = [...new Set([...people.filter((p) => !peopleOf(engine, of).includes(p)), ...holders])];
  }
  // "Which of Kazakhstan's deputy FMs held consultations in Suriname?": the office asked for is who is asked; the
  // country named besides says where, not whose people.
  const askedRoles = a.roles.filter((r) => r.asked);
  // (Those named by name stay: "which trinidad minister did serikbay meet …" asks whom Serikbay met.)
  const askedHolders = askedRoles.length ? holdersOf(engine, people, askedRoles) : [];
  const byName = new Set(a.links.filter((l) => l.role === 'name').map((l) => l.entity));
  if (askedHolders.length) people = people.filter((p) => askedHolders.includes(p) || byName.has(p));
  // "The Philippine agriculture secretary": when the question's words are all in the titles of some of these
  // people, they say which of them is meant — and are not also what is asked about (two words at least:
  // one, "secretary", is anyone's title).
  // ("Which areas did the Finnish MPs discuss?": "members", "parliament" say who; "areas" is what is asked.)
  let titleWords: ReadonlySet<string> = new Set();
  // (Worked out only when a question may name people by their titles: a country's people may be hundreds.)
  const titleStems =
    (a.terms.length >= 2 || a.others) && people.length
      ? new Map(people.map((p) => [p, titleStemsOf(engine, p)] as const))
      : new Map<string, ReadonlySet<string>>();
  if (people.length >= 1 && a.terms.length >= 2) {
    const inTitles = a.terms.filter((t) => people.some((p) => titleStems.get(p)!.has(t)));
    const titled = people.filter((p) => inTitles.every((t) => titleStems.get(p)!.has(t)));
    if (inTitles.length >= 2 && titled.length) {
      if (titled.length < people.length) people = titled;
      titleWords = new Set(inTitles);
    }
  }
  // "Who else was at the meeting with the Thai Senate President?": the title's words say whom the others were with.
  if (a.others && people.length && titleWords.size === 0) {
    titleWords = new Set(a.terms.filter((t) => [...titleStems.values()].some((stems) => stems.has(t))));
  }
  // "What did he discuss during his visit to Manama?": a visit to a city none of these releases took place in
  // (a phone call's release names Manama; no visit there).
  if (a.intents.has('visit') && a.ask !== 'yesno' && releases !== engine.index.releaseIds) {
    const cities = [...new Set(a.links.map((l) => l.entity))].filter((id) => entity(engine, id)?.type === 'place');
    // (A release with no place may have been anywhere — unless it reports a call or a video conference. One placed in a
    // country was in the cities its text names: "visit to the Togolese Republic … In Lomé, Nurtleu held talks".)
    const inItsCountry = (r: { id: string; place?: string }): boolean =>
      entity(engine, r.place ?? '')?.type === 'country' && cities.some((c) => engine.index.releasesNamingEntity.get(c)?.has(r.id));
    const hosted = (): boolean =>
      [...releases].some((id) => {
        const r = engine.knowledge.releases.get(id);
        return r !== undefined && (r.place === undefined ? !REMOTE_MEETING.test(r.paragraphs[0] ?? '') : cities.includes(r.place) || inItsCountry(r));
      });
    const visitThere = (): boolean =>
      (engine.index.factsByKind.get('visit') ?? []).some((id) => {
        const f = engine.knowledge.facts.get(id);
        return f !== undefined && releases.has(f.release) && cities.includes(f.where ?? '');
      });
    if (cities.length && !hosted() && !visitThere())
      return notFound(
        S.noVisitTo(
          quoteList(
            cities.map((id) => nameOf(engine, id)),
            lang,
          ),
        ),
        lang,
      );
  }
  // (The group word once: "which organizations organized the forum?" still asks who *organized* it — the same stem.)
  const terms = (a.group ? a.terms.filter((t, i) => !GROUP_STEMS.has(t) || a.terms.indexOf(t) !== i) : [...a.terms]).filter((t) => !titleWords.has(t));
  const ctx: Context = { engine, a, lang, S, specific, people, terms, group: a.group, releases };
  // "Did he sign a memorandum with the Czech senators?", "did he also visit Fujian?": the releases asked about never say it.
  // (Only of an action asked: "KZ-Greece trade is 1.9 billion euros, right?" proposes a value the text may correct.)
  if (
    a.ask === 'yesno' &&
    (a.cues.length || a.intents.has('visit')) &&
    releases !== engine.index.releaseIds &&
    terms.some((t) => !saidIn(engine, t, releases))
  ) {
    return notFound(S.releaseSilent, lang);
  }
  // "What time…", "how much money…", "which university…": only a fact that states it answers.
  const answer = kindAnswer(ctx);
  // "What's the name of the trade minister who joined the call?": only a name answers it.
  return answer.status === 'answered' && a.asksName && !givesAName(ctx, answer) ? notFound(S.releaseSilent, lang) : answer;
}

/** A quote of an undated release that gives no year either. */
function yearless(engine: Engine, x: Source): boolean {
  return !engine.knowledge.releases.get(x.release)?.date && !/\b(?:19|20)\d\d\b/.test(x.quote);
}

/** The answer of the question's kind, from the context the question has been narrowed to. */
function kindAnswer(ctx: Context): Answer {
  const { engine, a, lang, S, releases } = ctx;
  // The year is the release's date, when it has one: only an undated release makes it an attribute to look for.
  const yearKnown = a.attribute === 'year' && [...releases].some((id) => engine.knowledge.releases.get(id)?.date);
  if (a.attribute && a.ask !== 'summary' && !yearKnown) {
    const found = attributeAnswer(ctx);
    const heads = found.status === 'not_found' && a.attribute === 'heads' ? sideHead(ctx) : undefined;
    return heads ? describePeople(ctx, [heads]) : found;
  }
  // "What's the name of Ecuador's ambassador who met him?" asks who holds the role.
  const answer = ANSWER_BY_KIND[a.asksName && a.ask === 'what' && a.roleWords.length ? 'who' : a.ask](ctx);
  // "What year do the visa changes take effect?" of a release with no year ("on 1 March"): it does not say.
  if (a.attribute === 'year' && answer?.status === 'answered' && answer.sources.length && answer.sources.every((x) => yearless(engine, x)))
    return notFound(S.releaseSilent, lang);
  // An answer must speak to the question's subject words; one about the right people but not about
  // what was asked ("whose anniversaries…" → who the Academy's president is) gives way to the text's.
  // (Words of the one visit's scene need not be in it: "who did he meet at the SCO council?", "who was in the
  // Kazakh delegation at the OSCE ministerial?")
  const ofTheScene = ((a.asksCounterpart && !a.others) || (a.accompany && a.delegationOf !== undefined)) && sceneOnly(ctx);
  // ("Name of the kz deputy fm in the qamar power talks?": the other words say which; the office's holder is what is asked.)
  // (An office of a country named: of no country, "which dfm welcomed them at the airport?", it could be anyone's.)
  const ofTheOffice = a.asksName && a.roles.length > 0 && a.roles.every((r) => r.of !== '') && (answer?.about?.length ?? 0) > 0;
  // "Did cargo grow 86% last year?": a number put for confirmation is answered by a sentence that gives one.
  const proposesNumber = a.ask === 'yesno' && a.proposed.numbers.some((n) => n.length > 1);
  const inText = (): Answer | undefined =>
    (proposesNumber ? sentenceAnswer(ctx, ctx.releases, undefined, (text) => STANDALONE_NUMBER.test(text)) : undefined) ?? sentenceAnswer(ctx);
  // Asked who, the people the question names by name are no answer (unless who they are is asked, or their office): "whose
  // letter did Umarov hand to Aleinik?" is not Aleinik — the text may say whose; "who's going to replace Valenzuela?".
  const named = namedPeople(ctx);
  const onlyNamed = (x: Answer): boolean =>
    a.ask === 'who' &&
    !a.intents.has('identity') &&
    ctx.terms.length > 0 &&
    (x.about?.length ?? 0) > 0 &&
    x.about!.every((p) => named.includes(p) && !holdsWordsAsked(ctx, p));
  if (answer?.status === 'answered' && onlyNamed(answer)) return inText() ?? notFound(S.releaseSilent, lang);
  // (Nor, of one visit, need its kind: "what did the King discuss after the credentials ceremony?")
  if (answer?.status === 'answered' && !speaksTo(answer, beyondTheScene(ctx)) && !ofTheScene && !ofTheOffice) {
    const said = inText();
    // "Who else did he meet on the sidelines, apart from Cormann?": a sentence about those the question names
    // ("on the sidelines, he held talks with Cormann") is not about the others asked for.
    // (Nor is one about the visitor the "else" is beside: "who else was at the Almaty forum?" — "Issetov accepted …".)
    const visitors = [...releases].flatMap((id) => engine.knowledge.releases.get(id)?.principal ?? []);
    if (said && a.others && !said.sources.some((x) => namesSomeoneElse(ctx, x.quote, visitors))) return answer;
    // (Nor whoever holds an office of nobody named, where nothing says they did what is asked: "which dfm welcomed them
    // at the airport?")
    if (!said && a.ask === 'who' && a.roles.length && a.roles.every((r) => r.of === '')) return notFound(S.releaseSilent, lang);
    return said ?? answer;
  }
  if (answer) return answer;
  const said = inText();
  // "Did they sign an agreement on the platform?": a sentence about the platform that states no signing
  // (it was only proposed) is no yes: the release does not say they did — and what it does say.
  // (An action only a sentence that says it states — "signed" — is what must be said, not the kind: "agreement".)
  const needed = strictCues(a).length ? strictCues(a) : a.cues;
  if (said && a.ask === 'yesno' && needed.length && !said.sources.some((x) => statesAction(x.quote, needed))) {
    return silentButSays(ctx, said);
  }
  return said ?? notFound(S.releaseSilent, lang);
}

/**
 * Whether an answer gives a name: it describes someone the question doesn't name, or a quote names someone right
 * after the words asked about ("… Permanent Representative to the WTO Nurlan Sarsenov") — not a title that goes
 * on without one ("the Minister of Trade and Integration and the Vice Minister of Agriculture").
 */
function givesAName(ctx: Context, answer: Answer): boolean {
  // (Named: by name — the one a title names is the answer: "what's the name of the Lao foreign minister?")
  const named = new Set(ctx.a.links.filter((l) => l.role !== 'title' && ctx.engine.index.persons.has(l.entity)).map((l) => l.entity));
  const someone = (ids: readonly string[]) => ids.some((id) => ctx.engine.index.persons.has(id) && !named.has(id));
  // (Described: someone whose title has the words asked — "the tourism minister" is none of three others present.)
  const titled = (id: string) => {
    const stems = new Set(tokensOf(entity(ctx.engine, id)?.title ?? '').map((t) => t.stem));
    return ctx.a.roleQualifiers.every((term) => stems.has(term));
  };
  if ('people' in answer || someone((answer.about ?? []).filter(titled))) return true; // (who-met lists are of people)
  // "With Elnur Gasimzade (Azerbaijani Foreign Minister): …": the answer's own words name them.
  if (someone(peopleByName(ctx, tokensOf([answer.summary, ...answer.items].join(' '))).filter(titled))) return true;
  return answer.sources.some(({ quote }) => {
    const spans = tokenSpans(quote);
    // Every word of the title asked about, then a name: "the Minister of Trade and Integration" is not "the World
    // Trade Organization's Director-General". (No word asked about: anyone it names.)
    if (!ctx.terms.every((term) => spans.some((t) => t.stem === term))) return false;
    const last = spans.findLastIndex((t) => ctx.terms.includes(t.stem));
    const from = last < 0 ? 0 : spans[last]!.end;
    const rest = quote.slice(from);
    const clauseEnd = last < 0 ? quote.length : from + (/[.;]|\s(?:and|as well as)\s/.exec(rest)?.index ?? rest.length);
    const window = spans.slice(last + 1).filter((t) => t.end <= clauseEnd);
    return someone(peopleByName(ctx, window));
  });
}

/** The people some words name by name (a title, "the Deputy Minister of Foreign Affairs", may be anyone's). */
function peopleByName(ctx: Context, tokens: readonly Token[]): string[] {
  return linkExact(tokens, ctx.engine.index.formTable)
    .filter((l) => l.role === 'name' && ctx.engine.index.persons.has(l.entity))
    .map((l) => l.entity);
}

/** Whether a text names a person the question does not (nor one of `besides`). */
function namesSomeoneElse(ctx: Context, text: string, besides: readonly string[] = []): boolean {
  const named = new Set([...namedPeople(ctx), ...besides]);
  return peopleByName(ctx, tokensOf(text)).some((id) => !named.has(id));
}

/** A person's title words, as stems. */
function titleStemsOf(engine: Engine, person: string): ReadonlySet<string> {
  const e = entity(engine, person);
  return new Set(tokensOf([e?.title ?? '', ...(e?.titles ?? [])].join(' ')).map((t) => t.stem));
}

/** The one release the question names besides its visitor, when another visitor's: "No." — whose it was, in its opening words. */
function anotherVisitor(engine: Engine, a: Frame): Answer | undefined {
  const visitors = [
    ...new Set(a.links.filter((l) => l.role !== 'title' && engine.index.principals.has(l.entity) && engine.index.persons.has(l.entity)).map((l) => l.entity)),
  ];
  if (visitors.length !== 1) return undefined;
  const others = scopeOf(engine, { ...a, links: a.links.filter((l) => l.entity !== visitors[0]) });
  if (!others || others.size !== 1 || others === engine.index.releaseIds) return undefined;
  const release = engine.knowledge.releases.get([...others][0]!);
  const opening = release ? sentencesOf(release)[0]?.[0] : undefined;
  if (!release?.principal || release.principal === visitors[0] || !opening) return undefined;
  // (Only a release that names all else the question names, and does not introduce the visitor asked about: Nurtleu at
  // Tokayev's talks with the Greek minister was there.)
  const names = (id: string) => release.place === id || (engine.index.releasesNamingEntity.get(id)?.has(release.id) ?? false);
  const introduced = engine.knowledge.mentions.some((m) => m.release === release.id && m.person === visitors[0]);
  if (introduced || !a.links.every((l) => l.entity === visitors[0] || names(l.entity))) return undefined;
  return answered(`${STRINGS[a.lang].noBut} ${personLine(engine, release.principal)}`, [], [{ release: release.id, paragraph: 1, quote: opening }], a.lang);
}

/** "The release doesn't say. What it says: …": no yes, and what the text does say about it. */
function silentButSays(ctx: Context, said: Pick<Answer, 'items' | 'sources'>): Answer {
  // "They signed the visa deal, right?" — a draft still: and what the release says was signed.
  const strict = strictCues(ctx.a);
  const quoted = new Set(said.sources.map((x) => x.quote));
  const done = strict.length
    ? sentencesStating(ctx.engine, new Set(said.sources.map((x) => x.release)), (text) => !quoted.has(text) && statesAction(text, strict), 2)
    : [];
  return answered(`${ctx.S.releaseSilent} ${ctx.S.whatItSays}`, said.items, [...said.sources, ...done], ctx.lang);
}

/** Whether any sentence of these releases holds the word (a stem), or a phrase the shorthand reads as it ("set up"). */
function saidIn(engine: Engine, term: string, releases: ReadonlySet<string>): boolean {
  return [[term], ...(SHORTHAND_SOURCES.get(term) ?? [])].some((words) => engine.index.sentences.search(words, { combineWith: 'AND', releases }).length > 0);
}

/** The shorthand read backwards: a stem → the phrases (as stems) that users type for it ("establish" ← "set up"). */
const SHORTHAND_SOURCES = (() => {
  const out = new Map<string, string[][]>();
  for (const [from, to] of LEXICON.shorthand) {
    const target = tokenize(to).map((w) => stem(w));
    if (target.length !== 1) continue;
    const list = out.get(target[0]!) ?? [];
    list.push(tokenize(from).map((w) => stem(w)));
    out.set(target[0]!, list);
  }
  return out;
})();

/** Whether a quote holds one of the question's action words (stems: "sign", "agre"). */
function statesAction(quote: string, cues: readonly string[]): boolean {
  const stems = new Set(tokensOf(quote).map((t) => t.stem));
  return cues.some((c) => stems.has(c));
}

/** Whether an answer's words carry more than half of the question's subject words (stems), or the one there is. */
function speaksTo(answer: Answer, terms: readonly string[]): boolean {
  if (terms.length === 0) return true;
  const text = [answer.summary, ...answer.items, ...answer.sources.map((s) => s.quote)].join(' ');
  const stems = new Set(tokensOf(text).map((t) => t.stem));
  return terms.filter((t) => stems.has(t)).length * 2 > terms.length;
}

/**
 * A word no release uses, where the subject goes, means the release is silent on it. Counting needs
 * every word understood ("How many people live in Almaty?" is not "how many were met"). With nothing
 * named, the words the release uses must outnumber those it doesn't. A summary is of everything:
 * only an unknown subject ("summarize the talks about oil") stops it.
 */
function unknownSubject(a: Frame, named: number): boolean {
  // ("He gave his credentials to PM Mottley, right?": the role proposed is checked, the name nobody knows is no subject.)
  const proposed = a.tagged && a.ask === 'yesno' ? a.unknownWords.filter((w) => !a.strangersAfterRoles.includes(w)) : a.unknownWords;
  if (proposed.length === 0) return false;
  if (a.unknownIsSubject) return true;
  if (a.ask === 'summary') return false;
  // (Besides its subject, a Russian word the lexicon cannot put in English says nothing of the English text:
  // "вывезли", "спецрейсом".)
  const unknown = a.lang === 'ru' ? proposed.filter((w) => !isCyrillic(w)) : proposed;
  if (unknown.length === 0) return false;
  const outnumbered = named === 0 ? unknown.length >= a.terms.length : unknown.length > a.terms.length + named;
  return a.ask === 'count' || outnumbered;
}

/** A number of its own — not one inside a name ("C5+1", "G20"). */
const STANDALONE_NUMBER = /(?<![\p{L}\d+])\d[\d.,]*(?![\p{L}\d+])/u;

/** Up to this many releases asked about are searched for the phrase an acronym stands for: more, and it is too loose. */
const MAX_ACRONYM_RELEASES = 50;

/** The question with each unknown word that is the initials of words a release asked about writes ("nwfz" — "Nuclear-Weapon-Free Zone") written out. */
function withAcronymsSpelled(engine: Engine, a: Frame, question: string): string | undefined {
  const acronyms = a.unknownWords.filter((w) => /^[a-z]{3,6}$/.test(w));
  if (acronyms.length === 0) return undefined;
  const releases = scopeOf(engine, a);
  if (!releases || releases.size > MAX_ACRONYM_RELEASES) return undefined;
  let text = question;
  for (const acronym of acronyms) {
    const phrase = phraseOfInitials(engine, releases, acronym);
    if (phrase) text = text.replace(new RegExp(`(?<!\\p{L})${acronym}(?!\\p{L})`, 'giu'), phrase);
  }
  return text === question ? undefined : text;
}

/** The first run of words in these releases whose initials spell the acronym: content words of three letters or more. */
function phraseOfInitials(engine: Engine, releases: ReadonlySet<string>, acronym: string): string | undefined {
  for (const id of releases) {
    for (const paragraph of engine.knowledge.releases.get(id)?.paragraphs ?? []) {
      const words = paragraph.split(/[^\p{L}]+/u).filter(Boolean);
      for (let i = 0; i + acronym.length <= words.length; i++) {
        const run = words.slice(i, i + acronym.length);
        if (run.every((w, k) => w.length >= 3 && w[0]!.toLowerCase() === acronym[k] && !LEXICON.stopwords.has(w.toLowerCase()))) return run.join(' ');
      }
    }
  }
  return undefined;
}

/** "No: the release names no <role> …": the people it names instead, each quoted where these releases introduce them. */
function peopleInstead(engine: Engine, summary: string, people: readonly string[], releases: ReadonlySet<string>, lang: Lang): Answer {
  const sources = people.flatMap((p) =>
    mentionSources(engine, p)
      .filter((x) => releases.has(x.release))
      .slice(0, 1),
  );
  return answered(
    summary,
    people.map((p) => personLine(engine, p)),
    sources,
    lang,
  );
}

/** Whether a few releases write an office of a country in some sentence ("the President of Vietnam"); many: assume so. */
function writesOffice(engine: Engine, releases: ReadonlySet<string>, role: string, of: string): boolean {
  if (releases.size > 3) return true;
  return [...releases].some((id) => {
    const release = engine.knowledge.releases.get(id);
    return !!release && sentencesOf(release).some((p) => p.some((x) => titlesHoldRole([x], role) && namesAnyOf(engine, x, [of])));
  });
}

/** The people of a country or organization these releases report meetings with — or, if none, introduce. */
function namedOf(engine: Engine, of: string, releases: ReadonlySet<string>): string[] {
  const theirs = new Set(peopleOf(engine, of));
  const met = [
    ...new Set(
      allCounterparts(engine)
        .filter((c) => releases.has(c.meeting.release) && theirs.has(c.person))
        .map((c) => c.person),
    ),
  ];
  const introduced = [...theirs].filter((p) => (engine.index.mentionsByPerson.get(p) ?? []).some((m) => releases.has(m.release)));
  return (met.length ? met : introduced).slice(0, 4);
}

/** Whether one of these releases introduces the person or reports a meeting with them. */
function introducedIn(engine: Engine, person: string, releases: ReadonlySet<string>): boolean {
  return (
    (engine.index.mentionsByPerson.get(person) ?? []).some((m) => releases.has(m.release)) || meetingsWith(engine, person).some((m) => releases.has(m.release))
  );
}

/** One template per kind of question: each reads the frame and the retrieved facts, nothing else. */
const ANSWER_BY_KIND: Record<Frame['ask'], (ctx: Context) => Answer | undefined> = {
  summary: summaryAnswer,
  who: whoAnswer,
  when: whenAnswer,
  where: whereAnswer,
  count: countAnswer,
  yesno: yesNoAnswer,
  what: whatAnswer,
  bare: whatAnswer,
};

function sourceAnswer(ctx: Context): Answer | undefined {
  // "Which ministry reported this?": words of the source line itself do not make it another question.
  if (ctx.a.intents.has('source') && ctx.a.ask !== 'when' && ctx.specific.length === 0 && ctx.terms.every((t) => ctx.engine.index.sourceStems.has(t))) {
    return releaseSource(ctx);
  }
  return undefined;
}

// ── who ────────────────────────────────────────────────────────────────────

function whoAnswer(ctx: Context): Answer | undefined {
  const { a, engine } = ctx;
  const source = sourceAnswer(ctx);
  if (source) return source;
  const asksAboutMeeting = a.asksCounterpart;
  // "Who received the UAE President's envoy?": whoever met them — the host, not the envoy's side.
  if (a.asksHost && ctx.people.length) {
    const met = [...new Set(ctx.people.flatMap((p) => meetingsIn(ctx, p)))];
    // "Who hosted the working breakfast for the Kazakh FM?": the visitor is the guest — the host is whom they met
    // there, the meeting whose words say the scene asked.
    if (met.length === 0 && ctx.terms.length) {
      const visits = [...ctx.releases].filter((id) => ctx.people.includes(releaseOf(engine, id)?.principal ?? ''));
      const theirs = visits.flatMap((id) => engine.index.meetingsByRelease.get(id) ?? []);
      met.push(...theirs.filter((m) => m.sources.some((x) => tokensOf(x.quote).some((t) => ctx.terms.includes(t.stem)))));
    }
    if (met.length) {
      const lines = met.map((m) => metLine(ctx, m, m.with.map((p) => nameOf(engine, p)).join(', ')));
      return answered(
        lines[0]!,
        lines.slice(1),
        met.flatMap((m) => m.sources),
        ctx.lang,
      );
    }
  }
  // "Who will replace Vollmer?": someone related to a named person in a way no release words is not that person
  // (English words in lower case: a leftover of a name, transliterated or capitalized, is no relation).
  if (a.unknownWords.length && a.unknownWords.every((w) => /^[a-z]+$/.test(w)) && ctx.terms.length === 0 && !a.others && namedPeople(ctx).length) {
    return notFound(ctx.S.releaseSilentAbout(quoteList(a.unknownWords, ctx.lang)), ctx.lang);
  }
  // "Who was in the Kazakh delegation to Algeria?", "Who else was in the Czech delegation?": that country's side.
  const side = a.accompany && a.delegationOf && entity(engine, a.delegationOf)?.type === 'country' ? delegation(ctx, a.delegationOf) : undefined;
  if (side) return side;
  const roster = attendees(ctx);
  if (roster) return roster;
  // "Who from the MFA attended the farewell meeting?": the people there of that organization (or country), on one or two
  // visits. (Not "who else …, incl. anyone from the MFA": everyone else there.)
  const members = a.memberOf && !a.others && ctx.releases.size <= 2 ? membersAt(ctx, a.memberOf) : [];
  if (members.length) return describePeople(ctx, members);
  // (Nobody of that body among the people there is not everyone there, nor the sentence that lists them beside it:
  // "who represented the World Bank at the Aral meeting?" of "attended by … Orazbay and by representatives of the World Bank".)
  // (A sentence that names someone who may be of it answers: "Serik Tokhtarov of the MFA's multilateral department".)
  // (Of a country alike: "who represented Kyrgyzstan at the side event?" of "delegations of Kyrgyzstan, Tajikistan … took part".)
  const bodyType = a.memberOf ? entity(engine, a.memberOf)?.type : undefined;
  if (a.memberOf && !a.others && ctx.releases.size <= 2 && (bodyType === 'organization' || bodyType === 'country')) {
    const body = a.memberOf;
    const bodyOf = (p: string): string | undefined => (bodyType === 'country' ? entity(engine, p)?.country : entity(engine, p)?.organization);
    // (Named beside it — "Director … of the MFA Serik Tokhtarov" — and of no other body.)
    const mayBeOfIt = (quote: string): boolean => {
      const links = linkExact(tokensOf(quote), engine.index.formTable);
      const bodies = links.filter((l) => l.entity === body);
      return links.some(
        (l) =>
          l.role === 'name' &&
          engine.index.persons.has(l.entity) &&
          [undefined, body].includes(bodyOf(l.entity)) &&
          bodies.some((b) => Math.max(b.start - l.end, l.start - b.end) <= MEMBER_NEAR),
      );
    };
    const said = sentenceAnswer(ctx);
    return said?.sources.some((x) => mayBeOfIt(x.quote)) ? said : notFound(ctx.S.releaseSilent, ctx.lang);
  }
  // "Besides the foreign minister, which Algerian leaders did he meet?": that country's people he met, less the roles named.
  // ("Who else took part from the Kazakh side?": the side's people there, less the visitor.)
  const ofCountry = a.peopleOfCountry ?? a.memberOf;
  if (a.others && ofCountry && entity(engine, ofCountry)?.type === 'country') {
    const met = [...new Set(counterpartsIn(ctx).map((c) => c.person))].filter(
      (p) => entity(engine, p)?.country === ofCountry && !namedPeople(ctx).some((n) => n === p && a.links.some((l) => l.entity === n && l.role !== 'title')),
    );
    const rest = met.filter((p) => !a.roleWords.some((role) => holdsRole(engine, p, role)));
    if (rest.length) return describePeople(ctx, rest);
  }
  // "Who else attended the meeting with the Academy's president?": the others at their meetings.
  if (a.others && ctx.people.length) {
    // (The visitor's "others" are everyone met on their visits: "who else did Abilkassymov meet?")
    const visits = [...new Set([...ctx.people, ...namedPeople(ctx)])]
      .flatMap((p) => [...(engine.index.releasesByPrincipal.get(p) ?? [])])
      .filter((id) => ctx.releases.has(id));
    const visitMeetings = visits.length ? counterpartsIn({ ...ctx, releases: new Set(visits) }).map((c) => c.meeting) : [];
    // (Less those the question names, by name or by role — not everyone of an organization it names: "of the OECD
    // ministerial" names no one.)
    // ("Besides the king, who did the ambassador meet in Bhutan?": the king and the ambassador, not the Prime Minister
    // the country's name brings along.)
    const asked = new Set([...namedPeople(ctx), ...(a.roles.length ? ctx.people.filter((p) => a.roleWords.some((role) => holdsRole(engine, p, role))) : [])]);
    const theirMeetings = [...ctx.people.flatMap((p) => meetingsIn(ctx, p)), ...visitMeetings];
    // (And those the text says were there who met no one: "the meeting was also attended by Director … Seitkali".)
    // (Their visits too, met no one or not: "the forum was also attended by the Vice Minister of Energy".)
    const there = new Set([...theirMeetings.map((m) => m.release), ...visits]);
    const others = [...new Set([...theirMeetings.flatMap((m) => m.with), ...presentNotMet(engine, there)])].filter((p) => !asked.has(p));
    // (With those the release names only by office: "he also met with the Secretary of State for Industry".)
    const unnamed = unnamedMet(engine, there);
    if (others.length || unnamed.length) return withUnnamed(others.length ? describePeople(ctx, others) : undefined, unnamed, ctx.lang);
    // Nobody else at their meetings: not the people the question already names — a fact or the text may say who else.
    const facts = matchingFacts(ctx);
    return (facts.length ? whoOfFacts(ctx, facts) : sentenceAnswer(ctx)) ?? notFound(ctx.S.releaseSilent, ctx.lang);
  }
  // "С кем встретился генконсул в Хайкоу?": whom, where — nobody named, only places: everyone met there.
  if (
    asksAboutMeeting &&
    ctx.people.length === 0 &&
    ctx.terms.length === 0 &&
    ctx.specific.length &&
    ctx.specific.every((id) => ['place', 'country'].includes(entity(engine, id)?.type ?? ''))
  ) {
    const met = everyoneMet(ctx);
    if (met) return met;
  }
  // "Who came with the Cambodian FM?": that person's side. (None of it drafted: the text may still list them —
  // "accompanied by …". A country's delegation is its people, which the answers below list.)
  // ("Which deputy FM tagged along with Nurtleu?": the one named is whom they went with, the role is who is asked;
  // "which vice minister of transport came along?", no one named: the role's holder.)
  const goneWith = [...new Set(a.links.filter((l) => l.role === 'name' && engine.index.persons.has(l.entity)).map((l) => l.entity))];
  const asked = ctx.people.filter((p) => !goneWith.includes(p));
  const roleAsked = a.roles.every((r) => r.of === '') && asked.length > 0;
  if (a.accompany && goneWith.length && roleAsked) {
    const withThem = companions(ctx, goneWith, asked);
    if (withThem) return withThem;
  }
  if (a.accompany && !goneWith.length && roleAsked && a.roles.length + a.links.filter((l) => l.role === 'title').length > 0) return describePeople(ctx, asked);
  const leads = a.roles.length ? ctx.people : namedPeople(ctx);
  if (a.accompany && leads.length) return companions(ctx, leads) ?? sentenceAnswer(ctx) ?? notFound(ctx.S.releaseSilent, ctx.lang);
  // "Kazakhstan's foreign minister in the Rome release": the role's holders are the answer.
  if (a.roles.length && ctx.people.length && !asksAboutMeeting) {
    const described = describePeople(ctx, ctx.people);
    // ("… – who, and who did he thank?": the second question is the action's, in the sentences that state it.)
    const said = a.compound && a.cues.length ? sentenceAnswer(ctx) : undefined;
    return said ? answered(described.summary, described.items, [...described.sources, ...said.sources], ctx.lang) : described;
  }
  // "Who is the Director General of WIPO?", "Which minister represented Indonesia?"
  // (Not where nobody of the body asked is among them: "who represented India at the ACD meeting in Kuwait?" is not the
  // ACD's Secretary General.)
  const ofTheBody = (p: string): boolean => [entity(engine, p)?.country, entity(engine, p)?.organization].includes(a.memberOf);
  if (a.memberOf && ctx.people.length && !ctx.people.some(ofTheBody) && ctx.terms.length === 0 && !asksAboutAction(ctx))
    return sentenceAnswer(ctx) ?? notFound(ctx.S.releaseSilent, ctx.lang);
  if (ctx.people.length && ctx.terms.length === 0 && !asksAboutAction(ctx)) {
    const met = ctx.people.filter((p) => meetingsIn(ctx, p).length);
    // "Who did the Kazakh ambassador to Italy meet in Milan?": the role's holder is the visitor — whom they met.
    // (Their visits through the index's list: filtering every release here cost 10,000 look-ups a question.)
    if (asksAboutMeeting && met.length === 0) {
      const visits = ctx.people.flatMap((p) => [...(engine.index.releasesByPrincipal.get(p) ?? [])]).filter((id) => ctx.releases.has(id));
      const theirs = visits.length ? everyoneMet({ ...ctx, releases: new Set(visits) }) : undefined;
      if (theirs) return theirs;
    }
    if (!asksAboutMeeting || met.length === 0) return describePeople(ctx, ctx.people);
    // (With those their releases name only by office: "and with Panama's Minister of Commerce and Industries".)
    const releases = new Set(met.flatMap((p) => meetingsIn(ctx, p)).map((m) => m.release));
    return withUnnamed(describePeople(ctx, met), unnamedMet(engine, releases), ctx.lang);
  }
  // "Who did he see in Geneva?": everyone (of the group asked for) — unless a date says which of them
  // ("which head of an organization visited Kazakhstan in October 2023?").
  if (ctx.terms.length === 0 && ctx.specific.length === 0) {
    const named = namedPeople(ctx);
    // "Who is Nurtleu?" — not "who signed the documents with her?", an action with someone else.
    if (named.length && !asksAboutMeeting && !asksAboutAction(ctx)) return describePeople(ctx, named);
    const dated = a.dates.length ? matchingFacts(ctx) : [];
    if (dated.length) return factsAnswer(ctx, dated);
    if (ctx.group) return groupAnswer(ctx);
    if (asksAboutMeeting) return everyoneMet(ctx);
  }
  // "Who did he meet bilaterally at the SCO council in Bishkek?": the question has narrowed it to one visit, and
  // its other words are that visit's scene (its headline or opening paragraph says them): everyone met there.
  // ("Who initiated the phone call …?" asks who did something, not whom he met.)
  // (Narrowed by a place or a person too: "who did bakaev meet on the sidelines of the luanda forum?")
  if (asksAboutMeeting && !a.others && ctx.terms.length && a.links.length && !asksAboutAction(ctx) && sceneOnly(ctx)) {
    const met = everyoneMet(ctx);
    if (met) return met;
  }
  // "Who did the kz ambassador meet at the krg trade ministry?": the role's holder is the visitor; of those met on their
  // visits, the ones whose titles hold most of the question's other words.
  if (asksAboutMeeting && !a.others && a.roles.length && a.roles.every((r) => !r.asked) && ctx.terms.length && ctx.people.length && !asksAboutAction(ctx)) {
    const visits = new Set(ctx.people.flatMap((p) => [...(engine.index.releasesByPrincipal.get(p) ?? [])]).filter((id) => ctx.releases.has(id)));
    const met = [...new Set(counterpartsIn({ ...ctx, releases: visits }).map((c) => c.person))].filter((p) => !ctx.people.includes(p));
    // (An office's word says more than another word: "the hormozgan governor general" is the Governor General, not the
    // Director General of Hormozgan's ports.)
    const offices = a.roleWords.filter((w) => !a.roles.some((r) => r.role === w)).flatMap((w) => tokensOf(w).map((t) => t.stem));
    const held = (p: string) => {
      const stems = titleStemsOf(engine, p);
      return ctx.terms.filter((t) => stems.has(t)).length + 2 * offices.filter((t) => stems.has(t)).length;
    };
    const most = Math.max(0, ...met.map(held));
    const titled = most > 0 ? met.filter((p) => held(p) === most) : [];
    if (titled.length) return describePeople(ctx, titled);
  }
  // "Which Barbados minister did the ambassador meet the same day as the credentials ceremony?": the holders of the
  // country's role asked who were met — the rest of the question says when, not who.
  if (asksAboutMeeting && !a.others && a.roles.length && a.roles.every((r) => r.of !== '') && !asksAboutAction(ctx)) {
    const met = ctx.people.filter((p) => meetingsIn(ctx, p).length);
    if (met.length) return describeMet(ctx, met);
  }
  // "The japanese guy at the consultations, who was he?" (no role asked: "кто из заместителей …"): of one visit, its words only its scene — that country’s
  // people there, those met first.
  if (
    ctx.people.length &&
    ctx.terms.length &&
    !asksAboutMeeting &&
    !a.asksHost &&
    a.roleWords.length === 0 &&
    !a.others &&
    !asksAboutAction(ctx) &&
    sceneOnly(ctx)
  ) {
    const met = ctx.people.filter((p) => meetingsIn(ctx, p).length);
    if (met.length) return describeMet(ctx, met);
  }
  // "Who did he talk to about primary health care?", "Who conveyed the invitation?"
  const facts = matchingFacts(ctx);
  if (facts.length) return whoOfFacts(ctx, facts);
  // "Whose anniversaries will the Academy mark?": words no fact carries; the text may name them.
  // "At whose invitation did he visit Budapest?": an action no fact carries; the text may say who —
  // in a sentence that says the action ("Who initiated the call?" is not answered by the call itself).
  if (ctx.terms.length || asksAboutAction(ctx)) {
    const said = sentenceAnswer(ctx);
    if (said && (a.cues.length === 0 || said.sources.some((x) => statesAction(x.quote, a.cues)))) return said;
    // ("Which minister signed the letter?": nothing says the signing — not who the people named are.)
    if (said || strictCues(a).length) return notFound(ctx.S.releaseSilent, ctx.lang);
  }
  // (Asked whom they met about something no sentence answers, not who they are: "which Mazhilis deputies did she meet?")
  // (Only of people named by name: a role's holder — "the speaker of the parliament that received him" — is who is asked.)
  const byName = new Set(a.links.filter((l) => l.role === 'name').map((l) => l.entity));
  if (ctx.people.length && a.asksCounterpart && ctx.terms.length && ctx.people.every((p) => byName.has(p))) return notFound(ctx.S.releaseSilent, ctx.lang);
  if (ctx.people.length) return describePeople(ctx, ctx.people);
  if (ctx.terms.length === 0 && (asksAboutMeeting || ctx.specific.length === 0)) return everyoneMet(ctx);
  return undefined;
}

/**
 * Who the facts are about: those met (asked about a meeting), else whoever acted — unless the question names the actor
 * ("who did Ashikbayev brief?", "who did he do consultations with?"): then whom they acted with.
 */
function whoOfFacts(ctx: Context, facts: readonly Fact[]): Answer {
  const named = new Set(namedPeople(ctx));
  const actor = (f: Fact) => {
    if (f.actor && !named.has(f.actor)) return [f.actor];
    // (A point of the visit as a whole: whom the meeting it stands under was with — the last one the release opened
    // at or before its paragraph.)
    const at = f.sources[0]?.paragraph ?? 0;
    const under = f.meeting
      ? undefined
      : (ctx.engine.index.meetingsByRelease.get(f.release) ?? []).filter((m) => (m.sources[0]?.paragraph ?? Infinity) <= at).pop();
    return under ? [...under.with] : counterpartsOf(ctx, f);
  };
  const who = ctx.a.asksCounterpart ? facts.flatMap((f) => counterpartsOf(ctx, f)) : facts.flatMap(actor);
  // ("Which deputy foreign minister received the ACWA Power delegation?": the office asked says which of those there —
  // its holder, not the guest the facts are with.)
  const offices = ctx.a.roles.filter((r) => r.asked);
  const principals = facts.flatMap((f) => ctx.engine.knowledge.releases.get(f.release)?.principal ?? []);
  const holders = holdersOf(ctx.engine, [...new Set([...who, ...ctx.people, ...principals])], offices);
  const people = holders.length ? holders : [...new Set(who)];
  const summary = people.map((p) => nameWithTitle(ctx.engine, p)).join('; ');
  return {
    ...answered(
      `${summary}.`,
      facts.map((f) => f.label),
      facts.flatMap((f) => f.sources),
      ctx.lang,
    ),
    about: people,
  };
}

/** Actions ("invited", "agreed", "supported") make a "who" question about a fact, not about a person's title. */
/** Words that say where a talk was, not what about ("on the sidelines", "on the phone"), as stems. */
const SCENE_STEMS = new Set([...LEXICON.sceneAfterOn].map((w) => stem(w)));

const ACTION_INTENTS: readonly Intent[] = ['invite', 'agree', 'support', 'assess', 'plan', 'topic'];
function asksAboutAction(ctx: Context): boolean {
  return ACTION_INTENTS.some((i) => ctx.a.intents.has(i)) || ctx.specific.some((id) => entity(ctx.engine, id)?.type === 'event');
}

/** The question's subject words, less those of the one release's scene (its headline and opening). */
function beyondTheScene(ctx: Context): readonly string[] {
  if (ctx.releases.size !== 1) return ctx.terms;
  const scene = sceneStems(ctx.engine, [...ctx.releases][0]!);
  // (The words of a scene are the scene's wherever the release writes them: "on the sidelines of the OIC session".)
  return ctx.terms.filter((t) => !scene.has(t) && !SCENE_WORDS.has(t));
}

/** Words that set a scene after "on" (lexicon `scene_after_on`: sidelines, margins, trip), as stems. */
const SCENE_WORDS = new Set([...LEXICON.sceneAfterOn].map((w) => stem(w)));

/** A person named within this many words of a body may be of it. */
const MEMBER_NEAR = 8;

/** Whether the question is down to one release whose headline or opening paragraph holds every word it asks about. */
function sceneOnly(ctx: Context): boolean {
  return ctx.releases.size === 1 && beyondTheScene(ctx).length === 0;
}

/**
 * "Who came with the Cambodian FM to Nur-Sultan?": the people of that person's country who were there in the
 * releases that introduce them (the visitor, the people at the meetings), less whom the question names.
 * A person of no known country: the others at their meetings.
 */
function companions(ctx: Context, leads: readonly string[], among?: readonly string[]): Answer | undefined {
  const { engine } = ctx;
  const countries = leads.map((p) => entity(engine, p)?.country).filter((c): c is string => c !== undefined);
  const inRelease = new Set(engine.knowledge.mentions.filter((m) => leads.includes(m.person) && ctx.releases.has(m.release)).map((m) => m.release));
  // Who was there: the visitor and the people at their meetings — not someone the release only mentions.
  const present = new Set([
    ...[...inRelease].flatMap((id) => engine.knowledge.releases.get(id)?.principal ?? []),
    ...counterpartsIn({ ...ctx, releases: inRelease }).map((c) => c.person),
  ]);
  const side = countries.length
    ? [...present].filter((p) => countries.includes(entity(engine, p)?.country ?? ''))
    : leads.flatMap((p) => meetingsIn(ctx, p)).flatMap((m) => m.with);
  const others = [...new Set(side)].filter((p) => !leads.includes(p) && (among ? among.includes(p) : !ctx.specific.includes(p)));
  return others.length ? describePeople(ctx, others) : undefined;
}

/**
 * A country's delegation in the releases asked about: its people who were there — the visitor and the people at the
 * meetings — less whom the question names, and, asked who *else*, less its head (the visitor, or the one met, when
 * of that country). Too many releases to say which visit: left to the answers below.
 */
function delegation(ctx: Context, country: string): Answer | undefined {
  const { engine } = ctx;
  const ofCountry = (p: string | undefined) => p !== undefined && entity(engine, p)?.country === country;
  const members: string[] = [];
  const heads = new Set<string>();
  const visits = new Set<string>();
  for (const id of ctx.releases) {
    const principal = engine.knowledge.releases.get(id)?.principal;
    if (ofCountry(principal)) {
      members.push(principal!);
      heads.add(principal!);
      visits.add(id);
    }
  }
  for (const { meeting } of counterpartsIn(ctx)) {
    const theirs = meeting.with.filter((p) => ofCountry(p));
    if (theirs.length === 0) continue;
    members.push(...theirs);
    if (ofCountry(meeting.with[0]) && !ofCountry(releaseOf(engine, meeting.release)?.principal)) heads.add(meeting.with[0]!);
    visits.add(meeting.release);
  }
  if (visits.size === 0 || visits.size > 2) return undefined;
  const named = namedPeople(ctx);
  const people = [...new Set(members)].filter((p) => !named.includes(p) && !(ctx.a.others && heads.has(p)));
  return people.length ? describePeople(ctx, people, country) : undefined;
}

/**
 * The people at the meetings of the releases asked about who belong to an organization or a country — by their
 * entity's organization or country, or by their title ("Director of the Americas Department of the MFA") — less
 * the people the question names.
 */
function membersAt(ctx: Context, group: string): string[] {
  const { engine } = ctx;
  // (Of the releases whose scene has the most of the question's words: "at the Geneva donor conference" is the pledging
  // conference in Geneva, not the February visit there.)
  const held = (id: string): number => ctx.terms.filter((t) => sceneStems(engine, id).has(t)).length;
  const most = Math.max(0, ...[...ctx.releases].map(held));
  const scene = most > 0 ? new Set([...ctx.releases].filter((id) => held(id) === most)) : ctx.releases;
  const { principals, others } = peopleThere(ctx, scene);
  const there = [...principals, ...others];
  const named = namedPeople(ctx);
  const belongs = (p: string): boolean => {
    const e = entity(engine, p);
    if (e === undefined) return false;
    if (e.organization === group || e.country === group) return true;
    // (By the title: one that names it, or has the words it was asked by — "of the MFA".)
    const title = e.title ?? '';
    // (Its shorthand spelled out, as the question's: "of the MFA" has the words "foreign ministry".)
    const stems = new Set(tokensOf(title).flatMap((t) => [t.stem, ...tokensOf(LEXICON.shorthand.get(t.norm) ?? '').map((x) => x.stem)]));
    return namesAnyOf(engine, title, [group]) || (ctx.a.memberOfStems.length > 0 && ctx.a.memberOfStems.every((s) => stems.has(s)));
  };
  return [...new Set(there)].filter((p) => !named.includes(p) && belongs(p));
}

/**
 * Everyone these releases put at their scene: their visitors, and the others — those met and those only listed there,
 * met or not ("Among the ministers in the hall were X of Tajikistan, …", "together with the observers, … Szijjártó").
 */
function peopleThere(ctx: Context, releases: ReadonlySet<string>): { principals: string[]; others: string[] } {
  const { engine } = ctx;
  const principals = [...releases].flatMap((id) => engine.knowledge.releases.get(id)?.principal ?? []);
  const met = counterpartsIn({ ...ctx, releases }).flatMap((c) => c.meeting.with);
  const listed = [...releases].flatMap((id) => engine.index.mentionsByRelease.get(id) ?? []).map((m) => m.person);
  return { principals, others: [...met, ...listed] };
}

/** Everyone met in the releases asked about; nobody (a release whose meetings nobody drafted) leaves it to the text. */
function everyoneMet(ctx: Context): Answer | undefined {
  const met = whoMet(ctx.engine, undefined, ctx.lang, ctx.releases);
  return met.status === 'answered' ? met : undefined;
}

/** Everyone met of one group: heads of organizations, or foreign ministers. */
function groupAnswer(ctx: Context): Answer | undefined {
  const met = [...new Set(counterpartsIn(ctx).map((m) => m.person))].filter((p) => inGroup(ctx.engine, p, ctx.group));
  if (met.length === 0) return undefined;
  const what = ctx.group === 'organization' ? ctx.S.heads : ctx.S.ministers;
  return {
    ...answered(
      ctx.S.count(met.length, what),
      met.map((p) => personLine(ctx.engine, p)),
      met.flatMap((p) => mentionSources(ctx.engine, p)),
      ctx.lang,
    ),
    about: met,
  };
}

/**
 * "Which FMs showed up at the CIS council?", "who was at the Central Asia + Japan meeting, all the ministers": of one
 * or two gatherings, everyone of the group asked its releases put there — the visitor, those met, and those only listed
 * ("it brought together the foreign ministers of Azerbaijan X, Belarus Y, …"), not only those someone met.
 */
function attendees(ctx: Context): Answer | undefined {
  const { engine, a } = ctx;
  if (!a.asksAttendance || !ctx.group || a.others || ctx.releases.size > 2) return undefined;
  const { principals, others } = peopleThere(ctx, ctx.releases);
  // (A minister is of a country even when the release gives none: "Deputy Prime Minister – Foreign Minister Mukhtar
  // Tileuberdi". The visitor is there whatever their group: "Kazakh Foreign Minister Murat Nurtleu" of the MFA.)
  const minister = (p: string): boolean => ctx.group === 'country' && !entity(engine, p)?.organization && holdsRole(engine, p, 'minister');
  const belongs = (p: string): boolean => inGroup(engine, p, ctx.group) || minister(p);
  const there = [...new Set([...principals, ...others.filter(belongs)])];
  // (One or two of them is a meeting, not a gathering: who met whom answers it.)
  if (there.length < GATHERING) return undefined;
  // (Of countries, their ministers: not the president a minister conveyed greetings from.)
  const ministers = ctx.group === 'country' ? there.filter((p) => holdsRole(engine, p, 'minister')) : [];
  const roster = ministers.length ? ministers : there;
  const what = ctx.group === 'organization' ? ctx.S.heads : ctx.S.ministers;
  return {
    ...answered(
      ctx.S.count(roster.length, what),
      roster.map((p) => personLine(engine, p)),
      roster.flatMap((p) => mentionSources(engine, p).filter((x) => ctx.releases.has(x.release))),
      ctx.lang,
    ),
    about: roster,
  };
}

/** People of one group at one release, at least, for it to be a gathering. */
const GATHERING = 3;

/** "<principal> met <who> (<place>, <date>)": one meeting, as its release tells it. */
function metLine(ctx: Context, m: Meeting, who: string): string {
  const v = visitWords(ctx.engine, releaseOf(ctx.engine, m.release)!, ctx.lang);
  return ctx.S.metWith(v.principal, `${who} (${scene(v.place, v.date)})`);
}

/**
 * "Who led the Austrian side at the consultations?" of one release that says so in no sentence: its one person of that
 * country met — or, asked of the visitor's own side, the visitor.
 */
function sideHead(ctx: Context): string | undefined {
  const side = ctx.a.delegationOf;
  if (!side || ctx.releases.size !== 1) return undefined;
  const id = [...ctx.releases][0]!;
  const principal = ctx.engine.knowledge.releases.get(id)?.principal;
  if (principal && entity(ctx.engine, principal)?.country === side) return principal;
  const meetings = ctx.engine.index.meetingsByRelease.get(id) ?? [];
  const met = [...new Set(meetings.flatMap((m) => m.with))].filter((p) => entity(ctx.engine, p)?.country === side);
  if (met.length === 1) return met[0];
  // ("The Liberian minister was accompanied by A and B": whom the meeting was with first heads those who came along.)
  const first = [...new Set(meetings.map((m) => m.with[0]!))].filter((p) => met.includes(p));
  return first.length === 1 ? first[0] : undefined;
}

/**
 * Those met, and of them the ones whose talks hold the rest of the question's words ("which trinidad minister did he
 * meet on the day he talked gas?"), with the words of those talks, which say so.
 */
function describeMet(ctx: Context, met: readonly string[]): Answer {
  const { engine } = ctx;
  const said = (p: string) => meetingsIn(ctx, p).flatMap((m) => factsOf(engine, m).filter((f) => ctx.terms.some((t) => engine.index.factStems.has(f.id, t))));
  const talked = met.filter((p) => said(p).length);
  if (talked.length === 0) return describePeople(ctx, met);
  const described = describePeople(ctx, talked);
  return { ...described, sources: [...described.sources, ...talked.flatMap((p) => said(p).flatMap((f) => f.sources))] };
}

function describePeople(ctx: Context, people: readonly string[], ofCountry?: string): Answer {
  const { engine } = ctx;
  // Where the releases asked about introduce them, those are the quotes.
  const all = people.flatMap((p) => mentionSources(engine, p));
  const inScope = all.filter((x) => ctx.releases.has(x.release));
  const sources = inScope.length ? inScope : all;
  if (people.length === 1) {
    const id = people[0]!;
    const e = entity(engine, id)!;
    const items = meetingsIn(ctx, id).map((m) => metLine(ctx, m, e.name));
    return { ...answered(ctx.S.whoIs(e.name, e.title ?? e.type), items, sources, ctx.lang), about: people };
  }
  // Asked about meetings ("who received the Brazilian delegation?"), each line says who met them, where and when.
  const line = (p: string): string[] => {
    const meetings = ctx.a.asksCounterpart ? meetingsIn(ctx, p) : [];
    if (meetings.length === 0) return [personLine(engine, p)];
    return meetings.map((m) => metLine(ctx, m, personLine(engine, p)));
  };
  // (Nothing named by the question — "which Singapore ministers…" names it only as a word —: the people's countries.)
  // (A person the question names is whom they were with, not whose people they are.)
  const groups = ctx.specific.filter((id) => !engine.index.persons.has(id));
  const of = ofCountry ? [ofCountry] : groups.length ? groups : [...new Set(people.flatMap((p) => entity(engine, p)?.country ?? []))];
  return { ...answered(ctx.S.peopleOf(of.map((id) => nameOf(engine, id)).join(', ')), people.flatMap(line), sources, ctx.lang), about: people };
}

const PEOPLE_NOUN_STEMS = new Set([...LEXICON.peopleNouns].map((w) => stem(w)));

/** The people a question describes by a country and a people noun ("the Samoan official"), as far as the releases asked about have them. */
function peopleDescribed(ctx: Context): string[] {
  const of = new Set(ctx.a.qualified.filter((q) => PEOPLE_NOUN_STEMS.has(q.stem)).map((q) => q.entity));
  if (of.size === 0) return [];
  return ctx.people.filter((p) => {
    const e = entity(ctx.engine, p);
    return (e?.country !== undefined && of.has(e.country)) || (e?.organization !== undefined && of.has(e.organization));
  });
}

// ── what / bare ────────────────────────────────────────────────────────────

function whatAnswer(ctx: Context): Answer | undefined {
  const { engine, a } = ctx;
  const source = sourceAnswer(ctx);
  if (source) return source;
  if (a.intents.has('date') && ctx.specific.length === 0 && ctx.terms.length === 0) return releaseDate(ctx);
  if (a.intents.has('place') && !ctx.group && ctx.specific.length === 0 && ctx.terms.length === 0) return releasePlace(ctx);
  if (a.spellOut && ctx.specific.length === 1) return spelledOut(ctx, ctx.specific[0]!);
  // "Name of the outgoing kz ambassador to malta?": the name of an office is who holds it.
  const holders = a.asksName ? holdersOf(engine, ctx.people, a.roles) : [];
  if (holders.length) return describePeople(ctx, holders);
  // "What position does Nurtleu hold?": who he is, whatever else the words suggest.
  // ("What is the job title of the Samoan official in Vassilenko's call?": the Samoan official's — Vassilenko only says which call.)
  // ("What's Paula's portfolio? (the Trinidad minister at the business forum)": the words of the scene say which Paula.)
  if (a.intents.has('identity') && beyondTheScene(ctx).length === 0) {
    const described = peopleDescribed(ctx);
    if (described.length) return describePeople(ctx, described);
    if (namedPeople(ctx).length) return describePeople(ctx, namedPeople(ctx));
  }
  // "Which organization does Tedros lead?", "What country does Bui Thanh Son represent?": his title says.
  if (
    ctx.group &&
    !a.intents.has('topic') &&
    ctx.terms.length === 0 &&
    ctx.specific.length &&
    ctx.specific.every((id) => entity(engine, id)?.type === 'person')
  ) {
    return describePeople(ctx, ctx.specific);
  }
  // "Which kz ambassador sat in on the Kulubaev–Tileuberdi talks?": who holds the role asked, not the talks of those named.
  // ("Which kz dfm went to Brasília for the consultations?": nobody named — the holder in the one visit asked about.)
  const roleAsked = a.roles.filter((r) => r.asked && r.of !== '');
  const named = namedPeople(ctx);
  if (roleAsked.length && (named.length || ctx.releases.size === 1)) {
    const holders = holdersOf(engine, ctx.people, roleAsked).filter((p) => !named.includes(p));
    if (holders.length) return describePeople(ctx, holders);
  }
  // "What was discussed with the foreign ministers?": the group's meetings.
  const people =
    ctx.people.length === 0 && ctx.specific.length === 0 && ctx.terms.length === 0 && ctx.group && a.intents.has('topic')
      ? counterpartsIn(ctx)
          .map((c) => c.person)
          .filter((p) => inGroup(engine, p, ctx.group))
      : ctx.people;
  let meetings = [...new Set(people.flatMap((p) => meetingsIn(ctx, p)))];
  // "What did Prak Sokhonn discuss with Tokayev?", "what did Mirziyoyev tell him?": a meeting they were both at (one may
  // be the visitor) — not each one's.
  const byName = namedPeople(ctx).filter((p) => a.links.some((l) => l.entity === p && l.role !== 'title'));
  if (byName.length >= 2 && meetings.length && (a.intents.has('topic') || a.intents.has('meet') || a.intents.has('assess'))) {
    const together = meetings.filter((m) => byName.every((p) => m.with.includes(p) || releaseOf(engine, m.release)?.principal === p));
    if (together.length === 0) return notFound(ctx.S.releaseSilent, ctx.lang);
    meetings = together;
  }
  // "What did the Korean ambassador say at the meeting?": what he said — not what others said at it.
  if (meetings.length && a.agent && a.intents.has('assess') && people.includes(a.agent)) {
    const theirs = meetings.flatMap((m) => factsOf(engine, m)).filter((f) => f.actor === a.agent);
    if (theirs.length) return factsAnswer(ctx, theirs);
    return sentenceAnswer(ctx, new Set(meetings.map((m) => m.release))) ?? notFound(ctx.S.releaseSilent, ctx.lang);
  }
  if (meetings.length) {
    // "What did they talk about at the consultations?": words of the sentence that introduces the meeting
    // are the meeting itself, not a topic to narrow it to.
    // (So are the words of the one visit's scene: "what did KZ and Namibia discuss at their consultations?", "what was
    // signed after the commission meeting?")
    const intro = new Set(tokensOf(meetings.flatMap((m) => m.sources.map((s) => s.quote)).join(' ')).map((t) => t.stem));
    const visits = new Set(meetings.map((m) => m.release));
    const visitScene = visits.size === 1 ? sceneStems(engine, [...visits][0]!) : new Set<string>();
    const scene =
      (meetings.length === 1 || visits.size === 1) && (a.intents.has('topic') || strictCues(a).length > 0)
        ? // (And the words of the office asked of whom: "… discuss with Hungary's agriculture minister Halmos?" asks no agriculture;
          // nor where they talked: "… with the pakistani delegate on the sidelines?".)
          ctx.terms.filter((t) => (meetings.length === 1 && intro.has(t)) || visitScene.has(t) || a.roleQualifiers.includes(t) || SCENE_STEMS.has(t))
        : [];
    const asked: Context = scene.length ? { ...ctx, terms: ctx.terms.filter((t) => !scene.includes(t)) } : ctx;
    const ranked = rankFacts(
      asked,
      meetings.flatMap((m) => m.facts),
      true,
    );
    const narrowed = [
      ...ranked,
      ...otherFactHalves(
        asked,
        ranked,
        meetings.flatMap((m) => factsOf(engine, m)),
      ),
    ];
    // "What agreements were signed with Switzerland?": none of that kind with them is silence, not their topics.
    // A bare name ("tedross", "cassis") asks who that is as well as what was said.
    if (a.ask === 'bare' && narrowed.length === 0 && ctx.people.length === 1) return personBrief(ctx, ctx.people[0]!, meetings);
    // Words or actions no fact of these meetings carries ("how did he describe relations", "what did he praise"): the text may say.
    if (narrowed.length === 0 && (asked.terms.length || actionKinds(a).length)) {
      const said = sentenceAnswer(ctx, new Set(meetings.map((m) => m.release)), meetingParagraphs(engine, meetings));
      if (said) return said;
      // "KZ-Czech trade in 2025?" when the meeting's trade figure is of 2024: not that figure, nor the meeting's topics.
      const ofOtherYear = meetings.flatMap((m) => factsOf(engine, m)).filter((f) => f.sources.some((x) => figureOfOtherYear(a, x.quote)));
      if (ofOtherYear.some((f) => termCoverage(ctx, new Set(engine.index.factStems.get(f.id))) > 0)) return notFound(ctx.S.releaseSilent, ctx.lang);
    }
    // Elsewhere in those releases, only a sentence that names whom the question names: "what was signed with
    // Switzerland?" is not answered by another meeting's agreement.
    if (narrowed.length === 0 && actionKinds(a).length && a.ask !== 'bare') {
      const said = sentenceAnswer(ctx, new Set(meetings.map((m) => m.release)));
      return said?.sources.some((x) => namesAnyOf(engine, x.quote, [...ctx.specific, ...ctx.people])) ? said : notFound(ctx.S.releaseSilent, ctx.lang);
    }
    // A fact that holds fewer of the question's words than a sentence of the same meeting: the sentence says it.
    if (narrowed.length && ctx.terms.length) {
      const factCovers = Math.max(...narrowed.map((f) => termCoverage(ctx, new Set(engine.index.factStems.get(f.id)))));
      const said = sentenceAnswer(ctx, new Set(meetings.map((m) => m.release)), meetingParagraphs(engine, meetings));
      const saidCovers = Math.max(0, ...(said?.sources ?? []).map((x) => termCoverage(ctx, new Set(tokensOf(x.quote).map((t) => t.stem)))));
      if (said && saidCovers > factCovers) return said;
    }
    // ("Apart from thanking him, what did they discuss?": not the thanks.)
    const news = a.known.length ? meetings.flatMap((m) => factsOf(engine, m)).filter((f) => !a.known.some((s) => engine.index.factStems.has(f.id, s))) : [];
    const only = narrowed.length ? narrowed : news;
    const topics = meetingTopics(engine, meetings, ctx.people, only.length ? new Set(only.map((f) => f.id)) : undefined, ctx.lang);
    // A meeting a thin draft gave no facts: its release's sentences may still answer.
    if (topics.status === 'answered') return topics;
    // …and nothing asked but what they discussed: the sentences that report the meeting ("also met with Obeidat to
    // discuss the participation of Kazakh companies in Aqaba").
    // (Not one that only says they met: "also met with … Hiroshi Tanabe" says nothing of what.)
    if (ctx.terms.length === 0 && a.intents.has('topic') && !actionKinds(a).length) {
      const reports = meetings.flatMap((m) => m.sources.map((x) => x.quote));
      const sources = sentencesStating(engine, new Set(meetings.map((m) => m.release)), (s) => LEXICON.discussion(s) && reports.some((q) => s.includes(q)));
      if (sources.length) return answered(ctx.S.fromText, [], sources, ctx.lang);
    }
  }
  // "What did he discuss with the Kazakh president?": someone the releases name but nobody met.
  // (So is "what did the Emir tell him?" of someone nobody met, unless a fact gives that person's own words.)
  if (people.length && (a.intents.has('topic') || a.intents.has('meet') || a.intents.has('assess')) && ctx.terms.length === 0) {
    if (a.intents.has('assess')) {
      const own = factsIn(engine, ctx.releases).filter((f) => f.actor !== undefined && people.includes(f.actor));
      if (own.length) return factsAnswer(ctx, own);
    }
    // "What topics did the MFA spokesman cover at the briefing?": the release of one who met no one — a briefing, a
    // statement, an interview — is what they said.
    const theirs = [...ctx.releases].filter((id) => people.includes(engine.knowledge.releases.get(id)?.principal ?? ''));
    // (Not asked what they discussed with someone they did not meet: "what did Anwar Ibrahim and Nurtleu discuss?")
    const withOthers = people.some((p) => !theirs.some((id) => engine.knowledge.releases.get(id)?.principal === p));
    const said = a.intents.has('topic') && theirs.length && !withOthers ? summaryAnswer({ ...ctx, releases: new Set(theirs) }) : undefined;
    if (said) return said;
    // ("What will they sign during his visit?": talks to come are no meeting yet — the sentences that announce them.)
    const announced = a.future ? sentenceAnswer(ctx) : undefined;
    if (announced) return announced;
    return notFound(ctx.S.noTopicsFor(people.map((p) => nameOf(engine, p)).join(', ')), ctx.lang);
  }
  if (ctx.people.length && ctx.terms.length === 0 && !asksAboutAction(ctx)) return describePeople(ctx, ctx.people);
  // A bare "nurtleu geneva": the visit there, who was met.
  if (
    a.ask === 'bare' &&
    a.intents.size === 0 &&
    ctx.specific.length === 0 &&
    ctx.terms.length === 0 &&
    a.links.some((l) => ['place', 'country'].includes(entity(engine, l.entity)?.type ?? ''))
  ) {
    return everyoneMet(ctx);
  }
  const asksIdentity = ctx.terms.length === 0 && [...a.intents].every((i) => i === 'identity');
  if (ctx.specific.length === 0 && asksIdentity && namedPeople(ctx).length) return describePeople(ctx, namedPeople(ctx));
  // "What was on the agenda of the Podgorica consultations?": nobody named, only places, and every word the one
  // release's scene — the topics of its meetings, not a fact that happens to say "consultations" (the next round's).
  const onlyPlaces = ctx.specific.every((id) => ['place', 'country'].includes(entity(engine, id)?.type ?? ''));
  // (The people of a country named are not named: "at the kz–trinidad business forum" names no one; the visit's
  // own principal only says whose.)
  const nobodyNamed = namedPeople(ctx).every((p) => engine.index.principals.has(p)) && a.roles.length === 0;
  if (a.intents.has('topic') && !a.intents.has('assess') && nobodyNamed && ctx.terms.length && onlyPlaces && sceneOnly(ctx)) {
    return topicsOfScope(ctx);
  }
  const facts = matchingFacts(ctx);
  if (ctx.specific.length && asksIdentity) return entityBrief(ctx, facts); // "What is CICA?"
  if (facts.length) return factsAnswer(ctx, facts);
  // (Not the people of a country named when the question asks something of it: "which UN agency is handling Kiribati's
  // aid?" is not answered by who Kiribati's president is — its sentences say.)
  const peopleAsked = ctx.terms.length === 0 || a.roles.length > 0 || namedPeople(ctx).some((p) => !engine.index.principals.has(p));
  // ("What did Kamilov say in his opening remarks?" asks his words, not who he is.)
  if (ctx.people.length && peopleAsked && !a.intents.has('assess')) return describePeople(ctx, ctx.people);
  if (ctx.specific.length === 0 && ctx.terms.length === 0) {
    // "Which organizations were mentioned?" asks for the organizations; "which heads…" for people.
    if (ctx.group && !a.intents.has('meet') && !a.groupPeople) {
      return namedEntities(ctx, ctx.group);
    }
    if (ctx.group) return groupAnswer(ctx);
    if (a.intents.has('meet') && !a.intents.has('topic')) return everyoneMet(ctx);
    // A bare "nurtleu geneva": the visit itself, who was met.
    if (a.ask === 'bare' && a.intents.size === 0 && a.links.length) return everyoneMet(ctx);
    if (a.intents.has('topic') || a.intents.has('meet') || a.intents.has('visit')) return topicsOfScope(ctx);
  }
  return undefined;
}

/** The topics of every meeting in the releases asked about. */
function topicsOfScope(ctx: Context): Answer {
  const meetings = [...ctx.engine.knowledge.meetings.values()].filter((m) => ctx.releases.has(m.release));
  // A forum, a ceremony — an event with no meeting drafted, or meetings a thin draft gave no topics: the sentences
  // that say what was discussed.
  if (meetings.every((m) => m.facts.length === 0)) {
    const said = sentencesStating(ctx.engine, ctx.releases, (s) => LEXICON.discussion(s));
    if (said.length) return answered(ctx.S.fromText, [], said, ctx.lang);
  }
  return visitTopics(ctx.engine, meetings, ctx.lang);
}

/** The organizations (or countries) the releases name, each with the words that name it first. */
function namedEntities(ctx: Context, type: Group): Answer | undefined {
  const items: string[] = [];
  const sources: Source[] = [];
  // The newest releases in scope: across a whole archive the list would be neither short nor quick.
  for (const { id: release } of releasesInScope(ctx).slice(0, 20)) {
    const named = ctx.engine.index.namedInRelease(release);
    for (const [id, paragraph] of named) {
      const e = entity(ctx.engine, id);
      if (e?.type !== type || items.includes(e.name)) continue;
      items.push(e.name);
      const r = ctx.engine.knowledge.releases.get(release);
      const text = r?.paragraphs[paragraph - 1] ?? '';
      // Quote the sentence that names it, not the whole paragraph.
      const sentence = (r ? (sentencesOf(r)[paragraph - 1] ?? []) : []).find((x) =>
        linkExact(tokensOf(x), ctx.engine.index.formTable).some((l) => l.entity === id),
      );
      if (text) sources.push({ release, paragraph, quote: sentence ?? text });
    }
  }
  if (items.length === 0) return undefined;
  return answered(ctx.S.count(items.length, type === 'organization' ? ctx.S.organizations : ctx.S.countries), items, sources, ctx.lang);
}

/**
 * "What does CICA stand for?": only the release's own words count. The knowledge may know the
 * long name, but if no release writes it out, the release does not say.
 */
function spelledOut(ctx: Context, id: string): Answer {
  const e = entity(ctx.engine, id)!;
  const longNames = [e.name.replace(/\s*\([^)]*\)\s*$/, ''), ...e.aliases].filter((n) => n.split(/\s+/).length > 2);
  for (const release of releasesInScope(ctx)) {
    for (const [i, paragraph] of release.paragraphs.entries()) {
      const hit = longNames.find((n) => paragraph.includes(n));
      if (hit) {
        const sentence = sentencesOf(release)[i]!.find((x) => x.includes(hit)) ?? paragraph;
        return answered(`${hit}.`, [], [{ release: release.id, paragraph: i + 1, quote: sentence }], ctx.lang);
      }
    }
  }
  return notFound(ctx.S.notSpelledOut(e.aliases.find((x) => /^[A-ZА-Я]{2,}$/.test(x)) ?? e.name), ctx.lang);
}

/** What an organization, place or event is, and what the release says of it. */
function entityBrief(ctx: Context, facts: readonly Fact[]): Answer | undefined {
  const names = ctx.specific.map((id) => entity(ctx.engine, id)!).map((e) => e.name);
  if (facts.length === 0) return undefined;
  // Where it came up: "…: with António Guterres (UN Secretary-General)".
  const withWhom = [...new Set(facts.flatMap((f) => counterpartsOf(ctx, f)))];
  const where = withWhom.length && withWhom.length <= 3 ? ` ${ctx.S.topicsWith(withWhom.map((p) => nameWithTitle(ctx.engine, p)).join(', '))}` : '';
  return answered(
    `${names.join('; ')}:${where}`,
    facts.map((f) => f.label),
    facts.flatMap((f) => f.sources),
    ctx.lang,
  );
}

function personBrief(ctx: Context, id: string, meetings: readonly Meeting[]): Answer {
  const e = entity(ctx.engine, id)!;
  const topics = meetingTopics(ctx.engine, meetings, [id], undefined, ctx.lang);
  return answered(ctx.S.whoIs(e.name, e.title ?? e.type), [topics.summary, ...topics.items], [...mentionSources(ctx.engine, id), ...topics.sources], ctx.lang);
}

// ── yes / no ───────────────────────────────────────────────────────────────

/**
 * "They signed 10 docs in Baku, yeah?": a yes needs the number proposed in what it quotes — else the release does not
 * say it, and what it says (eight documents) is the answer.
 */
function yesNoAnswer(ctx: Context): Answer | undefined {
  const answer = yesNoVerdict(ctx);
  if (!answer || answer.status !== 'answered' || !answer.summary.startsWith(ctx.S.yes)) return answer;
  const said = [answer.summary, ...answer.items, ...answer.sources.map((x) => x.quote)].join(' ');
  const unsaid = ctx.a.proposed.numbers.filter((n) => !saysNumber(said, n));
  if (unsaid.length === 0) return answer;
  // (With the sentences that give the figure, when the fact found is only about its subject.)
  const figures = sentenceAnswer(ctx)?.sources ?? [];
  return answered(
    `${ctx.S.releaseSilentAbout(quoteList(unsaid, ctx.lang))} ${ctx.S.whatItSays} ${answer.summary.slice(ctx.S.yes.length).trim()}`.trim(),
    answer.items,
    [...figures, ...answer.sources],
    ctx.lang,
  );
}

/** Whether a text gives a number: as its digits ("1,000" for "1000"), or spelled out ("ten"). */
function saysNumber(text: string, digits: string): boolean {
  // ("double": "doubled", "doubling".)
  if (!/^\d/.test(digits)) return new RegExp(`\\b${digits.replace(/(?:e|ed|d)$/, '')}`, 'i').test(text);
  const plain = digits.replace(/,/g, '');
  const written = text.replace(/(\d),(?=\d{3})/g, '$1');
  if (new RegExp(`(?<![\\d.])${plain.replace('.', '\\.')}(?![\\d]|\\.\\d)`).test(written)) return true;
  const word = LEXICON.cardinalWords[Number(plain)];
  return word !== undefined && new RegExp(`\\b${word}\\b`, 'i').test(text);
}

function yesNoVerdict(ctx: Context): Answer | undefined {
  const { engine, a } = ctx;
  // "vucic turned down the invite, right?": no yes or no to the fate guessed — the proposal and what became of it.
  // (Only where the release says what became of it: "did the king accept the invite?" of an invitation it leaves
  // unanswered is not answered by quoting the invitation.)
  if (a.fate) {
    const said = sentenceAnswer(ctx);
    if (said?.sources.some((x) => LEXICON.response(x.quote) || tokensOf(x.quote).some((t) => LEXICON.fateWords.has(t.norm))))
      return answered(ctx.S.fromText, said.items, said.sources, ctx.lang);
  }
  // "Is the hub going to Astana?", "the summit is in June, isn't it?": confirm or contradict the value proposed.
  const polar = polarAnswer(ctx);
  if (polar) return polar;
  // "Were the consultations held in Kuwait City?" of a release that gives no place: no yes — what the text says.
  const proposesPlace = [...a.proposed.entities, ...a.proposed.unknownNames].some((v) =>
    ['place', 'city', 'country'].includes(entity(engine, v)?.type ?? engine.index.worldKinds.get(v) ?? ''),
  );
  if (proposesPlace && a.intents.has('place')) {
    const said = sentenceAnswer(ctx);
    return said ? silentButSays(ctx, said) : notFound(ctx.S.releaseSilent, ctx.lang);
  }
  // "Is Faisal Al-Saud from Saudi Arabia?": is the person of that country or organization.
  const named = namedPeople(ctx);
  const others = ctx.specific.filter((id) => entity(engine, id)?.type !== 'person');
  if (named.length && others.length && ctx.terms.length === 0 && a.intents.size === 0 && a.membership) {
    const belongs = named.every((p) => others.some((o) => peopleOf(engine, o).includes(p)));
    const described = describePeople(ctx, named);
    return answered(`${belongs ? ctx.S.yes : ctx.S.no} ${described.summary}`, described.items, described.sources, ctx.lang);
  }
  // "Did Guterres accept the invitation?": what is asked ("accept") is nowhere in the release.
  // Not "yes": say so, and quote what the release does say about it, if anything.
  if (a.unknownWords.length) {
    const related = matchingFacts(ctx);
    const silent = ctx.S.releaseSilentAbout(quoteList(a.unknownWords, ctx.lang));
    if (related.length === 0) return notFound(silent, ctx.lang);
    return answered(
      `${silent} ${ctx.S.whatItSays}`,
      related.map((f) => f.label),
      related.flatMap((f) => f.sources),
      ctx.lang,
    );
  }
  // "Did he meet the Albanian minister?" — but not "did the talks with Albania touch on the HRC?", nor
  // "did they sign an agreement at their meeting?" (an action at the meeting: that they met is no yes).
  const onlyPeople = ctx.specific.every((id) => peopleOf(engine, id).length > 0);
  const asksMeetingOnly = !a.intents.has('topic') && !ACTION_INTENTS.some((i) => a.intents.has(i));
  if (a.intents.has('meet') && asksMeetingOnly && onlyPeople && ctx.people.length && ctx.terms.length === 0) {
    const met = ctx.people.filter((p) => meetingsIn(ctx, p).length);
    if (met.length === 0)
      return answered(
        ctx.S.didNotMeet(ctx.people.map((p) => nameOf(engine, p)).join(', ')),
        [],
        ctx.people.flatMap((p) => mentionSources(engine, p)),
        ctx.lang,
      );
    const lines = met.map((p) => {
      const m = meetingsIn(ctx, p)[0]!;
      const v = visitWords(engine, releaseOf(engine, m.release)!, ctx.lang);
      return ctx.S.didMeet(v.principal, nameWithTitle(engine, p), scene(v.place, v.date));
    });
    const sources = met.flatMap((p) => [...meetingsIn(ctx, p)[0]!.sources, ...mentionSources(engine, p)]);
    return answered(lines[0]!, lines.slice(1), sources, ctx.lang);
  }
  if (a.intents.has('visit')) return didVisit(ctx);
  const facts = matchingFacts(ctx);
  // "Did the special rep agree to open a trade house?": facts about it that state no agreeing (it was proposed)
  // are no yes — the release does not say so; what it says, with what became of the proposal.
  const needed = strictCues(a).length ? strictCues(a) : a.cues;
  // ("The Kazakh side agreed to consider the proposal" answers a proposal: it agrees to nothing asked.)
  const stated = facts.filter((f) => factStatesAsked(engine, f, a, needed));
  if (facts.length && stated.length === 0) {
    // The text's own sentences first: a fact about the subject may miss the detail asked ("the roadmap").
    const said = sentenceAnswer(ctx);
    if (said) return silentButSays(ctx, said);
    const sources = facts.flatMap((f) => f.sources);
    const responses = withResponses(engine, sources).filter((x) => !sources.includes(x));
    return silentButSays(ctx, { items: [...facts.map((f) => f.label), ...responses.map((x) => x.quote)], sources: [...sources, ...responses] });
  }
  // "Was the hub raised with Tedros?": a yes needs one fact that names them all; the hub came up with Guterres.
  if (facts.length && ctx.specific.length > 1) {
    const together = facts.filter((f) => ctx.specific.every((id) => factNames(ctx, f, id)));
    if (together.length === 0) return factsAnswer(ctx, facts, ctx.S.noBut);
  }
  // "Guterres invited Tokayev?": the invitation the release reports is Nurtleu conveying Tokayev's — no.
  const acted = a.agent ? facts.filter((f) => f.actor) : [];
  if (acted.length && !acted.some((f) => f.actor === a.agent)) return factsAnswer(ctx, acted, ctx.S.noBut);
  if (facts.length) return factsAnswer(ctx, facts, ctx.S.yesDiscussed);
  // "Was an agreement signed with Indonesia?" — nothing says so: the release is silent, not "no".
  if (ctx.terms.length || actionKinds(a).length || a.unknownWords.length) return undefined;
  return whatAnswer(ctx);
}

/**
 * "Did the minister visit Almaty?", "Did Tedros visit Kazakhstan?": only a reported visit of that
 * person to that place is a yes; a fact that merely names the place is not.
 */
function didVisit(ctx: Context): Answer {
  const { engine } = ctx;
  const places = ctx.specific.filter((id) => ['place', 'country'].includes(entity(engine, id)?.type ?? ''));
  const visitors = namedPeople(ctx);
  const visits = [...(engine.index.factsByKind.get('visit') ?? [])]
    .map((id) => engine.knowledge.facts.get(id)!)
    .filter((f) => ctx.releases.has(f.release))
    // A visit to Geneva is a visit to Switzerland too.
    .filter((f) => places.length === 0 || (f.where !== undefined && (places.includes(f.where) || places.includes(entity(engine, f.where)?.country ?? ''))))
    // "Did he also visit Fujian province?": a place the knowledge has no entity for is in the visit's words, or it is no visit there.
    .filter((f) => ctx.terms.every((t) => engine.index.factStems.has(f.id, t)))
    .filter((f) => {
      const who = f.actor ?? engine.knowledge.releases.get(f.release)?.principal;
      return visitors.length === 0 ? who === engine.knowledge.releases.get(f.release)?.principal : who !== undefined && visitors.includes(who);
    });
  if (visits.length === 0) return notFound(ctx.S.releaseSilent, ctx.lang);
  // "… visit was back in march, yeah?": a visit on another day is no yes — its release's day answers. (An undated
  // release that gives its day, "21 November", is checked by month and day: a year asked of it is not known.)
  const dates = ctx.a.proposed.dates;
  const onDay = (f: Fact): boolean | undefined => {
    const release = engine.knowledge.releases.get(f.release);
    if (release?.date) return dates.every((d) => dateMatches(release.date!, d));
    if (!release?.monthDay) return undefined;
    if (!dates.every((d) => dateMatches(`0000-${release.monthDay}`, { ...d, year: undefined }))) return false;
    return dates.some((d) => d.year !== undefined) ? undefined : true;
  };
  const days = visits.map(onDay);
  if (dates.length && !days.includes(true)) {
    const release = releaseOf(engine, visits[0]!.release)!;
    const day = ctx.S.releaseDate(visitWords(engine, release, ctx.lang).date);
    return answered(days.every((d) => d === false) ? `${ctx.S.noBut} ${day}` : day, [], visits[0]!.sources, ctx.lang);
  }
  return answered(
    `${ctx.S.yesDiscussed} ${visits[0]!.label}`,
    visits.slice(1).map((f) => f.label),
    visits.flatMap((f) => f.sources),
    ctx.lang,
  );
}

// ── when / where / how many ────────────────────────────────────────────────

function whenAnswer(ctx: Context): Answer | undefined {
  // "When will Tokayev arrive in Geneva?": a date of something elsewhere (the summit in Kazakhstan) is not it.
  const places = [...new Set(ctx.a.links.map((l) => l.entity))].filter((id) => ['place', 'country'].includes(entity(ctx.engine, id)?.type ?? ''));
  const there = (where: string | undefined): boolean =>
    where === undefined ||
    places.length === 0 ||
    places.includes(where) ||
    places.includes(entity(ctx.engine, where)?.country ?? '') ||
    places.some((p) => entity(ctx.engine, p)?.country === where);
  const dated = matchingFacts(ctx).filter((f) => f.when && there(f.where));
  if (dated.length) {
    const f = dated[0]!;
    return answered(
      `${ctx.S.when(f.when!)} ${f.label}`,
      dated.slice(1).map((x) => `${x.when}: ${x.label}`),
      dated.flatMap((x) => x.sources),
      ctx.lang,
    );
  }
  // "When is the 10th summit due?": a date the text gives beats the date of a meeting.
  // (Of a visit to come, only a sentence with what is asked: "when is Búcaro going to visit? He accepted the
  // invitation" is not answered by a September in another sentence.)
  const futureVisit = ctx.people.length > 0 && ctx.a.future && ctx.a.intents.has('visit');
  // "When is the Astana International Forum that Nurtleu invited Jurišić to?": an event the releases mention, not the one
  // they are about — its date is in the text or nowhere (not the day of the meeting that mentions it).
  const mentioned = ctx.specific.filter(
    (id) =>
      entity(ctx.engine, id)?.type === 'event' && ![...ctx.releases].some((r) => namesAnyOf(ctx.engine, sceneText(ctx.engine.knowledge.releases.get(r)), [id])),
  );
  if (mentioned.length)
    return sentenceAnswer(ctx) ?? notFound(ctx.S.mentionsButNot(mentioned.map((id) => nameOf(ctx.engine, id)).join(', '), ctx.S.askedWhen), ctx.lang);
  if (ctx.terms.length) {
    const said = sentenceAnswer(ctx);
    if (!futureVisit || (said && speaksTo(said, ctx.terms))) return said;
  }
  // "When is the next business council meeting?": what is to come has neither a meeting's date nor the release's.
  if (ctx.a.future && !ctx.a.intents.has('visit')) return sentenceAnswer(ctx) ?? notFound(ctx.S.releaseSilent, ctx.lang);
  // The dates of meetings answer when someone met: people asked about, or a meeting asked ("when did he meet
  // the Romanians?") — not "when will he visit Romania?" (the Romanians he met in Astana are no visit there).
  const asksPeople =
    ctx.a.intents.has('meet') ||
    ctx.a.roles.length > 0 ||
    ctx.a.qualified.length > 0 ||
    (ctx.a.personSubject && namedPeople(ctx).length === 0) || // "the lao guy"
    namedPeople(ctx).some((p) => ctx.people.includes(p));
  const noDateFor = (): Answer => notFound(ctx.S.mentionsButNot(ctx.people.map((p) => nameOf(ctx.engine, p)).join(', '), ctx.S.askedWhen), ctx.lang);
  // "When will Azoulay visit Kazakhstan?": the day she met him in Paris is no answer, nor is the release's date.
  if (futureVisit) return noDateFor();
  if (ctx.people.length && asksPeople) {
    const met = [...new Set(ctx.people.flatMap((p) => meetingsIn(ctx, p)))];
    // A release with no year anywhere: the meeting is there, its date is not ("date unknown" is no answer to "when").
    const meetings = met.filter((m) => {
      const r = releaseOf(ctx.engine, m.release);
      return r?.date !== undefined || r?.monthDay !== undefined;
    });
    // (Nor is the release's date an answer about someone it only mentions: "When will Radev arrive?")
    if (!meetings.length) return noDateFor();
    if (meetings.length) {
      const lines = meetings.map((m) => {
        const v = visitWords(ctx.engine, releaseOf(ctx.engine, m.release)!, ctx.lang);
        return ctx.S.metWith(
          v.principal,
          `${m.with
            .filter((p) => ctx.people.includes(p))
            .map((p) => nameOf(ctx.engine, p))
            .join(', ')} — ${[v.date, v.place].filter(Boolean).join(', ')}`,
        );
      });
      return answered(
        lines[0]!,
        lines.slice(1),
        meetings.flatMap((m) => m.sources),
        ctx.lang,
      );
    }
  }
  // "When was the Action Plan adopted?": a thing the release names, but no date of it.
  const things = ctx.specific.filter((id) => !ctx.engine.index.persons.has(id));
  if (things.length) return notFound(ctx.S.mentionsButNot(things.map((id) => nameOf(ctx.engine, id)).join(', '), ctx.S.askedWhen), ctx.lang);
  if (ctx.terms.length === 0 || ctx.specific.length === 0) return releaseDate(ctx);
  return undefined;
}

function whereAnswer(ctx: Context): Answer | undefined {
  // A fact's place answers when the fact holds at least half of what is asked: "where did he suggest setting
  // up a grain terminal?" is not where he invited his counterpart.
  const aboutIt = (f: Fact): boolean => termCoverage(ctx, new Set(ctx.engine.index.factStems.get(f.id))) * 2 >= ctx.a.terms.length;
  let placed = matchingFacts(ctx).filter((f) => f.where && aboutIt(f));
  // A sentence of the text that says it ("the Congress… in the city of Turkestan") before guessing wider.
  if (placed.length === 0 && (ctx.terms.length || ctx.specific.some((id) => !ctx.engine.index.persons.has(id)))) {
    const said = sentenceAnswer(ctx);
    if (said) return said;
  }
  // The place is a fact's `where`; a verb around the name ("to be set up") should not hide it.
  if (placed.length === 0 && ctx.specific.length) placed = matchingFacts({ ...ctx, terms: [] }).filter((f) => f.where);
  if (placed.length && (ctx.specific.length || ctx.terms.length)) {
    const f = placed[0]!;
    // "In which city…?" answered by a country is not an answer: say what the release does say.
    if (ctx.a.asksCity && entity(ctx.engine, f.where!)?.type === 'country') {
      return notFound(ctx.S.onlyCountry(nameOf(ctx.engine, f.where!)), ctx.lang);
    }
    return answered(
      `${ctx.S.where(nameOf(ctx.engine, f.where!))} ${f.label}`,
      [],
      placed.slice(0, 1).flatMap((x) => x.sources),
      ctx.lang,
    );
  }
  // "Which country is Ignazio Cassis from?": his title says — not where he goes next ("where is he being posted next?").
  const named = ctx.specific.filter((id) => entity(ctx.engine, id)?.type === 'person');
  if (named.length && !ctx.a.intents.has('meet') && !ctx.a.intents.has('visit') && !ctx.a.future) return describePeople(ctx, named);
  // "Where will the next meeting be held?", "…will the seventh commission be held?": not where this release happened.
  if (ctx.a.intents.has('plan') || ctx.a.future) return undefined;
  return releasePlace(ctx);
}

function countAnswer(ctx: Context): Answer | undefined {
  const { a } = ctx;
  // "How many days did the visit last?" counts something the release does not count.
  // Something the meetings do not count ("how many scholarships…"): only a sentence with a number says.
  if (!a.countable) return sentenceAnswer(ctx) ?? notFound(ctx.S.releaseSilent, ctx.lang);
  // "How many people attended the conference?": how many came, which only a sentence gives — not how many it names.
  if (a.asksAttendance && a.counted) return sentenceAnswer(ctx) ?? notFound(ctx.S.releaseSilent, ctx.lang);
  // "How many leaders came to the SCO summit?": nobody the release names is of the summit.
  if (ctx.specific.length && ctx.people.length === 0) return notFound(ctx.S.releaseSilent, ctx.lang);
  if (ctx.people.length) {
    const met = ctx.people.filter((p) => meetingsIn(ctx, p).length);
    if (met.length === 0) return undefined;
    return answered(
      ctx.S.count(met.length, met.length === 1 ? ctx.S.person : ctx.S.people),
      met.map((p) => personLine(ctx.engine, p)),
      met.flatMap((p) => mentionSources(ctx.engine, p)),
      ctx.lang,
    );
  }
  if (ctx.group === 'organization' && !a.intents.has('meet') && !a.groupPeople) {
    return namedEntities(ctx, 'organization'); // "How many organizations were mentioned?"
  }
  if (ctx.group) return groupAnswer(ctx);
  const met = [...new Set(counterpartsIn(ctx).map((m) => m.person))];
  if (met.length === 0) return undefined;
  return answered(
    ctx.S.count(met.length, met.length === 1 ? ctx.S.person : ctx.S.people),
    met.map((p) => personLine(ctx.engine, p)),
    met.flatMap((p) => mentionSources(ctx.engine, p)),
    ctx.lang,
  );
}
