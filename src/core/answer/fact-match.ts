/**
 * Which curated facts answer a question, best first: by the entities, words, dates and
 * action words they share with it. Rarest words first, so that a thousand releases stay quick.
 */
import type { Context } from './ask-context';
import type { Engine } from '../engine';
import type { Fact } from '../knowledge/types';
import type { FactKind } from '../knowledge/schema';
import type { Frame, Intent } from '../read/frame';
import { lexiconStem } from '../read/lexicon-words';
import { whenMatches } from '../search/dates';
import { factsIn, peopleOf } from './people';
import { LEXICON, type Attribute } from '../lexicon/lexicon';
import { stem } from '../text/normalize';

/** Stems of the actions a fact must say to state them ("sign"). */
const STRICT_ACTIONS = new Set([...LEXICON.strictActions].map((w) => stem(w)));

/** The question's action words that a fact must say to state them ("sign"). */
export function strictCues(a: Frame): string[] {
  return a.cues.filter((c) => STRICT_ACTIONS.has(c));
}

/** Facts ranked in full for one question, at most (the rest cover fewer of its words). */
const MAX_CANDIDATES = 200;

/** Which fact kinds each intent asks about. */
const KINDS_BY_INTENT: Partial<Record<Intent, readonly FactKind[]>> = {
  invite: ['invitation'],
  visit: ['visit'],
  agree: ['agreement', 'cooperation'],
  support: ['support'],
  assess: ['assessment', 'statement'],
  plan: ['initiative', 'invitation'],
  topic: ['topic', 'initiative'],
};

/**
 * Whether a fact states an action word of the question ("sign"): its words hold it — but a proposal states only
 * the proposing ("proposed signing a memorandum" is no signing), and an answer to one only the answering
 * ("agreed to consider the proposal" agrees to nothing asked).
 */
export function factStatesAction(engine: Engine, fact: Fact, cue: string): boolean {
  if (fact.kind === 'initiative') return PROPOSING.has(cue);
  return engine.index.factStems.has(fact.id, cue) && !fact.sources.every((x) => LEXICON.response(x.quote));
}
/**
 * Whether a fact states the action a question asks: one of its action words, as above — and, asked whether a side
 * agreed or went along ("did Zimbabwe go for his idea?"), not a fact that only proposes it, cue word or not.
 */
export function factStatesAsked(engine: Engine, fact: Fact, a: Frame, cues: readonly string[]): boolean {
  if (fact.kind === 'initiative' && (a.intents.has('agree') || a.intents.has('support'))) return false;
  return cues.length === 0 || cues.some((c) => factStatesAction(engine, fact, c));
}
/** The stems of the words that ask a proposal (lexicon `attributes.proposal`). */
export const PROPOSING = new Set((LEXICON.attributes.get('proposal') ?? []).flatMap((p) => p.split(' ').map(lexiconStem)));

