/**
 * Yes/no with a proposed value — "is the hub going to Astana?", "the summit is in June, isn't it?",
 * "so this was all in New York?": "Yes" only when a fact confirms the value, "No — <what the release
 * says>" when a fact states another value of the same kind, and nothing (left to the other answers,
 * or to "the release doesn't say") when no fact speaks to it.
 */
import { REMOTE_MEETING } from '../text/remote';
import type { Fact, Release, Source } from '../knowledge/types';
import type { DateMention } from '../search/dates';
import { dateMatches, whenMatches } from '../search/dates';
import { answered, type Answer } from './answer';
import { meetingsIn, namedPeople, type Context } from './ask-context';
import { factStatesAction, factStatesAsked, matchingFacts } from './fact-match';
import { entity, mentionSources, nameOf, peopleOf, personLine, visitWords } from './people';
import { releasesInScope } from './release-meta';
import { namesAnyOf, sceneStems, sceneText, sentencesStating, withResponses } from './sentences';
import { tokensOf } from '../search/tokens';

type Kind = 'place' | 'country' | 'organization';
type Verdict = { yes: boolean; text: string; more?: readonly string[]; sources: readonly Source[] };

export function polarAnswer(ctx: Context): Answer | undefined {
  const { proposed } = ctx.a;
  // "… with the Czech Senate delegation?": a country's adjective describing a noun proposes nothing.
  const describing = new Set(ctx.a.qualified.map((q) => q.entity));
  const values = [
    ...proposed.entities.filter((id) => !describing.has(id)).map((id) => ({ id, kind: kindOfEntity(ctx, id) })),
    ...proposed.unknownNames.map((name) => ({ id: name, kind: ctx.engine.index.worldKinds.get(name) })),
  ];
  if (values.length === 0 && proposed.dates.length === 0) return undefined;
  // The question less its proposal is the subject: "is [the UN hub] going to Astana?".
  const specific = ctx.specific.filter((id) => !proposed.entities.includes(id));
  const subject: Context = { ...ctx, specific, people: [...new Set(specific.flatMap((id) => peopleOf(ctx.engine, id)))] };
  const verdict =
    personVerdict(subject, values) ??
    notMet(subject) ??
    (aboutMeeting(subject)
      ? meetingVerdict(subject, values, proposed.dates)
      : (factVerdict(subject, values, proposed.dates) ?? placeOfMeeting(subject, values, proposed.dates)));
  if (!verdict) return undefined;
  const S = ctx.S;
  // "They met in person in Astana, right?" of a phone call: no, whatever the place and day.
  const remote =
    ctx.a.inPerson && verdict.yes
      ? verdict.sources.find((x) => REMOTE_MEETING.test(x.quote) || REMOTE_MEETING.test(firstParagraph(ctx, x.release)))
      : undefined;
  if (remote) return answered(`${S.noBut} ${S.notInPerson}`, [], [remote], ctx.lang);
  // ("Did he accept the invite to Vilnius?": yes, it was to Vilnius — and the sentence after says what became of it.)
  return answered(`${verdict.yes ? S.yes : S.noBut} ${verdict.text}`, verdict.more ?? [], withResponses(ctx.engine, verdict.sources), ctx.lang);
}

/**
 * "Did Abdrakhmanov host King Abdullah II in Astana?" when the king was only mentioned: no — and whom the visit's
 * principal did meet there.
 */
function firstParagraph(ctx: Context, release: string): string {
  return ctx.engine.knowledge.releases.get(release)?.paragraphs[0] ?? '';
}

function notMet(ctx: Context): Verdict | undefined {
  // (A meeting asked about, nothing done at it: "did Maris accept the invitation?" asks about the invitation.)
  if (!ctx.a.intents.has('meet') || [...ctx.a.intents].some((i) => i !== 'meet' && i !== 'date' && i !== 'place')) return undefined;
  const named = namedPeople(ctx);
  const absent = named.filter((p) => !ctx.engine.index.principals.has(p) && meetingsIn(ctx, p).length === 0);
  const principal = named.find((p) => ctx.engine.index.principals.has(p));
  if (absent.length === 0 || !principal) return undefined;
  const theirs = releasesInScope(ctx)
    .filter((r) => r.principal === principal)
    .flatMap((r) => ctx.engine.index.meetingsByRelease.get(r.id) ?? []);
  if (theirs.length === 0 || theirs.length > 3) return undefined;
  const met = [...new Set(theirs.flatMap((m) => m.with))].map((p) => personLine(ctx.engine, p));
  return { yes: false, text: ctx.S.metThere(nameOf(ctx.engine, principal), met.join('; ')), sources: theirs.flatMap((m) => m.sources) };
}

