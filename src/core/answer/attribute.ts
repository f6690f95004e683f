/**
 * Questions that ask an attribute of a thing — its time, cost, duration, start, which institution:
 * answered only by facts whose words state it. Otherwise a partial abstention that says what the
 * release does mention: "The release mentions the Master's programme, but not when it starts."
 */
import type { Fact } from '../knowledge/types';
import { LEXICON, type Attribute } from '../lexicon/lexicon';
import { answered, notFound, type Answer } from './answer';
import type { Context } from './ask-context';
import { figureOfOtherYear, matchingFacts, PROPOSING } from './fact-match';
import { meetingsIn } from './ask-context';
import { factsOf } from './topics';
import { nameOf, visitWords } from './people';
import { factsAnswer } from './facts-answer';
import { namesAnyOf, mayNamePerson, sceneStems, sentenceAnswer, sentencesStating, withResponses } from './sentences';
import { tokensOf } from '../search/tokens';

/** Up to this many releases asked about, the words of their scenes set the scene and need not be in the answer. */
const MAX_SCENE_RELEASES = 3;
/** Attributes that are figures of something: the words asked name which ("trade"); a sum's may only set the scene ("sending aid for the drought"). */
const FIGURES: ReadonlySet<Attribute> = new Set(['trade', 'growth', 'percent']);
/** A visit's proposals quoted at most: past this many the question is too wide for one answer. */
const MAX_PROPOSALS = 4;

/** Whether a fact states the attribute: its `when` for dates, its words for the rest (lexicon `evidence`). */
function states(fact: Fact, attribute: Attribute): boolean {
  if (attribute === 'start') return fact.when !== undefined;
  if (attribute === 'day') return fact.when !== undefined && /\b\d{1,2}\b/.test(fact.when.replace(/\b\d{4}\b/g, ''));
  const evidence = LEXICON.evidence.get(attribute);
  return evidence !== undefined && [fact.label, ...fact.sources.map((s) => s.quote)].some(evidence);
}

