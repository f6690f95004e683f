/**
 * What ask() knows about a question once it is read: the analysis, the releases in scope, the
 * people and entities it names, and the group it asks about. Shared by the answering modules.
 */
import type { Engine } from '../engine';
import type { Meeting } from '../knowledge/types';
import type { Frame } from '../read/frame';
import { type DateMention, dateMatches, whenMatches } from '../search/dates';
import { STRINGS, type Lang } from '../strings';
import { LEXICON, type Group } from '../lexicon/lexicon';
import { stem } from '../text/normalize';
import { MONTH_FORMS_EN } from '../text/months';
import { allCounterparts, entity, meetingsWith } from './people';
import { sceneStems } from './sentences';

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
  const { index } = engine;
  // "Who did he meet in Xi'an?", "the first Central Asia–GCC meeting": what only some releases' text
  // names narrows to the releases that name all of it (visitors aside: they are found through their visits).
  // (A place a yes/no question proposes is what it asks, not where to look: "the first KZ–Sierra Leone commission was
  // held in Astana, yeah?" is about the Freetown release — unless nothing else says which release.)
  const proposed = new Set(a.proposed.entities);
  const naming = [
    ...a.textNames.map((n) => index.releasesNaming.get(n)),
    // A person by name ("did Nurlybek and Hélène sign …?") is in the releases that name them; by a title, anyone's.
    ...[...linked]
      .filter((id) => !index.principals.has(id) && (!index.persons.has(id) || named.has(id)) && !proposed.has(id))
      .map((id) => index.releasesNamingEntity.get(id)),
  ].filter((set): set is ReadonlySet<string> => set !== undefined && set.size < all.size);
  // The host city and the visitor, through the index's lists: filtering every release here was most
  // of ask's time at 10,000 releases ("Did <minister> meet …?" names the visitor).
  // (Not the visitors' own country: "kz-estonia trade" is no question about the one release placed only "in Kazakhstan".)
  const places = [...linked].filter((id) => !homeCountries(engine).has(id));
  const hostedElsewhere = union(places.filter((id) => !proposed.has(id)).map((id) => index.releasesByPlace.get(id)));
  const hosted = union(places.map((id) => index.releasesByPlace.get(id)));
  const visits = [...named].flatMap((id) => index.releasesByPrincipal.get(id) ?? []).filter((set) => set.size > 0);
  if (a.dates.length === 0 && naming.length === 0 && hosted.size === 0 && visits.length === 0) return index.releaseIds;
  // Only the visitor says which ("Did <minister> meet …?"): their releases as the index lists them — not a copy of
  // the thousands a minister may have at 10,000 releases.
  if (a.dates.length === 0 && naming.length === 0 && hosted.size === 0 && visits.length === 1) return ofTheScene(engine, a, [...visits[0]!]) ?? visits[0]!;
  const visited = union(visits);
  // The host city first: "…the consultations in Rome" is about the Rome release, whatever else it names.
  let scope: string[] = hosted.size ? [...hosted] : [...index.releaseIds];
  let namingAll = scope.filter((id) => naming.every((set) => set.has(id)));
  // (…but a place proposed that hosts none of what the question names is just wrong: look everywhere.)
  if (namingAll.length === 0 && naming.length && hostedElsewhere.size === 0 && hosted.size) {
    scope = [...index.releaseIds];
    namingAll = scope.filter((id) => naming.every((set) => set.has(id)));
  }
  // Nothing names all of it ("Turkmenistan's minister at the consultations in Rome"): the place asked about decides.
  const placesNamed = [
    ...[...linked].filter((id) => engine.knowledge.entities.get(id)?.type === 'place').map((id) => index.releasesNamingEntity.get(id)),
    ...a.textNames.filter((n) => index.worldKinds.get(n) === 'place').map((n) => index.releasesNaming.get(n)),
  ];
  if (namingAll.length) scope = namingAll;
  else if (placesNamed.length) scope = scope.filter((id) => placesNamed.every((set) => set?.has(id)));
  if (a.dates.length) {
    // An undated release that gives its day ("14 November") may be of any year: the month and day decide.
    const dated = scope.filter((id) => {
      const r = all.get(id);
      if (r?.date) return a.dates.some((d) => dateMatches(r.date!, d));
      return r?.monthDay !== undefined && a.dates.some((d) => d.month !== undefined && dateMatches(`0000-${r.monthDay}`, { ...d, year: undefined }));
    });
    // Releases with a fact of that date ("the protocol signed in May 2023" in a release of 2024).
    const ofFacts = new Set(index.datedFacts.filter((f) => a.dates.some((d) => whenMatches(f.when!, d))).map((f) => f.release));
    // "Where did they meet on September 22?": a date the text of some release gives.
    // "Trade in 2024" in a release of 2025: a year alone may be a figure's, which the text gives.
    const yearOnly = a.dates.every((d) => !d.month && d.year);
    const saysYear = yearOnly ? releasesSayingYears(engine, a) : new Set<string>();
    const inText = dated.length ? [] : yearOnly ? [...saysYear] : releasesSayingDates(engine, a);
    const datedSet = new Set(dated);
    const inTextSet = new Set(inText);
    const yearInText = yearOnly && dated.length ? scope.filter((id) => !datedSet.has(id) && saysYear.has(id)) : [];
    if (dated.length) scope = [...dated, ...yearInText];
    // (A date only other releases have — "the 2023 conference" of a release of December 2024 — is no scene of this one.)
    else if (ofFacts.size || inText.length) scope = scope.filter((id) => ofFacts.has(id) || inTextSet.has(id));
    else {
      // "Who did he meet on October 24?" of a release put out the day after ("… on Friday"): a release reports a day
      // or two late.
      const reportedAfter = scope.filter((id) => {
        const r = all.get(id);
        return r?.date !== undefined && a.dates.some((d) => reportedSoonAfter(r.date!, d));
      });
      if (reportedAfter.length === 0) return undefined;
      scope = reportedAfter;
    }
  }
  const byVisitor = scope.filter((id) => visited.has(id));
  // "What did Kulmanov discuss in Belgrade?": his releases name no Belgrade — no release answers, not another's.
  if (byVisitor.length === 0 && visited.size && (hosted.size || naming.length)) return new Set();
  const found = byVisitor.length ? byVisitor : scope;
  return ofTheScene(engine, a, found) ?? new Set(found);
}

