/**
 * What ask() knows about a question once it is read: the analysis, the releases in scope, the
 * people and entities it names, and the group it asks about. Shared by the answering modules.
 */
import type { Engine } from '../engine';
import type { Meeting } from '../knowledge/types';
import type { Analysis } from '../search/analyze';
import { dateMatches, whenMatches } from '../search/dates';
import { STRINGS, type Lang } from '../strings';
import { stem } from '../text/normalize';
import { allCounterparts, entity, meetingsWith } from './people';

export interface Context {
  engine: Engine;
  a: Analysis;
  lang: Lang;
  S: (typeof STRINGS)['en'];
  /** Entities the question names that narrow it (not the visiting minister, his country or the host city). */
  specific: string[];
  /** People the question is about: named, or reached through a title, organization or country. */
  people: string[];
  /** Subject words, less those that only pick a group ("international organizations"). */
  terms: string[];
  /** "Which heads of international organizations…" or "How many foreign ministers…". */
  group: Group | undefined;
  /** The releases the question is about: those of the date, place or visitor it names (all when it names none). */
  releases: ReadonlySet<string>;
}

/**
 * Narrows to the releases whose date, host city or visiting minister the question names.
 * Returns undefined when it names a date that no release and no fact has: the releases are silent.
 */
export function scopeOf(engine: Engine, a: Analysis): ReadonlySet<string> | undefined {
  const linked = new Set(a.links.map((l) => l.entity));
  const all = engine.knowledge.releases;
  // Most questions name no date and no release's city or visitor: every release, no copying.
  if (a.dates.length === 0 && ![...linked].some((id) => engine.index.principals.has(id))) return engine.index.releaseIds;
  let scope: ReadonlySet<string> = engine.index.releaseIds;
  if (a.dates.length) {
    const dated = [...all.values()].filter((r) => a.dates.some((d) => dateMatches(r.date, d)));
    const factWhen = engine.index.datedFacts.some((f) => a.dates.some((d) => whenMatches(f.when!, d)));
    if (dated.length) scope = new Set(dated.map((r) => r.id));
    else if (!factWhen) return undefined;
  }
  // By place, then by visitor, through the index's lists: filtering every release here was most
  // of ask's time at 10,000 releases ("Did <minister> meet …?" names the visitor).
  scope = narrowed(scope, linked, engine.index.releasesByPlace, engine.index.releaseIds);
  return narrowed(scope, linked, engine.index.releasesByPrincipal, engine.index.releaseIds);
}

/** The releases of `scope` that `by` lists under a linked entity; `scope` itself when there are none. */
function narrowed(scope: ReadonlySet<string>, linked: ReadonlySet<string>, by: ReadonlyMap<string, ReadonlySet<string>>, all: ReadonlySet<string>): ReadonlySet<string> {
  const lists = [...linked].flatMap((id) => by.get(id) ?? []);
  if (lists.length === 1 && scope === all) return lists[0]!;
  const out = new Set<string>();
  for (const list of lists) for (const id of list) if (scope.has(id)) out.add(id);
  return out.size ? out : scope;
}

export type Group = 'organization' | 'country';
const GROUP_WORDS: Record<Group, RegExp> = {
  organization: /(^| )(organi[sz]ations?|agenc(y|ies)|heads? of international|организаци\p{L}*)( |$)/u,
  // Plural only: "the minister" is the visitor himself, "ministers" are his counterparts.
  country: /(^| )(ministers|country|countries|states|nations|министров|министры|министрами|стран\p{L}*)( |$)/u,
};
export const GROUP_STEMS = new Set(['international', 'organizations', 'organisations', 'countries', 'states', 'nations', 'agencies'].map((w) => stem(w)));

export function groupOf(words: readonly string[]): Group | undefined {
  const text = words.join(' ');
  if (GROUP_WORDS.organization.test(text)) return 'organization';
  if (GROUP_WORDS.country.test(text)) return 'country';
  return undefined;
}

export function inGroup(engine: Engine, person: string, group: Group | undefined): boolean {
  const e = entity(engine, person);
  if (!group) return true;
  return group === 'organization' ? Boolean(e?.organization) : Boolean(e?.country) && !e?.organization;
}

export function meetingsIn(ctx: Context, person: string): Meeting[] {
  return meetingsWith(ctx.engine, person).filter((m) => ctx.releases.has(m.release));
}

export function counterpartsIn(ctx: Context) {
  return allCounterparts(ctx.engine).filter((c) => ctx.releases.has(c.meeting.release));
}

/** People the question names, the visiting minister included. */
export function namedPeople(ctx: Context): string[] {
  return [...new Set(ctx.a.links.map((l) => l.entity))].filter((id) => entity(ctx.engine, id)?.type === 'person');
}

export function quoteList(words: readonly string[], lang: Lang): string {
  const quoted = [...new Set(words)].slice(0, 4).map((w) => (lang === 'ru' ? `«${w}»` : `“${w}”`));
  return quoted.length > 1 ? `${quoted.slice(0, -1).join(', ')} ${STRINGS[lang].and} ${quoted[quoted.length - 1]}` : (quoted[0] ?? '');
}