/** Facts that answer the question, best first: by the entities and words they share with it. */
export function matchingFacts(ctx: Context): Fact[] {
  const { engine, a } = ctx;
  const candidates = new Set<string>();
  if (ctx.specific.length) {
    // A fact must name what the question names (or its people): start from those facts.
    for (const id of ctx.specific) {
      for (const who of [id, ...peopleOf(engine, id)]) for (const f of engine.index.factsByEntity.get(who) ?? []) candidates.add(f);
    }
  } else if (ctx.terms.length) {
    // A fact must carry at least half the weight of the question's words. Rarest words first: a fact
    // with none of the first few can't reach half, so only their (short) postings are read.
    const weighted = ctx.terms.map((t) => ({ t, w: engine.index.stemWeight(t) })).sort((x, y) => y.w - x.w);
    const total = weighted.reduce((sum, x) => sum + x.w, 0);
    const seeds = new Set<string>();
    let rest = total;
    for (const { t, w } of weighted) {
      if (rest < total * 0.5) break;
      for (const f of engine.index.factsByStem.get(t) ?? []) seeds.add(f);
      rest -= w;
    }
    const enough: Array<[string, number]> = [];
    // Thousands of seeds for a common word: each word's number is looked up once, each fact's once.
    const { factStems } = engine.index;
    const ids = weighted.map((x) => factStems.idOf(x.t));
    for (const f of seeds) {
      const k = factStems.keyOf(f);
      let w = 0;
      for (let j = 0; j < weighted.length; j++) if (factStems.holds(k, ids[j]!)) w = w + weighted[j]!.w;
      if (w >= total * 0.5) enough.push([f, w]);
    }
    // Only the best-covered few can make the answer (it shows at most eight): rank those, not thousands.
    if (enough.length > MAX_CANDIDATES) enough.sort((x, y) => y[1] - x[1]).length = MAX_CANDIDATES;
    for (const [f] of enough) candidates.add(f);
  }
  // Facts dated as the question says: "What was planned for July?"
  if (a.dates.length) for (const f of engine.index.datedFacts) if (datedAsAsked(a, f)) candidates.add(f.id);
  // "What was agreed?": facts of that kind. (Topics and meetings are better answered by the whole visit.)
  if (candidates.size === 0 && ctx.specific.length === 0 && ctx.terms.length === 0) {
    for (const kind of actionKinds(a)) for (const id of engine.index.factsByKind.get(kind) ?? []) candidates.add(id);
  }
  const ranked = rankFacts(ctx, [...candidates], false);
  // (The second half of a question of two, from the releases the first half's facts are of.)
  if (!ctx.a.compound || ranked.length === 0) return ranked;
  const pool = factsIn(engine, new Set(ranked.map((f) => f.release)));
  return [...ranked, ...otherFactHalves(ctx, ranked, pool)];
}

/** How many of the question's subject words (the group asked for included) a fact's or a sentence's stems hold. */
export function termCoverage(ctx: Context, stems: ReadonlySet<string>): number {
  return ctx.a.terms.filter((t) => stems.has(t)).length;
}

/**
 * Scores facts; keeps those clearly relevant. `within` = the facts of a meeting
 * the question already chose: then only the question's words and intents narrow it.
 */
export function rankFacts(ctx: Context, ids: readonly string[], within: boolean): Fact[] {
  const { engine, a } = ctx;
  // Inside a meeting the question already chose, "discussed" covers every fact: only actions narrow.
  const kinds = within ? actionKinds(a) : intentKinds(a);
  // A date no release has, but some fact's "when" has, is what the question is about.
  const asksFactDate = a.dates.length > 0 && engine.index.datedFacts.some((f) => datedAsAsked(a, f));
  const termWeight = ctx.terms.reduce((sum, t) => sum + engine.index.stemWeight(t), 0);
  // "Which agreements did they sign?": only a fact that says "signed" states it. (A yes/no keeps the others:
  // "was it signed?" is answered by what the release says instead — a draft, work to go on.)
  const strict = a.ask === 'yesno' ? [] : strictCues(a);
  // (Checked only when the question asks a figure of some year: thousands of facts may be ranked.)
  const yearsMatter = a.dates.some((d) => d.year) && asksFigure(a);
  // Thousands of facts may be ranked: each word and entity asked about is looked up in the facts' sets once
  // (an entity with its people, as factNames does), and each fact's set once.
  const { factStems: stems, factEntities: names } = engine.index;
  const weighted = (words: readonly string[]) => words.map((w) => ({ word: stems.idOf(w), weight: engine.index.stemWeight(w) }));
  const terms = weighted(ctx.terms);
  const cues = weighted(a.cues);
  const strictWords = strict.map((w) => stems.idOf(w));
  const namers = ctx.specific.map((e) => [e, ...peopleOf(engine, e)].map((x) => names.idOf(x)));
  const scored: Array<{ fact: Fact; score: number }> = [];
  for (const id of new Set(ids)) {
    const fact = engine.knowledge.facts.get(id);
    if (!fact || !ctx.releases.has(fact.release)) continue;
    const words = stems.keyOf(id);
    const has = (word: number): boolean => stems.holds(words, word);
    if (strictWords.length && !strictWords.some(has)) continue;
    if (yearsMatter && fact.sources.length && fact.sources.every((x) => figureOfOtherYear(a, x.quote))) continue;
    const covered = terms.reduce((sum, t) => sum + (has(t.word) ? t.weight : 0), 0);
    const entities = names.keyOf(id);
    const named = namers.filter((any) => any.some((e) => names.holds(entities, e))).length;
    const kindMatch = kinds.includes(fact.kind);
    const cued = cues.reduce((sum, c) => sum + (has(c.word) ? c.weight : 0), 0) / 2;
    if (within) {
      if (covered === 0 && !kindMatch && cued === 0) continue;
      scored.push({ fact, score: covered + cued + (kindMatch ? 1 : 0) });
      continue;
    }
    const wordsOk = termWeight === 0 || covered >= termWeight * 0.5;
    const entitiesOk = ctx.specific.length === 0 || named > 0;
    // "agreed", "invited": a fact of another kind answers only if the words match.
    if (actionKinds(a).length && !kindMatch && covered === 0 && cued === 0) continue;
    const dated = datedAsAsked(a, fact);
    const datesOk = !asksFactDate || dated;
    if (!wordsOk || !entitiesOk || !datesOk || (termWeight === 0 && named === 0 && !kindMatch && !dated)) continue;
    scored.push({ fact, score: covered + cued + 2 * named + (kindMatch ? 1.5 : 0) + (dated ? 2 : 0) });
  }
  scored.sort((x, y) => y.score - x.score);
  const best = scored[0]?.score ?? 0;
  // Keep the facts close to the best one, so a precise question gets a precise answer.
  return scored
    .filter((s) => s.score >= best * (within ? 0.6 : 0.75))
    .slice(0, 8)
    .map((s) => s.fact);
}