/**
 * Of a few releases, the one whose scene (headline, opening) has every word the question asks about: "the
 * kazakh-vietnamese business forum" is the forum's release, not the two others that name Vietnam; "rakhmetullin's
 * critical minerals roundtable" is that one of his visits.
 */
function ofTheScene(engine: Engine, a: Frame, ids: readonly string[]): ReadonlySet<string> | undefined {
  if (ids.length < 2 || ids.length > 5 || a.terms.length === 0) return undefined;
  const scenes = ids.filter((id) => a.terms.every((t) => sceneStems(engine, id).has(t)));
  return scenes.length === 1 ? new Set(scenes) : undefined;
}

/** A release may report a day this many days late, at most. */
const REPORTED_WITHIN = 2;
/** Whether a release's date comes 1–REPORTED_WITHIN days after the day a question names (in the year it names, or the release's). */
function reportedSoonAfter(iso: string, d: DateMention): boolean {
  if (d.day === undefined || d.month === undefined) return false;
  const [y, m, day] = iso.split('-').map(Number) as [number, number, number];
  const after = Math.round((Date.UTC(y, m - 1, day) - Date.UTC(d.year ?? y, d.month - 1, d.day)) / 86_400_000);
  return after >= 1 && after <= REPORTED_WITHIN;
}

/** The countries the releases' visitors are of (Kazakhstan's, in a Kazakh ministry's archive), once per knowledge. */
const HOME_COUNTRIES = new WeakMap<Engine['knowledge'], ReadonlySet<string>>();
function homeCountries(engine: Engine): ReadonlySet<string> {
  let home = HOME_COUNTRIES.get(engine.knowledge);
  if (!home) {
    home = new Set(
      [...engine.index.releasesByPrincipal.keys()].map((p) => engine.knowledge.entities.get(p)?.country).filter((c): c is string => c !== undefined),
    );
    HOME_COUNTRIES.set(engine.knowledge, home);
  }
  return home;
}

function union(sets: ReadonlyArray<ReadonlySet<string> | undefined>): Set<string> {
  const out = new Set<string>();
  for (const set of sets) for (const id of set ?? []) out.add(id);
  return out;
}

/** Subject words that only pick a group ("international organizations", "countries"): not what a fact must say. */
export const GROUP_STEMS = new Set(['international', ...[...LEXICON.groups.values()].flat().flatMap((p) => p.split(' '))].map((w) => stem(w)));

/** Releases whose text gives a date the question names (its month and day, as English text writes them). */
function releasesSayingDates(engine: Engine, a: Frame): string[] {
  const ids = new Set<string>();
  for (const d of a.dates) {
    if (!d.month) continue;
    // (Written short too: "on Oct. 24".)
    for (const form of MONTH_FORMS_EN[d.month - 1]!) {
      const words = [stem(form), ...(d.day ? [String(d.day)] : [])];
      for (const hit of engine.index.sentences.search(words, { combineWith: 'AND' })) ids.add(hit.release);
    }
  }
  return [...ids];
}

/** Releases whose sentences give a year the question names alone ("trade in 2024"). */
function releasesSayingYears(engine: Engine, a: Frame): Set<string> {
  const ids = new Set<string>();
  for (const d of a.dates)
    if (d.year && !d.month) for (const hit of engine.index.sentences.search([String(d.year)], { combineWith: 'AND' })) ids.add(hit.release);
  return ids;
}

export function inGroup(engine: Engine, person: string, group: Group | undefined): boolean {
  const e = entity(engine, person);
  if (!group) return true;
  return group === 'organization' ? Boolean(e?.organization) : Boolean(e?.country) && !e?.organization;
}

export function meetingsIn(ctx: Context, person: string): Meeting[] {
  // ("One-on-one": not the session of five delegations they were both at — the people of one country at most, besides the
  // visitor's own.)
  const twoSides = (m: Meeting): boolean => {
    const own = entity(ctx.engine, ctx.engine.knowledge.releases.get(m.release)?.principal ?? '')?.country;
    return new Set(m.with.map((p) => entity(ctx.engine, p)?.country ?? p).filter((c) => c !== own)).size <= 1;
  };
  return meetingsWith(ctx.engine, person).filter((m) => ctx.releases.has(m.release) && (!ctx.a.oneOnOne || twoSides(m)));
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