/**
 * Said of one person ("Cassis is Austrian?", "the rights chief is Bachelet?", "Is Faisal from Saudi
 * Arabia?"): their country, organization and name, as the knowledge gives them, confirm or deny it.
 */
function personVerdict(ctx: Context, values: ReadonlyArray<{ id: string; kind: Kind | undefined }>): Verdict | undefined {
  if (!ctx.a.personSubject || ctx.people.length !== 1 || ctx.terms.length || values.length === 0 || ctx.a.intents.size) return undefined;
  const person = entity(ctx.engine, ctx.people[0]!);
  if (!person) return undefined;
  const belongs = new Set(peopleOf(ctx.engine, person.id).length ? [person.country, person.organization, ...ancestors(ctx, person.organization)] : []);
  const names = [person.name, ...person.aliases].map((n) => n.toLowerCase());
  const yes = values.every((v) => belongs.has(v.id) || names.some((n) => n.includes(v.id.toLowerCase())));
  return { yes, text: personLine(ctx.engine, person.id), sources: mentionSources(ctx.engine, person.id) };
}

function ancestors(ctx: Context, id: string | undefined): string[] {
  const out: string[] = [];
  for (let at = id ? entity(ctx.engine, id)?.parent : undefined, depth = 0; at && depth < 5; at = entity(ctx.engine, at)?.parent, depth++) out.push(at);
  return out;
}

/** A meeting or the visit itself ("did he meet Guterres in Geneva?", "this was all in New York?"): the release's place and date. */
function aboutMeeting(ctx: Context): boolean {
  // "He proposed holding the commission in Astana, right?": an action's place, not the meeting's.
  if (ctx.a.cues.length) return false;
  // ("The KZ–Trinidad business forum in June 2023 was held in Almaty, right?": words of the one release's own scene —
  // its headline, its opening — ask about its event, not about the next forum it mentions.)
  // (A visit of its own visitor is that scene too: "the EU–Central Asia ministerial Nurtleu went to was in Brussels, right?")
  if (ctx.terms.length) {
    const only = ctx.releases.size === 1 ? [...ctx.releases][0]! : undefined;
    // (Not a visitor asked by their role: "did the Thai Senate President visit Kazakhstan?")
    const visitors = [...namedPeople(ctx), ...(ctx.a.roleWords.length ? ctx.people : [])];
    const ownVisit = only !== undefined && visitors.every((p) => p === ctx.engine.knowledge.releases.get(only)?.principal);
    return !ctx.a.future && (!ctx.a.intents.has('visit') || ownVisit) && only !== undefined && ctx.terms.every((t) => sceneStems(ctx.engine, only).has(t));
  }
  if (ctx.specific.length === 0) return true;
  // "Has Tedros been to Kazakhstan?" asks about his visit (a fact), not about meeting him.
  if (ctx.a.intents.has('visit')) return false;
  // ("The KZ–Barbados business forum was held in Almaty, right?": the event the one release is about.)
  return ctx.people.some((p) => meetingsIn(ctx, p).length > 0) || (!ctx.a.future && sceneEvent(ctx));
}

/**
 * Whether the question names an event that the headline or opening of the one release asked about names (or a body
 * that meets: "the Kazakhstan–Albania commission was held in Tirana, right?" of "… held the first session of their
 * Intergovernmental Commission … in Durrës").
 */
function sceneEvent(ctx: Context): boolean {
  const release = ctx.releases.size === 1 ? ctx.engine.knowledge.releases.get([...ctx.releases][0]!) : undefined;
  const events = ctx.specific.filter((id) => ['event', 'organization'].includes(entity(ctx.engine, id)?.type ?? ''));
  return release !== undefined && events.length > 0 && namesAnyOf(ctx.engine, sceneText(release), events);
}

