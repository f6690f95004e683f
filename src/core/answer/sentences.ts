/**
 * Answers from the releases' own sentences, for whatever no curated fact covers: releases nobody
 * curated yet, the paragraphs a thin draft left out, details the facts do not carry.
 *
 * Retrieval is MiniSearch's BM25 over every sentence (stems, synonyms and spelling variants folded
 * as in the question). A release qualifies when its text covers most of what the question asks —
 * its subject words, and every place or organization it names; then its best sentences answer,
 * each holding at least one of the subject words. The question's words that only set the scene
 * ("at the first ministerial meeting") need not all be in the sentence that answers.
 */
import type { Source } from '../knowledge/types';
import { linkExact } from '../search/link';
import { tokensOf } from '../search/tokens';
import { stemsOf } from '../search/entity-forms';
import { answered, type Answer } from './answer';
import type { Context } from './ask-context';
import { entity } from './people';

/** Sentences quoted at most. */
const MAX_SENTENCES = 3;
/** Of the question's subject words and names, the share a release's text must cover. */
const MIN_COVERAGE = 0.75;
/** Kept: sentences scoring at least this share of the best one. */
const NEAR_BEST = 0.6;
/** Sentences read in full, at most, after BM25 has ranked them. */
const MAX_CANDIDATES = 60;

export function sentenceAnswer(ctx: Context, releases: ReadonlySet<string> = ctx.releases): Answer | undefined {
  const sources = bestSentences(ctx, releases);
  return sources.length ? answered(ctx.S.fromText, [], sources, ctx.lang) : undefined;
}

export function bestSentences(ctx: Context, releases: ReadonlySet<string>): Source[] {
  const { engine } = ctx;
  const { index } = engine;
  // Places and organizations are what the question is about; people mostly say which meeting.
  const required = ctx.specific.filter((id) => !index.persons.has(id));
  const people = ctx.a.links.map((l) => l.entity).filter((id) => index.persons.has(id));
  const words = [...new Set([...ctx.terms, ...ctx.a.textNames.flatMap((n) => stemsOf(n))])];
  // Soft words rank sentences without being required: actions ("met bilaterally", "praised") and the
  // group asked for ("international organizations"), which a release may put otherwise.
  const soft = [...new Set([...ctx.a.cues, ...ctx.a.hints, ...ctx.a.terms.filter((t) => !words.includes(t))])];
  if (words.length === 0 && required.length === 0) return [];
  const nameWords = required.flatMap((id) => {
    const e = entity(engine, id);
    return e ? [...new Set([e.name, ...e.aliases].flatMap((n) => stemsOf(n)))] : [];
  });
  // Names are looked up only when there are no subject words: otherwise every sentence naming the
  // place would outrank the one that says what was asked. Action words ("praised") rank sentences
  // too; the release may say it otherwise, so they are not required.
  const personWords = people.flatMap((id) => stemsOf(entity(engine, id)?.name ?? ''));
  const query = [...(words.length ? words : nameWords), ...soft, ...personWords];
  const hits = index.sentences.search(query.join(' '), {
    combineWith: 'OR',
    // Query words are stems already (typos were mended by the reader): exact look-ups, no second stemming.
    processTerm: (t) => t,
    tokenize: (q) => q.split(' '),
    filter: (hit) => releases.has(hit['release'] as string),
  });

  // Which releases cover the question: its words anywhere in their text, every place or organization named.
  const wordsByRelease = new Map<string, Set<string>>();
  for (const hit of hits) {
    const release = hit['release'] as string;
    const seen = wordsByRelease.get(release) ?? new Set<string>();
    for (const t of hit.queryTerms) if (words.includes(t)) seen.add(t);
    wordsByRelease.set(release, seen);
  }
  const needed = words.length + required.length;
  const covers = (release: string): boolean => {
    if (!required.every((id) => index.releasesNamingEntity.get(id)?.has(release))) return false;
    return ((wordsByRelease.get(release)?.size ?? 0) + required.length) / needed >= MIN_COVERAGE;
  };

  const scored = hits.slice(0, MAX_CANDIDATES).flatMap((hit) => {
    const release = hit['release'] as string;
    if (!covers(release)) return [];
    const text = hit['text'] as string;
    const tokens = tokensOf(text);
    const named = new Set(linkExact(tokens, index.formTable).map((l) => l.entity));
    const namesPerson = people.some((id) => named.has(id));
    // A sentence answers with a subject word of the question, or by naming the person it asks about ("what did Nurtleu say…").
    if (words.length && !hit.queryTerms.some((t) => words.includes(t)) && !namesPerson && !(ctx.a.groupNamed && groupNames(ctx, tokens))) return [];
    const persons = [...named].filter((id) => index.persons.has(id)).length;
    const boost =
      1 +
      required.filter((id) => named.has(id)).length +
      (namesPerson ? 1 : 0) +
      (ctx.a.ask === 'who' && persons ? 1 : 0) +
      (ctx.a.groupNamed ? groupNames(ctx, tokens) : 0);
    return [{ score: hit.score * boost, source: { release, paragraph: hit['paragraph'] as number, quote: text } }];
  });
  scored.sort((a, b) => b.score - a.score);
  const best = scored[0]?.score ?? 0;
  return scored.filter((s) => s.score >= best * NEAR_BEST).slice(0, MAX_SENTENCES).map((s) => s.source);
}

/** How many countries (or organizations, as the question's group asks) a sentence names, known or not. */
function groupNames(ctx: Context, tokens: ReturnType<typeof tokensOf>): number {
  const { index } = ctx.engine;
  const known = linkExact(tokens, index.formTable).filter((l) => entity(ctx.engine, l.entity)?.type === ctx.group);
  const world = linkExact(tokens, index.worldTable).filter((l) => index.worldKinds.get(l.entity) === ctx.group);
  return new Set([...known, ...world].map((l) => l.entity)).size;
}
