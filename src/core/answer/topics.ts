/** topics: what the visit covered, or what one meeting covered. */
import type { Engine } from '../engine';
import type { Fact, Meeting } from '../knowledge/types';
import { STRINGS, type Lang } from '../strings';
import { answered, notFound, type Answer } from './answer';
import { meetingsWith, nameWithTitle, releaseOf, resolvePeople, visitWords } from './people';
import { withResponses } from './sentences';

export function topics(engine: Engine, counterpart?: string, lang: Lang = 'en'): Answer {
  const S = STRINGS[lang];
  const query = counterpart?.trim();
  if (!query) return visitTopics(engine, [...engine.knowledge.meetings.values()], lang);
  const people = resolvePeople(engine, query);
  const meetings = [...new Set(people.flatMap((p) => meetingsWith(engine, p)))];
  if (meetings.length === 0) return notFound(people.length ? S.noTopicsFor(query) : S.noOneMatches(query), lang);
  return meetingTopics(engine, meetings, people, undefined, lang);
}

/** One line per meeting: who, then its topics. */
export function visitTopics(engine: Engine, meetings: readonly Meeting[], lang: Lang): Answer {
  const S = STRINGS[lang];
  if (meetings.length === 0) return notFound(S.releaseSilent, lang);
  const first = releaseOf(engine, meetings[0]!.release)!;
  const v = visitWords(engine, first, lang);
  // (A meeting with no topics drafted says nothing here: not "With X:" and an empty line.)
  const told = meetings.filter((m) => factsOf(engine, m).length > 0);
  if (told.length === 0) return notFound(S.releaseSilent, lang);
  const items = told.map((m) => {
    const who = m.with.map((p) => nameWithTitle(engine, p)).join(', ');
    const labels = factsOf(engine, m).map((f) => f.label);
    return `${S.topicsWith(who)} ${labels.join('; ')}`;
  });
  return answered(
    S.topicsOfVisit(v.principal, v.place, v.date),
    items,
    told.flatMap((m) => m.sources.slice(0, 1)),
    lang,
  );
}

/**
 * The facts of some meetings. With `only`, just those facts (what the question
 * asked about); the counterparts named are those the question was about.
 */
export function meetingTopics(
  engine: Engine,
  meetings: readonly Meeting[],
  people: readonly string[],
  only: ReadonlySet<string> | undefined,
  lang: Lang,
): Answer {
  const S = STRINGS[lang];
  const items: string[] = [];
  const sources = [];
  const ofSeveralReleases = new Set(meetings.map((x) => x.release)).size > 1;
  for (const m of meetings) {
    const facts = factsOf(engine, m).filter((f) => !only || only.has(f.id));
    if (facts.length === 0) continue;
    const who = m.with.filter((p) => people.length === 0 || people.includes(p));
    const whoText = (who.length ? who : m.with).map((p) => nameWithTitle(engine, p)).join(', ');
    const release = releaseOf(engine, m.release)!;
    const dated = ofSeveralReleases ? ` (${visitWords(engine, release, lang).date})` : '';
    items.push(`${S.topicsWith(whoText)}${dated}`);
    for (const f of facts) {
      items.push(`  – ${f.label}`);
      sources.push(...f.sources);
    }
  }
  if (items.length === 0) return notFound(S.releaseSilent, lang);
  // A single meeting reads better as a summary line plus its topics.
  const [head, ...rest] = items;
  // (A proposal's quote brings the sentence after it that says what became of it, as facts' answers do.)
  return answered(
    head!,
    rest.map((r) => r.replace(/^ {2}– /, '')),
    withResponses(engine, sources),
    lang,
  );
}

export function factsOf(engine: Engine, meeting: Meeting): Fact[] {
  return meeting.facts.flatMap((id) => engine.knowledge.facts.get(id) ?? []);
}