function meetingVerdict(ctx: Context, values: ReadonlyArray<{ id: string; kind: Kind | undefined }>, dates: readonly DateMention[]): Verdict | undefined {
  const meetings = ctx.people.flatMap((p) => meetingsIn(ctx, p));
  const release: Release | undefined = meetings.length ? ctx.engine.knowledge.releases.get(meetings[0]!.release) : releasesInScope(ctx)[0];
  if (!release) return undefined;
  const v = visitWords(ctx.engine, release, ctx.lang);
  const sources = meetings.length ? meetings[0]!.sources : release.paragraphs[0] ? [{ release: release.id, paragraph: 1, quote: release.paragraphs[0] }] : [];
  const text = v.place ? ctx.S.releasePlace(v.place, v.date) : ctx.S.releaseDate(v.date);
  // ("… visit to Kazakhstan was in Almaty?": the city is what is put for confirmation, not the country it is in.)
  const inside = (id: string) => values.some((v) => v.id !== id && entity(ctx.engine, v.id)?.country === id);
  for (const value of values.filter((v) => !inside(v.id))) {
    if (value.kind === 'organization' || !release.place) continue;
    const place = release.place;
    const yes = value.id === place || entity(ctx.engine, place)?.country === value.id;
    // The sentence that names the place, when the meeting's own does not ("The ceremony took place … in Thimphu").
    const naming = sources.some((s) => namesAnyOf(ctx.engine, s.quote, [place]))
      ? []
      : sentencesStating(ctx.engine, [release.id], (s) => namesAnyOf(ctx.engine, s, [place]), 1);
    return { yes, text, sources: [...sources, ...naming] };
  }
  // (Asked only a day: the release's day, not where it was — "the phone call was in December, yes?".)
  const dayText = values.length ? text : ctx.S.releaseDate(v.date);
  for (const date of dates) {
    // (An undated release that gives its day, "12 November": a month or day asked without a year is checked against it.)
    if (!release.date && release.monthDay && date.month !== undefined && date.year === undefined) {
      return { yes: dateMatches(`0000-${release.monthDay}`, date), text: dayText, sources };
    }
    if (!release.date) continue;
    return { yes: dateMatches(release.date, date), text: dayText, sources };
  }
  return undefined;
}

/**
 * "He handed his credentials to Kagame in Addis Ababa, right?", "the phone call was in December, yes?": no fact places
 * or dates what is asked, but the people named met in this release — the meeting's place and day answer. (Not an
 * action asked: "he proposed holding it in Astana?" is about the proposal's place.)
 */
function placeOfMeeting(ctx: Context, values: ReadonlyArray<{ id: string; kind: Kind | undefined }>, dates: readonly DateMention[]): Verdict | undefined {
  if (ctx.a.cues.length || !(values.some((v) => v.kind === 'place' || v.kind === 'country') || dates.length)) return undefined;
  // ("Did the Thai Senate President visit Kazakhstan in 2022?": his visit, not the meeting the release reports — unless
  // the trip asked about is to meet someone, "did she fly to Santiago to meet Valdés?", or to the country the meeting
  // was in: "Kwape's visit to Kazakhstan was in Almaty, yeah?")
  // (The principal met everyone his release reports: "tolegenov handed over his credentials in canberra, right?".)
  const principals = new Set(ctx.a.links.map((l) => l.entity).filter((id) => ctx.engine.index.principals.has(id)));
  const led = ctx.releases === ctx.engine.index.releaseIds ? [] : releasesInScope(ctx).filter((r) => r.principal && principals.has(r.principal));
  // (…or the visit is the one release's own, its visitor asked about: "was nurtleu's gabon visit in libreville?".)
  if (ctx.a.intents.has('visit') && !ctx.a.intents.has('meet') && !inCountryOfMeeting(ctx, values) && !(led.length === 1 && ctx.releases.size === 1))
    return undefined;
  const met = ctx.people.some((p) => meetingsIn(ctx, p).length > 0);
  if (!met && led.length !== 1) return undefined;
  const verdict = meetingVerdict(met ? ctx : { ...ctx, releases: new Set([led[0]!.id]) }, values, dates);
  // Every word asked is in the meeting's sentences: "… meet the Philippine Secretary of Foreign Affairs in Manila?"
  // asks about someone the meeting is not with.
  const stems = new Set(verdict?.sources.flatMap((s) => tokensOf(s.quote).map((t) => t.stem)));
  return ctx.terms.every((t) => stems.has(t)) ? verdict : undefined;
}

/** Whether a place proposed is in the country of a meeting of the people named. */
function inCountryOfMeeting(ctx: Context, values: ReadonlyArray<{ id: string; kind: Kind | undefined }>): boolean {
  const countryOf = (id: string | undefined) => (id && entity(ctx.engine, id)?.type === 'country' ? id : id ? entity(ctx.engine, id)?.country : undefined);
  const met = ctx.people.flatMap((p) => meetingsIn(ctx, p)).map((m) => countryOf(ctx.engine.knowledge.releases.get(m.release)?.place));
  return values.some((v) => (v.kind === 'place' || v.kind === 'country') && countryOf(v.id) !== undefined && met.includes(countryOf(v.id)));
}

