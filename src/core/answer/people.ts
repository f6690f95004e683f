/** People, meetings and how to name them — shared by whoMet, topics and ask. */
import type { Engine } from '../engine';
import type { Entity, Fact, Meeting, Release, Source } from '../knowledge/types';
import { read } from '../read/read';
import { releaseDateText, STRINGS, type Lang } from '../strings';
import { normalize } from '../text/normalize';

export function entity(engine: Engine, id: string): Entity | undefined {
  return engine.knowledge.entities.get(id);
}

export function nameOf(engine: Engine, id: string): string {
  return entity(engine, id)?.name ?? id;
}

/** "António Guterres (UN Secretary-General)". */
export function nameWithTitle(engine: Engine, id: string): string {
  const e = entity(engine, id);
  if (!e) return id;
  return e.title ? `${e.name} (${e.title})` : e.name;
}

/** "António Guterres — UN Secretary-General". */
export function personLine(engine: Engine, id: string): string {
  const e = entity(engine, id);
  if (!e) return id;
  return e.title ? `${e.name} — ${e.title}` : e.name;
}

/** The words that introduce a person in a release (their title, as the release gives it). */
export function mentionSources(engine: Engine, person: string, release?: string): Source[] {
  return (engine.index.mentionsByPerson.get(person) ?? []).filter((m) => !release || m.release === release).flatMap((m) => m.sources);
}

export function meetingsWith(engine: Engine, person: string): Meeting[] {
  return (engine.index.meetingsByPerson.get(person) ?? []).flatMap((id) => engine.knowledge.meetings.get(id) ?? []);
}

/** The facts drafted for some releases, in the knowledge's order. */
export function factsIn(engine: Engine, releases: Iterable<string>): Fact[] {
  return [...releases].flatMap((r) => engine.index.factsByRelease.get(r) ?? []).flatMap((id) => engine.knowledge.facts.get(id) ?? []);
}

export function releaseOf(engine: Engine, id: string): Release | undefined {
  return engine.knowledge.releases.get(id);
}

/** "Murat Nurtleu", "Geneva", "28 February 2024" for a release, with fallbacks for thin metadata. */
export function visitWords(engine: Engine, release: Release, lang: Lang) {
  return {
    principal: release.principal ? nameOf(engine, release.principal) : 'the delegation',
    place: release.place ? placeOfTheTime(engine, release, lang) : undefined,
    date: releaseDateText(release, lang),
  };
}

/**
 * The release's place by the name it had then: a 2021 release was in "Nur-Sultan (now Astana)", and its
 * text says Nur-Sultan. (An undated release by the former name its text writes.)
 */
function placeOfTheTime(engine: Engine, release: Release, lang: Lang): string {
  const place = entity(engine, release.place!);
  const name = place?.name ?? release.place!;
  const date = release.date;
  const former = place?.formerNames?.find((f) =>
    date ? (f.from === undefined || f.from <= date) && date < f.until : release.paragraphs.some((p) => p.includes(f.name)),
  );
  return former ? STRINGS[lang].formerName(former.name, name) : name;
}

/** Every person met, in the order of the releases and meetings, once per visit. */
export function allCounterparts(engine: Engine): ReadonlyArray<{ person: string; meeting: Meeting }> {
  return engine.index.counterparts;
}

/** People "of" an entity: itself if a person, else those whose organization or country it is (or is part of). */
export function peopleOf(engine: Engine, id: string): readonly string[] {
  return engine.index.peopleOfEntity.get(id) ?? [];
}

/** Longest name a command option may pass (Discord's option values are at most 100 characters). */
export const MAX_NAME_LENGTH = 100;

/**
 * Resolves a name typed in a command option ("guteres", "WHO", "Swiss") to the
 * people it means: exact and fuzzy links first, then fuse.js's best guess.
 */
export function resolvePeople(engine: Engine, name: string): string[] {
  // A name is short; a wall of text is not a name and must not cost seconds.
  name = name.slice(0, MAX_NAME_LENGTH);
  const analysis = read(name, engine.index);
  let ids = analysis.links.map((l) => l.entity);
  if (ids.length === 0 && analysis.unknownNames.length === 0) {
    const best = engine.index.formSearch.search(normalize(name), 1)[0];
    if (best && best.score <= 0.2) ids = [best.item.entity];
  }
  return [...new Set(ids.flatMap((id) => peopleOf(engine, id)))];
}
