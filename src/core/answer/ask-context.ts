/**
 * What ask() knows about a question once it is read: the analysis, the releases in scope, the
 * people and entities it names, and the group it asks about. Shared by the answering modules.
 */
import type { Engine } from '../engine';
import type { Meeting } from '../knowledge/types';
import type { Frame } from '../read/frame';
import { dateMatches, whenMatches } from '../search/dates';
import { STRINGS, type Lang } from '../strings';
import { LEXICON, type Group } from '../lexicon/lexicon';
import { stem } from '../text/normalize';
import { allCounterparts, entity, meetingsWith } from './people';

export interface Context {
  engine: Engine;
  a: Frame;
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
export function scopeOf(engine: Engine, a: Frame): ReadonlySet<string> | undefined {
  const linked = new Set(a.links.map((l) => l.entity));
  // A visitor named by a title ("the Kazakh foreign minister") is a role, not this visit's visitor.
  const named = new Set(a.links.filter((l) => l.role !== 'title').map((l) => l.entity));
  const all = engine.knowledge.releases;
  // Most questions name no date and no release's city or visitor: every release, no copying.
  // "Who did he meet in Xi'an?", "the first Central Asia–GCC meeting": what only some releases' text
  // names narrows to the releases that name all of it (people aside: they are found through their meetings).
  const naming = [
    ...a.textNames.map((n) => engine.index.releasesNaming.get(n)),
    ...[...linked].filter((id) => !engine.index.persons.has(id) && !engine.index.principals.has(id)).map((id) => engine.index.releasesNamingEntity.get(id)),
  ].filter((set): set is ReadonlySet<string> => set !== undefined && set.size < all.size);
  if (a.dates.length === 0 && naming.length === 0 && ![...linked].some((id) => engine.index.principals.has(id))) return engine.index.releaseIds;
  let scope = [...all.values()];
  const namingAll = scope.filter((r) => naming.every((set) => set.has(r.id)));
  if (namingAll.length) scope = namingAll;
  if (a.dates.length) {
    const dated = scope.filter((r) => r.date !== undefined && a.dates.some((d) => dateMatches(r.date!, d)));
    const factWhen = engine.index.datedFacts.some((f) => a.dates.some((d) => whenMatches(f.when!, d)));
    if (dated.length) scope = dated;
    else if (!factWhen) return undefined;
  }
  const byPlace = scope.filter((r) => r.place && linked.has(r.place));
  if (byPlace.length) scope = byPlace;
  const byVisitor = scope.filter((r) => r.principal && named.has(r.principal));
  if (byVisitor.length) scope = byVisitor;
  return new Set(scope.map((r) => r.id));
}

/** Subject words that only pick a group ("international organizations", "countries"): not what a fact must say. */
export const GROUP_STEMS = new Set(['international', ...[...LEXICON.groups.values()].flat().flatMap((p) => p.split(' '))].map((w) => stem(w)));

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
