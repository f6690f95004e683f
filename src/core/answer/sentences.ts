/**
 * Answers from the releases' own sentences, for whatever no curated fact covers: releases nobody
 * curated yet, the paragraphs a thin draft left out, details the facts do not carry. Retrieval is
 * MiniSearch's BM25 over every sentence (stems, synonyms and spelling variants folded as in the
 * question), then a sentence must cover most of what the question asks: each subject word, and
 * each entity it names (by any of its names).
 */
import type { Source } from '../knowledge/types';
import { linkExact } from '../search/link';
import { tokensOf } from '../search/tokens';
import { stemsOf } from '../search/entity-forms';
import { answered, type Answer } from './answer';
import type { Context } from './ask-context';
import { entity } from './people';
import { LEXICON } from '../lexicon/lexicon';

/** Sentences quoted at most. */
const MAX_SENTENCES = 3;
/** Of the question's subject words and names, the share a sentence must cover. */
const MIN_COVERAGE = 0.6;
/** Kept: sentences scoring at least this share of the best one. */
const NEAR_BEST = 0.6;

export function sentenceAnswer(ctx: Context, releases: ReadonlySet<string> = ctx.releases): Answer | undefined {
  const sources = bestSentences(ctx, releases);
  return sources.length ? answered(ctx.S.fromText, [], sources, ctx.lang) : undefined;
}

export function bestSentences(ctx: Context, releases: ReadonlySet<string>): Source[] {
  const { engine } = ctx;
  const entities = [...ctx.specific];
  const words = [...new Set([...ctx.terms, ...ctx.a.textNames.flatMap((n) => stemsOf(n))])];
  if (words.length === 0 && entities.length === 0) return [];
  // Each entity is looked up by the words of its names; coverage then asks for the entity itself.
  const nameWords = entities.flatMap((id) => {
    const e = entity(engine, id);
    return e ? [...new Set([e.name, ...e.aliases].flatMap((n) => stemsOf(n)))] : [];
  });
  // Names are looked up only when there are no subject words: otherwise every sentence naming the
  // person would outrank the one that says what was asked. Action words ("praised") and the visitor's
  // name rank sentences; the release may put them otherwise, so neither is required.
  const visitors = ctx.a.links.filter((l) => engine.index.persons.has(l.entity) && !entities.includes(l.entity)).map((l) => l.entity);
  const query = [...(words.length ? words : nameWords), ...ctx.a.cues];
  const hits = engine.index.sentences.search(query.join(' '), {
    combineWith: 'OR',
    // Query words are stems already (typos were mended by the reader): exact look-ups, no second stemming.
    processTerm: (t) => t,
    tokenize: (q) => q.split(' '),
    filter: (hit) => releases.has(hit['release'] as string),
  });
  const needed = words.length + entities.length;
  const distinctive = new Map(entities.map((id) => [id, distinctiveWords(ctx, id)]));
  const scored = hits.slice(0, 50).flatMap((hit) => {
    const text = hit['text'] as string;
    const tokens = tokensOf(text);
    const stems = new Set(tokens.map((t) => t.stem));
    const named = new Set(linkExact(tokens, engine.index.formTable).map((l) => l.entity));
    // An entity counts when the sentence names it, or says the distinctive word of its name ("the Academy").
    const mentions = (id: string): boolean => named.has(id) || (distinctive.get(id) ?? []).some((w) => stems.has(w));
    const covered = words.filter((w) => stems.has(w)).length + entities.filter(mentions).length;
    if (covered / needed < MIN_COVERAGE) return [];
    // "Which countries…", "which organizations…": a sentence that names some ranks higher.
    const group = ctx.group ? groupNames(ctx, tokens) : 0;
    const visitor = visitors.some((id) => named.has(id)) ? 1.5 : 1;
    return [{ score: hit.score * (covered / needed) * visitor * (1 + group), source: { release: hit['release'] as string, paragraph: hit['paragraph'] as number, quote: text } }];
  });
  scored.sort((a, b) => b.score - a.score);
  const best = scored[0]?.score ?? 0;
  return scored.filter((s) => s.score >= best * NEAR_BEST).slice(0, MAX_SENTENCES).map((s) => s.source);
}

/** The last word of each of an entity's names of two words or more, unless an ordinary word ("Academy" of "Turkic Academy"). */
function distinctiveWords(ctx: Context, id: string): string[] {
  const e = entity(ctx.engine, id);
  if (!e || e.type === 'person') return [];
  return [e.name, ...e.aliases].flatMap((n) => {
    const stems = stemsOf(n.replace(/\s*\([^)]*\)\s*$/, ''));
    const last = stems[stems.length - 1];
    return stems.length >= 2 && last && !LEXICON.frame.has(last) && !LEXICON.stopwords.has(last) ? [last] : [];
  });
}

/** How many countries (or organizations, as the question's group asks) a sentence names, known or not. */
function groupNames(ctx: Context, tokens: ReturnType<typeof tokensOf>): number {
  const { index } = ctx.engine;
  const known = linkExact(tokens, index.formTable).filter((l) => entity(ctx.engine, l.entity)?.type === ctx.group);
  const world = linkExact(tokens, index.worldTable).filter((l) => index.worldKinds.get(l.entity) === ctx.group);
  return new Set([...known, ...world].map((l) => l.entity)).size;
}
