/**
 * Officials a release names only by office, in a sentence that says they were met or were there: "the ambassador
 * also met with the Permanent Secretary of the Ministry of Foreign Affairs and with the President of the Private
 * Sector Organisation of Jamaica". The draft makes no one of them (there is no name to make), so the who-met
 * answers list them from the text, each with the sentence that says so.
 */
import type { Source } from '../knowledge/types';
import type { Engine } from '../engine';
import { LEXICON, phrasePattern } from '../lexicon/lexicon';
import { entitiesNamed } from '../search/index';
import { tokensOf } from '../search/tokens';
import { linkExact } from '../search/link';
import { STRINGS, type Lang } from '../strings';
import { answered, type Answer } from './answer';
import { sentencesOf } from './sentences';

/** One official named only by office, and the sentence that says they were met. */
export interface Unnamed {
  office: string;
  source: Source;
}

/** The releases read at most: past this many the question is about too much for a list from the text. */
const MAX_RELEASES = 3;
const MAX_UNNAMED = 6;

// "the [First] Deputy Minister of …", "Kazakhstan's Permanent Representative to the UN": an office after "the" or a
// possessive, before "of/for/to", up to where the sentence goes on to someone or something else ("… and the …",
// "… and Kazakhstan's …": another office).
const OFFICE = new RegExp(
  `(?:\\bthe|\\p{Lu}[\\p{L}-]*['’]s)\\s+(?:(?:First|Deputy|Vice|Acting|Senior|Executive)\\s+)?(?:${[...LEXICON.offices]
    .sort((a, b) => b.length - a.length)
    .map(phrasePattern)
    .join(
      '|',
    )})\\s+(?:of|for|to)\\s+[^,;.()]*?(?:\\s*\\([^)]*\\))?(?=\\s+and\\s+(?:with|the)\\b|\\s+and\\s+\\p{Lu}[\\p{L}-]*['’]s\\s|\\s+to\\s+(?:discuss|present)\\b|\\s+who\\b|\\s+on\\b|[,;.]|$)`,
  'gu',
);

/** Officials named only by office in these releases' sentences about meeting (none when they are too many to read). */
export function unnamedMet(engine: Engine, releases: Iterable<string>): Unnamed[] {
  const ids = [...releases];
  if (ids.length === 0 || ids.length > MAX_RELEASES) return [];
  const out: Unnamed[] = [];
  for (const id of ids) {
    const release = engine.knowledge.releases.get(id);
    if (!release) continue;
    sentencesOf(release).forEach((sentences, i) => {
      for (const quote of sentences) {
        if (!LEXICON.met(quote)) continue;
        // Less the people the sentence names, title and all: what is left of an office is someone unnamed.
        const rest = namedTexts(engine, quote).reduce((text, n) => text.split(n).join(' '), quote);
        for (const m of rest.matchAll(OFFICE)) {
          const office = m[0].replace(/^(?:the|\p{Lu}[\p{L}-]*['’]s)\s+/u, '').trim();
          if (!out.some((u) => u.office === office)) out.push({ office, source: { release: id, paragraph: i + 1, quote } });
        }
      }
    });
  }
  return out.slice(0, MAX_UNNAMED);
}

/**
 * People these releases name in a sentence about meeting who are neither met nor the visitor: "The meeting was also
 * attended by Director of the Americas Department Daniyar Seitkali" — there, on their side, for "who else attended?".
 */
export function presentNotMet(engine: Engine, releases: Iterable<string>): string[] {
  const ids = [...releases];
  if (ids.length === 0 || ids.length > MAX_RELEASES) return [];
  const out = new Set<string>();
  for (const id of ids) {
    const release = engine.knowledge.releases.get(id);
    if (!release) continue;
    const met = new Set((engine.index.meetingsByRelease.get(id) ?? []).flatMap((m) => m.with));
    for (const sentences of sentencesOf(release))
      for (const quote of sentences) {
        if (!LEXICON.met(quote)) continue;
        for (const p of entitiesNamed(tokensOf(quote), engine.index.formTable))
          if (
            (engine.index.mentionsByPerson.get(p) ?? []).some((m) => m.release === id) &&
            !met.has(p) &&
            p !== release.principal &&
            engine.knowledge.entities.get(p)?.type === 'person'
          )
            out.add(p);
      }
  }
  return [...out];
}

/** The names and titles of the people a sentence names, longest first (a title holds a shorter one). */
function namedTexts(engine: Engine, sentence: string): string[] {
  const texts = new Set<string>();
  // (By name: a title alone may be a longer office's start — "Minister of Energy" in "the Minister of Energy and
  // Infrastructure of the United Arab Emirates" is not Kazakhstan's.)
  const tokens = tokensOf(sentence);
  const byName = new Set(
    linkExact(tokens, engine.index.formTable)
      .filter((l) => l.role === 'name')
      .map((l) => l.entity),
  );
  for (const id of [...entitiesNamed(tokens, engine.index.formTable)].filter((x) => byName.has(x))) {
    const e = engine.knowledge.entities.get(id);
    if (e?.type !== 'person') continue;
    for (const t of [e.title, e.name, ...e.aliases]) if (t && t.length > 2) texts.add(t);
  }
  return [...texts].sort((a, b) => b.length - a.length);
}

/** An answer's people, then those the release names only by office, each with the sentence that says so. */
export function withUnnamed(answer: Answer | undefined, unnamed: readonly Unnamed[], lang: Lang): Answer {
  const S = STRINGS[lang];
  const items = unnamed.map((u) => S.byOfficeOnly(u.office));
  const sources = unnamed.map((u) => u.source);
  if (!answer) return answered(S.fromText, items, sources, lang);
  return { ...answer, ...answered(answer.summary, [...answer.items, ...items], [...answer.sources, ...sources], lang) };
}