const DOCUMENT_STEMS = [...new Set(LEXICON.documents.map((w) => stem(w)))];
/** Documents talked about unsigned, at most, beside what was signed. */
const MAX_UNSIGNED = 3;

/**
 * "What was signed, and which agreements are still being negotiated?": the facts chosen state the signing; a fact of
 * the same pool with a subject word they lack answers the second half — the first fact for each word missing.
 */
export function otherFactHalves(ctx: Context, chosen: readonly Fact[], pool: readonly Fact[]): Fact[] {
  if (!ctx.a.compound || ctx.a.ask === 'yesno' || chosen.length === 0) return [];
  const has = (f: Fact, t: string): boolean => ctx.engine.index.factStems.has(f.id, t);
  const out: Fact[] = [];
  for (const t of ctx.terms) {
    if ([...chosen, ...out].some((f) => has(f, t))) continue;
    const half = pool.find((f) => !chosen.includes(f) && !out.includes(f) && has(f, t));
    if (half) out.push(half);
  }
  // "… and what was only discussed?": after what was signed, the documents the same visits talked about unsigned.
  const strict = strictCues(ctx.a);
  if (out.length === 0 && ctx.a.intents.has('topic') && strict.length && chosen.every((f) => strict.some((c) => has(f, c)))) {
    const unsigned = pool.filter((f) => !chosen.includes(f) && !strict.some((c) => has(f, c)) && DOCUMENT_STEMS.some((d) => has(f, d)));
    out.push(...unsigned.slice(0, MAX_UNSIGNED));
  }
  return out;
}

/** Attributes whose evidence is a figure: a sum, a trade figure, a share, a change. */
const FIGURE_ATTRIBUTES: ReadonlySet<Attribute> = new Set<Attribute>(['money', 'trade', 'percent', 'growth']);
const FIGURE_EVIDENCE = [...FIGURE_ATTRIBUTES].flatMap((at) => LEXICON.evidence.get(at) ?? []);
/** A quantity that is no sum: "1.2 million tonnes", "400 million kWh" (the lexicon's money evidence leaves those out). */
const QUANTITY = /\b\d[\d,.]*\s*(?:million|billion|thousand|mln|bln|tonnes?|tons?|kwh|cubic)\b/i;
/** Whether a text states a figure: a sum, a trade figure, a share, a change, a quantity. */
export const statesFigure = (text: string): boolean => QUANTITY.test(text) || FIGURE_EVIDENCE.some((states) => states(text));

/**
 * "Trade in the first half of 2025?" is not answered by "trade reached 512 million dollars in 2024": a figure
 * the text gives for other years only. (A figure with no year may be of any; one of the year asked is it.)
 */