function factVerdict(ctx: Context, values: ReadonlyArray<{ id: string; kind: Kind | undefined }>, dates: readonly DateMention[]): Verdict | undefined {
  if (ctx.specific.length === 0 && ctx.terms.length === 0) return undefined;
  const facts = matchingFacts(ctx);
  const answer = (yes: boolean, f: Fact, more: readonly Fact[] = []): Verdict => ({
    yes,
    text: f.label,
    more: more.map((m) => m.label),
    sources: [f, ...more].flatMap((m) => m.sources),
  });
  for (const value of values) {
    // Confirmed by the facts that name the value (or a place inside it: Almaty is in Kazakhstan)…
    // (…and state the action asked: "did they agree to flights to Ho Chi Minh City?" is no yes where they were only
    // proposed — the rest of the answer says what the release says instead.)
    const naming = facts.filter((f) => factPlaces(ctx, f).some((id) => id === value.id || entity(ctx.engine, id)?.country === value.id));
    // (Nor a fact that only proposes it, asked whether the other side agreed: "did Zimbabwe go for his idea of a trading
    // house in Harare?" — "Bakayev proposed opening a trading house in Harare" is no yes.)
    // (And a visit asked about is confirmed by a visit: "did she fly to Santiago?" is no yes where the next round of
    // consultations is only to be held there.)
    const confirming = naming.filter((f) => factStatesAsked(ctx.engine, f, ctx.a, ctx.a.cues) && (!ctx.a.intents.has('visit') || f.kind === 'visit'));
    if (confirming[0]) return answer(true, confirming[0], confirming.slice(1, 3));
    if (naming.length) return undefined;
    // (Nor is the place a release is placed in contradicted by another a fact names: "was nurtleu's gabon visit in
    // libreville?" — not "no" for "he is expected to move on to Malabo"; the visit's own place answers.)
    if (releasesInScope(ctx).some((r) => r.place === value.id || entity(ctx.engine, r.place ?? '')?.country === value.id)) continue;
    // …contradicted by one that names another of the same kind — and states the action asked about
    // ("proposed holding the commission in Astana?" is not contradicted by a joint venture in Kostanay).
    // (…and concerns someone the question names: "did King Hamad accept the invitation to Kazakhstan?" is not
    // contradicted by the minister's invitation to Manama.)
    const contradicting = facts.find(
      (f) => factPlaces(ctx, f).some((id) => kindOfEntity(ctx, id) === value.kind) && (ctx.a.cues.length === 0 || statesCue(ctx, f)) && concernsNamed(ctx, f),
    );
    if (contradicting) return answer(false, contradicting);
  }
  for (const date of dates) {
    const dated = facts.filter((f) => f.when);
    const confirming = dated.find((f) => whenMatches(f.when!, date));
    if (confirming) return answer(true, confirming);
    if (dated[0]) return answer(false, dated[0]);
  }
  return undefined;
}

/** Whether a fact is by, with or about one of the people the question names by name (any fact, when it names none). */
function concernsNamed(ctx: Context, fact: Fact): boolean {
  const named = ctx.a.links.filter((l) => l.role === 'name' && ctx.engine.index.persons.has(l.entity) && !ctx.engine.index.principals.has(l.entity));
  if (named.length === 0) return true;
  const about = ctx.engine.index.factEntities.get(fact.id);
  const meeting = fact.meeting ? ctx.engine.knowledge.meetings.get(fact.meeting) : undefined;
  return named.some((l) => fact.actor === l.entity || about?.includes(l.entity) || meeting?.with.includes(l.entity));
}

/** Whether a fact's words hold one of the question's action words ("propos"). */
function statesCue(ctx: Context, fact: Fact): boolean {
  return ctx.a.cues.some((c) => factStatesAction(ctx.engine, fact, c));
}

/** The places, countries and organizations a fact names: its `where` and the names in its words. */
function factPlaces(ctx: Context, fact: Fact): string[] {
  const named = ctx.engine.index.factEntities.get(fact.id);
  return [...new Set([...(fact.where ? [fact.where] : []), ...named])].filter((id) => ctx.engine.index.placeLike.has(id) && !ctx.specific.includes(id));
}

function kindOfEntity(ctx: Context, id: string): Kind | undefined {
  const type = entity(ctx.engine, id)?.type;
  return type === 'place' || type === 'country' || type === 'organization' ? type : undefined;
}