export function attributeAnswer(ctx: Context): Answer {
  const attribute = ctx.a.attribute!;
  const meetings = ctx.people.flatMap((p) => meetingsIn(ctx, p));
  const facts = ctx.terms.length || meetings.length === 0 ? matchingFacts(ctx) : meetings.flatMap((m) => factsOf(ctx.engine, m));
  // "What day was the meeting?": the meeting's own date is the release's, which names the day.
  // (Not the dates of a visit an invitation is for: "he accepted the invite — what are the dates of his visit?"; nor of
  // one to come: "what date will he meet Lavrov?")
  if (attribute === 'day' && ctx.terms.length === 0 && meetings.length && !ctx.a.intents.has('invite') && !ctx.a.future) {
    const m = meetings[0]!;
    const release = ctx.engine.knowledge.releases.get(m.release);
    if (release)
      return answered(
        ctx.S.metWith(
          visitWords(ctx.engine, release, ctx.lang).principal,
          `${m.with.map((p) => nameOf(ctx.engine, p)).join(', ')} — ${visitWords(ctx.engine, release, ctx.lang).date}`,
        ),
        [],
        m.sources,
        ctx.lang,
      );
  }
  const stated = facts.filter((f) => states(f, attribute));
  if (stated.length) return factsAnswer(ctx, stated);
  // A release nobody curated may still say it in a sentence ("trade reached 400 million US dollars").
  // (How a proposal was received: the proposal about the subject found, with the reply after it — or the reply itself.)
  const evidence = attribute === 'response' ? (text: string) => LEXICON.response(text) || LEXICON.proposal(text) : LEXICON.evidence.get(attribute);
  // (Words of the one visit's scene need not be in it: "who initiated the phone call?" — "the conversation took place
  // at the initiative of the Israeli side".)
  const scene = ctx.releases.size <= MAX_SCENE_RELEASES ? [...ctx.releases].map((id) => sceneStems(ctx.engine, id)) : [];
  // (Not of a figure: its word says which figure — "trade" in "Minister of Foreign Affairs and Trade" is still what is asked.)
  const inScene = scene.length && !FIGURES.has(attribute) ? { ...ctx, terms: ctx.terms.filter((t) => !scene.every((stems) => stems.has(t))) } : ctx;
  // ("What did Leyva say about the visa proposal?": the proposal has the words asked, the reply after it says who said
  // what — no one sentence of both need be his saying.)
  const asked =
    attribute === 'response' ? { ...inScene, a: { ...inScene.a, intents: new Set([...inScene.a.intents].filter((i) => i !== 'assess')) } } : inScene;
  // "Who headed Cyprus's delegation?": a sentence about that country's side.
  const side = attribute === 'heads' ? ctx.a.delegationOf : undefined;
  // (Not a figure of another year than the one asked: "trade in 2025" is not "512 million in 2024".)
  // (Asked who, a sentence that names someone: "who led the Kazakh side?" is not answered by "the meeting was chaired by Kazakhstan".)
  const person = attribute === 'heads' && ctx.a.ask === 'who';
  const stating =
    evidence &&
    ((text: string) =>
      evidence(text) && (!side || namesAnyOf(ctx.engine, text, [side])) && (!person || mayNamePerson(ctx.engine, text)) && !figureOfOtherYear(ctx.a, text));
  if (stating && (attribute === 'proposal' || attribute === 'response') && scene.length) {
    // "What proposals came up, and what happened to them?", "… the business council and the Aktau idea?": every
    // proposal of the visit that speaks of what is asked (all of them when only the scene is asked), each with its answer.
    // (The words of proposing are no subject: "the HRC request" is "asked for … support" — the evidence says so.)
    const subject = asked.terms.filter((t) => !PROPOSING.has(t));
    const overlap = (text: string): number => {
      const stems = new Set(tokensOf(text).map((t) => t.stem));
      return subject.filter((t) => stems.has(t)).length;
    };
    // (The act of proposing, as the proposal attribute's evidence says it: "Tileuberdi supported the proposal" is a reply.)
    const proposing = attribute === 'response' ? (LEXICON.evidence.get('proposal') ?? stating) : stating;
    const found = sentencesStating(ctx.engine, ctx.releases, (text) => proposing(text) && (subject.length === 0 || overlap(text) > 0), MAX_PROPOSALS);
    const sources = withResponses(ctx.engine, found);
    // Asked how one was received, the proposal that best matches it must have a reply: "what did they say about the
    // working group idea?" is not answered by the reply to the food security organization beside it.
    const best = found.reduce<(typeof found)[number] | undefined>((b, x) => (!b || overlap(x.quote) > overlap(b.quote) ? x : b), undefined);
    const replied = (x: (typeof found)[number]): boolean => withResponses(ctx.engine, [x]).some((y) => LEXICON.response(y.quote));
    if (sources.length && (attribute === 'proposal' || (best && replied(best)))) return answered(ctx.S.fromText, [], sources, ctx.lang);
  }
  if (stating && attribute !== 'start' && attribute !== 'day') {
    const said = sentenceAnswer(asked, ctx.releases, undefined, stating);
    // ("What did they say about the working group proposal?" of a proposal nobody answers: the release doesn't say.)
    if (said && (attribute !== 'response' || said.sources.some((x) => LEXICON.response(x.quote)))) return said;
    // Nothing asked but the scene ("who co-chaired the consultations in Valletta?"): those releases' sentences that state it.
    if (scene.length && asked.terms.length === 0) {
      const sources = sentencesStating(ctx.engine, ctx.releases, attribute === 'response' ? LEXICON.response : stating);
      if (sources.length) return answered(ctx.S.fromText, [], withResponses(ctx.engine, sources), ctx.lang);
    }
  }
  const subject = [...ctx.specific.map((id) => nameOf(ctx.engine, id)), ...ctx.a.subjectWords].join(' ');
  if (facts.length === 0 && !subject) return notFound(ctx.S.releaseSilent, ctx.lang);
  return notFound(ctx.S.mentionsButNot(subject || ctx.S.theMeetings, ctx.S.attribute[attribute]), ctx.lang);
}