export function figureOfOtherYear(a: Frame, text: string, releaseYear?: number): boolean {
  // "kz-az trade in h1 2024?": a figure of the whole year, or of nine months, is not of the first half.
  // ("… for the full year 2018?": a figure of January–October is of another period; a whole year's is written as the year.)
  if (a.period && asksFigure(a) && statesFigure(text)) {
    const says = (period: string): boolean => (LEXICON.periods.get(period) ?? []).some((form) => periodPattern(form).test(text));
    // (A sentence may give two: "in the first half … and in the first quarter …".)
    if (!says(a.period) && (a.period !== WHOLE_YEAR || [...LEXICON.periods.keys()].some((p) => p !== a.period && says(p)))) return true;
  }
  // ("… last yr, per the call in May 2021": the date is the call's, the figure the year before.)
  const asked = a.dates.flatMap((d) => (d.year ? (a.yearBefore && d.month ? [d.year, d.year - 1] : [d.year]) : []));
  if (asked.length === 0 || !asksFigure(a) || !statesFigure(text)) return false;
  // (A year compared with is not the figure's: "$3.2 million in the first half of 2024, up 41 percent compared with
  // the same period of 2023" is no figure of 2023.)
  const years = yearsSaid(text, releaseYear);
  return years.length > 0 && !years.some((y) => asked.includes(y));
}

/** The years a text says, the relative ones by the release's ("last year" in a release of 2024 is 2023), not those compared with. */
export function yearsSaid(text: string, releaseYear?: number): number[] {
  const own = text.replace(COMPARED_YEAR, ' ');
  // ("reached $1.4 billion last year" in a release of April 2024 is a figure of 2023.)
  const relative = releaseYear === undefined ? [] : [...own.matchAll(RELATIVE_YEAR)].map((m) => releaseYear + (/^(?:this|the current)/i.test(m[0]) ? 0 : -1));
  return [...(own.match(/\b(?:19|20)\d\d\b/g) ?? []).map(Number), ...relative];
}

/** The period a release states by its year alone ("trade in 2023 reached …"), not by words of its own. */
const WHOLE_YEAR = 'full year';

/** A period as a release may write it: any dash or hyphen in a range, any case. */
function periodPattern(form: string): RegExp {
  return new RegExp(`\\b${form.replace(/[-–—]/g, '[-–—]').replace(/ /g, '\\s+')}\\b`, 'i');
}

const RELATIVE_YEAR = /\b(?:last|previous|past|this|the current) year\b/gi;
const COMPARED_YEAR = /\b(?:compared (?:with|to)|than|against|versus|vs\.?|up from|down from)\b[^.;,]{0,40}?\b(?:19|20)\d\d\b/gi;

const FIGURE_SUBJECTS = new Set([...LEXICON.figureSubjects, ...LEXICON.tradeSubjects].map((w) => stem(w)));

/** Whether the question asks for a figure: a sum, a share, a count, or of a subject that is one ("trade"). */
export function asksFigure(a: Frame): boolean {
  return (a.attribute !== undefined && FIGURE_ATTRIBUTES.has(a.attribute)) || a.ask === 'count' || a.terms.some((t) => FIGURE_SUBJECTS.has(t));
}

function datedAsAsked(a: Frame, fact: Fact): boolean {
  return Boolean(fact.when) && a.dates.some((d) => whenMatches(fact.when!, d));
}

/** Fact kinds the question's action words ask for (not topics or meetings in general). */
export function actionKinds(a: Frame): FactKind[] {
  return [...a.intents].filter((i) => !['topic', 'meet', 'visit'].includes(i)).flatMap((i) => KINDS_BY_INTENT[i] ?? []);
}

function intentKinds(a: Frame): FactKind[] {
  return [...a.intents].flatMap((i) => KINDS_BY_INTENT[i] ?? []);
}

/** Whether a fact names an entity or one of its people (its actor, place, counterparts or words). */
export function factNames(ctx: Context, fact: Fact, id: string): boolean {
  const named = ctx.engine.index.factEntities;
  return named.has(fact.id, id) || peopleOf(ctx.engine, id).some((p) => named.has(fact.id, p));
}

export function counterpartsOf(ctx: Context, fact: Fact): string[] {
  const meeting = fact.meeting ? ctx.engine.knowledge.meetings.get(fact.meeting) : undefined;
  return meeting ? [...meeting.with] : fact.actor ? [fact.actor] : [];
}
